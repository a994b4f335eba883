"""Nudges: a message to the client drafted from the step's template, every placeholder
filled, and the record that it went out (the client's last contact). A step is named
in the client's words (its client wording), never by the practitioner's title."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from urllib.parse import quote

from sqlalchemy import select

from deliverydesk.model.entities import Activity, Client, Journey, JourneyPhase, JourneyStep
from deliverydesk.model.rules.enums import ActivityKind, Owner
from deliverydesk.model.rules.offer_rules import fill_template
from deliverydesk.services.changes import Aspect, Changes
from deliverydesk.services.context import Context
from deliverydesk.services.errors import InvalidInput, NotFound
from deliverydesk.services.journeys import activity
from deliverydesk.services.practice.practice import get_practice
from deliverydesk.wording import ENGLISH, RefusalCode, Words

# When the step has no template of its own. English, like every text a service writes;
# the person edits the draft before it goes out.
CLIENT_TEMPLATE = (
    "Hi {client_first_name},\n\n"
    "A quick reminder: '{step}' is due {due_date}. If anything is in the way, reply and "
    "tell me, and we will find a way together.\n\n"
    "{practice_name}"
)
UPDATE_TEMPLATE = (
    "Hi {client_first_name},\n\n"
    "A quick update on {offer}: you are in {phase}, and everything is on its way. "
    "Next up: {next_step}.\n\n"
    "{practice_name}"
)
CLIENT_SUBJECT = "Reminder: {step}"
UPDATE_SUBJECT = "{offer}: {step}"


class NudgeChannel(StrEnum):
    MAIL = "mail"  # opened in the mail program
    COPY = "copy"  # copied, to send some other way


@dataclass(frozen=True, slots=True)
class NudgeDraft:
    step_id: int
    journey_id: int
    client_name: str
    email: str
    subject: str
    body: str
    from_template: bool  # the step's own template (else DeliveryDesk's default words)
    last_nudged_at: datetime | None  # the journey's last nudge, for "last contact"
    last_nudged_step: str


def first_name(name: str) -> str:
    """The first word of the client's name ("Zoë" of "Zoë Müller"); the whole name when it
    is one word."""
    words = name.split()
    return words[0] if words else name


def nudge_values(
    *,
    client_name: str,
    step: str,
    next_step: str,
    phase: str,
    due_on: date,
    practice_name: str,
    offer: str,
    words: Words = ENGLISH,
) -> dict[str, str]:
    """A value for every placeholder (model.offer_rules.PLACEHOLDERS)."""
    return {
        "client_first_name": first_name(client_name),
        "client_name": client_name,
        "step": step,
        "next_step": next_step or step,
        "phase": phase,
        "due_date": words.long_date(due_on),
        "practice_name": practice_name,
        "offer": offer,
    }


def nudge_draft(ctx: Context, step_id: int, words: Words = ENGLISH) -> NudgeDraft:
    """The message for a client's step or a reassurance touchpoint, ready to edit."""
    with ctx.db.sessions() as session:
        row = session.execute(
            select(JourneyStep, Journey, Client, JourneyPhase.name)
            .join(Journey, Journey.id == JourneyStep.journey_id)
            .join(Client, Client.id == Journey.client_id)
            .join(JourneyPhase, JourneyPhase.id == JourneyStep.phase_id)
            .where(JourneyStep.id == step_id)
        ).first()
        if row is None:
            raise NotFound(RefusalCode.STEP_GONE)
        step, journey, client, phase_name = row
        if step.owner is not Owner.CLIENT and not step.is_touchpoint:
            raise InvalidInput(RefusalCode.NUDGE_NOT_CLIENTS_STEP, step=step.title)
        # The next open step the client sees, in their words, as the step itself.
        after = session.execute(
            select(JourneyStep.kind, JourneyStep.title, JourneyStep.client_wording)
            .where(
                JourneyStep.journey_id == journey.id,
                JourneyStep.position > step.position,
                JourneyStep.completed_on.is_(None),
                JourneyStep.client_facing.is_(True),
            )
            .order_by(JourneyStep.position)
            .limit(1)
        ).first()
        last = session.execute(
            select(Activity.at, Activity.detail)
            .where(Activity.journey_id == journey.id, Activity.kind == ActivityKind.NUDGE_SENT)
            .order_by(Activity.at.desc(), Activity.id.desc())
            .limit(1)
        ).first()
        practice = get_practice(ctx)
        values = nudge_values(
            client_name=client.name,
            step=words.client_step(step.kind, step.title, step.client_wording),
            next_step=words.client_step(*after) if after else "",
            phase=phase_name,
            due_on=step.due_on,
            practice_name=practice.name if practice else "",
            offer=journey.offer_name,
            words=words,
        )
        own = bool(step.message_template.strip())
        template = step.message_template if own else _default(step.owner)
        subject = UPDATE_SUBJECT if step.owner is not Owner.CLIENT else CLIENT_SUBJECT
        return NudgeDraft(
            step.id,
            journey.id,
            client.name,
            client.email,
            fill_template(subject, values),
            fill_template(template, values),
            own,
            last.at if last else None,
            str(last.detail.get("step", "")) if last else "",
        )


def _default(owner: Owner) -> str:
    return CLIENT_TEMPLATE if owner is Owner.CLIENT else UPDATE_TEMPLATE


def record_nudge(ctx: Context, step_id: int, channel: NudgeChannel) -> Changes:
    """Log that the client was nudged about the step: their journey's last contact."""
    with ctx.transaction() as session:
        step = session.get(JourneyStep, step_id)
        if step is None:
            raise NotFound(RefusalCode.STEP_GONE)
        journey = step.journey
        activity.log(
            session,
            ctx.clock,
            journey,
            ActivityKind.NUDGE_SENT,
            step=step.title,
            step_id=step.id,
            channel=channel,
        )
        # Only the client's page shows it (the activity log); no card or row changes.
        return Changes(
            journeys=frozenset({journey.id}),
            clients=frozenset({journey.client_id}),
            aspects=Aspect.NOTES,
        )


def mailto_url(to: str, subject: str, body: str) -> str:
    """A mailto: address with the subject and body percent-encoded (RFC 6068): line
    breaks as CRLF, every character outside ASCII as UTF-8."""
    body = body.replace("\r\n", "\n").replace("\n", "\r\n")
    query = f"subject={quote(subject, safe='')}&body={quote(body, safe='')}"
    return f"mailto:{quote(to.strip(), safe='@')}?{query}"
