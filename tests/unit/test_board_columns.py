"""The board's columns are declared once: the fast start's plain-sqlite3 read and the
services' SQLAlchemy read give identical rows."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from deliverydesk.model.entities import Journey, Offer
from deliverydesk.model.rules.clock import FixedClock
from deliverydesk.model.rules.enums import Health, JourneyStatus, Severity
from deliverydesk.model.rules.health import ReasonCode
from deliverydesk.paths import data_dir
from deliverydesk.seeding.scale import seed_scale
from deliverydesk.services.context import Context, open_workspace
from deliverydesk.services.journeys.records import log_friction, resolve_friction
from deliverydesk.services.views.queries import board_rows, client_rows, rows_for_journeys
from deliverydesk.services.views.rows import JourneyRow
from deliverydesk.services.views.startup import first_board
from deliverydesk.store.board_columns import COLUMN_NAMES, ON_BOARD, board_sql

TODAY = date(2026, 11, 23)


@dataclass(frozen=True)
class Practice:
    ctx: Context
    folder: Path
    troubled: int  # a journey with several open frictions
    paused: int
    archived_offer: int


@pytest.fixture(scope="module")
def practice(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Practice]:
    folder = data_dir(tmp_path_factory.mktemp("columns") / "data")
    ctx = open_workspace(folder, FixedClock(TODAY))
    seed_scale(ctx, clients=300, steps_per_journey=12)
    with ctx.db.sessions() as session:
        active = session.scalars(
            select(Journey.id).where(Journey.status == JourneyStatus.ACTIVE).order_by(Journey.id)
        ).all()
        offers = session.scalars(select(Offer.id).order_by(Offer.id)).all()
    troubled, other, paused = active[0], active[1], active[2]
    for text, severity in (
        ("Missed the kick-off", Severity.MEDIUM),
        ("Invoice dispute", Severity.HIGH),
        ('A "quoted", comma, [bracketed] — 🙃 note', Severity.LOW),
    ):
        log_friction(ctx, troubled, text, severity=severity)
    resolved, _ = log_friction(ctx, troubled, "Sorted out already", severity=Severity.HIGH)
    resolve_friction(ctx, resolved, "Called them")
    log_friction(ctx, other, "Slow replies", severity=Severity.LOW)
    with ctx.transaction() as session:
        session.execute(
            update(Journey)
            .where(Journey.id == paused)
            .values(
                status=JourneyStatus.PAUSED,
                paused_on=TODAY,
                end_reason='Surgery, "back" — 🙃',
                resume_on=TODAY + timedelta(days=10),
            )
        )
        session.execute(update(Offer).where(Offer.id == offers[-1]).values(archived=True))
    yield Practice(ctx, folder, troubled, paused, offers[-1])
    ctx.close()


def by_journey(rows: list[JourneyRow]) -> dict[int | None, JourneyRow]:
    return {row.journey_id: row for row in rows}


def test_the_first_board_and_the_services_read_identical_rows(practice: Practice) -> None:
    first = first_board(practice.folder, TODAY)
    assert first is not None
    snapshot, services = by_journey(first.rows), by_journey(board_rows(practice.ctx))
    assert len(snapshot) == len(first.rows) > 200
    assert snapshot == services

    # What the data holds: every case the columns must carry alike.
    troubled = services[practice.troubled]
    assert troubled.open_friction == 3
    assert [r.subject for r in troubled.reasons if r.code is ReasonCode.OPEN_FRICTION] == [
        "Invoice dispute",
        "Missed the kick-off",
        'A "quoted", comma, [bracketed] — 🙃 note',
    ]
    # A paused journey stays on the board, marked, with its reason (issue 16).
    paused = services[practice.paused]
    assert paused.paused and paused.health is Health.PAUSED
    assert (paused.paused_on, paused.pause_reason) == (TODAY, 'Surgery, "back" — 🙃')
    assert paused.resume_on == TODAY + timedelta(days=10)
    assert any(row.offer_id == practice.archived_offer for row in services.values())
    healths = Counter(row.health for row in services.values())
    assert healths.keys() >= {Health.ON_TRACK, Health.AT_RISK, Health.OFF_TRACK}


def test_the_list_and_a_card_refresh_read_the_same_rows_as_the_board(practice: Practice) -> None:
    # The list's rows also carry each client's journey count and offers; the rest is alike.
    listed = {
        i: row._replace(journey_count=0, journey_offers="")
        for i, row in by_journey(client_rows(practice.ctx)).items()
    }
    statuses = Counter(row.status for row in listed.values())
    assert statuses.keys() >= {JourneyStatus.ACTIVE, JourneyStatus.COMPLETED}
    assert listed[practice.paused].status is JourneyStatus.PAUSED
    refreshed = by_journey(rows_for_journeys(practice.ctx, listed))
    assert refreshed == listed
    board = by_journey(board_rows(practice.ctx))
    running = (JourneyStatus.ACTIVE, JourneyStatus.PAUSED)
    assert board == {i: row for i, row in listed.items() if row.status in running}


def test_one_offer_s_board_is_the_all_offers_board_filtered(practice: Practice) -> None:
    every = board_rows(practice.ctx)
    offer_id = every[0].offer_id
    assert offer_id is not None
    assert by_journey(board_rows(practice.ctx, offer_id)) == {
        r.journey_id: r for r in every if r.offer_id == offer_id
    }


def test_a_row_asks_whether_its_phase_is_open_without_reading_a_step(
    practice: Practice,
) -> None:
    """Every card and client-list row asks whether its current phase has an open step: a
    seek in the open steps' index by phase, not a read of each of the phase's steps (at
    5,000 clients that read was a fifth of the list's statement)."""
    with practice.ctx.db.engine.connect() as connection:
        for where in (ON_BOARD, "NOT client.archived"):
            plan = connection.exec_driver_sql(
                "EXPLAIN QUERY PLAN " + board_sql(where, every_client=where != ON_BOARD)
            ).all()
            steps = [row[3] for row in plan if "journey_step" in row[3]]
            assert steps == [
                "SEARCH journey_step USING INDEX ix_journey_step_open_phase (phase_id=?)"
            ]


def test_the_declared_columns_are_the_select_s_columns(practice: Practice) -> None:
    with practice.ctx.db.engine.connect() as connection:
        result = connection.exec_driver_sql(board_sql("journey.id IS NULL"))
        assert tuple(result.keys()) == COLUMN_NAMES
