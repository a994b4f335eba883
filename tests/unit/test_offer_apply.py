"""Apply to active clients: the preview, the application to picked journeys, its undo."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from deliverydesk.model.rules.enums import ActivityKind, JourneyStatus
from deliverydesk.model.rules.offer_design import OfferSpec, PhaseSpec, StepSpec
from deliverydesk.services.changes import Aspect
from deliverydesk.services.context import Context
from deliverydesk.services.errors import InvalidInput
from deliverydesk.services.journeys.detail import JourneyDetail, journey_detail
from deliverydesk.services.journeys.journeys import complete_step, move_to_phase, set_due_date
from deliverydesk.services.journeys.records import log_friction
from deliverydesk.services.offers.offer_apply import apply_to_journeys, preview_apply, revert_apply
from deliverydesk.services.offers.offer_design import offer_design, save_offer
from deliverydesk.services.offers.offers import create_offer
from deliverydesk.services.views.queries import client_rows
from tests.builders import SPRINT
from tests.unit.offer_support import dump, enrol, journey_tables, new_practice, rows


@pytest.fixture
def practice(ctx: Context) -> Context:
    return new_practice(ctx)


@pytest.fixture
def sprint(practice: Context) -> int:
    offer_id, _ = create_offer(practice, SPRINT)
    return offer_id


def step_id(ctx: Context, journey_id: int, title: str) -> int:
    detail = journey_detail(ctx, journey_id)
    return next(s.id for p in detail.phases for s in p.steps if s.title == title)


def steps(detail: JourneyDetail) -> dict[str, tuple[str, date, date, date | None]]:
    """Each step's phase, start, due date and completion, by title."""
    return {
        s.title: (p.name, s.start_on, s.due_on, s.completed_on)
        for p in detail.phases
        for s in p.steps
    }


def redesign(ctx: Context, offer_id: int) -> OfferSpec:
    """The change the tests apply: a rename (of a step one client has done), a retime, a
    removal, a changed effort and an added step."""
    spec = offer_design(ctx, offer_id).spec
    onboarding, deep, wrap = spec.phases
    welcome, intake = onboarding.steps
    draft, _note, approved = deep.steps
    changed = replace(
        spec,
        phases=(
            replace(
                onboarding,
                steps=(replace(welcome, title="Kick-off call"), replace(intake, offset_days=2)),
            ),
            replace(
                deep,
                steps=(
                    replace(draft, title="Draft the 90-day plan"),
                    replace(approved, effort_minutes=15),
                ),
            ),
            replace(wrap, steps=(*wrap.steps, StepSpec("Send the workbook", offset_days=1))),
        ),
    )
    save_offer(ctx, offer_id, changed)
    return changed


@pytest.fixture
def two_clients(practice: Context, sprint: int) -> tuple[int, int]:
    ana = enrol(practice, sprint, "Ana Souza")
    bo = enrol(practice, sprint, "Bo Lind")
    complete_step(practice, step_id(practice, ana, "Welcome call"))
    return ana, bo


def test_the_preview_says_what_would_change_for_each_client(
    practice: Context, sprint: int, two_clients: tuple[int, int]
) -> None:
    ana, bo = two_clients
    assert preview_apply(practice, sprint) == []  # nobody is on an older revision yet
    redesign(practice, sprint)
    diffs = {d.client_name: d for d in preview_apply(practice, sprint)}
    assert list(diffs) == ["Ana Souza", "Bo Lind"]
    diff = diffs["Ana Souza"]
    assert (diff.journey_id, diff.from_revision, diff.to_revision) == (ana, 1, 2)
    assert [(c.title, c.phase, c.due_on) for c in diff.added] == [
        ("Send the workbook", "Wrap-up", date(2026, 12, 4))
    ]
    assert [(c.title, c.was_due) for c in diff.removed] == [("Progress note", date(2026, 11, 30))]
    assert [
        (c.title, c.was_due, c.due_on, c.was_effort, c.effort_minutes) for c in diff.retimed
    ] == [
        ("Intake form", date(2026, 11, 24), date(2026, 11, 25), 0, 0),
        ("Plan approved", date(2026, 12, 1), date(2026, 12, 1), 0, 15),
    ]
    # Ana's welcome call is done: it keeps its name, and the preview says so.
    assert [(c.was_title, c.title) for c in diff.renamed] == [
        ("Draft the plan", "Draft the 90-day plan")
    ]
    assert diff.kept_done == ("Welcome call",)
    assert diff.has_changes
    assert [(c.was_title, c.title) for c in diffs["Bo Lind"].renamed] == [
        ("Welcome call", "Kick-off call"),
        ("Draft the plan", "Draft the 90-day plan"),
    ]
    assert diffs["Bo Lind"].journey_id == bo


