"""The dashboard's figures in words: each big number with the plain sentence under it.

Every sentence names what was counted and the counts behind the figure ("82 % of steps
done on time in the last 90 days (164 of 200)"), so no figure stands alone.
"""

from __future__ import annotations

from deliverydesk.services.views.dashboard import (
    PART_NAMES,
    RECOMMEND_SCORE,
    WINDOW_DAYS,
    Dashboard,
    FeedbackSummary,
    OnTime,
    Part,
    PhaseWait,
    Ratio,
)
from deliverydesk.services.views.timeline import CapacityStrip
from deliverydesk.ui.core import text
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.widgets.capacity_chart import hours, week_label
from deliverydesk.wording import N_

NO_FIGURE = "–"  # an en dash: nothing to count yet


def percent(ratio: Ratio) -> str:
    value = ratio.percent
    # A no-break space: "12 %" never wraps to "12" and "%" on two lines of a sentence.
    return NO_FIGURE if value is None else tr("{percent}\u00a0%").format(percent=value)


def of(ratio: Ratio) -> str:
    """ "164 of 200" """
    return tr("{hits} of {total}").format(hits=f"{ratio.hits:,}", total=f"{ratio.total:,}")


def out_of_ten(value: float | None) -> str:
    return NO_FIGURE if value is None else tr("{value} / 10").format(value=f"{value:.1f}")


def window() -> str:
    return tr("in the last {days} days").format(days=WINDOW_DAYS)


# -- on time ---------------------------------------------------------------------------------


def on_time_sentence(on_time: OnTime) -> str:
    steps = on_time.steps
    if not steps.total:
        return tr(
            "No step was due {window}. Steps count here once their due date has come."
        ).format(window=window())
    said = tr("{percent} of steps done on time {window} ({of}).").format(
        percent=percent(steps), window=window(), of=of(steps)
    )
    split = [
        tr("{who} {percent}").format(who=who, percent=percent(ratio))
        for who, ratio in (
            (tr("Yours"), on_time.mine),
            (tr("clients'"), on_time.client),
            (tr("third parties'"), on_time.third_party),
        )
        if ratio.total
    ]
    return f"{said} {', '.join(split)}."


# -- integrity -------------------------------------------------------------------------------


# Seed 000's quick self check: the question each part answers.
PART_QUESTIONS = {
    Part.ON_TIME: N_("Does delivery consistently match what was promised?"),
    Part.CHECKPOINTS: N_("Is each phase left only once its checkpoint is met?"),
    Part.INFORMED: N_("Do clients always know what is happening and what comes next?"),
    Part.CAPACITY: N_("Is capacity aligned with demand?"),
    Part.FRICTION: N_("Are friction points identified and handled?"),
    Part.RECOMMEND: N_("Would clients refer others based on the experience alone?"),
}


def part_name(part: Part) -> str:
    return tr(PART_NAMES[part])


def part_question(part: Part) -> str:
    return tr(PART_QUESTIONS[part])


def part_sentence(part: Part, ratio: Ratio, board: Dashboard) -> str:
    """What the part counted, or why it has nothing to count (and so stays out)."""
    n = {"hits": f"{ratio.hits:,}", "total": f"{ratio.total:,}", "window": window()}
    if not ratio.total:
        empty = {
            Part.ON_TIME: tr("None of your steps was due {window}."),
            Part.CHECKPOINTS: tr("No phase with a checkpoint was left {window}."),
            Part.INFORMED: tr(
                "No update or check-in was due {window}. Mark such steps as touchpoints "
                "in your offers to count them."
            ),
            Part.CAPACITY: tr("No journey is running, so nothing is booked."),
            Part.FRICTION: tr("No friction was logged {window}."),
            Part.RECOMMEND: tr("No feedback score came in {window}."),
        }[part]
        return empty.format(**n) + " " + tr("Not counted in the score.")
    if ratio.total == 1:  # "1 of 1 frictions ... are" reads as a slip
        one = {
            Part.ON_TIME: tr("{hits} of your 1 step due {window} was done by its due date."),
            Part.CHECKPOINTS: tr(
                "{hits} of 1 checkpoint was done before its phase was left {window}."
            ),
            Part.INFORMED: tr("{hits} of 1 update or check-in was done by its due date."),
            Part.CAPACITY: tr("{hits} of the next 1 week fits your {hours} a week."),
            Part.FRICTION: tr("{hits} of 1 friction logged {window} is resolved."),
            Part.RECOMMEND: tr("{hits} of 1 feedback score {window} was {score} or 10."),
        }[part]
        return one.format(**n, hours=hours(board.capacity.weekly_hours), score=RECOMMEND_SCORE)
    said = {
        Part.ON_TIME: tr("{hits} of your {total} steps due {window} were done by their due date."),
        Part.CHECKPOINTS: tr(
            "{hits} of {total} checkpoints were done before their phase was left {window}."
        ),
        Part.INFORMED: tr("{hits} of {total} updates and check-ins were done by their due date."),
        Part.CAPACITY: tr("{hits} of the next {total} weeks fit your {hours} a week."),
        Part.FRICTION: tr("{hits} of {total} frictions logged {window} are resolved."),
        Part.RECOMMEND: tr("{hits} of {total} feedback scores {window} were {score} or 10."),
    }[part]
    return said.format(**n, hours=hours(board.capacity.weekly_hours), score=RECOMMEND_SCORE)


