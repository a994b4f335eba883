"""Entities (model/entities/__init__.py) and the pure rules of the delivery domain.

Importing the package imports neither: the rules run without SQLAlchemy, which a fast
start needs (see services/views/startup.py).
"""
