"""Journeys in progress from a CSV file: a filled template of 14 clients, each landing in
the phase named with nothing earlier late; the per-row report (row number and reason) for
what cannot be read; duplicates skipped; all or nothing; the template itself."""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

import pytest

from deliverydesk.model.entities import Client, Journey
from deliverydesk.model.rules.under_way import Reached
from deliverydesk.seeding.offer_templates import OFFERS
from deliverydesk.services.clients.client_csv import RowStatus
from deliverydesk.services.clients.clients import ClientInput, add_client, enrol_client
from deliverydesk.services.context import Context
from deliverydesk.services.errors import InvalidInput
from deliverydesk.services.journeys.journey_csv import (
    JourneyCsvRow,
    import_journeys,
    journeys_template,
    preview_journeys,
)
from deliverydesk.services.offers.offers import create_offer
from deliverydesk.services.practice.practice import create_practice
from deliverydesk.services.views.dashboard import dashboard
from deliverydesk.services.views.today import overdue_counts
from tests.conftest import TODAY

MON_FRI = frozenset({1, 2, 3, 4, 5})
HEADER = "Client,E-mail,Offer,Start date,Current phase or step\n"


@pytest.fixture
def offers(ctx: Context) -> dict[str, int]:
    create_practice(ctx, "Rivera Studio", 40, MON_FRI)
    return {
        "coaching": create_offer(ctx, OFFERS["coaching"])[0],
        "brand": create_offer(ctx, OFFERS["brand"])[0],
    }


def _file(tmp_path: Path, body: str, name: str = "journeys.csv") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def _counts(ctx: Context) -> tuple[int, int]:
    with ctx.transaction() as session:
        return session.query(Client).count(), session.query(Journey).count()


