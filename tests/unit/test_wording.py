"""Words without Qt: the window, the command line and the PDFs say things one way."""

from __future__ import annotations

from datetime import date

import pytest

from deliverydesk.model.rules.enums import ActivityKind, Health, Owner
from deliverydesk.model.rules.health import HealthReason, HealthVerdict, ReasonCode
from deliverydesk.wording import ENGLISH, Words

TODAY = date(2026, 11, 23)  # a Monday


def test_a_long_date_names_the_weekday_and_the_year() -> None:
    assert ENGLISH.long_date(date(2026, 11, 25)) == "Wed 25 Nov 2026"
    assert ENGLISH.long_date(date(2027, 5, 2)) == "Sun 2 May 2027"
    assert ENGLISH.long_date(None) == ""


@pytest.mark.parametrize(
    ("day", "words"),
    [
        (date(2026, 11, 23), "Today"),
        (date(2026, 11, 24), "Tomorrow"),
        (date(2026, 11, 22), "Yesterday"),
        (date(2026, 11, 25), "25 Nov"),
        (date(2027, 1, 4), "4 Jan 2027"),  # another year says so
        (date(2025, 12, 30), "30 Dec 2025"),
    ],
)
def test_a_short_date_is_relative_near_today_and_names_another_year(day: date, words: str) -> None:
    assert ENGLISH.short_date(day, TODAY) == words


def test_a_short_date_can_be_plain() -> None:
    assert ENGLISH.short_date(TODAY, TODAY, relative=False) == "23 Nov"
    assert ENGLISH.short_date(date(2027, 1, 4), TODAY, relative=False) == "4 Jan 2027"
    assert ENGLISH.short_date(None, TODAY) == ""


def test_durations_and_counts() -> None:
    assert [ENGLISH.days(n) for n in (0, 1, 2)] == ["0 days", "1 day", "2 days"]
    assert [ENGLISH.clients(n) for n in (0, 1, 12)] == ["0 clients", "1 client", "12 clients"]
    assert ENGLISH.clients_shown(3, 12) == "3 of 12 clients"
    assert ENGLISH.clients_shown(12, 12) == "12 clients"
    assert ENGLISH.clients_shown(0, 1) == "0 of 1 client"  # a filter hid the one client
    assert ENGLISH.journeys_shown(0, 1) == "0 of 1 journey"
    assert ENGLISH.steps_done(4, 30) == "4 of 30 steps done"


def test_a_health_line_gives_every_reason() -> None:
    verdict = HealthVerdict(
        Health.OFF_TRACK,
        (
            HealthReason(ReasonCode.STEP_LATE, "Submit intake form", 6, Owner.CLIENT),
            HealthReason(ReasonCode.PHASE_OVER_PLAN, "Discovery", 1),
            HealthReason(ReasonCode.OPEN_FRICTION, "Invoice dispute"),
        ),
    )
    assert ENGLISH.verdict_line(verdict) == (
        "Off track: 'Submit intake form' is 6 days late (client); "
        "Phase 'Discovery' is 1 day over plan; Open friction: Invoice dispute"
    )
    assert ENGLISH.health_line(Health.ON_TRACK) == "On track"


def test_every_health_and_state_has_words() -> None:
    assert {h: ENGLISH.health_label(h) for h in Health} == {
        Health.ON_TRACK: "On track",
        Health.AT_RISK: "At risk",
        Health.OFF_TRACK: "Off track",
        Health.PAUSED: "Paused",
        Health.COMPLETED: "Completed",
        Health.CANCELLED: "Cancelled",
    }


def test_the_activity_log_words_its_iso_dates_like_every_other_screen() -> None:
    detail = {"step": "Draft the plan", "was": "2026-11-20", "now": "2026-11-25"}
    assert ENGLISH.activity_text(ActivityKind.DUE_DATE_CHANGED, detail) == (
        "Moved the due date of 'Draft the plan' to Wed 25 Nov 2026"
    )
    undone = {**detail, "undo": True}
    assert ENGLISH.activity_text(ActivityKind.DUE_DATE_CHANGED, undone).endswith(
        "to Wed 25 Nov 2026 (undo)"
    )


def test_an_activity_with_missing_details_still_reads() -> None:
    assert ENGLISH.activity_text(ActivityKind.DUE_DATE_CHANGED, {}) == (
        "Moved the due date of '…' to …"
    )
    assert ENGLISH.activity_text(
        ActivityKind.CHECKPOINT_OVERRIDDEN, {"checkpoints": ["A", "B"]}
    ) == ("Went past open checkpoints: 'A' and 'B'")


