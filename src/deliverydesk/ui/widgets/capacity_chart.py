"""The capacity check drawn: the next weeks' booked hours with the new client's hours
stacked on top, against the weekly capacity line. The part of a bar above the line is
painted in the warning colour and the week's total written over the bar; the same facts
are given in words (`capacity_summary`) for screen readers and for the page beneath.

Painted by hand (no QtCharts): twelve rectangles and a few labels cost well under a
millisecond, so a date change redraws at once.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from deliverydesk.model.rules.capacity import WeekLoad
from deliverydesk.services.clients.capacity import CapacityPreview
from deliverydesk.ui.core import text
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.look.theme import semantic
from deliverydesk.ui.widgets.chart_table import ChartTable

NICE_STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 500)


def hours(value: float) -> str:
    """ "25 h", "29.7 h": one decimal at most, none when whole."""
    rounded = round(value, 1)
    shown = f"{rounded:.0f}" if rounded == int(rounded) else f"{rounded:.1f}"
    return tr("{hours} h").format(hours=shown)


def room_words(room: float, *, sentence: bool = False) -> str:
    """What is left of a week's hours: "12 h free", "3.5 h over", "Full" (in a
    `sentence`: "nothing free")."""
    if abs(room) < 0.05:
        return tr("nothing free") if sentence else tr("Full")
    if room > 0:
        return tr("{hours} free").format(hours=hours(room))
    return tr("{hours} over").format(hours=hours(-room))


def week_label(week: WeekLoad) -> str:
    return text.short_date(week.week_start, week.week_start, relative=False)


def capacity_summary(preview: CapacityPreview) -> str:
    """The chart in words: which weeks go over, and what the new client adds."""
    weeks = preview.weeks
    if not weeks:
        return ""
    over = [w for w in weeks if w.over]
    added = sum(w.added_hours for w in weeks)
    busiest = max(w.added_hours for w in weeks)
    if over:
        listed = text.WORDS.name_list(
            [
                tr("{week} ({load} of {capacity})").format(
                    week=week_label(w),
                    load=hours(w.booked_hours + w.added_hours),
                    capacity=hours(w.capacity_hours),
                )
                for w in over
            ],
            quote="",
        )
        said = tr("Over capacity in {n} of the next {count} weeks: {weeks}.").format(
            n=len(over), count=len(weeks), weeks=listed
        )
    else:
        said = tr("Within your {capacity} a week in each of the next {count} weeks.").format(
            capacity=hours(preview.weekly_hours), count=len(weeks)
        )
    adds = tr("This client adds {total} over these weeks, {most} in the busiest.").format(
        total=hours(added), most=hours(busiest)
    )
    return f"{said} {adds}"


def nice_top(value: float) -> tuple[float, float]:
    """An axis top at or above `value`, and its grid step (about four lines)."""
    value = max(value, 1.0)
    step = next((s for s in NICE_STEPS if value / s <= 4), NICE_STEPS[-1])
    return step * math.ceil(value / step), float(step)


class CapacityChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.weeks: tuple[WeekLoad, ...] = ()
        self.weekly_hours = 0.0
        # What the legend calls the added hours ("" leaves them out), and what an empty
        # chart says: the dashboard draws the booked load alone with this chart.
        self.added_label = tr("This client")
        self.empty_text = tr("Pick an offer and a start date to see the load.")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(tr("Capacity over the next 12 weeks"))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def set_preview(self, preview: CapacityPreview | None) -> None:
        self.weeks = preview.weeks if preview else ()
        self.weekly_hours = preview.weekly_hours if preview else 0.0
        self.setAccessibleDescription(capacity_summary(preview) if preview else "")
        self.update()

    def over_weeks(self) -> list[WeekLoad]:
        return [w for w in self.weeks if w.over]

    def chart_table(self) -> ChartTable:
        """The bars' numbers, week by week (ui/widgets/chart_table.py shows them)."""
        headers = [tr("Week of"), tr("Booked")]
        if self.added_label:
            headers.append(self.added_label)
        headers += [tr("Your hours"), tr("Left")]
        rows = []
        for week in self.weeks:
            cells = [text.long_date(week.week_start), hours(week.booked_hours)]
            if self.added_label:
                cells.append(hours(week.added_hours))
            room = week.capacity_hours - week.booked_hours - week.added_hours
            cells += [hours(week.capacity_hours), room_words(room)]
            rows.append(tuple(cells))
        return ChartTable(tuple(headers), tuple(rows))

    def sizeHint(self) -> QSize:
        em = self.fontMetrics().height()
        return QSize(em * 36, em * 13)

    def minimumSizeHint(self) -> QSize:
        em = self.fontMetrics().height()
        return QSize(em * 24, em * 10)

    # -- painting ----------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        metrics = self.fontMetrics()
        em = metrics.height()
        ink = palette.color(QPalette.ColorRole.WindowText)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        booked = palette.color(QPalette.ColorRole.Dark)
        added = palette.color(QPalette.ColorRole.Highlight)
        warning = semantic(palette).warning

        legend_bottom = self._paint_legend(painter, booked, added, warning, ink)
        if not self.weeks:
            painter.setPen(muted)
            painter.drawText(
                self.rect().adjusted(0, int(legend_bottom), 0, 0),
                Qt.AlignmentFlag.AlignCenter,
                self.empty_text,
            )
            return
        totals = [w.booked_hours + w.added_hours for w in self.weeks]
        top, step = nice_top(max(max(totals), max(w.capacity_hours for w in self.weeks)) * 1.12)
        axis = metrics.horizontalAdvance(hours(top)) + em * 0.6
        plot = QRectF(
            axis,
            legend_bottom + em * 0.4,
            self.width() - axis - em * 0.4,
            self.height() - legend_bottom - em * 2.0,
        )

        def y(value: float) -> float:
            return plot.bottom() - value / top * plot.height()

        # Grid and axis figures.
        grid = QPen(palette.color(QPalette.ColorRole.Midlight), 1)
        painter.setFont(self.font())
        level = 0.0
        while level <= top + 1e-9:
            painter.setPen(grid)
            painter.drawLine(QPointF(plot.left(), y(level)), QPointF(plot.right(), y(level)))
            painter.setPen(muted)
            painter.drawText(
                QRectF(0, y(level) - em / 2, axis - em * 0.3, em),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                hours(level),
            )
            level += step

        slot = plot.width() / len(self.weeks)
        bar = slot * 0.62
        label_width = max(metrics.horizontalAdvance(week_label(w)) for w in self.weeks)
        every = 1 if label_width + em * 0.4 <= slot else 2
        bold = QFont(self.font())
        bold.setBold(True)
        for index, week in enumerate(self.weeks):
            left = plot.left() + index * slot + (slot - bar) / 2
            total = week.booked_hours + week.added_hours
            painter.fillRect(
                QRectF(left, y(week.booked_hours), bar, plot.bottom() - y(week.booked_hours)),
                booked,
            )
            painter.fillRect(QRectF(left, y(total), bar, y(week.booked_hours) - y(total)), added)
            if week.over:
                # The hours beyond capacity, in the warning colour, and the week's figure.
                line = y(week.capacity_hours)
                painter.fillRect(QRectF(left, y(total), bar, line - y(total)), warning)
                painter.setFont(bold)
                painter.setPen(ink)
                painter.drawText(
                    QRectF(left - slot * 0.2, y(total) - em * 1.1, bar + slot * 0.4, em),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                    hours(total),
                )
                painter.setFont(self.font())
            if index % every == 0:
                painter.setPen(muted)
                painter.drawText(
                    QRectF(
                        plot.left() + index * slot - slot, plot.bottom() + em * 0.3, slot * 3, em
                    ),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                    week_label(week),
                )
        # The capacity line, week by week (a week with closed days holds fewer hours).
        pen = QPen(ink, 1.6, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        for index, week in enumerate(self.weeks):
            line = y(week.capacity_hours)
            start = plot.left() + index * slot
            painter.drawLine(QPointF(start, line), QPointF(start + slot, line))
            if index and self.weeks[index - 1].capacity_hours != week.capacity_hours:
                painter.drawLine(
                    QPointF(start, y(self.weeks[index - 1].capacity_hours)), QPointF(start, line)
                )

    def _paint_legend(
        self, painter: QPainter, booked: QColor, added: QColor, warning: QColor, ink: QColor
    ) -> float:
        """The key along the top; returns where it ends."""
        metrics = self.fontMetrics()
        em = metrics.height()
        x, y = em * 0.2, em * 0.2
        entries: list[tuple[QColor | None, str]] = [(booked, tr("Booked"))]
        if self.added_label:
            entries.append((added, self.added_label))
        if self.over_weeks():  # named only when a week shows it
            entries.append((warning, tr("Over capacity")))
        capacity = tr("Your capacity ({hours} a week)").format(hours=hours(self.weekly_hours))
        entries.append((None, capacity))
        for colour, words in entries:
            width = metrics.horizontalAdvance(words) + em * 1.6
            if x + width > self.width() and x > em:
                x, y = em * 0.2, y + em * 1.3
            swatch = QRectF(x, y + em * 0.2, em * 0.8, em * 0.6)
            if colour is None:
                painter.setPen(QPen(ink, 1.6, Qt.PenStyle.DashLine))
                painter.drawLine(QPointF(x, y + em / 2), QPointF(x + em * 0.8, y + em / 2))
            else:
                painter.fillRect(swatch, colour)
            painter.setPen(ink)
            painter.drawText(
                QRectF(x + em * 1.1, y, width, em), Qt.AlignmentFlag.AlignVCenter, words
            )
            x += width + em * 0.6
        return y + em * 1.2
