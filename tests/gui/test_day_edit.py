"""Typing a whole date into a date field, as a person would: "12 Jan 2027", "2027-01-12" or
the locale's short form, then Enter or Tab; something that is no date is refused in plain
words beside the field and changes nothing. Used by the enrol wizard's start date and
Settings' closed dates, as by the step and pause dialogs."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QPushButton, QVBoxLayout
from pytestqt.qtbot import QtBot

from deliverydesk.ui.settings.closed_dates import range_dialog
from deliverydesk.ui.widgets.day_edit import DayEdit
from tests.conftest import TODAY

SHOWN = date(2026, 12, 7)


class Form(QDialog):
    """A date field, another field after it, and a default button."""

    def __init__(self) -> None:
        super().__init__()
        self.edit = DayEdit()
        self.edit.setDate(QDate(SHOWN.year, SHOWN.month, SHOWN.day))
        self.other = QLineEdit()
        ok = QPushButton("OK")
        ok.setDefault(True)
        ok.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        for widget in (self.edit, self.other, ok):
            layout.addWidget(widget)


@pytest.fixture
def form(qtbot: QtBot) -> Form:
    made = Form()
    qtbot.addWidget(made)
    made.show()
    made.activateWindow()
    qtbot.waitUntil(made.isActiveWindow, timeout=2000)
    return made


def type_into(qtbot: QtBot, form: Form, typed: str, key: Qt.Key = Qt.Key.Key_Tab) -> None:
    """Tab into the field (the day is selected), type, then leave it with `key`."""
    form.other.setFocus()
    qtbot.keyClick(form.other, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is form.edit.lineEdit() or form.edit.hasFocus()
    qtbot.keyClicks(form.edit, typed)
    qtbot.keyClick(form.edit, key)


def shown(form: Form) -> date:
    day: date = form.edit.date().toPython()  # type: ignore[assignment]
    return day


@pytest.mark.parametrize(
    "typed", ["12 Jan 2027", "12 january 2027", "2027-01-12", "Jan 12, 2027", "Tue 12 Jan 2027"]
)
def test_a_whole_date_typed_is_taken(qtbot: QtBot, form: Form, typed: str) -> None:
    type_into(qtbot, form, typed)
    assert shown(form) == date(2027, 1, 12)
    assert form.edit.lineEdit().text() == "Tue 12 Jan 2027"
    assert form.other.hasFocus()  # Tab moved on


def test_enter_takes_the_date_and_presses_the_default_button(qtbot: QtBot, form: Form) -> None:
    type_into(qtbot, form, "2027-03-04", Qt.Key.Key_Return)
    assert form.result() == QDialog.DialogCode.Accepted.value
    assert shown(form) == date(2027, 3, 4)


@pytest.fixture
def german() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale("de_DE"))
    yield
    QLocale.setDefault(before)


@pytest.mark.usefixtures("german")
@pytest.mark.parametrize("typed", ["12.01.27", "12.01.2027"])
def test_the_locales_short_form_is_taken(qtbot: QtBot, form: Form, typed: str) -> None:
    type_into(qtbot, form, typed)
    assert shown(form) == date(2027, 1, 12)


@pytest.mark.parametrize("typed", ["next tuesday", "2027-02-30", "15 Foo 2027"])
def test_what_is_no_date_changes_nothing_and_is_said_plainly(
    qtbot: QtBot, form: Form, typed: str
) -> None:
    type_into(qtbot, form, typed)
    assert shown(form) == SHOWN
    assert form.edit.lineEdit().text() == "Mon 7 Dec 2026"
    assert form.edit.refusal == (f"'{typed}' is not a date: type it as 12 Jan 2027 or 2027-01-12.")


def test_a_date_out_of_range_is_refused_naming_the_range(qtbot: QtBot, form: Form) -> None:
    form.edit.setDateRange(QDate(2026, 12, 1), QDate(2027, 6, 30))
    type_into(qtbot, form, "2028-01-01")
    assert shown(form) == SHOWN
    assert form.edit.refusal == (
        "Sat 1 Jan 2028 is out of range here: choose a day from Tue 1 Dec 2026 to Wed 30 Jun 2027."
    )


def test_a_day_alone_is_still_the_day_of_the_month(qtbot: QtBot, form: Form) -> None:
    type_into(qtbot, form, "15")
    assert shown(form) == date(2026, 12, 15)


def test_escape_while_typing_puts_the_date_back(qtbot: QtBot, form: Form) -> None:
    form.other.setFocus()
    qtbot.keyClick(form.other, Qt.Key.Key_Backtab)
    qtbot.keyClicks(form.edit, "2027-0")
    qtbot.keyClick(form.edit, Qt.Key.Key_Escape)
    assert shown(form) == SHOWN and form.edit.lineEdit().text() == "Mon 7 Dec 2026"


def test_settings_closed_dates_take_a_typed_date(qtbot: QtBot) -> None:
    dialog = range_dialog(TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    assert dialog.start.hasFocus()
    qtbot.keyClicks(dialog.start, "24 Dec 2026")
    qtbot.keyClick(dialog.start, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.end, "2027-01-01")
    qtbot.keyClick(dialog.end, Qt.Key.Key_Return)  # Add
    assert dialog.result() == QDialog.DialogCode.Accepted.value
    assert dialog.dates()[0] == date(2026, 12, 24) and dialog.dates()[-1] == date(2027, 1, 1)
