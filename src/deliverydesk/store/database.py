"""Opening the practice's database: checked, backed up and migrated before first use."""

from __future__ import annotations

import os
import sqlite3
import stat
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DatabaseError as SqlDatabaseError
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from deliverydesk.store import early_check, migrate
from deliverydesk.store.backup import verified_backup
from deliverydesk.store.disk_space import out_of_space
from deliverydesk.store.engine import (
    create_db_engine,
    create_inspection_engine,
    create_read_only_engine,
    for_writing,
)
from deliverydesk.store.errors import (
    DatabaseCorrupt,
    DatabaseError,
    DatabaseInaccessible,
    DatabaseLocked,
    DatabaseTooNew,
)
from deliverydesk.store.integrity import (
    IntegrityReport,
    foreign_key_problems,
    integrity_messages,
)
from deliverydesk.store.recovery import finish_interrupted_recovery
from deliverydesk.store.schema import (
    DATABASE_NAME,
    HEAD_REVISION,
    allowed,
    read_revision,
)
from deliverydesk.store.summaries import keep_summaries, summary_drift
from deliverydesk.wording import Note, RefusalCode, Term


@dataclass
class Database:
    path: Path
    engine: Engine
    sessions: sessionmaker[Session]  # for reading: a deferred BEGIN that never waits
    writes: sessionmaker[Session]  # for a use case that writes: BEGIN IMMEDIATE, then wait
    # Why the practice is open for reading only (None when it can be changed): the file or
    # its folder is read-only. Nothing is then written, and the modes are left as they are.
    why_read_only: Note | None = None

    @property
    def read_only(self) -> str:
        """Why the practice can only be read, in English ("" when it can be changed)."""
        return "" if self.why_read_only is None else str(self.why_read_only)

    def check(self) -> IntegrityReport:
        """The full self check; a file that cannot even be read through (damage, a failing
        disk) is reported as such, never raised."""
        try:
            with self.engine.connect() as connection:
                integrity = integrity_messages(connection)
                return IntegrityReport(
                    integrity=integrity,
                    foreign_key_problems=foreign_key_problems(connection),
                    schema_revision=read_revision(connection),
                    expected_revision=HEAD_REVISION,
                    # Reading every step of a damaged file could fail; its report says enough.
                    summary_drift=tuple(summary_drift(connection)) if integrity == ["ok"] else (),
                )
        except SqlDatabaseError as error:
            return IntegrityReport(
                integrity=[f"the file could not be read through: {error.orig}"],
                foreign_key_problems=0,
                schema_revision=None,
                expected_revision=HEAD_REVISION,
            )

    def close(self) -> bool:
        """Fold the write-ahead log back in, so the folder holds one self-contained file.

        False when that could not be done (a full disk, say): the log then stays beside the
        file, which is safe, as the next open folds it in. Closing never fails for it.
        """
        folded = False
        try:
            if not self.read_only:
                with self.engine.connect() as connection:
                    driver = connection.connection.driver_connection
                    assert driver is not None
                    row = driver.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
                    folded = row[0] == 0  # not busy: every page went back into the file
        except (SqlDatabaseError, sqlite3.Error, OSError):
            folded = False
        finally:
            self.engine.dispose()
        return folded


def open_database(data_dir: Path) -> Database:
    """Open (or create) the database in `data_dir`, ready at the newest schema.

    Raises a DatabaseError subclass with a message for the user when the file is not a
    database, is damaged, is locked by another program, cannot be reached (a folder in its
    place, no permission, a failing disk) or comes from a newer DeliveryDesk. Nothing is
    written to a file that fails these checks: they run on a plain connection before the
    engine's connections switch the file to WAL. A file or folder the person made
    read-only opens for reading only (`Database.read_only` says why), its modes untouched.
    """

    path = data_dir / DATABASE_NAME
    engine: Engine | None = None
    try:
        finish_interrupted_recovery(data_dir)
        _check_reachable(path)
        read_only = _read_only_reason(data_dir, path)
        if read_only:
            return _open_read_only(path, read_only)
        _repair_sidecar_modes(path)
        revision = _inspect(path)
        engine = create_db_engine(path)
        if revision != HEAD_REVISION:
            if revision is not None:
                _backup_before_upgrade(path, data_dir / "backups")
            migrate.upgrade(engine)
    except OperationalError as error:
        _dispose(engine)
        raise _unreachable(path, error) from error
    except SqlDatabaseError as error:
        _dispose(engine)
        raise DatabaseCorrupt(
            RefusalCode.DATABASE_DAMAGED, path, path=path, reason=error.orig
        ) from error
    except DatabaseError:
        _dispose(engine)
        raise
    except OSError as error:
        _dispose(engine)
        raise DatabaseInaccessible(
            RefusalCode.DATABASE_NOT_OPENED, path, path=path, reason=error
        ) from error
    return Database(path, engine, _sessions(engine), _sessions(for_writing(engine)))


def _unreachable(path: Path, error: OperationalError) -> DatabaseError:
    """An operational failure while opening: locked, no permission, a full or failing disk.
    None of these is damage; the file is left exactly where it is."""
    text = str(error.orig or error).lower()
    if "locked" in text or "busy" in text:
        return DatabaseLocked(RefusalCode.DATABASE_IN_USE, path, path=path)
    why: object
    if "full" in text or ("i/o" in text and out_of_space(path.parent)):
        why = Term(
            "the disk is full (DeliveryDesk needs a little free space even to read). "
            "Free some space and try again"
        )
    elif "i/o" in text:
        why = Term("the disk could not be read or written (it may be failing)")
    else:
        why = f"{error.orig or error}"
    return DatabaseInaccessible(RefusalCode.DATABASE_UNOPENABLE, path, path=path, reason=why)


