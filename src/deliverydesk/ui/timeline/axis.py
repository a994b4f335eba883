"""The dates above a timeline: labelled ticks for the zoom, and where today is."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from deliverydesk.ui.core import text
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.look.theme import semantic
from deliverydesk.ui.timeline.scale import TimeScale, Zoom, ticks
from deliverydesk.wording import MONTHS, WEEKDAYS


def major_label(day: date, zoom: Zoom, today: date | None = None) -> str:
    """Week zoom: the Monday ("23 Nov", "4 Jan 2027" in another year than `today`'s);
    month zoom: the month ("Nov 2026"); quarter zoom: the quarter ("Q4 2026")."""
    if zoom is Zoom.WEEK:
        return text.short_date(day, today or day, relative=False)
    if zoom is Zoom.MONTH:
        return tr("{month} {year}").format(month=tr(MONTHS[day.month - 1]), year=day.year)
    return tr("Q{quarter} {year}").format(quarter=(day.month - 1) // 3 + 1, year=day.year)


def minor_label(day: date, zoom: Zoom) -> str:
    if zoom is Zoom.WEEK:
        return tr(WEEKDAYS[day.weekday()])[:2]
    if zoom is Zoom.MONTH:
        return str(day.day)
    return tr(MONTHS[day.month - 1])


def period_start(day: date, zoom: Zoom) -> date:
    """The first day of the week, month or quarter holding `day`."""
    if zoom is Zoom.WEEK:
        return date.fromordinal(day.toordinal() - day.weekday())
    if zoom is Zoom.MONTH:
        return day.replace(day=1)
    return day.replace(month=(day.month - 1) // 3 * 3 + 1, day=1)


class TimeAxis(QWidget):
    """Painted above the rows, with the same name column on its left as they have."""

    def __init__(
        self,
        scale: TimeScale,
        today: Callable[[], date],
        label: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.scale = scale
        self._today = today
        self.label = label
        self.left = 0  # width of the name column
        self.right = 0  # width of the slip column and of the view's scroll bar beside it
        self.slip_width = 0
        self.right_label = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(tr("Dates"))
        scale.changed.connect(self.update)

    def sizeHint(self) -> QSize:
        em = self.fontMetrics().height()
        return QSize(em * 40, int(em * 2.4))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        metrics = self.fontMetrics()
        em = metrics.height()
        height = self.height()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Window))
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        ink = palette.color(QPalette.ColorRole.WindowText)
        painter.setPen(muted)
        pad = em // 2
        painter.drawText(
            QRectF(pad, height / 2, self.left - pad, height / 2),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(self.label, Qt.TextElideMode.ElideRight, self.left - pad),
        )
        if self.right:
            painter.drawText(
                QRectF(self.width() - self.right, height / 2, self.slip_width - pad, height / 2),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                self.right_label,
            )
        chart = QRectF(self.left, 0, self.width() - self.left - self.right, height)
        painter.setClipRect(chart)
        zoom = self.scale.zoom
        majors, minors = ticks(self.scale)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        for ordinal in minors:
            x = chart.left() + self.scale.x_of(ordinal)
            painter.drawLine(int(x), int(height * 0.72), int(x), height)
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(ink)
        label_room = em * 6
        first_x = None
        for ordinal in majors:
            x = chart.left() + self.scale.x_of(ordinal)
            painter.drawLine(int(x), int(height * 0.1), int(x), height)
            if x < chart.left():
                continue  # its label would be cut; the sticky label below names it
            first_x = x if first_x is None else first_x
            painter.drawText(
                QRectF(x + 3, 0, label_room * 2, height / 2),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                major_label(date.fromordinal(ordinal), zoom, self._today()),
            )
        if first_x is None or first_x - chart.left() > label_room:
            # The period the chart opens in, named at its left edge.
            first = self.scale.day_at(0)
            painter.drawText(
                QRectF(chart.left() + 3, 0, label_room * 2, height / 2),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                major_label(period_start(first, zoom), zoom, self._today()),
            )
        painter.setFont(self.font())
        painter.setPen(muted)
        step = self.scale.day_width * (7 if zoom is Zoom.MONTH else 1)
        if zoom is Zoom.QUARTER:
            step = self.scale.day_width * 28
        if step >= metrics.horizontalAdvance("Wed") + 4:
            for ordinal in minors:
                x = chart.left() + self.scale.x_of(ordinal)
                painter.drawText(
                    QRectF(x + 2, height / 2, step - 2, height / 2),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    minor_label(date.fromordinal(ordinal), zoom),
                )
        self._paint_today(painter, chart)
        painter.setClipping(False)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        painter.drawLine(0, height - 1, self.width(), height - 1)

    def _paint_today(self, painter: QPainter, chart: QRectF) -> None:
        today = self._today()
        x = chart.left() + self.scale.x_of(today) + self.scale.day_width / 2
        if not chart.left() <= x <= chart.right():
            return
        color = semantic(self.palette()).danger
        label = tr("Today")
        metrics = self.fontMetrics()
        width = metrics.horizontalAdvance(label) + metrics.height() // 2
        pill = QRectF(x - width / 2, self.height() / 2 + 1, width, self.height() / 2 - 3)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
        painter.setPen(self.palette().color(QPalette.ColorRole.Base))
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, label)
