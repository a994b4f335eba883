"""A start's quick check runs beside its first paint; the open takes its verdict."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from deliverydesk.services.views.startup import first_board
from deliverydesk.store import database, early_check
from deliverydesk.store.database import open_database
from deliverydesk.store.schema import DATABASE_NAME
from tests.conftest import TODAY


def quick_checks_run_by_the_open(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Each integrity check the open itself runs (True: a quick one)."""
    run: list[bool] = []
    real = database.integrity_messages

    def recorded(connection: Any, quick: bool = False) -> list[str]:
        run.append(quick)
        verdict: list[str] = real(connection, quick)
        return verdict

    monkeypatch.setattr(database, "integrity_messages", recorded)
    return run


def test_the_open_after_a_first_paint_takes_the_check_already_made(
    demo_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run = quick_checks_run_by_the_open(monkeypatch)
    assert first_board(demo_copy, TODAY) is not None  # the paint's snapshot; the check begins
    db = open_database(demo_copy)
    try:
        assert run == []  # not checked a second time
    finally:
        db.close()


def test_a_verdict_is_taken_once(demo_copy: Path) -> None:
    path = demo_copy / DATABASE_NAME
    early_check.begin(path)
    assert early_check.take(path) == ["ok"]
    assert early_check.take(path) is None  # the next open checks for itself


def test_a_file_put_in_place_since_the_check_is_checked_again(
    demo_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = demo_copy / DATABASE_NAME
    early_check.begin(path)
    other = tmp_path / "other.sqlite3"
    shutil.copyfile(path, other)
    other.replace(path)  # as a recovery the open finishes puts a backup in place
    assert early_check.take(path) is None
    run = quick_checks_run_by_the_open(monkeypatch)
    db = open_database(demo_copy)
    try:
        assert run == [True]
    finally:
        db.close()
