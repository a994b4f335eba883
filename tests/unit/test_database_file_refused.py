"""A file the person picks is never the data file or one of SQLite's files beside it.

Reading one of them in the process that has the practice open would drop its locks on
closing (docs/data-safety.md); saving over one would put a new file where SQLite has the
old one open. Either is refused in plain words, and the practice stays as it was.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text

from deliverydesk.services.clients import client_csv
from deliverydesk.services.clients.clients import ClientInput, add_client
from deliverydesk.services.context import Context
from deliverydesk.services.data import practice_file
from deliverydesk.services.errors import InvalidInput
from deliverydesk.services.offers import offer_file
from deliverydesk.services.paper import intake
from deliverydesk.services.practice import brand
from deliverydesk.services.practice.practice import create_practice

Use = Callable[[Context, Path], object]

USES: dict[str, Use] = {
    "export the clients as CSV": lambda ctx, path: client_csv.export_clients(ctx, path),
    "export the practice": practice_file.export_practice,
    "import clients from CSV": client_csv.import_clients,
    "import a practice file": lambda ctx, path: practice_file.read_practice_file(path),
    "import an offer": offer_file.import_offer,
    "import a filled form": lambda ctx, path: intake.read_filled_form(ctx, path, 1),
    "choose a logo": brand.import_logo,
}


@pytest.mark.parametrize("end", ["", "-wal", "-shm"])
@pytest.mark.parametrize("use", USES)
def test_the_data_file_is_refused_and_left_as_it_was(ctx: Context, use: str, end: str) -> None:
    create_practice(ctx, "North Star Coaching", 30, frozenset({1, 2, 3, 4, 5}))
    add_client(ctx, ClientInput("Ana Lima"))
    target = ctx.path.with_name(ctx.path.name + end)
    assert target.exists()
    before = os.stat(target)

    with pytest.raises(InvalidInput, match="is a DeliveryDesk data file") as refused:
        USES[use](ctx, target)

    assert "Choose another file; nothing was changed." in str(refused.value)
    after = os.stat(target)
    assert (after.st_ino, after.st_size) == (before.st_ino, before.st_size)
    assert ctx.check().ok


def test_a_link_to_the_data_file_is_refused_too(ctx: Context, tmp_path: Path) -> None:
    create_practice(ctx, "North Star Coaching", 30, frozenset({1, 2, 3, 4, 5}))
    link = tmp_path / "clients.csv"
    link.symlink_to(ctx.path)
    with pytest.raises(InvalidInput, match="is a DeliveryDesk data file"):
        client_csv.export_clients(ctx, link)
    assert link.resolve() == ctx.path.resolve()
    assert ctx.check().ok


@pytest.mark.parametrize("stored", ["deliverydesk.sqlite3", "deliverydesk.sqlite3-wal"])
def test_a_logo_stored_as_the_data_file_is_never_read(ctx: Context, stored: str) -> None:
    """A practice stored before logo paths were checked could name the data file as the
    logo; the paper then has none (a save, or a practice file, is refused it today)."""
    create_practice(ctx, "North Star Coaching", 30, frozenset({1, 2, 3, 4, 5}))
    settings = brand.brand_settings(ctx)
    with pytest.raises(InvalidInput, match="The logo must be one DeliveryDesk copied"):
        brand.update_brand(ctx, dataclasses.replace(settings, logo_path=stored))
    with ctx.db.engine.begin() as connection:
        connection.execute(text("UPDATE practice SET logo_path = :p"), {"p": stored})
    assert brand.brand_settings(ctx).logo_path == stored
    assert brand.logo_path(ctx, stored) is None
    assert brand.paper_brand(ctx, brand.brand_settings(ctx)).logo_file is None
