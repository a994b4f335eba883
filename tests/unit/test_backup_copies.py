"""Backups also copied to a second folder (an external disk, a synced folder): each copy
whole and private, written atomically, thinned like the backups; a folder that cannot be
reached leaves the backup here made and says why in plain words."""

from __future__ import annotations

import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from deliverydesk.services.clients.clients import ClientInput, add_client
from deliverydesk.services.context import Context
from deliverydesk.services.data import backups
from deliverydesk.services.data.backup_copies import SUBFOLDER, copy_folder, set_copy_folder
from deliverydesk.services.errors import InvalidInput

NOW = datetime(2026, 11, 23, 18, 0, tzinfo=UTC)


@pytest.fixture
def disk(tmp_path: Path) -> Path:
    folder = tmp_path / "external disk"
    folder.mkdir()
    return folder


def test_each_backup_is_also_copied_whole_and_private(ctx: Context, disk: Path) -> None:
    add_client(ctx, ClientInput("Ana Souza"))
    data = ctx.path.parent
    set_copy_folder(data, disk)
    assert copy_folder(data) == disk

    info = backups.back_up(ctx, now=NOW)

    assert info.copied_to == disk / SUBFOLDER / info.path.name
    assert info.copied_to.read_bytes() == info.path.read_bytes()
    assert stat.S_IMODE(info.copied_to.stat().st_mode) == 0o600
    assert info.copy_problem == ""
    assert [p.name for p in (disk / SUBFOLDER).iterdir()] == [info.path.name]  # no temporary


def test_a_disk_not_connected_leaves_the_backup_here_and_says_so(ctx: Context, disk: Path) -> None:
    set_copy_folder(ctx.path.parent, disk)
    disk.rmdir()  # unplugged

    info = backups.back_up(ctx, now=NOW)

    assert info.path.is_file()  # the backup here is made
    assert info.copied_to is None
    assert info.copy_problem == (
        f"The copy was not made: {disk} is not there (is its disk connected?)."
    )
    assert backups.list_backups(ctx.path.parent)[0].path == info.path


def test_copies_are_thinned_like_the_backups_and_nothing_else_there_is_touched(
    ctx: Context, disk: Path
) -> None:
    set_copy_folder(ctx.path.parent, disk)
    theirs = disk / SUBFOLDER / "notes.tmp"  # another program's file, old
    for hours in range(30, 0, -1):  # a backup an hour for more than a day
        backups.back_up(ctx, backups.AUTO, NOW - timedelta(hours=hours))
        if hours == 30:
            theirs.write_text("keep me")
    here = {p.name for p in backups.backups_folder(ctx.path.parent).iterdir()}
    there = {p.name for p in (disk / SUBFOLDER).iterdir()} - {theirs.name}
    assert there == here  # the same rule keeps the same backups
    assert len(there) < 30
    assert theirs.read_text() == "keep me"


@pytest.mark.parametrize("where", ["missing", "inside"])
def test_a_folder_that_cannot_serve_is_refused_and_changes_nothing(
    ctx: Context, disk: Path, where: str
) -> None:
    data = ctx.path.parent
    set_copy_folder(data, disk)
    wrong = disk / "nowhere" if where == "missing" else data / "backups"
    wrong.parent.mkdir(exist_ok=True)
    with pytest.raises(InvalidInput) as refused:
        set_copy_folder(data, wrong)
    assert "Error" not in str(refused.value) and str(refused.value).endswith(".")
    assert copy_folder(data) == disk


def test_stop_copying(ctx: Context, disk: Path) -> None:
    set_copy_folder(ctx.path.parent, disk)
    set_copy_folder(ctx.path.parent, None)
    assert copy_folder(ctx.path.parent) is None
    assert backups.back_up(ctx, now=NOW).copied_to is None
    assert not (disk / SUBFOLDER).exists()
