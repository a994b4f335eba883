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
from deliverydesk.store.engine import create_db_engine, looks_like_sqlite
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

DATABASE_NAME = "deliverydesk.sqlite3"


@dataclass
class Database:
    path: Path
    engine: Engine
    sessions: sessionmaker[Session]

    def check(self) -> IntegrityReport:
        with self.engine.connect() as connection:
            return IntegrityReport(
                integrity=integrity_messages(connection),
                foreign_key_problems=foreign_key_problems(connection),
                schema_revision=migrate.current_revision(connection),
                expected_revision=migrate.head_revision(),
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
    Nothing is written to a file that fails these checks.
    """
    path = data_dir / DATABASE_NAME
    if path.exists() and not looks_like_sqlite(path):
        raise DatabaseCorrupt(f"{path} is not a DeliveryDesk database (it is not SQLite).", path)
    engine = create_db_engine(path)
    try:
        _check_and_migrate(engine, path, data_dir / "backups")
    except OperationalError as error:
        engine.dispose()
        if "locked" in str(error):
            raise DatabaseLocked(
                f"{path} is in use by another program. Close it and try again.", path
            ) from error
        raise DatabaseCorrupt(f"{path} could not be read: {error.orig}", path) from error
    except SqlDatabaseError as error:
        engine.dispose()
        raise DatabaseCorrupt(f"{path} is damaged: {error.orig}", path) from error
    except DatabaseError:
        engine.dispose()
        raise
    return Database(path, engine, sessionmaker(engine, expire_on_commit=False))


def _check_and_migrate(engine: Engine, path: Path, backups: Path) -> None:
    with engine.connect() as connection:
        verdict = integrity_messages(connection, quick=True)
        if verdict != ["ok"]:
            raise DatabaseCorrupt(f"{path} is damaged: {'; '.join(verdict[:3])}", path)
        revision = migrate.current_revision(connection)
        has_tables = bool(connection.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar())
    if revision == migrate.head_revision():
        return
    if revision is not None and revision not in migrate.known_revisions():
        raise DatabaseTooNew(
            f"{path} was written by a newer DeliveryDesk (schema {revision}). "
            "Update DeliveryDesk to open it; the file was not changed.",
            path,
        )
    if revision is None and has_tables:
        raise DatabaseError(f"{path} holds tables DeliveryDesk does not know; not touching it.")
    if revision is not None:
        verified_backup(path, backups, f"before-schema-{migrate.head_revision()}")
    migrate.upgrade(engine)
