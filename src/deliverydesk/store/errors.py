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


class DatabaseInaccessible(DatabaseError):
    """The file cannot be reached as it is (a folder in its place, no permission to read
    it, a full or failing disk): not damage, so nothing is moved or repaired."""


class StorageFailed(DatabaseError):
    """A write the database could not take (locked too long, disk full, read-only, I/O);
    nothing of it was saved."""


def storage_failure(error: BaseException, path: Path | None = None) -> StorageFailed:
    """The person's words for a failed write."""
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        message = (
            "Another program is writing to your data right now. "
            "Nothing was changed; try again in a moment."
        )
    elif "full" in text or "no space" in text:
        message = "The disk is full. Nothing was changed; free some space and try again."
    elif "readonly" in text or "read-only" in text:
        message = "Your data file is read-only. Nothing was changed."
    elif "i/o" in text or "too large" in text:
        message = (
            "Your data could not be written to the disk (it may be full or failing). "
            "Nothing was changed; free some space and try again."
        )
    else:
        message = f"Your data could not be saved ({error}). Nothing was changed."
    return StorageFailed(message, path)
