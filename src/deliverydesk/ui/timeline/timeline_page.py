"""The Timeline screen: every active journey planned against actual (the portfolio), the
capacity strip beneath it, and one client's timeline when a row is clicked.

Read when shown: a change made elsewhere only marks the page stale (or names the journeys
to read again), so the page costs nothing while hidden.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.services.changes import Aspect, Changes
from deliverydesk.services.errors import NotFound
from deliverydesk.services.views.timeline import JourneyTimeline, PortfolioRow
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.item_values import current_enum
from deliverydesk.ui.core.refresh import Refresher
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.look.typography import make_heading
from deliverydesk.ui.timeline.capacity_strip import CapacityStripView
from deliverydesk.ui.timeline.chart_panel import ChartPanel
from deliverydesk.ui.timeline.client_panel import ClientTimelinePanel
from deliverydesk.ui.timeline.legend import Legend
from deliverydesk.ui.timeline.portfolio_delegate import PortfolioDelegate
from deliverydesk.ui.timeline.portfolio_model import (
    JOURNEY_ID_ROLE,
    PortfolioModel,
    SortBy,
)
from deliverydesk.ui.timeline.scale import TimeScale, Zoom
from deliverydesk.ui.timeline.timeline_view import Columns
from deliverydesk.ui.widgets.chart_table import ChartTableToggle
from deliverydesk.ui.widgets.empty_state import EmptyState

# What the portfolio draws: a journey's phases and dates, its client's name, its offer.
PORTFOLIO_ASPECTS = Aspect.STEPS | Aspect.PHASE | Aspect.JOURNEY | Aspect.CLIENT | Aspect.OFFER
STRIP_ASPECTS = Aspect.STEPS | Aspect.JOURNEY | Aspect.CAPACITY | Aspect.PRACTICE | Aspect.OFFER


class TimelinePage(QWidget):
    """Signals:
    open_journey(int): the person asked to open this journey's client page.
    """

    open_journey = Signal(int)

    def __init__(
        self, workspace: Workspace, events: AppEvents, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ws = workspace
        em = self.fontMetrics().height()
        self.columns = Columns(name=em * 11, slip=em * 6)
        self.scale = TimeScale(em, self)
        self.client_scale = TimeScale(em, self)
        self.model = PortfolioModel(self)
        self.timeline: JourneyTimeline | None = None
        self._names: dict[int, tuple[str, ...]] = {}  # phase names, read for tooltips

        self._build_toolbar()
        self.portfolio = ChartPanel(
            self.scale, self.columns, workspace.today, tr("Client"), tr("Slip")
        )
        self.portfolio.view.setModel(self.model)
        self.portfolio.set_delegate(
            PortfolioDelegate(
                self.scale, self.columns, workspace.today, self._phase_names, self.portfolio.view
            )
        )
        self.portfolio.view.setAccessibleName(tr("Portfolio timeline"))
        self.portfolio.view.clicked.connect(self._row_clicked)
        self.portfolio.view.activated.connect(self._row_clicked)
        self.portfolio.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.portfolio.view.customContextMenuRequested.connect(self._portfolio_menu)
        self.strip = CapacityStripView(self.scale)
        # The strip's numbers in a table behind a toggle in the toolbar (made when asked).
        self.strip_view = ChartTableToggle(
            self.strip,
            self.strip.chart_table,
            tr("Capacity by week"),
            toggle_text=tr("Capacity as a ta&ble"),
            toggle_in_row=False,
            tallest_em=12,  # the portfolio above keeps most of the room
        )
        self.portfolio.add_below(self.strip_view, self.strip)
        self.toolbar.insertWidget(self.toolbar.indexOf(self.sort_label), self.strip_view.toggle)
        self.portfolio.view.viewport().installEventFilter(self)

        self.client_panel = ClientTimelinePanel(self.client_scale, self.columns, workspace.today)
        self.client_panel.back_requested.connect(self.show_portfolio)
        self.client_panel.open_requested.connect(self._open_current)
        self.empty = EmptyState(
            "timeline",
            tr("No active journeys yet"),
            tr(
                "Enrol a client in an offer and their phases appear here, planned against "
                "actual, with your capacity week by week beneath them."
            ),
        )
        self.body = QStackedWidget()
        for widget in (self.portfolio, self.client_panel, self.empty):
            self.body.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(self.toolbar)
        layout.addWidget(self.body, 1)
        layout.addWidget(Legend())

        self._placed = False
        self._strip_stale = True
        # Read when first shown; while hidden, what changed is gathered for then.
        self.refresher = Refresher(
            self, events, PORTFOLIO_ASPECTS | STRIP_ASPECTS, self._catch_up, stale=True, day=True
        )

    # -- building ----------------------------------------------------------------------------
    def _build_toolbar(self) -> None:
        self.toolbar = QHBoxLayout()
        title = QLabel(tr("Timeline"))
        make_heading(title, 1.5)
        self.toolbar.addWidget(title)
        self.toolbar.addSpacing(self.fontMetrics().height())
        self.zoom_buttons: dict[Zoom, QToolButton] = {}
        group = QButtonGroup(self)
        for zoom, label in (
            (Zoom.WEEK, tr("&Week")),
            (Zoom.MONTH, tr("&Month")),
            (Zoom.QUARTER, tr("&Quarter")),
        ):
            button = QToolButton()
            button.setText(label)
            button.setCheckable(True)
            button.setChecked(zoom is Zoom.MONTH)
            button.setToolTip(tr("Zoom (Ctrl+wheel, Ctrl++ and Ctrl+-)"))
            button.clicked.connect(lambda _on=False, z=zoom: self.set_zoom(z))
            group.addButton(button)
            self.zoom_buttons[zoom] = button
            self.toolbar.addWidget(button)
        self.today_button = QPushButton(tr("&Today"))
        self.today_button.setToolTip(tr("Scroll to today"))
        self.today_button.clicked.connect(self.go_to_today)
        self.toolbar.addWidget(self.today_button)
        self.toolbar.addStretch(1)
        self.sort_label = QLabel(tr("&Sort by:"))
        self.sort_picker = QComboBox()
        self.sort_label.setBuddy(self.sort_picker)
        for key, label in (
            (SortBy.START, tr("Start")),
            (SortBy.END, tr("End")),
            (SortBy.SLIP, tr("Slip, most behind first")),
        ):
            self.sort_picker.addItem(label, key.value)
        self.sort_picker.setAccessibleName(tr("Sort clients by"))
        self.sort_picker.currentIndexChanged.connect(
            lambda _i: self.model.set_sort(current_enum(self.sort_picker, SortBy))
        )
        self.toolbar.addWidget(self.sort_label)
        self.toolbar.addWidget(self.sort_picker)

    # -- zoom and scrolling ------------------------------------------------------------------
    def current_scale(self) -> TimeScale:
        return self.client_scale if self.body.currentWidget() is self.client_panel else self.scale

    def set_zoom(self, zoom: Zoom) -> None:
        self.current_scale().set_zoom(zoom)
        self._sync_zoom_buttons()

    def _sync_zoom_buttons(self) -> None:
        one_client = self.body.currentWidget() is self.client_panel
        self.sort_label.setVisible(not one_client)  # sorting is the portfolio's
        self.sort_picker.setVisible(not one_client)
        self.strip_view.toggle.setVisible(not one_client)  # so is the capacity strip
        zoom = self.current_scale().zoom
        for key, button in self.zoom_buttons.items():
            button.setChecked(key is zoom)

    def go_to_today(self) -> None:
        self.current_scale().show_day(self._ws.today())

    # -- data --------------------------------------------------------------------------------
    def reload(self) -> None:
        self.refresher.settle()
        self._names.clear()
        rows = self._ws.schedule.portfolio()
        self.model.set_rows(rows)
        self._set_range(rows)
        self._strip_stale = True
        self._show_body()

    def _set_range(self, rows: list[PortfolioRow]) -> None:
        today = self._ws.today()
        if rows:
            start = min(r.start_on for r in rows)
            end = max(max(r.forecast_end, r.planned_end_on) for r in rows)
            self.scale.set_range(min(start, today), max(end, today))
        else:
            self.scale.set_range(today, today)
        if not self._placed:  # the first time: today a quarter of the way in
            self._placed = True
            self.scale.show_day(today)

    def _reload_strip(self) -> None:
        if self._strip_stale and self.strip_view.isVisible():  # as a chart or a table
            self._strip_stale = False
            self.strip.set_strip(self._ws.schedule.capacity_strip())
            self.strip_view.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The strip is read once the rows have been painted: at 5,000 clients its query
        # takes as long as the whole portfolio, and the rows should not wait for it.
        if event.type() == QEvent.Type.Paint and self._strip_stale:
            QTimer.singleShot(0, self._reload_strip)
        return super().eventFilter(watched, event)

    def _show_body(self) -> None:
        if self.body.currentWidget() is self.client_panel and self.timeline is not None:
            return
        self.body.setCurrentWidget(self.portfolio if self.model.journeys else self.empty)

    def _phase_names(self, journey_id: int) -> tuple[str, ...]:
        if journey_id not in self._names:
            try:
                found = self._ws.schedule.journey_timeline(journey_id)
            except NotFound:
                return ()
            self._names[journey_id] = tuple(p.name for p in found.phases)
        return self._names[journey_id]

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)  # the refresher caught up before
        focused = QApplication.focusWidget()
        if focused is None or not self.isAncestorOf(focused):  # coming back to the screen
            view = self.client_panel.chart.view if self.timeline else self.portfolio.view
            view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _catch_up(self, changes: Changes) -> None:
        """All of it after a bulk change, a new day, or a change to the practice or an
        offer; else the journeys named. The capacity strip is read at the next paint."""
        showing = self.timeline.journey_id if self.timeline else None
        for journey_id in changes.journeys:
            self._names.pop(journey_id, None)
        if (
            changes.everything
            or changes.touches(Aspect.PRACTICE)
            or (changes.offers and changes.touches(Aspect.OFFER))
        ):
            self.reload()
        elif changes.journeys and changes.touches(PORTFOLIO_ASPECTS):
            self.model.update_rows(
                set(changes.journeys), self._ws.schedule.portfolio(set(changes.journeys))
            )
            self._show_body()
        if changes.touches(STRIP_ASPECTS):
            self._strip_stale = True
            self.portfolio.view.viewport().update()  # its next paint brings the strip along
        if showing is not None and self.body.currentWidget() is self.client_panel:
            self.show_journey(showing, keep_view=True)

    # -- one client --------------------------------------------------------------------------
    def _row_clicked(self, index: QModelIndex) -> None:
        journey_id = index.data(JOURNEY_ID_ROLE)
        if journey_id is not None:
            self.show_journey(journey_id)

    def show_journey(self, journey_id: int, keep_view: bool = False) -> None:
        """Show one client's timeline (from the portfolio, or after a change to it)."""
        try:
            timeline = self._ws.schedule.journey_timeline(journey_id)
        except NotFound:
            self.show_portfolio()
            return
        self.timeline = timeline
        self.client_panel.show_timeline(timeline)
        if not keep_view:
            today = self._ws.today()
            ends = [p.forecast_end(today) for p in timeline.phases] + [timeline.planned_end_on]
            starts = [timeline.start_on] + [p.started_on for p in timeline.phases if p.started_on]
            self.client_scale.set_zoom(self.scale.zoom)
            self.client_scale.set_range(min(*starts, today), max(*ends, today))
            self.client_scale.show_day(min(starts), at=0.05)
        self.body.setCurrentWidget(self.client_panel)
        self._sync_zoom_buttons()
        self.client_panel.chart.view.setFocus()

    def show_portfolio(self) -> None:
        showing = self.timeline.journey_id if self.timeline else None
        self.timeline = None
        self.client_panel.show_timeline(None)
        self.body.setCurrentWidget(self.portfolio if self.model.journeys else self.empty)
        self._sync_zoom_buttons()
        if showing is not None and (row := self.model.row_of(showing)) >= 0:
            self.portfolio.view.setCurrentIndex(self.model.index(row))
            self.portfolio.view.scrollTo(self.model.index(row))
        self.portfolio.view.setFocus()

    def _open_current(self, _index: object = None) -> None:
        if self.timeline is not None:
            self.open_journey.emit(self.timeline.journey_id)

    def _portfolio_menu(self, where: QPoint) -> None:
        index = self.portfolio.view.indexAt(where)
        journey_id = index.data(JOURNEY_ID_ROLE)
        if journey_id is None:
            return
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        show = QAction(tr("Show this client's timeline"), menu)
        show.triggered.connect(lambda: self.show_journey(journey_id))
        open_page = QAction(tr("Open client page"), menu)
        open_page.triggered.connect(lambda: self.open_journey.emit(journey_id))
        menu.addActions([show, open_page])
        menu.popup(self.portfolio.view.viewport().mapToGlobal(where))
