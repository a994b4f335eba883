"""Ticking several steps at once on the client's checklist: Shift-click and Ctrl-click (or
Shift and an arrow) select them, Space marks every one done, one undo opens them all
again and one redo ticks them all; Space on steps all done opens them again."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from deliverydesk.services.context import Context
from deliverydesk.services.journeys.detail import StepDetail
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.clients.checklist import STEP
from deliverydesk.ui.clients.client_page import ClientPage
from deliverydesk.ui.clients.clients_page import ClientsPage
from deliverydesk.ui.core.events import AppEvents
from tests.conftest import TODAY
from tests.gui.test_client_page_editing import late_active_journey, steps, stored

SHIFT, CTRL = Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def page(demo_ws: Workspace, qtbot: QtBot, demo_ctx: Context, events: AppEvents) -> ClientPage:
    widget = ClientsPage(demo_ws, events, QUndoStack())
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    widget.open_journey(late_active_journey(demo_ctx))
    return widget.client_page


def click_row(
    qtbot: QtBot,
    page: ClientPage,
    step: StepDetail,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    """A click on the step's title (not its box), with Shift or Ctrl held as given."""
    view = page.checklist
    item = view.step_item(step.id)
    assert item is not None
    view.scrollToItem(item)
    rect = view.visualRect(view.indexFromItem(item, STEP))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def ticked(page: ClientPage, step: StepDetail) -> bool:
    item = page.checklist.step_item(step.id)
    assert item is not None
    return item.checkState(STEP) == Qt.CheckState.Checked


def open_steps(page: ClientPage) -> list[StepDetail]:
    assert page.detail is not None
    return [s for s in steps(page.detail) if s.completed_on is None]


def test_shift_and_ctrl_click_then_space_marks_them_all_done_and_one_undo_takes_it_back(
    qtbot: QtBot, page: ClientPage, demo_ctx: Context
) -> None:
    journey_id = page.journey_id
    assert journey_id is not None
    first, second, third, _, fifth = open_steps(page)[:5]
    click_row(qtbot, page, first)
    click_row(qtbot, page, third, SHIFT)  # first to third
    click_row(qtbot, page, fifth, CTRL)  # and the fifth
    assert [s.id for s in page.checklist.selected_steps()] == [
        first.id,
        second.id,
        third.id,
        fifth.id,
    ]
    qtbot.keyClick(page.checklist, Qt.Key.Key_Space)

    chosen = (first, second, third, fifth)
    assert all(stored(demo_ctx, journey_id, s.id).completed_on == TODAY for s in chosen)
    assert all(ticked(page, s) for s in chosen)
    assert page.undo_stack.count() == 1
    assert page.undo_stack.undoText() == "Mark 4 steps done"

    page.undo_stack.undo()
    assert all(stored(demo_ctx, journey_id, s.id).completed_on is None for s in chosen)
    assert not any(ticked(page, s) for s in chosen)
    page.undo_stack.redo()
    assert all(stored(demo_ctx, journey_id, s.id).completed_on == TODAY for s in chosen)


def test_shift_and_arrows_select_and_space_opens_steps_all_done_again(
    qtbot: QtBot, page: ClientPage, demo_ctx: Context
) -> None:
    journey_id = page.journey_id
    assert journey_id is not None
    first, second = open_steps(page)[:2]
    click_row(qtbot, page, first)
    qtbot.keyClick(page.checklist, Qt.Key.Key_Down, SHIFT)
    assert [s.id for s in page.checklist.selected_steps()] == [first.id, second.id]
    qtbot.keyClick(page.checklist, Qt.Key.Key_Space)
    assert ticked(page, first) and ticked(page, second)
    qtbot.keyClick(page.checklist, Qt.Key.Key_Space)  # all done: opened again, together
    assert not ticked(page, first) and not ticked(page, second)
    assert stored(demo_ctx, journey_id, first.id).completed_on is None
    assert page.undo_stack.undoText() == "Open 2 steps again"
    assert page.undo_stack.count() == 2


def test_the_mark_done_button_acts_on_every_selected_step(
    qtbot: QtBot, page: ClientPage, demo_ctx: Context
) -> None:
    first, second, third = open_steps(page)[:3]
    click_row(qtbot, page, first)
    click_row(qtbot, page, third, CTRL)
    page.toggle_action.trigger()
    assert ticked(page, first) and ticked(page, third) and not ticked(page, second)
    assert page.undo_stack.undoText() == "Mark 2 steps done"
