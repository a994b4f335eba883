"""The data file: durable settings, private modes, and refusals that leave bad files alone."""

from __future__ import annotations

import sqlite3
import stat
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

import pytest

from deliverydesk.paths import data_dir
from deliverydesk.store import engine as store_engine
from deliverydesk.store.backup import verified_backup
from deliverydesk.store.database import DATABASE_NAME, Database, open_database
from deliverydesk.store.errors import (
    DatabaseCorrupt,
    DatabaseError,
    DatabaseLocked,
    DatabaseTooNew,
)

PAGE = 4096  # SQLite's default page size, which the database uses

CLIENT_ROW = (
    "INSERT INTO client (name, company, email, phone, notes, right_fit, archived, created_at) "
    "VALUES (?, '', '', '', '', '{}', 0, '2026-11-23 12:00:00')"
)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def dump(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as connection:
        return list(connection.iterdump())


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return data_dir(tmp_path / "data")


@pytest.fixture
def db(folder: Path) -> Iterator[Database]:
    database = open_database(folder)
    yield database
    database.close()


def filled_database(folder: Path, clients: int = 300, journal: str = "wal") -> Path:
    """A closed database spanning many pages (each client name is about 1 kB).

    journal="delete" gives the rollback-journal form a backup or an older copy has.
    """
    database = open_database(folder)
    with database.engine.begin() as connection:
        for n in range(clients):
            connection.exec_driver_sql(CLIENT_ROW, (f"Client {n:04} " + "x" * 1000,))
    database.close()
    path = folder / DATABASE_NAME
    with closing(sqlite3.connect(path)) as connection:
        assert connection.execute(f"PRAGMA journal_mode={journal}").fetchone() == (journal,)
    return path


def only_the_database_in(folder: Path) -> bool:
    """No -wal, -shm or backup left behind."""
    return sorted(p.name for p in folder.iterdir()) == [DATABASE_NAME]


# durability and privacy -------------------------------------------------------------------


def test_every_pooled_connection_is_durable(db: Database) -> None:
    with db.engine.connect() as first, db.engine.connect() as second:
        assert first.connection.dbapi_connection is not second.connection.dbapi_connection
        for connection in (first, second):
            pragma = connection.exec_driver_sql
            assert pragma("PRAGMA journal_mode").scalar() == "wal"
            assert pragma("PRAGMA synchronous").scalar() == 2  # FULL
            assert pragma("PRAGMA foreign_keys").scalar() == 1


def test_foreign_keys_are_enforced_in_a_transaction(db: Database) -> None:
    with db.sessions.begin() as session:
        assert session.connection().exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_the_folder_and_files_are_private(folder: Path, db: Database) -> None:
    with db.engine.begin() as connection:
        connection.exec_driver_sql(CLIENT_ROW, ("Ana",))
        assert mode(folder) == 0o700
        assert mode(folder / DATABASE_NAME) == 0o600
        for sidecar in ("-wal", "-shm"):
            assert mode(folder / (DATABASE_NAME + sidecar)) == 0o600


def test_a_readable_database_copied_in_is_made_private(folder: Path) -> None:
    path = filled_database(folder, clients=1)
    path.chmod(0o644)
    database = open_database(folder)
    database.close()
    assert mode(path) == 0o600


def test_close_folds_the_log_back_into_one_file(folder: Path) -> None:
    path = filled_database(folder, clients=5)
    assert only_the_database_in(folder)
    # The file alone holds everything, as a naive copy or a sync client would see it.
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
        assert connection.execute("SELECT count(*) FROM client").fetchone() == (5,)


def test_a_fresh_database_reports_itself_sound(db: Database) -> None:
    report = db.check()
    assert report.ok
    assert report.integrity == ["ok"]
    assert report.foreign_key_problems == 0
    assert report.schema_revision == report.expected_revision


@pytest.mark.parametrize("name", ["What? Coaching", "Coach #1", "100% Zoë", "مدرب"])
def test_a_folder_name_with_url_characters_holds_the_database(tmp_path: Path, name: str) -> None:
    folder = data_dir(tmp_path / name)
    for _ in range(2):  # create, then reopen what was created
        database = open_database(folder)
        with database.engine.begin() as connection:
            connection.exec_driver_sql(CLIENT_ROW, ("Ana",))
        database.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]
    assert only_the_database_in(folder)
    with closing(sqlite3.connect(folder / DATABASE_NAME)) as connection:
        assert connection.execute("SELECT count(*) FROM client").fetchone() == (2,)


# refusing files that are not right --------------------------------------------------------


def test_a_file_of_garbage_is_refused_and_left_alone(folder: Path) -> None:
    path = folder / DATABASE_NAME
    garbage = b"Dear diary, today I overwrote my database.\n" * 200
    path.write_bytes(garbage)
    with pytest.raises(DatabaseCorrupt, match="not SQLite") as refused:
        open_database(folder)
    assert str(path) in str(refused.value)
    assert refused.value.path == path
    assert path.read_bytes() == garbage
    assert only_the_database_in(folder)


