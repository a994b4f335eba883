"""Feedback on a journey: record it (at a checkpoint, at any time, or as the answer to
the follow-up after completion), change it, take it back; each returns what its undo
needs, and every one is in the activity log.

Recording feedback about a checkpoint clears its "Feedback due" badge: the summary hook
(store/summaries.py) sees the feedback row come and go.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy.orm import Session

from deliverydesk.model.entities import Feedback, Journey, JourneyStep
from deliverydesk.model.rules.enums import ActivityKind
from deliverydesk.services.changes import Aspect, Changes, Result
from deliverydesk.services.context import Context
from deliverydesk.services.errors import InvalidInput, NotFound
from deliverydesk.services.journeys import activity
from deliverydesk.services.validation import clean_line, clean_text
from deliverydesk.wording import RefusalCode

MAX_TEXT_LENGTH = 100_000
MAX_NAME_LENGTH = 200


@dataclass(frozen=True, slots=True)
class FeedbackEntry:
    """What a feedback record holds, as a person enters it (and as an undo puts it back)."""

    score: int | None
    words: str = ""
    step_id: int | None = None  # the checkpoint it answers, if one
    testimonial_ok: bool = False
    referral_asked: bool = False
    referral_given: bool = False
    referral_name: str = ""  # who they referred: naming someone is a referral given
    received_on: date | None = None  # None: today
    follow_up: bool = False  # the answer to "How has it gone since?" after completion


def record_feedback(
    ctx: Context,
    journey_id: int,
    *,
    score: int | None,
    words: str = "",
    step_id: int | None = None,
    testimonial_ok: bool = False,
    referral_asked: bool = False,
    referral_given: bool = False,
    referral_name: str = "",
    received_on: date | None = None,
    follow_up: bool = False,
    feedback_id: int | None = None,
) -> tuple[int, Changes]:
    """Record feedback; `feedback_id` puts back one taken back (a redo or the undo of a
    delete) under its own id, so the commands stacked after it still find it."""
    entry = FeedbackEntry(
        score,
        words,
        step_id,
        testimonial_ok,
        referral_asked,
        referral_given,
        referral_name,
        received_on,
        follow_up,
    )
    made = add_feedback(ctx, journey_id, entry, feedback_id)
    return made.value, made.changes


def add_feedback(
    ctx: Context, journey_id: int, entry: FeedbackEntry, feedback_id: int | None = None
) -> Result[int]:
    entry = _checked(ctx, entry)
    with ctx.transaction() as session:
        journey = session.get(Journey, journey_id)
        if journey is None:
            raise NotFound(RefusalCode.JOURNEY_GONE)
        _check_step(session, journey, entry.step_id)
        if feedback_id is not None and session.get(Feedback, feedback_id) is not None:
            raise InvalidInput(RefusalCode.FEEDBACK_CHANGED)
        feedback = Feedback(id=feedback_id, journey_id=journey_id)
        _write(feedback, entry)
        session.add(feedback)
        session.flush()  # its id, for the log; the flush also clears "feedback due"
        activity.log(
            session,
            ctx.clock,
            journey,
            ActivityKind.FEEDBACK_RECORDED,
            feedback_id=feedback.id,
            score=_score_words(entry.score),
        )
        return Result(feedback.id, _changed(journey))


def change_feedback(ctx: Context, feedback_id: int, entry: FeedbackEntry) -> Result[FeedbackEntry]:
    """Change a record to `entry`; the value is how it stood before, for the undo."""
    entry = _checked(ctx, entry)
    with ctx.transaction() as session:
        feedback = session.get(Feedback, feedback_id)
        if feedback is None:
            raise NotFound(RefusalCode.FEEDBACK_GONE)
        journey = session.get(Journey, feedback.journey_id)
        assert journey is not None  # a feedback's journey is a foreign key with cascade
        _check_step(session, journey, entry.step_id)
        before = entry_of(feedback)
        _write(feedback, entry)
        activity.log(
            session,
            ctx.clock,
            journey,
            ActivityKind.FEEDBACK_CHANGED,
            feedback_id=feedback.id,
            score=_score_words(entry.score),
        )
        return Result(before, _changed(journey))


def remove_feedback(ctx: Context, feedback_id: int) -> Result[FeedbackEntry]:
    """Delete a record; the value is what it held, for the undo (which records it again
    under its id). The activity log keeps that it was."""
    with ctx.transaction() as session:
        feedback = session.get(Feedback, feedback_id)
        if feedback is None:
            raise NotFound(RefusalCode.FEEDBACK_GONE)
        journey = session.get(Journey, feedback.journey_id)
        assert journey is not None
        before = entry_of(feedback)
        session.delete(feedback)
        activity.log(
            session, ctx.clock, journey, ActivityKind.FEEDBACK_REMOVED, feedback_id=feedback_id
        )
        return Result(before, _changed(journey))


def entry_of(feedback: Feedback) -> FeedbackEntry:
    return FeedbackEntry(
        feedback.score,
        feedback.words,
        feedback.step_id,
        feedback.testimonial_ok,
        feedback.referral_asked,
        feedback.referral_given,
        feedback.referral_name,
        feedback.received_on,
        feedback.follow_up,
    )


def _checked(ctx: Context, entry: FeedbackEntry) -> FeedbackEntry:
    """The entry as stored: words trimmed, a named referral given, the day today if none."""
    if entry.score is not None and not 0 <= entry.score <= 10:
        raise InvalidInput(RefusalCode.SCORE_OUT_OF_RANGE)
    received_on = entry.received_on or ctx.clock.today()
    if received_on > ctx.clock.today():
        raise InvalidInput(RefusalCode.FEEDBACK_NOT_YET, received=received_on)
    words = clean_text(entry.words, "What the client said", MAX_TEXT_LENGTH).strip()
    name = clean_line(entry.referral_name, "The referral's name", MAX_NAME_LENGTH)
    return replace(
        entry,
        words=words,
        referral_name=name,
        referral_given=entry.referral_given or bool(name),
        received_on=received_on,
    )


def _write(feedback: Feedback, entry: FeedbackEntry) -> None:
    feedback.step_id = entry.step_id
    assert entry.received_on is not None  # _checked sets it
    feedback.received_on = entry.received_on
    feedback.score = entry.score
    feedback.words = entry.words
    feedback.testimonial_ok = entry.testimonial_ok
    feedback.referral_asked = entry.referral_asked
    feedback.referral_given = entry.referral_given
    feedback.referral_name = entry.referral_name
    feedback.follow_up = entry.follow_up


def _score_words(score: int | None) -> int | str:
    return "—" if score is None else score


def _changed(journey: Journey) -> Changes:
    return Changes(
        journeys=frozenset({journey.id}),
        clients=frozenset({journey.client_id}),
        aspects=Aspect.FEEDBACK,
    )


def _check_step(session: Session, journey: Journey, step_id: int | None) -> None:
    if step_id is None:
        return
    step = session.get(JourneyStep, step_id)
    if step is None or step.journey_id != journey.id:
        raise InvalidInput(RefusalCode.STEP_NOT_IN_JOURNEY)
