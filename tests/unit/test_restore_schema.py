"""A restore takes only a whole DeliveryDesk backup: the schema stamp is not enough.

A file stamped with the current schema but missing the client table (or a column, or
holding tables of something else) once replaced the practice; it opened, and then every
screen that reads the missing part failed. It is now refused in plain words before
anything is replaced.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from deliverydesk.services.context import Context
from deliverydesk.services.data import backups
from deliverydesk.services.errors import DatabaseError
from deliverydesk.services.workspace import Workspace
from tests.unit.data_support import open_copy, seed_template, tables

DAMAGE = {
    "no client table": ("DROP TABLE client", "it has no table client"),
    "a column gone": (
        "ALTER TABLE note DROP COLUMN text",
        "its table note has no column text",
    ),
    "a table of something else": (
        "CREATE TABLE recipes (name TEXT)",
        "it holds table recipes DeliveryDesk does not know",
    ),
    "a column of something else": (
        "ALTER TABLE client ADD COLUMN shoe_size INTEGER",
        "its table client holds column shoe_size it should not",
    ),
}


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return seed_template(tmp_path_factory.mktemp("restore") / "demo")


@pytest.fixture
def demo(template: Path, tmp_path: Path) -> Iterator[Context]:
    ctx = open_copy(template, tmp_path / "practice")
    yield ctx
    ctx.close()


@pytest.mark.parametrize("damage", DAMAGE)
def test_a_backup_missing_part_of_the_schema_is_refused_and_nothing_changes(
    demo: Context, tmp_path: Path, damage: str
) -> None:
    sql, why = DAMAGE[damage]
    source = tmp_path / "chosen.sqlite3"
    shutil.copy(backups.back_up(demo).path, source)
    with closing(sqlite3.connect(source)) as edited:
        edited.execute("PRAGMA foreign_keys = OFF")
        edited.execute(sql)
        edited.commit()
    ws = Workspace(demo)
    before = tables(ws.path)
    kept_before = sorted(p.name for p in (ws.folder / "backups").iterdir())

    with pytest.raises(DatabaseError) as refused:
        ws.data.restore_backup(source)

    assert str(refused.value) == (
        f"{source} cannot be restored: {why}, so it is not a whole DeliveryDesk backup. "
        "Nothing was changed."
    )
    assert tables(ws.path) == before
    assert sorted(p.name for p in (ws.folder / "backups").iterdir()) == kept_before
    assert len(ws.clients.client_rows()) >= 25  # still open on the same practice
    assert ws.data.check().ok
    assert not [p for p in ws.folder.iterdir() if p.name.endswith(".tmp")]


def test_a_whole_backup_still_restores(demo: Context) -> None:
    backup = backups.back_up(demo)
    ws = Workspace(demo)
    result = ws.data.restore_backup(backup.path)
    assert result.value.kept is not None
    assert len(ws.clients.client_rows()) >= 25
    assert ws.data.check().ok
