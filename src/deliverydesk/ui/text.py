"""Words for the domain's codes. model/ speaks in enums; this is where they become text."""

from __future__ import annotations

import html
from collections.abc import Iterable
from datetime import date

from PySide6.QtCore import QCoreApplication, QLocale

from deliverydesk.model.enums import ActivityKind, Health, Owner, PhaseStatus, StepKind
from deliverydesk.model.rules import HealthReason, ReasonCode
from deliverydesk.services.rows import JourneyRow


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate("DeliveryDesk", text, disambiguation, n)


def health_label(health: Health) -> str:
    return {
        Health.ON_TRACK: tr("On track"),
        Health.AT_RISK: tr("At risk"),
        Health.OFF_TRACK: tr("Off track"),
    }[health]


def health_icon_name(health: Health) -> str:
    return health.value


def owner_label(owner: Owner | None) -> str:
    if owner is None:
        return ""
    return {
        Owner.ME: tr("Me"),
        Owner.CLIENT: tr("Client"),
        Owner.THIRD_PARTY: tr("Third party"),
    }[owner]


def waits_on(owner: Owner | None) -> str:
    if owner is None:
        return ""
    return {
        Owner.ME: tr("Waiting on me"),
        Owner.CLIENT: tr("Waiting on the client"),
        Owner.THIRD_PARTY: tr("Waiting on a third party"),
    }[owner]


def owner_icon_name(owner: Owner) -> str:
    return f"owner_{owner.value}"


def kind_label(kind: StepKind) -> str:
    return {
        StepKind.SESSION: tr("Session"),
        StepKind.TASK: tr("Task"),
        StepKind.FORM: tr("Form"),
        StepKind.MESSAGE: tr("Message"),
        StepKind.RESOURCE: tr("Resource"),
        StepKind.HOMEWORK: tr("Homework"),
        StepKind.DELIVERABLE: tr("Deliverable"),
        StepKind.INVOICE: tr("Invoice"),
        StepKind.SURVEY: tr("Survey"),
        StepKind.REVIEW: tr("Review"),
    }[kind]


def phase_status_label(status: PhaseStatus) -> str:
    return {
        PhaseStatus.DONE: tr("Done"),
        PhaseStatus.CURRENT: tr("Current phase"),
        PhaseStatus.UPCOMING: tr("Upcoming"),
    }[status]


def days(n: int) -> str:
    return tr("1 day") if n == 1 else tr("{n} days").format(n=n)


def reason_text(reason: HealthReason) -> str:
    """One reason as a person would say it: "'Submit intake form' is 6 days late (client)"."""
    if reason.code is ReasonCode.STEP_LATE:
        return tr("'{step}' is {days} late ({owner})").format(
            step=reason.subject, days=days(reason.days), owner=owner_label(reason.owner).lower()
        )
    if reason.code is ReasonCode.PHASE_OVER_PLAN:
        return tr("Phase '{phase}' is {days} over plan").format(
            phase=reason.subject, days=days(reason.days)
        )
    return tr("Open friction: {text}").format(text=reason.subject)


def health_line(health: Health, reasons: tuple[HealthReason, ...]) -> str:
    """ "Off track: 'Submit intake form' is 6 days late (client); Phase 'Discovery' is ..."."""
    if not reasons:
        return health_label(health)
    return f"{health_label(health)}: " + "; ".join(reason_text(r) for r in reasons)


def short_date(day: date | None, today: date | None = None) -> str:
    if day is None:
        return ""
    if today is not None:
        delta = (day - today).days
        if delta == 0:
            return tr("Today")
        if delta == 1:
            return tr("Tomorrow")
        if delta == -1:
            return tr("Yesterday")
    locale = QLocale()
    fmt = "d MMM" if today is None or day.year == today.year else "d MMM yyyy"
    return locale.toString(day, fmt)


def long_date(day: date | None) -> str:
    return "" if day is None else QLocale().toString(day, "ddd d MMM yyyy")


