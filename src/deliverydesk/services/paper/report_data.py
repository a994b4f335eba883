"""What the client's paper prints, read from the database into reports/data.py values: the
practice's brand and the progress report. One connection and a few Core selects per
document; nothing here knows about pages or fonts.

Only client-facing steps reach the client's paper: an internal step (prepare a session,
chase an invoice) is the practitioner's business.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, select

from deliverydesk.model.entities import (
    Activity,
    Client,
    Journey,
    JourneyPhase,
    JourneyStep,
)
from deliverydesk.model.rules.delivery import phase_status
from deliverydesk.model.rules.enums import ActivityKind, JourneyStatus, Owner, PhaseStatus, StepKind
from deliverydesk.reports import data
from deliverydesk.services.context import Context
from deliverydesk.services.errors import InvalidInput, NotFound
from deliverydesk.services.practice.brand import paper_brand, practice_row, settings_of
from deliverydesk.wording import ENGLISH, RefusalCode

WINS_SINCE = timedelta(days=28)  # "recent" when no date is given
MAX_WINS = 8
MAX_NEXT = 5
MAX_NEEDED = 10
# Journeys a report can be about, the most relevant first.
_PREFERENCE = (
    JourneyStatus.ACTIVE,
    JourneyStatus.PAUSED,
    JourneyStatus.COMPLETED,
    JourneyStatus.CANCELLED,
)


@dataclass(frozen=True, slots=True)
class StepRow:
    id: int
    phase_id: int
    position: int
    title: str  # as the client reads it: the step's client wording (see _client_step)
    description: str
    kind: StepKind
    owner: Owner
    due_on: date
    completed_on: date | None
    is_milestone: bool
    is_checkpoint: bool
    client_facing: bool


@dataclass(frozen=True, slots=True)
class PhaseRow:
    id: int
    position: int
    name: str
    planned_start_on: date
    planned_end_on: date
    completed_on: date | None
    offer_phase_id: int | None


@dataclass(frozen=True, slots=True)
class JourneyFacts:
    id: int
    client_id: int
    client_name: str
    company: str
    offer_id: int | None
    offer_name: str
    status: JourneyStatus
    start_on: date
    current: int
    phases: tuple[PhaseRow, ...]
    steps: tuple[StepRow, ...]  # every step, in journey order

    def open_steps(self) -> list[int]:
        """How many steps of each phase are open, client-facing or not, in phase order."""
        return [
            sum(s.phase_id == p.id and s.completed_on is None for s in self.steps)
            for p in self.phases
        ]

    def statuses(self) -> list[PhaseStatus]:
        return [
            phase_status(p.position, self.current, self.status, open_steps)
            for p, open_steps in zip(self.phases, self.open_steps(), strict=True)
        ]

    @property
    def client_steps(self) -> tuple[StepRow, ...]:
        """The steps the client sees."""
        return tuple(s for s in self.steps if s.client_facing)


def brand(ctx: Context) -> data.Brand:
    """The practice's brand; the page size follows the computer's locale unless set."""
    with ctx.db.sessions() as session:
        settings = settings_of(practice_row(session))
    return paper_brand(ctx, settings)


def report_journey(ctx: Context, client_id: int) -> int:
    """The journey a client's report is about: the active one, else paused, else the
    latest that ended. Raises InvalidInput for a client with no journey."""
    with ctx.db.engine.connect() as connection:
        rows = connection.execute(
            select(Journey.id, Journey.status)
            .where(Journey.client_id == client_id)
            .order_by(Journey.start_on.desc(), Journey.id.desc())
        ).all()
        if (
            not rows
            and connection.execute(select(Client.id).where(Client.id == client_id)).first() is None
        ):
            raise NotFound(RefusalCode.CLIENT_GONE)
    for wanted in _PREFERENCE:
        for journey_id, status in rows:
            if status is wanted:
                return int(journey_id)
    raise InvalidInput(RefusalCode.CLIENT_NOT_ENROLLED)


def journey_facts(connection: Connection, journey_id: int) -> JourneyFacts:
    head = connection.execute(
        select(
            Journey.id,
            Journey.client_id,
            Client.name,
            Client.company,
            Journey.offer_id,
            Journey.offer_name,
            Journey.status,
            Journey.start_on,
            Journey.current_position,
        )
        .join(Client, Client.id == Journey.client_id)
        .where(Journey.id == journey_id)
    ).first()
    if head is None:
        raise NotFound(RefusalCode.JOURNEY_GONE)
    phases = connection.execute(
        select(
            JourneyPhase.id,
            JourneyPhase.position,
            JourneyPhase.name,
            JourneyPhase.planned_start_on,
            JourneyPhase.planned_end_on,
            JourneyPhase.completed_on,
            JourneyPhase.offer_phase_id,
        )
        .where(JourneyPhase.journey_id == journey_id)
        .order_by(JourneyPhase.position)
    ).all()
    steps = connection.execute(
        select(
            JourneyStep.id,
            JourneyStep.phase_id,
            JourneyStep.position,
            JourneyStep.title,
            JourneyStep.description,
            JourneyStep.kind,
            JourneyStep.owner,
            JourneyStep.due_on,
            JourneyStep.completed_on,
            JourneyStep.is_milestone,
            JourneyStep.is_checkpoint,
            JourneyStep.client_facing,
            JourneyStep.client_wording,
        )
        .where(JourneyStep.journey_id == journey_id)
        .order_by(JourneyStep.position)
    ).all()
    journey, client, name, company, offer_id, offer_name, status, start_on, current = head
    return JourneyFacts(
        journey, client, name, company, offer_id, offer_name, status, start_on, current,
        phases=tuple(PhaseRow(*row) for row in phases),
        steps=tuple(_client_step(row._asdict()) for row in steps),
    )  # fmt: skip


def _client_step(values: dict[str, Any]) -> StepRow:
    """A step with its title as the client reads it: every document is the client's, and
    a title is written for the practitioner ("Intake form received")."""
    wording = values.pop("client_wording")
    values["title"] = ENGLISH.client_step(values["kind"], values["title"], wording)
    return StepRow(**values)


def journey_map(facts: JourneyFacts) -> data.JourneyMap:
    visible = facts.client_steps
    return data.JourneyMap(
        phases=tuple(
            data.MapPhase(
                phase.name,
                status,
                phase.planned_start_on,
                phase.planned_end_on,
                phase.completed_on,
                tuple(
                    data.Milestone(s.title, s.due_on, s.completed_on is not None)
                    for s in visible
                    if s.phase_id == phase.id and s.is_milestone
                ),
                open_steps,
            )
            for phase, status, open_steps in zip(
                facts.phases, facts.statuses(), facts.open_steps(), strict=True
            )
        ),
        steps_done=sum(s.completed_on is not None for s in visible),
        steps_total=len(visible),
    )


def progress_report(
    ctx: Context, client_id: int, *, since: date | None = None, note: str = ""
) -> data.ProgressReport:
    """The progress report of the client's current journey (see report_journey); wins are
    the steps done since `since`: by default since the last progress report sent to the
    client, or four weeks back when none was."""
    today = ctx.clock.today()
    journey_id = report_journey(ctx, client_id)
    # Since the last report sent: the steps ticked after it (whatever day they were done).
    sent_at = None if since else _last_report_sent(ctx, journey_id)
    since = since or (sent_at.date() if sent_at else today - WINS_SINCE)
    with ctx.db.engine.connect() as connection:
        facts = journey_facts(connection, journey_id)
        log = connection.execute(
            select(Activity.at, Activity.detail)
            .where(Activity.journey_id == journey_id, Activity.kind == ActivityKind.STEP_COMPLETED)
            .order_by(Activity.at.desc(), Activity.id.desc())
        ).all()
    the_brand = brand(ctx)
    visible = facts.client_steps
    by_id = {s.id: s for s in visible}
    won: dict[int, StepRow] = {}
    for at, detail in log:  # newest first: a step done, undone and done again counts once
        step_id = detail.get("step_id") if isinstance(detail, dict) else None
        step = by_id.get(step_id) if isinstance(step_id, int) else None
        if step is None or detail.get("undo") or step.completed_on is None or step.id in won:
            continue
        if step.kind is StepKind.INVOICE:  # paid, not won
            continue
        recent = at > sent_at if sent_at else step.completed_on >= since or at.date() >= since
        if recent:
            won[step.id] = step
    wins = sorted(won.values(), key=lambda s: (s.completed_on or today, s.position), reverse=True)
    open_steps = sorted(
        (s for s in visible if s.completed_on is None), key=lambda s: (s.due_on, s.position)
    )
    theirs = [s for s in open_steps if s.owner is Owner.CLIENT]
    theirs.sort(key=lambda s: (s.due_on >= today, s.due_on, s.position))  # late ones first
    ours = [s for s in open_steps if s.owner is not Owner.CLIENT]
    return data.ProgressReport(
        brand=the_brand,
        client_name=facts.client_name,
        company=facts.company,
        offer_name=facts.offer_name,
        today=today,
        journey_map=journey_map(facts),
        summary=_summary(facts, today),
        wins=tuple(_item(s, today) for s in wins[:MAX_WINS]),
        wins_since=since,
        more_wins=max(len(wins) - MAX_WINS, 0),
        coming_next=tuple(_item(s, today) for s in ours[:MAX_NEXT]),
        needed=tuple(_item(s, today) for s in theirs[:MAX_NEEDED]),
        more_needed=max(len(theirs) - MAX_NEEDED, 0),
        note=note,
    )


def _last_report_sent(ctx: Context, journey_id: int) -> datetime | None:
    """When the client was last sent their progress report: the next one's wins start
    from it."""
    from deliverydesk.services.paper.report_export import DocumentKind
    from deliverydesk.services.paper.send import last_sent

    return last_sent(ctx, journey_id, DocumentKind.PROGRESS)


def _item(step: StepRow, today: date) -> data.Item:
    done = step.completed_on is not None
    return data.Item(
        step.title,
        step.completed_on if done else step.due_on,
        step.owner,
        late=not done and step.due_on < today,
        milestone=step.is_milestone,
    )


def _summary(facts: JourneyFacts, today: date) -> str:
    count = len(facts.phases)
    current = min(facts.current, count - 1) if count else 0
    name = facts.phases[current].name if count else ""
    visible = facts.client_steps
    milestone = next((s for s in visible if s.is_milestone and s.completed_on is None), None)
    return ENGLISH.progress_sentence(
        facts.status,
        (current + 1, count, name),
        (sum(s.completed_on is not None for s in visible), len(visible)),
        (milestone.title, milestone.due_on) if milestone else None,
        today,
    )
