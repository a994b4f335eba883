"""Verified copies of the database, made with SQLite's online backup API."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from deliverydesk.store.errors import DatabaseError


def verified_backup(source: Path, folder: Path, label: str) -> Path:
    """Copy `source` into `folder` as `<label>-<UTC stamp>.sqlite3` and prove the copy sound.

    The copy is written to a temporary name with mode 0600, checked with integrity_check,
    then renamed into place, so a half-made backup never carries a real name.
    """
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"{label}-{stamp}.sqlite3"
    temp = target.with_suffix(".tmp")
    os.close(os.open(temp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600))
    try:
        try:
            with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(temp)) as dst:
                src.backup(dst)
                verdict = dst.execute("PRAGMA integrity_check").fetchone()[0]
                dst.execute("PRAGMA journal_mode=DELETE")  # a backup is one self-contained file
        except sqlite3.DatabaseError as error:  # a damaged page stops the copy or the check
            raise DatabaseError(f"The backup of {source} failed: {error}", source) from error
        if verdict != "ok":
            raise DatabaseError(
                f"The backup of {source} failed its integrity check: {verdict}", source
            )
        with temp.open("rb") as handle:
            os.fsync(handle.fileno())
        temp.replace(target)
        _fsync_folder(folder)  # so the rename itself survives a power cut
    finally:
        temp.unlink(missing_ok=True)
    return target


def _fsync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