def _fourteen(tmp_path: Path, ctx: Context) -> Path:
    """The filled template of a coach with 14 clients, each somewhere in a journey."""
    journeys_template(ctx, tmp_path / "template.csv")
    places = ["Onboarding", "Discovery", "Strategy", "Momentum", "Integration & Offboarding"]
    rows = []
    for n in range(14):
        weeks = 2 + n  # started two to fifteen weeks ago
        start = TODAY - timedelta(weeks=weeks)
        place = places[min(n // 3, 4)]
        rows.append(f"Client {n + 1},c{n + 1}@mail.test,12-Week Clarity Coaching,{start},{place}")
    return _file(tmp_path, "\n".join(rows) + "\n")


def test_a_filled_template_of_fourteen_clients_puts_each_in_the_phase_named(
    ctx: Context, offers: dict[str, int], tmp_path: Path
) -> None:
    path = _fourteen(tmp_path, ctx)
    preview = preview_journeys(ctx, path)
    assert (preview.new, preview.duplicates, preview.errors) == (14, 0, 0)
    done = import_journeys(ctx, path).value
    assert len(done.journey_ids) == 14 and len(done.client_ids) == 14
    assert done.backup is not None
    with ctx.transaction() as session:
        positions = [
            session.get(Journey, journey_id).current_position  # type: ignore[union-attr]
            for journey_id in done.journey_ids
        ]
    assert positions == [0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4]
    # Only steps still open in the phase named can be late, never one brought in.
    board = dashboard(ctx)
    assert board.on_time.steps.total == sum(overdue_counts(ctx).values())
    assert board.on_time.steps.hits == 0


def test_every_row_with_a_problem_is_reported_by_number_and_nothing_is_imported(
    ctx: Context, offers: dict[str, int], tmp_path: Path
) -> None:
    path = _file(
        tmp_path,
        "Ana Rivera,ana@mail.test,Brand Audit,2026-10-05,Audit\n"  # row 2: sound
        "Ben Okafor,ben@mail.test,Brand Audits,2026-10-05,Audit\n"  # row 3: no such offer
        "Cleo Park,cleo@mail.test,Brand Audit,03/04/2026,\n"  # row 4: which day?
        "Dan Wu,dan@mail.test,Brand Audit,2026-10-05,Lunch\n"  # row 5: no such place
        "Example client 1,client1@example.com,Brand Audit,2026-10-05,Audit\n"  # row 6
        ",eve@mail.test,Brand Audit,2026-10-05,Audit\n"  # row 7: no name
        "Fay Lee,fay@mail.test,Brand Audit,2027-02-01,Audit\n",  # row 8: not begun yet
    )
    preview = preview_journeys(ctx, path)
    problems = {row.number: row.reason for row in preview.problems()}
    assert sorted(problems) == [3, 4, 5, 6, 7, 8]
    assert problems[3] == (
        "No offer is called 'Brand Audits' (your offers: 12-Week Clarity Coaching, Brand Audit)."
    )
    assert problems[4] == "'03/04/2026' could be 3 April or 4 March: write it as 2026-MM-DD."
    assert problems[5].startswith("'Lunch' is neither a phase nor a step of Brand Audit")
    assert problems[6] == "This is the template's example row: replace it with a client."
    assert problems[7] == "A client needs a name."
    assert problems[8].startswith("It starts on a day still to come")
    with pytest.raises(InvalidInput, match=r"^6 rows of journeys.csv cannot be imported"):
        import_journeys(ctx, path)
    assert _counts(ctx) == (0, 0)


def test_places_read_as_a_phase_a_step_or_phase_and_step(
    ctx: Context, offers: dict[str, int], tmp_path: Path
) -> None:
    path = _file(
        tmp_path,
        "Ana,ana@mail.test,brand audit,14.09.2026,discovery\n"
        "Ben,ben@mail.test,Brand Audit,9/14/2026,Audit scorecard\n"
        "Cleo,cleo@mail.test,12-Week Clarity Coaching,2026-09-14,Strategy / Midpoint invoice\n"
        "Dan,dan@mail.test,Brand Audit,2026-11-23,\n"
        "Eve,eve@mail.test,12-Week Clarity Coaching,2026-09-14,Final invoice\n",
    )
    rows = [r for r in preview_journeys(ctx, path).rows if isinstance(r, JourneyCsvRow)]
    assert [r.status for r in rows] == [RowStatus.NEW] * 5
    assert [r.start_on for r in rows][:2] == [date(2026, 9, 14)] * 2
    assert [r.reached for r in rows] == [
        Reached(1),
        Reached(1, 3),
        Reached(2, 3),
        Reached(0),
        Reached(4, 4),
    ]


def test_duplicates_are_skipped_and_clients_already_here_are_enrolled_not_added(
    ctx: Context, offers: dict[str, int], tmp_path: Path
) -> None:
    ana = add_client(ctx, ClientInput("Ana Rivera", email="ana@mail.test")).value
    ben = add_client(ctx, ClientInput("Ben Okafor", email="ben@mail.test")).value
    enrol_client(ctx, ben, offers["brand"], TODAY - timedelta(weeks=1))
    path = _file(
        tmp_path,
        "Ana Rivera,ANA@mail.test,Brand Audit,2026-10-05,Audit\n"  # here: enrolled
        "Ben Okafor,ben@mail.test,Brand Audit,2026-10-05,Audit\n"  # already on it
        "Cleo Park,cleo@mail.test,Brand Audit,2026-10-05,Audit\n"  # new
        "Cleo Park,cleo@mail.test,Brand Audit,2026-10-12,Discovery\n"  # repeats row 4
        "Cleo Park,cleo@mail.test,12-Week Clarity Coaching,2026-10-05,Strategy\n",  # 2nd offer
    )
    preview = preview_journeys(ctx, path)
    reasons = {row.number: (row.status, row.reason) for row in preview.rows}
    assert reasons[2] == (RowStatus.NEW, "Enrols Ana Rivera, already a client.")
    assert reasons[3] == (RowStatus.DUPLICATE, "Ben Okafor is already on Brand Audit.")
    assert reasons[4] == (RowStatus.NEW, "")
    assert reasons[5] == (RowStatus.DUPLICATE, "Repeats row 4.")
    assert reasons[6] == (RowStatus.NEW, "The client of row 4, in a second offer.")
    done = import_journeys(ctx, path).value
    assert len(done.journey_ids) == 3 and len(done.client_ids) == 1
    assert _counts(ctx) == (3, 4)  # Ana, Ben, Cleo; Ben's own, Ana's and Cleo's two
    with ctx.transaction() as session:
        owners = {session.get(Journey, j).client_id for j in done.journey_ids}  # type: ignore[union-attr]
    assert owners == {ana, done.client_ids[0]}


def test_the_template_names_the_columns_and_its_examples_are_refused_until_replaced(
    ctx: Context, offers: dict[str, int], tmp_path: Path
) -> None:
    path = tmp_path / "template.csv"
    assert journeys_template(ctx, path) == 2
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["Client", "E-mail", "Offer", "Start date", "Current phase or step"]
    assert [r[2] for r in rows[1:]] == ["12-Week Clarity Coaching", "Brand Audit"]
    preview = preview_journeys(ctx, path)
    assert preview.errors == 2 and not preview.can_import
    assert {r.reason for r in preview.problems()} == {
        "This is the template's example row: replace it with a client."
    }
    # Half filled in (a real e-mail, the example's name kept): still refused.
    half = path.read_text(encoding="utf-8-sig").replace("@example.com", "@mail.test")
    path.write_text(half, encoding="utf-8")
    assert preview_journeys(ctx, path).errors == 2
    # Filled in (the examples' offers, dates and places kept), it imports.
    path.write_text(half.replace("Example client", "Real client"), encoding="utf-8")
    assert preview_journeys(ctx, path).new == 2
