"""Benchmark data: thousands of clients at 10x a real practice, for timing lists and boards.

The practice and its offers go through the services; the clients, journeys and steps are
written with Core bulk inserts in one transaction (ORM objects by the thousand would take
minutes), so the session hook that keeps journey summaries (store/summaries.py) does not
see them: their summary columns are computed here by the same rule, model/rules/summary.py.

As with the demo, all of it is built in a scratch folder and moved into the person's folder
in one transaction: a kill or a full disk part-way leaves their folder exactly as it was,
never a practice with offers and half its clients.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Connection, Table, func, insert, select
from sqlalchemy.exc import OperationalError

from deliverydesk.model.entities import (
    Activity,
    Client,
    Feedback,
    Journey,
    JourneyPhase,
    JourneyStep,
    Offer,
    OfferPhase,
    OfferStep,
)
from deliverydesk.model.rules.calendar import WorkCalendar
from deliverydesk.model.rules.delivery import PhaseDates, PhasePlan, StepFacts, schedule
from deliverydesk.model.rules.enums import ActivityKind, JourneyStatus, Owner, StepKind
from deliverydesk.model.rules.offer_design import priced
from deliverydesk.model.rules.summary import summary_columns
from deliverydesk.services.clients.clients import SNAPSHOT_COLUMNS
from deliverydesk.services.context import Context, open_workspace
from deliverydesk.services.errors import InvalidInput, StorageFailed
from deliverydesk.services.offers.offers import OfferSpec, PhaseSpec, StepSpec, create_offer
from deliverydesk.services.practice.practice import create_practice, get_practice
from deliverydesk.staging import staging
from deliverydesk.store.engine import for_writing
from deliverydesk.store.errors import storage_failure
from deliverydesk.store.transfer import copy_into_empty
from deliverydesk.wording import RefusalCode

MAX_CLIENTS = 1_000_000
MAX_STEPS = 500
COMPLETED_SHARE = 0.1
FEEDBACK_MISSING = 0.1
SCORES = (6, 7, 8, 8, 9, 9, 9, 10, 10)
CHUNK = 2_000  # clients held in memory before their rows are written (same transaction)
WORKING_DAYS = frozenset({1, 2, 3, 4, 5})

OFFER_NAMES = ("Leadership Coaching", "Website Rebuild", "Book Proposal Coaching")
PHASE_NAMES = ("Onboarding", "Discovery", "Planning", "Delivery", "Review", "Offboarding")
# Kinds and owners cycle through the journey so every board badge shows up somewhere.
KINDS = tuple(StepKind)
OWNERS = (Owner.ME, Owner.CLIENT, Owner.ME, Owner.THIRD_PARTY, Owner.ME)
TITLES = {
    StepKind.SESSION: "Working session",
    StepKind.TASK: "Prepare materials",
    StepKind.FORM: "Questionnaire returned",
    StepKind.MESSAGE: "Progress update",
    StepKind.RESOURCE: "Worksheet shared",
    StepKind.HOMEWORK: "Practice exercise",
    StepKind.DELIVERABLE: "Draft delivered",
    StepKind.INVOICE: "Invoice sent",
    StepKind.SURVEY: "Pulse survey",
    StepKind.REVIEW: "Review",
}

FIRST_NAMES = (
    "Amara", "Ben", "Chloé", "Dmitri", "Elena", "Farid", "Grace", "Hiroshi", "Ines", "Jamal",
    "Katarzyna", "Liam", "Mei", "Nikolai", "Olivia", "Pedro", "Qing", "Rosa", "Sanjay", "Tess",
    "Umar", "Valentina", "Wen", "Ximena", "Yusuf", "Zoë", "Adaeze", "Björn", "Carmen", "Declan",
    "Esther", "Felix", "Gwen", "Hamza", "Isla", "Jonas", "Kwame", "Lucía", "Mateus", "Nadia",
    "Oscar", "Priya", "Rahel", "Soren", "Tomás", "Uma", "Viktor", "Wiebke", "Yara", "Zainab",
)  # fmt: skip
LAST_NAMES = (
    "Achebe", "Bianchi", "Castro", "Dubois", "Eriksen", "Fischer", "García", "Hoang", "Ivanova",
    "Jensen", "Kowalski", "Lindgren", "Mensah", "Nakamura", "O'Neill", "Petrović", "Quinn",
    "Rossi", "Schneider", "Takahashi", "Umeh", "Varga", "Walsh", "Xu", "Yamada", "Zimmermann",
    "Abiodun", "Brennan", "Chaudhry", "Delgado", "Evans", "Fontaine", "Gallagher", "Haddad",
    "Ibrahim", "Jovanović", "Kaur", "Larsen", "Moreau", "Novak", "Okonkwo", "Park", "Reyes",
    "Silva", "Tanaka", "Usman", "Van Dijk", "Weber", "Yilmaz", "Żak",
)  # fmt: skip
COMPANY_SUFFIXES = (
    "Consulting", "Studio", "& Co", "Partners", "Design", "Clinic", "Bakery", "Architects",
    "Coaching", "Legal", "Ventures", "Physio", "Joinery", "Media", "Wellness", "",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class _StepDesign:
    offer_step_id: int
    phase_position: int
    columns: dict[str, Any]  # the snapshot columns, copied into every journey


@dataclass(frozen=True, slots=True)
class _OfferDesign:
    id: int
    name: str
    phase_ids: tuple[int, ...]
    phase_names: tuple[str, ...]
    plans: tuple[PhasePlan, ...]
    steps: tuple[_StepDesign, ...]
    price_minor: int | None = None


def seed_scale(ctx: Context, clients: int, steps_per_journey: int = 30, seed: int = 1) -> str:
    """Fill an empty data folder with `clients` clients, one journey each; returns a summary."""
    if not 1 <= clients <= MAX_CLIENTS:
        raise InvalidInput(RefusalCode.SCALE_CLIENTS_OUT_OF_RANGE, limit=MAX_CLIENTS)
    if not len(PHASE_NAMES) <= steps_per_journey <= MAX_STEPS:
        raise InvalidInput(RefusalCode.SCALE_STEPS_OUT_OF_RANGE, limit=MAX_STEPS)
    if ctx.read_only:
        raise StorageFailed(RefusalCode.READ_ONLY_PRACTICE, ctx.path, read_only=ctx.why_read_only)
    if get_practice(ctx) is not None:
        raise InvalidInput(RefusalCode.BENCHMARK_NEEDS_EMPTY_FOLDER)
    try:
        with staging(ctx.path.parent, "scale") as folder:  # swept at start if killed
            scratch = open_workspace(folder, ctx.clock)
            try:
                summary = _build(scratch, clients, steps_per_journey, seed)
            finally:
                scratch.close()
            copy_into_empty(ctx.db.engine, scratch.path)  # all of it, in one transaction
    except (OperationalError, OSError) as error:  # the scratch folder's disk is full, say
        raise storage_failure(error, ctx.path) from error
    return summary


def _build(ctx: Context, clients: int, steps_per_journey: int, seed: int) -> str:
    """The benchmark practice, written into the empty scratch workspace `ctx`."""
    create_practice(ctx, "Benchmark Practice", 40, WORKING_DAYS, "Bench Marker")
    offers = [_design(ctx, name, steps_per_journey, n) for n, name in enumerate(OFFER_NAMES)]
    rows = _Rows(ctx, offers, random.Random(seed))
    with for_writing(ctx.db.engine).begin() as connection:
        rows.start_ids(connection)
        for index in range(clients):
            rows.add_client(index)
            if len(rows.clients) == CHUNK:
                rows.write(connection)
        rows.write(connection)
    return (
        f"{clients:,} clients, {clients * steps_per_journey:,} steps "
        f"in {len(offers)} offers ({rows.completed:,} journeys completed)"
    )


def _offer_spec(name: str, steps: int, variant: int) -> OfferSpec:
    per_phase, extra = divmod(steps, len(PHASE_NAMES))
    phases = []
    number = 0
    for position, phase_name in enumerate(PHASE_NAMES):
        count = per_phase + (position < extra)
        specs = []
        for index in range(count):
            specs.append(_step_spec(phase_name, number + variant, index, index == count - 1))
            number += 1
        phases.append(PhaseSpec(phase_name, max(2 * count, 3), tuple(specs)))
    price = 1_200_00 * (variant % 3 + 1)  # every offer priced, in pounds: the money pane
    return priced(
        OfferSpec(name, promise=f"What {name.lower()} clients leave with.", phases=tuple(phases)),
        price,
        "GBP",
    )


def _step_spec(phase: str, number: int, index: int, last: bool) -> StepSpec:
    if last:  # every phase ends on a checkpoint the client signs off
        return StepSpec(
            f"{phase} signed off",
            StepKind.REVIEW,
            Owner.CLIENT,
            offset_days=2 * index,
            is_checkpoint=True,
            is_milestone=phase in ("Planning", "Offboarding"),
        )
    kind = KINDS[number % len(KINDS)]
    owner = OWNERS[number % len(OWNERS)]
    return StepSpec(
        f"{TITLES[kind]} ({phase.lower()} {index + 1})",
        kind,
        owner,
        offset_days=2 * index,
        duration_days=1 + number % 3,
        effort_minutes=30 + 15 * (number % 5) if owner is Owner.ME else 0,
        is_touchpoint=kind is StepKind.MESSAGE,
        message_template="Hi {client_first_name}, next up: {next_step}. {practice_name}"
        if kind is StepKind.MESSAGE
        else "",
    )


def _paid_on(kind: StepKind, invoiced_on: date | None, today: date) -> date | None:
    """An invoice sent is paid ten days later, once that day has come."""
    if kind is not StepKind.INVOICE or invoiced_on is None:
        return None
    paid = invoiced_on + timedelta(days=10)
    return paid if paid <= today else None


def _design(ctx: Context, name: str, steps: int, variant: int) -> _OfferDesign:
    offer_id, _ = create_offer(ctx, _offer_spec(name, steps, variant))
    with ctx.db.sessions() as session:
        phases = session.scalars(
            select(OfferPhase).where(OfferPhase.offer_id == offer_id).order_by(OfferPhase.position)
        ).all()
        designs = []
        for phase in phases:
            steps_of_phase = session.scalars(
                select(OfferStep).where(OfferStep.phase_id == phase.id).order_by(OfferStep.position)
            ).all()
            designs.append((phase, list(steps_of_phase)))
        return _OfferDesign(
            id=offer_id,
            name=name,
            phase_ids=tuple(p.id for p, _ in designs),
            phase_names=tuple(p.name for p, _ in designs),
            plans=tuple(
                PhasePlan(p.planned_days, tuple((s.offset_days, s.duration_days) for s in ss))
                for p, ss in designs
            ),
            steps=tuple(
                _StepDesign(s.id, p.position, {c: getattr(s, c) for c in SNAPSHOT_COLUMNS})
                for p, ss in designs
                for s in ss
            ),
            price_minor=session.get_one(Offer, offer_id).price_minor,
        )


class _Rows:
    """Rows for the bulk insert, with ids assigned here so children can point at parents."""

    def __init__(self, ctx: Context, offers: list[_OfferDesign], rng: random.Random) -> None:
        self.today = ctx.clock.today()
        self.calendar = WorkCalendar(WORKING_DAYS)
        self.offers = offers
        self.rng = rng
        self.completed = 0
        self.dates: dict[tuple[int, date], list[PhaseDates]] = {}
        self.clients: list[dict[str, Any]] = []
        self.journeys: list[dict[str, Any]] = []
        self.phases: list[dict[str, Any]] = []
        self.steps: list[dict[str, Any]] = []
        self.activity: list[dict[str, Any]] = []
        self.feedback: list[dict[str, Any]] = []
        self.next_id: dict[str, int] = {}

    def start_ids(self, connection: Connection) -> None:
        for model in (Client, Journey, JourneyPhase, JourneyStep):
            table = _table(model)
            top = connection.execute(select(func.max(table.c.id))).scalar()
            self.next_id[table.name] = (top or 0) + 1

    def _id(self, table: str) -> int:
        value = self.next_id[table]
        self.next_id[table] = value + 1
        return value

    def add_client(self, index: int) -> None:
        rng = self.rng
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        client_id = self._id("client")
        suffix = rng.choice(COMPANY_SUFFIXES)
        offer = self.offers[index % len(self.offers)]
        completed = rng.random() < COMPLETED_SHARE
        start = self._start(offer, completed)
        self.clients.append(
            {
                "id": client_id,
                "name": f"{first} {last}",
                "company": f"{last} {suffix}" if suffix else "",
                "email": f"{_ascii(first)}.{_ascii(last)}{index}@example.com",
                "phone": "",
                "notes": "",
                "right_fit": {},
                "archived": False,
                "created_at": _noon(start),
            }
        )
        self._add_journey(client_id, offer, start, completed)

    def _schedule(self, offer: _OfferDesign, start: date) -> list[PhaseDates]:
        key = (offer.id, start)
        if key not in self.dates:
            self.dates[key] = schedule(offer.plans, start, self.calendar)
        return self.dates[key]

    def _start(self, offer: _OfferDesign, completed: bool) -> date:
        """Spread active journeys over the whole length of the offer, so every phase fills."""
        length = (self._schedule(offer, self.today)[-1].end_on - self.today).days + 1
        back = (
            self.rng.randint(length + 7, length + 120) if completed else self.rng.randint(0, length)
        )
        return self.today - timedelta(days=back)

    def _lag(self) -> int:
        """Calendar days of open, overdue work: most journeys none, a few a little or a lot."""
        roll = self.rng.random()
        if roll < 0.8:
            return 0
        return self.rng.randint(1, 5) if roll < 0.93 else self.rng.randint(7, 20)

    def _add_journey(
        self, client_id: int, offer: _OfferDesign, start: date, completed: bool
    ) -> None:
        dates = self._schedule(offer, start)
        journey_id = self._id("journey")
        done_before = self.today - timedelta(days=0 if completed else self._lag())
        step_dates = [when for phase in dates for when in phase.steps]
        completed_on = [self._completed_on(when, done_before) for when in step_dates]
        first_open = next((i for i, d in enumerate(completed_on) if d is None), None)
        current = (
            offer.steps[first_open].phase_position if first_open is not None else len(dates) - 1
        )
        phase_ids = [self._id("journey_phase") for _ in dates]
        self._add_phases(journey_id, offer, dates, phase_ids, current, completed)
        with_feedback: list[int] = []
        for position, (design, (step_start, due), done) in enumerate(
            zip(offer.steps, step_dates, completed_on, strict=True)
        ):
            step_id = self._id("journey_step")
            if (
                done is not None
                and design.columns["is_checkpoint"]
                and self._add_feedback(journey_id, step_id, done)
            ):
                with_feedback.append(step_id)
            self.steps.append(
                {
                    **design.columns,
                    "id": step_id,
                    "journey_id": journey_id,
                    "phase_id": phase_ids[design.phase_position],
                    "position": position,
                    "offer_step_id": design.offer_step_id,
                    "start_on": step_start,
                    "due_on": due,
                    "completed_on": done,
                    "paid_on": _paid_on(design.columns["kind"], done, self.today),
                }
            )
        self.completed += completed
        own_steps = self.steps[-len(offer.steps) :]
        facts = [
            StepFacts(
                id=step["id"],
                title=step["title"],
                position=step["position"],
                phase_position=design.phase_position,
                owner=step["owner"],
                start_on=step["start_on"],
                due_on=step["due_on"],
                completed_on=step["completed_on"],
                is_checkpoint=step["is_checkpoint"],
            )
            for step, design in zip(own_steps, offer.steps, strict=True)
        ]
        self.journeys.append(
            {
                "id": journey_id,
                "client_id": client_id,
                "offer_id": offer.id,
                "offer_revision": 1,
                "offer_name": offer.name,
                "status": JourneyStatus.COMPLETED if completed else JourneyStatus.ACTIVE,
                "start_on": dates[0].start_on,
                "planned_end_on": dates[-1].end_on,
                "ended_on": max(d for d in completed_on if d) if completed else None,
                "current_position": current,
                "price_minor": offer.price_minor,
                "currency": "GBP",
                "created_at": _noon(start),
                **summary_columns(facts, with_feedback, phase_count=len(dates)),
            }
        )
        self.activity.append(
            {
                "at": _noon(start),
                "client_id": client_id,
                "journey_id": journey_id,
                "kind": ActivityKind.ENROLLED,
                "detail": {"offer": offer.name},
            }
        )

    def _add_feedback(self, journey_id: int, step_id: int, received_on: date) -> bool:
        """Most passed checkpoints have their feedback in; the rest show "feedback due"."""
        if self.rng.random() < FEEDBACK_MISSING:
            return False
        score = self.rng.choice(SCORES)
        self.feedback.append(
            {
                "journey_id": journey_id,
                "step_id": step_id,
                "received_on": received_on,
                "score": score,
                "words": "",
                "testimonial_ok": score >= 9,
                "referral_asked": False,
                "referral_given": False,
            }
        )
        return True

    def _completed_on(self, when: tuple[date, date], done_before: date) -> date | None:
        """Done around the due date when due before the cut-off; open otherwise."""
        start, due = when
        if due >= done_before:
            return None
        done = due + timedelta(days=self.rng.choice((-1, 0, 0, 0, 1, 2)))
        return min(max(done, start), self.today)

    def _add_phases(
        self,
        journey_id: int,
        offer: _OfferDesign,
        dates: list[PhaseDates],
        phase_ids: list[int],
        current: int,
        completed: bool,
    ) -> None:
        for position, (phase_id, when) in enumerate(zip(phase_ids, dates, strict=True)):
            left = position < current or completed
            self.phases.append(
                {
                    "id": phase_id,
                    "journey_id": journey_id,
                    "position": position,
                    "name": offer.phase_names[position],
                    "offer_phase_id": offer.phase_ids[position],
                    "planned_start_on": when.start_on,
                    "planned_end_on": when.end_on,
                    "started_on": min(when.start_on, self.today) if position <= current else None,
                    "completed_on": min(when.end_on, self.today) if left else None,
                }
            )

    def write(self, connection: Connection) -> None:
        """Parents before children, each table in one executemany; then forget the rows."""
        for model, rows in (
            (Client, self.clients),
            (Journey, self.journeys),
            (JourneyPhase, self.phases),
            (JourneyStep, self.steps),
            (Activity, self.activity),
            (Feedback, self.feedback),
        ):
            if rows:
                connection.execute(insert(_table(model)), rows)
                rows.clear()


def _table(model: type[Any]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


def _noon(day: date) -> datetime:
    return datetime.combine(day, time(12), tzinfo=UTC)


def _ascii(text: str) -> str:
    """An email-safe form of a name: accents dropped, letters only ("Żak" -> "zak")."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in plain.lower() if ch.isalnum()) or "client"
