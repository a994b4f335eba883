"""What the built-in templates say that comes from their own data, and what a client reads.

A count a template's text cites ("Six questions on goals…", "Book all ten sessions") is
written as a marker (<questions>, <Sessions>: capitalised, a sentence's first word) and
taken from the design itself, so the words never drift from the questions or sessions
there are. A client-facing step whose title is the practitioner's note ("Intake form
received") carries client wording: what the client is asked to do instead.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from deliverydesk.model.rules.enums import StepKind
from deliverydesk.model.rules.offer_design import OfferSpec, PhaseSpec, StepSpec

_NUMBERS = (
    "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen", "twenty",
)  # fmt: skip
_STEP_TEXTS = (
    "title", "description", "message_template", "failure_point", "recovery_protocol",
    "client_wording",
)  # fmt: skip
_OFFER_TEXTS = ("promise", "description", "capacity_note", "welcome_template")

# Titles written for the practitioner, and what the client reads instead.
CLIENT_WORDS = {
    "Deposit invoice": "Pay the deposit",
    "Intake form received": "Fill in and send back your intake form",
    "Session notes: kick-off": "Notes from our kick-off session",
    "Alumni invite and referral ask": "An invitation to the alumni circle",
    "Signed proposal and deposit invoice": "Sign the proposal and pay the deposit",
    "Brand questionnaire received": "Fill in and send back the brand questionnaire",
    "30-day follow-up booked": "Our 30-day follow-up",
    "Contract and deposit invoice": "Sign the contract and pay the deposit",
    "Manuscript and author questionnaire received": (
        "Send your manuscript and the author questionnaire"
    ),
    "Revised manuscript received": "Send your revised manuscript",
    "Thank-you note and referral ask": "A thank-you note",
}


def count_word(n: int, capital: bool = False) -> str:
    """ "six", or "Six" to begin a sentence; digits past twenty."""
    word = _NUMBERS[n] if 0 <= n < len(_NUMBERS) else str(n)
    return word.capitalize() if capital else word


def counts(spec: OfferSpec) -> dict[str, int]:
    """What a template's words may cite, counted from its design."""
    return {
        "questions": len(spec.intake_questions),
        "sessions": sum(s.kind is StepKind.SESSION for p in spec.phases for s in p.steps),
        "phases": len(spec.phases),
        "weeks": spec.duration_weeks,
    }


def cite(text: str, found: dict[str, int]) -> str:
    for name, n in found.items():
        text = text.replace(f"<{name}>", count_word(n))
        text = text.replace(f"<{name.capitalize()}>", count_word(n, capital=True))
    return text


def finished(spec: OfferSpec) -> OfferSpec:
    """The template as offered: counts cited from its data, client wording where a title
    is written for the practitioner."""
    found = counts(spec)

    def step(s: StepSpec) -> StepSpec:
        wording = CLIENT_WORDS.get(s.title, "") if s.client_facing else ""
        s = replace(s, client_wording=s.client_wording or wording)
        texts: dict[str, Any] = {f: cite(getattr(s, f), found) for f in _STEP_TEXTS}
        return replace(s, **texts)

    def phase(p: PhaseSpec) -> PhaseSpec:
        return replace(
            p, description=cite(p.description, found), steps=tuple(step(s) for s in p.steps)
        )

    texts: dict[str, Any] = {f: cite(getattr(spec, f), found) for f in _OFFER_TEXTS}
    return replace(spec, phases=tuple(phase(p) for p in spec.phases), **texts)
