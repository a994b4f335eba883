"""Putting a damaged data file right: its indexes rebuilt on a copy, else a verified
backup, else a fresh start. The damaged file (with its -wal and -shm) is always kept aside
in `damaged/<when>/`, never deleted, and never replayed into what replaces it.

Only damage comes here: a locked file, a permission problem or a full disk is not damage
(store/database.py says so in its own words) and nothing is moved for it.

Putting the replacement in place survives a crash at any moment: the replacement is made
under a temporary name first, a marker file then records the plan, the damaged files move
aside, the replacement takes the real name, and the marker goes. An open that finds the
marker finishes the job (`finish_interrupted_recovery`) before it looks at anything else.
"""

from __future__ import annotations

import json
import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from deliverydesk.atomic_file import fsync_folder, write_atomically
from deliverydesk.store.backup import BackupInfo, backup_infos
from deliverydesk.store.errors import DatabaseError
from deliverydesk.store.schema import DATABASE_NAME
from deliverydesk.wording import RefusalCode

DAMAGED_FOLDER = "damaged"
BACKUP_FOLDER = "backups"
MARKER = "recovery-in-progress.json"
REPLACEMENT = DATABASE_NAME + ".recovering"
SIDECARS = ("-wal", "-shm", "-journal")


class RecoveryFailed(DatabaseError):
    """A step of the recovery could not be done; what was in place is still in place."""


@dataclass(frozen=True)
class Recovered:
    """What was done, for the person: `message` says it in plain words."""

    how: str  # "repaired", "backup" or "fresh"
    kept: Path  # the folder holding the damaged file
    message: str
    backup: Path | None = None


