"""Database problems phrased for the person who owns the data."""

from __future__ import annotations

from pathlib import Path


class DatabaseError(Exception):
    """A problem with the data file; `str()` is a message fit to show a user."""

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.path = path


class DatabaseCorrupt(DatabaseError):
    pass


class DatabaseLocked(DatabaseError):
    pass


class DatabaseTooNew(DatabaseError):
    pass
