"""Adding, editing and enrolling clients, and undoing each, as a practitioner would."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from deliverydesk.model.entities import Activity, Journey, Offer
from deliverydesk.model.rules.enums import ActivityKind, JourneyStatus
from deliverydesk.model.rules.fit import fit_score
from deliverydesk.services.changes import Aspect
from deliverydesk.services.clients.client_lookup import (
    client_details,
    offer_checklist,
    similar_clients,
)
from deliverydesk.services.clients.clients import (
    ClientInput,
    add_client,
    enrol_client,
    reinstate_enrolment,
    remove_client,
    restore_client,
    unenrol,
    update_client,
)
from deliverydesk.services.context import Context
from deliverydesk.services.errors import InvalidInput, NotFound
from deliverydesk.services.journeys.journeys import add_note, complete_step
from deliverydesk.services.journeys.lifecycle import cancel
from deliverydesk.services.offers.offers import create_offer
from deliverydesk.services.practice.practice import create_practice
from deliverydesk.services.practice.practice_settings import practice_settings, update_practice
from deliverydesk.services.views.queries import board_rows, client_rows
from tests.unit.test_services import MON_FRI, MONDAY, OFFER, Enrolled, dump


@pytest.fixture
def practice(ctx: Context) -> Context:
    create_practice(ctx, "North Star Coaching", 30, MON_FRI, owner_name="Jo")
    return ctx


@pytest.fixture
def offer_id(practice: Context) -> int:
    offer_id, _ = create_offer(practice, OFFER)
    return offer_id


def enrol(ctx: Context, offer_id: int, name: str = "Ana Souza") -> Enrolled:
    client_id = add_client(ctx, ClientInput(name)).value
    return Enrolled(client_id, offer_id, enrol_client(ctx, client_id, offer_id, MONDAY).value)


# adding and editing -----------------------------------------------------------------------


def test_update_client_changes_the_details_and_returns_the_old_ones(practice: Context) -> None:
    client_id = add_client(practice, ClientInput("Ana Souza", email="ana@example.com")).value
    new = ClientInput("Ana Souza-Lima", company="Lima Studio", email="ana@lima.studio")
    result = update_client(practice, client_id, new)
    assert result.value == ClientInput("Ana Souza", email="ana@example.com")
    assert result.changes.aspects == Aspect.CLIENT
    assert result.changes.clients == frozenset({client_id})
    details = client_details(practice, client_id)
    assert (details.name, details.company, details.email) == (
        "Ana Souza-Lima",
        "Lima Studio",
        "ana@lima.studio",
    )
    # Undo: the old details go back in, and that hands back the newer ones for redo.
    redo = update_client(practice, client_id, result.value)
    assert redo.value == new
    assert client_details(practice, client_id).as_input() == ClientInput(
        "Ana Souza", email="ana@example.com"
    )


def test_an_edit_is_logged_with_the_fields_it_changed(practice: Context) -> None:
    client_id = add_client(practice, ClientInput("Ana Souza")).value
    update_client(practice, client_id, ClientInput("Ana Souza", phone="+55 11 5555"))
    with practice.db.sessions() as session:
        entry = session.scalars(select(Activity).where(Activity.client_id == client_id)).one()
    assert (entry.kind, entry.journey_id, entry.detail) == (
        ActivityKind.CLIENT_UPDATED,
        None,
        {"fields": ["phone"]},
    )


def test_an_edit_that_changes_nothing_announces_nothing(practice: Context) -> None:
    client_id = add_client(practice, ClientInput("Ana Souza")).value
    assert not update_client(practice, client_id, ClientInput("  Ana Souza ")).changes


def test_an_edit_refreshes_the_clients_cards(practice: Context, offer_id: int) -> None:
    enrolled = enrol(practice, offer_id)
    changes = update_client(practice, enrolled.client_id, ClientInput("Ana Lima")).changes
    assert changes.journeys == frozenset({enrolled.journey_id})
    (card,) = board_rows(practice, offer_id)
    assert card.name == "Ana Lima"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (ClientInput("\u200b\u200d \u2060"), "needs a name"),  # zero-width only
        (ClientInput("\u00a0\u3000"), "needs a name"),  # no-break and ideographic spaces
        (ClientInput("Ana\x00Souza"), "NUL"),
        (ClientInput("Ana \ud800 Souza"), "broken character"),
        (ClientInput("Ana\nSouza"), "one line"),
        (ClientInput("Ana", company="C" * 301), "300"),
        (ClientInput("Ana", email="ana at example"), "e-mail"),
        (ClientInput("Ana", phone="1" * 61), "60"),
        (ClientInput("Ana", notes="\x00"), "NUL"),
        (ClientInput("Ana", right_fit={"Has a budget": "yes"}), "yes or no"),  # type: ignore[dict-item]
    ],
    ids=[
        "zero-width",
        "odd-spaces",
        "nul",
        "surrogate",
        "newline",
        "long-company",
        "bad-email",
        "long-phone",
        "nul-notes",
        "fit-not-bool",
    ],
)
def test_bad_details_are_refused_with_a_reason_and_change_nothing(
    practice: Context, data: ClientInput, message: str
) -> None:
    client_id = add_client(practice, ClientInput("Ana Souza")).value
    before = dump(practice)
    with pytest.raises(InvalidInput, match=message):
        add_client(practice, data)
    with pytest.raises(InvalidInput, match=message):
        update_client(practice, client_id, data)
    assert dump(practice) == before


def test_notes_keep_their_line_breaks(practice: Context) -> None:
    client_id = add_client(practice, ClientInput("Ana", notes="Line one\n\tLine two")).value
    assert client_details(practice, client_id).notes == "Line one\n\tLine two"


def test_undo_of_add_removes_the_client_and_redo_brings_them_back(practice: Context) -> None:
    client_id = add_client(practice, ClientInput("Ana Souza")).value
    assert remove_client(practice, client_id).changes.clients == frozenset({client_id})
    assert client_rows(practice) == []
    assert similar_clients(practice, "Ana Souza") == []
    restore_client(practice, client_id)
    assert [r.client_id for r in client_rows(practice)] == [client_id]


def test_a_client_with_a_journey_is_not_removed(practice: Context, offer_id: int) -> None:
    enrolled = enrol(practice, offer_id)
    with pytest.raises(InvalidInput, match="enrolled"):
        remove_client(practice, enrolled.client_id)


# duplicate names --------------------------------------------------------------------------


def test_similar_clients_ignore_accents_case_and_spacing(practice: Context) -> None:
    first = add_client(practice, ClientInput("Priya García", company="García Legal")).value
    add_client(practice, ClientInput("Priya Garcia-Lopez"))
    found = similar_clients(practice, "  priya   GARCIA ")
    assert [(c.id, c.name, c.company) for c in found] == [(first, "Priya García", "García Legal")]
    assert similar_clients(practice, "Priya García", exclude_id=first) == []
    assert similar_clients(practice, "\u200b ") == []


def test_duplicate_names_are_allowed(practice: Context) -> None:
    add_client(practice, ClientInput("Priya García", company="García Legal"))
    add_client(practice, ClientInput("Priya García", company="Studio Priya"))
    assert sorted(r.company for r in client_rows(practice)) == ["García Legal", "Studio Priya"]


# enrolment --------------------------------------------------------------------------------


def test_enrolment_keeps_the_right_fit_answers_and_score(practice: Context) -> None:
    offer_id, _ = create_offer(practice, OFFER)
    with practice.transaction() as session:
        offer = session.get(Offer, offer_id)
        assert offer is not None
        offer.right_fit = {
            "criteria": [{"text": "Has a budget", "weight": 3}, {"text": "Coachable", "weight": 2}],
            "threshold": 4,
        }
    checklist = offer_checklist(practice, offer_id)
    assert [c.text for c in checklist.criteria] == ["Has a budget", "Coachable"]
    assert fit_score(checklist, {"Has a budget": True}).below  # 3 < 4: the wizard warns
    client_id = add_client(practice, ClientInput("Ana Souza")).value
    answers = {"Has a budget": True, "Coachable": False, "Not asked": True}
    journey_id = enrol_client(practice, client_id, offer_id, MONDAY, answers).value
    with practice.db.sessions() as session:
        journey = session.get(Journey, journey_id)
        assert journey is not None
        assert journey.fit == {"answers": {"Has a budget": True, "Coachable": False}, "score": 3}
    (journey_info,) = client_details(practice, client_id).journeys
    assert journey_info.fit_score == 3


def test_the_start_rolls_to_a_working_day_past_closed_dates(
    practice: Context, offer_id: int
) -> None:
    settings = practice_settings(practice)
    christmas = frozenset({date(2026, 12, 24), date(2026, 12, 25)})
    update_practice(
        practice,
        type(settings)(settings.name, "Jo", 30, settings.working_days, christmas),
    )
    client_id = add_client(practice, ClientInput("Ana Souza")).value
    journey_id = enrol_client(practice, client_id, offer_id, date(2026, 12, 24)).value
    (journey,) = client_details(practice, client_id).journeys
    assert journey.journey_id == journey_id
    assert journey.start_on == date(2026, 12, 28)  # Thu, Fri closed; then the weekend


@pytest.mark.parametrize("years", [-11, 11])
def test_a_start_date_years_away_is_refused(practice: Context, offer_id: int, years: int) -> None:
    client_id = add_client(practice, ClientInput("Ana Souza")).value
    with pytest.raises(InvalidInput, match="within ten years"):
        enrol_client(practice, client_id, offer_id, MONDAY + timedelta(days=365 * years))


def test_a_returning_client_can_start_again_once_the_journey_ended(
    practice: Context, offer_id: int
) -> None:
    first = enrol(practice, offer_id)
    with pytest.raises(InvalidInput, match="already on 'Clarity Sprint'"):
        enrol_client(practice, first.client_id, offer_id, MONDAY)
    cancel(practice, first.journey_id, "Moved abroad")
    again = enrol_client(practice, first.client_id, offer_id, MONDAY + timedelta(days=7)).value
    journeys = client_details(practice, first.client_id).journeys
    assert [(j.journey_id, j.status) for j in journeys] == [
        (first.journey_id, JourneyStatus.CANCELLED),
        (again, JourneyStatus.ACTIVE),
    ]


def test_undo_of_enrolment_takes_the_card_off_and_redo_brings_the_same_one_back(
    practice: Context, offer_id: int
) -> None:
    enrolled = enrol(practice, offer_id)
    result = unenrol(practice, enrolled.journey_id)
    assert result.changes.journeys == frozenset({enrolled.journey_id})
    assert result.changes.aspects == Aspect.JOURNEY | Aspect.CAPACITY
    assert board_rows(practice, offer_id) == []
    assert client_details(practice, enrolled.client_id).journeys == ()
    # The client can now be taken back too (undo of their add).
    remove_client(practice, enrolled.client_id)
    restore_client(practice, enrolled.client_id)
    assert reinstate_enrolment(practice, enrolled.journey_id).value == enrolled.journey_id
    (card,) = board_rows(practice, offer_id)
    assert card.journey_id == enrolled.journey_id
    unenrol(practice, enrolled.journey_id)  # and undone again, as often as asked
    with pytest.raises(NotFound):
        unenrol(practice, enrolled.journey_id)


def test_an_enrolment_with_work_done_is_not_undone(practice: Context, offer_id: int) -> None:
    enrolled = enrol(practice, offer_id)
    complete_step(practice, enrolled.step_id(practice, "Welcome call"))
    with pytest.raises(InvalidInput, match="1 step is already done.*cancel the journey"):
        unenrol(practice, enrolled.journey_id)


def test_an_enrolment_with_history_is_not_undone(practice: Context, offer_id: int) -> None:
    enrolled = enrol(practice, offer_id)
    add_note(practice, enrolled.journey_id, "Prefers mornings")
    before = dump(practice)
    with pytest.raises(InvalidInput, match="Things have happened"):
        unenrol(practice, enrolled.journey_id)
    assert dump(practice) == before
