"""The whole practice to a JSON file and back: exact, versioned, all or nothing."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from deliverydesk.model.rules.clock import FixedClock
from deliverydesk.paths import data_dir
from deliverydesk.services.context import Context, open_workspace
from deliverydesk.services.data.practice_file import (
    FORMAT,
    FORMAT_VERSION,
    export_practice,
    import_practice,
)
from deliverydesk.services.errors import InvalidInput
from deliverydesk.services.workspace import Workspace
from deliverydesk.staging import PREFIX as STAGING
from deliverydesk.store.schema import HEAD_REVISION
from tests.conftest import TODAY
from tests.unit.data_support import open_copy, seed_template, tables


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return seed_template(tmp_path_factory.mktemp("practice-file") / "demo")


@pytest.fixture
def demo(template: Path, tmp_path: Path) -> Iterator[Context]:
    ctx = open_copy(template, tmp_path / "demo")
    yield ctx
    ctx.close()


@pytest.fixture
def empty(tmp_path: Path) -> Iterator[Context]:
    ctx = open_workspace(data_dir(tmp_path / "empty"), FixedClock(TODAY))
    yield ctx
    ctx.close()


def exported(demo: Context, tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    path = tmp_path / "practice.json"
    export_practice(demo, path)
    return path, json.loads(path.read_text("utf-8"))


def test_the_demo_practice_round_trips_exactly(
    demo: Context, empty: Context, tmp_path: Path
) -> None:
    path = tmp_path / "northlight.json"
    written = export_practice(demo, path)
    assert written.clients == 25
    assert written.schema == HEAD_REVISION

    result = import_practice(empty, path)

    assert result.changes.everything
    assert result.value.rows == written.rows
    assert tables(empty.path) == tables(demo.path)  # every table, ids included
    assert empty.check().ok
    assert Workspace(empty).clients.client_rows() == Workspace(demo).clients.client_rows()


def test_the_file_is_private_versioned_and_readable(demo: Context, tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        path, document = exported(demo, tmp_path)
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert document["format"] == FORMAT
    assert document["format_version"] == FORMAT_VERSION
    assert document["schema"] == HEAD_REVISION
    client = document["tables"]["client"]
    row = dict(zip(client["columns"], client["rows"][0], strict=True))
    assert isinstance(row["right_fit"], dict)  # JSON columns are JSON, not quoted text
    assert row["name"] in path.read_text("utf-8")  # names as written, not \u-escaped


def test_a_practice_file_goes_only_into_an_empty_practice(demo: Context, tmp_path: Path) -> None:
    path, _document = exported(demo, tmp_path)
    before = tables(demo.path)
    with pytest.raises(InvalidInput, match="already holds a practice"):
        import_practice(demo, path)
    assert tables(demo.path) == before


def corrupt(document: dict[str, Any], how: str) -> Any:
    tables_ = document["tables"]
    if how == "not-ours":
        return {"hello": "world"}
    if how == "newer-format":
        document["format_version"] = FORMAT_VERSION + 1
    elif how == "newer-schema":
        document["schema"] = "9999"
    elif how == "unknown-table":
        tables_["recipes"] = {"columns": ["id"], "rows": [[1]]}
    elif how == "unknown-column":
        tables_["client"]["columns"][1] = "shoe_size"
    elif how == "short-row":
        tables_["note"]["rows"][0].pop()
    elif how == "broken-link":
        column = tables_["journey"]["columns"].index("client_id")
        tables_["journey"]["rows"][3][column] = 99_999
    elif how == "repeated-id":
        tables_["client"]["rows"].append(tables_["client"]["rows"][0])
    elif how == "blank-name":
        tables_["client"]["rows"][-1][tables_["client"]["columns"].index("name")] = "  "
    elif how == "wrong-kind":
        tables_["client"]["rows"][-1][0] = [1, 2]
    elif how == "huge-number":
        tables_["client"]["rows"][-1][0] = 10**30
    return document


@pytest.mark.parametrize(
    "how",
    [
        "not-ours",
        "newer-format",
        "newer-schema",
        "unknown-table",
        "unknown-column",
        "short-row",
        "broken-link",
        "repeated-id",
        "blank-name",
        "wrong-kind",
        "huge-number",
    ],
)
def test_a_damaged_file_is_refused_with_a_reason_and_imports_nothing(
    demo: Context, empty: Context, tmp_path: Path, how: str
) -> None:
    path, document = exported(demo, tmp_path)
    path.write_text(json.dumps(corrupt(document, how)), "utf-8")
    before = tables(empty.path)
    with pytest.raises(InvalidInput) as refused:
        import_practice(empty, path)
    assert "Traceback" not in str(refused.value)
    assert path.name in str(refused.value)
    assert tables(empty.path) == before


@pytest.mark.parametrize("content", [b"", b"{", b"[1, 2]", b"\xff\xfe garbage", b"[" * 100_000])
def test_files_that_are_not_json_are_refused(
    empty: Context, tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "odd.json"
    path.write_bytes(content)
    with pytest.raises(InvalidInput, match="not a DeliveryDesk practice file"):
        import_practice(empty, path)


def test_a_missing_file_or_a_folder_is_refused(empty: Context, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="no file"):
        import_practice(empty, tmp_path / "nowhere.json")
    with pytest.raises(InvalidInput, match="folder"):
        import_practice(empty, tmp_path)


# What migrations 0004 onwards added: a file written at 0003 has none of it.
ADDED_BY_0004 = {
    "offer": (
        "duration_weeks",
        "price",
        "boundaries",
        "welcome_template",
        "right_fit",
        "intake_questions",
        "document_messages",  # 0010
        "price_minor",  # 0014
        "currency",  # 0014
    ),
    "delivery_standard": ("target",),
    "offer_step": (
        "resource_link",
        "client_wording",
        "session_minutes",  # 0011
        "amount_minor",  # 0014
    ),
    "journey_step": (
        "resource_link",
        "client_wording",
        "brought_in",  # 0009
        "session_minutes",  # 0011
        "session_time",
        "amount_minor",  # 0014
        "paid_on",  # 0014
    ),
    "journey": ("paused_on", "end_reason", "fit", "resume_on", "price_minor", "currency"),
    "client": ("intake",),
    "feedback": ("referral_name", "follow_up"),  # 0013
    "practice": (
        "closed_dates",
        "tagline",
        "phone",
        "address",
        "footer_text",
        "signature",
        "font_family",
        "page_size",
        "form_secret",  # 0007
        "time_zone",  # 0011
        "session_alarm_minutes",
        "day_hours",  # 0012
        "time_off",  # 0012
    ),
}


def test_a_file_from_an_older_schema_is_upgraded_on_the_way_in(
    demo: Context, empty: Context, tmp_path: Path
) -> None:
    _path, document = exported(demo, tmp_path)
    document["schema"] = "0003"
    del document["tables"]["offer_revision"]
    for table, added in ADDED_BY_0004.items():
        content = document["tables"][table]
        keep = [i for i, c in enumerate(content["columns"]) if c not in added]
        content["columns"] = [content["columns"][i] for i in keep]
        content["rows"] = [[row[i] for i in keep] for row in content["rows"]]
    older = tmp_path / "older.json"
    older.write_text(json.dumps(document), "utf-8")

    import_practice(empty, older)

    assert empty.check().ok
    assert tables(empty.path)["client"] == tables(demo.path)["client"]
    assert len(tables(empty.path)["journey_step"]) == len(tables(demo.path)["journey_step"])


def test_a_practice_file_can_replace_the_open_practice_and_that_can_be_undone(
    demo: Context, tmp_path: Path
) -> None:
    path, _document = exported(demo, tmp_path)
    ws = Workspace(demo)
    from deliverydesk.services.clients.clients import ClientInput

    ws.clients.add_client(ClientInput("Added After Export"))
    before = tables(ws.path)

    replaced = ws.data.replace_practice(path)

    assert replaced.changes.everything
    names = [row.name for row in ws.clients.client_rows()]
    assert "Added After Export" not in names and len(set(names)) == 25
    assert not [p for p in ws.folder.iterdir() if p.name.startswith(STAGING)]
    kept = replaced.value.kept
    assert kept is not None
    ws.data.restore_backup(kept)
    assert tables(ws.path) == before
    ws.close()


def test_a_bad_file_never_replaces_the_open_practice(demo: Context, tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"format": "deliverydesk-practice"}', "utf-8")
    ws = Workspace(demo)
    before = tables(ws.path)
    with pytest.raises(InvalidInput):
        ws.data.replace_practice(path)
    assert tables(ws.path) == before
    assert not (ws.folder / "backups").exists()
