"""The Practice review's data: the dashboard counted over a chosen period
(services/views/dashboard.py), worded for paper. The same figures as the screen, each
with the counts behind it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from deliverydesk.reports.practice_review import (
    Figure,
    PartBar,
    PhaseLine,
    PracticeReview,
    WeekBar,
    practice_review_pdf,
)
from deliverydesk.services.context import Context
from deliverydesk.services.errors import InvalidInput
from deliverydesk.services.offers.offer_file import write_atomically
from deliverydesk.services.paper.report_data import brand
from deliverydesk.services.views.dashboard import (
    PART_NAMES,
    RECOMMEND_SCORE,
    Dashboard,
    Ratio,
    dashboard,
)
from deliverydesk.wording import RefusalCode


def _of(ratio: Ratio) -> str:
    return f"{ratio.hits:,} of {ratio.total:,}"


def _percent(ratio: Ratio) -> str:
    return "–" if ratio.percent is None else f"{ratio.percent} %"


def _ten(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f} / 10"


def review_data(ctx: Context, since: date, until: date) -> PracticeReview:
    """The review of `since` to `until` (both included); refused when they are the wrong
    way round or the period ends after today."""
    if since > until:
        raise InvalidInput(RefusalCode.REVIEW_PERIOD_BACKWARDS, since=since, until=until)
    if until > ctx.clock.today():
        raise InvalidInput(RefusalCode.REVIEW_PERIOD_AHEAD, until=until)
    board = dashboard(ctx, since, until)
    is_now = until == ctx.clock.today()
    return PracticeReview(
        brand(ctx),
        since,
        until,
        _figures(board),
        tuple(
            PartBar(PART_NAMES[p.part], p.ratio.share, _of(p.ratio)) for p in board.integrity.parts
        ),
        # The load ahead is today's; a period that ended earlier has none to show.
        tuple(
            WeekBar(
                f"{w.week_start.day} {w.week_start:%b}", w.booked_hours, w.capacity_hours, w.over
            )
            for w in board.capacity.weeks
        )
        if is_now and board.active
        else (),
        tuple(
            PhaseLine(w.offer_name, w.phase_name, w.clients, w.spent_days, w.planned_days)
            for w in board.phases
        ),
        _feedback(board),
    )


def _figures(board: Dashboard) -> tuple[Figure, ...]:
    integrity, steps, feedback = board.integrity, board.on_time.steps, board.feedback
    weakest = integrity.weakest
    worst = board.bottleneck
    return (
        Figure(
            "Integrity",
            _ten(integrity.score),
            f"The average of {len(integrity.counted)} parts; the weakest: "
            f"{PART_NAMES[weakest.part].lower()}."
            if weakest
            else "Nothing to count in this period.",
        ),
        Figure(
            "On time",
            _percent(steps),
            f"Steps due in the period done by their due date ({_of(steps)}).",
        ),
        Figure(
            "Bottleneck phase",
            f"+{worst.over_days} days" if worst else "None",
            f"{worst.offer_name} · {worst.phase_name}: a median {worst.spent_days} days "
            f"against {worst.planned_days} planned ({worst.clients} clients)."
            if worst
            else "No phase ran over plan.",
        ),
        Figure(
            "Feedback",
            _ten(feedback.average),
            f"The average of {feedback.scored} scores; {feedback.recommend} were "
            f"{RECOMMEND_SCORE} or 10."
            if feedback.scored
            else "No score recorded in the period.",
        ),
    )


def _feedback(board: Dashboard) -> tuple[str, ...]:
    feedback = board.feedback
    if not feedback.records and not feedback.follow_ups_waiting:
        return ("No feedback was recorded in this period.",)
    lines = [
        f"{feedback.records} pieces of feedback, {feedback.scored} with a score; "
        f"testimonials allowed: {feedback.testimonials}.",
        f"Referrals: {feedback.referrals_asked} asked, {feedback.referrals_given} given.",
    ]
    if feedback.follow_ups_answered or feedback.follow_ups_waiting:
        lines.append(
            f"Follow-ups after completion: {feedback.follow_ups_answered} answered, "
            f"{feedback.follow_ups_waiting} waiting."
        )
    return tuple(lines)


def practice_review(
    ctx: Context, since: date, until: date, notes: list[str] | None = None
) -> bytes:
    return practice_review_pdf(review_data(ctx, since, until), notes)


def save_practice_review(ctx: Context, path: Path, since: date, until: date) -> tuple[str, ...]:
    """Write the review to `path` atomically; what the person should be told."""
    notes: list[str] = []
    write_atomically(path, practice_review(ctx, since, until, notes))
    return tuple(notes)
