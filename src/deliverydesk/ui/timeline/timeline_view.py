"""The list both timelines are drawn in: a QListView of same-height rows (only the visible
ones are painted), a name column on the left, the chart, a slip column on the right.

Ctrl+wheel zooms around the pointer, Shift+wheel (or a sideways wheel) and Left/Right pan,
Ctrl++ and Ctrl+- zoom from the keyboard. The delegate paints; this class only lays out
the columns and turns input into scale changes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPainter, QPalette, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from deliverydesk.model.rules.health import OFF_TRACK_DAYS
from deliverydesk.ui.timeline.bars import BarColors
from deliverydesk.ui.timeline.portfolio_model import slip_short
from deliverydesk.ui.timeline.scale import TimeScale, Zoom

Index = QModelIndex | QPersistentModelIndex
PAN_DAYS = {Zoom.WEEK: 7, Zoom.MONTH: 14, Zoom.QUARTER: 30}
ELIDED_CACHE = 2_000


class Columns:
    """Widths of the name and slip columns, in pixels, shared by a view and its axis."""

    def __init__(self, name: int, slip: int) -> None:
        self.name = name
        self.slip = slip

    def chart(self, rect: QRect) -> QRectF:
        return QRectF(
            rect.left() + self.name, rect.top(), rect.width() - self.name - self.slip, rect.height()
        )


class TimelineDelegate(QStyledItemDelegate):
    """What both timelines' delegates share: the columns, colours and the slip cell."""

    def __init__(
        self,
        scale: TimeScale,
        columns: Columns,
        today: Callable[[], date],
        row_height: float,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.scale = scale
        self.columns = columns
        self.today = today
        self.row_height = row_height
        self._colors: tuple[int, BarColors] | None = None
        self._elided: dict[tuple[str, int, bool, str], str] = {}  # names cut to fit, kept

    def colors(self, palette: QPalette) -> BarColors:
        key = palette.cacheKey()
        if self._colors is None or self._colors[0] != key:
            self._colors = (key, BarColors.of(palette))
        return self._colors[1]

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        em = option.fontMetrics.height()
        return QSize(em * 30, int(em * self.row_height))

    def paint_background(self, painter: QPainter, option: QStyleOptionViewItem) -> None:
        palette = option.palette
        painter.fillRect(option.rect, palette.color(QPalette.ColorRole.Base))
        if option.state & QStyle.StateFlag.State_Selected:
            tint = QColor(palette.color(QPalette.ColorRole.Highlight))
            tint.setAlphaF(0.16)
            painter.fillRect(option.rect, tint)
        elif option.state & QStyle.StateFlag.State_MouseOver:
            tint = QColor(palette.color(QPalette.ColorRole.Highlight))
            tint.setAlphaF(0.07)
            painter.fillRect(option.rect, tint)
        painter.setPen(palette.color(QPalette.ColorRole.Midlight))
        painter.drawLine(option.rect.bottomLeft(), option.rect.bottomRight())

    def paint_name(
        self, painter: QPainter, option: QStyleOptionViewItem, name: str, bold: bool = False
    ) -> None:
        metrics = option.fontMetrics
        pad = metrics.height() // 2
        font = QFont(option.font)
        font.setBold(bold)
        painter.setFont(font)
        painter.setPen(option.palette.color(QPalette.ColorRole.Text))
        box = QRect(
            option.rect.left() + pad,
            option.rect.top(),
            self.columns.name - pad * 2,
            option.rect.height(),
        )
        key = (name, box.width(), bold, font.key())
        shown = self._elided.get(key)
        if shown is None:
            if len(self._elided) > ELIDED_CACHE:
                self._elided.clear()
            metrics = painter.fontMetrics()
            shown = self._elided[key] = metrics.elidedText(
                name, Qt.TextElideMode.ElideRight, box.width()
            )
        painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown)
        painter.setFont(option.font)

    def paint_slip(self, painter: QPainter, option: QStyleOptionViewItem, days: int | None) -> None:
        if days is None:
            return
        colors = self.colors(option.palette)
        if days >= OFF_TRACK_DAYS:
            painter.setPen(colors.danger)
        elif days > 0:
            painter.setPen(colors.late)
        else:
            painter.setPen(colors.muted)
        pad = option.fontMetrics.height() // 2
        box = QRect(
            option.rect.right() - self.columns.slip,
            option.rect.top(),
            self.columns.slip - pad,
            option.rect.height(),
        )
        painter.drawText(
            box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, slip_short(days)
        )


class TimelineView(QListView):
    def __init__(self, scale: TimeScale, columns: Columns, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scale = scale
        self.columns = columns
        self.setUniformItemSizes(True)  # the layout never measures 5,000 rows one by one
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setMouseTracking(True)  # hover tint and tooltips
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_Hover)
        scale.changed.connect(self.viewport().update)
        # The viewport, not the view: a vertical scroll bar coming or going resizes only it.
        self.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.viewport() and event.type() == QEvent.Type.Resize:
            self.scale.set_width(self.viewport().width() - self.columns.name - self.columns.slip)
        return super().eventFilter(watched, event)

    def updateGeometries(self) -> None:
        super().updateGeometries()
        # Per-pixel scrolling steps by a pixel per wheel notch; a row is a better step.
        self.verticalScrollBar().setSingleStep(self.fontMetrics().height() * 2)

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta()
        mods = event.modifiers()
        if mods & Qt.KeyboardModifier.ControlModifier:
            if delta.y():
                x = event.position().x() - self.columns.name
                self.scale.zoom_step(-1 if delta.y() > 0 else 1, x)
            event.accept()
            return
        sideways = delta.x() or (delta.y() if mods & Qt.KeyboardModifier.ShiftModifier else 0)
        if sideways:
            self.scale.pan(-sideways / 120 * self.scale.day_width * PAN_DAYS[self.scale.zoom] / 2)
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        if mods & Qt.KeyboardModifier.ControlModifier and key in (
            Qt.Key.Key_Plus,
            Qt.Key.Key_Equal,
        ):
            self.scale.zoom_step(-1)
        elif mods & Qt.KeyboardModifier.ControlModifier and key == Qt.Key.Key_Minus:
            self.scale.zoom_step(1)
        elif (
            key in (Qt.Key.Key_Left, Qt.Key.Key_Right)
            and not mods & Qt.KeyboardModifier.ControlModifier
        ):
            sign = -1 if key == Qt.Key.Key_Left else 1
            self.scale.pan(sign * self.scale.day_width * PAN_DAYS[self.scale.zoom])
        else:
            super().keyPressEvent(event)
            return
        event.accept()
