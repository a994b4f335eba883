"""The journey's invariants, machine-checked (issue 16).

A hypothesis state machine drives the services as the window does, through random
sequences of what a practitioner does (enrol with a past, present or future start, tick,
untick, mark done on a date, reschedule with and without shifting, move with and without
override, pause, resume, complete, cancel, archive, apply a revision of the offer, import
an intake form, let a day pass) and the undo of each. After every step every screen's read
of every journey must tell the same truth: see `JourneyInvariants.one_truth`.

CI runs a fixed, derandomised budget; a longer hunt is one variable away:
    DELIVERYDESK_HYPOTHESIS_EXAMPLES=5000 .venv/bin/pytest tests/unit/test_journey_invariants.py
"""

from __future__ import annotations

import atexit
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)

from deliverydesk.model.rules.clock import FixedClock
from deliverydesk.model.rules.enums import (
    JourneyStatus,
    Owner,
    PhaseStatus,
    QuestionKind,
    StepKind,
)
from deliverydesk.model.rules.health import ReasonCode
from deliverydesk.model.rules.offer_design import IntakeQuestion
from deliverydesk.paths import data_dir
from deliverydesk.services.clients.clients import ClientInput, add_client, enrol_client, unenrol
from deliverydesk.services.context import Context, open_workspace
from deliverydesk.services.errors import CheckpointBlocked, InvalidInput, NotFound
from deliverydesk.services.journeys import lifecycle
from deliverydesk.services.journeys.detail import JourneyDetail, journey_detail
from deliverydesk.services.journeys.journeys import (
    complete_step,
    move_to_phase,
    reopen_step,
    restore_phase_state,
)
from deliverydesk.services.journeys.reschedule import reschedule_step, restore_step_dates
from deliverydesk.services.offers.offer_apply import apply_to_journeys, revert_apply
from deliverydesk.services.offers.offer_design import offer_design, save_offer
from deliverydesk.services.offers.offers import OfferSpec, PhaseSpec, StepSpec, create_offer
from deliverydesk.services.paper.intake import (
    FilledForm,
    IntakeAnswer,
    restore_intake,
    save_intake_answers,
)
from deliverydesk.services.paper.report_data import progress_report
from deliverydesk.services.practice.practice import create_practice
from deliverydesk.services.views.dashboard import dashboard
from deliverydesk.services.views.queries import (
    JourneyRow,
    board_rows,
    client_rows,
    rows_for_journeys,
)
from deliverydesk.services.views.timeline import journey_timeline
from deliverydesk.services.views.today import today_list
from deliverydesk.store.summaries import summary_drift
from deliverydesk.wording import ENGLISH
from tests.conftest import TODAY

EXAMPLES = int(os.environ.get("DELIVERYDESK_HYPOTHESIS_EXAMPLES", "200"))
# Room to shrink a failure to its shortest form; a long hunt gets its own.
pytestmark = pytest.mark.timeout(max(300, EXAMPLES))
MON_FRI = frozenset({1, 2, 3, 4, 5})
REFUSED = (InvalidInput, NotFound, CheckpointBlocked)  # said to the person; nothing changes
QUESTION = IntakeQuestion("What do you want to change?", QuestionKind.SHORT_TEXT)

OFFER = OfferSpec(
    name="Brand Sprint",
    promise="A brand you can use.",
    intake_questions=(QUESTION,),
    phases=(
        PhaseSpec(
            "Discover",
            3,
            (
                StepSpec("Kick-off call", kind=StepKind.SESSION),
                StepSpec("Intake form", kind=StepKind.FORM, owner=Owner.CLIENT, offset_days=1),
                StepSpec("Discovery agreed", offset_days=2, is_checkpoint=True),
            ),
        ),
        PhaseSpec(
            "Design",
            4,
            (
                StepSpec("First concepts", kind=StepKind.DELIVERABLE, is_milestone=True),
                StepSpec("Prepare the review", offset_days=1, client_facing=False),
                StepSpec("Concept chosen", owner=Owner.CLIENT, offset_days=2, is_checkpoint=True),
            ),
        ),
        PhaseSpec(
            "Launch",
            2,
            (StepSpec("Launch kit", kind=StepKind.DELIVERABLE, is_milestone=True),),
        ),
    ),
)


@dataclass
class Shared:
    """One open practice for the whole run, set back to the template before each example:
    a new engine per example would compile every statement again (most of the run)."""

    template: Path
    offer_id: int
    ctx: Context

    def fresh(self) -> Context:
        self.ctx.clock = FixedClock(TODAY)
        raw = self.ctx.db.engine.raw_connection()
        try:
            with closing(sqlite3.connect(self.template)) as source:
                source.backup(raw.driver_connection)  # type: ignore[arg-type]
        finally:
            raw.close()
        return self.ctx


