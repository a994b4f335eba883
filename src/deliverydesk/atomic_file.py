"""Files outside SQLite written whole or not at all: a crash leaves the old file or the new
one, never half of one (ARCHITECTURE.md, rule 8). The one copy of the recipe: write a
temporary file beside the target, flush it to the disk, rename it over the target, and
flush the folder so that the rename itself survives a power cut.

Raises OSError as the system does; the services word it for a person (offer_file.py).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class FolderRefused(OSError):
    """No temporary file could be made in the target's folder (missing, or not writable);
    the system's error is its __cause__."""


def write_atomically(path: Path, data: bytes, *, tag: str = "") -> None:
    """`data` at `path` through `.<name>.<tag><random>.tmp` in the same folder (private:
    0600), removed whatever stops the write (an error, a SystemExit from a stop signal)."""
    try:
        handle, name = tempfile.mkstemp(
            prefix=f".{path.name}.{tag}", suffix=".tmp", dir=path.parent
        )
    except OSError as error:
        raise FolderRefused(error.errno, error.strerror, str(path.parent)) from error
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
        fsync_folder(path.parent)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def replace_durably(temporary: Path, target: Path) -> None:
    """`temporary`, written and closed by its maker (a SQLite backup, say), flushed to the
    disk and renamed over `target`; the rename flushed too."""
    handle = os.open(temporary, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)
    os.replace(temporary, target)
    fsync_folder(target.parent)


def fsync_folder(folder: Path) -> None:
    """Make the renames in `folder` durable."""
    if os.name == "nt":  # folders cannot be opened for fsync there; NTFS journals renames
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)
