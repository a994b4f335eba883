"""The clients the enrolment wizard lists, and a client taken back leaving the list."""

from __future__ import annotations

from datetime import timedelta

import pytest

from deliverydesk.services.clients.client_lookup import client_choices
from deliverydesk.services.clients.clients import (
    ClientInput,
    add_client,
    enrol_client,
    remove_client,
    unenrol,
)
from deliverydesk.services.context import Context
from deliverydesk.services.journeys.lifecycle import cancel, pause
from deliverydesk.services.offers.offers import create_offer
from deliverydesk.services.practice.practice import create_practice
from deliverydesk.services.views.queries import rows_for_clients
from tests.unit.test_services import MON_FRI, MONDAY, OFFER


@pytest.fixture
def practice(ctx: Context) -> Context:
    create_practice(ctx, "North Star Coaching", 30, MON_FRI, owner_name="Jo")
    return ctx


def test_every_current_client_is_listed_by_name_with_the_offers_they_are_on(
    practice: Context,
) -> None:
    offer_id, _ = create_offer(practice, OFFER)
    zoe = add_client(practice, ClientInput("Zoë Adams", company="Adams Ltd")).value
    ana = add_client(practice, ClientInput("ana Souza")).value
    eli = add_client(practice, ClientInput("Élise Martin", email="elise@example.com")).value
    gone = add_client(practice, ClientInput("Taken Back")).value
    remove_client(practice, gone)
    enrol_client(practice, zoe, offer_id, MONDAY)
    first = enrol_client(practice, ana, offer_id, MONDAY).value
    cancel(practice, first, "Moved abroad")  # a returning client, free to start again
    paused = enrol_client(practice, eli, offer_id, MONDAY).value
    pause(practice, paused, "Holiday")
    undone = enrol_client(practice, ana, offer_id, MONDAY + timedelta(days=7)).value
    unenrol(practice, undone)  # an undone enrolment is no journey

    choices = client_choices(practice)
    assert [c.name for c in choices] == ["ana Souza", "Élise Martin", "Zoë Adams"]
    by_name = {c.name: c for c in choices}
    assert by_name["Zoë Adams"].live_offers == {offer_id}
    assert by_name["Zoë Adams"].company == "Adams Ltd"
    assert by_name["Élise Martin"].live_offers == {offer_id}  # paused is still on it
    assert by_name["Élise Martin"].email == "elise@example.com"
    assert by_name["ana Souza"].live_offers == frozenset()
    assert by_name["ana Souza"].ended_journeys == 1


def test_a_client_taken_back_has_no_row_to_refresh(practice: Context) -> None:
    client_id = add_client(practice, ClientInput("Ana Souza")).value
    assert [r.client_id for r in rows_for_clients(practice, [client_id])] == [client_id]
    remove_client(practice, client_id)  # the undo of adding them
    assert rows_for_clients(practice, [client_id]) == []