def _truncate(path: Path) -> None:
    with path.open("r+b") as handle:
        handle.truncate(path.stat().st_size // 2)


def _junk_page(number: int) -> Callable[[Path], None]:
    def corrupt(path: Path) -> None:
        with path.open("r+b") as handle:
            handle.seek(PAGE * (number - 1))
            handle.write(bytes((i * 151 + 7) % 256 for i in range(PAGE)))

    return corrupt


@pytest.mark.parametrize("journal", ["wal", "delete"])
@pytest.mark.parametrize(
    "damage",
    [_truncate, _junk_page(2), _junk_page(10), _junk_page(50)],
    ids=["truncated", "page-2", "page-10", "page-50"],
)
def test_a_damaged_database_is_refused_and_left_alone(
    folder: Path, damage: Callable[[Path], None], journal: str
) -> None:
    path = filled_database(folder, journal=journal)
    assert path.stat().st_size > 60 * PAGE
    damage(path)
    damaged = path.read_bytes()
    with pytest.raises(DatabaseCorrupt) as refused:
        open_database(folder)
    assert str(path) in str(refused.value)
    assert refused.value.path == path
    assert path.read_bytes() == damaged
    assert only_the_database_in(folder)


def test_a_database_held_exclusively_by_another_program_is_reported_locked(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_engine, "BUSY_TIMEOUT_S", 0.05)
    path = filled_database(folder, clients=1)
    with closing(sqlite3.connect(path, isolation_level=None)) as other:
        other.execute("PRAGMA locking_mode=EXCLUSIVE")
        other.execute("BEGIN EXCLUSIVE")
        other.execute(CLIENT_ROW, ("Written by the other program",))
        with pytest.raises(DatabaseLocked, match="in use by another program") as refused:
            open_database(folder)
        assert refused.value.path == path
        other.execute("COMMIT")
    # Once the other program lets go, the database opens with its work in it.
    database = open_database(folder)
    try:
        with database.engine.connect() as connection:
            assert connection.exec_driver_sql("SELECT count(*) FROM client").scalar() == 2
    finally:
        database.close()


def test_another_writer_does_not_stop_the_database_opening(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_engine, "BUSY_TIMEOUT_S", 0.05)
    path = filled_database(folder, clients=1)
    with closing(sqlite3.connect(path, isolation_level=None)) as other:
        other.execute("BEGIN IMMEDIATE")
        other.execute(CLIENT_ROW, ("Not committed yet",))
        database = open_database(folder)  # WAL: readers are not blocked by a writer
        try:
            with database.engine.connect() as connection:
                count = connection.exec_driver_sql("SELECT count(*) FROM client").scalar()
            assert count == 1
        finally:
            database.close()
        other.execute("ROLLBACK")


@pytest.mark.parametrize("journal", ["wal", "delete"])
def test_a_database_from_a_newer_version_is_refused_and_left_alone(
    folder: Path, journal: str
) -> None:
    path = filled_database(folder, clients=3, journal=journal)
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'zzzz'")
        connection.commit()
    before = path.read_bytes()
    with pytest.raises(DatabaseTooNew, match="newer DeliveryDesk") as refused:
        open_database(folder)
    assert "zzzz" in str(refused.value)
    assert str(path) in str(refused.value)
    assert path.read_bytes() == before
    assert only_the_database_in(folder)


def test_another_programs_database_is_not_touched(folder: Path) -> None:
    path = folder / DATABASE_NAME
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("CREATE TABLE recipes (name TEXT)")
        connection.execute("INSERT INTO recipes VALUES ('bread')")
        connection.commit()
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="does not know"):
        open_database(folder)
    assert path.read_bytes() == before
    assert only_the_database_in(folder)


# backups ----------------------------------------------------------------------------------


def test_verified_backup_is_a_private_sound_copy(folder: Path, tmp_path: Path) -> None:
    path = filled_database(folder, clients=20)
    backups = tmp_path / "backups"
    copy = verified_backup(path, backups, "manual")

    assert copy.parent == backups
    assert copy.name.startswith("manual-")
    assert copy.suffix == ".sqlite3"
    assert mode(copy) == 0o600
    assert mode(backups) == 0o700
    assert sorted(p.name for p in backups.iterdir()) == [copy.name]  # no temp or -wal left
    with closing(sqlite3.connect(copy)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    assert dump(copy) == dump(path)


def test_a_backup_of_a_live_database_holds_only_committed_work(folder: Path) -> None:
    database = open_database(folder)
    try:
        with database.engine.begin() as connection:
            connection.exec_driver_sql(CLIENT_ROW, ("Committed",))
        with database.engine.connect() as connection:
            connection.begin()
            connection.exec_driver_sql(CLIENT_ROW, ("Not yet committed",))
            copy = verified_backup(folder / DATABASE_NAME, folder / "backups", "live")
            connection.rollback()
    finally:
        database.close()
    with closing(sqlite3.connect(copy)) as connection:
        assert connection.execute("SELECT name FROM client").fetchall() == [("Committed",)]


def test_a_backup_of_a_damaged_database_is_refused_and_leaves_nothing(
    folder: Path, tmp_path: Path
) -> None:
    path = filled_database(folder)
    _junk_page(10)(path)
    backups = tmp_path / "backups"
    with pytest.raises(DatabaseError, match="backup"):
        verified_backup(path, backups, "manual")
    assert list(backups.iterdir()) == []
