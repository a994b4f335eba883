"""Adding and editing clients, and enrolling them in an offer (and taking that back).

Each mutation returns a Result whose value is what undoing it needs: the new id (add,
enrol), or the details as they were (update).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from deliverydesk.model.entities import (
    Activity,
    Client,
    Journey,
    JourneyPhase,
    JourneyStep,
    Offer,
    OfferPhase,
)
from deliverydesk.model.rules.calendar import WorkCalendar
from deliverydesk.model.rules.delivery import PhasePlan, schedule
from deliverydesk.model.rules.enums import ActivityKind, JourneyStatus
from deliverydesk.model.rules.fit import RightFit, fit_record
from deliverydesk.model.rules.under_way import Reached
from deliverydesk.services.changes import Aspect, Changes, Result
from deliverydesk.services.context import Context
from deliverydesk.services.errors import InvalidInput, NotFound
from deliverydesk.services.journeys import activity, under_way
from deliverydesk.services.offers.offer_design import check_enrollable
from deliverydesk.services.practice.practice import work_calendar
from deliverydesk.services.validation import clean_email, clean_line, clean_text, is_blank
from deliverydesk.wording import RefusalCode

MAX_NAME_LENGTH = 10_000
MAX_COMPANY_LENGTH = 300
MAX_PHONE_LENGTH = 60
MAX_NOTES_LENGTH = 100_000
MAX_CRITERION_LENGTH = 500
# A start further away than this is a typo (2062 for 2026), and date arithmetic near the
# end of the calendar would overflow.
START_WINDOW = timedelta(days=3653)


@dataclass(frozen=True)
class ClientInput:
    name: str
    company: str = ""
    email: str = ""
    phone: str = ""
    notes: str = ""
    right_fit: Mapping[str, bool] = field(default_factory=dict)


def _right_fit(answers: object) -> dict[str, bool]:
    if not isinstance(answers, Mapping):
        raise InvalidInput(RefusalCode.FIT_ANSWER_NOT_YES_NO)
    cleaned = {}
    for question, answer in answers.items():
        if not isinstance(question, str) or not isinstance(answer, bool):
            raise InvalidInput(RefusalCode.FIT_ANSWER_NOT_YES_NO)
        cleaned[clean_line(question, "A right-fit question", MAX_CRITERION_LENGTH)] = answer
    return cleaned


# Each field's rule: its stored form, or InvalidInput saying what to fix. The window's
# client dialog, the CSV import and the practice-file import all check by these.
FIELD_RULES: dict[str, Callable[[Any], Any]] = {
    "name": lambda v: clean_line(v, "A client's name", MAX_NAME_LENGTH, required=True),
    "company": lambda v: clean_line(v, "The company", MAX_COMPANY_LENGTH),
    "email": clean_email,
    "phone": lambda v: clean_line(v, "The phone number", MAX_PHONE_LENGTH),
    "notes": lambda v: clean_text(v, "The notes", MAX_NOTES_LENGTH),
    "right_fit": _right_fit,
}


def clean_client(data: ClientInput) -> ClientInput:
    """The details as they will be stored, or InvalidInput saying what to fix."""
    if is_blank(data.name.strip()):
        raise InvalidInput(RefusalCode.CLIENT_NEEDS_NAME)
    return ClientInput(**{f: rule(getattr(data, f)) for f, rule in FIELD_RULES.items()})


def _details(client: Client) -> ClientInput:
    return ClientInput(
        client.name,
        client.company,
        client.email,
        client.phone,
        client.notes,
        {str(k): bool(v) for k, v in client.right_fit.items()},
    )


def _client_changes(client_id: int, journeys: frozenset[int] = frozenset()) -> Changes:
    return Changes(journeys=journeys, clients=frozenset({client_id}), aspects=Aspect.CLIENT)


def _live_client(session: Session, client_id: int) -> Client:
    client = session.get(Client, client_id)
    if client is None or client.archived:
        raise NotFound(RefusalCode.CLIENT_GONE)
    return client


def add_client(ctx: Context, data: ClientInput) -> Result[int]:
    """A new client; the value is its id (undo: remove_client)."""
    clean = clean_client(data)
    with ctx.transaction() as session:
        client = Client(
            name=clean.name,
            company=clean.company,
            email=clean.email,
            phone=clean.phone,
            notes=clean.notes,
            right_fit=dict(clean.right_fit),
            created_at=ctx.clock.now(),
        )
        session.add(client)
        session.flush()
        return Result(client.id, _client_changes(client.id))


def update_client(ctx: Context, client_id: int, data: ClientInput) -> Result[ClientInput]:
    """Replace a client's details; the value is the details as they were (undo: call
    again with them). Logged on the client, naming the fields that changed."""
    clean = clean_client(data)
    with ctx.transaction() as session:
        client = _live_client(session, client_id)
        before = _details(client)
        changed = [
            name
            for name in ("name", "company", "email", "phone", "notes", "right_fit")
            if getattr(before, name) != getattr(clean, name)
        ]
        if not changed:
            return Result(before, Changes())
        client.name, client.company, client.email = clean.name, clean.company, clean.email
        client.phone, client.notes = clean.phone, clean.notes
        client.right_fit = dict(clean.right_fit)
        activity.log_client(
            session, ctx.clock, client.id, ActivityKind.CLIENT_UPDATED, fields=changed
        )
        journeys = session.scalars(select(Journey.id).where(Journey.client_id == client_id)).all()
        return Result(before, _client_changes(client.id, frozenset(journeys)))


def remove_client(ctx: Context, client_id: int) -> Result[None]:
    """Take back a client just added (undo of add_client): refused once they have a
    journey. The record is archived, not deleted, so redo (restore_client) keeps its id."""
    with ctx.transaction() as session:
        client = _live_client(session, client_id)
        journeys = session.scalar(
            select(func.count())
            .select_from(Journey)
            .where(Journey.client_id == client_id, Journey.status != JourneyStatus.WITHDRAWN)
        )
        if journeys:
            raise InvalidInput(RefusalCode.CLIENT_ENROLLED_SINCE, client=client.name)
        client.archived = True
        return Result(None, _client_changes(client.id))


def restore_client(ctx: Context, client_id: int) -> Result[None]:
    """Bring back a client taken back by remove_client (redo of add_client)."""
    with ctx.transaction() as session:
        client = session.get(Client, client_id)
        if client is None:
            raise NotFound(RefusalCode.CLIENT_GONE)
        client.archived = False
        return Result(None, _client_changes(client.id))


def check_start(start_on: date, today: date) -> None:
    if abs(start_on - today) > START_WINDOW:
        raise InvalidInput(RefusalCode.START_DATE_OUT_OF_RANGE)


def enrol_client(
    ctx: Context,
    client_id: int,
    offer_id: int,
    start_on: date,
    fit_answers: Mapping[str, bool] | None = None,
    reached: Reached | None = None,
) -> Result[int]:
    """Snapshot the offer's journey for the client, dated from `start_on` (rolled to a
    working day). `fit_answers` (criterion -> yes/no) are kept with their score. `reached`:
    a client already under way, whose earlier steps are brought in (services/journeys/under_way.py).
    The value is the new journey's id (undo: unenrol; redo: reinstate_enrolment)."""
    check_start(start_on, ctx.clock.today())
    calendar = work_calendar(ctx)
    with ctx.transaction() as session:
        journey = enrol_in(
            session, ctx, client_id, offer_id, start_on, calendar, fit_answers, reached
        )
        return Result(journey.id, _enrolment_changes(journey))


