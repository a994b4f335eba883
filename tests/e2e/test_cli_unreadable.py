"""A database holding values DeliveryDesk cannot read (changed behind its back with raw SQL):
`check` lists every one with its table, row and column; the commands that trip over one
say so in plain words instead of a traceback."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from tests.e2e.test_batch_export_stop import _environ, deliverydesk

pytestmark = pytest.mark.e2e

DATABASE = "deliverydesk.sqlite3"
CORRUPTIONS = {  # raw UPDATE -> what `check` says of it
    "UPDATE journey SET status = 'bogus' WHERE id = 2": "journey 2, status: 'bogus' is not one",
    "UPDATE journey_step SET due_on = '2026-02-31' WHERE id = 5": (
        "journey_step 5, due_on: '2026-02-31' is not a real date"
    ),
    "UPDATE client SET right_fit = '{not json' WHERE id = 3": (
        "client 3, right_fit: '{not json' is not readable JSON"
    ),
    "UPDATE offer SET intake_questions = '{\"a\": 1}' WHERE id = 1": (
        "offer 1, intake_questions: '{\"a\": 1}' should be a list"
    ),
    "UPDATE offer_step SET kind = 'weird' WHERE id = 2": "offer_step 2, kind: 'weird' is not one",
    "UPDATE practice SET closed_dates = '[\"2026-13-01\"]'": (
        "practice 1, closed_dates: '[\"2026-13-01\"]' should hold only real dates"
    ),
    "UPDATE journey_step SET session_time = '25:61:00' WHERE id = 7": (
        "journey_step 7, session_time: '25:61:00' is not a real time of day"
    ),
}


@pytest.fixture(scope="module")
def demo_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("demo")
    result = deliverydesk(_environ(base), "demo", "--data-dir", str(base / "practice"))
    assert result.returncode == 0, result.stderr
    return base / "practice"


def corrupted(demo_once: Path, tmp_path: Path, *updates: str) -> Path:
    practice = Path(shutil.copytree(demo_once, tmp_path / "practice"))
    with closing(sqlite3.connect(practice / DATABASE)) as connection:
        for update in updates:
            assert connection.execute(update).rowcount == 1, update
        connection.commit()
    return practice


def test_check_lists_every_value_it_cannot_read(demo_once: Path, tmp_path: Path) -> None:
    practice = corrupted(demo_once, tmp_path, *CORRUPTIONS)
    result = deliverydesk(_environ(tmp_path), "check", "--data-dir", str(practice))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr, result.stderr
    assert f"Values DeliveryDesk cannot read: {len(CORRUPTIONS)}" in result.stdout
    for said in CORRUPTIONS.values():
        assert said in result.stdout
    assert result.stdout.splitlines()[-1] == "Problems found."


@pytest.mark.parametrize(
    ("command", "update"),
    [  # each command with a value it reads on its way
        (["offer", "list"], "UPDATE offer_step SET kind = 'weird' WHERE id = 2"),
        (
            ["export", "progress", "--all", "--out-dir", "{out}"],
            "UPDATE journey_step SET due_on = '2026-02-31' WHERE id = 5",
        ),
        (
            ["export", "progress", "--client", "2", "--out", "{out}/one.pdf"],
            "UPDATE journey SET status = 'bogus' WHERE id = 2",
        ),
        (
            ["export", "onboarding", "--client", "3", "--out", "{out}/pack.pdf"],
            "UPDATE client SET right_fit = '{not json' WHERE id = 3",
        ),
    ],
    ids=["offer-list/enum", "export-all/date", "export-client/enum", "export-pack/json"],
)
def test_commands_name_the_unreadable_value_instead_of_a_traceback(
    demo_once: Path, tmp_path: Path, command: list[str], update: str
) -> None:
    practice = corrupted(demo_once, tmp_path, update)
    out = tmp_path / "out"
    out.mkdir()
    args = [part.replace("{out}", str(out)) for part in command]
    result = deliverydesk(_environ(tmp_path), *args, "--data-dir", str(practice))
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 1, result.stdout
    assert "the database holds values DeliveryDesk cannot read" in result.stderr
    assert CORRUPTIONS[update] in result.stderr
    assert "deliverydesk check" in result.stderr
