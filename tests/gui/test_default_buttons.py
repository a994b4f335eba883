"""Enter submits every form, wherever in it the focus is: the new practice (first run), the
client dialog and each page of the enrol wizard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget, QWizard
from pytestqt.qtbot import QtBot

from deliverydesk.services.context import Context
from deliverydesk.services.practice.practice import get_practice
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.enrol.enrol_wizard import FIT, PICK, START, EnrolWizard
from deliverydesk.ui.main_window import MainWindow
from deliverydesk.ui.welcome import WelcomeDialog
from deliverydesk.ui.widgets.client_dialog import ClientDialog
from tests.gui.enrol_support import opened, own_practice, press, show_active

RETURN, ENTER = Qt.Key.Key_Return, Qt.Key.Key_Enter


def _focus(qtbot: QtBot, widget: QWidget) -> None:
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus, timeout=2000)


@pytest.mark.parametrize("field", ["name", "owner", "hours", "first_day", "last_day"])
def test_enter_creates_the_practice_from_any_field(
    qtbot: QtBot, empty_ws: Workspace, empty_ctx: Context, field: str
) -> None:
    dialog = WelcomeDialog(empty_ws)
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    qtbot.mouseClick(dialog.own_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.name, "Northlight Coaching")
    target = {
        "name": dialog.name,
        "owner": dialog.owner,
        "hours": dialog.hours,
        "first_day": dialog.day_boxes[1],
        "last_day": dialog.day_boxes[7],
    }[field]
    _focus(qtbot, target)
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        press(qtbot, RETURN)
    practice = get_practice(empty_ctx)
    assert practice is not None and practice.name == "Northlight Coaching"


@pytest.fixture
def window(empty_ws: Workspace, qtbot: QtBot, events: AppEvents) -> MainWindow:
    own_practice(empty_ws)
    main = MainWindow(empty_ws, events)
    qtbot.addWidget(main)
    show_active(qtbot, main)
    return main


@pytest.mark.parametrize("field", ["name", "company", "email", "phone", "enrol_next"])
def test_enter_adds_the_client_from_any_field(
    qtbot: QtBot, window: MainWindow, empty_ws: Workspace, field: str
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = opened(qtbot, window, ClientDialog)
    qtbot.keyClicks(dialog.name, "Priya Garcia")
    dialog.enrol_next.setChecked(False)
    _focus(qtbot, getattr(dialog, field))
    press(qtbot, RETURN)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    assert [c.name for c in empty_ws.clients.client_choices()] == ["Priya Garcia"]


def test_enter_walks_the_enrol_wizard_from_each_page(
    qtbot: QtBot, window: MainWindow, empty_ws: Workspace
) -> None:
    from deliverydesk.services.clients.clients import ClientInput

    empty_ws.clients.add_client(ClientInput("Priya Garcia"))
    qtbot.keyClick(
        window,
        Qt.Key.Key_J,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    wizard = opened(qtbot, window, EnrolWizard)
    assert wizard.currentId() == PICK
    _focus(qtbot, wizard.pick.search)
    qtbot.keyClicks(wizard.pick.search, "Priya")  # the one match is picked
    press(qtbot, ENTER)  # the keypad's Enter, as Return
    qtbot.waitUntil(lambda: wizard.currentId() == FIT, timeout=2000)
    press(qtbot, RETURN)
    qtbot.waitUntil(lambda: wizard.currentId() == START, timeout=2000)
    under_way = wizard.start.under_way
    for widget in (wizard.start.date_edit, under_way.toggle):
        _focus(qtbot, widget)
    press(qtbot, Qt.Key.Key_Space)  # already under way: the place and the date show
    assert under_way.place.isVisible()
    _focus(qtbot, under_way.place)
    _focus(qtbot, under_way.on_one)
    press(qtbot, Qt.Key.Key_Space)  # all done on one day: its date field opens
    _focus(qtbot, under_way.done_on)
    assert wizard.button(QWizard.WizardButton.FinishButton).isDefault()
    with qtbot.waitSignal(wizard.enrolled, timeout=5000):
        press(qtbot, RETURN)
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=2000)
