"""Words in the window: Qt's translator bound to the Qt-free wording, plus what only
the window needs (a card's badges, tooltips as rich text, icon names)."""

from __future__ import annotations

import html
from collections.abc import Iterable
from datetime import date

from PySide6.QtCore import QCoreApplication

from deliverydesk.model.rules.enums import Health, Owner
from deliverydesk.model.rules.problem import Problem
from deliverydesk.services.views.rows import JourneyRow
from deliverydesk.wording import Words, problem_text


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate("DeliveryDesk", text, disambiguation, n)


# The wording itself lives in deliverydesk/wording/ (no Qt), shared with the command
# line and the PDFs; the window words it through Qt's translator.
WORDS = Words(tr)
long_date = WORDS.long_date
short_date = WORDS.short_date
days = WORDS.days
clients = WORDS.clients
clients_shown = WORDS.clients_shown
steps_done = WORDS.steps_done
health_label = WORDS.health_label
owner_label = WORDS.owner_label
waits_on = WORDS.waits_on
kind_label = WORDS.kind_label
phase_status_label = WORDS.phase_status_label
reason_text = WORDS.reason_text
health_line = WORDS.health_line
activity_text = WORDS.activity_text
paused_line = WORDS.paused_line
timed_step = WORDS.timed_step
session_span = WORDS.session_span


def problem_words(problem: Problem | None) -> str:
    """A design problem of an offer in the window's language; "" for none."""
    return "" if problem is None else problem_text(problem, tr)


def health_icon_name(health: Health) -> str:
    """The icon beside a verdict; a journey that is not running borrows a step's icon."""
    return {
        Health.COMPLETED: "step_done",
        Health.PAUSED: "step_open",
        Health.CANCELLED: "step_open",
    }.get(health, health.value)


def owner_icon_name(owner: Owner) -> str:
    return f"owner_{owner.value}"


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
    if card.paused:  # its health: first, like any verdict (see ordered_badges)
        found.append(("muted", health_label(card.health)))
    return found


def card_tooltip(card: JourneyRow, today: date) -> str:
    who = f"{card.name} ({card.company})" if card.company else card.name  # namesakes apart
    verdict = (
        paused_line(card.paused_on, card.pause_reason, card.resume_on)
        if card.paused
        else health_line(card.health, card.reasons)
    )
    lines = [f"{who} · {card.phase_name}", verdict]
    if card.next_step_title and card.paused:  # its date moves on resume: none is given
        lines.append(
            tr("Next, once resumed: {step} · {who}").format(
                step=card.next_step_title, who=waits_on(card.next_step_owner)
            )
        )
    elif card.next_step_title:
        lines.append(
            tr("Next: {step}, {due} · {who}").format(
                step=card.next_step_title,
                due=_due(card, today),
                who=waits_on(card.next_step_owner),
            )
        )
    return literal_rich_text(lines)


def _due(card: JourneyRow, today: date) -> str:
    """ "due Wed 9 Dec 2026", or "was due 3 Dec, 4 days late": a passed date never reads
    as still to come."""
    assert card.next_step_due is not None
    return WORDS.due_words(card.next_step_due, today)


def card_summary(card: JourneyRow, today: date) -> str:
    """What a screen reader says for a card: everything the card shows, in words."""
    parts = [
        card.name,
        *([card.company] if card.company else []),
        steps_done(card.steps_done, card.steps_total),
    ]
    if card.next_step_title and card.paused:  # as the tooltip: no date, it moves on resume
        parts.append(
            tr("next, once resumed: {step}, {who}").format(
                step=card.next_step_title, who=waits_on(card.next_step_owner).lower()
            )
        )
    elif card.next_step_title:
        parts.append(
            tr("next: {step}, {due}, {who}").format(
                step=card.next_step_title,
                due=_due(card, today),
                who=waits_on(card.next_step_owner).lower(),
            )
        )
    parts.extend(label for _tone, label in badges(card))
    if card.paused:  # since when, why, and the planned resume, as the tooltip says
        parts.append(paused_line(card.paused_on, card.pause_reason, card.resume_on))
    return "; ".join(parts)


def literal_rich_text(lines: Iterable[str]) -> str:
    """Lines for a tooltip or message box, markup shown as typed: Qt guesses whether such
    text is rich, so user text goes in escaped inside rich text (which also wraps)."""
    return "<p>" + "<br>".join(html.escape(line, quote=False) for line in lines) + "</p>"


def badges_line(card: JourneyRow) -> str:
    """Every badge of a card in one line, for its tooltip: the card may show only some."""
    return " · ".join(label for _tone, label in badges(card))
