"""The wizard's last page: the start date and the capacity check.

The chart is recomputed a moment after the date stops changing (typing a date, or holding
an arrow key, costs one preview), and at once when the suggested date is taken.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWizardPage,
)

from deliverydesk.services.clients.capacity import CapacityPreview
from deliverydesk.services.errors import InvalidInput, NotFound
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core import text
from deliverydesk.ui.core.failures import in_words
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.enrol.pick_page import PickPage
from deliverydesk.ui.enrol.under_way_box import UnderWayBox
from deliverydesk.ui.widgets.capacity_chart import CapacityChart, capacity_summary, hours
from deliverydesk.ui.widgets.chart_table import ChartTableToggle
from deliverydesk.ui.widgets.date_picker import mark_closed_days
from deliverydesk.ui.widgets.day_edit import DayEdit
from deliverydesk.ui.widgets.notice import Notice

PREVIEW_DELAY_MS = 150
DATE_RANGE = timedelta(days=3650)  # the services refuse starts more than ten years away


def adds_overload(preview: CapacityPreview) -> bool:
    """Whether the new client's hours land in a week that ends up over capacity."""
    return any(week.over and week.added_hours > 0 for week in preview.weeks)


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class StartPage(QWizardPage):
    def __init__(self, workspace: Workspace, pick: PickPage) -> None:
        super().__init__()
        self._ws = workspace
        self._pick = pick
        self._offer_id: int | None = None
        self.preview: CapacityPreview | None = None
        self.suggested: date | None = None
        self.setTitle(tr("Start date and capacity"))

        today = workspace.today()
        self.date_edit = DayEdit()  # a day, or a whole date, can be typed in
        self.date_edit.setDateRange(to_qdate(today - DATE_RANGE), to_qdate(today + DATE_RANGE))
        self.date_edit.setDate(to_qdate(today))
        self.date_edit.setAccessibleName(tr("Start date"))
        date_label = QLabel(tr("&Start date:"))
        date_label.setBuddy(self.date_edit)
        self.rolled = Notice("info")
        self.under_way = UnderWayBox()  # a client already part of the way through
        practice = workspace.practice.info()
        if practice is not None:  # the pickers grey the days the practice is closed
            for edit in (self.date_edit, self.under_way.done_on):
                mark_closed_days(edit, practice.working_days, practice.closed_dates)
        self.chart = CapacityChart()
        self.chart_view = ChartTableToggle(  # its numbers in a table, made when asked
            self.chart,
            self.chart.chart_table,
            tr("Capacity over the next 12 weeks"),
            toggle_in_row=False,
        )
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setAccessibleName(tr("Capacity in words"))
        self.suggestion = QLabel()
        self.suggestion.setTextFormat(Qt.TextFormat.PlainText)
        self.suggestion.setWordWrap(True)
        self.use_date = QPushButton(tr("&Use this date"))
        self.use_date.clicked.connect(self.use_suggestion)
        self.error = Notice("danger")

        date_row = QHBoxLayout()
        date_row.addWidget(date_label)
        date_row.addWidget(self.date_edit)
        date_row.addStretch(1)
        date_row.addWidget(self.chart_view.toggle)  # beside the date: no line of its own
        suggestion_row = QHBoxLayout()
        suggestion_row.addWidget(self.suggestion, 1)
        suggestion_row.addWidget(self.use_date)
        layout = QVBoxLayout(self)
        layout.addLayout(date_row)
        layout.addWidget(self.rolled)
        layout.addWidget(self.chart_view, 1)
        layout.addWidget(self.summary)
        layout.addLayout(suggestion_row)
        layout.addWidget(self.under_way)
        layout.addWidget(self.error)

        self._timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.date_edit.dateChanged.connect(lambda _day: self._timer.start())
        self.under_way.toggle.toggled.connect(lambda _on: self._show_suggestion())
        self.under_way.changed.connect(self._timer.start)  # a place reached: less to do

    def start_on(self) -> date:
        picked: date = self.date_edit.date().toPython()  # type: ignore[assignment]
        return picked

    def initializePage(self) -> None:
        self.error.set_text("")
        if self._pick.offer_id != self._offer_id or self.preview is None:
            self._offer_id = self._pick.offer_id
            self.refresh()
        self.date_edit.setFocus()

    def refresh(self) -> None:
        """Preview the load of a start on the chosen date."""
        self._timer.stop()
        offer_id = self._pick.offer_id
        self.error.set_text("")
        if offer_id is None:
            return
        asked = self.start_on()
        try:
            # The plan first: it says where a client under way may be, and steps before
            # that place are brought in, not work the chart should count.
            plan = self._ws.clients.offer_plan(offer_id, asked)
            was = self.under_way.blockSignals(True)  # its changed() would ask again
            try:
                self.under_way.set_plan(plan, self._ws.today())
            finally:
                self.under_way.blockSignals(was)
            preview = self._ws.clients.capacity_preview(offer_id, asked, self.under_way.reached())
        except (InvalidInput, NotFound) as error:
            self.preview, self.suggested = None, None
            self.chart.set_preview(None)
            self.chart_view.refresh()
            self.summary.setText("")
            self.suggestion.setText("")
            self.use_date.hide()
            self.error.set_text(in_words(error))
            self.completeChanged.emit()
            return
        self.preview = preview
        self.rolled.set_text(
            tr("{asked} is not a working day; the journey starts {start}.").format(
                asked=text.long_date(asked), start=text.long_date(preview.start_on)
            )
            if preview.start_on != asked
            else ""
        )
        self.chart.set_preview(preview)
        self.chart_view.refresh()
        self.summary.setText(capacity_summary(preview))
        self._suggest(preview)
        self.completeChanged.emit()

    def _suggest(self, preview: CapacityPreview) -> None:
        """The earliest start that fits, one click away, unless the chosen one fits too."""
        if preview.earliest_fit is not None:
            if not adds_overload(preview) and preview.earliest_fit <= preview.start_on:
                self.suggested = preview.start_on
                words = tr("This start adds no week over your capacity.")
            else:
                self.suggested = preview.earliest_fit
                words = tr("Earliest start that fits: {day}").format(
                    day=text.long_date(preview.earliest_fit)
                )
        else:
            self.suggested = preview.least_over
            words = tr(
                "No start in the coming year keeps within your capacity; {day} adds the "
                "least ({over} over)."
            ).format(day=text.long_date(preview.least_over), over=hours(preview.least_over_hours))
        self.suggestion.setText(words)
        self.use_date.setVisible(self.suggested not in (None, preview.start_on))
        self._show_suggestion()

    def _show_suggestion(self) -> None:
        """A client already under way started when they did: no other start to suggest."""
        under_way = self.under_way.toggle.isChecked()
        self.suggestion.setVisible(not under_way)
        if under_way:
            self.use_date.hide()
        elif self.preview is not None:
            self.use_date.setVisible(self.suggested not in (None, self.preview.start_on))

    def use_suggestion(self) -> None:
        """Take the suggested start, and show its load at once."""
        if self.suggested is None:
            return
        self.date_edit.setDate(to_qdate(self.suggested))
        self.refresh()
        self.date_edit.setFocus()

    def show_error(self, message: str) -> None:
        self.error.set_text(message)

    def isComplete(self) -> bool:
        return self.preview is not None
