"""The recovery ladder for a damaged data file (Zotero's corruption matrix): indexes
rebuilt on a copy, else the newest sound backup, else a fresh start; the damaged file always
kept aside, a stale log never replayed, a cut-short recovery finished on the next open, and
a locked file never taken for a damaged one."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from deliverydesk.model.rules.clock import FixedClock
from deliverydesk.paths import data_dir
from deliverydesk.services.context import Context
from deliverydesk.services.offers.offers import PhaseSpec, StepSpec, create_offer
from deliverydesk.store import engine as store_engine
from deliverydesk.store import recovery
from deliverydesk.store.backup import verified_backup
from deliverydesk.store.database import DATABASE_NAME, open_database
from deliverydesk.store.errors import DatabaseCorrupt, DatabaseLocked
from deliverydesk.wording import error_text
from tests.builders import sprint
from tests.conftest import TODAY

PAGE = 4096
CLIENT_ROW = (
    "INSERT INTO client (name, company, email, phone, notes, right_fit, archived, created_at) "
    "VALUES (?, '', '', '', '', '{}', 0, '2026-11-23 12:00:00')"
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return data_dir(tmp_path / "data")


def add_clients(folder: Path, names: list[str]) -> None:
    database = open_database(folder)
    with database.engine.begin() as connection:
        for name in names:
            connection.exec_driver_sql(CLIENT_ROW, (name + " " + "x" * 1000,))
    database.close()


def client_names(path: Path) -> list[str]:
    with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as connection:
        return [row[0].split(" ")[0] for row in connection.execute("SELECT name FROM client")]


def page_of(path: Path, kind: str, name: str) -> int:
    with closing(sqlite3.connect(path)) as connection:
        return int(
            connection.execute(
                "SELECT rootpage FROM sqlite_master WHERE type = ? AND name = ?", (kind, name)
            ).fetchone()[0]
        )


def junk(path: Path, page: int) -> None:
    with path.open("r+b") as handle:
        handle.seek(PAGE * (page - 1))
        handle.write(bytes((i * 151 + 7) % 256 for i in range(PAGE)))


def fill_indexed(folder: Path) -> None:
    """Clients and an offer of 1,500 steps: the index of steps by phase spans pages."""
    add_clients(folder, [f"Client{n:03}" for n in range(50)])
    ctx = Context(open_database(folder), FixedClock(TODAY))
    steps = tuple(StepSpec(f"Call {n}") for n in range(25))
    phases = tuple(PhaseSpec(f"Phase {n}", 30, steps) for n in range(60))
    create_offer(ctx, sprint(*phases))
    ctx.close()


def damage_an_index(path: Path) -> None:
    """Junk in a page of an index: its table is intact, and quick_check sees the damage."""
    with closing(sqlite3.connect(path)) as connection:
        pages = [
            row[0]
            for row in connection.execute(
                "SELECT pageno FROM dbstat WHERE name = 'ix_journey_step_phase_id' "
                "OR name = 'ix_offer_step_phase_id' ORDER BY pageno"
            )
        ]
    assert len(pages) > 1
    junk(path, pages[-1])


def damage_the_table(path: Path) -> None:
    junk(path, page_of(path, "table", "client") + 3)


def kept_folders(folder: Path) -> list[Path]:
    damaged = folder / recovery.DAMAGED_FOLDER
    return sorted(damaged.iterdir()) if damaged.exists() else []


def opens_soundly(folder: Path) -> bool:
    database = open_database(folder)
    try:
        return database.check().ok
    finally:
        database.close()


def test_damage_only_in_an_index_is_repaired_and_nothing_is_lost(folder: Path) -> None:
    fill_indexed(folder)
    path = folder / DATABASE_NAME
    with closing(sqlite3.connect(path)) as connection:
        records = [line for line in connection.iterdump() if line.startswith("INSERT")]
    damage_an_index(path)
    damaged = path.read_bytes()
    with pytest.raises(DatabaseCorrupt):
        open_database(folder)

    outcome = recovery.repair_indexes(folder)

    assert outcome is not None and outcome.how == "repaired"
    assert "nothing was lost" in outcome.message
    assert opens_soundly(folder)
    with closing(sqlite3.connect(path)) as connection:
        assert [line for line in connection.iterdump() if line.startswith("INSERT")] == records
    (kept,) = kept_folders(folder)
    assert (kept / DATABASE_NAME).read_bytes() == damaged
    assert str(kept) in outcome.message


def test_damage_in_the_records_is_not_repaired_and_the_file_stays(folder: Path) -> None:
    add_clients(folder, [f"Client{n:03}" for n in range(200)])
    path = folder / DATABASE_NAME
    damage_the_table(path)
    damaged = path.read_bytes()
    assert recovery.repair_indexes(folder) is None
    assert path.read_bytes() == damaged
    assert sorted(p.name for p in folder.iterdir()) == [DATABASE_NAME]


def test_the_newest_sound_backup_is_offered_and_restored(folder: Path) -> None:
    add_clients(folder, ["Ana"])
    path = folder / DATABASE_NAME
    older = verified_backup(path, folder / "backups", "daily")
    add_clients(folder, ["Ben"])
    newer = verified_backup(path, folder / "backups", "daily")
    os.utime(older, (1_700_000_000, 1_700_000_000))
    broken = folder / "backups" / "daily-broken.sqlite3"
    broken.write_bytes(b"SQLite format 3\x00" + bytes(PAGE * 3))  # newest, but unsound
    add_clients(folder, [f"Later{n}" for n in range(200)])
    damage_the_table(path)

    backups = recovery.valid_backups(folder)
    assert [b.path for b in backups] == [newer, older]
    assert backups[0].clients == 2
    outcome = recovery.restore_backup(folder, backups[0].path)

    assert outcome.how == "backup" and outcome.backup == newer
    assert client_names(path) == ["Ana", "Ben"]
    assert opens_soundly(folder)
    (kept,) = kept_folders(folder)
    assert (kept / DATABASE_NAME).exists()


def test_a_backup_offered_names_its_practice_as_settings_backups_does(folder: Path) -> None:
    add_clients(folder, ["Ana", "Ben"])
    path = folder / DATABASE_NAME
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("UPDATE client SET archived = 1 WHERE name LIKE 'Ben%'")
        connection.execute(
            "INSERT INTO practice (name, owner_name, email, website, weekly_hours, working_days,"
            " brand_color, accent_color, tagline, phone, address, footer_text, signature,"
            " font_family, page_size, closed_dates, created_at)"
            " VALUES ('North Star', '', '', '', 30, '12345', '#2F6F73', '#E0A458', '', '', '',"
            " '', '', '', '', '[]', '2026-11-23 12:00:00')"
        )
    verified_backup(path, folder / "backups", "daily")
    damage_the_table(path)

    (offered,) = recovery.valid_backups(folder)

    assert (offered.practice, offered.clients, offered.label) == ("North Star", 1, "daily")


def test_a_backup_that_is_no_deliverydesk_database_is_refused_and_nothing_moves(
    folder: Path,
) -> None:
    add_clients(folder, [f"Client{n:03}" for n in range(200)])
    path = folder / DATABASE_NAME
    (folder / "backups").mkdir()
    foreign = folder / "backups" / "daily-20991231T000000000000Z.sqlite3"
    with closing(sqlite3.connect(foreign)) as connection, connection:
        connection.execute("CREATE TABLE client (name TEXT, archived INTEGER)")
    damage_the_table(path)
    damaged = path.read_bytes()

    (offered,) = recovery.valid_backups(folder)  # sound, as SQLite sees it
    with pytest.raises(recovery.RecoveryFailed) as refused:
        recovery.restore_backup(folder, offered.path)

    assert "is not a DeliveryDesk backup" in error_text(refused.value)
    assert path.read_bytes() == damaged
    assert kept_folders(folder) == []
    assert sorted(p.name for p in folder.iterdir()) == sorted(["backups", DATABASE_NAME])


def test_a_stale_log_beside_the_damaged_file_is_kept_aside_never_replayed(folder: Path) -> None:
    add_clients(folder, ["Ana"])
    path = folder / DATABASE_NAME
    backup = verified_backup(path, folder / "backups", "daily")
    add_clients(folder, [f"Later{n}" for n in range(200)])
    # A writer killed mid-session: its log still holds work that belongs to the damaged file.
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("PRAGMA wal_autocheckpoint=0")
    writer.execute(CLIENT_ROW, ("OnlyInTheLog",))
    log = folder / (DATABASE_NAME + "-wal")
    stale = log.read_bytes()
    damage_the_table(path)

    recovery.restore_backup(folder, backup)
    writer.close()  # what the killed writer never did; its log is no longer beside the file

    assert client_names(path) == ["Ana"]
    assert opens_soundly(folder)
    assert client_names(path) == ["Ana"]
    (kept,) = kept_folders(folder)
    assert (kept / (DATABASE_NAME + "-wal")).read_bytes()[:32] == stale[:32]


def test_with_no_sound_backup_a_fresh_start_keeps_the_damaged_file(folder: Path) -> None:
    add_clients(folder, [f"Client{n:03}" for n in range(200)])
    path = folder / DATABASE_NAME
    damage_the_table(path)
    damaged = path.read_bytes()
    (folder / "backups").mkdir()
    (folder / "backups" / "old.sqlite3").write_bytes(damaged)  # the backup is damaged too
    assert recovery.valid_backups(folder) == []

    outcome = recovery.start_fresh(folder)

    assert outcome.how == "fresh"
    assert not path.exists()
    assert opens_soundly(folder)
    assert client_names(path) == []
    (kept,) = kept_folders(folder)
    assert (kept / DATABASE_NAME).read_bytes() == damaged


Interruption = Callable[[Path, Path], None]


def _before_the_swap(folder: Path, replacement: Path) -> None:
    """Killed after the replacement was made, before the marker was written."""


def _after_the_marker(folder: Path, replacement: Path) -> None:
    """Killed once the plan was written, before any file moved."""
    (folder / recovery.DAMAGED_FOLDER / "cut").mkdir(parents=True)
    plan = {"kept": "cut", "replacement": replacement.name}
    (folder / recovery.MARKER).write_text(json.dumps(plan))


def _after_moving_the_file(folder: Path, replacement: Path) -> None:
    """Killed with the damaged file moved aside but the replacement not yet in place: the
    folder holds no data file at all, and must not start an empty practice."""
    _after_the_marker(folder, replacement)
    (folder / DATABASE_NAME).replace(folder / recovery.DAMAGED_FOLDER / "cut" / DATABASE_NAME)


@pytest.mark.parametrize("cut", [_before_the_swap, _after_the_marker, _after_moving_the_file])
def test_a_recovery_cut_short_is_finished_by_the_next_open(folder: Path, cut: Interruption) -> None:
    add_clients(folder, ["Ana"])
    path = folder / DATABASE_NAME
    backup = verified_backup(path, folder / "backups", "daily")
    add_clients(folder, [f"Later{n}" for n in range(200)])
    damage_the_table(path)
    damaged = path.read_bytes()
    replacement = folder / recovery.REPLACEMENT
    with closing(sqlite3.connect(backup)) as source, closing(sqlite3.connect(replacement)) as to:
        source.backup(to)
    cut(folder, replacement)

    if cut is _before_the_swap:  # nothing was decided: the file is still the damaged one
        with pytest.raises(DatabaseCorrupt):
            open_database(folder)
        assert not replacement.exists()
        assert path.read_bytes() == damaged
        return
    assert opens_soundly(folder)
    assert client_names(path) == ["Ana"]
    assert not (folder / recovery.MARKER).exists()
    assert (folder / recovery.DAMAGED_FOLDER / "cut" / DATABASE_NAME).read_bytes() == damaged


def test_a_locked_file_is_not_taken_for_damage_and_nothing_moves(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_engine, "BUSY_TIMEOUT_S", 0.05)
    add_clients(folder, ["Ana"])
    path = folder / DATABASE_NAME
    with closing(sqlite3.connect(path, isolation_level=None)) as other:
        other.execute("PRAGMA locking_mode=EXCLUSIVE")
        other.execute("BEGIN EXCLUSIVE")
        other.execute(CLIENT_ROW, ("Ben",))
        with pytest.raises(DatabaseLocked):
            open_database(folder)
        other.execute("COMMIT")
    assert kept_folders(folder) == []
    assert client_names(path) == ["Ana", "Ben"]
