"""Putting a backup in place of the database, keeping the current one aside.

Restore is the one place the database file is replaced, and the one place a stale
write-ahead log could do harm: a `-wal` left beside the path is replayed by SQLite into
whatever file next occupies it, corrupting that file. So, in this order:

1. the chosen file is copied (backup API, read-only) to a private temporary file beside
   the database and proved sound and a DeliveryDesk database this version can open: a
   known schema revision, and exactly the tables and columns that revision has
   (`sound_copy`; a damaged file's recovery, store/recovery.py, copies a backup the same way);
2. the current database is kept as a verified `before-restore` backup (restoring that
   copy undoes the restore) and checked to be open nowhere else; a current file that
   cannot be copied (damaged, say) is moved aside whole, with its -wal, instead;
3. the current -wal and -shm are removed (their content is in the kept copy);
4. the temporary copy is renamed over the database.

A crash at any point leaves either the old database or the new one at the path, never a
log that belongs to the other. Every connection of this process must be closed first.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.pool import StaticPool

from deliverydesk.atomic_file import fsync_folder
from deliverydesk.staging import staging
from deliverydesk.store.backup import copy_verified, verified_backup
from deliverydesk.store.errors import DatabaseError, DatabaseLocked, DatabaseTooNew
from deliverydesk.wording import Phrase, RefusalCode

KEPT_LABEL = "before-restore"
SIDECARS = ("-wal", "-shm", "-journal")


@dataclass(frozen=True, slots=True)
class Restored:
    kept: Path | None  # the database as it was before (restore it to undo); None if none
    kept_whole: bool  # False: the old file could not be copied and was moved aside as it was


def restore_database(
    source: Path, database: Path, backups: Path, known_revisions: set[str]
) -> Restored:
    """Replace `database` with a sound copy of `source`; see the module's docstring.

    Raises DatabaseError, with the database untouched, when `source` is not a sound
    DeliveryDesk database of a known schema, or DatabaseLocked when another program
    (another DeliveryDesk window) has the database open.
    """
    # Staged in the data folder under the common prefix: a killed restore's copy is swept.
    with staging(database.parent, "restore") as folder:
        staged = folder / database.name
        sound_copy(source, staged, known_revisions)
        kept, whole = _keep_current(database, backups)
        for end in SIDECARS:
            database.with_name(database.name + end).unlink(missing_ok=True)
        os.chmod(staged, 0o600)
        staged.replace(database)
        fsync_folder(database.parent)
    return Restored(kept, whole)


def sound_copy(source: Path, target: Path, known_revisions: set[str]) -> None:
    """A private, self-contained copy of `source` at `target`, proved sound and a DeliveryDesk
    database this version can open: every restore's copy, over a healthy file (above) or a
    damaged one (store/recovery.py). Raises DatabaseError, leaving no `target`, when not."""
    copy_verified(source, target, read_only=True)
    try:
        revision = _check_revision(target, source, known_revisions)
        _check_tables(target, source, revision)
    except BaseException:
        target.unlink(missing_ok=True)
        raise


def _check_revision(staged: Path, source: Path, known: set[str]) -> str:
    with closing(sqlite3.connect(f"{staged.resolve().as_uri()}?mode=ro", uri=True)) as db:
        has_version = db.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).fetchone()
        found = (
            db.execute("SELECT version_num FROM alembic_version").fetchone()
            if has_version
            else None
        )
        revision = found[0] if found else None
    if revision is None:
        raise DatabaseError(RefusalCode.NOT_A_BACKUP, source, source=source)
    if revision not in known:
        raise DatabaseTooNew(
            RefusalCode.BACKUP_TOO_NEW,
            source,
            source=source,
            revision=revision,
        )
    return str(revision)


Tables = dict[str, frozenset[str]]  # table name: its column names


def _check_tables(staged: Path, source: Path, revision: str) -> None:
    """Refuse a file stamped with a known revision whose tables or columns are not that
    revision's: restored, it would open, and then fail wherever the missing part is read."""
    with closing(sqlite3.connect(f"{staged.resolve().as_uri()}?mode=ro", uri=True)) as db:
        found = _tables(db)
    expected = _expected_tables(revision)
    missing = sorted(expected.keys() - found.keys())
    if missing:
        _refuse(source, missing, "it has no table {names}", "it has no tables {names}")
    for table, columns in sorted(expected.items()):
        lacking = sorted(columns - found[table])
        if lacking:
            _refuse(
                source,
                lacking,
                "its table {table} has no column {names}",
                "its table {table} has no columns {names}",
                table=table,
            )
    unknown = sorted(found.keys() - expected.keys())
    if unknown:
        _refuse(
            source,
            unknown,
            "it holds table {names} DeliveryDesk does not know",
            "it holds tables {names} DeliveryDesk does not know",
        )
    for table, columns in sorted(expected.items()):
        extra = sorted(found[table] - columns)
        if extra:
            _refuse(
                source,
                extra,
                "its table {table} holds column {names} it should not",
                "its table {table} holds columns {names} it should not",
                table=table,
            )


