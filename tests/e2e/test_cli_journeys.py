"""`deliverydesk journeys-template` and `import-journeys FILE.csv [--dry-run]` as the real
program: the template written, a dry run reporting every row and importing nothing, a file
with a problem refused whole, and the filled file enrolling every client under way."""

from __future__ import annotations

from pathlib import Path

import pytest

from deliverydesk.model.rules.clock import FixedClock
from deliverydesk.paths import data_dir
from deliverydesk.seeding.offer_templates import OFFERS
from deliverydesk.services.context import open_workspace
from deliverydesk.services.offers.offers import create_offer
from deliverydesk.services.practice.practice import create_practice
from deliverydesk.services.workspace import Workspace
from tests.conftest import TODAY
from tests.e2e.test_cli_data import environment, run

pytestmark = pytest.mark.e2e

DAY = ("--today", TODAY.isoformat())


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A practice with one offer, made as the window would (the CLI has no 'new practice')."""
    where = data_dir(tmp_path / "practice")
    ctx = open_workspace(where, FixedClock(TODAY))
    create_practice(ctx, "Rivera Studio", 30, frozenset({1, 2, 3, 4, 5}))
    create_offer(ctx, OFFERS["brand"])
    ctx.close()
    return where


def _journeys(folder: Path) -> list[tuple[str, str]]:
    ctx = open_workspace(folder, FixedClock(TODAY))
    try:
        rows = Workspace(ctx).journeys.board_rows()
        return sorted((row.name, row.phase_name) for row in rows)
    finally:
        ctx.close()


def test_the_template_then_a_dry_run_then_the_import(folder: Path, tmp_path: Path) -> None:
    env = environment(tmp_path / "home")
    template = tmp_path / "journeys.csv"
    made = run(env, "journeys-template", str(template), "--data-dir", str(folder), *DAY)
    assert made.returncode == 0, made.stderr
    assert made.stdout == f"Wrote {template}: one row per client, 1 example row to replace.\n"

    # The example row, left in, is refused: the report names it, nothing changes.
    refused = run(env, "import-journeys", str(template), "--data-dir", str(folder), *DAY)
    assert refused.returncode == 1
    assert refused.stdout.splitlines() == [
        "Row 2: problem: This is the template's example row: replace it with a client.",
        "0 new, 0 already here (skipped), 1 with a problem.",
        "Nothing was imported: fix the rows with a problem and import the file again.",
    ]
    assert _journeys(folder) == []

    template.write_text(
        "Client,E-mail,Offer,Start date,Current phase or step\n"
        "Ana Rivera,ana@mail.test,Brand Audit,2026-11-09,Audit\n"
        "Ben Okafor,ben@mail.test,Brand Audit,2026-11-16,Discovery\n"
        "Ana Rivera,ana@mail.test,Brand Audit,2026-11-09,Audit\n",
        encoding="utf-8",
    )
    dry = run(env, "import-journeys", str(template), "--dry-run", "--data-dir", str(folder), *DAY)
    assert dry.returncode == 0, dry.stderr
    assert dry.stdout.splitlines() == [
        "Row 4: skipped: Repeats row 2.",
        "2 new, 1 already here (skipped), 0 with a problem.",
        "Dry run: nothing was imported.",
    ]
    assert _journeys(folder) == []

    done = run(env, "import-journeys", str(template), "--data-dir", str(folder), *DAY)
    assert done.returncode == 0, done.stderr
    assert "Enrolled 2 clients already under way (2 new clients)." in done.stdout
    assert "backed up in" in done.stdout
    assert _journeys(folder) == [("Ana Rivera", "Audit"), ("Ben Okafor", "Discovery")]

    again = run(env, "import-journeys", str(template), "--data-dir", str(folder), *DAY)
    assert again.returncode == 1
    assert "Row 2: skipped: Ana Rivera is already on Brand Audit." in again.stdout


def test_a_file_that_is_not_there_is_said_in_plain_words(folder: Path, tmp_path: Path) -> None:
    env = environment(tmp_path / "home")
    missing = tmp_path / "nothing.csv"
    result = run(env, "import-journeys", str(missing), "--data-dir", str(folder), *DAY)
    assert result.returncode == 1
    assert result.stderr.strip() == f"deliverydesk: There is no file at {missing}."
    assert "Traceback" not in result.stderr
