"""The timelines' and Today's core: planned against actual, slip, what is due for whom,
rescheduling (with the rest of the phase or not) and its undo, and nudges."""

from __future__ import annotations

from datetime import date, timedelta
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from deliverydesk.model.rules.calendar import WorkCalendar
from deliverydesk.model.rules.enums import ActivityKind, Owner
from deliverydesk.model.rules.offer_rules import PLACEHOLDERS
from deliverydesk.model.rules.timeline import forecast_end, phase_slip, shift_working_days
from deliverydesk.services.changes import Aspect
from deliverydesk.services.context import Context
from deliverydesk.services.errors import InvalidInput
from deliverydesk.services.journeys.detail import journey_detail
from deliverydesk.services.journeys.journeys import complete_step
from deliverydesk.services.journeys.lifecycle import pause
from deliverydesk.services.journeys.nudge import (
    NudgeChannel,
    first_name,
    mailto_url,
    nudge_draft,
    record_nudge,
)
from deliverydesk.services.journeys.reschedule import reschedule_step, restore_step_dates
from deliverydesk.services.views.timeline import capacity_strip, journey_timeline, portfolio
from deliverydesk.services.views.today import Timing, overdue_counts, resume_reminders, today_list
from deliverydesk.wording import ENGLISH
from tests.unit.timeline_support import TODAY, enrol, late_and_long, offer, practice

NOV = {day: date(2026, 11, day) for day in range(1, 31)}


@pytest.fixture
def offer_id(ctx: Context) -> int:
    practice(ctx)
    return offer(ctx)


def step_dates(ctx: Context, journey_id: int) -> dict[str, tuple[date, date]]:
    detail = journey_detail(ctx, journey_id)
    return {s.title: (s.start_on, s.due_on) for p in detail.phases for s in p.steps}


def step_id(ctx: Context, journey_id: int, title: str) -> int:
    detail = journey_detail(ctx, journey_id)
    return next(s.id for p in detail.phases for s in p.steps if s.title == title)


# rules -------------------------------------------------------------------------------------


def test_a_phase_done_late_slips_by_the_days_past_its_planned_end() -> None:
    assert phase_slip(NOV[5], NOV[11], NOV[9], NOV[20], TODAY) == 9
    assert phase_slip(NOV[5], NOV[11], NOV[5], NOV[9], TODAY) == -2  # done early


def test_a_running_phase_keeps_its_length_from_its_real_start_and_cannot_end_before_today() -> None:
    # Planned 16 to 20 Nov, started late on the 19th: likely to end on the 23rd.
    assert forecast_end(NOV[16], NOV[20], NOV[19], None, NOV[19]) == NOV[23]
    # Started on time but still running on the 23rd: it ends today at the earliest.
    assert forecast_end(NOV[9], NOV[13], NOV[9], None, TODAY) == TODAY
    assert phase_slip(NOV[9], NOV[13], NOV[9], None, TODAY) == 10


def test_a_phase_not_started_by_its_planned_start_is_pushed_to_today() -> None:
    assert forecast_end(NOV[16], NOV[20], None, None, TODAY) == NOV[27]
    assert forecast_end(NOV[30], date(2026, 12, 4), None, None, TODAY) == date(2026, 12, 4)


def test_shifting_by_working_days_skips_weekends_both_ways() -> None:
    calendar = WorkCalendar()
    assert shift_working_days(calendar, NOV[20], 1) == TODAY  # Friday to Monday
    assert shift_working_days(calendar, TODAY, -1) == NOV[20]
    assert shift_working_days(calendar, NOV[21], -1) == NOV[20]  # Saturday rolls to Monday
    assert shift_working_days(calendar, NOV[25], 0) == NOV[25]


# timelines ---------------------------------------------------------------------------------


