"""Time off: periods I do not work (a holiday, a course), each with a reason, kept in a
list with Add…, Edit… and Remove. Time off takes hours out of capacity in the weeks it
covers; unlike closed dates it moves no due date. Saved with the other practice settings
(one undoable change)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLineEdit,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from deliverydesk.model.rules.capacity import TimeOff
from deliverydesk.ui.core import text
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.settings.closed_dates import ClosedRangeDialog
from deliverydesk.ui.settings.dated_list import dated_list
from deliverydesk.ui.widgets.step_dialogs import to_qdate

MAX_REASON = 200
SPAN_ROLE = Qt.ItemDataRole.UserRole + 1


def span_words(span: TimeOff, today: date) -> str:
    """ "21 Dec – 1 Jan 2027 · Winter break"; one day reads as that day."""
    first = text.short_date(span.first, today, relative=False)
    days = (
        first
        if span.first == span.last
        else f"{first} – {text.short_date(span.last, today, relative=False)}"
    )
    return f"{days} · {span.reason}" if span.reason else days


class TimeOffDialog(ClosedRangeDialog):
    """From, To and a reason; Enter keeps, Escape goes back."""

    def __init__(self, span: TimeOff, parent: QWidget | None = None, *, new: bool) -> None:
        super().__init__(span.first, parent)
        self.setWindowTitle(tr("Add time off") if new else tr("Edit time off"))
        self.intro.setText(
            tr(
                "Days you will not work for clients. Your capacity drops in the weeks they "
                "cover; due dates stay where they are (closed dates move them)."
            )
        )
        self.end.setDate(to_qdate(span.last))
        self.reason = QLineEdit(span.reason)
        self.reason.setMaxLength(MAX_REASON)
        self.reason.setPlaceholderText(tr("Optional: a holiday, a course…"))
        self.reason.setAccessibleName(tr("Reason for the time off"))
        self.form.addRow(tr("&Reason:"), self.reason)
        self.add_button.setText(tr("Add") if new else tr("Keep"))

    def span(self) -> TimeOff:
        days = self.dates()
        return TimeOff(days[0], days[-1], self.reason.text().strip())


class TimeOffEditor(QWidget):
    """Signals:
    changed(): a period was added, edited or removed.
    """

    changed = Signal()

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._spans: list[TimeOff] = []
        self.add_button = QPushButton(tr("Add &time off…"))
        self.add_button.setToolTip(tr("Add a period you will not work, with its reason"))
        self.add_button.clicked.connect(self.ask_and_add)
        self.edit_button = QPushButton(tr("Ed&it…"))
        self.edit_button.setToolTip(tr("Change the selected period (Enter)"))
        self.edit_button.clicked.connect(self.ask_and_edit)
        self.remove_button = QPushButton(tr("Remo&ve"))
        self.remove_button.setToolTip(tr("Remove the selected period (Delete)"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.list = dated_list(
            self,
            tr("Time off"),
            self.remove_selected,
            (self.add_button, self.edit_button, self.remove_button),
        )
        self.list.itemActivated.connect(lambda _item: self.ask_and_edit())
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self._fill()

    def spans(self) -> tuple[TimeOff, ...]:
        return tuple(sorted(self._spans, key=lambda s: (s.first, s.last, s.reason)))

    def set_spans(self, spans: tuple[TimeOff, ...], today: date) -> None:
        self._today = today
        self._spans = list(spans)
        self._fill()

    def _selected(self) -> TimeOff | None:
        items = self.list.selectedItems()
        span = items[0].data(SPAN_ROLE) if items else None
        return span if isinstance(span, TimeOff) else None

    def ask_and_add(self) -> None:
        first = self._today
        found = self._ask(TimeOff(first, first), new=True)
        if found is not None and found not in self._spans:
            self._spans.append(found)
            self._fill(select=found)
            self.changed.emit()

    def ask_and_edit(self) -> None:
        old = self._selected()
        if old is None:
            return
        found = self._ask(old, new=False)
        if found is not None and found != old:
            self._spans = [found if s == old else s for s in self._spans]
            self._fill(select=found)
            self.changed.emit()

    def _ask(self, span: TimeOff, *, new: bool) -> TimeOff | None:
        dialog = time_off_dialog(span, self, new=new)
        try:
            return dialog.span() if dialog.exec() else None
        finally:
            dialog.deleteLater()

    def remove_selected(self) -> None:
        gone = self._selected()
        if gone is None:
            return
        row = self.list.currentRow()
        self._spans.remove(gone)
        self._fill()
        if self._spans:
            self.list.setCurrentRow(min(row, len(self._spans) - 1))
        self.changed.emit()

    def _fill(self, select: TimeOff | None = None) -> None:
        self.list.clear()
        for span in self.spans():
            item = QListWidgetItem(span_words(span, self._today))
            item.setData(SPAN_ROLE, span)
            if span.last < self._today:
                item.setForeground(self.palette().color(self.palette().ColorRole.PlaceholderText))
                item.setToolTip(tr("In the past: it no longer changes your capacity."))
            self.list.addItem(item)
            if span == select:
                self.list.setCurrentItem(item)
        if not self._spans:
            placeholder = QListWidgetItem(
                tr("No time off. Add holidays and courses so your capacity shows them.")
            )
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(placeholder)
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self._selected() is not None
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)


def time_off_dialog(span: TimeOff, parent: QWidget | None = None, *, new: bool) -> TimeOffDialog:
    return TimeOffDialog(span, parent, new=new)
