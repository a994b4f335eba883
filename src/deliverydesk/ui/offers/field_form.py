"""A form of labelled fields, each with its problems written right under it.

Fields report what the person changed as `edited(field, value)`; `set_values` shows a
design's values without echoing them back, and leaves a field alone when it already shows
the value (so the cursor of the field being typed in never jumps).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from enum import Enum
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QSpacerItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.model.rules.offer_rules import Problem
from deliverydesk.ui.core.item_values import current_enum
from deliverydesk.ui.look.typography import make_heading
from deliverydesk.ui.offers.problem_marks import ProblemLabel


class _WheelGuard(QObject):
    """A spin box or list scrolled past in a long form keeps its value: the wheel only
    changes a field that has the focus."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        wheel = event.type() == QEvent.Type.Wheel
        if wheel and isinstance(watched, QWidget) and not watched.hasFocus():
            event.ignore()
            return True
        return False


class UnitSpinBox(QSpinBox):
    """A number with its unit, singular or plural as the number asks: "1 working day"."""

    def __init__(self, units: tuple[str, str]) -> None:
        super().__init__()
        self.units = units
        self.valueChanged.connect(lambda _value: self.follow_units())
        self.follow_units()

    def follow_units(self) -> None:
        one, many = self.units
        self.setSuffix(one if self.value() == 1 else many)


class FieldForm(QWidget):
    """Signals:
    edited(str, object): the person changed field `name` to the value.
    """

    edited = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, QWidget] = {}
        self.problem_labels: dict[str, ProblemLabel] = {}
        # Problems of the whole item rather than one field ("this phase has no steps").
        self.general = ProblemLabel()
        self.form.addRow(self.general)
        self._guard = _WheelGuard(self)

    # -- building ----------------------------------------------------------------------------
    def _add(self, name: str, label: str, widget: QWidget, extra: QWidget | None = None) -> None:
        problems = ProblemLabel()
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        if extra is not None:
            column.addWidget(extra)
        column.addWidget(problems)
        if label:
            caption = QLabel(label)
            caption.setBuddy(widget)
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
            self.form.addRow(caption, box)
        else:
            self.form.addRow(box)
        self.fields[name] = widget
        self.problem_labels[name] = problems

    def add_line(self, name: str, label: str, placeholder: str = "") -> QLineEdit:
        widget = QLineEdit()
        widget.setPlaceholderText(placeholder)
        widget.textEdited.connect(lambda value: self.edited.emit(name, value))
        self._add(name, label, widget)
        return widget

    def add_text(
        self, name: str, label: str, placeholder: str = "", lines: int = 3
    ) -> QPlainTextEdit:
        widget = QPlainTextEdit()
        widget.setPlaceholderText(placeholder)
        widget.setTabChangesFocus(True)  # Tab moves on, as in every other field
        widget.setFixedHeight(int(self.fontMetrics().lineSpacing() * (lines + 0.8)))
        # Fixed, not expanding: a form taller than its fields keeps them together at the top.
        widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        widget.textChanged.connect(lambda: self.edited.emit(name, widget.toPlainText()))
        self._add(name, label, widget)
        return widget

    def add_number(
        self,
        name: str,
        label: str,
        low: int,
        high: int,
        units: tuple[str, str] = ("", ""),
        step: int = 1,
    ) -> QSpinBox:
        """A whole number from `low` to `high`, with its unit (singular, plural)."""
        widget = UnitSpinBox(units)
        widget.setRange(low, high)
        widget.setSingleStep(step)
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        widget.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.UpDownArrows)
        widget.installEventFilter(self._guard)
        widget.valueChanged.connect(lambda value: self.edited.emit(name, value))
        self._add(name, label, widget)
        return widget

    def add_choice[E: Enum](
        self, name: str, label: str, kind: type[E], words: Callable[[E], str]
    ) -> QComboBox:
        """One member of enum `kind`, each shown in its words; edits carry the member."""
        widget = QComboBox()
        for member in kind:
            widget.addItem(words(member), member)
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        widget.installEventFilter(self._guard)
        widget.currentIndexChanged.connect(
            lambda _i: self.edited.emit(name, current_enum(widget, kind))
        )
        self._add(name, label, widget)
        return widget

    def add_check(self, name: str, label: str, hint: str = "") -> QCheckBox:
        widget = QCheckBox(label)
        extra = None
        if hint:
            extra = QLabel(hint)
            extra.setWordWrap(True)
            extra.setEnabled(False)  # muted: an explanation, not a value
        widget.toggled.connect(lambda on: self.edited.emit(name, on))
        self._add(name, "", widget, extra)
        return widget

    def add_section(self, title: str) -> QLabel:
        """A small heading that groups the fields after it."""
        heading = QLabel(title)
        make_heading(heading, 1.05)
        if self.form.rowCount() > 1:  # the first row is the general problems
            self.form.addItem(QSpacerItem(0, self.fontMetrics().height() // 2))
        self.form.addRow(heading)
        return heading

    def add_extra(self, name: str, widget: QWidget) -> None:
        """A widget under field `name` that is not a value (a preview, say)."""
        box = self.problem_labels[name].parentWidget()
        layout = box.layout() if box is not None else None
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(layout.count() - 1, widget)

    # -- showing -----------------------------------------------------------------------------
    def set_values(self, values: Mapping[str, Any]) -> None:
        for name, value in values.items():
            widget = self.fields.get(name)
            if widget is None:
                continue
            blocked = widget.blockSignals(True)
            try:
                _show(widget, value)
            finally:
                widget.blockSignals(blocked)

    def set_problems(self, by_field: Mapping[str, Sequence[Problem]]) -> None:
        for name, label in self.problem_labels.items():
            label.set_problems(by_field.get(name, ()))
        self.general.set_problems(
            [p for name, found in by_field.items() if name not in self.fields for p in found]
        )

    def focus_field(self, name: str) -> bool:
        widget = self.fields.get(name)
        if widget is None:
            return False
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return True


def _show(widget: QWidget, value: Any) -> None:
    if isinstance(widget, QLineEdit):
        if widget.text() != value:
            widget.setText(value)
            widget.setCursorPosition(0)  # a long name shows its start
    elif isinstance(widget, QPlainTextEdit):
        if widget.toPlainText() != value:
            widget.setPlainText(value)
    elif isinstance(widget, QSpinBox):
        if widget.value() != value:
            widget.setValue(value)
        if isinstance(widget, UnitSpinBox):
            widget.follow_units()  # its signals were blocked while the value was set
    elif isinstance(widget, QComboBox):
        at = widget.findData(value)
        if at >= 0 and at != widget.currentIndex():
            widget.setCurrentIndex(at)
    elif isinstance(widget, QCheckBox) and widget.isChecked() != value:
        widget.setChecked(value)
