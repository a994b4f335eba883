"""A practice file is refused for any value the screens would refuse, naming where it is."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from deliverydesk.model.rules.clock import FixedClock
from deliverydesk.paths import data_dir
from deliverydesk.services.context import Context, open_workspace
from deliverydesk.services.data.practice_file import export_practice, import_practice
from deliverydesk.services.errors import InvalidInput
from tests.conftest import TODAY
from tests.unit.data_support import open_copy, seed_template, tables


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The demo practice as its file holds it."""
    folder = tmp_path_factory.mktemp("practice-values")
    ctx = open_copy(seed_template(folder / "demo"), folder / "copy")
    try:
        export_practice(ctx, folder / "demo.json")
    finally:
        ctx.close()
    loaded: dict[str, Any] = json.loads((folder / "demo.json").read_text("utf-8"))
    return loaded


@pytest.fixture
def empty(tmp_path: Path) -> Iterator[Context]:
    ctx = open_workspace(data_dir(tmp_path / "empty"), FixedClock(TODAY))
    yield ctx
    ctx.close()


def spoil(document: dict[str, Any], table: str, column: str, value: Any, row: int = 0) -> str:
    """A copy of the file with one value changed; the path a refusal must name."""
    content = document["tables"][table]
    where = content["columns"].index(column)
    rows = [list(r) for r in content["rows"]]
    candidates = [i for i, r in enumerate(rows) if r[where] is not None] or [0]
    index = candidates[min(row, len(candidates) - 1)]
    rows[index][where] = value
    document["tables"] = {**document["tables"], table: {**content, "rows": rows}}
    return f"{table}[{index}].{column}"


# (table, column, bad value, what the refusal says after the path)
BAD = {
    "enum": ("journey", "status", "zombie", "zombie is not one of active, archived"),
    "step-kind": ("offer_step", "kind", "lecture", "lecture is not one of"),
    "impossible-date": ("journey_phase", "started_on", "2026-02-30", "2026-02-30 is not a date."),
    "date-junk": ("friction", "occurred_on", "soon", "soon is not a date."),
    "instant": ("client", "created_at", "yesterday", "yesterday is not a date and time."),
    "yes-no": ("client", "archived", 7, "7 is not yes or no"),
    "json-junk": ("offer", "intake_questions", "junk", "junk is not a list of intake questions."),
    "json-question-kind": (
        "offer",
        "intake_questions",
        [{"text": "Why?", "kind": "essay", "choices": []}],
        "is not a list of intake questions.",
    ),
    "json-intake": ("client", "intake", {"answers": 5}, "answers: 5 is not a list of"),
    "json-fit": ("journey", "fit", [1, 2], "[1, 2] is not a set of named values."),
    "logo-outside": (
        "practice",
        "logo_path",
        "../../../etc/passwd",
        "The logo must be one DeliveryDesk copied into its data folder",
    ),
    "logo-absolute": ("practice", "logo_path", "/tmp/x.png", "The logo must be one"),
    "no-working-day": ("practice", "working_days", "", "Choose at least one working day."),
    "weekday-8": ("practice", "working_days", "1238", "Choose at least one working day."),
    "weekly-hours": ("practice", "weekly_hours", 0, "Weekly hours must be between 1 and 168."),
    "weekly-hours-high": ("practice", "weekly_hours", 500, "Weekly hours must be between 1 and"),
    "closed-date": ("practice", "closed_dates", ["2026-13-01"], "2026-13-01 is not a date."),
    "colour": ("practice", "brand_color", "red", "The primary colour must be written like"),
    "page-size": ("practice", "page_size", "A3", "The page size is A4 or Letter"),
    "client-name": ("client", "name", "Ann\nLee", "A client's name contains a control character"),
    "blank-step": ("offer_step", "title", " \u200b ", "A step's title cannot be empty."),
    "e-mail": ("client", "email", "nobody", "'nobody' does not look like an e-mail address"),
    "phase-days": ("offer_phase", "planned_days", 0, "A phase's working days must be between 1"),
    "text-kind": ("client", "company", 12, "12 is not text."),
    "missing": ("journey", "start_on", None, "a value is needed here."),
    # Money (0014): amounts in whole minor units, never negative; a currency from the list.
    "amount": ("journey_step", "amount_minor", -5, "An invoice step's amount must be between 0"),
    "amount-text": ("offer_step", "amount_minor", "£300", "£300 is not a whole number."),
    "price": ("journey", "price_minor", -1, "A journey's price must be between 0"),
    "currency": ("journey", "currency", "XYZ", "XYZ is not a currency code"),
    "paid-on": ("journey_step", "paid_on", "paid", "paid is not a date."),
    # Whole offers, by the offer editor's saving rules: the path goes into the design.
    "criterion-weight": (
        "offer",
        "right_fit",
        {"criteria": [{"text": "Ready to start", "weight": 500}], "threshold": 1},
        ".criteria[0].weight: A criterion's weight must be between 0 and 100.",
    ),
    "one-choice": (
        "offer",
        "intake_questions",
        [{"text": "Pick one", "kind": "choice", "choices": ["Only"]}],
        "[0].choices: Question 1 is a choice: give it at least two answers to choose from.",
    ),
}


@pytest.mark.parametrize("kind", BAD)
def test_a_bad_value_is_refused_by_its_path_and_nothing_is_imported(
    document: dict[str, Any], empty: Context, tmp_path: Path, kind: str
) -> None:
    table, column, value, words = BAD[kind]
    spoilt = json.loads(json.dumps(document))
    where = spoil(spoilt, table, column, value)
    path = tmp_path / "practice.json"
    path.write_text(json.dumps(spoilt), "utf-8")
    before = tables(empty.path)

    with pytest.raises(InvalidInput) as refused:
        import_practice(empty, path)

    message = str(refused.value)
    assert message.startswith(f"practice.json cannot be imported, so nothing was: {where}")
    assert message.endswith(words) if words.endswith(".") else words in message
    assert tables(empty.path) == before


def test_a_sound_file_still_imports(
    document: dict[str, Any], empty: Context, tmp_path: Path
) -> None:
    path = tmp_path / "practice.json"
    path.write_text(json.dumps(document), "utf-8")
    assert import_practice(empty, path).value.clients == 25