def enrol_in(
    session: Session,
    ctx: Context,
    client_id: int,
    offer_id: int,
    start_on: date,
    calendar: WorkCalendar,
    fit_answers: Mapping[str, bool] | None = None,
    reached: Reached | None = None,
) -> Journey:
    """enrol_client's work inside the caller's transaction (an import enrols many at once)."""
    client = session.get(Client, client_id)
    offer = session.scalars(
        select(Offer)
        .where(Offer.id == offer_id)
        .options(selectinload(Offer.phases).selectinload(OfferPhase.steps))
    ).first()
    if client is None or client.archived or offer is None:
        raise NotFound(RefusalCode.CLIENT_OR_OFFER_GONE)
    if not offer.phases:
        raise InvalidInput(RefusalCode.OFFER_HAS_NO_PHASES, offer=offer.name)
    check_enrollable(offer)  # archived, or a design with problems: say why
    _refuse_second_journey(session, client, offer)
    journey = _snapshot(session, client, offer, start_on, calendar, ctx.clock.now())
    if fit_answers is not None:
        journey.fit = fit_record(RightFit.from_json(offer.right_fit), fit_answers)
    activity.log(session, ctx.clock, journey, ActivityKind.ENROLLED, offer=offer.name)
    if reached is not None:
        under_way.bring_in(session, ctx.clock, journey, reached)
    return journey


def _refuse_second_journey(session: Session, client: Client, offer: Offer) -> None:
    """A returning client may start the same offer again once the last run has ended."""
    running = session.scalar(
        select(Journey.id).where(
            Journey.client_id == client.id,
            Journey.offer_id == offer.id,
            Journey.status.in_([JourneyStatus.ACTIVE, JourneyStatus.PAUSED]),
        )
    )
    if running is not None:
        raise InvalidInput(
            RefusalCode.CLIENT_ALREADY_ON_OFFER, client=client.name, offer=offer.name
        )


def _enrolment_changes(journey: Journey) -> Changes:
    return Changes(
        journeys=frozenset({journey.id}),
        clients=frozenset({journey.client_id}),
        offers=frozenset({journey.offer_id}) if journey.offer_id is not None else frozenset(),
        aspects=Aspect.JOURNEY | Aspect.CAPACITY,
    )