def test_one_journey_has_its_phases_planned_against_actual_and_its_marks(
    ctx: Context, offer_id: int
) -> None:
    journey_id = late_and_long(ctx, offer_id)
    timeline = journey_timeline(ctx, journey_id)
    names = [p.name for p in timeline.phases]
    assert names == ["Onboarding", "Deep work", "Wrap-up"]
    deep = timeline.phases[1]
    assert (deep.planned_start, deep.planned_end) == (NOV[5], NOV[11])
    assert (deep.started_on, deep.completed_on) == (NOV[9], NOV[20])
    assert deep.slip(TODAY) == 9
    marks = {m.title: m for m in timeline.marks}
    assert set(marks) == {"Intake form", "Plan approved"}
    assert marks["Plan approved"].is_milestone and marks["Plan approved"].is_checkpoint
    assert marks["Intake form"].phase_position == 0
    # Wrap-up (planned 12 to 13 Nov) began on the 20th and still runs: ten days behind.
    assert timeline.current_position == 2
    assert timeline.slip_days == 10


def test_the_portfolio_holds_every_active_journey_with_its_slip(
    ctx: Context, offer_id: int
) -> None:
    late = late_and_long(ctx, offer_id)
    on_time = enrol(ctx, offer_id, "Ben Ode", TODAY)
    paused = enrol(ctx, offer_id, "Cleo Park", TODAY)
    pause(ctx, paused, "travelling")
    rows = {r.journey_id: r for r in portfolio(ctx)}
    assert set(rows) == {late, on_time}
    assert rows[late].slip_days == 10
    assert rows[late].forecast_end == rows[late].planned_end_on + timedelta(days=10)
    assert [p.started_on for p in rows[late].phases] == [NOV[2], NOV[9], NOV[20]]
    assert rows[on_time].slip_days == 0
    assert rows[on_time].offer_name == "Clarity Sprint"
    assert [r.journey_id for r in portfolio(ctx, [late, paused])] == [late]
    assert portfolio(ctx, []) == []


def test_the_capacity_strip_counts_my_booked_hours_week_by_week(
    ctx: Context, offer_id: int
) -> None:
    enrol(ctx, offer_id, "Ana Souza", TODAY)
    strip = capacity_strip(ctx)
    assert strip.weekly_hours == 30
    assert strip.weeks[0].week_start == TODAY
    assert strip.weeks[0].booked_hours == pytest.approx(1.0)  # the welcome call
    assert len(strip.weeks) >= 12


# today -------------------------------------------------------------------------------------


def test_today_splits_what_is_due_into_mine_the_clients_and_third_parties(
    ctx: Context, offer_id: int
) -> None:
    late = late_and_long(ctx, offer_id, "Ana Souza")
    fresh = enrol(ctx, offer_id, "Ben Ode", TODAY)
    due = today_list(ctx)
    assert {r.owner for r in due.mine} == {Owner.ME}
    assert {r.owner for r in due.client} == {Owner.CLIENT}
    assert [r.step_title for r in due.third_party] == ["Printer quote"]
    welcome = next(r for r in due.mine if r.journey_id == fresh)
    assert (welcome.step_title, welcome.timing, welcome.days_late) == (
        "Welcome call",
        Timing.TODAY,
        0,
    )
    intake = next(r for r in due.client if r.journey_id == fresh)
    assert (intake.timing, intake.due_on) == (Timing.THIS_WEEK, NOV[24])
    oldest = due.mine[0]
    assert (oldest.journey_id, oldest.step_title, oldest.days_late) == (late, "Welcome call", 21)
    assert oldest.timing is Timing.OVERDUE
    # Most late first within each group; nothing past the coming week.
    assert [r.due_on for r in due.mine] == sorted(r.due_on for r in due.mine)
    assert all(r.due_on <= TODAY + timedelta(days=6) for r in due.rows)
    assert overdue_counts(ctx) == {Owner.ME: 4, Owner.CLIENT: 2, Owner.THIRD_PARTY: 1}
    only_fresh = today_list(ctx, [fresh])
    assert {r.journey_id for r in only_fresh.rows} == {fresh}


def test_a_step_done_or_a_journey_paused_leaves_today(ctx: Context, offer_id: int) -> None:
    journey_id = enrol(ctx, offer_id, "Ana Souza", TODAY)
    complete_step(ctx, step_id(ctx, journey_id, "Welcome call"))
    assert "Welcome call" not in [r.step_title for r in today_list(ctx).rows]
    pause(ctx, journey_id)
    assert today_list(ctx).rows == ()


