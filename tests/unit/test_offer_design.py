"""The offer designer against a real SQLite file: what a practitioner does, and sees."""

from __future__ import annotations

from dataclasses import replace

import pytest

from deliverydesk.model.rules.offer_design import OfferSpec, PhaseSpec, StepSpec
from deliverydesk.seeding.offer_templates import OFFERS, TEMPLATES
from deliverydesk.services.changes import Aspect, Changes
from deliverydesk.services.clients.clients import ClientInput, add_client, enrol_client
from deliverydesk.services.context import Context
from deliverydesk.services.errors import InvalidInput
from deliverydesk.services.journeys.detail import journey_detail
from deliverydesk.services.journeys.journeys import complete_step
from deliverydesk.services.offers.offer_apply import preview_apply
from deliverydesk.services.offers.offer_design import (
    BLANK_OFFER,
    add_offer,
    create_blank_offer,
    delete_offer,
    duplicate_offer,
    offer_design,
    offer_list,
    save_offer,
    set_offer_archived,
    template_preview,
    undo_save_offer,
)
from deliverydesk.services.offers.offer_revisions import list_revisions, revision_design
from deliverydesk.services.offers.offers import create_offer
from deliverydesk.services.views.queries import offer_summaries
from tests.builders import SPRINT
from tests.unit.offer_support import MONDAY, dump, enrol, new_practice, rows


@pytest.fixture
def practice(ctx: Context) -> Context:
    return new_practice(ctx)


@pytest.fixture
def sprint(practice: Context) -> int:
    offer_id, _ = create_offer(practice, SPRINT)
    return offer_id


def edited(spec: OfferSpec) -> OfferSpec:
    """A typical edit: a step renamed, one added, the last phase longer."""
    first, second, last = spec.phases
    steps = (replace(first.steps[0], title="Welcome call (video)"), *first.steps[1:])
    return replace(
        spec,
        phases=(
            replace(first, steps=(*steps, StepSpec("Send the workbook", offset_days=2))),
            second,
            replace(last, planned_days=4),
        ),
    )


def test_the_editor_reads_back_every_field_it_saved(practice: Context, sprint: int) -> None:
    design = offer_design(practice, sprint)
    assert design.spec.without_ids() == SPRINT
    assert design.revision == 1
    assert design.is_valid and not design.archived and design.live_journeys == 0
    assert all(p.id is not None for p in design.spec.phases)
    assert all(s.id is not None for p in design.spec.phases for s in p.steps)


def test_a_blank_offer_is_ready_to_enrol_and_gets_a_name_of_its_own(practice: Context) -> None:
    first = create_blank_offer(practice)
    second = create_blank_offer(practice)
    assert first.changes == Changes(offers=frozenset({first.value}), aspects=Aspect.OFFER)
    names = [row.name for row in offer_list(practice)]
    assert names == ["New offer", "New offer (2)"]
    assert offer_design(practice, second.value).spec.without_ids() == replace(
        BLANK_OFFER, name="New offer (2)"
    )
    enrol(practice, first.value)  # valid as it is


@pytest.mark.parametrize("key", [t.key for t in TEMPLATES])
def test_every_template_is_available_in_a_practice_of_ones_own(practice: Context, key: str) -> None:
    offer_id = add_offer(practice, OFFERS[key]).value
    design = offer_design(practice, offer_id)
    assert design.spec.without_ids() == OFFERS[key]
    assert design.is_valid
    enrol(practice, offer_id)
    again = add_offer(practice, OFFERS[key]).value
    assert offer_design(practice, again).spec.name == f"{OFFERS[key].name} (2)"


def test_the_offer_list_counts_clients_and_shows_what_is_wrong(
    practice: Context, sprint: int
) -> None:
    done = enrol(practice, sprint, "Ana")
    enrol(practice, sprint, "Bo")
    with practice.transaction() as session:
        from deliverydesk.model.entities import Journey
        from deliverydesk.model.rules.enums import JourneyStatus

        journey = session.get(Journey, done)
        assert journey is not None
        journey.status = JourneyStatus.COMPLETED
    broken = create_offer(practice, OfferSpec("Half designed", phases=(PhaseSpec("Only", 3),)))[0]
    set_offer_archived(practice, create_offer(practice, replace(SPRINT, name="Old"))[0], True)

    by_name = {row.name: row for row in offer_list(practice)}
    assert list(by_name) == ["Clarity Sprint", "Half designed", "Old"]  # archived last
    row = by_name["Clarity Sprint"]
    assert (row.active_clients, row.total_clients, row.revision) == (1, 2, 1)
    assert row.is_valid and row.first_problem == ""
    half = by_name["Half designed"]
    assert half.id == broken and not half.is_valid and half.problem_count == 1
    assert "'Only' has no steps yet" in half.first_problem
    assert by_name["Old"].archived


def test_saving_a_change_makes_a_revision_and_keeps_the_old_one(
    practice: Context, sprint: int
) -> None:
    before = offer_design(practice, sprint).spec
    result = save_offer(practice, sprint, edited(before))
    assert result.changes == Changes(offers=frozenset({sprint}), aspects=Aspect.OFFER)
    assert result.value.changed and result.value.revision == 2
    assert result.value.previous == before

    after = offer_design(practice, sprint)
    assert after.revision == 2
    assert after.spec.phases[0].steps[0].title == "Welcome call (video)"
    assert after.spec.phases[0].steps[0].id == before.phases[0].steps[0].id  # same step
    revisions = list_revisions(practice, sprint)
    assert [(r.revision, r.is_current, r.step_count) for r in revisions] == [
        (2, True, 7),
        (1, False, 6),
    ]
    assert revision_design(practice, sprint, 1) == before
    assert revision_design(practice, sprint, 2) == after.spec