# Activity an untouched enrolment has: anything else means the journey has a history.
# Steps brought in came with the enrolment itself: its undo takes them back too.
_UNTOUCHED = {ActivityKind.ENROLLED, ActivityKind.ENROLMENT_UNDONE, ActivityKind.STEPS_BROUGHT_IN}


def unenrol(ctx: Context, journey_id: int) -> Result[None]:
    """Take back an enrolment nothing has happened on yet (undo of enrol_client).

    The append-only activity log refers to the journey, so it is not deleted: it is marked
    withdrawn, which no list, board or load shows, and reinstate_enrolment brings it back.
    """
    with ctx.transaction() as session:
        journey = session.get(Journey, journey_id)
        if journey is None or journey.status is JourneyStatus.WITHDRAWN:
            raise NotFound(RefusalCode.ENROLMENT_GONE)
        if journey.status is not JourneyStatus.ACTIVE:
            raise InvalidInput(RefusalCode.ENROLMENT_NO_LONGER_UNDOABLE)
        done = session.scalar(
            select(func.count())
            .select_from(JourneyStep)
            .where(
                JourneyStep.journey_id == journey_id,
                JourneyStep.completed_on.is_not(None),
                JourneyStep.brought_in.is_(False),
            )
        )
        if done:
            raise InvalidInput(RefusalCode.ENROLMENT_HAS_DONE_STEPS, count=done)
        kinds = set(
            session.scalars(select(Activity.kind).where(Activity.journey_id == journey_id)).all()
        )
        if kinds - _UNTOUCHED:
            raise InvalidInput(RefusalCode.ENROLMENT_HAS_HISTORY)
        journey.status = JourneyStatus.WITHDRAWN
        activity.log(session, ctx.clock, journey, ActivityKind.ENROLMENT_UNDONE)
        return Result(None, _enrolment_changes(journey))


def reinstate_enrolment(ctx: Context, journey_id: int) -> Result[int]:
    """Bring back an enrolment taken back by unenrol (redo of enrol_client), same id."""
    with ctx.transaction() as session:
        journey = session.get(Journey, journey_id)
        if journey is None or journey.status is not JourneyStatus.WITHDRAWN:
            raise NotFound(RefusalCode.ENROLMENT_CANNOT_COME_BACK)
        client = _live_client(session, journey.client_id)
        offer = session.get(Offer, journey.offer_id) if journey.offer_id is not None else None
        if offer is not None:
            _refuse_second_journey(session, client, offer)
        journey.status = JourneyStatus.ACTIVE
        activity.log(
            session, ctx.clock, journey, ActivityKind.ENROLLED, offer=journey.offer_name, redo=True
        )
        return Result(journey.id, _enrolment_changes(journey))


def _snapshot(
    session: Session,
    client: Client,
    offer: Offer,
    start_on: date,
    calendar: WorkCalendar,
    now: datetime,
) -> Journey:
    plans = [
        PhasePlan(p.planned_days, tuple((s.offset_days, s.duration_days) for s in p.steps))
        for p in offer.phases
    ]
    dates = schedule(plans, start_on, calendar)
    journey = Journey(
        client_id=client.id,
        offer_id=offer.id,
        offer_revision=offer.revision,
        offer_name=offer.name,
        status=JourneyStatus.ACTIVE,
        start_on=dates[0].start_on,
        planned_end_on=dates[-1].end_on,
        price_minor=offer.price_minor,
        currency=offer.currency,
        created_at=now,
    )
    position = 0
    for phase_position, (design, when) in enumerate(zip(offer.phases, dates, strict=True)):
        phase = JourneyPhase(
            position=phase_position,
            name=design.name,
            offer_phase_id=design.id,
            planned_start_on=when.start_on,
            planned_end_on=when.end_on,
            started_on=when.start_on if phase_position == 0 else None,
        )
        for step_design, (step_start, step_due) in zip(design.steps, when.steps, strict=True):
            phase.steps.append(
                JourneyStep(
                    journey=journey,
                    position=position,
                    offer_step_id=step_design.id,
                    start_on=step_start,
                    due_on=step_due,
                    **{column: getattr(step_design, column) for column in SNAPSHOT_COLUMNS},
                )
            )
            position += 1
        journey.phases.append(phase)
    session.add(journey)
    session.flush()  # ids for the activity log and the caller; the summary is written too
    return journey


SNAPSHOT_COLUMNS = (
    "title",
    "description",
    "kind",
    "owner",
    "effort_minutes",
    "session_minutes",
    "is_milestone",
    "is_checkpoint",
    "is_touchpoint",
    "message_template",
    "failure_point",
    "recovery_protocol",
    "client_facing",
    "resource_link",
    "client_wording",
    "amount_minor",
)
