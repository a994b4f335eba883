"""Text a service stores: broken characters, a leading NUL and invisible-only names end in
a plain message (InvalidInput), never a traceback from the database, and change nothing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

import pytest

from deliverydesk.model.rules.enums import Owner
from deliverydesk.services.clients.clients import ClientInput, add_client, enrol_client
from deliverydesk.services.context import Context
from deliverydesk.services.errors import InvalidInput
from deliverydesk.services.journeys.detail import journey_detail
from deliverydesk.services.journeys.journeys import add_note
from deliverydesk.services.journeys.lifecycle import pause
from deliverydesk.services.journeys.records import log_friction, record_feedback, resolve_friction
from deliverydesk.services.offers.offers import StandardSpec, StepSpec, create_offer
from deliverydesk.services.practice.practice import create_practice
from tests.builders import onboarding, phase, sprint

BROKEN = "Ana \udcff Souza"  # a lone surrogate: cannot be written as UTF-8
LEADING_NUL = "\x00Ana"
INVISIBLE = "\u200b\u200c\u2060\ufeff"  # zero-width characters only

OFFER = sprint(
    onboarding("Welcome call"),
    phase("Deep work", 5, StepSpec("Plan approved", owner=Owner.CLIENT)),
)


@pytest.fixture
def journey_id(ctx: Context, today: date) -> int:
    create_practice(ctx, "North Star Coaching", 30, frozenset({1, 2, 3, 4, 5}))
    offer_id, _ = create_offer(ctx, OFFER)
    client_id = add_client(ctx, ClientInput("Ana Souza")).value
    journey = enrol_client(ctx, client_id, offer_id, today).value
    log_friction(ctx, journey, "Intake form late")  # friction 1, for its recovery
    return journey


def _offer(**changes: object) -> Callable[[Context, int, str], object]:
    def save(ctx: Context, _journey: int, text: str) -> object:
        spec = OFFER
        if "name" in changes:
            spec = replace(spec, name=text)
        if "phase" in changes:
            spec = replace(spec, phases=(replace(OFFER.phases[0], name=text), *OFFER.phases[1:]))
        if "step" in changes:
            phase = replace(OFFER.phases[0], steps=(StepSpec(text),))
            spec = replace(spec, name="Other", phases=(phase, *OFFER.phases[1:]))
        if "standard" in changes:
            spec = replace(spec, name="Other", standards=(StandardSpec(text),))
        return create_offer(ctx, spec)

    return save


# Each use case that stores text a person typed, given that text.
STORES: dict[str, Callable[[Context, int, str], object]] = {
    "note": lambda ctx, j, text: add_note(ctx, j, text),
    "friction": lambda ctx, j, text: log_friction(ctx, j, text),
    "recovery": lambda ctx, j, text: resolve_friction(ctx, 1, text),
    "feedback": lambda ctx, j, text: record_feedback(ctx, j, score=9, words=text),
    "pause reason": lambda ctx, j, text: pause(ctx, j, text),
    "client name": lambda ctx, j, text: add_client(ctx, ClientInput(text)),
    "practice name": lambda ctx, j, text: create_practice(ctx, text, 30, frozenset({1})),
    "your name": lambda ctx, j, text: create_practice(ctx, "Other", 30, frozenset({1}), text),
    "offer name": _offer(name=True),
    "phase name": _offer(phase=True),
    "step title": _offer(step=True),
    "delivery standard": _offer(standard=True),
}
# Those where nothing visible is no answer at all (a name, a note, what went wrong).
NAMED = ("note", "friction", "client name", "practice name", "offer name", "phase name",
         "step title", "delivery standard")  # fmt: skip


def _records(ctx: Context, journey_id: int) -> tuple[int, ...]:
    detail = journey_detail(ctx, journey_id)
    with ctx.db.engine.connect() as connection:
        counts = tuple(
            connection.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar() or 0
            for table in ("client", "offer", "practice", "friction", "feedback", "note")
        )
    return (*counts, len(detail.activity))


@pytest.mark.parametrize("text", [BROKEN, LEADING_NUL], ids=["lone-surrogate", "leading-nul"])
@pytest.mark.parametrize("store", STORES.values(), ids=STORES.keys())
def test_unstorable_text_is_refused_with_a_message(
    ctx: Context, journey_id: int, store: Callable[[Context, int, str], object], text: str
) -> None:
    before = _records(ctx, journey_id)
    with pytest.raises(InvalidInput, match=r"NUL|broken character"):
        store(ctx, journey_id, text)
    assert _records(ctx, journey_id) == before


@pytest.mark.parametrize("name", NAMED)
def test_a_name_of_invisible_characters_only_is_no_name(
    ctx: Context, journey_id: int, name: str
) -> None:
    before = _records(ctx, journey_id)
    with pytest.raises(InvalidInput):
        STORES[name](ctx, journey_id, INVISIBLE)
    assert _records(ctx, journey_id) == before
