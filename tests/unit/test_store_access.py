"""A data folder the person cannot (or chose not to) write: read-only files and folders,
something in the way of the file, a backup that cannot be made before an upgrade. Each
ends in its own plain message or a read-only practice, and nothing is moved or changed."""

from __future__ import annotations

import sqlite3
import stat
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from deliverydesk.model.rules.clock import FixedClock
from deliverydesk.paths import data_dir
from deliverydesk.services.context import Context
from deliverydesk.services.errors import StorageFailed
from deliverydesk.services.practice.practice import create_practice, get_practice
from deliverydesk.store import migrate
from deliverydesk.store.database import DATABASE_NAME, open_database
from deliverydesk.store.engine import create_db_engine
from deliverydesk.store.errors import DatabaseCorrupt, DatabaseInaccessible
from tests.conftest import TODAY


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def listing(folder: Path) -> dict[str, int]:
    return {p.name: mode(p) for p in folder.iterdir()}


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    """A data folder holding a practice, closed cleanly; given back its modes afterwards so
    the temporary folder can be cleaned."""
    path = data_dir(tmp_path / "data")
    ctx = Context(open_database(path), FixedClock(TODAY))
    create_practice(ctx, "North Star Coaching", 30, frozenset({1, 2, 3, 4, 5}))
    ctx.close()
    yield path
    path.chmod(0o700)
    for child in path.iterdir():
        if child.is_file():
            child.chmod(0o600)


@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_read_only_practice_opens_for_reading_and_is_left_exactly_as_it_was(
    folder: Path, what: str
) -> None:
    database = folder / DATABASE_NAME
    (database if what == "file" else folder).chmod(0o400 if what == "file" else 0o500)
    before = listing(folder), mode(folder), database.read_bytes()

    ctx = Context(open_database(data_dir(folder)), FixedClock(TODAY))
    try:
        assert "read-only" in ctx.read_only
        assert str(database if what == "file" else folder) in ctx.read_only
        assert ctx.check().ok  # `check` reads it like any other
        practice = get_practice(ctx)
        assert practice is not None and practice.name == "North Star Coaching"
        with pytest.raises(StorageFailed, match="reading only") as refused:
            create_practice(ctx, "Another", 30, frozenset({1}))
        assert "Nothing was changed" in str(refused.value)
    finally:
        ctx.close()
    # No mode changed behind the person's back, and no stray -shm left to break later writes.
    assert (listing(folder), mode(folder), database.read_bytes()) == before


def test_once_writable_again_the_practice_opens_for_changes(folder: Path) -> None:
    database = folder / DATABASE_NAME
    database.chmod(0o400)
    open_database(folder).close()
    database.chmod(0o600)
    ctx = Context(open_database(folder), FixedClock(TODAY))
    try:
        assert ctx.read_only == ""
        with ctx.transaction() as session:
            session.connection().exec_driver_sql("UPDATE practice SET owner_name = 'Ana'")
    finally:
        ctx.close()
    assert sorted(p.name for p in folder.iterdir()) == [DATABASE_NAME]


def test_a_read_only_sidecar_left_by_an_older_version_is_given_back_its_mode(
    folder: Path,
) -> None:
    shm = folder / (DATABASE_NAME + "-shm")
    shm.write_bytes(bytes(32768))
    shm.chmod(0o400)
    ctx = Context(open_database(folder), FixedClock(TODAY))
    try:
        assert ctx.read_only == ""
        with ctx.transaction() as session:
            session.connection().exec_driver_sql("UPDATE practice SET owner_name = 'Ana'")
    finally:
        ctx.close()


def test_a_read_only_file_with_changes_still_in_its_log_is_refused_untouched(
    folder: Path,
) -> None:
    database = folder / DATABASE_NAME
    log = folder / (DATABASE_NAME + "-wal")
    log.write_bytes(b"\x37\x7f\x06\x82" + bytes(60))  # a log header: changes not folded in
    database.chmod(0o400)
    before = listing(folder)
    with pytest.raises(DatabaseInaccessible, match="read-only.*still waiting"):
        open_database(folder)
    assert listing(folder) == before


def test_a_read_only_folder_without_a_practice_says_it_cannot_create_one(tmp_path: Path) -> None:
    folder = data_dir(tmp_path / "empty")
    folder.chmod(0o500)
    try:
        with pytest.raises(DatabaseInaccessible, match="cannot create"):
            open_database(data_dir(folder))
        assert mode(folder) == 0o500
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_a_folder_in_place_of_the_file_is_named_as_such(tmp_path: Path) -> None:
    folder = data_dir(tmp_path / "data")
    (folder / DATABASE_NAME).mkdir()
    with pytest.raises(DatabaseInaccessible, match="is a folder") as refused:
        open_database(folder)
    assert not isinstance(refused.value, DatabaseCorrupt)  # not damage: nothing to recover
    assert (folder / DATABASE_NAME).is_dir()


def test_an_unreadable_file_is_a_permission_problem_not_damage(folder: Path) -> None:
    database = folder / DATABASE_NAME
    database.chmod(0o000)
    with pytest.raises(DatabaseInaccessible, match="not allowed to read"):
        open_database(folder)
    assert sorted(p.name for p in folder.iterdir()) == [DATABASE_NAME]
    assert mode(database) == 0o000


def test_a_file_named_backups_stops_an_upgrade_with_a_message(tmp_path: Path) -> None:
    folder = data_dir(tmp_path / "data")
    path = folder / DATABASE_NAME
    engine = create_db_engine(path)
    try:
        migrate.upgrade(engine, "0001")
    finally:
        engine.dispose()
    (folder / "backups").write_text("not a folder")
    with closing(sqlite3.connect(path)) as connection:
        before = list(connection.iterdump())
    with pytest.raises(DatabaseInaccessible, match="backup.*'backups'"):
        open_database(folder)
    with closing(sqlite3.connect(path)) as connection:
        assert list(connection.iterdump()) == before  # still at 0001, unchanged


def test_data_dir_never_gives_a_read_only_folder_more_rights(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o755)
    folder.chmod(0o555)
    try:
        assert mode(data_dir(folder)) == 0o500  # others lose theirs; the owner gains nothing
    finally:
        folder.chmod(0o700)
