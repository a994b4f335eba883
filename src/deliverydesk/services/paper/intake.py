"""The intake form's round trip: the key that ties a form to its client, offer and
questions; reading a filled form back; saving the answers on the client and ticking the
journey's intake step.

The key is "v1:<client id>:<offer id>:<questions hash>:<check>", where the check is a hash
of the rest with a value only this practice's database holds, so a form edited to claim
another client, or with other questions, is refused with the reason. A form made from an
offer as a template (client 0) can be returned by any client of that offer.
"""

from __future__ import annotations

import copy
import hashlib
import json
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from deliverydesk.model.entities import Client, Journey, JourneyStep, Offer, Practice
from deliverydesk.model.rules.enums import ActivityKind, JourneyStatus, QuestionKind, StepKind
from deliverydesk.model.rules.offer_design import IntakeQuestion
from deliverydesk.services.changes import Aspect, Changes, Result
from deliverydesk.services.context import Context
from deliverydesk.services.errors import InvalidInput, NotFound
from deliverydesk.services.journeys import activity
from deliverydesk.services.journeys.journeys import PhaseMove, move_on, put_back
from deliverydesk.services.offers.offer_format import question_documents
from deliverydesk.services.offers.offers import load_offer, spec_of
from deliverydesk.services.validation import refuse_database_file
from deliverydesk.wording import RefusalCode

VERSION = "v2"  # v2: signed with the practice's own random secret
KEY_FIELD = "deliverydesk_form"  # as reports/intake_form.py names the hidden field
MAX_FORM_BYTES = 20 * 1024 * 1024
MAX_ID_DIGITS = 18  # SQLite's integers stop at 19 digits
MAX_ANSWER = 10_000
YES_NO = ("Yes", "No")
_LIVE = (JourneyStatus.ACTIVE, JourneyStatus.PAUSED)


@dataclass(frozen=True, slots=True)
class IntakeAnswer:
    question: str
    kind: QuestionKind
    answer: str  # as the client wrote or chose it; "" when left blank


@dataclass(frozen=True, slots=True)
class FilledForm:
    client_id: int
    offer_id: int
    offer_name: str
    answers: tuple[IntakeAnswer, ...]


