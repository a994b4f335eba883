"""Backups a person can count on, and a restore that can itself be undone."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from deliverydesk.model.rules.clock import FixedClock
from deliverydesk.services.clients.clients import ClientInput, add_client
from deliverydesk.services.context import Context, open_workspace
from deliverydesk.services.data import backups
from deliverydesk.services.errors import DatabaseError, DatabaseLocked, DatabaseTooNew
from deliverydesk.services.workspace import Workspace
from deliverydesk.store.backup import verified_backup
from deliverydesk.store.database import open_database
from deliverydesk.store.schema import DATABASE_NAME
from tests.conftest import TODAY
from tests.unit.data_support import client_names, open_copy, seed_template, tables

NOW = datetime(2026, 11, 23, 18, 0, tzinfo=UTC)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return seed_template(tmp_path_factory.mktemp("backups") / "demo")


@pytest.fixture
def demo(template: Path, tmp_path: Path) -> Iterator[Context]:
    ctx = open_copy(template, tmp_path / "practice")
    yield ctx
    ctx.close()


def add(ctx: Context, name: str) -> int:
    return add_client(ctx, ClientInput(name)).value


# -- taking and listing --------------------------------------------------------------------


def test_a_backup_is_private_sound_and_says_what_it_holds(demo: Context) -> None:
    old = os.umask(0o022)
    try:
        info = backups.back_up(demo)
    finally:
        os.umask(old)
    assert info.path.parent == demo.path.parent / "backups"
    assert mode(info.path) == 0o600
    assert mode(info.path.parent) == 0o700
    assert info.label == "manual"
    assert (info.clients, info.practice) == (25, "Northlight Practice")
    assert info.size == info.path.stat().st_size > 0
    with closing(sqlite3.connect(info.path)) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    assert tables(info.path) == tables(demo.path)
    assert [p.name for p in info.path.parent.iterdir()] == [info.path.name]  # no temporary


def test_backups_are_listed_newest_first(demo: Context) -> None:
    older = backups.back_up(demo, backups.AUTO, NOW - timedelta(hours=2))
    add(demo, "Added after the first backup")
    newer = backups.back_up(demo, backups.MANUAL, NOW)
    listed = backups.list_backups(demo.path.parent)
    assert [b.path for b in listed] == [newer.path, older.path]
    assert [b.clients for b in listed] == [26, 25]
    assert listed[1].taken_at == NOW - timedelta(hours=2)


def test_the_start_backup_is_taken_only_when_the_last_is_a_day_old(demo: Context) -> None:
    first = backups.back_up_if_due(demo, now=NOW)
    assert first is not None and first.label == "auto"
    assert backups.back_up_if_due(demo, now=NOW + timedelta(hours=23)) is None
    again = backups.back_up_if_due(demo, now=NOW + timedelta(hours=25))
    assert again is not None and again.path != first.path


def test_a_backup_of_a_database_a_writer_is_filling_holds_every_commit_before_it(
    demo: Context,
) -> None:
    for n in range(20):
        add(demo, f"Written before {n}")
    info = backups.back_up(demo)
    with closing(sqlite3.connect(info.path)) as copy:
        names = {n for (n,) in copy.execute("SELECT name FROM client")}
    assert {f"Written before {n}" for n in range(20)} <= names


def test_thinning_keeps_the_tiers_and_clears_what_killed_backups_left(
    demo: Context, tmp_path: Path
) -> None:
    folder = demo.path.parent / "backups"
    made = [
        verified_backup(demo.path, folder, "auto", NOW - timedelta(hours=h))
        for h in (1, 30, 31, 24 * 40)
    ]
    stale = folder / ".auto-20261101T000000000000Z.sqlite3.tmp"
    stale.write_bytes(b"half a backup")
    os.utime(stale, (0, 0))
    in_progress = folder / ".auto-20261123T175959000000Z.sqlite3.tmp"
    in_progress.write_bytes(b"being written right now")

    removed = backups.prune(demo.path.parent, NOW)

    # 30 h and 31 h ago fall on the same day: only that day's newest is kept.
    assert set(removed) == {made[2], stale}
    assert {p.name for p in folder.iterdir()} == {
        made[0].name,
        made[1].name,
        made[3].name,
        in_progress.name,
    }


# -- restore -------------------------------------------------------------------------------


def test_restore_brings_the_backup_back_and_keeps_the_current_data_to_undo_it(
    demo: Context,
) -> None:
    ws = Workspace(demo)
    backup = ws.data.back_up()
    add(demo, "Ana After-Backup")
    before_restore = tables(ws.path)

    restored = ws.data.restore_backup(backup.path)

    assert restored.changes.everything
    assert "Ana After-Backup" not in client_names(ws.folder)
    assert len(ws.clients.client_rows()) > 0  # the workspace reads the restored practice
    kept = restored.value.kept
    assert kept is not None and restored.value.kept_whole
    assert kept.name.startswith("before-restore-")
    assert mode(kept) == 0o600
    assert ws.data.check().ok

    undone = ws.data.restore_backup(kept)  # the undo: restore what was kept

    assert "Ana After-Backup" in client_names(ws.folder)
    assert tables(ws.path) == before_restore
    assert undone.value.kept is not None and undone.value.kept != kept
    ws.close()


def test_restore_never_replays_the_log_left_beside_the_database(
    template: Path, tmp_path: Path
) -> None:
    """A crash left a -wal beside the database; after a restore the restored file is
    exactly the backup, and the log's last commit is in the kept copy."""
    live = open_copy(template, tmp_path / "live")
    backup = backups.back_up(live)
    with closing(sqlite3.connect(live.path)) as writer:
        writer.execute("PRAGMA wal_autocheckpoint=0")
        writer.execute(
            "INSERT INTO client (name, company, email, phone, notes, right_fit, archived, "
            "created_at) VALUES ('Only In The Log', '', '', '', '', '{}', 0, "
            "'2026-11-23 12:00:00')"
        )
        writer.commit()
        crashed = tmp_path / "crashed"  # the folder as a kill -9 would leave it
        shutil.copytree(live.path.parent, crashed, ignore=shutil.ignore_patterns("backups"))
    live.close()
    wal = crashed / f"{DATABASE_NAME}-wal"
    assert wal.stat().st_size > 0

    restored = backups.restore_backup(crashed, backup.path)

    assert not wal.exists()
    assert tables(crashed / DATABASE_NAME) == tables(backup.path)
    ctx = open_workspace(crashed, FixedClock(TODAY))
    try:
        assert ctx.check().ok
        assert "Only In The Log" not in client_names(crashed)
    finally:
        ctx.close()
    assert restored.kept is not None
    with closing(sqlite3.connect(restored.kept)) as kept:
        assert kept.execute("SELECT 1 FROM client WHERE name = 'Only In The Log'").fetchone()


