"""An offer's whole design as plain values: what the editor edits, a revision keeps and an
offer file carries.

`id` fields name the stored phase or step a spec came from (None for one not saved yet), so
saving a design keeps each step's identity and journeys stay linked to it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from deliverydesk.model.rules.document_messages import DocumentMessages
from deliverydesk.model.rules.enums import Owner, QuestionKind, StandardTier, StepKind
from deliverydesk.model.rules.fit import RightFit
from deliverydesk.model.rules.money import split_price


@dataclass(frozen=True)
class StepSpec:
    title: str
    kind: StepKind = StepKind.TASK
    owner: Owner = Owner.ME
    # Working days after the phase starts, and how many working days the step takes.
    offset_days: int = 0
    duration_days: int = 1
    effort_minutes: int = 0
    session_minutes: int = 0  # a session's default length (0 = not said)
    description: str = ""
    is_milestone: bool = False
    is_checkpoint: bool = False
    is_touchpoint: bool = False
    message_template: str = ""
    failure_point: str = ""
    recovery_protocol: str = ""
    client_facing: bool = True
    resource_link: str = ""
    # What the client reads for the step (a nudge, their documents); "" reads the phrase
    # of its kind (wording.py), never the title, which is written for the practitioner.
    client_wording: str = ""
    # What an invoice step invoices, in minor units of the offer's currency; None: not said.
    amount_minor: int | None = None
    id: int | None = None


@dataclass(frozen=True)
class PhaseSpec:
    name: str
    planned_days: int  # working days
    steps: tuple[StepSpec, ...] = ()
    description: str = ""
    id: int | None = None


@dataclass(frozen=True)
class StandardSpec:
    """A promise about how the work is delivered, and an optional measurable target."""

    promise: str
    tier: StandardTier = StandardTier.EXPECTED
    target: str = ""


@dataclass(frozen=True)
class IntakeQuestion:
    """A question of the offer's intake form; `choices` only for a CHOICE question."""

    text: str
    kind: QuestionKind = QuestionKind.SHORT_TEXT
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class OfferSpec:
    name: str
    promise: str = ""
    description: str = ""
    phases: tuple[PhaseSpec, ...] = ()
    standards: tuple[StandardSpec, ...] = ()
    capacity_note: str = ""
    duration_weeks: int = 0  # typical duration; 0 = not said
    price: str = ""  # a note beside the amount ("+ VAT"), as the practitioner writes it
    price_minor: int | None = None  # the price in minor units of `currency`; None: not said
    currency: str = ""  # ISO 4217 (model/rules/money.py CURRENCIES); "" not said
    boundaries: str = ""  # and communication rules
    welcome_template: str = ""
    right_fit: RightFit = RightFit()
    # The message sent with each document (services/paper/send.py); "" = the built-in one.
    document_messages: DocumentMessages = DocumentMessages()
    intake_questions: tuple[IntakeQuestion, ...] = ()

    def without_ids(self) -> OfferSpec:
        """The same design, unattached to stored rows (a copy, an import, a template)."""
        return replace(
            self,
            phases=tuple(
                replace(p, id=None, steps=tuple(replace(s, id=None) for s in p.steps))
                for p in self.phases
            ),
        )

    @property
    def step_count(self) -> int:
        return sum(len(p.steps) for p in self.phases)


def priced(spec: OfferSpec, price_minor: int, currency: str) -> OfferSpec:
    """The offer sold at `price_minor` in `currency`, the price split over its invoice
    steps: a quarter as the deposit, the rest shared by the others (the demo's and the
    benchmarks' offers; a person spreads a price in the designer)."""
    count = sum(s.kind is StepKind.INVOICE for p in spec.phases for s in p.steps)
    amounts = iter(split_price(price_minor, price_minor // 4, count))
    return replace(
        spec,
        price_minor=price_minor,
        currency=currency,
        phases=tuple(
            replace(
                p,
                steps=tuple(
                    replace(s, amount_minor=next(amounts)) if s.kind is StepKind.INVOICE else s
                    for s in p.steps
                ),
            )
            for p in spec.phases
        ),
    )
