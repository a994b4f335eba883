"""One holder per data folder: an OS lock on a small file in it, never a process id.

The system lets go of the lock when its process ends, however it ends, so a crash never
locks the folder out, and a process id written in the file long ago (which may since name
some other program) decides nothing. POSIX systems use flock(), which belongs to the open
file, not the process: a second open in the same process is refused too, and it is
independent of the fcntl() locks SQLite holds on the database. Windows locks the file's
first byte (msvcrt.locking).

The file is removed when its holder lets go. A start that opened it just before that
could lock a file no longer in the folder, so each start checks, once it holds the lock,
that the path still names the file it locked, and tries again if not.
"""

from __future__ import annotations

import os
import sys
from contextlib import suppress
from pathlib import Path

LOCK_NAME = "deliverydesk.lock"
_ATTEMPTS = 20  # a holder letting go mid-claim costs one more; twenty never run out


class FolderLock:
    def __init__(self, folder: Path) -> None:
        self.path = folder / LOCK_NAME
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> bool | None:
        """True once this process holds the folder, False while another start holds it,
        None when no lock file can be made at all (a read-only folder, say)."""
        if self._fd is not None:
            return True
        for _attempt in range(_ATTEMPTS):
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            except OSError:
                return None
            if not _lock(fd):
                os.close(fd)
                return False
            if _same_file(fd, self.path):
                self._fd = fd
                _say_who(fd)
                return True
            _unlock(fd)  # locked a file its holder removed meanwhile: claim the new one
            os.close(fd)
        return False

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        if sys.platform != "win32":  # on Windows an open file cannot be removed: after closing
            self.path.unlink(missing_ok=True)
        _unlock(fd)
        os.close(fd)
        if sys.platform == "win32":  # unless another start has it open already: theirs now
            with suppress(OSError):
                self.path.unlink(missing_ok=True)


def _lock(fd: int) -> bool:
    try:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:  # held by another open of the file (BlockingIOError on POSIX)
        return False
    return True


def _unlock(fd: int) -> None:
    with suppress(OSError):  # closing the file lets go of it anyway
        if sys.platform == "win32":
            import msvcrt

            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_UN)


def _same_file(fd: int, path: Path) -> bool:
    try:
        named = path.stat()
    except OSError:
        return False
    mine = os.fstat(fd)
    return (named.st_dev, named.st_ino) == (mine.st_dev, mine.st_ino)


def _say_who(fd: int) -> None:
    """The holder's process id, for a person looking in the folder; nothing reads it."""
    try:
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, f"{os.getpid()}\n".encode())
    except OSError:
        pass