def _refuse(source: Path, names: list[str], one: str, more: str, **values: object) -> None:
    """Refuse the backup for `names` (tables or columns): the words for one, or for more."""
    shown = ", ".join(names[:5]) + (" …" if len(names) > 5 else "")
    raise DatabaseError(
        RefusalCode.BACKUP_NOT_WHOLE,
        source,
        source=source,
        reason=Phrase(one if len(names) == 1 else more, names=shown, **values),
    )


def _tables(db: sqlite3.Connection) -> Tables:
    names = [
        name
        for (name,) in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {
        name: frozenset(row[1] for row in db.execute(f'PRAGMA table_info("{name}")'))
        for name in names
    }


@cache
def _expected_tables(revision: str) -> Tables:
    """The tables and columns of `revision`, as the migrations build it on an empty
    database in memory (no file is touched)."""
    from deliverydesk.store import migrate

    engine = create_engine("sqlite://", poolclass=StaticPool)
    try:
        migrate.upgrade(engine, revision)
        with engine.connect() as connection:
            driver = connection.connection.driver_connection
            assert driver is not None
            return _tables(driver)
    finally:
        engine.dispose()


def _keep_current(database: Path, backups: Path) -> tuple[Path | None, bool]:
    if not database.exists() or database.stat().st_size == 0:
        return None, True
    try:  # a file SQLite cannot read (not SQLite, damaged) fails the verified copy
        kept = verified_backup(database, backups, KEPT_LABEL)
    except DatabaseError:
        return _move_aside(database, backups), False  # kept as it is (a rename needs no room)
    _fold_log(database)  # the kept copy holds it all; now prove no one else is here
    return kept, True


def _fold_log(database: Path) -> None:
    """Fold the -wal into the file, proving no other connection has it open.

    Leaving WAL mode needs the only connection to the file; it fails at once (no busy
    wait) while another program holds one, and then nothing is touched.
    """
    try:
        with closing(sqlite3.connect(database, timeout=0)) as connection:
            mode = connection.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
    except sqlite3.OperationalError as error:
        if "locked" in str(error) or "busy" in str(error):
            raise DatabaseLocked(
                RefusalCode.DATA_OPEN_ELSEWHERE,
                database,
            ) from error
        return  # unreadable: the backup below fails and the file is moved aside whole
    except sqlite3.DatabaseError:
        return
    if mode != "delete":
        raise DatabaseLocked(
            RefusalCode.DATA_OPEN_ELSEWHERE,
            database,
        )


def _move_aside(database: Path, backups: Path) -> Path:
    """Keep a file that cannot be copied exactly as it is, with its log beside it."""
    backups.mkdir(mode=0o700, parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    aside = backups / f"set-aside-{stamp}.sqlite3"
    for end in ("-wal", "-shm", ""):  # the log first: never leave it beside the new file
        part = database.with_name(database.name + end)
        if part.exists():
            part.replace(aside.with_name(aside.name + end))
    fsync_folder(backups)
    return aside