def test_restore_is_refused_while_another_program_has_the_data_open(demo: Context) -> None:
    backup = backups.back_up(demo)
    before = tables(demo.path)
    other = open_database(demo.path.parent)  # as a second window would
    try:
        with other.engine.connect() as connection:
            connection.exec_driver_sql("SELECT count(*) FROM client").all()
            with pytest.raises(DatabaseLocked, match="has this data open"):
                backups.restore_backup(demo.path.parent, backup.path)
    finally:
        other.close()
    assert tables(demo.path) == before


@pytest.mark.parametrize("kind", ["garbage", "foreign", "newer", "missing"])
def test_a_file_that_is_no_backup_of_ours_is_refused_and_nothing_changes(
    demo: Context, tmp_path: Path, kind: str
) -> None:
    source = tmp_path / "chosen.sqlite3"
    if kind == "garbage":
        source.write_bytes(b"not a database\n" * 500)
    elif kind == "foreign":
        with closing(sqlite3.connect(source)) as other:
            other.execute("CREATE TABLE recipes (name TEXT)")
    elif kind == "newer":
        shutil.copy(backups.back_up(demo).path, source)
        with closing(sqlite3.connect(source)) as newer:
            newer.execute("UPDATE alembic_version SET version_num = '9999'")
            newer.commit()
    ws = Workspace(demo)
    before = tables(ws.path)
    expected = DatabaseTooNew if kind == "newer" else DatabaseError
    with pytest.raises(expected):
        ws.data.restore_backup(source)
    assert tables(ws.path) == before
    assert len(ws.clients.client_rows()) >= 25  # still open on the same practice
    assert not [p for p in ws.folder.iterdir() if p.name.endswith(".tmp")]
    ws.close()


def test_a_damaged_database_is_moved_aside_whole_by_a_restore(
    demo: Context, tmp_path: Path
) -> None:
    backup = backups.back_up(demo)
    demo.close()
    path = demo.path
    with path.open("r+b") as handle:  # damage a page in the middle of the file
        handle.seek(4096 * 20)
        handle.write(bytes((i * 151 + 7) % 256 for i in range(4096)))
    damaged = path.read_bytes()

    restored = backups.restore_backup(path.parent, backup.path)

    assert not restored.kept_whole
    assert restored.kept is not None and restored.kept.read_bytes() == damaged
    assert tables(path) == tables(backup.path)
