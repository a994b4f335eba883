"""A start's quick check, begun beside its first paint.

SQLite's quick_check reads the whole file (~80 ms at 5,000 clients) without holding
Python's lock, so a start begins it on a thread of its own as the board's snapshot is
read, and the open (database._inspect) takes its answer instead of checking again: the
check still comes before anything is written, but no longer after the paint.
"""

from __future__ import annotations

import sqlite3
import threading
from contextlib import closing
from pathlib import Path

from deliverydesk.store.schema import writable


class _Check:
    def __init__(self, file: tuple[int, int, int]) -> None:
        self.file = file  # which file was checked: a file put in its place since is not
        self.done = threading.Event()
        self.verdict: list[str] | None = None  # None: it could not finish


def _identity(path: Path) -> tuple[int, int, int]:
    info = path.stat()
    return (info.st_ino, info.st_size, info.st_mtime_ns)


_pending: dict[Path, _Check] = {}
_lock = threading.Lock()


def begin(path: Path) -> None:
    """Start checking the database at `path` (read-only) on a thread of its own."""
    if not path.exists() or not writable(path):
        return  # nothing to check, or a read-only file: the open checks it as it stands
    check = _Check(_identity(path))

    def run() -> None:
        try:
            uri = f"{path.resolve().as_uri()}?mode=ro"
            with closing(sqlite3.connect(uri, uri=True)) as connection:
                rows = connection.execute("PRAGMA quick_check").fetchall()
            check.verdict = [row[0] for row in rows]
        except Exception:  # the open checks again, and says what is wrong
            check.verdict = None
        finally:
            check.done.set()

    with _lock:
        _pending[path.resolve()] = check
    threading.Thread(target=run, name="quick-check", daemon=True).start()


def take(path: Path) -> list[str] | None:
    """The verdict of the check begun for `path` (waiting for it if need be), once; None
    when none was begun, it could not finish, or the file has changed since (a recovery
    finished by the open put another in its place): the caller then checks for itself."""
    with _lock:
        check = _pending.pop(path.resolve(), None)
    if check is None:
        return None
    check.done.wait()
    try:
        same = _identity(path) == check.file
    except OSError:
        return None
    return check.verdict if same else None
