"""Verified copies of the database, made with SQLite's online backup API.

A backup is `<label>-<UTC stamp>.sqlite3` in the backups folder. It is written under a
temporary name created 0600, copied page by page from the live file (never with file
APIs: a plain copy of a WAL database misses everything not yet checkpointed), proved sound
with integrity_check, switched to a self-contained rollback journal, flushed to disk and
only then renamed: a half-made backup never carries a real name.
"""

from __future__ import annotations

import os
import re
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from deliverydesk.atomic_file import replace_durably
from deliverydesk.store.errors import DatabaseError
from deliverydesk.wording import RefusalCode

SUFFIX = ".sqlite3"
_STAMP = "%Y%m%dT%H%M%S%fZ"
_NAME = re.compile(r"^(?P<label>[a-z0-9][a-z0-9-]*?)-(?P<stamp>\d{8}T\d{12}Z)\.sqlite3$")
# A temporary file this old was left by a backup that was killed, never one in progress.
STALE_TEMPORARY = timedelta(hours=1)


def verified_backup(source: Path, folder: Path, label: str, now: datetime | None = None) -> Path:
    """Copy `source` into `folder` as `<label>-<UTC stamp>.sqlite3` and prove the copy sound.

    Raises DatabaseError (nothing left behind) when the source cannot be read whole or the
    copy fails its integrity check.
    """
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    stamp = (now or datetime.now(UTC)).astimezone(UTC).strftime(_STAMP)
    target = folder / f"{label}-{stamp}{SUFFIX}"
    copy_verified(source, target)
    return target


def copy_verified(source: Path, target: Path, *, read_only: bool = False) -> None:
    """A sound, self-contained, private (0600) copy of the database `source` at `target`.

    `read_only` opens the source without ever writing to it (a file the person picked).
    """
    if not source.is_file():
        raise DatabaseError(RefusalCode.NO_DATABASE_FILE, source, source=source)
    temp = target.with_name(f".{target.name}.tmp")
    try:
        os.close(os.open(temp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600))
    except OSError as error:
        raise DatabaseError(
            RefusalCode.BACKUP_FOLDER_UNWRITABLE,
            source,
            folder=target.parent,
            reason=error.strerror or error,
        ) from error
    try:
        _copy(source, temp, read_only)
        replace_durably(temp, target)
    except OSError as error:
        raise DatabaseError(
            RefusalCode.BACKUP_NOT_WRITTEN, source, source=source, reason=error.strerror or error
        ) from error
    finally:
        for leftover in (temp, *_sidecars(temp)):
            leftover.unlink(missing_ok=True)


def _copy(source: Path, temp: Path, read_only: bool) -> None:
    uri = f"{source.resolve().as_uri()}?mode={'ro' if read_only else 'rw'}"
    try:
        with (
            closing(sqlite3.connect(uri, uri=True, timeout=5.0)) as src,
            closing(sqlite3.connect(temp)) as dst,
        ):
            src.backup(dst)
            verdict = [row[0] for row in dst.execute("PRAGMA integrity_check")]
            dst.execute("PRAGMA journal_mode=DELETE")  # a backup is one self-contained file
    except sqlite3.DatabaseError as error:  # a damaged page stops the copy or the check
        raise DatabaseError(
            RefusalCode.BACKUP_FAILED, source, source=source, reason=error
        ) from error
    if verdict != ["ok"]:
        raise DatabaseError(
            RefusalCode.BACKUP_FAILED_CHECK,
            source,
            source=source,
            problems="; ".join(verdict[:3]),
        )


@dataclass(frozen=True, slots=True)
class BackupFile:
    path: Path
    label: str  # "auto", "manual", "before-restore", "before-schema-0004"...
    taken_at: datetime  # aware, UTC
    size: int


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """A backup as the person chooses among them: in Settings → Backups and, when the data
    file is damaged, in the recovery dialog (the one description of a backup)."""

    path: Path
    label: str  # "auto", "manual"..., or "" for a file named otherwise
    taken_at: datetime  # aware, UTC
    size: int  # bytes
    clients: int | None  # clients in it; None when it cannot be read
    practice: str | None = None  # the practice's name in it
    # A backup just made: where it was also copied (services/data/backup_copies.py), or why not.
    copied_to: Path | None = None
    copy_problem: str = ""


def backup_infos(folder: Path) -> list[BackupInfo]:
    """Every backup in `folder`, newest first, with what it holds."""
    return [backup_info(found) for found in backup_files(folder)]


def backup_info(found: BackupFile) -> BackupInfo:
    clients: int | None = None
    practice: str | None = None
    try:
        ((count, name),) = read_backup(  # one opening of the file for both
            found.path,
            "SELECT (SELECT count(*) FROM client WHERE NOT archived),"
            " (SELECT name FROM practice ORDER BY id LIMIT 1)",
        )
        clients = int(str(count))
        practice = None if name is None else str(name)
    except (sqlite3.Error, OSError, ValueError):
        pass  # a backup of an older schema, or a file set aside as damaged
    return BackupInfo(found.path, found.label, found.taken_at, found.size, clients, practice)


def label_of(path: Path) -> str:
    """The label in a backup's file name ("auto", "before-restore"...), or ""."""
    match = _NAME.match(path.name)
    return match["label"] if match else ""


def backup_files(folder: Path) -> list[BackupFile]:
    """The finished backups in `folder`, newest first (temporary files are not backups)."""
    found = []
    try:
        entries = list(folder.iterdir())
    except FileNotFoundError:
        return []
    for path in entries:
        match = _NAME.match(path.name)
        if match is None or not path.is_file():
            continue
        try:
            taken_at = datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=UTC)
            size = path.stat().st_size
        except (ValueError, OSError):
            continue
        found.append(BackupFile(path, match["label"], taken_at, size))
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def remove_stale_temporaries(folder: Path, now: datetime | None = None) -> list[Path]:
    """Delete what killed backups left behind (`.*.tmp` and their -wal, -shm, -journal)."""
    limit = (now or datetime.now(UTC)).timestamp() - STALE_TEMPORARY.total_seconds()
    removed = []
    try:
        entries = list(folder.iterdir())
    except FileNotFoundError:
        return []
    for path in entries:
        name = path.name
        if not any(name.endswith(end) for end in (".tmp", ".tmp-wal", ".tmp-shm", ".tmp-journal")):
            continue
        try:
            if path.stat().st_mtime < limit:
                path.unlink()
                removed.append(path)
        except OSError:
            continue
    return removed


def read_backup(path: Path, sql: str) -> list[tuple[object, ...]]:
    """Rows of `sql` read from a backup file, which is never written to (not even a -shm)."""
    uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
    with closing(sqlite3.connect(uri, uri=True)) as connection:
        return connection.execute(sql).fetchall()


def _sidecars(path: Path) -> list[Path]:
    return [path.with_name(path.name + end) for end in ("-wal", "-shm", "-journal")]