_SHARED: list[Shared] = []


def shared() -> Shared:
    if _SHARED:
        return _SHARED[0]
    # Memory-backed where the system has it: the run's thousands of small commits each
    # wait for the disk otherwise.
    memory = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None
    folder = Path(tempfile.mkdtemp(prefix="deliverydesk-invariants-", dir=memory))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    ctx = open_workspace(data_dir(folder / "template"), FixedClock(TODAY))
    try:
        create_practice(ctx, "Becker Design", 30, MON_FRI, owner_name="Jo")
        offer_id, _ = create_offer(ctx, OFFER)
        template = ctx.db.path
    finally:
        ctx.close()  # the template is only ever read from now on
    live = open_workspace(data_dir(folder / "live"), FixedClock(TODAY))
    atexit.register(live.close)
    _SHARED.append(Shared(template, offer_id, live))
    return _SHARED[0]


@dataclass
class Enrolment:
    client_id: int
    journey_id: int
    withdrawn: bool = False


Undo = Callable[[Context], object]
STARTS = st.sampled_from([-40, -12, -3, 0, 5, 20])  # days from today: past, present, future


class JourneyInvariants(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        practice = shared()
        self.ctx, self.offer_id = practice.fresh(), practice.offer_id
        clock = self.ctx.clock
        assert isinstance(clock, FixedClock)
        self.clock = clock
        self.touched: set[int] = set()  # journeys changed since the screens were compared
        self.enrolments: list[Enrolment] = []
        self.undos: list[tuple[int, Undo]] = []  # (journey, its undo), the last on top
        self.revised = False

    # -- helpers -------------------------------------------------------------------------
    def _do(self, journey_id: int, action: Callable[[], Any], undo: Callable[[Any], Undo]) -> None:
        """Run a use case as a command does: refused, it leaves nothing to undo."""
        try:
            value = action()
        except REFUSED:
            return
        self.touched.add(journey_id)
        self.undos.append((journey_id, undo(value)))

    def _live(self) -> list[Enrolment]:
        return [e for e in self.enrolments if not e.withdrawn]

    def _pick(self, index: int) -> Enrolment | None:
        live = self._live()
        return live[index % len(live)] if live else None

    def _steps(self, enrolment: Enrolment) -> list[Any]:
        detail = journey_detail(self.ctx, enrolment.journey_id)
        return [s for p in detail.phases for s in p.steps]

    # -- what a practitioner does --------------------------------------------------------
    @initialize(starts=st.lists(STARTS, min_size=1, max_size=2))
    def start(self, starts: list[int]) -> None:
        """The practice has its first clients (the run does not wait for them to come)."""
        for start_in in starts:
            self.enrol(start_in)
        self.undos.clear()

    @precondition(lambda self: len(self.enrolments) < 4)
    @rule(start_in=STARTS)
    def enrol(self, start_in: int) -> None:
        name = f"Client {len(self.enrolments) + 1}"
        client_id = add_client(self.ctx, ClientInput(name)).value
        start = self.clock.today() + timedelta(days=start_in)
        try:
            journey_id = enrol_client(self.ctx, client_id, self.offer_id, start).value
        except REFUSED:
            return
        enrolment = Enrolment(client_id, journey_id)
        self.enrolments.append(enrolment)
        self.touched.add(journey_id)

        def undo(ctx: Context) -> object:
            result = unenrol(ctx, journey_id)
            enrolment.withdrawn = True
            return result

        self.undos.append((journey_id, undo))

    @rule(which=st.integers(0, 3), step=st.integers(0, 6), days_ago=st.sampled_from([0, 0, 2, 9]))
    def tick(self, which: int, step: int, days_ago: int) -> None:
        enrolment = self._pick(which)
        if enrolment is None:
            return
        steps = self._steps(enrolment)
        target = steps[step % len(steps)]
        on = self.clock.today() - timedelta(days=days_ago)  # marked done on a date

        def undo(done: Any) -> Undo:
            return lambda ctx: reopen_step(ctx, target.id, expected=done.on, moved=done.moved)

        self._do(enrolment.journey_id, lambda: complete_step(self.ctx, target.id, on).value, undo)

    @rule(which=st.integers(0, 3), days_ago=st.sampled_from([0, 3]))
    def tick_next(self, which: int, days_ago: int) -> None:
        """Tick the next open step, as a practitioner working through the journey does."""
        enrolment = self._pick(which)
        if enrolment is None:
            return
        target = next((s for s in self._steps(enrolment) if s.completed_on is None), None)
        if target is None:
            return
        on = self.clock.today() - timedelta(days=days_ago)

        def undo(done: Any) -> Undo:
            return lambda ctx: reopen_step(ctx, target.id, expected=done.on, moved=done.moved)

        self._do(enrolment.journey_id, lambda: complete_step(self.ctx, target.id, on).value, undo)

    @rule(which=st.integers(0, 3))
    def tick_through_phase(self, which: int) -> None:
        """Tick every open step of the client's phase in one sitting, one command each."""
        enrolment = self._pick(which)
        if enrolment is None:
            return
        detail = journey_detail(self.ctx, enrolment.journey_id)
        for target in detail.phases[detail.current_position].steps:
            if target.completed_on is not None:
                continue

            def undo(done: Any, step_id: int = target.id) -> Undo:
                return lambda ctx: reopen_step(ctx, step_id, expected=done.on, moved=done.moved)

            def tick(step_id: int = target.id) -> Any:
                return complete_step(self.ctx, step_id).value

            self._do(enrolment.journey_id, tick, undo)

    @rule(which=st.integers(0, 3), step=st.integers(0, 6))
    def untick(self, which: int, step: int) -> None:
        enrolment = self._pick(which)
        if enrolment is None:
            return
        steps = self._steps(enrolment)
        target = steps[step % len(steps)]

        def undo(was: date) -> Undo:
            return lambda ctx: complete_step(ctx, target.id, was, undo=True)

        self._do(enrolment.journey_id, lambda: reopen_step(self.ctx, target.id).value, undo)

    @rule(
        which=st.integers(0, 3),
        step=st.integers(0, 6),
        days=st.sampled_from([-4, 3, 10]),
        shift=st.booleans(),
    )
    def reschedule(self, which: int, step: int, days: int, shift: bool) -> None:
        enrolment = self._pick(which)
        if enrolment is None:
            return
        steps = self._steps(enrolment)
        target = steps[step % len(steps)]
        due = target.due_on + timedelta(days=days)

        def undo(rescheduled: Any) -> Undo:
            return lambda ctx: restore_step_dates(ctx, rescheduled)

        self._do(
            enrolment.journey_id,
            lambda: reschedule_step(self.ctx, target.id, due, shift_rest=shift).value,
            undo,
        )

    @rule(which=st.integers(0, 3), position=st.integers(0, 3), override=st.booleans())
    def move(self, which: int, position: int, override: bool) -> None:
        enrolment = self._pick(which)
        if enrolment is None:
            return
        journey_id = enrolment.journey_id

        def undo(move: Any) -> Undo:
            if move is None:
                return lambda ctx: None
            return lambda ctx: restore_phase_state(
                ctx, journey_id, move.before, expected=move.after
            )

        self._do(
            enrolment.journey_id,
            lambda: move_to_phase(self.ctx, journey_id, position, override=override).value,
            undo,
        )

    @rule(
        which=st.integers(0, 3),
        action=st.sampled_from(["pause", "resume", "complete", "force", "cancel", "archive"]),
    )
    def lifecycle_action(self, which: int, action: str) -> None:
        enrolment = self._pick(which)
        if enrolment is None:
            return
        journey_id = enrolment.journey_id
        do: dict[str, Callable[[], Any]] = {
            "pause": lambda: lifecycle.pause(self.ctx, journey_id, "Travelling"),
            "resume": lambda: lifecycle.resume(self.ctx, journey_id),
            "complete": lambda: lifecycle.complete(self.ctx, journey_id),
            "force": lambda: lifecycle.complete(self.ctx, journey_id, force=True),
            "cancel": lambda: lifecycle.cancel(self.ctx, journey_id, "Moved away"),
            "archive": lambda: lifecycle.archive(self.ctx, journey_id),
        }

        def undo(before: Any) -> Undo:
            return lambda ctx: lifecycle.restore_journey_state(ctx, journey_id, before)

        self._do(journey_id, lambda: do[action]().value, undo)

    @rule(which=st.integers(0, 3))
    def apply_revision(self, which: int) -> None:
        """The offer's design changes (a step dropped from Design, one added to Launch, or
        back), and the change is applied to one journey."""
        enrolment = self._pick(which)
        if enrolment is None:
            return
        spec = offer_design(self.ctx, self.offer_id).spec
        design, launch = spec.phases[1], spec.phases[2]
        if self.revised:
            design = replace(design, steps=(*design.steps, StepSpec("Concept chosen again")))
            launch = replace(launch, steps=launch.steps[:1])
        else:
            design = replace(design, steps=design.steps[:-1])
            launch = replace(launch, steps=(*launch.steps, StepSpec("Launch call")))
        save_offer(self.ctx, self.offer_id, replace(spec, phases=(spec.phases[0], design, launch)))
        self.revised = not self.revised
        self._do(
            enrolment.journey_id,
            lambda: apply_to_journeys(self.ctx, self.offer_id, [enrolment.journey_id]).value,
            lambda applied: lambda ctx: revert_apply(ctx, applied),
        )

    @rule(which=st.integers(0, 3))
    def import_intake(self, which: int) -> None:
        enrolment = self._pick(which)
        if enrolment is None:
            return
        form = FilledForm(
            enrolment.client_id,
            self.offer_id,
            OFFER.name,
            (IntakeAnswer(QUESTION.text, QUESTION.kind, "Clarity"),),
        )
        client_id = enrolment.client_id
        self._do(
            enrolment.journey_id,
            lambda: save_intake_answers(self.ctx, client_id, form).value,
            lambda saved: lambda ctx: restore_intake(ctx, client_id, saved),
        )

    @precondition(lambda self: bool(self.undos))
    @rule()
    def undo(self) -> None:
        """Ctrl+Z: the last action taken back (refused when things changed since)."""
        journey_id, undo = self.undos.pop()
        try:
            undo(self.ctx)
        except REFUSED:
            return
        self.touched.add(journey_id)

    @rule(days=st.sampled_from([1, 3, 8]))
    def days_pass(self, days: int) -> None:
        self.clock.day += timedelta(days=days)
        self.touched.update(e.journey_id for e in self.enrolments)  # lateness moves on

    # -- what every screen must agree on -------------------------------------------------
    @invariant()
    def one_truth(self) -> None:
        if not self.touched:
            return  # a refused action changed nothing: the screens were compared already
        touched, self.touched = self.touched, set()
        ctx = self.ctx
        today = ctx.clock.today()
        board = {r.journey_id: r for r in board_rows(ctx)}
        listed = {r.journey_id: r for r in client_rows(ctx)}
        due = today_list(ctx)
        panel = dashboard(ctx)
        with ctx.db.engine.connect() as connection:
            assert summary_drift(connection) == [], "summary columns equal a recomputation"
        refreshed = {  # the rows a screen reads again after a change
            r.journey_id: r for r in rows_for_journeys(ctx, [e.journey_id for e in self._live()])
        }
        active = sum(r.status is JourneyStatus.ACTIVE for r in refreshed.values())
        for enrolment in self._live():
            if enrolment.journey_id not in touched:
                continue  # unchanged since it was last compared
            detail = journey_detail(ctx, enrolment.journey_id)
            check_detail(detail, today)
            if detail.status is JourneyStatus.ACTIVE:
                assert enrolment.journey_id in board, "an active journey is on the board"
            rows = (board, listed, refreshed)
            for row in (found.get(detail.journey_id) for found in rows):
                if row is not None:
                    check_row(row, detail)
            if detail.status is not JourneyStatus.ARCHIVED:
                assert detail.journey_id in listed, "the Clients list shows the journey"
            check_today(due.rows, detail, today)
            check_report(ctx, enrolment.client_id, detail, today)
            check_timeline(ctx, detail)
            check_dashboard_phase(panel.phases, detail)
        assert panel.active == active, "the dashboard counts the active journeys"


def open_count(phase: Any) -> int:
    return sum(s.completed_on is None for s in phase.steps)


def check_detail(detail: JourneyDetail, today: date) -> None:
    """The client page: one current phase, Done only with every step done, and health
    that never blames a finished phase."""
    assert 0 <= detail.current_position < len(detail.phases)
    for phase in detail.phases:
        if phase.status is PhaseStatus.DONE:
            assert open_count(phase) == 0, f"'{phase.name}' reads Done with a step open"
        if phase.status is PhaseStatus.SKIPPED:
            assert open_count(phase) > 0, f"'{phase.name}' reads Skipped with nothing open"
    statuses = [p.status for p in detail.phases]
    here = {
        JourneyStatus.ACTIVE: PhaseStatus.CURRENT,
        JourneyStatus.PAUSED: PhaseStatus.CURRENT,
        JourneyStatus.CANCELLED: PhaseStatus.STOPPED,
    }.get(detail.status)
    if here is not None:
        assert statuses.count(here) == 1, "a journey has one current phase"
        assert statuses[detail.current_position] is here
    current = detail.phases[detail.current_position]
    if open_count(current) == 0:
        assert all(r.code is not ReasonCode.PHASE_OVER_PLAN for r in detail.verdict.reasons), (
            "health blames a phase whose steps are all done"
        )
    done = sum(s.completed_on is not None for p in detail.phases for s in p.steps)
    assert (detail.steps_done, detail.steps_total) == (
        done,
        sum(len(p.steps) for p in detail.phases),
    )


def next_open(detail: JourneyDetail) -> Any:
    return next((s for p in detail.phases for s in p.steps if s.completed_on is None), None)


def check_row(row: JourneyRow, detail: JourneyDetail) -> None:
    """A board card and a Clients row say what the client page says."""
    assert row.status is detail.status
    assert (row.phase_position, row.phase_name) == (
        detail.current_position,
        detail.phases[detail.current_position].name,
    )
    assert (row.steps_done, row.steps_total) == (detail.steps_done, detail.steps_total)
    upcoming = next_open(detail)
    assert row.next_step_title == (upcoming.title if upcoming else "")
    assert row.next_step_due == (upcoming.due_on if upcoming else None)
    assert row.verdict == detail.verdict, "the card's health is the page's"


def check_today(rows: tuple[Any, ...], detail: JourneyDetail, today: date) -> None:
    """Today lists exactly the active journey's open steps due within the week, each in
    the phase the page shows it in."""
    listed = {r.step_id: r for r in rows if r.journey_id == detail.journey_id}
    horizon = today + timedelta(days=6)
    expected = {
        s.id: p.name
        for p in detail.phases
        for s in p.steps
        if s.completed_on is None and s.due_on <= horizon and detail.status is JourneyStatus.ACTIVE
    }
    assert {i: r.phase_name for i, r in listed.items()} == expected
    for row in listed.values():
        assert row.days_late == max((today - row.due_on).days, 0)


def check_report(ctx: Context, client_id: int, detail: JourneyDetail, today: date) -> None:
    """The progress report's data: the same phases and statuses, and a next milestone that
    is the next open one, said to be late once its date has passed."""
    if detail.status is JourneyStatus.ARCHIVED:
        return  # no report is made of an archived journey
    report = progress_report(ctx, client_id)
    phases = report.journey_map.phases
    assert [p.name for p in phases] == [p.name for p in detail.phases]
    assert [p.status for p in phases] == [p.status for p in detail.phases]
    assert [p.open_steps for p in phases] == [open_count(p) for p in detail.phases]
    client_steps = [s for p in detail.phases for s in p.steps]  # every step client-facing but one
    if detail.status in (JourneyStatus.ACTIVE, JourneyStatus.PAUSED):
        current = detail.phases[detail.current_position]
        number = f"phase {detail.current_position + 1} of {len(detail.phases)}, {current.name}"
        assert number in report.summary
    milestone = next((s for s in client_steps if s.is_milestone and s.completed_on is None), None)
    if milestone is None or detail.status not in (JourneyStatus.ACTIVE, JourneyStatus.PAUSED):
        assert "next milestone" not in report.summary or milestone is not None
    else:
        assert f"next milestone: {milestone.title}" in report.summary
        if milestone.due_on < today:
            assert ENGLISH.due_words(milestone.due_on, today, paper=True) in report.summary


def check_timeline(ctx: Context, detail: JourneyDetail) -> None:
    spans = journey_timeline(ctx, detail.journey_id).phases
    assert [(s.status, s.open_steps) for s in spans] == [
        (p.status, open_count(p)) for p in detail.phases
    ]


def check_dashboard_phase(waits: tuple[Any, ...], detail: JourneyDetail) -> None:
    """The dashboard counts a running journey in the phase the page shows it in."""
    current = detail.phases[detail.current_position]
    if detail.status is not JourneyStatus.ACTIVE or current.started_on is None:
        return
    if current.completed_on is not None:
        return
    names = {(w.phase_name, w.position) for w in waits}
    assert (current.name, current.position) in names or current.name in {
        w.phase_name for w in waits
    }, f"the dashboard does not count the journey in '{current.name}'"


JourneyInvariants.TestCase.settings = settings(
    derandomize=EXAMPLES <= 200,  # CI: the same examples every run
    max_examples=EXAMPLES,
    stateful_step_count=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
TestJourneyInvariants = JourneyInvariants.TestCase