def test_applying_changes_only_the_picked_journeys_and_never_a_done_step(
    practice: Context, sprint: int, two_clients: tuple[int, int]
) -> None:
    ana, bo = two_clients
    ana_before = journey_detail(practice, ana)
    redesign(practice, sprint)
    bo_before = journey_tables(practice, bo)

    result = apply_to_journeys(practice, sprint, [ana])
    assert result.changes.journeys == {ana}
    assert result.changes.touches(Aspect.STEPS | Aspect.CAPACITY)

    after = steps(journey_detail(practice, ana))
    before = steps(ana_before)
    assert after["Welcome call"] == before["Welcome call"]  # done: untouched
    assert "Kick-off call" not in after
    assert after["Intake form"][2] == date(2026, 11, 25)
    assert "Progress note" not in after
    assert after["Draft the 90-day plan"] == before["Draft the plan"]
    assert after["Send the workbook"] == ("Wrap-up", date(2026, 12, 4), date(2026, 12, 4), None)
    assert journey_tables(practice, bo) == bo_before  # not picked: not touched
    # The board's summary follows: five open steps of six, and the revision moved on.
    (row,) = [r for r in client_rows(practice) if r.journey_id == ana]
    assert (row.steps_done, row.steps_total) == (1, 6)
    assert [d.journey_id for d in preview_apply(practice, sprint)] == [bo]
    log = journey_detail(practice, ana).activity
    assert log[0].kind is ActivityKind.OFFER_APPLIED
    assert log[0].detail["revision"] == 2 and log[0].detail["added"] == 1


def test_one_undo_reverts_the_whole_application_exactly(
    practice: Context, sprint: int, two_clients: tuple[int, int]
) -> None:
    ana, bo = two_clients
    log_friction(practice, ana, "No note sent", step_id=step_id(practice, ana, "Progress note"))
    redesign(practice, sprint)
    before = {j: journey_tables(practice, j) for j in two_clients}

    applied = apply_to_journeys(practice, sprint, [ana, bo])
    assert journey_tables(practice, ana)["friction"][0] != before[ana]["friction"][0]
    changes = revert_apply(practice, applied.value)

    assert changes.journeys == {ana, bo}
    for journey_id in two_clients:
        assert journey_tables(practice, journey_id) == before[journey_id]  # ids included
    assert [d.journey_id for d in preview_apply(practice, sprint)] == [ana, bo]
    (entry, *_) = journey_detail(practice, ana).activity
    assert entry.kind is ActivityKind.OFFER_APPLIED and entry.detail["undo"]


def test_a_due_date_moved_by_hand_stays_when_its_timing_did_not_change(
    practice: Context, sprint: int, two_clients: tuple[int, int]
) -> None:
    ana, _ = two_clients
    moved = date(2026, 12, 2)
    set_due_date(practice, step_id(practice, ana, "Draft the plan"), moved)
    redesign(practice, sprint)
    apply_to_journeys(practice, sprint, [ana])
    assert steps(journey_detail(practice, ana))["Draft the 90-day plan"][2] == moved


def test_a_dropped_phase_stays_only_where_it_holds_done_work(
    practice: Context, sprint: int, two_clients: tuple[int, int]
) -> None:
    ana, bo = two_clients
    move_to_phase(practice, bo, 1, override=True)  # Bo is in "Deep work"
    spec = offer_design(practice, sprint).spec
    save_offer(practice, sprint, replace(spec, phases=spec.phases[1:]))
    diffs = {d.journey_id: d for d in preview_apply(practice, sprint)}
    assert diffs[ana].phases_removed == () and diffs[bo].phases_removed == ("Onboarding",)
    apply_to_journeys(practice, sprint, [ana, bo])

    ana_after = journey_detail(practice, ana)
    assert [p.name for p in ana_after.phases] == ["Onboarding", "Deep work", "Wrap-up"]
    assert [s.title for s in ana_after.phases[0].steps] == ["Welcome call"]
    bo_after = journey_detail(practice, bo)
    assert [p.name for p in bo_after.phases] == ["Deep work", "Wrap-up"]
    assert bo_after.current_position == 0  # still in "Deep work"
    assert bo_after.phases[0].name == "Deep work"


def test_a_step_moved_to_another_phase_is_dated_in_its_new_phase(
    practice: Context, sprint: int, two_clients: tuple[int, int]
) -> None:
    ana, _ = two_clients
    spec = offer_design(practice, sprint).spec
    onboarding, deep, wrap = spec.phases
    intake = onboarding.steps[1]
    save_offer(
        practice,
        sprint,
        replace(
            spec,
            phases=(
                replace(onboarding, steps=onboarding.steps[:1]),
                deep,
                replace(wrap, steps=(*wrap.steps, replace(intake, offset_days=1))),
            ),
        ),
    )
    (diff, _) = preview_apply(practice, sprint)
    assert [c.title for c in diff.retimed] == ["Intake form"] and not diff.removed
    apply_to_journeys(practice, sprint, [ana])
    phase, _, due, _ = steps(journey_detail(practice, ana))["Intake form"]
    assert (phase, due) == ("Wrap-up", date(2026, 12, 4))  # Thursday 3rd + 1


