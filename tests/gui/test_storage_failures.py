"""A write the database cannot take (another program holding it too long) and an undo of a
record changed since (a second window): the person is told in plain words, nothing is
saved or overwritten, the undo stack keeps no trace, and a note being typed stays typed."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from deliverydesk.model.rules.clock import FixedClock
from deliverydesk.services.context import Context, open_workspace
from deliverydesk.services.journeys.detail import JourneyDetail, journey_detail
from deliverydesk.services.views.queries import board_rows
from deliverydesk.services.workspace import Workspace
from deliverydesk.store import engine as store_engine
from deliverydesk.ui.board.board_page import BoardPage
from deliverydesk.ui.clients.client_page import ClientPage
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.undo_commands import (
    CompleteStepCommand,
    MoveJourneyCommand,
    SetDueDateCommand,
)
from tests.conftest import TODAY

LOCKED = "Another program is writing to your data"


@pytest.fixture
def ctx(demo_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Context]:
    """The demo practice, whose writes give up after 50 ms of waiting (5 s in the app)."""
    monkeypatch.setattr(store_engine, "BUSY_TIMEOUT_S", 0.05)
    folder = tmp_path / "demo"
    shutil.copytree(demo_template, folder)
    context = open_workspace(folder, FixedClock(TODAY))
    yield context
    context.close()


@contextmanager
def another_program_writing(ctx: Context) -> Iterator[None]:
    """A second connection holding the write lock for as long as the block runs."""
    with closing(sqlite3.connect(ctx.path, isolation_level=None)) as other:
        other.execute("BEGIN IMMEDIATE")
        other.execute("UPDATE client SET phone = phone WHERE id = 1")
        try:
            yield
        finally:
            other.execute("ROLLBACK")


def capture_warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []

    def warning(_parent: object, title: str, message: str, *_args: object) -> int:
        said.append(f"{title}: {message}")
        return QMessageBox.StandardButton.Ok.value

    monkeypatch.setattr(QMessageBox, "warning", warning)
    return said


def active_journey(ctx: Context) -> int:
    return next(r.journey_id for r in board_rows(ctx) if r.phase_position + 1 < r.phase_count)


def recorded(detail: JourneyDetail) -> tuple[object, ...]:
    """What the person would see change: activity, notes, steps done, the current phase."""
    return (
        len(detail.activity),
        tuple(n.text for n in detail.notes),
        detail.steps_done,
        tuple(p.status for p in detail.phases),
    )


@pytest.fixture
def page(ctx: Context, qtbot: QtBot) -> ClientPage:
    widget = ClientPage(Workspace(ctx), AppEvents(), QUndoStack())
    qtbot.addWidget(widget)
    widget.show()
    widget.show_journey(active_journey(ctx))
    return widget


def test_a_note_that_cannot_be_saved_stays_in_the_editor_and_leaves_no_undo(
    ctx: Context, page: ClientPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    said = capture_warnings(monkeypatch)
    journey_id = page.journey_id
    assert journey_id is not None
    before = recorded(journey_detail(ctx, journey_id))
    page.notes_panel.editor.setPlainText("Call went long: rebook Thursday")

    with another_program_writing(ctx):
        page.notes_panel.submit()

    assert len(said) == 1 and LOCKED in said[0] and "Traceback" not in said[0]
    assert page.notes_panel.editor.toPlainText() == "Call went long: rebook Thursday"
    assert page.undo_stack.count() == 0
    assert recorded(journey_detail(ctx, journey_id)) == before
    page.undo_stack.undo()  # Ctrl+Z now: nothing to undo, nothing logged
    assert recorded(journey_detail(ctx, journey_id)) == before

    page.notes_panel.submit()  # once the other program is done, the same words go in
    assert page.notes_panel.editor.toPlainText() == ""
    assert journey_detail(ctx, journey_id).notes[-1].text == "Call went long: rebook Thursday"


def test_a_tick_that_cannot_be_saved_is_explained_and_leaves_no_undo(
    ctx: Context, page: ClientPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    said = capture_warnings(monkeypatch)
    journey_id = page.journey_id
    assert journey_id is not None and page.detail is not None
    step = next(s for p in page.detail.phases for s in p.steps if s.completed_on is None)
    before = recorded(journey_detail(ctx, journey_id))

    with another_program_writing(ctx):
        page.toggle_step(step.id)

    assert len(said) == 1 and LOCKED in said[0]
    assert page.undo_stack.count() == 0
    assert recorded(journey_detail(ctx, journey_id)) == before


def test_a_move_that_cannot_be_saved_is_explained_and_ctrl_z_logs_no_false_undo(
    ctx: Context, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    said = capture_warnings(monkeypatch)
    stack = QUndoStack()
    board = BoardPage(Workspace(ctx), AppEvents(), stack)
    qtbot.addWidget(board)
    board.show()
    journey_id = active_journey(ctx)
    row = next(r for r in board_rows(ctx) if r.journey_id == journey_id)
    monkeypatch.setattr(BoardPage, "confirm_override", lambda *_args: True)
    before = recorded(journey_detail(ctx, journey_id))

    with another_program_writing(ctx):
        assert not board.request_move(journey_id, row.phase_position + 1)

    assert len(said) == 1 and LOCKED in said[0]
    assert stack.count() == 0
    stack.undo()
    assert recorded(journey_detail(ctx, journey_id)) == before


def test_an_undo_that_cannot_be_saved_is_explained_and_changes_nothing(
    ctx: Context, qtbot: QtBot
) -> None:
    workspace, events, stack = Workspace(ctx), AppEvents(), QUndoStack()
    journey_id = next(r.journey_id for r in board_rows(ctx) if r.phase_position >= 1)
    stack.push(MoveJourneyCommand(workspace, events, journey_id, 0, override=True))
    moved = recorded(journey_detail(ctx, journey_id))

    with qtbot.waitSignal(events.refused) as refused, another_program_writing(ctx):
        stack.undo()

    assert LOCKED in refused.args[0]
    assert recorded(journey_detail(ctx, journey_id)) == moved
    assert stack.count() == 0  # the failed undo left nothing to redo into a false state


# -- two windows on one practice -------------------------------------------------------------
@pytest.fixture
def second(ctx: Context) -> Iterator[Workspace]:
    """Another window (or program) with the same practice open."""
    other = open_workspace(ctx.path.parent, FixedClock(TODAY))
    yield Workspace(other)
    other.close()


def test_undoing_a_move_another_window_has_moved_on_since_is_refused(
    ctx: Context, second: Workspace, qtbot: QtBot
) -> None:
    journey_id = next(r.journey_id for r in board_rows(ctx) if r.phase_count >= 3)
    mine, events, stack = Workspace(ctx), AppEvents(), QUndoStack()
    stack.push(MoveJourneyCommand(mine, events, journey_id, 0, override=True))
    second.journeys.move_to_phase(journey_id, 2, override=True)  # the other window moves it on
    moved_on = recorded(journey_detail(ctx, journey_id))

    with qtbot.waitSignal(events.refused) as refused:
        stack.undo()

    assert "moved since" in refused.args[0] and "not undone" in refused.args[0]
    assert recorded(journey_detail(ctx, journey_id)) == moved_on  # no false undo logged
    assert stack.count() == 0


def test_undoing_a_due_date_changed_elsewhere_since_is_refused(
    ctx: Context, second: Workspace, qtbot: QtBot
) -> None:
    journey_id = active_journey(ctx)
    step = next(
        s for p in journey_detail(ctx, journey_id).phases for s in p.steps if s.completed_on is None
    )
    mine, events, stack = Workspace(ctx), AppEvents(), QUndoStack()
    stack.push(SetDueDateCommand(mine, events, step.id, step.due_on.replace(day=28), step.title))
    later = step.due_on.replace(day=28).replace(month=12)
    second.journeys.set_due_date(step.id, later)

    with qtbot.waitSignal(events.refused) as refused:
        stack.undo()

    assert "another due date since" in refused.args[0]
    now = next(
        s for p in journey_detail(ctx, journey_id).phases for s in p.steps if s.id == step.id
    )
    assert now.due_on == later


def test_undoing_a_tick_redone_elsewhere_on_another_day_is_refused(
    ctx: Context, second: Workspace, qtbot: QtBot
) -> None:
    journey_id = active_journey(ctx)
    step = next(
        s
        for p in journey_detail(ctx, journey_id).phases
        for s in p.steps
        if s.completed_on is None and s.start_on < TODAY
    )
    mine, events, stack = Workspace(ctx), AppEvents(), QUndoStack()
    stack.push(CompleteStepCommand(mine, events, step.id, TODAY, step.title))
    second.journeys.reopen_step(step.id)
    second.journeys.complete_step(step.id, step.start_on)  # done again, on the day it started

    with qtbot.waitSignal(events.refused) as refused:
        stack.undo()

    assert "another day since" in refused.args[0]
    now = next(
        s for p in journey_detail(ctx, journey_id).phases for s in p.steps if s.id == step.id
    )
    assert now.completed_on == step.start_on