def test_saving_the_same_design_changes_nothing(practice: Context, sprint: int) -> None:
    design = offer_design(practice, sprint).spec
    before = dump(practice)
    result = save_offer(practice, sprint, design)
    assert not result.value.changed and not result.changes
    assert dump(practice) == before


def test_a_design_that_cannot_be_saved_changes_nothing(practice: Context, sprint: int) -> None:
    design = offer_design(practice, sprint).spec
    before = dump(practice)
    with pytest.raises(InvalidInput, match="needs a title"):
        save_offer(practice, sprint, replace(design, phases=(PhaseSpec("P", 3, (StepSpec(""),)),)))
    assert dump(practice) == before


def test_journeys_keep_their_snapshot_when_the_offer_changes(
    practice: Context, sprint: int
) -> None:
    journey_id = enrol(practice, sprint)
    before = journey_detail(practice, journey_id)
    design = offer_design(practice, sprint).spec
    save_offer(practice, sprint, replace(edited(design), phases=edited(design).phases[:2]))
    after = journey_detail(practice, journey_id)
    assert after.phases == before.phases
    assert rows(practice, "SELECT offer_revision FROM journey") == [(1,)]
    (revision,) = [r for r in list_revisions(practice, sprint) if r.revision == 1]
    assert revision.live_journeys == 1


def test_undoing_a_save_puts_the_design_back_and_relinks_the_journeys(
    practice: Context, sprint: int
) -> None:
    journey_id = enrol(practice, sprint)
    design = offer_design(practice, sprint).spec
    # Drop the last phase and a step: the journey's copies lose their link to the design.
    cut = replace(design, phases=(design.phases[0], replace(design.phases[1], steps=())))
    saved = save_offer(practice, sprint, cut).value
    assert saved.unlinked.steps
    undone = undo_save_offer(practice, saved)
    assert undone.value.revision == 3  # revisions only grow
    assert offer_design(practice, sprint).spec == design  # ids included
    (diff,) = preview_apply(practice, sprint)
    assert diff.journey_id == journey_id and not diff.has_changes
    # The undo's own result redoes the save.
    redone = undo_save_offer(practice, undone.value)
    assert offer_design(practice, sprint).spec.without_ids() == cut.without_ids()
    assert redone.value.revision == 4


def test_duplicate_copies_the_design_under_a_new_name(practice: Context, sprint: int) -> None:
    copy = duplicate_offer(practice, sprint).value
    again = duplicate_offer(practice, sprint).value
    design = offer_design(practice, copy).spec
    assert design.name == "Clarity Sprint (copy)"
    assert offer_design(practice, again).spec.name == "Clarity Sprint (copy 2)"
    assert design.without_ids() == replace(SPRINT, name="Clarity Sprint (copy)")
    # The copy is its own offer: editing it leaves the original alone.
    save_offer(practice, copy, replace(design, promise="Changed"))
    assert offer_design(practice, sprint).spec.promise == SPRINT.promise


def test_an_archived_offer_is_hidden_from_enrolment_until_brought_back(
    practice: Context, sprint: int
) -> None:
    changes = set_offer_archived(practice, sprint, True)
    assert changes == Changes(offers=frozenset({sprint}), aspects=Aspect.OFFER)
    assert offer_summaries(practice) == []
    client_id = add_client(practice, ClientInput("Ana")).value
    with pytest.raises(InvalidInput, match="archived"):
        enrol_client(practice, client_id, sprint, MONDAY)
    assert not set_offer_archived(practice, sprint, True)  # already: nothing to announce
    set_offer_archived(practice, sprint, False)
    enrol_client(practice, client_id, sprint, MONDAY)


def test_enrolling_in_an_invalid_offer_is_refused_with_the_reason(practice: Context) -> None:
    spec = replace(SPRINT, phases=(*SPRINT.phases, PhaseSpec("Follow-up", 5)))
    offer_id, _ = create_offer(practice, spec)
    client_id = add_client(practice, ClientInput("Ana")).value
    before = dump(practice)
    with pytest.raises(InvalidInput, match="cannot be used to enrol.*'Follow-up' has no steps"):
        enrol_client(practice, client_id, offer_id, MONDAY)
    assert dump(practice) == before


def test_removing_an_offer_is_refused_once_it_has_journeys(practice: Context, sprint: int) -> None:
    copy = duplicate_offer(practice, sprint).value
    assert delete_offer(practice, copy) == Changes(offers=frozenset({copy}), aspects=Aspect.OFFER)
    enrol(practice, sprint)
    with pytest.raises(InvalidInput, match="archive it"):
        delete_offer(practice, sprint)
    assert [row.id for row in offer_list(practice)] == [sprint]


def test_the_live_preview_fills_a_template_for_a_sample_client(practice: Context) -> None:
    text = template_preview(
        practice,
        "Hi {client_first_name} ({client_name}), {step} is due {due_date}. {practice_name} {oops}",
        step="Intake form",
        due_date="Friday 27 Nov",
    )
    assert text == (
        "Hi Alex (Alex Morgan), Intake form is due Friday 27 Nov. North Star Coaching {oops}"
    )
    assert template_preview(practice, "{due_date}") == "2026-11-26"  # 3 working days on


def test_completed_steps_stay_done_when_the_offer_changes(practice: Context, sprint: int) -> None:
    journey_id = enrol(practice, sprint)
    first = journey_detail(practice, journey_id).phases[0].steps[0]
    complete_step(practice, first.id)
    design = offer_design(practice, sprint).spec
    save_offer(practice, sprint, edited(design))
    step = journey_detail(practice, journey_id).phases[0].steps[0]
    assert step.title == "Welcome call" and step.completed_on == MONDAY
