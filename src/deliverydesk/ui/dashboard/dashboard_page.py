"""The Dashboard screen: four tiles (integrity, on time, bottleneck, feedback), capacity by
week beside the integrity score's parts, and the time clients spend in each phase.

It reads when shown; a change or a new day while it is hidden only marks it stale. While
shown, changes that can move a figure are gathered and read once, a moment later (an undo
of five moves reads once). A practice with no client yet gets what to do first.

The first screen (the tiles and what is built here) is read before the page paints. More
panes go below it with `add_pane`: each is read after that paint, one per turn of the
event loop, so a pane's read never delays the first screen (see `add_pane`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.services.changes import Aspect
from deliverydesk.services.views.dashboard import WINDOW_DAYS, Dashboard
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core import text
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.refresh import Refresher
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.dashboard import words
from deliverydesk.ui.dashboard.load_chart import LoadChart
from deliverydesk.ui.dashboard.money_pane import MoneyPane
from deliverydesk.ui.dashboard.parts import IntegrityParts
from deliverydesk.ui.dashboard.phases import SHOWN, PhaseTable
from deliverydesk.ui.dashboard.planner_pane import PlannerPane
from deliverydesk.ui.dashboard.review_dialog import save_practice_review
from deliverydesk.ui.dashboard.tile import Tile
from deliverydesk.ui.look.typography import make_heading
from deliverydesk.ui.widgets.chart_table import ChartTableToggle
from deliverydesk.ui.widgets.empty_state import EmptyState
from deliverydesk.ui.widgets.testimonials_view import TestimonialsDialog

# What can move a figure: a note or a client's contact details cannot.
FIGURE_ASPECTS = Aspect.everything() & ~(Aspect.NOTES | Aspect.CLIENT | Aspect.BRAND)
TILES_IN_A_ROW_EM = 64  # narrower, the four tiles go two by two
PARTS_SIDE_BY_SIDE_EM = 44  # narrower, the integrity parts go in one column


def section_heading(title: str) -> QLabel:
    label = QLabel(title)
    label.setTextFormat(Qt.TextFormat.PlainText)
    make_heading(label, 1.15)
    return label


class DashboardPage(QWidget):
    """Signals:
    open_screen(str): a tile leads to another screen (its key: "today", "clients", ...).
    open_board(object): the bottleneck leads to its offer's board (the offer id, or None).
    enrol_requested(): the empty state's way in for a practice with offers but no client.
    open_journey(int): a step the planner lists for a week leads to its client's page.
    """

    open_screen = Signal(str)
    open_board = Signal(object)
    enrol_requested = Signal()
    open_journey = Signal(int)

    def __init__(
        self, workspace: Workspace, events: AppEvents, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ws = workspace
        self.board: Dashboard | None = None
        self.title = QLabel(tr("Dashboard"))
        make_heading(self.title, 1.5)
        self.period = QLabel()
        self.period.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addSpacing(self.fontMetrics().height())
        header.addWidget(self.period, 1, Qt.AlignmentFlag.AlignBottom)
        self.review_button = QPushButton(tr("Practice &review…"))
        self.review_button.setToolTip(tr("Save the dashboard of a period you choose as a PDF"))
        self.review_button.clicked.connect(self.save_review)
        header.addWidget(self.review_button, 0, Qt.AlignmentFlag.AlignBottom)
        self.testimonials_button = QPushButton(tr("Testi&monials"))
        self.testimonials_button.setToolTip(tr("What clients said you may quote"))
        self.testimonials_button.clicked.connect(self.show_testimonials)
        self._events = events
        self.testimonials: TestimonialsDialog | None = None  # made when first asked for
        header.addWidget(self.testimonials_button, 0, Qt.AlignmentFlag.AlignBottom)

        self.empty = EmptyState("dashboard", tr("Nothing to measure yet"), "")
        self.empty_button = self.empty.add_button("")
        self.empty_button.clicked.connect(self._empty_action)
        self.pages = QStackedWidget()
        self.planner = PlannerPane(workspace, events)  # below the first screen; reads itself
        self.planner.open_journey.connect(self.open_journey)
        self.pages.addWidget(self._build_content())
        self.pages.addWidget(self.empty)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.pages, 1)

        # Read when first shown, before the first paint (never a stale figure on screen);
        # after that, gathered while hidden, and while shown read once a burst is over.
        self._soon = QTimer(self, singleShot=True, interval=0)
        self._soon.timeout.connect(self.refresh)
        # Panes below the first screen: read after each refresh's paint, one per turn.
        self._panes: list[Callable[[], object]] = []
        self._panes_due: list[Callable[[], object]] = []
        self._next_pane = QTimer(self, singleShot=True, interval=0)
        self._next_pane.timeout.connect(self._load_next_pane)
        self._painted = False  # since last shown: a pane read now waits for no paint
        self.money = MoneyPane(workspace)  # carries its own heading, currency and toggle
        self.add_pane(None, self.money, self.money.refresh)
        self.refresher = Refresher(
            self,
            events,
            FIGURE_ASPECTS,
            lambda _changes: self._soon.start(),
            on_show=lambda _changes: self.refresh(),
            stale=True,
            day=True,
        )

    # -- building ----------------------------------------------------------------------------
    def _build_content(self) -> QScrollArea:
        self.integrity = Tile(tr("Integrity"))
        self.on_time = Tile(tr("On time"))
        self.bottleneck = Tile(tr("Bottleneck phase"))
        self.feedback = Tile(tr("Feedback and referrals"))
        self.tiles = (self.integrity, self.on_time, self.bottleneck, self.feedback)
        self.integrity.leads_to(tr("Show the parts of the score"))
        self.integrity.activated.connect(self._show_parts)
        self.on_time.leads_to(tr("Open Today: what is due and overdue now"))
        self.on_time.activated.connect(lambda: self.open_screen.emit("today"))
        self.feedback.leads_to(tr("Open Clients, where feedback is recorded"))
        self.feedback.activated.connect(lambda: self.open_screen.emit("clients"))
        self.bottleneck.activated.connect(self._open_bottleneck)
        self.tile_grid = QGridLayout()
        em = self.fontMetrics().height()
        self.tile_grid.setSpacing(int(em * 0.8))

        self.chart = LoadChart()
        # Each chart's numbers in a table behind a toggle (made only when first shown).
        self.load_view = ChartTableToggle(
            self.chart, self.chart.chart_table, tr("Capacity by week")
        )
        self.capacity_words = QLabel()
        self.capacity_words.setTextFormat(Qt.TextFormat.PlainText)
        self.capacity_words.setWordWrap(True)
        timeline = QPushButton(tr("Open the &timeline"))
        timeline.setToolTip(tr("Each client's phases and your load week by week"))
        timeline.clicked.connect(lambda: self.open_screen.emit("timeline"))
        under_chart = QHBoxLayout()
        under_chart.addWidget(self.capacity_words, 1)
        under_chart.addWidget(timeline, 0, Qt.AlignmentFlag.AlignTop)

        self.parts = IntegrityParts()
        self.parts_view = ChartTableToggle(
            self.parts, self.parts.chart_table, tr("Integrity, part by part")
        )
        self.parts_heading = section_heading(tr("Integrity, part by part"))
        self.parts_words = QLabel(
            tr(
                "What the score is made of: the questions of the delivery self check, "
                "answered from your records."
            )
        )
        self.parts_words.setWordWrap(True)
        self.parts_words.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.phase_table = PhaseTable()
        self.phase_words = QLabel()
        self.phase_words.setTextFormat(Qt.TextFormat.PlainText)
        self.phase_words.setWordWrap(True)
        self.phase_words.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, em // 2, em)
        column.setSpacing(int(em * 1.4))
        column.addLayout(self.tile_grid)
        for heading, *parts in (
            (section_heading(tr("Capacity by week")), self.load_view, under_chart),
            (self.parts_heading, self.parts_words, self.parts_view),
            (section_heading(tr("Time in each phase")), self.phase_words, self.phase_table),
            (section_heading(tr("Capacity planner: the next 26 weeks")), self.planner),
        ):
            section = QVBoxLayout()
            section.setSpacing(em // 3)
            section.addWidget(heading)
            for part in parts:
                if part is self.parts_view:
                    section.addSpacing(em // 2)
                if isinstance(part, QWidget):
                    section.addWidget(part)
                elif isinstance(part, QLayout):
                    section.addLayout(part)
            column.addLayout(section)
        self._column = column  # add_pane puts its sections before the stretch
        column.addStretch(1)
        self.body_scroll = QScrollArea()
        self.body_scroll.setWidgetResizable(True)
        self.body_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.body_scroll.setWidget(body)
        self._across = 0
        self._arrange()
        return self.body_scroll

    def _arrange(self) -> None:
        """Four tiles in a row on a wide page, else two by two; the parts in two columns
        unless the page is narrow."""
        em = self.fontMetrics().height()
        across = 4 if self.width() >= em * TILES_IN_A_ROW_EM else 2
        self.parts.arrange(2 if self.width() >= em * PARTS_SIDE_BY_SIDE_EM else 1)
        if across == self._across:
            return
        self._across = across
        for tile in self.tiles:
            self.tile_grid.removeWidget(tile)
        for index, tile in enumerate(self.tiles):
            self.tile_grid.addWidget(tile, index // across, index % across)
        for column in range(4):
            self.tile_grid.setColumnStretch(column, 1 if column < across else 0)

    def add_pane(self, heading: str | None, pane: QWidget, load: Callable[[], object]) -> None:
        """Put `pane` under `heading` below the first screen. `load()` reads and fills it:
        it is called after the dashboard's first screen has painted, each time the page
        reads its figures (first shown, a change while shown, shown again after one while
        hidden), one pane per turn of the event loop, so the first screen never waits for
        it. E.g. ``page.add_pane(tr("Capacity, 26 weeks"), planner, planner.reload)``."""
        section = QVBoxLayout()
        section.setSpacing(self.fontMetrics().height() // 3)
        if heading is not None:
            section.addWidget(section_heading(heading))
        section.addWidget(pane)
        self._column.insertLayout(self._column.count() - 1, section)  # before the stretch
        self._panes.append(load)

    def _load_next_pane(self) -> None:
        if self._panes_due:
            self._panes_due.pop(0)()
        if self._panes_due:
            self._next_pane.start()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self._painted = True
        if self._panes_due and not self._next_pane.isActive():
            self._next_pane.start()  # runs once this paint (the page's children's) is done

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._painted = False

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    # -- reading -----------------------------------------------------------------------------
    def refresh(self) -> None:
        self._soon.stop()
        self.refresher.settle()
        board = self.board = self._ws.practice.dashboard()
        self.period.setText(
            tr("The last {days} days, to {today}").format(
                days=WINDOW_DAYS, today=text.long_date(board.today)
            )
        )
        self.period.setVisible(not board.is_new)
        if board.is_new:
            self._show_empty(board)
            return
        self.pages.setCurrentIndex(0)
        integrity = board.integrity
        self.integrity.set_figure(
            words.out_of_ten(integrity.score), words.integrity_sentence(board)
        )
        self.on_time.set_figure(
            words.percent(board.on_time.steps), words.on_time_sentence(board.on_time)
        )
        worst = board.bottleneck
        self.bottleneck.set_figure(
            words.over_words(worst) if worst else tr("None"), words.bottleneck_sentence(board)
        )
        self.bottleneck.leads_to(
            tr("Open the board for {offer}").format(offer=worst.offer_name) if worst else ""
        )
        feedback = board.feedback
        self.feedback.set_figure(
            words.out_of_ten(feedback.average), words.feedback_sentence(feedback)
        )
        self.chart.set_strip(board.capacity if board.active else None)
        self.load_view.refresh()
        self.capacity_words.setText(words.capacity_sentence(board.capacity) if board.active else "")
        self.capacity_words.setVisible(bool(board.active))
        self.parts.show_board(board)
        self.parts_view.refresh()
        self.phase_table.show_waits(board.phases)
        self.phase_table.setVisible(bool(board.phases))
        self.phase_words.setText(self._phase_summary(board))
        # The panes are read once this has painted (at once if the page shows already).
        self._panes_due = list(self._panes)
        if self._panes_due and self._painted:
            self._next_pane.start()

    @staticmethod
    def _phase_summary(board: Dashboard) -> str:
        count = len(board.phases)
        if not count:
            return tr("No client has entered or left a phase {window}.").format(
                window=words.window()
            )
        said = tr(
            "The median days clients spent in each phase they left {window} or are in now, "
            "against the days planned."
        ).format(window=words.window())
        if count > SHOWN:
            said += " " + tr("The {shown} most over plan of {count} phases.").format(
                shown=SHOWN, count=count
            )
        return said

    def _show_empty(self, board: Dashboard) -> None:
        if board.offers:
            self.empty.set_text(
                tr("Nothing to measure yet"),
                tr(
                    "Enrol your first client in an offer. Their steps, phases and feedback "
                    "fill this page: your on-time rate, the phase where clients wait, your "
                    "load week by week and your integrity score."
                ),
            )
            self.empty_button.setText(tr("&Enrol a client…"))
        else:
            self.empty.set_text(
                tr("Nothing to measure yet"),
                tr(
                    "Design your first offer, then enrol a client in it. Their steps, phases "
                    "and feedback fill this page: your on-time rate, the phase where clients "
                    "wait, your load week by week and your integrity score."
                ),
            )
            self.empty_button.setText(tr("Design an &offer"))
        self.pages.setCurrentIndex(1)

    def _empty_action(self) -> None:
        if self.board is not None and self.board.offers:
            self.enrol_requested.emit()
        else:
            self.open_screen.emit("offers")

    # -- going somewhere ---------------------------------------------------------------------
    def _open_bottleneck(self) -> None:
        worst = self.board.bottleneck if self.board else None
        if worst is not None:
            self.open_board.emit(worst.offer_id)

    def show_testimonials(self) -> TestimonialsDialog:
        if self.testimonials is None:
            self.testimonials = TestimonialsDialog(self._ws, self._events, self)
        self.testimonials.show()
        self.testimonials.raise_()
        return self.testimonials

    def save_review(self) -> None:
        save_practice_review(self, self._ws)

    def _show_parts(self) -> None:
        self.body_scroll.ensureWidgetVisible(self.parts_view)
        self.body_scroll.ensureWidgetVisible(self.parts_heading)
