"""Paints a journey's progress as a bar with "n of m" beside it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from deliverydesk.ui.clients.client_list_model import ROW_ROLE
from deliverydesk.ui.look.theme import semantic


class ProgressDelegate(QStyledItemDelegate):
    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        row = index.data(ROW_ROLE)
        if row is None or row.journey_id is None:
            super().paint(painter, option, index)
            return
        style = option.widget.style() if option.widget else QApplication.style()
        # Background and selection as the style draws them, without the text.
        option_copy = QStyleOptionViewItem(option)
        self.initStyleOption(option_copy, index)
        label = option_copy.text
        option_copy.text = ""
        style.drawControl(
            QStyle.ControlElement.CE_ItemViewItem, option_copy, painter, option.widget
        )

        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        metrics = option.fontMetrics
        pad = metrics.horizontalAdvance(" ")
        label_width = metrics.horizontalAdvance("88 of 88")
        rect = option.rect.adjusted(pad, 0, -pad, 0)
        bar_height = max(4, metrics.height() // 3)
        bar_width = max(rect.width() - label_width - pad, 0)
        bar = QRectF(rect.left(), rect.center().y() - bar_height / 2, bar_width, bar_height)

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(semantic(palette).track)
        painter.drawRoundedRect(bar, bar_height / 2, bar_height / 2)
        filled = QRectF(bar)
        filled.setWidth(bar.width() * row.progress)
        if filled.width() > 0:
            fill_role = (
                QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Highlight
            )
            painter.setBrush(palette.color(fill_role))
            painter.drawRoundedRect(filled, bar_height / 2, bar_height / 2)
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(palette.color(text_role))
        text_rect = rect.adjusted(int(bar_width) + pad, 0, 0, 0)
        painter.drawText(
            text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, label
        )
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        metrics = option.fontMetrics
        return QSize(metrics.horizontalAdvance("888 of 888") * 2, metrics.height() + 8)
