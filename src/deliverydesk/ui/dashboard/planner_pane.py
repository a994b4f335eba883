"""The capacity planner on the Dashboard: the next 26 weeks' load by offer against my
hours, what fills a week (click a bar, or pick a row of the table), and a what-if: a new
client on an offer from a day, drawn as a ghost layer, with the earliest start that fits
(the enrolment check's own rule).

Self-contained: it reads through its own Refresher, after the page's first paint (a
zero-time timer when shown), so the dashboard's first screen never waits for it.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QItemSelection, Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.services.changes import Aspect
from deliverydesk.services.errors import Refusal
from deliverydesk.services.views.planner import Planner
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core import text
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.failures import in_words
from deliverydesk.ui.core.refresh import Refresher
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.dashboard.planner_chart import PlannerChart
from deliverydesk.ui.dashboard.planner_table import PlannerTableModel
from deliverydesk.ui.widgets.capacity_chart import hours, room_words
from deliverydesk.ui.widgets.chart_table import ChartTableToggle
from deliverydesk.ui.widgets.day_edit import DayEdit
from deliverydesk.ui.widgets.step_dialogs import to_qdate

# What can move the planner: work booked or done, journeys, offers, the practice's hours.
PLANNER_ASPECTS = (
    Aspect.STEPS | Aspect.PHASE | Aspect.JOURNEY | Aspect.OFFER | Aspect.PRACTICE | Aspect.CAPACITY
)
MAX_LISTED = 200  # steps listed for a week; a busier one says how many more


def planner_sentence(planner: Planner) -> str:
    """The chart in words: which weeks go over, or that all fit (with the what-if's
    client when one is drawn)."""
    over = planner.over_weeks
    count = len(planner.weeks)
    with_client = planner.what_if is not None
    if not over:
        fits = (
            tr("With the new client, within your hours in each of the next {count} weeks.")
            if with_client
            else tr("Within your hours in each of the next {count} weeks.")
        )
        return fits.format(count=count)
    listed = text.WORDS.name_list(
        [text.short_date(w.week_start, planner.today, relative=False) for w in over[:6]],
        quote="",
    )
    more = "" if len(over) <= 6 else " " + tr("and {n} more").format(n=len(over) - 6)
    goes_over = (
        tr("With the new client, over your hours in {n} of the next {count} weeks: {weeks}{more}.")
        if with_client
        else tr("Over your hours in {n} of the next {count} weeks: {weeks}{more}.")
    )
    return goes_over.format(n=len(over), count=count, weeks=listed, more=more)


def offer_id_of(combo: QComboBox) -> int | None:
    data = combo.currentData()
    return data if isinstance(data, int) else None


def earliest_words(planner: Planner) -> str:
    what_if = planner.what_if
    if what_if is None:
        return ""
    best = what_if.earliest
    day = text.long_date(best.start_on)
    if best.fits:
        return tr("The earliest start that fits: {day}.").format(day=day)
    return tr("No start in the coming year fits; {day} adds the least ({over} over).").format(
        day=day, over=hours(best.over_hours)
    )


class PlannerPane(QWidget):
    """Signals:
    open_journey(int): a listed step was activated (double-click, Enter): open its client.
    """

    open_journey = Signal(int)

    def __init__(
        self, workspace: Workspace, events: AppEvents, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ws = workspace
        self.planner: Planner | None = None
        self.words = QLabel()
        self.words.setTextFormat(Qt.TextFormat.PlainText)
        self.words.setWordWrap(True)

        self.what_if = QCheckBox(tr("What i&f a new client on"))
        self.what_if.setToolTip(tr("Draw a new client's hours over the coming weeks"))
        self.offer = QComboBox()
        self.offer.setAccessibleName(tr("What-if offer"))
        self.offer.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.start = DayEdit()
        self.start.setAccessibleName(tr("What-if start date"))
        self.start.setDate(to_qdate(workspace.today()))
        starts = QLabel(tr("starts on"))
        self.earliest = QLabel()
        self.earliest.setTextFormat(Qt.TextFormat.PlainText)
        self.earliest.setWordWrap(True)
        self.chart = PlannerChart()
        self.model = PlannerTableModel()
        # The chart, or its numbers in a table (the Dashboard's one way; made when first asked).
        self.views = ChartTableToggle(
            self.chart,
            self.model,
            tr("Capacity planner"),
            toggle_text=tr("Show as a ta&ble"),
            toggle_in_row=False,
        )
        self.views.table_made.connect(self._table_made)
        self.as_table = self.views.toggle
        row = QHBoxLayout()
        for widget in (self.what_if, self.offer, starts, self.start):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.as_table)

        em = self.fontMetrics().height()
        self.views.setMinimumHeight(em * 16)

        self.week_title = QLabel(tr("Click a week to see the work that fills it."))
        self.week_title.setTextFormat(Qt.TextFormat.PlainText)
        self.week_title.setWordWrap(True)
        self.week_title.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.week_list = QListWidget()
        self.week_list.setAccessibleName(tr("The work of the chosen week"))
        self.week_list.setMaximumHeight(em * 10)
        self.week_list.setToolTip(tr("Double-click a step, or press Enter, to open its client"))
        self.week_list.itemActivated.connect(self._open_item)
        self.week_list.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.words)
        layout.addLayout(row)
        layout.addWidget(self.earliest)
        layout.addWidget(self.views)
        layout.addWidget(self.week_title)
        layout.addWidget(self.week_list)

        self.what_if.toggled.connect(self._what_if_changed)
        self.offer.currentIndexChanged.connect(lambda _i: self._what_if_changed())
        self.start.dateChanged.connect(lambda _d: self._what_if_changed())
        self.chart.week_chosen.connect(self.choose_week)
        self._enable_what_if()

        # Read after the page's first paint; while shown, once a burst of changes is over.
        self._soon = QTimer(self, singleShot=True, interval=0)
        self._soon.timeout.connect(self.refresh)
        self.refresher = Refresher(
            self,
            events,
            PLANNER_ASPECTS,
            lambda _changes: self._soon.start(),
            stale=True,
            day=True,
        )

    # -- reading -----------------------------------------------------------------------------
    def refresh(self) -> None:
        self._soon.stop()
        self.refresher.settle()
        self._fill_offers()
        self._read()

    def _fill_offers(self) -> None:
        chosen = offer_id_of(self.offer)
        self.offer.blockSignals(True)
        self.offer.clear()
        for summary in self._ws.offers.offer_summaries():
            if summary.phase_names:
                self.offer.addItem(summary.name, summary.id)
        found = self.offer.findData(chosen) if chosen is not None else -1
        self.offer.setCurrentIndex(max(found, 0) if self.offer.count() else -1)
        self.offer.blockSignals(False)
        self._enable_what_if()

    def _read(self) -> None:
        offer_id = offer_id_of(self.offer)
        ask = None
        if self.what_if.isChecked() and offer_id is not None:
            start: date = self.start.date().toPython()  # type: ignore[assignment]
            ask = (offer_id, start)
        try:
            planner = self._ws.practice.planner(ask)
        except Refusal as error:  # an offer deleted meanwhile, a start years away
            self.earliest.setText(in_words(error))
            planner = self._ws.practice.planner(None)
        else:
            self.earliest.setText(earliest_words(planner))
        self.earliest.setVisible(bool(self.earliest.text()))
        self.planner = planner
        chosen = self.chart.current
        self.chart.set_planner(planner)
        self.model.set_planner(planner)
        self.words.setText(planner_sentence(planner))
        self.chart.setAccessibleDescription(planner_sentence(planner))
        if 0 <= chosen < len(planner.weeks):
            self.choose_week(chosen)

    # -- a week --------------------------------------------------------------------------------
    def choose_week(self, index: int) -> None:
        planner = self.planner
        if planner is None or not 0 <= index < len(planner.weeks):
            return
        if self.chart.current != index:
            self.chart.choose(index)  # comes back here through week_chosen
            return
        table = self.views.table
        if table is not None and table.currentIndex().row() != index:
            table.selectRow(index)
        week = planner.weeks[index]
        load = week.load
        self.week_title.setText(
            tr("Week of {day}: {booked} booked of your {have}; {left}.").format(
                day=text.long_date(week.week_start),
                booked=hours(load.booked_hours),
                have=hours(load.capacity_hours),
                left=room_words(load.capacity_hours - load.booked_hours, sentence=True),
            )
        )
        self.week_list.clear()
        works = self._ws.practice.week_work(week.week_start)
        for work in works[:MAX_LISTED]:
            line = tr("{client} · {offer}: {step}, due {due} ({hours})").format(
                client=work.client_name,
                offer=work.offer_name,
                step=work.step_title,
                due=text.short_date(work.due_on, planner.today, relative=False),
                hours=hours(work.hours),
            )
            item = QListWidgetItem(line)  # plain text: names are shown as typed
            item.setData(Qt.ItemDataRole.UserRole, work.journey_id)
            self.week_list.addItem(item)
        if len(works) > MAX_LISTED:
            self.week_list.addItem(
                tr("…and {n} more steps.").format(n=f"{len(works) - MAX_LISTED:,}")
            )
        if not self.week_list.count():
            self.week_list.addItem(tr("Nothing of yours is booked this week."))
        self.week_list.show()

    def _open_item(self, item: QListWidgetItem) -> None:
        journey_id = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(journey_id, int):  # "…and n more" and "Nothing booked" open nothing
            self.open_journey.emit(journey_id)

    def _row_chosen(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = {index.row() for index in selected.indexes()}
        if len(rows) == 1:
            self.choose_week(rows.pop())

    # -- the what-if and the table -------------------------------------------------------------
    def _enable_what_if(self) -> None:
        has_offer = self.offer.count() > 0
        self.what_if.setEnabled(has_offer)
        self.offer.setEnabled(has_offer and self.what_if.isChecked())
        self.start.setEnabled(has_offer and self.what_if.isChecked())

    def _what_if_changed(self) -> None:
        self._enable_what_if()
        if self.planner is not None:
            self._read()

    def _table_made(self, table: QTableView) -> None:
        """Picking a row picks its week, as a click on its bar does; the week shown is
        the row picked."""
        table.selectionModel().selectionChanged.connect(self._row_chosen)
        if self.chart.current >= 0:
            table.selectRow(self.chart.current)
