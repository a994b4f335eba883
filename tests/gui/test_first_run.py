"""The first start greets the user and offers the demo practice or their own."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from deliverydesk.services.context import Context
from deliverydesk.services.practice.practice import get_practice
from deliverydesk.services.views.queries import client_rows
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.main_window import MainWindow
from deliverydesk.ui.welcome import WelcomeDialog

LONG = 60_000  # ms: seeding the demo takes seconds; a loaded test machine may take several


def test_exploring_the_demo_fills_the_practice(
    empty_ws: Workspace, qtbot: QtBot, empty_ctx: Context
) -> None:
    dialog = WelcomeDialog(empty_ws)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.accepted, timeout=LONG):
        qtbot.mouseClick(dialog.demo_button, Qt.MouseButton.LeftButton)
        # While it works, the window is responsive and says how far along it is.
        assert dialog.demo_progress.isVisible() and dialog.cancel_demo_button.isEnabled()
        assert not dialog.demo_button.isEnabled() and not dialog.own_button.isEnabled()
        # A moving (busy) bar until the first share is done, never one stuck at 0 %.
        assert dialog.demo_progress.maximum() == 0
        qtbot.waitUntil(lambda: dialog.demo_progress.value() >= 25, timeout=LONG)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert get_practice(empty_ctx) is not None
    assert len({row.client_id for row in client_rows(empty_ctx)}) == 25


def test_cancelling_the_demo_adds_nothing_and_offers_both_choices_again(
    empty_ws: Workspace, qtbot: QtBot, empty_ctx: Context
) -> None:
    dialog = WelcomeDialog(empty_ws)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.demo_progress.value() > 0, timeout=LONG)
    qtbot.mouseClick(dialog.cancel_demo_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: not dialog.demo_progress.isVisible(), timeout=LONG)
    assert "Nothing was added" in dialog.choice_error.text()
    assert dialog.demo_button.isEnabled() and dialog.own_button.isEnabled()
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert get_practice(empty_ctx) is None
    assert empty_ctx.check().ok


def test_closing_the_welcome_while_the_demo_is_set_up_stops_it(
    empty_ws: Workspace, qtbot: QtBot, empty_ctx: Context
) -> None:
    dialog = WelcomeDialog(empty_ws)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.demo_progress.value() > 0, timeout=LONG)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    assert dialog.result() == QDialog.DialogCode.Rejected
    assert dialog.jobs.pool.activeThreadCount() == 0  # it waited for the work to stop
    qtbot.waitUntil(lambda: dialog.jobs.running() == [], timeout=LONG)
    assert get_practice(empty_ctx) is None
    assert empty_ctx.check().ok


def test_starting_my_own_practice_asks_name_hours_and_days(
    empty_ws: Workspace, qtbot: QtBot, empty_ctx: Context
) -> None:
    dialog = WelcomeDialog(empty_ws)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.own_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == 1

    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert "name" in dialog.setup_error.text()
    assert get_practice(empty_ctx) is None

    qtbot.keyClicks(dialog.name, "Rivera & Co")
    dialog.name.insert(" — coaching")  # QtTest types ASCII only; the rest is pasted
    dialog.hours.setValue(22.5)
    dialog.day_boxes[5].setChecked(False)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)

    assert dialog.result() == QDialog.DialogCode.Accepted
    practice = get_practice(empty_ctx)
    assert practice is not None
    assert practice.name == "Rivera & Co — coaching"
    assert practice.weekly_hours == 22.5
    assert practice.working_days == frozenset({1, 2, 3, 4})


def test_own_practice_without_working_days_is_refused(
    empty_ws: Workspace, qtbot: QtBot, empty_ctx: Context
) -> None:
    dialog = WelcomeDialog(empty_ws)
    qtbot.addWidget(dialog)
    dialog.pages.setCurrentIndex(1)
    dialog.name.setText("Solo")
    for box in dialog.day_boxes.values():
        box.setChecked(False)
    dialog.create_own()
    assert "working day" in dialog.setup_error.text()
    assert get_practice(empty_ctx) is None


def test_new_practice_opens_on_an_empty_client_list(
    empty_ws: Workspace, qtbot: QtBot, empty_ctx: Context, events: AppEvents
) -> None:
    from deliverydesk.services.practice.practice import create_practice

    create_practice(empty_ctx, "Quiet Practice", 20, frozenset({1, 2, 3}))
    window = MainWindow(empty_ws, events)
    qtbot.addWidget(window)
    window.show()
    assert window.windowTitle() == "Quiet Practice — DeliveryDesk"
    window.show_screen("clients")
    clients = window.clients
    assert clients.list_stack.currentWidget() is clients.no_clients
    assert "No clients yet" in clients.no_clients.title.text()


def test_enter_creates_the_practice_and_an_old_message_goes_once_the_name_is_typed(
    qtbot: QtBot, empty_ws: Workspace
) -> None:
    dialog = WelcomeDialog(empty_ws)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.own_button.click()
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)  # no name yet
    assert "name" in dialog.setup_error.text()
    qtbot.keyClicks(dialog.name, "Rivera Coaching")
    assert dialog.setup_error.text() == ""
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    practice = empty_ws.practice.info()
    assert practice is not None and practice.name == "Rivera Coaching"
