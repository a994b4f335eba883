"""Friction logged, resolved and reopened through the real widgets: a board card's menu,
the client page (its step menu and Friction tab) and Today, one shared dialog, each step
undoable, shown on the card and counted in its health."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QMenu
from pytestqt.qtbot import QtBot

from deliverydesk.model.rules.enums import FrictionKind, Severity
from deliverydesk.services.context import Context
from deliverydesk.services.journeys.detail import StepDetail, journey_detail
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.board.board_page import BoardPage
from deliverydesk.ui.clients.client_page import ClientPage
from deliverydesk.ui.clients.clients_page import ClientsPage
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.today.today_page import TodayPage
from deliverydesk.ui.widgets.friction_dialog import FrictionDialog, ResolveFrictionDialog
from tests.conftest import TODAY
from tests.gui.test_client_page_editing import late_active_journey, steps

Fill = Callable[[QtBot, FrictionDialog], None]


def answer_friction(
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, fill: Fill | None
) -> list[FrictionDialog]:
    """Answer the next friction dialogs: `fill` types into it, then OK (None: Cancel)."""
    shown: list[FrictionDialog] = []

    def exec_(dialog: FrictionDialog) -> int:
        shown.append(dialog)
        if fill is None:
            return QDialog.DialogCode.Rejected.value
        fill(qtbot, dialog)
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        return dialog.result()

    monkeypatch.setattr(FrictionDialog, "exec", exec_)
    return shown


def payment_trouble(qtbot: QtBot, dialog: FrictionDialog) -> None:
    qtbot.keyClicks(dialog.description, "Invoice unpaid for three weeks")
    dialog.category.setCurrentIndex(dialog.category.findText("Payment"))
    dialog.severity.setCurrentIndex(dialog.severity.findText("High"))


def lines(page: ClientPage) -> list[str]:
    return [page.friction.item(i).text() for i in range(page.friction.count())]


@pytest.fixture
def page(demo_ws: Workspace, qtbot: QtBot, demo_ctx: Context, events: AppEvents) -> ClientPage:
    clients = ClientsPage(demo_ws, events, QUndoStack())
    qtbot.addWidget(clients)
    clients.resize(1200, 800)
    clients.show()
    clients.open_journey(late_active_journey(demo_ctx))
    return clients.client_page


def a_step_with_a_failure_point(page: ClientPage) -> StepDetail:
    assert page.detail is not None
    return next(s for s in steps(page.detail) if s.failure_point and s.recovery_protocol)


def test_log_friction_from_a_step_shows_its_recovery_and_undo_takes_it_back(
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, page: ClientPage, demo_ctx: Context
) -> None:
    journey_id = page.journey_id
    assert journey_id is not None
    step = a_step_with_a_failure_point(page)
    before = journey_detail(demo_ctx, journey_id).friction
    shown = answer_friction(monkeypatch, qtbot, payment_trouble)
    page.checklist.select_step(step.id)
    menu = page.step_menu()
    (action,) = [a for a in menu.actions() if a.text() == "Log friction about this step…"]
    action.trigger()

    (dialog,) = shown
    assert dialog.suggestion.text() == (
        f"What usually goes wrong: {step.failure_point}\nRecovery: {step.recovery_protocol}"
    )
    stored = journey_detail(demo_ctx, journey_id).friction
    assert len(stored) == len(before) + 1
    (logged,) = [f for f in stored if f not in before]
    assert (logged.kind, logged.severity, logged.step_id, logged.resolved_on) == (
        FrictionKind.PAYMENT, Severity.HIGH, step.id, None,
    )  # fmt: skip
    assert lines(page)[0] == (
        f"Mon 23 Nov 2026 · High · Payment · {step.title} · open\nInvoice unpaid for three weeks"
    )
    assert "Invoice unpaid for three weeks" in page.health.text()  # open friction: health
    assert page.activity.item(0).text() == "Mon 23 Nov 2026 · Logged friction (high)"
    assert page.undo_stack.undoText() == "Log friction"

    page.undo_stack.undo()
    assert journey_detail(demo_ctx, journey_id).friction == before
    assert "Invoice unpaid" not in page.health.text()
    page.undo_stack.redo()  # back under its own id
    assert logged in journey_detail(demo_ctx, journey_id).friction


def test_the_dialog_refuses_an_empty_description_and_cancel_changes_nothing(
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, page: ClientPage, demo_ctx: Context
) -> None:
    assert page.detail is not None and page.journey_id is not None
    dialog = FrictionDialog(steps(page.detail), TODAY, None, page)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.description, "   ")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.result() == QDialog.DialogCode.Rejected.value  # still open
    assert dialog.problem.text() == "Say what went wrong."
    assert dialog.problem.isVisibleTo(dialog)

    before = journey_detail(demo_ctx, page.journey_id).friction
    answer_friction(monkeypatch, qtbot, None)
    qtbot.mouseClick(page.friction_panel.log_button, Qt.MouseButton.LeftButton)
    assert journey_detail(demo_ctx, page.journey_id).friction == before
    assert page.undo_stack.count() == 0


def test_resolve_with_a_note_and_a_date_then_reopen_each_undoable(
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, page: ClientPage, demo_ctx: Context
) -> None:
    journey_id = page.journey_id
    assert journey_id is not None
    answer_friction(monkeypatch, qtbot, payment_trouble)
    qtbot.mouseClick(page.friction_panel.log_button, Qt.MouseButton.LeftButton)
    panel = page.friction_panel
    panel.list.setCurrentRow(0)
    assert panel.resolve_button.isEnabled() and not panel.reopen_button.isEnabled()

    def resolve(dialog: ResolveFrictionDialog) -> int:
        qtbot.keyClicks(dialog.note, "Agreed a payment plan")
        dialog.resolved.setDate(TODAY.replace(day=20))
        assert dialog.resolved.date().toPython() == TODAY  # before it happened: not taken
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(ResolveFrictionDialog, "exec", resolve)
    qtbot.mouseClick(panel.resolve_button, Qt.MouseButton.LeftButton)
    assert lines(page)[0] == (
        "Mon 23 Nov 2026 · High · Payment · resolved Mon 23 Nov 2026\n"
        "Invoice unpaid for three weeks\nAgreed a payment plan"
    )
    assert "Invoice unpaid" not in page.health.text()
    assert page.undo_stack.undoText() == "Resolve friction"
    assert panel.reopen_button.isEnabled() and not panel.resolve_button.isEnabled()

    qtbot.mouseClick(panel.reopen_button, Qt.MouseButton.LeftButton)
    assert lines(page)[0].splitlines()[0].endswith("· open")
    assert "Invoice unpaid" in page.health.text()
    assert page.activity.item(0).text() == "Mon 23 Nov 2026 · Reopened friction"
    page.undo_stack.undo()  # resolved again, with its note and date
    (friction, *_) = journey_detail(demo_ctx, journey_id).friction
    assert (friction.recovery, friction.resolved_on) == ("Agreed a payment plan", TODAY)
    page.undo_stack.undo()
    (friction, *_) = journey_detail(demo_ctx, journey_id).friction
    assert friction.resolved_on is None


def test_log_friction_from_a_board_card_shows_on_the_card(
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, demo_ws: Workspace, demo_ctx: Context,
    events: AppEvents,
) -> None:  # fmt: skip
    board = BoardPage(demo_ws, events, QUndoStack())
    qtbot.addWidget(board)
    board.show()
    journey_id = late_active_journey(demo_ctx)
    before = board.index.cards[journey_id].open_friction
    answer_friction(monkeypatch, qtbot, payment_trouble)
    menu = board.card_menu(journey_id)
    assert isinstance(menu, QMenu)
    texts = [a.text() for a in menu.actions()]
    assert texts[:2] == ["Open client", "Log friction…"]
    menu.actions()[1].trigger()
    assert board.index.cards[journey_id].open_friction == before + 1
    assert board.undo_stack.undoText() == "Log friction"
    board.undo_stack.undo()
    assert board.index.cards[journey_id].open_friction == before


def test_log_friction_from_today_concerns_the_selected_step(
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, demo_ws: Workspace, demo_ctx: Context,
    events: AppEvents,
) -> None:  # fmt: skip
    today = TodayPage(demo_ws, events, QUndoStack())
    qtbot.addWidget(today)
    today.show()
    qtbot.waitUntil(lambda: bool(today.model.all_rows()), timeout=2000)
    row = today.model.all_rows()[0]
    assert today.select_step(row.step_id)
    shown = answer_friction(monkeypatch, qtbot, payment_trouble)
    assert today.friction_action.isEnabled()
    today.friction_action.trigger()
    (dialog,) = shown
    assert dialog.step.currentData() == row.step_id
    (logged, *_) = journey_detail(demo_ctx, row.journey_id).friction
    assert (logged.description, logged.step_id) == ("Invoice unpaid for three weeks", row.step_id)
