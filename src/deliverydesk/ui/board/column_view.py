"""A board column (phase header over a list of cards) and a lane (one offer's columns)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.ui.board.board_index import BoardIndex, Column
from deliverydesk.ui.board.card_delegate import CardDelegate
from deliverydesk.ui.board.card_model import CardColumnModel, MoveRequest, column_counts
from deliverydesk.ui.text import tr
from deliverydesk.ui.typography import make_heading


def empty_column_text(model: CardColumnModel) -> str:
    """Why a column shows no card: nobody is in the phase, or the filter hides them."""
    if model.total:
        return tr("No match in this phase")
    return tr("No clients in this phase")


class CardListView(QListView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMouseTracking(True)
        # Cards are painted on Base; the column behind them takes the window's colour.
        self.viewport().setBackgroundRole(QPalette.ColorRole.Window)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if isinstance(model, CardColumnModel) and model.rowCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            area = self.viewport().rect().adjusted(0, self.fontMetrics().height(), 0, 0)
            painter.drawText(area, Qt.AlignmentFlag.AlignHCenter, empty_column_text(model))
            painter.end()

    def select_row(self, row: int) -> None:
        index = self.model().index(row, 0)
        self.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.scrollTo(index)


class ColumnWidget(QFrame):
    def __init__(
        self,
        index: BoardIndex,
        column: Column,
        name: str,
        today: Callable[[], date],
        on_move: MoveRequest,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.name = name
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.header = QLabel(name)
        make_heading(self.header)
        self.counts = QLabel()
        self.counts.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.model = CardColumnModel(index, column, on_move, self)
        self.view = CardListView()
        self.view.setModel(self.model)
        self.view.setItemDelegate(CardDelegate(today, self.view))
        self.view.setAccessibleName(tr("Phase {name}").format(name=name))
        em = self.fontMetrics().height()
        self.setMinimumWidth(em * 15)
        layout = QVBoxLayout(self)
        margin = em // 3
        layout.setContentsMargins(margin, margin, margin, margin)
        layout.setSpacing(margin)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.counts)
        layout.addSpacing(margin)
        layout.addWidget(self.view, 1)

    def set_header(self, shown: int, total: int, over_plan: int) -> None:
        self.counts.setText(column_counts(shown, total, over_plan))
        self.header.setToolTip(
            tr("{total} clients in {phase}; {over} over the phase's planned time").format(
                total=total, phase=self.name, over=over_plan
            )
        )


class LaneWidget(QWidget):
    """One offer's columns under a header that collapses them."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.toggle = QToolButton()
        self.toggle.setCheckable(True)
        self.toggle.setChecked(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow)
        self.toggle.setAutoRaise(True)
        make_heading(self.toggle, 1.15)
        self.toggle.toggled.connect(self._on_toggled)
        self.title = title
        self.body = QWidget()
        self.columns_row = QHBoxLayout(self.body)
        self.columns_row.setContentsMargins(0, 0, 0, 0)
        self.notice = QLabel(
            tr("No active clients in this offer yet. Enrol a client to see them here.")
        )
        self.notice.setWordWrap(True)
        self.notice.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.notice)
        layout.addWidget(self.body, 1)

    def set_count(self, shown: int, total: int) -> None:
        count = tr("1 client") if total == 1 else tr("{n} clients").format(n=total)
        if shown != total:
            count = tr("{shown} of {total} clients").format(shown=shown, total=total)
        self.toggle.setText(f"{self.title} · {count}")
        self.toggle.setAccessibleName(self.toggle.text())

    def _on_toggled(self, expanded: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self.body.setVisible(expanded)
