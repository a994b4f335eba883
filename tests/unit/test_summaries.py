"""The journey summary the board reads: always true to the steps, and checked.

Whatever changes a journey's steps, phases or feedback (a use case or any other session),
the summary follows in the same transaction; `deliverydesk check` finds any that does not.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from deliverydesk.cli.main import main
from deliverydesk.model.entities import Feedback, Journey, JourneyPhase, JourneyStep
from deliverydesk.model.rules.enums import Owner
from deliverydesk.model.rules.summary import SUMMARY_COLUMNS
from deliverydesk.services.clients.clients import ClientInput, add_client, enrol_client
from deliverydesk.services.context import Context
from deliverydesk.services.journeys.journeys import complete_step
from deliverydesk.services.journeys.records import record_feedback
from deliverydesk.services.offers.offers import StepSpec, create_offer
from deliverydesk.services.practice.practice import create_practice
from deliverydesk.store.summaries import recompute_summaries, summary_drift
from tests.builders import onboarding, phase, sprint

OFFER = sprint(
    onboarding(
        "Welcome call",
        StepSpec("Intake form", owner=Owner.CLIENT, offset_days=1, is_checkpoint=True),
    ),
    phase(
        "Deep work",
        5,
        StepSpec("Draft the plan", duration_days=2),
        StepSpec("Printer proof", owner=Owner.THIRD_PARTY, offset_days=2),
    ),
)


@dataclass(frozen=True)
class Enrolled:
    journey_id: int
    steps: dict[str, int]  # title -> step id


def enrol(ctx: Context, name: str, start: date) -> Enrolled:
    offer_id, _ = create_offer(ctx, OFFER)
    client_id = add_client(ctx, ClientInput(name)).value
    journey_id = enrol_client(ctx, client_id, offer_id, start).value
    with ctx.db.sessions() as session:
        steps = session.execute(
            select(JourneyStep.title, JourneyStep.id).where(JourneyStep.journey_id == journey_id)
        ).all()
    return Enrolled(journey_id, {title: step_id for title, step_id in steps})


@pytest.fixture
def ana(ctx: Context, today: date) -> Enrolled:
    create_practice(ctx, "North Star Coaching", 30, frozenset({1, 2, 3, 4, 5}))
    return enrol(ctx, "Ana Souza", today)


def stored(ctx: Context, journey_id: int) -> dict[str, Any]:
    with ctx.db.sessions() as session:
        journey = session.get(Journey, journey_id)
        assert journey is not None
        return {column: getattr(journey, column) for column in SUMMARY_COLUMNS}


def no_drift(ctx: Context) -> bool:
    with ctx.db.engine.connect() as connection:
        return summary_drift(connection) == []


# a new journey ---------------------------------------------------------------------------


def test_a_new_journey_has_its_summary(ctx: Context, ana: Enrolled, today: date) -> None:
    summary = stored(ctx, ana.journey_id)
    assert summary == {
        "steps_total": 4,
        "steps_done": 0,
        "next_step_id": ana.steps["Welcome call"],
        "next_step_title": "Welcome call",
        "next_step_due": today,
        "next_step_owner": Owner.ME,
        "phase_count": 2,
        "feedback_due": False,
        "first_open_me_title": "Welcome call",
        "first_open_me_due": today,
        "first_open_client_title": "Intake form",
        "first_open_client_due": today + timedelta(days=1),
        "first_open_third_party_title": "Printer proof",
        "first_open_third_party_due": summary["first_open_third_party_due"],
    }
    assert summary["first_open_third_party_due"] > today


# any session keeps it true, not only the use cases ---------------------------------------


def test_a_step_changed_in_any_session_updates_the_summary_in_that_transaction(
    ctx: Context, ana: Enrolled, today: date
) -> None:
    with ctx.db.writes.begin() as session:
        journey = session.get(Journey, ana.journey_id)
        step = session.get(JourneyStep, ana.steps["Welcome call"])
        assert journey is not None and step is not None
        step.completed_on = today
        session.flush()
        # The journey already in the session sees the new summary, as the table holds it.
        assert (journey.steps_done, journey.next_step_title) == (1, "Intake form")
        assert journey.first_open_me_title == "Draft the plan"
    assert stored(ctx, ana.journey_id)["steps_done"] == 1
    assert no_drift(ctx)


def test_a_rolled_back_change_leaves_the_summary_as_it_was(
    ctx: Context, ana: Enrolled, today: date
) -> None:
    before = stored(ctx, ana.journey_id)
    with pytest.raises(RuntimeError), ctx.db.writes.begin() as session:
        step = session.get(JourneyStep, ana.steps["Welcome call"])
        assert step is not None
        step.completed_on = today
        session.flush()
        raise RuntimeError("the rest of the use case failed")
    assert stored(ctx, ana.journey_id) == before


def test_removing_a_step_updates_the_summary(ctx: Context, ana: Enrolled) -> None:
    with ctx.db.writes.begin() as session:
        step = session.get(JourneyStep, ana.steps["Welcome call"])
        session.delete(step)
    summary = stored(ctx, ana.journey_id)
    assert (summary["steps_total"], summary["next_step_title"]) == (3, "Intake form")
    assert summary["first_open_me_title"] == "Draft the plan"
    assert no_drift(ctx)


def test_a_step_dropped_from_its_phase_updates_the_summary(ctx: Context, ana: Enrolled) -> None:
    with ctx.db.writes.begin() as session:
        step = session.get(JourneyStep, ana.steps["Printer proof"])
        assert step is not None
        step.phase.steps.remove(step)  # an orphan: deleted by the cascade, not by name
    summary = stored(ctx, ana.journey_id)
    assert summary["steps_total"] == 3
    assert (summary["first_open_third_party_title"], summary["first_open_third_party_due"]) == (
        "",
        None,
    )
    assert no_drift(ctx)


def test_a_phase_added_or_removed_updates_the_phase_count(
    ctx: Context, ana: Enrolled, today: date
) -> None:
    with ctx.db.writes.begin() as session:
        journey = session.get(Journey, ana.journey_id)
        assert journey is not None
        journey.phases.append(
            JourneyPhase(position=2, name="Wrap-up", planned_start_on=today, planned_end_on=today)
        )
    assert stored(ctx, ana.journey_id)["phase_count"] == 3
    with ctx.db.writes.begin() as session:
        phase = session.scalars(select(JourneyPhase).where(JourneyPhase.name == "Wrap-up")).one()
        session.delete(phase)
    assert stored(ctx, ana.journey_id)["phase_count"] == 2
    assert no_drift(ctx)


def test_a_step_moved_to_another_journey_updates_both(
    ctx: Context, ana: Enrolled, today: date
) -> None:
    bea = enrol(ctx, "Bea Lindqvist", today)
    with ctx.db.writes.begin() as session:
        step = session.get(JourneyStep, ana.steps["Printer proof"])
        target = session.get(JourneyStep, bea.steps["Draft the plan"])
        assert step is not None and target is not None
        step.journey_id, step.phase_id = bea.journey_id, target.phase_id
    assert stored(ctx, ana.journey_id)["first_open_third_party_title"] == ""
    assert stored(ctx, bea.journey_id)["steps_total"] == 5
    assert no_drift(ctx)


def test_feedback_on_a_passed_checkpoint_clears_feedback_due_and_its_removal_restores_it(
    ctx: Context, ana: Enrolled
) -> None:
    checkpoint = ana.steps["Intake form"]
    complete_step(ctx, checkpoint)
    assert stored(ctx, ana.journey_id)["feedback_due"] is True
    feedback_id, _ = record_feedback(ctx, ana.journey_id, score=9, step_id=checkpoint)
    assert stored(ctx, ana.journey_id)["feedback_due"] is False
    with ctx.db.writes.begin() as session:
        session.delete(session.get(Feedback, feedback_id))
    assert stored(ctx, ana.journey_id)["feedback_due"] is True
    assert no_drift(ctx)


def test_the_recomputation_of_a_journey_without_phases_is_empty(ctx: Context) -> None:
    with ctx.db.engine.connect() as connection:
        (summary,) = recompute_summaries(connection, [42]).values()
    assert (summary["steps_total"], summary["phase_count"], summary["next_step_id"]) == (0, 0, None)


# check reports drift ----------------------------------------------------------------------

# A wrong value for each summary column, as a bug or a hand edit could leave it.
WRONG = {
    "steps_total": "99",
    "steps_done": "3",
    "next_step_id": "9999",
    "next_step_title": "'Send the invoice'",
    "next_step_due": "'2030-01-01'",
    "next_step_owner": "'third_party'",
    "phase_count": "7",
    "feedback_due": "1",
    "first_open_me_title": "'Send the invoice'",
    "first_open_me_due": "'2030-01-01'",
    "first_open_client_title": "'Send the invoice'",
    "first_open_client_due": "'2030-01-01'",
    "first_open_third_party_title": "'Send the invoice'",
    "first_open_third_party_due": "'2030-01-01'",
}


def corrupt(path: Path, column: str, journey_id: int) -> None:
    with closing(sqlite3.connect(path)) as connection:
        connection.execute(f"UPDATE journey SET {column} = {WRONG[column]} WHERE id = {journey_id}")
        connection.commit()


def test_every_summary_column_has_a_wrong_value_to_try() -> None:
    assert set(WRONG) == set(SUMMARY_COLUMNS)
    assert len(SUMMARY_COLUMNS) == 14


@pytest.mark.parametrize("column", SUMMARY_COLUMNS)
def test_check_finds_a_summary_column_that_disagrees_with_the_steps(
    ctx: Context, ana: Enrolled, today: date, column: str
) -> None:
    bea = enrol(ctx, "Bea Lindqvist", today)
    assert ctx.check().ok
    corrupt(ctx.path, column, bea.journey_id)
    report = ctx.check()
    assert not report.ok
    (drift,) = report.summary_drift
    assert (drift.journey_id, drift.client_name) == (bea.journey_id, "Bea Lindqvist")
    ((name, shown, expected),) = drift.columns
    assert name == column
    assert shown == stored(ctx, bea.journey_id)[column]
    assert shown != expected == recompute(ctx, bea.journey_id)[column]


def recompute(ctx: Context, journey_id: int) -> dict[str, Any]:
    with ctx.db.engine.connect() as connection:
        return recompute_summaries(connection, [journey_id])[journey_id]


def test_the_check_command_says_which_journey_and_what_is_wrong(
    ctx: Context, ana: Enrolled, capsys: pytest.CaptureFixture[str]
) -> None:
    corrupt(ctx.path, "steps_done", ana.journey_id)
    corrupt(ctx.path, "first_open_client_due", ana.journey_id)
    code = main(["check", "--data-dir", str(ctx.path.parent)])
    out = capsys.readouterr().out
    assert code == 1
    assert "Journey summaries that disagree with their steps: 1" in out
    assert f"Ana Souza, Clarity Sprint (journey {ana.journey_id}):" in out
    assert "steps done: shows 3, the steps say 0" in out
    due = recompute(ctx, ana.journey_id)["first_open_client_due"]
    assert f"the client's first open step's due date: shows 2030-01-01, the steps say {due}" in out
    assert out.splitlines()[-1] == "Problems found."


def test_the_check_command_is_all_good_when_every_summary_agrees(
    ctx: Context, ana: Enrolled, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--data-dir", str(ctx.path.parent)]) == 0
    out = capsys.readouterr().out
    assert "Journey summaries: all agree with their steps" in out
    assert out.splitlines()[-1] == "All good."