def test_a_paused_journey_is_listed_and_reminded_from_its_planned_resume_date(
    ctx: Context, offer_id: int
) -> None:
    waiting = enrol(ctx, offer_id, "Ana Souza", TODAY)
    planned = enrol(ctx, offer_id, "Ben Okafor", TODAY)
    pause(ctx, waiting, "Travelling")
    pause(ctx, planned, "Surgery", TODAY + timedelta(days=3))
    found = today_list(ctx)
    assert [(r.client_name, r.reason) for r in found.paused] == [
        ("Ana Souza", "Travelling"),
        ("Ben Okafor", "Surgery"),
    ]
    assert found.resume_due == () and resume_reminders(ctx) == []
    ctx.clock.day = TODAY + timedelta(days=3)  # type: ignore[attr-defined]
    found = today_list(ctx)
    assert [r.client_name for r in found.paused] == ["Ben Okafor", "Ana Souza"]  # due first
    assert [r.journey_id for r in found.resume_due] == [planned]
    assert [r.journey_id for r in resume_reminders(ctx)] == [planned]
    assert [r.journey_id for r in today_list(ctx, [waiting]).paused] == [waiting]


# reschedule --------------------------------------------------------------------------------


def test_reschedule_moves_only_the_step_unless_asked(ctx: Context, offer_id: int) -> None:
    journey_id = enrol(ctx, offer_id, "Ana Souza", TODAY)
    before = step_dates(ctx, journey_id)
    draft = step_id(ctx, journey_id, "Draft the plan")
    result = reschedule_step(ctx, draft, NOV[30])
    after = step_dates(ctx, journey_id)
    assert after["Draft the plan"] == (before["Draft the plan"][0], NOV[30])
    assert {t: d for t, d in after.items() if t != "Draft the plan"} == {
        t: d for t, d in before.items() if t != "Draft the plan"
    }
    assert result.value.shifted == 0
    assert result.changes.journeys == {journey_id}
    assert result.changes.touches(Aspect.STEPS | Aspect.CAPACITY)
    detail = journey_detail(ctx, journey_id)
    assert detail.activity[0].kind is ActivityKind.DUE_DATE_CHANGED


def test_reschedule_with_the_rest_moves_the_later_steps_of_the_phase_by_working_days(
    ctx: Context, offer_id: int
) -> None:
    journey_id = enrol(ctx, offer_id, "Ana Souza", TODAY)
    before = step_dates(ctx, journey_id)
    draft = step_id(ctx, journey_id, "Draft the plan")
    # Due Fri 27 Nov; moved to Tue 1 Dec: two working days later.
    assert before["Draft the plan"][1] == NOV[27]
    result = reschedule_step(ctx, draft, date(2026, 12, 1), shift_rest=True)
    after = step_dates(ctx, journey_id)
    calendar = WorkCalendar()
    for title in ("Progress note", "Plan approved", "Printer quote"):  # later, same phase
        start, due = before[title]
        assert after[title] == (
            shift_working_days(calendar, start, 2),
            shift_working_days(calendar, due, 2),
        )
    for title in ("Welcome call", "Intake form", "Final review"):  # other phases stay
        assert after[title] == before[title]
    assert result.value.shifted == 3
    kinds = [a.kind for a in journey_detail(ctx, journey_id).activity[:2]]
    assert kinds == [ActivityKind.STEPS_SHIFTED, ActivityKind.DUE_DATE_CHANGED]


def test_undoing_a_reschedule_puts_every_date_back(ctx: Context, offer_id: int) -> None:
    journey_id = enrol(ctx, offer_id, "Ana Souza", TODAY)
    before = step_dates(ctx, journey_id)
    draft = step_id(ctx, journey_id, "Draft the plan")
    done = reschedule_step(ctx, draft, date(2026, 12, 2), shift_rest=True).value
    undone = restore_step_dates(ctx, done)
    assert step_dates(ctx, journey_id) == before
    # What the undo replaced is what a redo would write again.
    assert undone.value.before[0].due_on == date(2026, 12, 2)


