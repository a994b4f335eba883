"""`feedback add|list|testimonials|review` from a script: recorded about a checkpoint with a
named referral, listed, saved as quotes and as the practice review, and clear refusals
that change nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.e2e.test_cli import env, run
from tests.unit.reports_support import text

__all__ = ["env"]  # the fixture, shared with test_cli.py

pytestmark = pytest.mark.e2e

TODAY = "2026-11-23"


@pytest.fixture
def journey(env: dict[str, str], demo_template: Path, tmp_path: Path) -> tuple[list[str], str]:
    """The options of a fresh copy of the demo practice, and a new client's journey."""
    folder = tmp_path / "practice"
    shutil.copytree(demo_template, folder)
    options = ["--data-dir", str(folder), "--today", TODAY]
    for command in (
        ("client", "add", "Noor Haddad"),
        ("enrol", "Noor Haddad", "Brand Audit", "--start", "2026-11-09"),
    ):
        done = run(env, *command, *options)
        assert done.returncode == 0, done.stderr
    number = done.stdout.rsplit("(journey ", 1)[1].split(")")[0]
    return options, number


def test_record_list_and_save_feedback(
    env: dict[str, str], journey: tuple[list[str], str], tmp_path: Path
) -> None:
    options, number = journey
    added = run(
        env, "feedback", "add", number, "--score", "9", "--words", "Sharp & <b>kind</b>",
        "--testimonial", "--referral-asked", "--referred", "Ana Souza",
        "--on", "2026-11-20", *options,
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert added.stdout.startswith("Recorded feedback ")
    shown = run(env, "feedback", "list", "--journey", number, *options)
    assert shown.returncode == 0, shown.stderr
    assert "Fri 20 Nov 2026  Noor Haddad (Brand Audit, journey" in shown.stdout
    assert shown.stdout.rstrip().endswith(
        "9/10: Sharp & <b>kind</b>  [may be quoted, referral asked, referred Ana Souza]"
    )

    quotes = tmp_path / "quotes.pdf"
    saved = run(env, "feedback", "testimonials", str(quotes), *options)
    assert saved.returncode == 0, saved.stderr
    assert "“Sharp & <b>kind</b>” — Noor Haddad · Brand Audit" in text(quotes.read_bytes())

    review = tmp_path / "review.pdf"
    made = run(env, "feedback", "review", str(review), "--since", "2026-11-01", *options)
    assert made.returncode == 0, made.stderr
    said = text(review.read_bytes())
    assert "Practice review 1 Nov 2026 to 23 Nov 2026" in said
    assert "Referrals: " in said


def test_refusals_are_plain_and_change_nothing(
    env: dict[str, str], journey: tuple[list[str], str], tmp_path: Path
) -> None:
    options, number = journey
    empty = run(env, "feedback", "add", number, *options)
    assert empty.returncode == 2
    assert empty.stderr.strip() == "deliverydesk: Give a --score, or the client's --words."
    future = run(env, "feedback", "add", number, "--score", "8", "--on", "2026-11-24", *options)
    assert future.returncode == 1
    assert future.stderr.strip() == (
        "deliverydesk: Feedback is recorded once the client has given it; "
        "Tue 24 Nov 2026 is still to come."
    )
    no_step = run(env, "feedback", "add", number, "--score", "8", "--step", "Tea", *options)
    assert no_step.returncode == 1
    assert "no step called 'Tea'" in no_step.stderr
    shown = run(env, "feedback", "list", "--journey", number, *options)
    assert shown.stdout.strip() == "No feedback recorded."
    backwards = run(
        env, "feedback", "review", str(tmp_path / "r.pdf"), "--since", "2026-11-20",
        "--until", "2026-11-10", *options,
    )  # fmt: skip
    assert backwards.returncode == 1
    assert "after it ends on Tue 10 Nov 2026" in backwards.stderr
    assert not (tmp_path / "r.pdf").exists()