def test_a_new_phase_starts_after_the_one_before_it(
    practice: Context, sprint: int, two_clients: tuple[int, int]
) -> None:
    ana, _ = two_clients
    spec = offer_design(practice, sprint).spec
    extra = PhaseSpec("Integration", 2, (StepSpec("Practice week", offset_days=1),))
    save_offer(practice, sprint, replace(spec, phases=(*spec.phases, extra)))
    (diff, _) = preview_apply(practice, sprint)
    assert diff.phases_added == ("Integration",)
    apply_to_journeys(practice, sprint, [ana])
    detail = journey_detail(practice, ana)
    wrap, integration = detail.phases[-2:]
    assert integration.planned_start_on == date(2026, 12, 7)  # the working day after Wrap-up
    assert integration.steps[0].due_on == date(2026, 12, 8)
    assert detail.planned_end_on == date(2026, 12, 8)
    assert wrap.planned_end_on == date(2026, 12, 4)


def test_applying_is_refused_for_ended_or_foreign_journeys_and_bad_designs(
    practice: Context, sprint: int, two_clients: tuple[int, int]
) -> None:
    ana, bo = two_clients
    other, _ = create_offer(practice, replace(SPRINT, name="Other"))
    stranger = enrol(practice, other, "Cy")
    with practice.transaction() as session:
        from deliverydesk.model.entities import Journey

        journey = session.get(Journey, bo)
        assert journey is not None
        journey.status = JourneyStatus.COMPLETED
    redesign(practice, sprint)
    before = dump(practice)
    with pytest.raises(InvalidInput, match="not in 'Clarity Sprint'"):
        apply_to_journeys(practice, sprint, [ana, stranger])
    with pytest.raises(InvalidInput, match="still under way"):
        apply_to_journeys(practice, sprint, [ana, bo])
    assert dump(practice) == before
    spec = offer_design(practice, sprint).spec
    save_offer(practice, sprint, replace(spec, phases=(*spec.phases, PhaseSpec("Empty", 2))))
    before = dump(practice)
    with pytest.raises(InvalidInput, match="Fix the design.*'Empty' has no steps"):
        apply_to_journeys(practice, sprint, [ana])
    assert dump(practice) == before
    assert [d.journey_id for d in preview_apply(practice, sprint)] == [ana]


def test_without_the_old_revision_the_journey_dates_tell_the_old_timing(
    practice: Context, sprint: int, two_clients: tuple[int, int]
) -> None:
    """Offers saved before revisions were kept: the preview reads timing from the dates."""
    redesign(practice, sprint)
    with_history = preview_apply(practice, sprint)
    with practice.transaction() as session:
        from sqlalchemy import delete

        from deliverydesk.model.entities import OfferRevision

        session.execute(delete(OfferRevision).where(OfferRevision.revision == 1))
    assert preview_apply(practice, sprint) == with_history


def test_undo_puts_back_rows_whose_ids_were_taken_meanwhile(
    practice: Context, sprint: int, two_clients: tuple[int, int]
) -> None:
    """SQLite hands a deleted highest id to the next row: the undo then re-inserts under a
    new id, and the friction logged on the step follows it."""
    _, bo = two_clients  # enrolled last: Bo's wrap-up phase and step hold the highest ids
    log_friction(practice, bo, "Review slipped", step_id=step_id(practice, bo, "Final review"))
    before = journey_detail(practice, bo)
    spec = offer_design(practice, sprint).spec
    save_offer(practice, sprint, replace(spec, phases=spec.phases[:2]))
    applied = apply_to_journeys(practice, sprint, [bo])
    newcomer = enrol(practice, sprint, "Cy")  # takes the ids Bo's wrap-up had
    newcomer_rows = journey_tables(practice, newcomer)

    revert_apply(practice, applied.value)
    after = journey_detail(practice, bo)
    assert steps(after) == steps(before)
    assert [p.name for p in after.phases] == ["Onboarding", "Deep work", "Wrap-up"]
    (friction,) = after.friction
    review = after.phases[2].steps[0]
    assert review.id != before.phases[2].steps[0].id
    assert rows(practice, "SELECT step_id FROM friction WHERE id = ?", friction.id) == [
        (review.id,)
    ]
    assert journey_tables(practice, newcomer) == newcomer_rows


def test_a_phase_replaced_by_a_new_one_in_its_place(
    practice: Context, sprint: int, two_clients: tuple[int, int]
) -> None:
    _, bo = two_clients
    spec = offer_design(practice, sprint).spec
    closing = PhaseSpec("Closing", 3, (StepSpec("Goodbye call"),))
    save_offer(practice, sprint, replace(spec, phases=(*spec.phases[:2], closing)))
    apply_to_journeys(practice, sprint, [bo])
    detail = journey_detail(practice, bo)
    assert [p.name for p in detail.phases] == ["Onboarding", "Deep work", "Closing"]
    assert [s.title for s in detail.phases[2].steps] == ["Goodbye call"]