def activity_text(kind: ActivityKind, detail: dict[str, object]) -> str:
    step = detail.get("step", "")
    texts = {
        ActivityKind.ENROLLED: tr("Enrolled in {offer}"),
        ActivityKind.STEP_COMPLETED: tr("Completed '{step}'"),
        ActivityKind.STEP_REOPENED: tr("Reopened '{step}'"),
        ActivityKind.DUE_DATE_CHANGED: tr("Moved the due date of '{step}' to {now}"),
        ActivityKind.PHASE_MOVED: tr("Moved from '{source}' to '{target}'"),
        ActivityKind.CHECKPOINT_OVERRIDDEN: tr("Went past open checkpoints: {checkpoints}"),
        ActivityKind.NOTE_ADDED: tr("Note: {excerpt}"),
        ActivityKind.NOTE_REMOVED: tr("Removed a note"),
        ActivityKind.FRICTION_LOGGED: tr("Logged friction ({severity})"),
        ActivityKind.FRICTION_RESOLVED: tr("Resolved friction"),
        ActivityKind.FEEDBACK_RECORDED: tr("Recorded feedback (score {score})"),
    }
    values = {key: value for key, value in detail.items()}
    values.setdefault("step", step)
    if isinstance(values.get("checkpoints"), list):
        values["checkpoints"] = ", ".join(str(c) for c in values["checkpoints"])  # type: ignore[union-attr]
    try:
        sentence = texts[kind].format(**values)
    except (KeyError, IndexError):
        sentence = texts[kind].split("{")[0].strip()
    return sentence + tr(" (undo)") if detail.get("undo") else sentence


def badges(card: JourneyRow) -> list[tuple[str, str]]:
    """A card's badges as (tone, words): tone is "danger", "warning" or "info"."""
    found: list[tuple[str, str]] = []
    mine = card.late_days(Owner.ME)
    if mine:
        found.append(("danger", tr("Overdue {days}").format(days=days(mine))))
    client = card.late_days(Owner.CLIENT)
    if client:
        found.append(("warning", tr("Client late {days}").format(days=days(client))))
    third = card.late_days(Owner.THIRD_PARTY)
    if third:
        found.append(("warning", tr("Third party late {days}").format(days=days(third))))
    if card.health is Health.OFF_TRACK:
        found.append(("danger", health_label(card.health)))
    elif card.health is Health.AT_RISK:
        found.append(("warning", health_label(card.health)))
    if card.open_friction:
        found.append(("danger", tr("Friction")))
    if card.feedback_due:
        found.append(("info", tr("Feedback due")))
    return found


def card_tooltip(card: JourneyRow) -> str:
    lines = [f"{card.name} · {card.phase_name}", health_line(card.health, card.reasons)]
    if card.next_step_title:
        lines.append(
            tr("Next: {step}, due {due} · {who}").format(
                step=card.next_step_title,
                due=long_date(card.next_step_due),
                who=waits_on(card.next_step_owner),
            )
        )
    return literal_rich_text(lines)


def card_summary(card: JourneyRow) -> str:
    """What a screen reader says for a card: everything the card shows, in words."""
    parts = [
        card.name,
        tr("{done} of {total} steps done").format(done=card.steps_done, total=card.steps_total),
    ]
    if card.next_step_title:
        parts.append(
            tr("next: {step}, due {due}, {who}").format(
                step=card.next_step_title,
                due=long_date(card.next_step_due),
                who=waits_on(card.next_step_owner).lower(),
            )
        )
    parts.extend(label for _tone, label in badges(card))
    return "; ".join(parts)


def literal_rich_text(lines: Iterable[str]) -> str:
    """Lines for a tooltip or message box, markup shown as typed: Qt guesses whether such
    text is rich, so user text goes in escaped inside rich text (which also wraps)."""
    return "<p>" + "<br>".join(html.escape(line, quote=False) for line in lines) + "</p>"


def badges_line(card: JourneyRow) -> str:
    """Every badge of a card in one line, for its tooltip: the card may show only some."""
    return " · ".join(label for _tone, label in badges(card))
