"""Adding and editing a client in the window: Ctrl+N, messages beside the field, namesakes
flagged as you type, every change undoable, every name shown exactly as typed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from deliverydesk.services.changes import Changes
from deliverydesk.services.clients.clients import ClientInput
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.clients.client_list_model import NAME
from deliverydesk.ui.core import text
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.enrol.enrol_wizard import EnrolWizard
from deliverydesk.ui.main_window import MainWindow
from deliverydesk.ui.widgets.client_dialog import ClientDialog
from tests.conftest import TODAY
from tests.gui.enrol_support import opened, own_practice, press, show_active

RETURN, ESCAPE = Qt.Key.Key_Return, Qt.Key.Key_Escape
CTRL, CTRL_SHIFT = (
    Qt.KeyboardModifier.ControlModifier,
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
)


@pytest.fixture
def window(empty_ws: Workspace, qtbot: QtBot, events: AppEvents) -> MainWindow:
    own_practice(empty_ws)
    main = MainWindow(empty_ws, events)
    qtbot.addWidget(main)
    show_active(qtbot, main)
    return main


def names(workspace: Workspace) -> list[tuple[str, str]]:
    return [(c.name, c.company) for c in workspace.clients.client_choices()]


def new_client_dialog(qtbot: QtBot, window: MainWindow) -> ClientDialog:
    show_active(qtbot, window)  # back to the window, as after closing a dialog
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    return opened(qtbot, window, ClientDialog)


def test_ctrl_n_adds_a_client_with_enter_and_undo_takes_them_back(
    qtbot: QtBot, window: MainWindow, empty_ws: Workspace
) -> None:
    dialog = new_client_dialog(qtbot, window)
    assert dialog.windowTitle() == "New client"
    assert dialog.name.hasFocus()
    qtbot.keyClicks(dialog.name, "Priya Garcia")  # QTest types ASCII only
    for field, typed in ((dialog.company, "Garcia Legal"), (dialog.email, "priya@garcia.legal")):
        press(qtbot, Qt.Key.Key_Tab)
        assert field.hasFocus()  # the fields follow in reading order
        qtbot.keyClicks(field, typed)
    dialog.enrol_next.setChecked(False)  # just the client, this time
    press(qtbot, RETURN)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert names(empty_ws) == [("Priya Garcia", "Garcia Legal")]
    assert not window.findChildren(EnrolWizard)  # "Enrol in an offer next" was unticked

    window.show_screen("clients")
    model = window.clients.model
    assert [model.index(r, NAME).data() for r in range(model.rowCount())] == [
        "Priya Garcia · Garcia Legal"
    ]
    assert window.undo_action.text() == "&Undo Add client Priya Garcia"
    show_active(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert names(empty_ws) == []
    assert model.rowCount() == 0  # the row went with them
    assert window.clients.list_stack.currentWidget() is window.clients.no_clients
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL_SHIFT)
    assert names(empty_ws) == [("Priya Garcia", "Garcia Legal")]
    assert model.rowCount() == 1


def test_escape_cancels_and_adds_nothing(
    qtbot: QtBot, window: MainWindow, empty_ws: Workspace
) -> None:
    dialog = new_client_dialog(qtbot, window)
    qtbot.keyClicks(dialog.name, "Not Really")
    press(qtbot, ESCAPE)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert names(empty_ws) == []
    assert window.undo_stack.count() == 0


def test_a_refusal_shows_beside_its_field_and_keeps_what_was_typed(
    qtbot: QtBot, window: MainWindow, empty_ws: Workspace
) -> None:
    dialog = new_client_dialog(qtbot, window)
    press(qtbot, RETURN)  # no name at all
    assert dialog.isVisible()
    assert dialog.errors["name"].isVisible()
    assert "name" in dialog.errors["name"].text()
    assert dialog.name.hasFocus()

    qtbot.keyClicks(dialog.name, "Ana Souza")
    dialog.email.setText("ana at example")
    press(qtbot, RETURN)
    assert dialog.isVisible()
    assert not dialog.errors["name"].isVisible()  # that one was fixed
    assert dialog.errors["email"].text() == (
        "'ana at example' does not look like an e-mail address (name@example.com)."
    )
    assert dialog.email.hasFocus()
    assert dialog.name.text() == "Ana Souza"
    assert names(empty_ws) == [] and window.undo_stack.count() == 0

    dialog.email.setText("ana@example.com")
    dialog.enrol_next.setChecked(False)
    press(qtbot, RETURN)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert names(empty_ws) == [("Ana Souza", "")]


def test_a_namesake_is_flagged_as_you_type_but_allowed(
    qtbot: QtBot, window: MainWindow, empty_ws: Workspace, events: AppEvents
) -> None:
    empty_ws.clients.add_client(ClientInput("Priya García", company="García Legal"))
    dialog = new_client_dialog(qtbot, window)
    qtbot.keyClicks(dialog.name, "priya  GARCIA")  # case, accents and spaces aside
    qtbot.waitUntil(dialog.namesakes.isVisible, timeout=2000)
    assert dialog.namesakes.text().startswith(
        "A client named “Priya García” already exists (García Legal)."
    )
    dialog.name.setText("Priya García")
    dialog.company.setText("Studio Priya")
    dialog.enrol_next.setChecked(False)
    press(qtbot, RETURN)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert sorted(names(empty_ws)) == [
        ("Priya García", "García Legal"),
        ("Priya García", "Studio Priya"),
    ]

    # Two namesakes now, both named; a name nobody has clears the flag.
    again = new_client_dialog(qtbot, window)
    qtbot.keyClicks(again.name, "Priya Garcia")
    qtbot.waitUntil(again.namesakes.isVisible, timeout=2000)
    assert again.namesakes.text().startswith("2 clients named “Priya García” already exist")
    assert "García Legal; Studio Priya" in again.namesakes.text()
    again.name.setText("Someone Else")
    qtbot.waitUntil(lambda: not again.namesakes.isVisible(), timeout=2000)
    press(qtbot, ESCAPE)


def test_edit_details_from_the_client_page_and_undo(
    qtbot: QtBot, demo_ws: Workspace, events: AppEvents
) -> None:
    window = MainWindow(demo_ws, events)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    row = next(r for r in demo_ws.clients.client_rows() if r.journey_id and r.company)
    assert row.journey_id is not None
    window.open_client(row.journey_id)
    page = window.clients.client_page
    page.checklist.setFocus()
    qtbot.keyClick(page.checklist, Qt.Key.Key_E, CTRL_SHIFT)
    dialog = opened(qtbot, page, ClientDialog)
    assert dialog.windowTitle() == "Edit client details"
    assert (dialog.name.text(), dialog.company.text()) == (row.name, row.company)
    assert not dialog.enrol_next.isVisible()
    dialog.company.selectAll()
    qtbot.keyClicks(dialog.company, "Nordlicht GmbH")
    press(qtbot, RETURN)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert page.subtitle.text().startswith("Nordlicht GmbH · ")
    assert demo_ws.clients.client_details(row.client_id).company == "Nordlicht GmbH"

    show_active(qtbot, window)
    assert window.undo_action.text() == f"&Undo Edit the details of {row.name}"
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert demo_ws.clients.client_details(row.client_id).company == row.company
    assert page.subtitle.text().startswith(f"{row.company} · ")
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL_SHIFT)
    assert demo_ws.clients.client_details(row.client_id).company == "Nordlicht GmbH"


def test_edit_details_from_the_clients_list_menu(
    qtbot: QtBot, demo_ws: Workspace, events: AppEvents
) -> None:
    window = MainWindow(demo_ws, events)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    window.show_screen("clients")
    page = window.clients
    page.table.setCurrentIndex(page.model.index(0, NAME))
    first = page.model.row_at(0)
    menu = page.client_actions.row_menu(first.client_id, first.journey_id, page.open_journey)
    words = [a.text() for a in menu.actions() if a.text()]
    assert words == ["Open", "Edit details…", "Enrol in another offer…"]
    next(a for a in menu.actions() if a.text() == "Edit details…").trigger()
    dialog = opened(qtbot, page, ClientDialog)
    dialog.phone.setText("+44 20 7946 0000")
    press(qtbot, RETURN)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert demo_ws.clients.client_details(first.client_id).phone == "+44 20 7946 0000"


def test_an_unchanged_edit_leaves_nothing_to_undo(
    qtbot: QtBot, demo_ws: Workspace, events: AppEvents
) -> None:
    client = demo_ws.clients.client_choices()[0]
    stack = QUndoStack()
    dialog = ClientDialog(demo_ws, events, stack, client_id=client.id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText(f"  {client.name} ")  # stray spaces are not a change
    dialog.accept()
    assert dialog.result() == ClientDialog.DialogCode.Accepted
    assert stack.count() == 0


MARKUP = "<b>Bold</b> & Sons 😀 שלום"


def test_markup_emoji_and_right_to_left_names_are_shown_as_typed(
    qtbot: QtBot, window: MainWindow, empty_ws: Workspace, events: AppEvents
) -> None:
    offer_id = empty_ws.offers.offer_list()[0].id
    client_id = empty_ws.clients.add_client(ClientInput(MARKUP, company="<i>Ltd</i>")).value
    journey_id = empty_ws.clients.enrol_client(client_id, offer_id, TODAY).value
    events.changed.emit(Changes.all())

    dialog = new_client_dialog(qtbot, window)
    dialog.name.setText(MARKUP)  # pasted: QTest types ASCII only
    qtbot.waitUntil(dialog.namesakes.isVisible, timeout=2000)
    label = dialog.namesakes.label
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert f"“{MARKUP}” already exists (<i>Ltd</i>)" in label.text()
    press(qtbot, ESCAPE)

    window.show_screen("clients")
    model = window.clients.model
    assert model.index(0, NAME).data() == f"{MARKUP} · <i>Ltd</i>"
    tip = model.index(0, NAME).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; Sons" in tip and "<b>" not in tip

    card = next(c for c in empty_ws.journeys.board_rows() if c.journey_id == journey_id)
    card_tip = text.card_tooltip(card, TODAY)
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; Sons 😀 שלום (&lt;i&gt;Ltd&lt;/i&gt;)" in card_tip
    assert "<i>" not in card_tip


def test_a_name_pasted_with_bidi_controls_is_saved_and_shown_without_them(
    qtbot: QtBot, window: MainWindow, empty_ws: Workspace
) -> None:
    dialog = new_client_dialog(qtbot, window)
    dialog.name.setText("Ann \u202eexe.txt\u202c")  # pasted: would show as "Ann txt.exe"
    dialog.company.setText("\u2067Acme\u2069 \u200fLtd")  # an isolate goes, a mark stays
    dialog.enrol_next.setChecked(False)
    press(qtbot, RETURN)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert names(empty_ws) == [("Ann exe.txt", "Acme \u200fLtd")]

    window.show_screen("clients")
    model = window.clients.model
    assert model.index(0, NAME).data() == "Ann exe.txt · Acme \u200fLtd"
