"""What a person does in the offer editor's forms, for its tests: typing over a field,
clicking a check box's square, choosing in a list, adding an intake question, clicking a
row of the journey tree, Ctrl+S, and reading every field back as the form shows it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QStyle,
    QStyleOptionButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from deliverydesk.model.rules.money import plain_amount
from deliverydesk.model.rules.offer_design import IntakeQuestion
from deliverydesk.ui.offers.field_form import FieldForm
from deliverydesk.ui.offers.journey_tree_model import TITLE
from deliverydesk.ui.offers.money_fields import AmountEdit
from deliverydesk.ui.offers.offer_editor import OfferEditor
from deliverydesk.ui.offers.offers_page import OffersPage

CTRL = Qt.KeyboardModifier.ControlModifier
NO_KEYS = Qt.KeyboardModifier.NoModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def type_text(qtbot: QtBot, widget: QWidget, words: str) -> None:
    """Keys pressed for each character; one QTest has no key for (€) comes as the key
    event a keyboard layout sends for it."""
    for char in words:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, NO_KEYS, char))


def type_over(qtbot: QtBot, widget: QWidget, words: str) -> None:
    """Click into the field, select what is there and type the new words."""
    widget.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.keyClick(widget, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(widget, Qt.Key.Key_Backspace)
    type_text(qtbot, widget, words)


def click_box(qtbot: QtBot, box: QCheckBox) -> None:
    """Click the check box's square."""
    option = QStyleOptionButton()
    box.initStyleOption(option)
    square = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=square.center())


def fill(qtbot: QtBot, form: FieldForm, values: dict[str, Any]) -> None:
    """Set every field of `form` to `values`, each through its own widget."""
    for name, value in values.items():
        widget = form.fields[name]
        if isinstance(widget, QComboBox):
            at = widget.findData(value)
            assert at >= 0, name
            widget.setFocus(Qt.FocusReason.MouseFocusReason)
            widget.setCurrentIndex(at)
        elif isinstance(widget, QCheckBox):
            if widget.isChecked() != value:
                click_box(qtbot, widget)
        elif isinstance(widget, QSpinBox):
            type_over(qtbot, widget, str(value))
        elif isinstance(widget, AmountEdit):
            if value is not None or widget.isEnabled():  # a step's amount: invoices only
                type_over(qtbot, widget, "" if value is None else plain_amount(value, ""))
        else:
            type_over(qtbot, widget, value)
        assert shown(form)[name] == value, f"{name} does not show what was typed"


def shown(form: FieldForm) -> dict[str, Any]:
    """Every field as the form shows it; a list's choice as the item the person sees."""
    values: dict[str, Any] = {}
    for name, widget in form.fields.items():
        if isinstance(widget, AmountEdit):
            values[name] = widget.amount()  # in minor units, as the design holds it
        elif isinstance(widget, QLineEdit):
            values[name] = widget.text()
        elif isinstance(widget, QPlainTextEdit):
            values[name] = widget.toPlainText()
        elif isinstance(widget, QSpinBox):
            values[name] = widget.value()
        elif isinstance(widget, QCheckBox):
            values[name] = widget.isChecked()
        elif isinstance(widget, QComboBox):
            values[name] = widget.itemData(widget.currentIndex())
    return values


def add_question(qtbot: QtBot, editor: OfferEditor, question: IntakeQuestion) -> None:
    """On the intake tab: Insert, type the question, choose its kind, type its choices."""
    intake = editor.intake
    intake.table.setFocus()
    qtbot.keyClick(intake.table, Qt.Key.Key_Insert)  # the new question's words selected
    text = intake.form.fields["text"]
    assert text.hasFocus()
    qtbot.keyClicks(text, question.text)
    fill(qtbot, intake.form, {"kind": question.kind})
    if question.choices:
        qtbot.keyClicks(intake.form.options, ", ".join(question.choices))


def click_row(qtbot: QtBot, editor: OfferEditor, path: tuple[int, ...]) -> None:
    """Click a phase or step in the journey tree (a phase opened first if need be)."""
    tree, model = editor.journey.tree, editor.journey.model
    index = QModelIndex()
    for row in path:
        index = model.index(row, TITLE, index)
        if model.rowCount(index):
            tree.expand(index)
    tree.scrollTo(index)
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(index).center()
    )
    assert editor.journey.current_path() == path


def save_with_ctrl_s(qtbot: QtBot) -> None:
    focus = QApplication.focusWidget()
    assert focus is not None
    qtbot.keyClick(focus, Qt.Key.Key_S, CTRL)


def close_and_reopen(qtbot: QtBot, page: OffersPage, offer_id: int) -> OfferEditor:
    """Back to the list, then the offer opened again from its row (Enter)."""
    editor = page.editor
    qtbot.mouseClick(editor.back_button, Qt.MouseButton.LeftButton)
    assert not page.editing()
    assert page.select_offer(offer_id)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.editing() and page.editor.offer_id == offer_id
    return page.editor
