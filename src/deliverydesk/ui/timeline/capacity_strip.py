"""Beneath the portfolio: one bar per week, the hours my booked steps need against my
weekly hours. A week over 100 % is drawn in the warning colour with its figure on it."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QHelpEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from deliverydesk.model.rules.capacity import WeekLoad
from deliverydesk.services.views.timeline import CapacityStrip
from deliverydesk.ui.core import text
from deliverydesk.ui.core.text import literal_rich_text, tr
from deliverydesk.ui.timeline.bars import BarColors
from deliverydesk.ui.timeline.scale import TimeScale
from deliverydesk.ui.widgets.capacity_chart import hours
from deliverydesk.ui.widgets.chart_table import ChartTable

HEADROOM = 1.5  # the strip's height stands for 150 % of a week's hours


def share(week: WeekLoad) -> float:
    """Booked hours as a share of the week's capacity (a week with no hours: 0 or over)."""
    if week.capacity_hours <= 0:
        return 0.0 if week.booked_hours <= 0 else HEADROOM
    return week.booked_hours / week.capacity_hours


def percent_text(week: WeekLoad) -> str:
    return tr("{percent} %").format(percent=round(share(week) * 100))


class CapacityStripView(QWidget):
    """Painted on the portfolio's scale, under its chart; the left column names it."""

    def __init__(self, scale: TimeScale, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scale = scale
        self.strip: CapacityStrip | None = None
        self.left = 0
        self.right = 0
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(tr("Capacity by week"))
        self.setMouseTracking(True)
        scale.changed.connect(self.update)

    def sizeHint(self) -> QSize:
        em = self.fontMetrics().height()
        return QSize(em * 40, int(em * 3.6))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def set_strip(self, strip: CapacityStrip | None) -> None:
        self.strip = strip
        over = sum(week.over for week in strip.weeks) if strip else 0
        self.setAccessibleDescription(
            tr("{over} of the next {weeks} weeks are over your weekly hours.").format(
                over=over, weeks=len(strip.weeks) if strip else 0
            )
        )
        self.update()

    def chart_table(self) -> ChartTable:
        """The bars' numbers, week by week (ui/widgets/chart_table.py shows them)."""
        headers = (tr("Week of"), tr("Booked"), tr("Your hours"), tr("Load"))
        weeks = self.strip.weeks if self.strip else ()
        rows = tuple(
            (
                text.long_date(week.week_start),
                hours(week.booked_hours),
                hours(week.capacity_hours),
                percent_text(week),
            )
            for week in weeks
        )
        return ChartTable(headers, rows)

    def chart(self) -> QRectF:
        em = self.fontMetrics().height()
        return QRectF(
            self.left, em * 0.3, self.width() - self.left - self.right, self.height() - em * 0.6
        )

    def week_rect(self, week: WeekLoad, chart: QRectF) -> QRectF:
        """The bar of one week: its width on the scale, its height by the share booked."""
        x = chart.left() + self.scale.x_of(week.week_start)
        width = self.scale.day_width * 7
        height = chart.height() * min(share(week), HEADROOM) / HEADROOM
        return QRectF(x + 1, chart.bottom() - height, max(width - 2, 1), height)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        colors = BarColors.of(palette)
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        painter.drawLine(0, 0, self.width(), 0)
        metrics = self.fontMetrics()
        em = metrics.height()
        pad = em // 2
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.drawText(
            QRectF(pad, 0, self.left - pad * 2, self.height() / 2),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
            tr("Capacity"),
        )
        if self.strip is None:
            return  # read once the rows are painted: a moment after the screen shows
        painter.setFont(self.font())
        painter.setPen(colors.muted)
        painter.drawText(
            QRectF(pad, self.height() / 2, self.left - pad * 2, self.height() / 2),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            metrics.elidedText(
                tr("{hours} h a week").format(hours=f"{self.strip.weekly_hours:g}"),
                Qt.TextElideMode.ElideRight,
                self.left - pad * 2,
            ),
        )
        chart = self.chart()
        painter.setClipRect(chart.adjusted(0, -em, 0, em))
        full = chart.bottom() - chart.height() / HEADROOM
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for week in self.strip.weeks:
            bar = self.week_rect(week, chart)
            if bar.right() < chart.left() or bar.left() > chart.right():
                continue
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colors.late if week.over else colors.done)
            painter.drawRect(bar)
            label = percent_text(week)
            if week.over and bar.width() >= metrics.horizontalAdvance(label) + 4:
                painter.setPen(palette.color(QPalette.ColorRole.Base))
                painter.drawText(
                    QRectF(bar.left(), bar.top(), bar.width(), em * 1.1),
                    Qt.AlignmentFlag.AlignCenter,
                    label,
                )
        pen = QPen(colors.ink, 1)
        pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(QPointF(chart.left(), full), QPointF(chart.right(), full))

    def week_at(self, x: float) -> WeekLoad | None:
        if self.strip is None:
            return None
        chart = self.chart()
        day = self.scale.day_at(x - chart.left())
        for week in self.strip.weeks:
            if week.week_start <= day < week.week_start + timedelta(days=7):
                return week
        return None

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            week = self.week_at(event.pos().x())
            if week is None:
                QToolTip.showText(
                    event.globalPos(),
                    literal_rich_text(
                        [tr("Your booked hours week by week, against your weekly hours.")]
                    ),
                    self,
                )
            else:
                QToolTip.showText(event.globalPos(), literal_rich_text(week_lines(week)), self)
            return True
        return super().event(event)


def week_lines(week: WeekLoad) -> list[str]:
    lines = [
        tr("Week of {day}").format(day=text.long_date(week.week_start)),
        tr("{booked} h booked of {capacity} h ({percent})").format(
            booked=f"{week.booked_hours:.1f}",
            capacity=f"{week.capacity_hours:.1f}",
            percent=percent_text(week),
        ),
    ]
    if week.over:
        lines.append(tr("Over your weekly hours."))
    return lines
