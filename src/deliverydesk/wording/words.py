"""Words for the domain: dates, durations, counts, health and the activity log, without Qt.

model/ speaks in enums and codes; this is where they become text, one way for the window,
the command line and the PDFs alike ("Wed 25 Nov 2026" everywhere). The translator is
passed in: the window hands over Qt's (ui/core/text.py), everything else reads English.
Dates are worded here rather than by a locale library so that every screen and every
report agree, whatever the machine's locale says.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from contextlib import suppress
from datetime import date, datetime, time, timedelta

from deliverydesk.model.rules.enums import (
    ActivityKind,
    FrictionKind,
    Health,
    JourneyStatus,
    Owner,
    PhaseStatus,
    Severity,
    StepKind,
)
from deliverydesk.model.rules.health import HealthReason, HealthVerdict, ReasonCode
from deliverydesk.model.rules.sessions import Unmatched
from deliverydesk.model.rules.text_rules import without_bidi_controls

Translate = Callable[[str], str]

# English names; each goes through the translator when used (see N_ below).
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# Activity details that hold a date (stored as ISO text, shown in words).
_DATE_KEYS = ("on", "was", "now")


def untranslated(text: str) -> str:
    return text


def N_(text: str) -> str:  # noqa: N802 (gettext's name for it)
    """Marks words to translate where they are declared; they are translated when used."""
    return text


HEALTH_WORDS = {
    Health.ON_TRACK: N_("On track"),
    Health.AT_RISK: N_("At risk"),
    Health.OFF_TRACK: N_("Off track"),
    Health.PAUSED: N_("Paused"),
    Health.COMPLETED: N_("Completed"),
    Health.CANCELLED: N_("Cancelled"),
}
OWNER_WORDS = {Owner.ME: N_("Me"), Owner.CLIENT: N_("Client"), Owner.THIRD_PARTY: N_("Third party")}
WAITING_WORDS = {
    Owner.ME: N_("Waiting on me"),
    Owner.CLIENT: N_("Waiting on the client"),
    Owner.THIRD_PARTY: N_("Waiting on a third party"),
}
KIND_WORDS = {
    StepKind.SESSION: N_("Session"),
    StepKind.TASK: N_("Task"),
    StepKind.FORM: N_("Form"),
    StepKind.MESSAGE: N_("Message"),
    StepKind.RESOURCE: N_("Resource"),
    StepKind.HOMEWORK: N_("Homework"),
    StepKind.DELIVERABLE: N_("Deliverable"),
    StepKind.INVOICE: N_("Invoice"),
    StepKind.SURVEY: N_("Survey"),
    StepKind.REVIEW: N_("Review"),
}
# What a client reads of a step whose client wording is blank, per kind. A session, a
# deliverable or a survey is named by its title ("Kick-off session"); a form is titled for
# the practitioner who receives it ("Intake form received"), so the client is asked in
# words of their own instead.
CLIENT_STEP_WORDS = {
    StepKind.SESSION: "{title}",
    StepKind.TASK: "{title}",
    StepKind.FORM: N_("Fill in and send back the form"),
    StepKind.MESSAGE: "{title}",
    StepKind.RESOURCE: "{title}",
    StepKind.HOMEWORK: "{title}",
    StepKind.DELIVERABLE: "{title}",
    StepKind.INVOICE: "{title}",
    StepKind.SURVEY: "{title}",
    StepKind.REVIEW: "{title}",
}
PHASE_STATUS_WORDS = {
    PhaseStatus.DONE: N_("Done"),
    PhaseStatus.SKIPPED: N_("Skipped, steps still open"),
    PhaseStatus.CURRENT: N_("Current phase"),
    PhaseStatus.UPCOMING: N_("Upcoming"),
    PhaseStatus.STOPPED: N_("Stopped here"),
    PhaseStatus.NOT_REACHED: N_("Not reached"),
}
FRICTION_KIND_WORDS = {
    FrictionKind.DELAY: N_("Delay"),
    FrictionKind.CONFUSION: N_("Confusion"),
    FrictionKind.QUALITY: N_("Quality"),
    FrictionKind.COMMUNICATION: N_("Communication"),
    FrictionKind.PAYMENT: N_("Payment"),
    FrictionKind.OTHER: N_("Other"),
    FrictionKind.COMPLAINT: N_("Complaint"),
    FrictionKind.MISSED_HANDOFF: N_("Missed handoff"),
}
SEVERITY_WORDS = {Severity.LOW: N_("Low"), Severity.MEDIUM: N_("Medium"), Severity.HIGH: N_("High")}
_SEVERITIES = frozenset(severity.value for severity in Severity)
ACTIVITY_WORDS = {
    ActivityKind.ENROLLED: N_("Enrolled in {offer}"),
    ActivityKind.STEP_COMPLETED: N_("Completed '{step}'"),
    ActivityKind.STEP_REOPENED: N_("Reopened '{step}'"),
    ActivityKind.DUE_DATE_CHANGED: N_("Moved the due date of '{step}' to {now}"),
    ActivityKind.SESSION_TIMED: N_("Set the session '{step}' for {now} at {at}"),
    ActivityKind.PHASE_MOVED: N_("Moved from '{source}' to '{target}'"),
    ActivityKind.CHECKPOINT_OVERRIDDEN: N_("Went past open checkpoints: {checkpoints}"),
    ActivityKind.NOTE_ADDED: N_("Note: {excerpt}"),
    ActivityKind.NOTE_REMOVED: N_("Removed a note"),
    ActivityKind.FRICTION_LOGGED: N_("Logged friction ({severity})"),
    ActivityKind.FRICTION_RESOLVED: N_("Resolved friction"),
    ActivityKind.FRICTION_REOPENED: N_("Reopened friction"),
    ActivityKind.FRICTION_REMOVED: N_("Took back a friction record"),
    ActivityKind.FEEDBACK_RECORDED: N_("Recorded feedback (score {score})"),
    ActivityKind.FEEDBACK_CHANGED: N_("Changed feedback (score {score})"),
    ActivityKind.FEEDBACK_REMOVED: N_("Removed a feedback record"),
    ActivityKind.ENROLMENT_UNDONE: N_("Enrolment taken back"),
    ActivityKind.JOURNEY_PAUSED: N_("Paused the journey: {reason}"),
    ActivityKind.JOURNEY_RESUMED: N_("Resumed the journey; open steps moved {days} working days"),
    ActivityKind.JOURNEY_COMPLETED: N_("Completed the journey"),
    ActivityKind.JOURNEY_CANCELLED: N_("Cancelled the journey: {reason}"),
    ActivityKind.JOURNEY_ARCHIVED: N_("Archived the journey"),
    ActivityKind.JOURNEY_RESTORED: N_("Set the journey back to {status}"),
    ActivityKind.CLIENT_UPDATED: N_("Updated the client's details"),
    ActivityKind.STEPS_RESCHEDULED: N_("Moved {steps} due dates to the new working days"),
    ActivityKind.OFFER_APPLIED: N_("Brought up to revision {revision} of {offer}"),
    ActivityKind.STEPS_SHIFTED: N_("Moved the {steps} later steps of '{phase}' along with it"),
    ActivityKind.NUDGE_SENT: N_("Nudged the client about '{step}'"),
    ActivityKind.DOCUMENT_SENT: N_("{document} sent"),
    ActivityKind.INTAKE_RECEIVED: N_("Received the intake form ({answers} answers)"),
    ActivityKind.CLIENT_ARCHIVED: N_("Archived the client"),
    ActivityKind.CLIENT_RESTORED: N_("Brought the client back from the trash"),
    ActivityKind.STEPS_BROUGHT_IN: N_(
        "Brought in already under way, now in '{phase}'; steps done before DeliveryDesk: {steps}"
    ),
    ActivityKind.INVOICE_PAID: N_("'{step}' paid on {on}"),
    ActivityKind.INVOICE_UNPAID: N_("'{step}' no longer marked paid"),
}

# A document sent, by the value of its kind (services' DocumentKind) kept in the log.
SENT_DOCUMENTS = {
    "progress": N_("Progress report"),
    "onboarding": N_("Welcome pack"),
    "checklist": N_("Checklist"),
    "intake": N_("Intake form"),
}


UNMATCHED_WORDS = {
    Unmatched.NO_CLIENT: N_("no client's e-mail or name in it"),
    Unmatched.SEVERAL_CLIENTS: N_("it names several clients"),
    Unmatched.NO_OPEN_SESSION: N_("the client has no open session left"),
    Unmatched.NO_TIME: N_("an all-day event, with no time"),
    Unmatched.PAST: N_("in the past"),
}


class Words:
    """Every wording of the domain, through one translator (English when none is given)."""

    def __init__(self, tr: Translate = untranslated) -> None:
        self.tr = tr

    # -- dates -------------------------------------------------------------------------------
    def long_date(self, day: date | None) -> str:
        """ "Wed 25 Nov 2026"; empty for no date."""
        if day is None:
            return ""
        tr = self.tr
        return tr("{weekday} {day} {month} {year}").format(
            weekday=tr(WEEKDAYS[day.weekday()]),
            day=day.day,
            month=tr(MONTHS[day.month - 1]),
            year=day.year,
        )

    def short_date(self, day: date | None, today: date, *, relative: bool = True) -> str:
        """ "25 Nov", with the year when it is not this year's ("25 Nov 2027"); with
        `relative`, "Today", "Tomorrow" and "Yesterday" for those days."""
        if day is None:
            return ""
        tr = self.tr
        if relative:
            delta = (day - today).days
            if delta == 0:
                return tr("Today")
            if delta == 1:
                return tr("Tomorrow")
            if delta == -1:
                return tr("Yesterday")
        month = tr(MONTHS[day.month - 1])
        if day.year == today.year:
            return tr("{day} {month}").format(day=day.day, month=month)
        return tr("{day} {month} {year}").format(day=day.day, month=month, year=day.year)

    def session_span(self, start: time, minutes: int = 0) -> str:
        """ "10:00–11:00" (24-hour clock, the practice's zone), "10:00" without a length."""
        begin = f"{start.hour:02d}:{start.minute:02d}"
        if minutes <= 0:
            return begin
        end = (datetime.combine(date.min, start) + timedelta(minutes=minutes)).time()
        return self.tr("{start}–{end}").format(start=begin, end=f"{end.hour:02d}:{end.minute:02d}")

    def left_alone(self, reason: Unmatched) -> str:
        """Why an imported calendar event was not taken as a session."""
        return self.tr(UNMATCHED_WORDS[reason])

    def timed_step(self, title: str, start: time | None, minutes: int = 0) -> str:
        """A session's title after its time ("10:00–11:00 Session 2"); others as titled."""
        return title if start is None else f"{self.session_span(start, minutes)} {title}"

    # -- durations and counts ----------------------------------------------------------------
    def days(self, n: int) -> str:
        return self.tr("1 day") if n == 1 else self.tr("{n} days").format(n=n)

    def clients(self, n: int) -> str:
        return self.tr("1 client") if n == 1 else self.tr("{n} clients").format(n=n)

    def clients_shown(self, shown: int, total: int) -> str:
        """ "12 clients", or "3 of 12 clients" while a filter hides some."""
        if shown == total:
            return self.clients(total)
        if total == 1:
            return self.tr("{shown} of 1 client").format(shown=shown)
        return self.tr("{shown} of {total} clients").format(shown=shown, total=total)

    def journeys_shown(self, shown: int, total: int) -> str:
        """ "4 journeys", or "2 of 4 journeys" while a filter hides some."""
        if shown == total:
            return self.tr("1 journey") if total == 1 else self.tr("{n} journeys").format(n=total)
        if total == 1:
            return self.tr("{shown} of 1 journey").format(shown=shown)
        return self.tr("{shown} of {total} journeys").format(shown=shown, total=total)

    def clients_and_journeys(
        self, clients_shown: int, clients: int, journeys_shown: int, journeys: int
    ) -> str:
        """ "3 clients, 4 journeys": people and their journeys, each counted once; the
        journeys only when they are not one per client ("12 clients")."""
        people = self.clients_shown(clients_shown, clients)
        if (journeys_shown, journeys) == (clients_shown, clients):
            return people
        return f"{people}, {self.journeys_shown(journeys_shown, journeys)}"

    def steps_done(self, done: int, total: int) -> str:
        return self.tr("{done} of {total} steps done").format(done=done, total=total)

    def progress_sentence(
        self,
        status: JourneyStatus,
        phase: tuple[int, int, str],
        steps: tuple[int, int],
        milestone: tuple[str, date | None] | None = None,
        today: date | None = None,
    ) -> str:
        """Where a client is, in one sentence for the client: "You are in phase 3 of 5,
        Build: 14 of 26 steps done; next milestone: Launch plan, 12 Mar 2026". `phase` is
        (number, count, name), `steps` (done, total), `milestone` (title, due date): the
        next open one; past its date (given `today`) it says so: "Launch plan, was due
        3 Dec 2026, 4 days late"."""
        tr = self.tr
        number, count, name = phase
        done = self.steps_done(*steps)
        if status is JourneyStatus.COMPLETED:
            return tr("Your journey is complete: {done}.").format(done=done)
        if status is JourneyStatus.CANCELLED:
            return tr("This journey was stopped: {done}.").format(done=done)
        pattern = (
            tr("Your journey is paused in phase {number} of {count}, {name}: {done}")
            if status is JourneyStatus.PAUSED
            else tr("You are in phase {number} of {count}, {name}: {done}")
        )
        sentence = pattern.format(number=number, count=count, name=name, done=done)
        if milestone is not None:
            title, due = milestone
            when = ""
            if due is not None and today is not None and due < today:
                when = ", " + self.due_words(due, today, paper=True)
            elif due is not None:
                when = f", {self.paper_date(due)}"
            sentence += tr("; next milestone: {title}{when}").format(title=title, when=when)
        return sentence + "."

    def paper_date(self, day: date | None) -> str:
        """ "12 Mar 2026": for paper, which outlives the year, the year is always there."""
        if day is None:
            return ""
        return self.tr("{day} {month} {year}").format(
            day=day.day, month=self.tr(MONTHS[day.month - 1]), year=day.year
        )

    # -- lists of names ----------------------------------------------------------------------
    def name_list(self, names: Sequence[str], *, quote: str = "'", limit: int = 0) -> str:
        """Names as a sentence lists them: "'A'", "'A' and 'B'", "'A', 'B' and 'C'"; with
        `limit`, the first `limit` and "and 2 more". Every list of names a person reads
        (a refusal, a question, the activity log) is worded here, in one way."""
        shown = [f"{quote}{name}{quote}" for name in names]
        more = len(shown) - limit if limit else 0
        if more > 0:
            return self.tr("{shown} and {n} more").format(shown=", ".join(shown[:limit]), n=more)
        if len(shown) < 2:
            return "".join(shown)
        return self.tr("{first} and {last}").format(first=", ".join(shown[:-1]), last=shown[-1])

    def not_done(self, names: Sequence[str], *, quote: str = "'") -> str:
        """ "'A' is not done", "'A' and 'B' are not done": the verb agrees with the list."""
        listed = self.name_list(names, quote=quote)
        if len(names) == 1:
            return self.tr("{name} is not done").format(name=listed)
        return self.tr("{names} are not done").format(names=listed)

    # -- a paused journey --------------------------------------------------------------------
    def resume_planned(self, resume_on: date) -> str:
        """ "Resume planned for Mon 7 Dec 2026" """
        return self.tr("Resume planned for {day}").format(day=self.long_date(resume_on))

    def paused_line(self, paused_on: date | None, reason: str, resume_on: date | None) -> str:
        """ "Paused since Wed 25 Nov 2026: Family emergency · Resume planned for Mon 7 Dec
        2026": the client page, the board card, Today and the calendar say it alike."""
        line = (
            self.tr("Paused since {day}").format(day=self.long_date(paused_on))
            if paused_on
            else self.health_label(Health.PAUSED)
        )
        line = f"{line}: {reason}" if reason else line
        return f"{line} · {self.resume_planned(resume_on)}" if resume_on else line

    def resume_title(self, name: str, offer: str) -> str:
        """ "Resume Tom Becker's Brand Audit": the calendar's event on the planned day."""
        return self.tr("Resume {name}'s {offer}").format(name=name, offer=offer)

    def resume_reminder(self, name: str, offer: str, resume_on: date, today: date) -> str:
        """ "Resume Tom Becker's Brand Audit (planned for 7 Dec)": the reminder Today and
        the overdue banner give on the planned day and after."""
        return self.tr("{resume} (planned for {day})").format(
            resume=self.resume_title(name, offer),
            day=self.short_date(resume_on, today, relative=False),
        )

    # -- codes -------------------------------------------------------------------------------
    def health_label(self, health: Health) -> str:
        return self.tr(HEALTH_WORDS[health])

    def owner_label(self, owner: Owner | None) -> str:
        return "" if owner is None else self.tr(OWNER_WORDS[owner])

    def waits_on(self, owner: Owner | None) -> str:
        return "" if owner is None else self.tr(WAITING_WORDS[owner])

    def kind_label(self, kind: StepKind) -> str:
        return self.tr(KIND_WORDS[kind])

    def client_step_default(self, kind: StepKind, title: str) -> str:
        """What the client reads of a step of `kind` titled `title` with no client
        wording: its kind's phrase (the offer editor shows it as the placeholder)."""
        pattern = CLIENT_STEP_WORDS[kind]
        return title if pattern == "{title}" else self.tr(pattern)

    def client_step(self, kind: StepKind, title: str, client_wording: str) -> str:
        """A step as the client reads it: its client wording, else its kind's default."""
        return client_wording.strip() or self.client_step_default(kind, title)

    def phase_status_label(self, status: PhaseStatus, open_steps: int = 0) -> str:
        """ "Done", "Current phase"...; a skipped phase with its open count when given:
        "Skipped, 2 steps still open"."""
        if status is PhaseStatus.SKIPPED and open_steps:
            if open_steps == 1:
                return self.tr("Skipped, 1 step still open")
            return self.tr("Skipped, {n} steps still open").format(n=open_steps)
        return self.tr(PHASE_STATUS_WORDS[status])

    def due_words(self, due: date, today: date, *, paper: bool = False) -> str:
        """When an open step or milestone is due, said so that a passed date is never read
        as still to come: "due Wed 9 Dec 2026", or "was due 3 Dec, 4 days late". `paper`
        words the date as a document does (the year always there)."""
        day = self.paper_date(due) if paper else self.long_date(due)
        if due >= today:
            return self.tr("due {day}").format(day=day)
        late = self.short_date(due, today, relative=False) if not paper else day
        return self.tr("was due {day}, {days} late").format(
            day=late, days=self.days((today - due).days)
        )

    # -- health ------------------------------------------------------------------------------
    def reason_text(self, reason: HealthReason) -> str:
        """One reason as a person would say it: "'Submit intake form' is 6 days late (client)"."""
        tr = self.tr
        if reason.code is ReasonCode.STEP_LATE:
            return tr("'{step}' is {days} late ({owner})").format(
                step=reason.subject,
                days=self.days(reason.days),
                owner=self.owner_label(reason.owner).lower(),
            )
        if reason.code is ReasonCode.PHASE_OVER_PLAN:
            return tr("Phase '{phase}' is {days} over plan").format(
                phase=reason.subject, days=self.days(reason.days)
            )
        return tr("Open friction: {text}").format(text=reason.subject)

    def health_line(self, health: Health, reasons: tuple[HealthReason, ...] = ()) -> str:
        """ "Off track: 'Submit intake form' is 6 days late (client); Phase 'Discovery' is ..."."""
        if not reasons:
            return self.health_label(health)
        return f"{self.health_label(health)}: " + "; ".join(self.reason_text(r) for r in reasons)

    def verdict_line(self, verdict: HealthVerdict) -> str:
        return self.health_line(verdict.health, verdict.reasons)

    # -- the activity log --------------------------------------------------------------------
    def activity_text(self, kind: ActivityKind, detail: Mapping[str, object]) -> str:
        """One line of a journey's activity; dates kept as ISO text in `detail` are worded
        like every other date ("Wed 25 Nov 2026")."""
        tr = self.tr
        pattern = tr(ACTIVITY_WORDS[kind])
        # Names and titles kept in the (append-only) log shown without bidi controls, even
        # from entries written before saves dropped them.
        values = _Missing(
            {k: without_bidi_controls(v) if isinstance(v, str) else v for k, v in detail.items()}
        )
        checkpoints = values.get("checkpoints")
        if isinstance(checkpoints, list):
            values["checkpoints"] = self.name_list([str(c) for c in checkpoints])
        if isinstance(document := values.get("document"), str):
            values["document"] = tr(SENT_DOCUMENTS.get(document, document))
        if isinstance(severity := values.get("severity"), str) and severity in _SEVERITIES:
            # Kept as its value ("high") in the log; shown as the word of the window's language.
            values["severity"] = tr(SEVERITY_WORDS[Severity(severity)]).lower()
        for key in _DATE_KEYS:
            if isinstance(value := values.get(key), str):
                with suppress(ValueError):  # not a date after all: shown as stored
                    values[key] = self.long_date(date.fromisoformat(value))
        try:
            sentence = pattern.format_map(values)
        except (IndexError, ValueError):  # a translation that breaks the pattern
            sentence = pattern.split("{")[0].strip()
        sentence = sentence.removesuffix(": ")  # a pause or cancellation without a reason
        return sentence + tr(" (undo)") if detail.get("undo") else sentence


class _Missing(dict[str, object]):
    """An activity's details, "…" for one an older entry did not record."""

    def __missing__(self, key: str) -> str:
        return "…"


ENGLISH = Words()
