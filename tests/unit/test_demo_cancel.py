"""Seeding the demo can be stopped, and what it leaves is all of it or none of it."""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import func, select

from deliverydesk.model.entities import Base
from deliverydesk.model.rules.clock import FixedClock
from deliverydesk.paths import data_dir
from deliverydesk.progress import Cancelled
from deliverydesk.seeding.demo import seed_demo
from deliverydesk.services.context import Context, open_workspace
from deliverydesk.services.practice.practice import get_practice
from deliverydesk.services.views.queries import client_rows
from deliverydesk.store.errors import DatabaseError
from deliverydesk.store.schema import DATABASE_NAME
from deliverydesk.store.transfer import copy_into_empty
from tests.conftest import TODAY, seeded_demo


def record_counts(ctx: Context) -> dict[str, int]:
    with ctx.db.engine.connect() as connection:
        return {
            table.name: connection.execute(select(func.count()).select_from(table)).scalar_one()
            for table in Base.metadata.sorted_tables
        }


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo practice seeded once per session (tests/conftest.py), as a database file."""
    return seeded_demo(tmp_path_factory.mktemp("source") / "demo") / DATABASE_NAME


@dataclass(frozen=True)
class Rehearsal:
    progress: list[tuple[int, int]]
    cancel_checks: int


@pytest.fixture(scope="module")
def rehearsal(tmp_path_factory: pytest.TempPathFactory) -> Rehearsal:
    """A complete seeding, with what it reported and how often it offered to stop."""
    progress: list[tuple[int, int]] = []
    checks: list[None] = []
    ctx = open_workspace(data_dir(tmp_path_factory.mktemp("rehearsal")), FixedClock(TODAY))
    seed_demo(
        ctx,
        progress=lambda done, total: progress.append((done, total)),
        cancelled=lambda: bool(checks.append(None)),
    )
    ctx.close()
    return Rehearsal(progress, len(checks))


@pytest.fixture
def scratch_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where seeding's scratch folders go for this test, to see that none is left behind."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_a_cancelled_demo_leaves_the_folder_empty_and_usable(
    ctx: Context, scratch_dir: Path, demo_file: Path
) -> None:
    checks = 0

    def stop_after_a_while() -> bool:
        nonlocal checks
        checks += 1
        return checks > 40  # into the replay of the clients' histories

    with pytest.raises(Cancelled):
        seed_demo(ctx, cancelled=stop_after_a_while)

    assert get_practice(ctx) is None
    assert set(record_counts(ctx).values()) == {0}
    assert ctx.check().ok
    assert list(scratch_dir.iterdir()) == []

    copy_into_empty(ctx.db.engine, demo_file)  # the folder takes the demo as if nothing happened
    assert len({row.client_id for row in client_rows(ctx)}) == 25
    assert ctx.check().ok


def test_a_cancel_at_the_last_moment_still_adds_nothing(ctx: Context, rehearsal: Rehearsal) -> None:
    """The last chance to stop comes just before the practice moves in, none after it."""
    checks = 0

    def stop_at_the_last_check() -> bool:
        nonlocal checks
        checks += 1
        return checks == rehearsal.cancel_checks

    with pytest.raises(Cancelled):
        seed_demo(ctx, cancelled=stop_at_the_last_check)
    assert set(record_counts(ctx).values()) == {0}


def test_progress_climbs_to_one_hundred_percent(rehearsal: Rehearsal) -> None:
    done = [d for d, _total in rehearsal.progress]
    assert {total for _done, total in rehearsal.progress} == {100}
    assert done == sorted(done)
    # The first word comes as soon as the scratch file has its tables (5 %), not after.
    assert done[0] <= 5 and done[-1] == 100
    assert len(set(done)) > 50  # a bar that moves, not one that jumps


def test_the_move_into_the_folder_is_all_or_nothing(
    ctx: Context, tmp_path: Path, demo_file: Path
) -> None:
    source = tmp_path / "broken.sqlite3"
    shutil.copy(demo_file, source)
    # A link to a phase that does not exist: links are checked at the commit, so this is
    # found only after every table was copied, and all of it must go back.
    with closing(sqlite3.connect(source)) as raw, raw:
        raw.execute("UPDATE journey_step SET phase_id = 999999 WHERE id = 1")

    with pytest.raises(sqlite3.IntegrityError):
        copy_into_empty(ctx.db.engine, source)

    assert set(record_counts(ctx).values()) == {0}
    assert ctx.check().ok


def test_the_move_refuses_a_folder_that_holds_records(ctx: Context, demo_file: Path) -> None:
    copy_into_empty(ctx.db.engine, demo_file)
    before = record_counts(ctx)

    with pytest.raises(DatabaseError, match="already holds records"):
        copy_into_empty(ctx.db.engine, demo_file)

    assert record_counts(ctx) == before