def questions_hash(questions: tuple[IntakeQuestion, ...]) -> str:
    text = json.dumps(question_documents(questions), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _secret(session: Session) -> str:
    # The practice's own random secret (migration 0007): two practices made alike, even
    # the same second, never accept each other's forms.
    secret = session.scalar(select(Practice.form_secret).order_by(Practice.id).limit(1))
    if secret is None:
        raise NotFound(RefusalCode.NO_PRACTICE_YET)
    return secret


def _check(secret: str, body: str) -> str:
    return hashlib.sha256(f"{secret}|{body}".encode()).hexdigest()[:16]


def form_key(
    ctx: Context, client_id: int, offer_id: int, questions: tuple[IntakeQuestion, ...]
) -> str:
    """The hidden field's value for a form sent to `client_id` (0: any client)."""
    body = f"{VERSION}:{client_id}:{offer_id}:{questions_hash(questions)}"
    with ctx.db.sessions() as session:
        return f"{body}:{_check(_secret(session), body)}"


def _key(fields: dict[str, Any]) -> list[str]:
    """The form key's five parts; InvalidInput when there is none or it cannot be read."""
    key = _value(fields.get(KEY_FIELD))
    if not key:
        raise InvalidInput(RefusalCode.INTAKE_NO_FORM_KEY)
    parts = key.split(":")
    if parts[0] == "v1":  # signed with the practice's id and creation time (before 0007)
        raise InvalidInput(RefusalCode.INTAKE_FORM_TOO_OLD)
    if len(parts) != 5 or parts[0] != VERSION or not all(map(_is_id, parts[1:3])):
        raise InvalidInput(RefusalCode.INTAKE_KEY_UNREADABLE)
    return parts


def _is_id(text: str) -> bool:
    """A record number as the key writes it: ASCII digits, small enough for the database
    (a 5,000-digit one would not even convert to a number)."""
    return text.isascii() and text.isdigit() and len(text) <= MAX_ID_DIGITS


def _verify(session: Session, parts: list[str]) -> None:
    if _check(_secret(session), ":".join(parts[:4])) != parts[4]:
        raise InvalidInput(RefusalCode.INTAKE_KEY_MISMATCH)


@dataclass(frozen=True, slots=True)
class FormAddress:
    """Whom a filled form says it was made for, read before the person picks the client."""

    client_id: int | None  # None: made from the offer as a template, for any of its clients
    client_name: str  # "" for a template, or a client no longer there
    offer_id: int
    offer_name: str  # "" for an offer no longer there


def form_address(ctx: Context, path: Path) -> FormAddress:
    """The client and offer a filled intake form names. Raises InvalidInput, saying why,
    for a file that is not one of this practice's intake forms or that was altered."""
    parts = _key(_fields(path))
    sent_to, offer_id = int(parts[1]), int(parts[2])
    with ctx.db.sessions() as session:
        _verify(session, parts)
        client = session.get(Client, sent_to) if sent_to else None
        offer = session.get(Offer, offer_id)
        return FormAddress(
            sent_to or None,
            client.name if client is not None else "",
            offer_id,
            offer.name if offer is not None else "",
        )


def read_filled_form(ctx: Context, path: Path, client_id: int) -> FilledForm:
    """The answers of a filled intake form, for a preview before saving. Raises
    InvalidInput, saying why, for a file that is not one of this practice's forms, one made
    for another client or offer, or one that was altered."""
    fields = _fields(path)
    parts = _key(fields)
    sent_to, offer_id = int(parts[1]), int(parts[2])
    with ctx.db.sessions() as session:
        _verify(session, parts)
        client = session.get(Client, client_id)
        if client is None:
            raise NotFound(RefusalCode.CLIENT_GONE)
        if sent_to and sent_to != client_id:
            other = session.get(Client, sent_to)
            if other is None:
                raise InvalidInput(RefusalCode.INTAKE_FORM_FOR_OTHER_CLIENT, client=client.name)
            raise InvalidInput(
                RefusalCode.INTAKE_FORM_FOR_NAMED_CLIENT, other=other.name, client=client.name
            )
        try:
            spec = spec_of(load_offer(session, offer_id))
        except NotFound:
            raise InvalidInput(RefusalCode.INTAKE_OFFER_GONE) from None
        enrolled = session.scalar(
            select(Journey.id).where(Journey.client_id == client_id, Journey.offer_id == offer_id)
        )
        if enrolled is None:
            raise InvalidInput(
                RefusalCode.INTAKE_CLIENT_NOT_ENROLLED, offer=spec.name, client=client.name
            )
    if questions_hash(spec.intake_questions) != parts[3]:
        raise InvalidInput(RefusalCode.INTAKE_QUESTIONS_CHANGED, offer=spec.name)
    answers = []
    for index, question in enumerate(spec.intake_questions):
        name = f"q{index + 1}"
        if name not in fields:
            raise InvalidInput(RefusalCode.INTAKE_QUESTION_WITHOUT_FIELD, question=index + 1)
        answers.append(IntakeAnswer(question.text, question.kind, _answer(question, fields[name])))
    return FilledForm(client_id, offer_id, spec.name, tuple(answers))


def _fields(path: Path) -> dict[str, Any]:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    refuse_database_file(path)
    try:
        if path.stat().st_size > MAX_FORM_BYTES:
            raise InvalidInput(RefusalCode.INTAKE_FILE_TOO_LARGE)
        reader = PdfReader(path, strict=False)
        if reader.is_encrypted:
            raise InvalidInput(RefusalCode.PDF_PASSWORD_LOCKED)
        return dict(reader.get_fields() or {})
    except FileNotFoundError:
        raise InvalidInput(RefusalCode.NO_FILE_AT, path=path) from None
    except (PyPdfError, OSError, ValueError, KeyError, TypeError, RecursionError):
        raise InvalidInput(RefusalCode.NOT_A_PDF) from None


def _value(field: Any) -> str:
    if not isinstance(field, dict):
        return ""
    value = field.get("/V")
    return "" if value is None else str(value)


def _answer(question: IntakeQuestion, field: Any) -> str:
    value = _value(field)
    if question.kind in (QuestionKind.CHOICE, QuestionKind.YES_NO):
        options = YES_NO if question.kind is QuestionKind.YES_NO else question.choices
        chosen = value.lstrip("/")
        if chosen.startswith("c") and chosen[1:].isdigit() and int(chosen[1:]) < len(options):
            return options[int(chosen[1:])]
        return ""  # "/Off" or nothing chosen
    return _clean(value)


def _clean(text: str) -> str:
    """An answer as it can be stored: no NUL or control characters, broken characters
    replaced, at most MAX_ANSWER characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(
        "\ufffd" if unicodedata.category(ch) == "Cs" else ch
        for ch in text
        if unicodedata.category(ch) != "Cc" or ch in "\n\t"
    )
    return text.strip()[:MAX_ANSWER]


def intake_step(session: Session, client_id: int, offer_id: int) -> JourneyStep | None:
    """The journey's intake step: a form step named like "intake", else its first form step."""
    journey_id = session.scalar(
        select(Journey.id)
        .where(
            Journey.client_id == client_id, Journey.offer_id == offer_id, Journey.status.in_(_LIVE)
        )
        .order_by(Journey.start_on.desc())
    )
    if journey_id is None:
        return None
    forms = session.scalars(
        select(JourneyStep)
        .where(JourneyStep.journey_id == journey_id, JourneyStep.kind == StepKind.FORM)
        .order_by(JourneyStep.position)
    ).all()
    named = [s for s in forms if "intake" in s.title.casefold()]
    candidates = named or list(forms)
    return candidates[0] if candidates else None


@dataclass(frozen=True)
class SavedIntake:
    """What saving a client's answers changed: what undoing it needs."""

    before: Mapping[str, Any]  # the client's intake record as it was (empty: none)
    after: Mapping[str, Any]  # the record the save wrote: an undo's `expected`
    step_id: int | None  # the intake step it ticked; None when none was ticked
    ticked_on: date | None
    moved: PhaseMove | None = None  # the tick closed the client's phase: moved on
    # The step had been brought in (done before DeliveryDesk) and opened again: the tick is
    # work done today and clears that mark, as a tick by hand does; undo puts it back.
    was_brought_in: bool = False


def save_intake_answers(ctx: Context, client_id: int, form: FilledForm) -> Result[SavedIntake]:
    """Keep the answers on the client and tick the intake step if it is open, in one
    transaction; the value holds the answers they replace and the step ticked (for undo)."""
    if form.client_id != client_id:
        raise InvalidInput(RefusalCode.INTAKE_ANSWERS_FOR_OTHER_CLIENT)
    today = ctx.clock.today()
    with ctx.transaction() as session:
        client = session.get(Client, client_id)
        if client is None:
            raise NotFound(RefusalCode.CLIENT_GONE)
        before = copy.deepcopy(client.intake) if isinstance(client.intake, dict) else {}
        after = {
            "offer_id": form.offer_id,
            "offer": form.offer_name,
            "received_on": today.isoformat(),
            "answers": [
                {"question": a.question, "kind": a.kind.value, "answer": a.answer}
                for a in form.answers
            ],
        }
        client.intake = copy.deepcopy(after)
        step = intake_step(session, client_id, form.offer_id)
        ticked = None
        moved = None
        was_brought_in = False
        journeys: frozenset[int] = frozenset()
        if step is not None:
            journeys = frozenset({step.journey_id})
            activity.log(
                session, ctx.clock, step.journey, ActivityKind.INTAKE_RECEIVED,
                answers=sum(bool(a.answer) for a in form.answers),
            )  # fmt: skip
            if step.completed_on is None:
                step.completed_on = today
                ticked = step.id
                was_brought_in, step.brought_in = step.brought_in, False
                activity.log(
                    session, ctx.clock, step.journey, ActivityKind.STEP_COMPLETED,
                    step=step.title, step_id=step.id, on=today,
                )  # fmt: skip
                moved = move_on(ctx, session, step.journey, step)
    aspects = Aspect.CLIENT | (Aspect.STEPS | Aspect.CAPACITY if ticked else Aspect.NONE)
    aspects |= Aspect.PHASE if moved else Aspect.NONE
    return Result(
        SavedIntake(before, after, ticked, today if ticked else None, moved, was_brought_in),
        Changes(journeys=journeys, clients=frozenset({client_id}), aspects=aspects),
    )


def restore_intake(
    ctx: Context, client_id: int, saved: SavedIntake, *, expected: Mapping[str, Any] | None = None
) -> Result[None]:
    """Undo `save_intake_answers`: the answers the client had before come back and the step
    it ticked is opened again (left as it is when it was marked done on another day since).

    `expected` (an undo's): the answers the client must still have. Answers replaced since
    (another form imported by another window or program) are left as they are, and so is
    everything else."""
    with ctx.transaction() as session:
        client = session.get(Client, client_id)
        if client is None:
            raise NotFound(RefusalCode.CLIENT_GONE)
        if expected is not None and client.intake != expected:
            raise InvalidInput(RefusalCode.INTAKE_ANSWERS_REPLACED_SINCE, client=client.name)
        client.intake = copy.deepcopy(dict(saved.before))
        journeys: frozenset[int] = frozenset()
        step = session.get(JourneyStep, saved.step_id) if saved.step_id is not None else None
        if (
            step is not None
            and saved.ticked_on is not None
            and step.completed_on == saved.ticked_on
        ):
            if saved.moved is not None:  # back to the phase it was in, unless moved since
                put_back(ctx, session, step.journey_id, saved.moved.before, saved.moved.after)
            step.completed_on = None
            step.brought_in = saved.was_brought_in
            journeys = frozenset({step.journey_id})
            activity.log(
                session, ctx.clock, step.journey, ActivityKind.STEP_REOPENED,
                step=step.title, step_id=step.id, was=saved.ticked_on,
            )  # fmt: skip
    aspects = Aspect.CLIENT | (Aspect.STEPS | Aspect.CAPACITY if journeys else Aspect.NONE)
    aspects |= Aspect.PHASE if journeys and saved.moved else Aspect.NONE
    return Result(None, Changes(journeys=journeys, clients=frozenset({client_id}), aspects=aspects))


def intake_answers(ctx: Context, client_id: int) -> tuple[IntakeAnswer, ...]:
    """The answers last imported for the client (none yet: empty)."""
    with ctx.db.sessions() as session:
        client = session.get(Client, client_id)
        if client is None:
            raise NotFound(RefusalCode.CLIENT_GONE)
        stored = client.intake if isinstance(client.intake, dict) else {}
    found = []
    for item in stored.get("answers") or ():
        if isinstance(item, dict) and isinstance(item.get("question"), str):
            kind = item.get("kind")
            found.append(
                IntakeAnswer(
                    item["question"],
                    QuestionKind(kind) if kind in set(QuestionKind) else QuestionKind.SHORT_TEXT,
                    str(item.get("answer", "")),
                )
            )
    return tuple(found)


@dataclass(frozen=True, slots=True)
class IntakeRecord:
    """The intake form last imported for a client, as the client page shows it."""

    offer_name: str
    received_on: date | None
    answers: tuple[IntakeAnswer, ...]


def intake_record(ctx: Context, client_id: int) -> IntakeRecord:
    """The answers last imported for the client, with the offer and the day they came."""
    with ctx.db.sessions() as session:
        client = session.get(Client, client_id)
        if client is None:
            raise NotFound(RefusalCode.CLIENT_GONE)
        stored = client.intake if isinstance(client.intake, dict) else {}
    try:
        received: date | None = date.fromisoformat(str(stored.get("received_on")))
    except ValueError:
        received = None
    offer = stored.get("offer")
    return IntakeRecord(
        offer if isinstance(offer, str) else "", received, intake_answers(ctx, client_id)
    )