def repair_indexes(data_dir: Path) -> Recovered | None:
    """Rebuild every index of the damaged file from its tables, on a copy; when the result
    passes the full integrity check, it replaces the file. None when the damage is not in
    the indexes alone (the file is then left exactly as it was).

    A damaged index cannot be dropped or REINDEXed (both read its broken pages to free
    them), so the copy forgets its indexes, VACUUM INTO writes its tables to a new file,
    and the indexes are made again there from their definitions.
    """
    source = data_dir / DATABASE_NAME
    scratch = data_dir / REPLACEMENT
    _remove_with_sidecars(scratch)
    try:
        with closing(sqlite3.connect(":memory:", isolation_level=None)) as connection:
            connection.deserialize(_pages(source))
            indexes = connection.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
            ).fetchall()
            connection.execute("PRAGMA writable_schema = ON")
            connection.execute("DELETE FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
            edited = connection.serialize()
        with closing(sqlite3.connect(":memory:", isolation_level=None)) as connection:
            connection.deserialize(edited)  # read afresh: the schema without its indexes
            connection.execute("VACUUM INTO ?", (str(scratch),))
        scratch.chmod(0o600)  # made under the umask, inside the private (0700) data folder
        with closing(sqlite3.connect(scratch, isolation_level=None)) as connection:
            for (sql,) in indexes:
                connection.execute(sql)
            if _integrity(connection) != ["ok"]:
                raise sqlite3.DatabaseError("the damage is not in the indexes alone")
            connection.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        _fsync(scratch)
    except (sqlite3.Error, OSError, MemoryError):
        _remove_with_sidecars(scratch)
        return None
    kept = _replace(data_dir, scratch)
    return Recovered(
        "repaired",
        kept,
        "Your data file was damaged in its indexes (the lists it keeps to find records "
        "quickly); DeliveryDesk rebuilt them from your records and nothing was lost. The "
        f"damaged file is kept in {kept}.",
    )


def valid_backups(data_dir: Path) -> list[BackupInfo]:
    """The backups Settings → Backups lists that pass the full integrity check, newest
    first."""
    return [info for info in backup_infos(data_dir / BACKUP_FOLDER) if _sound(info.path)]


def _sound(path: Path) -> bool:
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as db:
            return _integrity(db) == ["ok"]
    except sqlite3.Error:
        return False


def restore_backup(data_dir: Path, backup: Path) -> Recovered:
    """Put a copy of `backup` in place of the damaged file, proved sound as every restore's
    copy is (store/restore.py); raises RecoveryFailed, changing nothing, when it cannot be
    used."""
    from deliverydesk.store import migrate
    from deliverydesk.store.restore import sound_copy

    scratch = data_dir / REPLACEMENT
    _remove_with_sidecars(scratch)
    try:
        sound_copy(backup, scratch, migrate.known_revisions())
    except DatabaseError as error:
        raise RecoveryFailed(
            RefusalCode.RECOVERY_BACKUP_FAILED, file=backup.name, reason=error
        ) from error
    kept = _replace(data_dir, scratch)
    return Recovered(
        "backup",
        kept,
        f"Your data file was damaged, so DeliveryDesk put back the backup {backup.name}: "
        "anything done after it was taken is not in it. The damaged file is kept in "
        f"{kept}.",
        backup,
    )


def start_fresh(data_dir: Path) -> Recovered:
    """Move the damaged file aside; the next open starts an empty practice."""
    kept = _replace(data_dir, None)
    return Recovered(
        "fresh",
        kept,
        f"Your data file was damaged and is kept in {kept}; DeliveryDesk starts with an "
        "empty practice.",
    )


def finish_interrupted_recovery(data_dir: Path) -> None:
    """Complete a recovery a crash cut short, or clear a replacement it never used."""
    marker = data_dir / MARKER
    if not marker.exists():
        _remove_with_sidecars(data_dir / REPLACEMENT)  # made, but the swap never began
        return
    plan = json.loads(marker.read_text(encoding="utf-8"))
    kept = data_dir / DAMAGED_FOLDER / plan["kept"]
    replacement = data_dir / plan["replacement"] if plan["replacement"] else None
    if replacement is None or replacement.exists():
        _set_aside(data_dir, kept)  # whatever of the damaged files had not moved yet
        if replacement is not None:
            replacement.replace(data_dir / DATABASE_NAME)
    fsync_folder(data_dir)
    marker.unlink()
    fsync_folder(data_dir)


def _replace(data_dir: Path, replacement: Path | None) -> Path:
    """Keep the damaged files aside and put `replacement` (None: nothing) in their place."""
    try:
        return _swap(data_dir, replacement)
    except OSError as error:  # before the marker: nothing moved; after: the next open ends it
        raise RecoveryFailed(RefusalCode.RECOVERY_SET_ASIDE_FAILED, reason=error) from error


def _swap(data_dir: Path, replacement: Path | None) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    kept = data_dir / DAMAGED_FOLDER / stamp
    kept.mkdir(mode=0o700, parents=True)
    plan = {"kept": stamp, "replacement": replacement.name if replacement else None}
    write_atomically(data_dir / MARKER, json.dumps(plan).encode("utf-8"))
    finish_interrupted_recovery(data_dir)
    return kept


def _set_aside(data_dir: Path, kept: Path) -> None:
    kept.mkdir(mode=0o700, parents=True, exist_ok=True)
    for suffix in ("", *SIDECARS):
        name = DATABASE_NAME + suffix
        if (data_dir / name).exists():
            (data_dir / name).replace(kept / name)
    fsync_folder(kept)


def _integrity(connection: sqlite3.Connection) -> list[str]:
    return [row[0] for row in connection.execute("PRAGMA integrity_check")]


def _pages(database: Path) -> bytes:
    """Every page of `database`, those still in its write-ahead log included, read through
    SQLite: never with open(), which would drop this process's locks on the file when it
    closed (docs/data-safety.md). A read-only connection never folds the log into the
    damaged file or deletes it; with no log, `immutable` leaves nothing beside the file.
    The image is marked as a rollback-journal database, the only kind a memory database
    can be."""
    log = database.with_name(database.name + "-wal")
    uri = f"{database.resolve().as_uri()}?mode=ro{'' if log.exists() else '&immutable=1'}"
    with closing(sqlite3.connect(uri, uri=True)) as connection:
        image = bytearray(connection.serialize())
    image[18:20] = b"\x01\x01"  # the file format's read and write versions: 1, not WAL's 2
    return bytes(image)


def _remove_with_sidecars(path: Path) -> None:
    for suffix in ("", *SIDECARS):
        file = path.with_name(path.name + suffix)
        if file.exists():  # looked at first: a read-only folder is never asked to change
            file.unlink()


def _fsync(path: Path) -> None:
    with path.open("rb") as handle:
        os.fsync(handle.fileno())
