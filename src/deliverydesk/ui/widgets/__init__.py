"""Widgets and dialogs more than one feature uses."""