def test_a_reschedule_before_the_step_starts_or_of_a_done_step_is_refused(
    ctx: Context, offer_id: int
) -> None:
    journey_id = enrol(ctx, offer_id, "Ana Souza", TODAY)
    draft = step_id(ctx, journey_id, "Draft the plan")
    before = step_dates(ctx, journey_id)
    with pytest.raises(InvalidInput, match="cannot be due before it starts"):
        reschedule_step(ctx, draft, NOV[20], shift_rest=True)
    welcome = step_id(ctx, journey_id, "Welcome call")
    complete_step(ctx, welcome)
    with pytest.raises(InvalidInput, match="already done"):
        reschedule_step(ctx, welcome, NOV[30])
    assert step_dates(ctx, journey_id) == before


# nudges ------------------------------------------------------------------------------------


def test_a_nudge_fills_every_placeholder_of_the_steps_template(ctx: Context, offer_id: int) -> None:
    journey_id = enrol(ctx, offer_id, "Zoë <b>Müller</b> 🌱", TODAY, "zoe@example.com")
    note = step_id(ctx, journey_id, "Progress note")
    draft = nudge_draft(ctx, note)
    assert draft.from_template
    assert draft.body.split("|") == [
        "Zoë",
        "Zoë <b>Müller</b> 🌱",
        "Progress note",
        "Plan approved",  # the next open step after it
        "Deep work",
        ENGLISH.long_date(date(2026, 11, 30)),
        "North Star Coaching",
        "Clarity Sprint",
    ]
    assert len(draft.body.split("|")) == len(PLACEHOLDERS)
    assert "{" not in draft.body
    assert draft.email == "zoe@example.com"
    assert draft.subject == "Clarity Sprint: Progress note"


def test_a_clients_step_without_a_template_gets_a_reminder_to_edit(
    ctx: Context, offer_id: int
) -> None:
    journey_id = enrol(ctx, offer_id, "Ana Souza", TODAY)
    draft = nudge_draft(ctx, step_id(ctx, journey_id, "Intake form"))
    assert not draft.from_template
    assert draft.subject == "Reminder: Fill in and send back the form"  # a form: the client's words
    assert draft.body.startswith("Hi Ana,")
    assert "Tue 24 Nov 2026" in draft.body and "North Star Coaching" in draft.body


def test_my_own_step_that_is_no_touchpoint_has_no_nudge(ctx: Context, offer_id: int) -> None:
    journey_id = enrol(ctx, offer_id, "Ana Souza", TODAY)
    with pytest.raises(InvalidInput, match="nothing to nudge"):
        nudge_draft(ctx, step_id(ctx, journey_id, "Welcome call"))


def test_a_nudge_sent_is_the_journeys_last_contact(ctx: Context, offer_id: int) -> None:
    journey_id = enrol(ctx, offer_id, "Ana Souza", TODAY)
    intake = step_id(ctx, journey_id, "Intake form")
    assert nudge_draft(ctx, intake).last_nudged_at is None
    changes = record_nudge(ctx, intake, NudgeChannel.MAIL)
    assert changes.journeys == {journey_id}
    assert not changes.touches(Aspect.STEPS)  # no card or row changes
    entry = journey_detail(ctx, journey_id).activity[0]
    assert entry.kind is ActivityKind.NUDGE_SENT
    assert ENGLISH.activity_text(entry.kind, entry.detail) == (
        "Nudged the client about 'Intake form'"
    )
    draft = nudge_draft(ctx, step_id(ctx, journey_id, "Progress note"))
    assert draft.last_nudged_at is not None
    assert draft.last_nudged_at.date() == TODAY
    assert draft.last_nudged_step == "Intake form"


def test_first_names_and_mailto_addresses() -> None:
    assert first_name("  Zoë   Müller ") == "Zoë"
    assert first_name("Prince") == "Prince"
    url = mailto_url("zoe@example.com", "Re: a & b", "Hi Zoë,\n\n50% done?\nSee you")
    parts = urlsplit(url)
    assert parts.scheme == "mailto" and parts.path == "zoe@example.com"
    query = parse_qs(parts.query)
    assert query["subject"] == ["Re: a & b"]
    assert query["body"] == ["Hi Zoë,\r\n\r\n50% done?\r\nSee you"]
    assert unquote(url).count("\r\n") == 3
    assert url.isascii()