def test_the_translator_passed_in_words_everything() -> None:
    french = {
        "{weekday} {day} {month} {year}": "{weekday} {day} {month} {year}",
        "Wed": "mer.",
        "Nov": "nov.",
        "1 day": "1 jour",
        "On track": "Dans les temps",
    }
    words = Words(lambda text: french.get(text, text))
    assert words.long_date(date(2026, 11, 25)) == "mer. 25 nov. 2026"
    assert words.days(1) == "1 jour"
    assert words.health_label(Health.ON_TRACK) == "Dans les temps"


def test_a_logged_friction_reads_its_severity_in_the_window_s_language() -> None:
    french = {"Logged friction ({severity})": "Friction notée ({severity})", "High": "Haute"}
    words = Words(lambda text: french.get(text, text))
    detail = {"severity": "high", "kind": "delay"}
    assert words.activity_text(ActivityKind.FRICTION_LOGGED, detail) == "Friction notée (haute)"


def test_every_code_of_the_domain_has_words() -> None:
    from deliverydesk.model.rules.enums import PhaseStatus, StepKind

    for kind in ActivityKind:
        assert ENGLISH.activity_text(kind, {}).strip()
    assert all(ENGLISH.kind_label(kind) for kind in StepKind)
    assert all(ENGLISH.phase_status_label(status) for status in PhaseStatus)
    assert all(ENGLISH.owner_label(owner) and ENGLISH.waits_on(owner) for owner in Owner)
    assert ENGLISH.owner_label(None) == ENGLISH.waits_on(None) == ""


def test_a_list_of_names_reads_as_a_sentence_and_the_verb_agrees() -> None:
    """Issue 16: "'A' and 'B' are not done", never "'A', 'B' is not done"."""
    assert ENGLISH.name_list([]) == ""
    assert ENGLISH.name_list(["A"]) == "'A'"
    assert ENGLISH.name_list(["A", "B"]) == "'A' and 'B'"
    assert ENGLISH.name_list(["A", "B", "C"]) == "'A', 'B' and 'C'"
    assert ENGLISH.name_list(["A", "B", "C", "D", "E"], limit=3) == "'A', 'B', 'C' and 2 more"
    assert ENGLISH.name_list(["Due", "Waiting on"], quote="") == "Due and Waiting on"
    assert ENGLISH.not_done(["Intake form"]) == "'Intake form' is not done"
    assert ENGLISH.not_done(["A", "B"]) == "'A' and 'B' are not done"
    went_past = ENGLISH.activity_text(
        ActivityKind.CHECKPOINT_OVERRIDDEN, {"checkpoints": ["A", "B"]}
    )
    assert went_past == "Went past open checkpoints: 'A' and 'B'"


def test_a_refused_move_names_its_open_checkpoints_in_a_sentence() -> None:
    from deliverydesk.services.errors import CheckpointBlocked

    assert str(CheckpointBlocked(["A", "B"])) == "'A' and 'B' are not done."
    assert str(CheckpointBlocked(["A"])) == "'A' is not done."


def test_the_journey_s_pause_and_its_planned_resume_in_words() -> None:
    assert ENGLISH.paused_line(TODAY, "Surgery", date(2026, 12, 7)) == (
        "Paused since Mon 23 Nov 2026: Surgery · Resume planned for Mon 7 Dec 2026"
    )
    assert ENGLISH.paused_line(None, "", None) == "Paused"
    assert ENGLISH.resume_reminder("Tom Becker", "Brand Audit", date(2026, 12, 7), TODAY) == (
        "Resume Tom Becker's Brand Audit (planned for 7 Dec)"
    )
    assert ENGLISH.clients_and_journeys(3, 3, 4, 4) == "3 clients, 4 journeys"
    assert ENGLISH.clients_and_journeys(12, 12, 12, 12) == "12 clients"
    assert ENGLISH.clients_and_journeys(1, 3, 2, 4) == "1 of 3 clients, 2 of 4 journeys"


def test_a_step_reads_to_the_client_in_its_client_wording_else_its_kind_s_default() -> None:
    from deliverydesk.model.rules.enums import StepKind

    form = ENGLISH.client_step(StepKind.FORM, "Intake form received", "")
    assert form == "Fill in and send back the form"  # never the practitioner's note
    assert ENGLISH.client_step(StepKind.SESSION, "Kick-off session", "") == "Kick-off session"
    assert ENGLISH.client_step(StepKind.FORM, "Intake form received", "  Your intake  ") == (
        "Your intake"
    )
    assert all(ENGLISH.client_step_default(kind, "Title") for kind in StepKind)