def integrity_sentence(board: Dashboard) -> str:
    integrity = board.integrity
    counted = integrity.counted
    weakest = integrity.weakest
    if not counted or weakest is None:
        return tr(
            "Nothing to measure yet: the score grows as steps fall due, phases are left "
            "and feedback comes in."
        )
    if len(counted) == 1:  # early days: say which part the score rests on
        return tr("So far only one of the {total} parts can be counted: {part}.").format(
            total=len(integrity.parts), part=part_name(counted[0].part).lower()
        )
    said = tr("The average of the {n} parts below, out of 10.").format(n=len(counted))
    return (
        said
        + " "
        + tr("Weakest: {part} ({percent}).").format(
            part=part_name(weakest.part).lower(), percent=percent(weakest.ratio)
        )
    )


# -- time per phase --------------------------------------------------------------------------


def phase_label(wait: PhaseWait) -> str:
    """ "Build (Sprint)" """
    return tr("{phase} ({offer})").format(phase=wait.phase_name, offer=wait.offer_name)


def over_words(wait: PhaseWait) -> str:
    """ "+9 days", "on plan", "2 days early", or "within plan so far" while clients are
    still in the phase."""
    if wait.over_days > 0:
        return tr("+{days}").format(days=text.days(wait.over_days))
    if wait.over_days == 0:
        return tr("on plan")
    if wait.running:  # some are still in it: not early, only within plan so far
        return tr("within plan so far")
    return tr("{days} early").format(days=text.days(-wait.over_days))


def bottleneck_sentence(board: Dashboard) -> str:
    worst = board.bottleneck
    if worst is None:
        if not board.phases:
            return tr("No client has left or entered a phase {window}.").format(window=window())
        return tr("Every phase runs within its plan: clients spend no longer than planned in any.")
    return tr(
        "Clients wait {days} longer than planned in {phase}: {spent} against {planned} "
        "planned (the median of {clients})."
    ).format(
        days=text.days(worst.over_days),
        phase=phase_label(worst),
        spent=text.days(worst.spent_days),
        planned=text.days(worst.planned_days),
        clients=text.clients(worst.clients),
    )


# -- feedback and referrals ------------------------------------------------------------------


def feedback_sentence(feedback: FeedbackSummary) -> str:
    return _feedback_said(feedback) + _follow_ups_said(feedback)


def _follow_ups_said(feedback: FeedbackSummary) -> str:
    """The follow-ups after completion, when there are any to speak of."""
    if not (feedback.follow_ups_answered or feedback.follow_ups_waiting):
        return ""
    return " " + tr("Follow-ups after completion: {answered} answered, {waiting} waiting.").format(
        answered=feedback.follow_ups_answered, waiting=feedback.follow_ups_waiting
    )


def _feedback_said(feedback: FeedbackSummary) -> str:
    if not feedback.records:
        return tr(
            "No feedback recorded {window}. Record what a client says as a checkpoint "
            "passes, on their page."
        ).format(window=window())
    if feedback.scored == 1:  # "the average of 1 scores; 1 were" reads as a slip
        said = (
            tr("One score {window}, {score} or 10.")
            if feedback.recommend
            else tr("One score {window}, below {score}.")
        ).format(window=window(), score=RECOMMEND_SCORE)
    elif feedback.scored:
        said = tr("The average of {n} scores {window}; {high} were {score} or 10.").format(
            n=feedback.scored, window=window(), high=feedback.recommend, score=RECOMMEND_SCORE
        )
    elif feedback.records == 1:
        said = tr("One piece of feedback {window}, without a score.").format(window=window())
    else:
        said = tr("{n} pieces of feedback {window}, none with a score.").format(
            n=feedback.records, window=window()
        )
    return (
        said
        + " "
        + tr("Testimonials allowed: {quotes}. Referrals: {asked} asked, {given} given.").format(
            quotes=feedback.testimonials,
            asked=feedback.referrals_asked,
            given=feedback.referrals_given,
        )
    )


# -- capacity --------------------------------------------------------------------------------


def capacity_sentence(strip: CapacityStrip) -> str:
    weeks = strip.weeks
    over = [w for w in weeks if w.over]
    if not over:
        return tr("Within your {hours} a week in each of the next {count} weeks.").format(
            hours=hours(strip.weekly_hours), count=len(weeks)
        )
    listed = text.WORDS.name_list(
        [
            tr("{week} ({load})").format(week=week_label(w), load=hours(w.booked_hours))
            for w in over
        ],
        quote="",
    )
    return tr("Over your {hours} a week in {n} of the next {count} weeks: {weeks}.").format(
        hours=hours(strip.weekly_hours), n=len(over), count=len(weeks), weeks=listed
    )
