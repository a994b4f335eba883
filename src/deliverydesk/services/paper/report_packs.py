"""What the onboarding pack, the checklist and the intake form print: for one client (their
journey, with its real dates) or for an offer as a template (dates as they would fall for
a client starting on the next working day, shown as weeks)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from deliverydesk.model.entities import Client, Journey, OfferPhase
from deliverydesk.model.rules.calendar import WorkCalendar
from deliverydesk.model.rules.delivery import PhasePlan, schedule
from deliverydesk.model.rules.enums import JourneyStatus, PhaseStatus, StandardTier
from deliverydesk.model.rules.offer_design import OfferSpec
from deliverydesk.reports import data
from deliverydesk.services.context import Context
from deliverydesk.services.errors import InvalidInput, NotFound
from deliverydesk.services.offers.offers import load_offer, spec_of
from deliverydesk.services.paper.intake import form_key
from deliverydesk.services.paper.report_data import (
    JourneyFacts,
    brand,
    journey_facts,
    journey_map,
    report_journey,
)
from deliverydesk.services.paper.welcome_letter import LetterStep, fill_letter, step_values
from deliverydesk.services.practice.practice import work_calendar
from deliverydesk.wording import ENGLISH, RefusalCode

DEFAULT_WELCOME = (
    "Hi {client_first_name},\n\nWelcome to {offer}. This pack is your map: the promise we "
    "are working towards, the phases we will go through together, how we work, and a "
    "checklist to tick off as we go.\n\nYour first step is {step}, by {due_date}.\n\n"
    "I am glad you are here."
)


@dataclass(frozen=True)
class _Source:
    """One client's journey, or an offer's design scheduled from the next working day."""

    spec: OfferSpec | None
    offer_id: int | None
    offer_name: str
    client_name: str
    journey_map: data.JourneyMap
    phases: tuple[data.ChecklistPhase, ...]
    start_on: date | None
    letter_steps: tuple[LetterStep, ...]  # client-facing steps in journey order
    current_phase: str
    weeks: data.WeekScale | None = None  # an offer's template: dates said as weeks


def _for_client(ctx: Context, client_id: int) -> _Source:
    journey_id = report_journey(ctx, client_id)
    with ctx.db.engine.connect() as connection:
        facts = journey_facts(connection, journey_id)
        design_ids = [p.offer_phase_id for p in facts.phases if p.offer_phase_id]
        purposes = dict(
            connection.execute(
                select(OfferPhase.id, OfferPhase.description).where(OfferPhase.id.in_(design_ids))
            ).all()
        )
    spec = _spec(ctx, facts.offer_id)
    visible = facts.client_steps
    phases = tuple(
        data.ChecklistPhase(
            phase.name,
            purposes.get(phase.offer_phase_id or -1, ""),
            phase.planned_start_on,
            phase.planned_end_on,
            tuple(
                data.ChecklistItem(
                    s.title,
                    s.description,
                    s.owner,
                    s.due_on,
                    s.completed_on is not None,
                    s.is_milestone,
                )
                for s in visible
                if s.phase_id == phase.id
            ),
        )
        for phase in facts.phases
    )
    current = facts.phases[min(facts.current, len(facts.phases) - 1)].name if facts.phases else ""
    return _Source(
        spec,
        facts.offer_id,
        facts.offer_name,
        facts.client_name,
        journey_map(facts),
        phases,
        facts.start_on,
        tuple(
            LetterStep(s.title, s.kind, s.owner, s.due_on, s.completed_on is not None)
            for s in visible
        ),
        current,
    )


def _spec(ctx: Context, offer_id: int | None) -> OfferSpec | None:
    if offer_id is None:
        return None
    with ctx.db.sessions() as session:
        try:
            return spec_of(load_offer(session, offer_id))
        except NotFound:
            return None


def _for_offer(ctx: Context, offer_id: int) -> _Source:
    spec = _spec(ctx, offer_id)
    if spec is None:
        raise NotFound(RefusalCode.OFFER_GONE)
    # Scheduled from a Monday on the practice's working days, without its holidays: the
    # template prints weeks, and an offer of six weeks must read as weeks 1 to 6.
    calendar = WorkCalendar(work_calendar(ctx).weekdays)
    today = ctx.clock.today()
    start = calendar.first_working_on_or_after(today + timedelta(days=7 - today.weekday()))
    plans = [
        PhasePlan(p.planned_days, tuple((s.offset_days, s.duration_days) for s in p.steps))
        for p in spec.phases
    ]
    dates = schedule(plans, start, calendar) if plans else []
    phases = []
    map_phases = []
    for phase, when in zip(spec.phases, dates, strict=True):
        items = tuple(
            data.ChecklistItem(
                ENGLISH.client_step(s.kind, s.title, s.client_wording),  # the client's words
                s.description,
                s.owner,
                due,
                False,
                s.is_milestone,
            )
            for s, (_, due) in zip(phase.steps, when.steps, strict=True)
            if s.client_facing
        )
        phases.append(
            data.ChecklistPhase(phase.name, phase.description, when.start_on, when.end_on, items)
        )
        map_phases.append(
            data.MapPhase(
                phase.name,
                PhaseStatus.UPCOMING,
                when.start_on,
                when.end_on,
                None,
                tuple(
                    data.Milestone(i.title, i.due_on or when.end_on, False)
                    for i in items
                    if i.milestone
                ),
            )
        )
    total = sum(len(p.items) for p in phases)
    weeks = data.WeekScale(start, dates[-1].end_on if dates else start, spec.duration_weeks)
    letter_steps = tuple(  # the letter names a step in the client's words, as the list does
        LetterStep(
            ENGLISH.client_step(s.kind, s.title, s.client_wording), s.kind, s.owner, due, False
        )
        for phase, when in zip(spec.phases, dates, strict=True)
        for s, (_, due) in zip(phase.steps, when.steps, strict=True)
        if s.client_facing
    )
    return _Source(
        spec,
        offer_id,
        spec.name,
        "",
        data.JourneyMap(tuple(map_phases), 0, total, show_position=False, weeks=weeks),
        tuple(phases),
        None,
        letter_steps,
        phases[0].name if phases else "",
        weeks,
    )


def _source(ctx: Context, client_id: int | None, offer_id: int | None) -> _Source:
    if client_id is not None:
        return _for_client(ctx, client_id)
    if offer_id is not None:
        return _for_offer(ctx, offer_id)
    raise InvalidInput(RefusalCode.TEMPLATE_NEEDS_CLIENT_OR_OFFER)


def checklist(
    ctx: Context, *, client_id: int | None = None, offer_id: int | None = None
) -> data.Checklist:
    source = _source(ctx, client_id, offer_id)
    return data.Checklist(
        brand(ctx),
        source.offer_name,
        ctx.clock.today(),
        source.phases,
        source.client_name,
        weeks=source.weeks,
    )


def onboarding_pack(
    ctx: Context, *, client_id: int | None = None, offer_id: int | None = None
) -> data.OnboardingPack:
    source = _source(ctx, client_id, offer_id)
    the_brand = brand(ctx)
    spec = source.spec
    first_name = source.client_name.split()[0] if source.client_name.split() else ""
    values = {
        "client_first_name": first_name or "there",
        "client_name": source.client_name or "you",
        "offer": source.offer_name,
        "practice_name": the_brand.name,
        "phase": source.current_phase,
        **step_values(source.letter_steps, ctx.clock.today(), weeks=source.weeks),
    }
    template = (spec.welcome_template if spec else "") or DEFAULT_WELCOME
    contact_lines = tuple(
        line
        for line in (
            the_brand.email,
            the_brand.phone,
            the_brand.website,
            *the_brand.address.splitlines(),
        )
        if line.strip()
    )
    contacts = (
        data.Contact("Your main contact", the_brand.owner_name or the_brand.name, contact_lines),
    )
    return data.OnboardingPack(
        brand=the_brand,
        offer_name=source.offer_name,
        today=ctx.clock.today(),
        promise=spec.promise if spec else "",
        description=spec.description if spec else "",
        welcome_letter=fill_letter(template, values),
        journey_map=source.journey_map,
        phases=source.phases,
        standards=tuple(
            data.Standard(s.promise, s.target, s.tier is StandardTier.ORDER_WINNING)
            for s in (spec.standards if spec else ())
        ),
        boundaries=spec.boundaries if spec else "",
        contacts=contacts,
        client_name=source.client_name,
        duration_weeks=spec.duration_weeks if spec else 0,
        start_on=source.start_on,
        weeks=source.weeks,
    )


def data_date(day: date | None) -> str:
    return ENGLISH.paper_date(day)


def intake_form(
    ctx: Context, *, client_id: int | None = None, offer_id: int | None = None
) -> data.IntakeForm:
    """The intake form of the client's offer (or of `offer_id` as a blank form)."""
    client_name = ""
    if client_id is not None:
        journey_id = report_journey(ctx, client_id)
        with ctx.db.engine.connect() as connection:
            facts: JourneyFacts = journey_facts(connection, journey_id)
        if facts.offer_id is None:
            raise InvalidInput(RefusalCode.CLIENT_OFFER_GONE)
        offer_id, client_name = facts.offer_id, facts.client_name
    if offer_id is None:
        raise InvalidInput(RefusalCode.FORM_NEEDS_CLIENT_OR_OFFER)
    spec = _spec(ctx, offer_id)
    if spec is None:
        raise NotFound(RefusalCode.OFFER_GONE)
    return data.IntakeForm(
        brand=brand(ctx),
        offer_name=spec.name,
        today=ctx.clock.today(),
        questions=spec.intake_questions,
        form_key=form_key(ctx, client_id or 0, offer_id, spec.intake_questions),
        client_name=client_name,
    )


def active_clients(ctx: Context) -> list[tuple[int, str]]:
    """(client id, name) of every client with an active journey: the batch export's list."""
    with ctx.db.engine.connect() as connection:
        rows = connection.execute(
            select(Client.id, Client.name)
            .join(Journey, Journey.client_id == Client.id)
            .where(Journey.status == JourneyStatus.ACTIVE, Client.archived.is_(False))
            .order_by(Client.name, Client.id)
            .distinct()
        ).all()
    return [(int(i), str(n)) for i, n in rows]


def client_names(ctx: Context, client_ids: Iterable[int]) -> list[tuple[int, str]]:
    """(client id, name) of each of `client_ids` that exists, in the order given."""
    wanted = list(dict.fromkeys(client_ids))
    with ctx.db.engine.connect() as connection:
        names = dict(
            connection.execute(select(Client.id, Client.name).where(Client.id.in_(wanted))).all()
        )
    return [(i, str(names[i])) for i in wanted if i in names]
