"""Sending a client their paper: the document made and kept in the data folder's `sent`
folder, a message drafted with the nudges' placeholders, the system's mail composer
opened with both (mail_composer), and the send logged on the client's journey as a
contact. That entry counts on the dashboard as a client kept informed, and the next
progress report's "recent wins" start from the last one sent.

One client at a time (`send_document`) or progress reports for many (`send_progress_
reports`, run in the background with progress and a stop between clients).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select

from deliverydesk.model.entities import (
    Activity,
    Client,
    Journey,
    JourneyPhase,
    JourneyStep,
    Offer,
)
from deliverydesk.model.rules.document_messages import DocumentMessages
from deliverydesk.model.rules.enums import ActivityKind
from deliverydesk.model.rules.offer_rules import fill_template
from deliverydesk.services.changes import Aspect, Changes, Result
from deliverydesk.services.context import Context
from deliverydesk.services.errors import InvalidInput, NotFound
from deliverydesk.services.journeys import activity
from deliverydesk.services.journeys.nudge import NudgeChannel, nudge_values
from deliverydesk.services.paper import mail_composer
from deliverydesk.services.paper.report_data import report_journey
from deliverydesk.services.paper.report_export import (
    Document,
    DocumentKind,
    make_document,
    save_document,
)
from deliverydesk.services.practice.practice import get_practice
from deliverydesk.wording import ENGLISH, RefusalCode, Words

SENT_FOLDER = "sent"  # in the data folder: one folder a day of the documents sent

# English, like every text a service writes; the person edits it in the mail program.
SUBJECTS = {
    DocumentKind.PROGRESS: "{offer}: your progress report, {client_name}",
    DocumentKind.ONBOARDING: "Welcome to {offer}, {client_first_name}",
    DocumentKind.CHECKLIST: "{offer}: your checklist",
    DocumentKind.INTAKE: "{offer}: your intake form",
}


@dataclass(frozen=True, slots=True)
class SendDraft:
    """The message that goes with a client's document."""

    client_id: int
    journey_id: int
    client_name: str
    email: str
    subject: str
    body: str


@dataclass(frozen=True, slots=True)
class Sent:
    """One document sent: where its file is, the message, and whether a composer took it
    (if not, the person is shown the file and given the message to paste)."""

    client_id: int
    client_name: str
    kind: DocumentKind
    path: Path
    draft: SendDraft
    opened: bool

    @property
    def message(self) -> str:
        """The message as one text, for the clipboard when no composer took it."""
        to = f"To: {self.draft.email}\n" if self.draft.email else ""
        return f"{to}Subject: {self.draft.subject}\n\n{self.draft.body}"


def send_draft(
    ctx: Context, kind: DocumentKind, client_id: int, words: Words = ENGLISH
) -> SendDraft:
    """The subject and message for sending the client's `kind` of document: the message the
    journey's offer has for that document (else the built-in one), with every placeholder
    filled (the nudges' placeholders)."""
    journey_id = report_journey(ctx, client_id)
    with ctx.db.engine.connect() as connection:
        row = connection.execute(
            select(
                Client.name,
                Client.email,
                Journey.offer_name,
                Journey.current_position,
                Offer.document_messages,
            )
            .join(Journey, Journey.client_id == Client.id)
            .outerjoin(Offer, Offer.id == Journey.offer_id)  # none: the offer was deleted
            .where(Journey.id == journey_id)
        ).one()
        name, email, offer, position, messages = row
        phase = connection.execute(
            select(JourneyPhase.name)
            .where(JourneyPhase.journey_id == journey_id, JourneyPhase.position >= position)
            .order_by(JourneyPhase.position)
            .limit(1)
        ).scalar()
        after = connection.execute(
            select(
                JourneyStep.kind, JourneyStep.title, JourneyStep.client_wording, JourneyStep.due_on
            )
            .where(
                JourneyStep.journey_id == journey_id,
                JourneyStep.completed_on.is_(None),
                JourneyStep.client_facing.is_(True),
            )
            .order_by(JourneyStep.due_on, JourneyStep.position)
            .limit(1)
        ).first()
    practice = get_practice(ctx)
    step = words.client_step(*after[:3]) if after else ""
    values = nudge_values(
        client_name=name,
        step=step,
        next_step=step,
        phase=phase or "",
        due_on=after[3] if after else ctx.clock.today(),
        practice_name=practice.name if practice else "",
        offer=offer,
        words=words,
    )
    return SendDraft(
        client_id,
        journey_id,
        name,
        email.strip(),
        fill_template(SUBJECTS[kind], values),
        fill_template(DocumentMessages.from_stored(messages).message(kind.value), values),
    )