def _check_reachable(path: Path) -> None:
    """Something in the way of the file (a folder of that name, no permission to read it)
    is said as such, never taken for damage."""
    if path.is_dir():
        raise DatabaseInaccessible(
            RefusalCode.DATABASE_IS_FOLDER,
            path,
            path=path,
        )
    if path.exists() and not allowed(path, os.R_OK, stat.S_IRUSR):
        raise DatabaseInaccessible(
            RefusalCode.DATABASE_NOT_READABLE,
            path,
            path=path,
        )


def _read_only_reason(data_dir: Path, path: Path) -> Note | None:
    if not allowed(data_dir, os.W_OK, stat.S_IWUSR):
        if not path.exists():
            raise DatabaseInaccessible(
                RefusalCode.DATA_FOLDER_READ_ONLY,
                path,
                data_dir=data_dir,
            )
        return Note(RefusalCode.PRACTICE_FOLDER_READ_ONLY, folder=data_dir)
    if path.exists() and not allowed(path, os.W_OK, stat.S_IWUSR):
        return Note(RefusalCode.PRACTICE_FILE_READ_ONLY, path=path)
    return None


def _open_read_only(path: Path, reason: Note) -> Database:
    """Read the practice without writing a byte, or say why that cannot be done."""
    log = path.with_name(path.name + "-wal")
    if log.exists() and log.stat().st_size > 0:
        raise DatabaseInaccessible(
            RefusalCode.DATABASE_READ_ONLY_WITH_LOG,
            path,
            path=path,
        )
    revision = _inspect(path, read_only=True)
    if revision is None:
        raise DatabaseInaccessible(
            RefusalCode.DATABASE_READ_ONLY_EMPTY,
            path,
            path=path,
        )
    if revision != HEAD_REVISION:
        raise DatabaseInaccessible(
            RefusalCode.DATABASE_READ_ONLY_NEEDS_UPGRADE,
            path,
            path=path,
        )
    engine = create_read_only_engine(path)
    return Database(path, engine, _sessions(engine), _sessions(engine), why_read_only=reason)


def _repair_sidecar_modes(path: Path) -> None:
    """A -wal or -shm left read-only (by an older DeliveryDesk reading a read-only file)
    would make every write fail; they are SQLite's working files, not the person's, and
    take the database file's own mode back."""
    for suffix in ("-wal", "-shm"):
        sidecar = path.with_name(path.name + suffix)
        if sidecar.exists() and not allowed(sidecar, os.W_OK, stat.S_IWUSR):
            sidecar.chmod(0o600)


def _backup_before_upgrade(path: Path, folder: Path) -> None:
    try:
        verified_backup(path, folder, f"before-schema-{HEAD_REVISION}")
    except OSError as error:
        raise DatabaseInaccessible(
            RefusalCode.UPGRADE_BACKUP_FAILED,
            path,
            folder=folder,
            reason=error.strerror or error,
        ) from error


def _sessions(bind: Engine) -> sessionmaker[Session]:
    sessions = sessionmaker(bind, expire_on_commit=False)
    keep_summaries(sessions)  # the journey summary's one writer, on every session
    return sessions


def _dispose(engine: Engine | None) -> None:
    if engine is not None:
        engine.dispose()


def not_sqlite(error: BaseException | None) -> bool:
    """Whether SQLite refused a file as not being one of its databases at all."""
    return (
        isinstance(error, sqlite3.DatabaseError)
        and getattr(error, "sqlite_errorcode", None) == sqlite3.SQLITE_NOTADB
    )


def _inspect(path: Path, *, read_only: bool = False) -> str | None:
    """Check an existing file without writing to it; return its schema revision.

    None means a new database: no file yet, an empty file, or a database with no tables.
    """
    if not path.exists() or path.stat().st_size == 0:
        return None
    reader = create_inspection_engine(path, read_only=read_only)
    try:
        with reader.connect() as connection:
            verdict = early_check.take(path) or integrity_messages(connection, quick=True)
            if verdict != ["ok"]:
                raise DatabaseCorrupt(
                    RefusalCode.DATABASE_DAMAGED_FOUND,
                    path,
                    path=path,
                    problems="; ".join(verdict[:3]),
                )
            revision = read_revision(connection)
            has_tables = bool(
                connection.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
            )
    except SqlDatabaseError as error:
        # A foreign file is recognised by SQLite's own answer, never by reading its bytes
        # here: closing a descriptor of a file this process has open through SQLite would
        # drop every lock SQLite holds on it (see docs/data-safety.md).
        if not_sqlite(error.orig):
            raise DatabaseCorrupt(RefusalCode.NOT_SQLITE, path, path=path) from error
        raise
    finally:
        reader.dispose()
    # Alembic (~100 ms to import) is asked only about a revision other than ours.
    if revision not in (None, HEAD_REVISION) and revision not in migrate.known_revisions():
        raise DatabaseTooNew(
            RefusalCode.DATABASE_TOO_NEW,
            path,
            path=path,
            revision=revision,
        )
    if revision is None and has_tables:
        raise DatabaseError(RefusalCode.DATABASE_UNKNOWN_TABLES, path, path=path)
    return revision
