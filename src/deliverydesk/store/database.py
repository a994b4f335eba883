"""Opening the practice's database: checked, backed up and migrated before first use."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DatabaseError as SqlDatabaseError
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from deliverydesk.store import migrate
from deliverydesk.store.backup import verified_backup
from deliverydesk.store.engine import (
    create_db_engine,
    create_inspection_engine,
    for_writing,
)
from deliverydesk.store.errors import (
    DatabaseCorrupt,
    DatabaseError,
    DatabaseLocked,
    DatabaseTooNew,
)
from deliverydesk.store.integrity import (
    IntegrityReport,
    foreign_key_problems,
    integrity_messages,
)
from deliverydesk.store.schema import (
    DATABASE_NAME,
    HEAD_REVISION,
    looks_like_sqlite,
    read_revision,
)
from deliverydesk.store.summaries import keep_summaries, summary_drift


@dataclass
class Database:
    path: Path
    engine: Engine
    sessions: sessionmaker[Session]  # for reading: a deferred BEGIN that never waits
    writes: sessionmaker[Session]  # for a use case that writes: BEGIN IMMEDIATE, then wait

    def check(self) -> IntegrityReport:
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

    def close(self) -> None:
        """Fold the write-ahead log back in, so the folder holds one self-contained file."""
        try:
            with self.engine.connect() as connection:
                driver = connection.connection.driver_connection
                assert driver is not None
                driver.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            self.engine.dispose()


def open_database(data_dir: Path) -> Database:
    """Open (or create) the database in `data_dir`, ready at the newest schema.

    Raises a DatabaseError subclass with a message for the user when the file is not a
    database, is damaged, is locked by another program or comes from a newer DeliveryDesk.
    Nothing is written to a file that fails these checks: they run on a plain connection
    before the engine's connections switch the file to WAL.
    """
    path = data_dir / DATABASE_NAME
    if path.exists() and not looks_like_sqlite(path):
        raise DatabaseCorrupt(f"{path} is not a DeliveryDesk database (it is not SQLite).", path)
    engine: Engine | None = None
    try:
        revision = _inspect(path)
        engine = create_db_engine(path)
        if revision != HEAD_REVISION:
            if revision is not None:
                verified_backup(path, data_dir / "backups", f"before-schema-{HEAD_REVISION}")
            migrate.upgrade(engine)
    except OperationalError as error:
        _dispose(engine)
        if "locked" in str(error):
            raise DatabaseLocked(
                f"{path} is in use by another program. Close it and try again.", path
            ) from error
        raise DatabaseCorrupt(f"{path} could not be read: {error.orig}", path) from error
    except SqlDatabaseError as error:
        _dispose(engine)
        raise DatabaseCorrupt(f"{path} is damaged: {error.orig}", path) from error
    except DatabaseError:
        _dispose(engine)
        raise
    return Database(path, engine, _sessions(engine), _sessions(for_writing(engine)))


def _sessions(bind: Engine) -> sessionmaker[Session]:
    sessions = sessionmaker(bind, expire_on_commit=False)
    keep_summaries(sessions)  # the journey summary's one writer, on every session
    return sessions


def _dispose(engine: Engine | None) -> None:
    if engine is not None:
        engine.dispose()


def _inspect(path: Path) -> str | None:
    """Check an existing file without writing to it; return its schema revision.

    None means a new database: no file yet, an empty file, or a database with no tables.
    """
    if not path.exists() or path.stat().st_size == 0:
        return None
    reader = create_inspection_engine(path)
    try:
        with reader.connect() as connection:
            verdict = integrity_messages(connection, quick=True)
            if verdict != ["ok"]:
                raise DatabaseCorrupt(f"{path} is damaged: {'; '.join(verdict[:3])}", path)
            revision = read_revision(connection)
            has_tables = bool(
                connection.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
            )
    finally:
        reader.dispose()
    if revision is not None and revision not in migrate.known_revisions():
        raise DatabaseTooNew(
            f"{path} was written by a newer DeliveryDesk (schema {revision}). "
            "Update DeliveryDesk to open it; the file was not changed.",
            path,
        )
    if revision is None and has_tables:
        raise DatabaseError(
            f"{path} holds tables DeliveryDesk does not know; not touching it.", path
        )
    return revision
