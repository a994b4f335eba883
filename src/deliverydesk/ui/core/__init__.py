"""The window's machinery without a look: events, jobs, undo, text."""
