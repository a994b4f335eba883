"""Database problems phrased for the person who owns the data."""

from __future__ import annotations

from pathlib import Path

from deliverydesk.wording import Refusal, RefusalCode


class DatabaseError(Refusal):
    """A problem with the data file, said as a refusal (code and values); `path` is the
    file concerned, when there is one."""

    def __init__(self, code: RefusalCode, path: Path | None = None, /, **values: object) -> None:
        super().__init__(code, **values)
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
        return StorageFailed(RefusalCode.STORAGE_LOCKED, path)
    if "full" in text or "no space" in text:
        return StorageFailed(RefusalCode.STORAGE_DISK_FULL, path)
    if "readonly" in text or "read-only" in text:
        return StorageFailed(RefusalCode.STORAGE_READ_ONLY, path)
    if "i/o" in text or "too large" in text:
        return StorageFailed(RefusalCode.STORAGE_IO, path)
    return StorageFailed(RefusalCode.STORAGE_FAILED, path, reason=error)