def sent_folder(ctx: Context, today: date) -> Path:
    """Where today's documents sent are kept (made when first needed)."""
    folder = ctx.path.parent / SENT_FOLDER / today.isoformat()
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def send_document(
    ctx: Context,
    client_id: int,
    document: Document | None = None,
    *,
    kind: DocumentKind = DocumentKind.PROGRESS,
    compose: Callable[[mail_composer.MailDraft], bool] = mail_composer.compose,
) -> Result[Sent]:
    """Send the client a document: `document` as made (the preview's, with its note), or
    a new one of `kind`. The file is kept in the sent folder, the composer opened with it
    and the message, and the send logged as the client's contact."""
    if document is None:
        document = make_document(ctx, kind, client_id=client_id)
    draft = send_draft(ctx, document.kind, client_id)
    try:
        path = sent_folder(ctx, ctx.clock.today()) / document.file_name
        save_document(document, path)
    except OSError as error:
        raise InvalidInput(
            RefusalCode.DOCUMENT_NOT_KEPT_FOR_SENDING, folder=ctx.path.parent / SENT_FOLDER
        ) from error
    opened = compose(mail_composer.MailDraft(draft.email, draft.subject, draft.body, path))
    channel = NudgeChannel.MAIL if opened else NudgeChannel.COPY
    changes = record_sent(ctx, draft.journey_id, document.kind, channel, path.name)
    sent = Sent(client_id, draft.client_name, document.kind, path, draft, opened)
    return Result(sent, changes)


def record_sent(
    ctx: Context, journey_id: int, kind: DocumentKind, channel: NudgeChannel, file_name: str
) -> Changes:
    """Log that the client was sent the document: a contact on their journey."""
    with ctx.transaction() as session:
        journey = session.get(Journey, journey_id)
        if journey is None:
            raise NotFound(RefusalCode.CLIENT_GONE)
        activity.log(
            session,
            ctx.clock,
            journey,
            ActivityKind.DOCUMENT_SENT,
            document=kind,
            channel=channel,
            file=file_name,
        )
        return Changes(
            journeys=frozenset({journey.id}),
            clients=frozenset({journey.client_id}),
            aspects=Aspect.NOTES | Aspect.CONTACT,
        )


def last_sent(ctx: Context, journey_id: int, kind: DocumentKind) -> datetime | None:
    """When the journey's client was last sent a document of `kind`."""
    with ctx.db.engine.connect() as connection:
        rows = connection.execute(
            select(Activity.at, Activity.detail)
            .where(Activity.journey_id == journey_id, Activity.kind == ActivityKind.DOCUMENT_SENT)
            .order_by(Activity.at.desc(), Activity.id.desc())
        ).all()
    return next((at for at, detail in rows if detail.get("document") == kind.value), None)


@dataclass(frozen=True, slots=True)
class BatchSent:
    """What a batch of progress reports came to; `stopped` when the person stopped it."""

    sent: tuple[Sent, ...]
    skipped: tuple[str, ...]  # names of clients whose report could not be made
    stopped: bool


def send_progress_reports(
    ctx: Context,
    client_ids: Sequence[int] | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    compose: Callable[[mail_composer.MailDraft], bool] = mail_composer.compose,
) -> Result[BatchSent]:
    """A progress report and its draft for each of `client_ids` (default: every client
    with an active journey), one composer window each; a stop is heard between clients,
    and what was sent so far stays sent and logged."""
    from deliverydesk.services.paper.report_packs import active_clients, client_names

    clients = active_clients(ctx) if client_ids is None else client_names(ctx, client_ids)
    if not clients:
        raise InvalidInput(RefusalCode.NO_CLIENT_TO_SEND_TO)
    done: list[Sent] = []
    skipped: list[str] = []
    journeys: set[int] = set()
    stopped = False
    for index, (client_id, name) in enumerate(clients):
        if cancelled is not None and cancelled():
            stopped = True
            break
        if progress is not None:
            progress(index, len(clients))
        try:
            result = send_document(ctx, client_id, compose=compose)
        except (InvalidInput, NotFound):  # no journey, or gone meanwhile: the others go on
            skipped.append(name)
            continue
        done.append(result.value)
        journeys |= result.changes.journeys
    if progress is not None and not stopped:
        progress(len(clients), len(clients))
    changes = Changes(
        journeys=frozenset(journeys),
        clients=frozenset(s.client_id for s in done),
        aspects=Aspect.NOTES | Aspect.CONTACT,
    )
    return Result(BatchSent(tuple(done), tuple(skipped), stopped), changes)
