"""A refusal reaches the person in the window's language: the service raises a code and its
values, the window words them through Qt's translator (a QTranslator installed as a
translation would be), and the words still land beside the field they are about."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from pytestqt.qtbot import QtBot

from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.main_window import MainWindow
from deliverydesk.ui.widgets.client_dialog import ClientDialog
from tests.gui.enrol_support import opened, own_practice, press, show_active

GERMAN = {
    "'{email}' does not look like an e-mail address (name@example.com).": (
        "'{email}' sieht nicht wie eine E-Mail-Adresse aus (name@example.com)."
    ),
    "{label} can be at most {limit:,} characters long.": (
        "{label} darf höchstens {limit:,} Zeichen lang sein."
    ),
    "The company": "Der Firmenname",
}


class German(QTranslator):
    """A translation of a few words; Qt falls back to the source for the rest."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return GERMAN.get(source, "")


@pytest.fixture
def german() -> Iterator[None]:
    translator = German()
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


@pytest.fixture
def dialog(empty_ws: Workspace, qtbot: QtBot, events: AppEvents, german: None) -> ClientDialog:
    own_practice(empty_ws)
    window = MainWindow(empty_ws, events)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    return opened(qtbot, window, ClientDialog)


def test_a_refused_email_is_said_in_the_windows_language_beside_its_field(
    qtbot: QtBot, dialog: ClientDialog
) -> None:
    qtbot.keyClicks(dialog.name, "Ana Souza")
    dialog.email.setText("ana at example")
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.errors["email"].text() == (
        "'ana at example' sieht nicht wie eine E-Mail-Adresse aus (name@example.com)."
    )
    assert dialog.email.hasFocus()


def test_a_fields_name_in_a_refusal_is_translated_and_the_field_still_found(
    qtbot: QtBot, dialog: ClientDialog
) -> None:
    qtbot.keyClicks(dialog.name, "Ana Souza")
    dialog.company.setText("Souza " * 60)  # pasted: far past the longest company name
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.errors["company"].text() == (
        "Der Firmenname darf höchstens 300 Zeichen lang sein."
    )
    assert dialog.company.hasFocus()
