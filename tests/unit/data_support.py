"""Shared helpers for the data-safety tests: a demo practice to copy, and table dumps."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

from deliverydesk.model.rules.clock import FixedClock
from deliverydesk.services.context import Context, open_workspace
from deliverydesk.store.schema import DATABASE_NAME
from tests.conftest import TODAY, seeded_demo


def seed_template(folder: Path) -> Path:
    """A closed data folder holding the demo practice: a copy of the one seeded once per
    session (tests/conftest.py)."""
    return seeded_demo(folder)


def open_copy(template: Path, folder: Path) -> Context:
    shutil.copytree(template, folder)
    return open_workspace(folder, FixedClock(TODAY))


def tables(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows, in storage order: two equal dumps hold the same records."""
    with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as db:
        names = [
            name
            for (name,) in db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        return {
            name: db.execute(f'SELECT * FROM "{name}" ORDER BY rowid').fetchall() for name in names
        }


def client_names(folder: Path) -> list[str]:
    with closing(
        sqlite3.connect(f"{(folder / DATABASE_NAME).resolve().as_uri()}?mode=ro", uri=True)
    ) as db:
        return [name for (name,) in db.execute("SELECT name FROM client ORDER BY id")]
