"""The capacity planner drawn: 26 weeks of booked hours stacked by offer, against the
hours I have each week (a stepped line: closed days and time off lower it), with a
what-if client's hours as a ghost layer on top. A click, or Left and Right, picks a week.

Colours come from the palette (the offers' hues turn from its highlight colour, so they
follow light and dark); the hours over capacity are outlined in the warning colour and
the same numbers are in the table beside it (planner_table.py).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from deliverydesk.services.views.planner import Planner, PlannerWeek
from deliverydesk.ui.core import text
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.look.theme import semantic
from deliverydesk.ui.widgets.capacity_chart import hours, nice_top


def offer_colors(palette: QPalette, count: int) -> list[QColor]:
    """One colour per offer: the highlight colour's hue turned in even steps, at its
    saturation and lightness (so each reads on the page in light and in dark)."""
    base = palette.color(QPalette.ColorRole.Highlight)
    hue, sat, light = base.hslHue(), base.hslSaturation(), base.lightness()
    step = 360 / max(count, 1)
    return [QColor.fromHsl(int(hue + i * step) % 360, sat, light) for i in range(count)]


def week_words(week: PlannerWeek, planner: Planner) -> str:
    """ "7 Dec": the week's Monday (with its year when not this year's)."""
    return text.short_date(week.week_start, planner.today, relative=False)


class PlannerChart(QWidget):
    """Signals:
    week_chosen(int): the index of the week picked (a click, or the arrow keys).
    """

    week_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.planner: Planner | None = None
        self.current = -1
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(tr("Capacity planner, the next 26 weeks"))

    def set_planner(self, planner: Planner | None) -> None:
        self.planner = planner
        if planner is None or not 0 <= self.current < len(planner.weeks):
            self.current = -1
        self.update()

    def sizeHint(self) -> QSize:
        em = self.fontMetrics().height()
        return QSize(em * 40, em * 16)

    def minimumSizeHint(self) -> QSize:
        em = self.fontMetrics().height()
        return QSize(em * 24, em * 12)

    # -- picking a week ----------------------------------------------------------------------
    def choose(self, index: int) -> None:
        if self.planner is None or not 0 <= index < len(self.planner.weeks):
            return
        if index != self.current:
            self.current = index
            self.update()
        self.week_chosen.emit(index)

    def _plot(self) -> QRectF:
        em = self.fontMetrics().height()
        axis = self.fontMetrics().horizontalAdvance(hours(888)) + em * 0.6
        top = self._legend_height()
        return QRectF(
            axis, top + em * 0.4, self.width() - axis - em * 0.4, self.height() - top - em * 2.0
        )

    def slot_rect(self, index: int) -> QRectF:
        """Where week `index` is drawn (its whole column)."""
        plot = self._plot()
        weeks = len(self.planner.weeks) if self.planner else 1
        slot = plot.width() / max(weeks, 1)
        return QRectF(plot.left() + index * slot, plot.top(), slot, plot.height())

    def index_at(self, x: float) -> int:
        if self.planner is None or not self.planner.weeks:
            return -1
        plot = self._plot()
        index = int((x - plot.left()) // (plot.width() / len(self.planner.weeks)))
        return index if 0 <= index < len(self.planner.weeks) else -1

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self.index_at(event.position().x())
        if index >= 0 and event.button() == Qt.MouseButton.LeftButton:
            self.choose(index)
            return
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        count = len(self.planner.weeks) if self.planner else 0
        moves = {
            Qt.Key.Key_Left: self.current - 1,
            Qt.Key.Key_Right: self.current + 1,
            Qt.Key.Key_Home: 0,
            Qt.Key.Key_End: count - 1,
        }
        target = moves.get(Qt.Key(event.key()))
        if target is None or not count:
            super().keyPressEvent(event)
            return
        self.choose(min(max(target, 0), count - 1))

    # -- painting ----------------------------------------------------------------------------
    def _legend_entries(self) -> list[tuple[str, str, int]]:
        """(kind, words, offer index): the key along the top."""
        planner = self.planner
        if planner is None:
            return []
        entries = [
            ("offer", o.name or tr("A deleted offer"), i) for i, o in enumerate(planner.offers)
        ]
        if planner.what_if is not None:
            entries.append(
                ("ghost", tr("What if: {offer}").format(offer=planner.what_if.offer_name), -1)
            )
        if planner.over_weeks:
            entries.append(("over", tr("Over capacity"), -1))
        entries.append(("line", tr("Your hours"), -1))
        return entries

    def _legend_height(self) -> float:
        metrics = self.fontMetrics()
        em = metrics.height()
        x, rows = em * 0.2, 1
        for _kind, words, _i in self._legend_entries():
            width = metrics.horizontalAdvance(words) + em * 1.6
            if x + width > self.width() and x > em:
                x, rows = em * 0.2, rows + 1
            x += width + em * 0.6
        return em * 0.2 + rows * em * 1.3

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        em = self.fontMetrics().height()
        ink = palette.color(QPalette.ColorRole.WindowText)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        planner = self.planner
        if planner is None:
            return
        colors = offer_colors(palette, len(planner.offers))
        ghost = QColor(palette.color(QPalette.ColorRole.WindowText))
        ghost.setAlphaF(0.28)
        warning = semantic(palette).warning
        self._paint_legend(painter, colors, ghost, warning, ink)
        plot = self._plot()
        weeks = planner.weeks
        tallest = max(
            [w.load.booked_hours + w.load.added_hours for w in weeks]
            + [w.load.capacity_hours for w in weeks]
        )
        top, step = nice_top(tallest * 1.1)

        def y(value: float) -> float:
            return plot.bottom() - value / top * plot.height()

        grid = QPen(palette.color(QPalette.ColorRole.Midlight), 1)
        level = 0.0
        while level <= top + 1e-9:
            painter.setPen(grid)
            painter.drawLine(QPointF(plot.left(), y(level)), QPointF(plot.right(), y(level)))
            painter.setPen(muted)
            painter.drawText(
                QRectF(0, y(level) - em / 2, plot.left() - em * 0.3, em),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                hours(level),
            )
            level += step

        slot = plot.width() / len(weeks)
        bar = slot * 0.7
        for index, week in enumerate(weeks):
            left = plot.left() + index * slot + (slot - bar) / 2
            if index == self.current:
                chosen = QColor(palette.color(QPalette.ColorRole.Highlight))
                chosen.setAlphaF(0.14)
                painter.fillRect(self.slot_rect(index), chosen)
            base = 0.0
            for color, value in zip(colors, week.by_offer, strict=True):
                if value > 0:
                    painter.fillRect(
                        QRectF(left, y(base + value), bar, y(base) - y(base + value)), color
                    )
                base += value
            added = week.load.added_hours
            if added > 0:
                rect = QRectF(left, y(base + added), bar, y(base) - y(base + added))
                painter.fillRect(rect, QBrush(ghost))
                painter.setPen(QPen(ink, 1, Qt.PenStyle.DashLine))
                painter.drawRect(rect)
            if week.load.over:
                over_top = y(base + added)
                line = y(week.load.capacity_hours)
                painter.setPen(QPen(warning, 2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(QRectF(left, over_top, bar, max(line - over_top, 1)))
            if index % 4 == 0:
                painter.setPen(muted)
                painter.drawText(
                    QRectF(
                        plot.left() + index * slot - slot, plot.bottom() + em * 0.3, slot * 3, em
                    ),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                    week_words(week, planner),
                )
        painter.setPen(QPen(ink, 1.6, Qt.PenStyle.DashLine))
        for index, week in enumerate(weeks):
            line = y(week.load.capacity_hours)
            start = plot.left() + index * slot
            painter.drawLine(QPointF(start, line), QPointF(start + slot, line))
            before = weeks[index - 1].load.capacity_hours if index else week.load.capacity_hours
            if before != week.load.capacity_hours:
                painter.drawLine(QPointF(start, y(before)), QPointF(start, line))
        if self.hasFocus() and self.current >= 0:
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 1.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self.slot_rect(self.current).adjusted(1, 1, -1, -1))

    def _paint_legend(
        self, painter: QPainter, colors: list[QColor], ghost: QColor, warning: QColor, ink: QColor
    ) -> None:
        metrics = self.fontMetrics()
        em = metrics.height()
        x, y = em * 0.2, em * 0.2
        for kind, words, index in self._legend_entries():
            width = metrics.horizontalAdvance(words) + em * 1.6
            if x + width > self.width() and x > em:
                x, y = em * 0.2, y + em * 1.3
            swatch = QRectF(x, y + em * 0.2, em * 0.8, em * 0.6)
            if kind == "offer":
                painter.fillRect(swatch, colors[index])
            elif kind == "ghost":
                painter.fillRect(swatch, ghost)
                painter.setPen(QPen(ink, 1, Qt.PenStyle.DashLine))
                painter.drawRect(swatch)
            elif kind == "over":
                painter.setPen(QPen(warning, 2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(swatch)
            else:
                painter.setPen(QPen(ink, 1.6, Qt.PenStyle.DashLine))
                painter.drawLine(QPointF(x, y + em / 2), QPointF(x + em * 0.8, y + em / 2))
            painter.setPen(ink)
            painter.drawText(
                QRectF(x + em * 1.1, y, width, em), Qt.AlignmentFlag.AlignVCenter, words
            )
            x += width + em * 0.6
