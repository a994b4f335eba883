"""List items of free text (notes, friction, feedback, activity) wrapped to the view's width.

Qt's own item text wraps at word boundaries only: one long URL makes its item wider than
the view, and a list lays every item out at the widest one's width, so every note of that
client runs off the right edge behind a scroll bar. Here text wraps at a word boundary
when it can and anywhere when it must, and no item is ever wider than the view.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPalette, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

Index = QModelIndex | QPersistentModelIndex


def _layout(text: str, option: QStyleOptionViewItem, width: int) -> tuple[QTextLayout, float]:
    """The text laid out in lines of `width` pixels, and its height."""
    layout = QTextLayout(text.replace("\n", "\u2028"), option.font)
    wrap = QTextOption()
    wrap.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    wrap.setTextDirection(option.direction)
    layout.setTextOption(wrap)
    height = 0.0
    layout.beginLayout()
    while (line := layout.createLine()).isValid():
        line.setLineWidth(max(width, 1))
        line.setPosition(QPointF(0, height))
        height += line.height()
    layout.endLayout()
    return layout, height


class WrappingTextDelegate(QStyledItemDelegate):
    """Draws an item's text wrapped to the view's width; the style draws the rest."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view
        self._margin = view.fontMetrics().horizontalAdvance(" ")

    def _text_width(self) -> int:
        return max(self._view.viewport().width() - 4 * self._margin, 1)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        local = QStyleOptionViewItem(option)
        self.initStyleOption(local, index)
        _lines, height = _layout(local.text, local, self._text_width())
        # One pixel narrower than the viewport: never wider than the view.
        return QSize(self._view.viewport().width() - 1, int(height) + 2 * self._margin)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        local = QStyleOptionViewItem(option)
        self.initStyleOption(local, index)
        text, local.text = local.text, ""
        widget = local.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, local, painter, widget)
        area: QRect = local.rect.adjusted(
            2 * self._margin, self._margin, -2 * self._margin, -self._margin
        )
        layout, _height = _layout(text, local, area.width())
        selected = bool(local.state & QStyle.StateFlag.State_Selected)
        enabled = bool(local.state & QStyle.StateFlag.State_Enabled)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        group = QPalette.ColorGroup.Normal if enabled else QPalette.ColorGroup.Disabled
        painter.save()
        painter.setPen(local.palette.color(group, role))
        painter.setClipRect(local.rect)
        layout.draw(painter, QPointF(area.topLeft()))
        painter.restore()


def wrap_items(view: QListView) -> None:
    """Make `view` wrap its items' text to its width, with no sideways scrolling."""
    view.setWordWrap(True)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setResizeMode(QListView.ResizeMode.Adjust)  # lay out again when the width changes
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setItemDelegate(WrappingTextDelegate(view))
