"""The client page refreshes by aspect: an edit reads only what it can have changed (ticking a
step reads no notes), redraws only what differs, and the page then shows exactly what the
same journey opened afresh shows, after every edit and every undo."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QPalette, QUndoStack
from PySide6.QtWidgets import QListWidget, QTreeWidgetItem
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from deliverydesk.model.rules.enums import JourneyStatus
from deliverydesk.services.changes import Changes
from deliverydesk.services.clients.clients import ClientInput
from deliverydesk.services.context import Context
from deliverydesk.services.journeys import records
from deliverydesk.services.journeys.detail import StepDetail
from deliverydesk.services.views.queries import client_rows
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.clients.client_page import ClientPage
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.undo_commands import SetDueDateCommand
from deliverydesk.ui.look.theme import semantic
from deliverydesk.ui.main_window import MainWindow

# What the page's own reads of each kind of record begin with (a write's statements, and
# the summary's EXISTS over feedback, begin otherwise).
NOTES, FRICTION, FEEDBACK = "SELECT note.", "SELECT friction.", "SELECT feedback."
STEPS, PHASES = "SELECT journey_step.", "SELECT journey_phase."


@contextmanager
def statements(ctx: Context) -> Iterator[list[str]]:
    """Every SQL statement run on the practice's database while the block runs."""
    seen: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        seen.append(" ".join(statement.split()))

    event.listen(ctx.db.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(ctx.db.engine, "before_cursor_execute", record)


def reads(seen: list[str], *kinds: str) -> list[str]:
    return [s for s in seen if s.startswith(kinds)]


def lines(widget: QListWidget) -> list[str]:
    return [widget.item(i).text() for i in range(widget.count())]


def row(item: QTreeWidgetItem) -> tuple[Any, ...]:
    return tuple(
        (item.text(c), item.toolTip(c), item.checkState(c), item.icon(c).cacheKey() != 0)
        for c in range(item.columnCount())
    )


def what_it_shows(page: ClientPage) -> dict[str, Any]:
    """Everything a person reads on the page, tab by tab."""
    tree = page.checklist
    phases = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    return {
        "header": (page.name.text(), page.subtitle.text(), page.next_step.text()),
        "health": (page.health.text(), page.health.toolTip(), page.health.isHidden()),
        "progress": (page.progress.value(), page.progress.maximum(), page.progress.format()),
        "progress words": page.progress_label.text(),
        "state": (page.journey_bar.state.text(), page.journey_bar.state_line.isHidden()),
        "checklist": [
            (row(p), [row(p.child(i)) for i in range(p.childCount())]) for p in phases if p
        ],
        "notes": lines(page.notes),
        "friction": lines(page.friction),
        "feedback": lines(page.feedback),
        "activity": lines(page.activity),
    }


def opened_afresh(workspace: Workspace, journey_id: int) -> dict[str, Any]:
    page = ClientPage(workspace, AppEvents(), QUndoStack())
    page.show_journey(journey_id)
    shown = what_it_shows(page)
    page.deleteLater()
    return shown


def open_steps(page: ClientPage) -> list[StepDetail]:
    assert page.detail is not None
    return [s for p in page.detail.phases for s in p.steps if s.completed_on is None]


def done_steps(page: ClientPage) -> list[StepDetail]:
    assert page.detail is not None
    return [s for p in page.detail.phases for s in p.steps if s.completed_on is not None]


@pytest.fixture
def page(demo_ws: Workspace, demo_ctx: Context, events: AppEvents, qtbot: QtBot) -> ClientPage:
    """An active journey with notes, friction, feedback, done, open and late steps."""
    widget = ClientPage(demo_ws, events, QUndoStack())
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    journey = next(
        r.journey_id
        for r in client_rows(demo_ctx)
        if r.status is JourneyStatus.ACTIVE and r.journey_id is not None and r.open_friction
    )
    records.record_feedback(demo_ctx, journey, score=9, words="Clear and calm")
    demo_ws.journeys.add_note(journey, "Prefers mornings")
    widget.show_journey(journey)
    assert widget.notes.count() and widget.feedback.count() and widget.friction.count()
    return widget


# -- what an edit reads ----------------------------------------------------------------------
def test_opening_a_journey_reads_every_record(page: ClientPage, demo_ctx: Context) -> None:
    assert page.journey_id is not None
    with statements(demo_ctx) as seen:
        page.show_journey(page.journey_id)
    assert reads(seen, NOTES) and reads(seen, FRICTION) and reads(seen, FEEDBACK)


def test_ticking_a_step_reads_no_notes_friction_or_feedback(
    page: ClientPage, demo_ctx: Context
) -> None:
    step = open_steps(page)[0]
    for edit in (lambda: page.toggle_step(step.id), page.undo_stack.undo):
        with statements(demo_ctx) as seen:
            edit()
        assert reads(seen, STEPS), "the steps are read again"
        assert reads(seen, NOTES, FRICTION, FEEDBACK) == []


def test_a_note_reads_no_steps_phases_friction_or_feedback(
    page: ClientPage, demo_ctx: Context
) -> None:
    with statements(demo_ctx) as seen:
        page.add_note("Called; all good")
    assert reads(seen, NOTES)
    assert reads(seen, STEPS, PHASES, FRICTION, FEEDBACK) == []
    assert lines(page.notes)[0].endswith("Called; all good")


# -- what the page shows after each edit and undo --------------------------------------------
def test_after_every_edit_and_undo_the_page_shows_what_a_fresh_page_shows(
    page: ClientPage, demo_ws: Workspace, demo_ctx: Context, events: AppEvents
) -> None:
    journey = page.journey_id
    assert journey is not None and page.detail is not None
    stack = page.undo_stack
    first_open = open_steps(page)[0]
    # A paid invoice asks before it is unticked (the demo's invoices are paid): not this one.
    first_done = next(s for s in done_steps(page) if s.paid_on is None)

    def announce(changes: Changes) -> None:  # as any other view's command would
        events.changed.emit(changes)

    edits: list[tuple[str, Callable[[], object]]] = [
        ("tick", lambda: page.toggle_step(first_open.id)),
        ("undo the tick", stack.undo),
        ("redo the tick", stack.redo),
        ("untick", lambda: page.toggle_step(first_done.id)),
        ("undo the untick", stack.undo),
        (
            "due date",
            lambda: stack.push(
                SetDueDateCommand(
                    demo_ws,
                    events,
                    first_open.id,
                    first_open.due_on + timedelta(days=9),
                    first_open.title,
                )
            ),
        ),
        ("undo the due date", stack.undo),
        ("note", lambda: page.add_note("Called; all good")),
        ("undo the note", stack.undo),
        ("friction", lambda: announce(records.log_friction(demo_ctx, journey, "No reply")[1])),
        (
            "feedback",
            lambda: announce(records.record_feedback(demo_ctx, journey, score=4, words="Slow")[1]),
        ),
        (
            "client details",
            lambda: announce(
                demo_ws.clients.update_client(
                    page.detail.client_id if page.detail else 0, ClientInput("Ana Souza-Lima")
                ).changes
            ),
        ),
        ("pause", lambda: announce(demo_ws.journeys.pause(journey, "Holiday").changes)),
        ("resume", lambda: announce(demo_ws.journeys.resume(journey).changes)),
    ]
    for name, edit in edits:
        before = what_it_shows(page)
        edit()
        after = what_it_shows(page)
        assert after != before, f"{name} shows on the page"
        assert after == opened_afresh(demo_ws, journey), name


def test_a_tick_shows_at_once_in_the_checklist_progress_and_activity(
    page: ClientPage,
) -> None:
    assert page.detail is not None
    step, done = open_steps(page)[0], page.detail.steps_done
    page.toggle_step(step.id)
    item = page.checklist.step_item(step.id)
    assert item is not None and item.checkState(0) == Qt.CheckState.Checked
    assert page.progress.value() == done + 1
    assert page.activity.item(0).text().endswith(f"Completed '{step.title}'")
    page.undo_stack.undo()
    assert item.checkState(0) == Qt.CheckState.Unchecked
    assert page.progress.value() == done
    assert page.activity.item(0).text().endswith(f"Reopened '{step.title}' (undo)")


def test_a_tick_and_its_undo_redraw_only_the_steps_row(page: ClientPage) -> None:
    """The rows that read the same are left alone: a tick that leaves its phase open
    repaints the step's row, not every phase's row as well."""
    assert page.detail is not None
    tree = page.checklist
    phase = next(p for p in page.detail.phases if p.open_steps >= 2)
    step = next(s for s in phase.steps if s.completed_on is None)
    item = tree.step_item(step.id)
    assert item is not None
    touched: list[str] = []

    def seen(top_left: QModelIndex, bottom_right: QModelIndex, _roles: object = None) -> None:
        for row in range(top_left.row(), bottom_right.row() + 1):
            touched.append(tree.itemFromIndex(top_left.sibling(row, 0)).text(0))

    tree.model().dataChanged.connect(seen)
    page.toggle_step(step.id)
    page.undo_stack.undo()
    tree.model().dataChanged.disconnect(seen)
    assert item.text(0) in touched
    assert set(touched) == {item.text(0)}, "no other row is set again"


def test_the_progress_bar_is_a_flat_track_filled_as_far_as_the_steps_done(
    page: ClientPage,
) -> None:
    """As on a board card: the highlight colour up to the share done, the track after."""
    assert page.detail is not None
    bar = page.progress
    share = bar.value() / bar.maximum()
    assert 0.1 < share < 0.9
    image = bar.grab().toImage()
    middle = image.height() // 2
    highlight = bar.palette().color(QPalette.ColorRole.Highlight)
    assert image.pixelColor(int(image.width() * share / 2), middle).rgb() == highlight.rgb()
    assert image.pixelColor(int(image.width() * (1 + share) / 2), middle).rgb() == (
        semantic(bar.palette()).track.rgb()
    )


# -- the overdue banner follows an edit by counting only the journey it touched --------------
def test_the_overdue_banner_follows_a_tick_of_a_late_step_and_its_undo(
    qtbot: QtBot, demo_ws: Workspace, demo_ctx: Context, events: AppEvents
) -> None:
    window = MainWindow(demo_ws, events)
    qtbot.addWidget(window)
    window.show()
    banner = window.overdue.banner
    qtbot.waitUntil(lambda: not banner.isHidden(), timeout=2000)
    start = banner.message.text()
    assert start.startswith("13 steps are late")
    late = next(
        (row.journey_id, step)
        for row in client_rows(demo_ctx)
        if row.status is JourneyStatus.ACTIVE and row.journey_id is not None
        for phase in demo_ws.journeys.journey_detail(row.journey_id).phases
        for step in phase.steps
        if step.completed_on is None and step.due_on < demo_ws.today()
    )
    window.open_client(late[0])
    page = window.clients.client_page
    with statements(demo_ctx) as seen:
        page.toggle_step(late[1].id)
    assert banner.message.text().startswith("12 steps are late")
    # Counted again for that journey only: no statement counts every journey's steps.
    overdue_counts = [s for s in seen if "count(*)" in s]
    assert overdue_counts and all("IN (" in s for s in overdue_counts)
    page.undo_stack.undo()
    assert banner.message.text() == start
    window.overdue.recount()  # counting every journey agrees
    assert banner.message.text() == start
