"""A quick-filter button that plainly looks on or off, in light and dark alike.

Fusion draws a checked tool button a shade darker than an unchecked one, which a person
cannot tell apart at a glance (less so in dark). A chip that is on is filled with the
highlight colour and carries a tick; one that is off is outlined.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QAction, QPainter, QPainterPath, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QMenu, QToolButton, QWidget


class FilterChip(QToolButton):
    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setText(text)
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def is_on(self) -> bool:
        return self.isChecked()

    def _tick_width(self) -> int:
        return self.fontMetrics().height()

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        em = metrics.height()
        width = metrics.horizontalAdvance(self.text()) + self._tick_width() + em * 3 // 2
        return QSize(width, int(em * 1.7))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self.palette()
        on = self.is_on()
        em = self.fontMetrics().height()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pill = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        radius = pill.height() / 2
        if on:
            fill, ink = QPalette.ColorRole.Highlight, QPalette.ColorRole.HighlightedText
            edge = palette.color(fill)
        else:
            fill, ink = QPalette.ColorRole.Button, QPalette.ColorRole.ButtonText
            hovered = self.underMouse() and self.isEnabled()
            edge = palette.color(QPalette.ColorRole.Dark if hovered else QPalette.ColorRole.Mid)
        painter.setPen(QPen(edge, 1))
        painter.setBrush(palette.color(fill))
        painter.drawRoundedRect(pill, radius, radius)
        if self.hasFocus():
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(pill.adjusted(1, 1, -1, -1), radius, radius)
            if on:  # a ring in the fill's colour would vanish: a dotted one inside it
                painter.setPen(QPen(palette.color(ink), 1, Qt.PenStyle.DotLine))
                painter.drawRoundedRect(pill.adjusted(3, 3, -3, -3), radius - 2, radius - 2)
        left = pill.left() + em / 2
        painter.setPen(palette.color(ink))
        if on:
            mid = pill.center().y()
            side = em * 0.55
            tick = QPainterPath(QPointF(left, mid))
            tick.lineTo(left + side * 0.35, mid + side * 0.35)
            tick.lineTo(left + side, mid - side * 0.4)
            painter.setPen(
                QPen(
                    palette.color(ink),
                    max(1.5, em / 9),
                    Qt.PenStyle.SolidLine,
                    Qt.PenCapStyle.RoundCap,
                    Qt.PenJoinStyle.RoundJoin,
                )
            )
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(tick)
            painter.setPen(palette.color(ink))
            text_area = pill.adjusted(em / 2 + self._tick_width(), 0, -em / 2, 0)
            painter.drawText(text_area, Qt.AlignmentFlag.AlignCenter, self.text())
        else:  # the tick's room is shared either side: the words sit in the middle
            painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, self.text())
        painter.end()


class FilterMenuChip(FilterChip):
    """The quick filters folded into one chip with a menu, for a narrow window: it looks on
    while any of them is on, and says how many."""

    def __init__(self, text: str, chips: list[FilterChip], parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._label = text
        self.setCheckable(False)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self)
        self.actions_by_chip: dict[FilterChip, QAction] = {}
        for chip in chips:
            action = menu.addAction(chip.text())
            action.setCheckable(True)
            action.toggled.connect(chip.setChecked)
            chip.toggled.connect(action.setChecked)
            chip.toggled.connect(lambda _on: self._update())
            self.actions_by_chip[chip] = action
        self.setMenu(menu)
        self._update()

    def is_on(self) -> bool:
        return any(chip.isChecked() for chip in self.actions_by_chip)

    def sync(self) -> None:
        """Catch up with chips changed while their signals were blocked (clearing them all
        at once): the menu's ticks and the count."""
        for chip, action in self.actions_by_chip.items():
            action.blockSignals(True)
            action.setChecked(chip.isChecked())
            action.blockSignals(False)
        self._update()

    def _update(self) -> None:
        on = sum(chip.isChecked() for chip in self.actions_by_chip)
        self.setText(f"{self._label} · {on}" if on else self._label)
        self.setAccessibleDescription(
            ", ".join(chip.text() for chip in self.actions_by_chip if chip.isChecked())
        )
        self.updateGeometry()
        self.update()
