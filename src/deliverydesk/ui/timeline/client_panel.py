"""One client's timeline on the Timeline screen: their phases planned against actual, and
the same milestones and checkpoints in words beneath (readable aloud, in date order)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.services.views.timeline import JourneyTimeline
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.look.icons import icon
from deliverydesk.ui.look.theme import semantic
from deliverydesk.ui.look.typography import make_heading
from deliverydesk.ui.timeline.chart_panel import ChartPanel
from deliverydesk.ui.timeline.journey_timeline import (
    JourneyPhaseDelegate,
    JourneyPhaseModel,
    journey_summary,
    mark_cells,
    open_mark_state,
)
from deliverydesk.ui.timeline.scale import TimeScale
from deliverydesk.ui.timeline.timeline_view import Columns


class ClientTimelinePanel(QWidget):
    """Signals:
    back_requested(): back to every client's timeline (the button, Esc, Alt+Left).
    open_requested(): open this client's page (a click on a phase, Enter, the button).
    """

    back_requested = Signal()
    open_requested = Signal()

    def __init__(
        self,
        scale: TimeScale,
        columns: Columns,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._today = today
        back = QToolButton()
        back.setIcon(icon("back"))
        back.setText(tr("All clients"))
        back.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        back.setAutoRaise(True)
        back.setAccessibleName(tr("Back to every client's timeline"))
        back.clicked.connect(self.back_requested)
        for keys in (QKeySequence(QKeySequence.StandardKey.Back), QKeySequence(Qt.Key.Key_Escape)):
            shortcut = QShortcut(keys, self, self.back_requested.emit)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.name = QLabel()
        self.name.setTextFormat(Qt.TextFormat.PlainText)  # the person's own text
        make_heading(self.name, 1.25)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.open_button = QPushButton(icon("clients"), tr("&Open client page"))
        self.open_button.clicked.connect(self.open_requested)

        self.chart = ChartPanel(scale, columns, today, tr("Phase"), tr("Slip"))
        self.model = JourneyPhaseModel(today, self)
        self.chart.view.setModel(self.model)
        self.delegate = JourneyPhaseDelegate(scale, columns, today, self.chart.view)
        self.chart.set_delegate(self.delegate)
        self.chart.view.setAccessibleName(tr("Client timeline"))
        self.chart.view.clicked.connect(lambda _index: self.open_requested.emit())
        self.chart.view.activated.connect(lambda _index: self.open_requested.emit())

        self.marks = QTreeWidget()
        self.marks.setRootIsDecorated(False)
        self.marks.setAlternatingRowColors(True)
        self.marks.setUniformRowHeights(True)
        self.marks.setHeaderLabels(
            [tr("Date"), tr("Milestones and checkpoints"), tr("Phase"), tr("State")]
        )
        self.marks.setAccessibleName(tr("Milestones and checkpoints"))
        self.marks.itemActivated.connect(lambda *_: self.open_requested.emit())
        header = self.marks.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(2, self.fontMetrics().horizontalAdvance("M") * 14)

        head = QHBoxLayout()
        head.addWidget(back)
        head.addWidget(self.name, 1)
        head.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.summary)
        layout.addWidget(self.chart, 3)
        layout.addWidget(self.marks, 2)

    def show_timeline(self, timeline: JourneyTimeline | None) -> None:
        self.model.set_timeline(timeline)
        self.marks.clear()
        if timeline is None:
            return
        self.delegate.current_position = timeline.current_position
        self.name.setText(timeline.client_name)
        self.summary.setText(journey_summary(timeline))
        today = self._today()
        names = {p.position: p.name for p in timeline.phases}
        late = semantic(self.palette()).danger
        for mark in sorted(timeline.marks, key=lambda m: (m.on, m.phase_position)):
            cells = mark_cells(mark, names.get(mark.phase_position, ""), today, timeline)
            item = QTreeWidgetItem(list(cells))  # plain text: titles are the person's words
            ended = open_mark_state(mark, timeline)
            if mark.completed_on is None and mark.due_on < today and not ended:
                item.setForeground(3, late)
            self.marks.addTopLevelItem(item)
        view = self.chart.view
        if view.currentIndex().row() < 0 and self.model.rowCount():
            row = min(max(timeline.current_position, 0), self.model.rowCount() - 1)
            view.setCurrentIndex(self.model.index(row))
