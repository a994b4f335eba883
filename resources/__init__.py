"""Icons (and later fonts and brand assets), installed as deliverydesk.resources.

The folder sits at the top of the repository and is mapped into the package by
`package-dir` in pyproject.toml; read it with importlib.resources, never by path.
"""
