"""Scratch work inside the data folder, and the sweep of what killed runs left behind.

Every piece of scratch work (a demo or a practice file built aside before it is moved in,
a batch export's bookkeeping) lives in a folder named `.deliverydesk-staging-...` inside
the data folder. Its owner holds an OS lock on the folder's `owner.lock` for as long as it
lives; the lock goes with the process however it ends (SIGKILL included), so at the next
start a staging folder whose lock can be taken has no live owner and is removed, together
with what it lists in `leftovers` (multiprocessing's own temporary folder, the batch's
half-written PDFs). A live run's staging is never touched: its lock is held. What
outlives a piece of work but not the process (multiprocessing's `pymp-*` folder, which
stays until the process ends) is listed in a staging folder that lives as long as the
process (`process_staging`).

POSIX uses flock(), which belongs to the open file and not to the process, so taking and
dropping it on another run's file cancels no lock of this process; Windows uses
msvcrt.locking().
"""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager, suppress
from pathlib import Path

PREFIX = ".deliverydesk-staging-"
OWNER = "owner.lock"
LEFTOVERS = "leftovers"
# A folder with no owner file yet is a run between making the folder and locking it.
UNLOCKED_GRACE = 60.0
_process_staging: dict[Path, Path] = {}  # by data folder


@contextmanager
def staging(folder: Path, purpose: str) -> Iterator[Path]:
    """A new private folder inside the data `folder`, removed when the block ends (and
    by the next start's sweep if this process is killed first)."""
    path = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{purpose}-", dir=folder))
    owner = _lock(path / OWNER)
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)  # its leftovers are their makers' to remove
        os.close(owner)


@contextmanager
def staging_if_possible(folder: Path, purpose: str) -> Iterator[Path | None]:
    """staging(), or None where the data folder cannot be written (a practice open for
    reading only can still be exported: it only goes without the sweep's safety net)."""
    with ExitStack() as stack:
        try:
            path: Path | None = stack.enter_context(staging(folder, purpose))
        except OSError:
            path = None
        yield path


def process_staging(folder: Path) -> Path | None:
    """A staging folder in the data `folder` that lives as long as this process (made at
    the first call, removed as the process ends), for leftovers that outlive the work that
    made them; None where the data folder cannot be written."""
    key = Path(os.path.abspath(folder))
    if key not in _process_staging:
        stack = ExitStack()
        try:
            _process_staging[key] = stack.enter_context(staging(key, "process"))
        except OSError:
            return None
        atexit.register(stack.close)
    return _process_staging[key]


def staging_token(staged: Path) -> str:
    """The random part of a staging folder's name, to tag files made for it elsewhere."""
    return staged.name.rsplit("-", 1)[-1]


def note_leftover(staged: Path, leftover: Path) -> None:
    """Ask the sweep to remove `leftover` (a file, a folder or a glob pattern) too, should
    the staging folder's owner be killed before it cleans up itself."""
    with (staged / LEFTOVERS).open("a", encoding="utf-8", errors="surrogateescape") as out:
        out.write(f"{leftover}\n")


def sweep(folder: Path) -> list[Path]:
    """Remove the staging folders in the data `folder` whose owner is gone; returns them."""
    try:
        entries = [p for p in folder.iterdir() if p.name.startswith(PREFIX) and p.is_dir()]
    except OSError:
        return []
    removed = []
    for path in entries:
        if _owned(path):
            continue
        _remove_with_leftovers(path)
        removed.append(path)
    return removed


def _owned(path: Path) -> bool:
    try:
        handle = os.open(path / OWNER, os.O_RDWR)
    except FileNotFoundError:
        try:
            return time.time() - path.stat().st_mtime < UNLOCKED_GRACE
        except OSError:
            return True
    except OSError:
        return True  # not ours to judge (no permission): leave it
    try:
        return not _try_lock(handle)
    finally:
        os.close(handle)  # drops the flock just taken, nothing else


def _remove_with_leftovers(path: Path) -> None:
    with suppress(OSError):
        for line in (path / LEFTOVERS).read_text("utf-8", "surrogateescape").splitlines():
            _remove_leftover(Path(line))
    shutil.rmtree(path, ignore_errors=True)


def _remove_leftover(leftover: Path) -> None:
    if any(ch in leftover.name for ch in "*?["):
        targets = list(leftover.parent.glob(leftover.name))
    else:
        targets = [leftover]
    for target in targets:
        if target.is_dir() and not target.is_symlink():
            shutil.rmtree(target, ignore_errors=True)
        else:
            target.unlink(missing_ok=True)


def _lock(path: Path) -> int:
    # Locked under another name, then renamed: a sweep never finds the file unlocked.
    # (Windows renames no open file: there the name is final at once.)
    fresh = path if sys.platform == "win32" else path.with_name(path.name + ".new")
    handle = os.open(fresh, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
    if not _try_lock(handle):
        os.close(handle)
        raise OSError(f"{fresh} is locked by another process")
    os.replace(fresh, path)
    return handle


if sys.platform == "win32":
    import msvcrt

    def _try_lock(handle: int) -> bool:
        try:
            msvcrt.locking(handle, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

else:
    import fcntl

    def _try_lock(handle: int) -> bool:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True
