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
    def __init__(self) -> None:
        self.done = threading.Event()
        self.verdict: list[str] | None = None  # None: it could not finish


_pending: dict[Path, _Check] = {}
_lock = threading.Lock()


def begin(path: Path) -> None:
    """Start checking the database at `path` (read-only) on a thread of its own."""
    if not path.exists() or not writable(path):
        return  # nothing to check, or a read-only file: the open checks it as it stands
    check = _Check()

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
    when none was begun or it could not finish, and the caller checks for itself."""
    with _lock:
        check = _pending.pop(path.resolve(), None)
    if check is None:
        return None
    check.done.wait()
    return check.verdict
