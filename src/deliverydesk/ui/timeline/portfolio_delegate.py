"""Paints a portfolio row (a client's phases planned against actual) or an offer's heading,
and words the phase under the pointer as a tooltip."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, QRect, QRectF, Qt
from PySide6.QtGui import QFont, QHelpEvent, QPainter, QPalette
from PySide6.QtWidgets import QAbstractItemView, QStyleOptionViewItem, QToolTip, QWidget

from deliverydesk.model.rules.enums import PhaseStatus
from deliverydesk.services.views.timeline import PhaseDates, PhaseSpan, PortfolioRow
from deliverydesk.ui.core import text
from deliverydesk.ui.core.text import literal_rich_text, tr
from deliverydesk.ui.timeline.bars import (
    PhaseGeometry,
    paint_grid,
    paint_phase,
    paint_today,
    phase_geometry,
)
from deliverydesk.ui.timeline.portfolio_model import ROW_ROLE, OfferHeading, slip_words
from deliverydesk.ui.timeline.scale import TimeScale
from deliverydesk.ui.timeline.timeline_view import Columns, Index, TimelineDelegate

ROW_HEIGHT = 1.9  # font heights


class PortfolioDelegate(TimelineDelegate):
    def __init__(
        self,
        scale: TimeScale,
        columns: Columns,
        today: Callable[[], date],
        phase_names: Callable[[int], tuple[str, ...]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(scale, columns, today, ROW_HEIGHT, parent)
        self._phase_names = phase_names  # a tooltip asks for one journey's names

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        item = index.data(ROW_ROLE)
        if item is None:
            return
        painter.save()
        if isinstance(item, OfferHeading):
            self._paint_heading(painter, option, item)
        else:
            self._paint_row(painter, option, item)
        painter.restore()

    def _paint_heading(
        self, painter: QPainter, option: QStyleOptionViewItem, heading: OfferHeading
    ) -> None:
        palette = option.palette
        painter.fillRect(option.rect, palette.color(QPalette.ColorRole.Window))
        pad = option.fontMetrics.height() // 2
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        line = f"{heading.offer_name} · {text.clients(heading.count)}"
        box = option.rect.adjusted(pad, 0, -pad, 0)
        painter.drawText(
            box,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
            painter.fontMetrics().elidedText(line, Qt.TextElideMode.ElideRight, box.width()),
        )

    def _paint_row(
        self, painter: QPainter, option: QStyleOptionViewItem, row: PortfolioRow
    ) -> None:
        self.paint_background(painter, option)
        self.paint_name(painter, option, row.client_name)
        chart = self.columns.chart(option.rect)
        colors = self.colors(option.palette)
        today = self.today()
        painter.setClipRect(chart)
        paint_grid(painter, self.scale, chart.left(), chart, colors)
        for position, geometry in self.phase_rects(row, option.rect):
            if geometry is not None:
                current = position == row.current_position
                paint_phase(painter, geometry, colors, current=current, rounded=False)
        paint_today(painter, self.scale, chart.left(), QRectF(chart), today, colors)
        painter.setClipping(False)
        self.paint_slip(painter, option, row.slip_days)

    def phase_rects(self, row: PortfolioRow, rect: QRect) -> list[tuple[int, PhaseGeometry | None]]:
        """Each phase's rectangles in a row drawn in `rect`; None for a phase wholly off the
        chart (it is not drawn)."""
        chart = self.columns.chart(rect)
        band = QRectF(
            chart.left(), chart.top() + chart.height() * 0.12, chart.width(), chart.height() * 0.76
        )
        today = self.today()
        _first, last = self.scale.visible_days()
        found: list[tuple[int, PhaseGeometry | None]] = []
        for position, phase in enumerate(row.phases):
            starts = phase.planned_start.toordinal()
            if starts > last and (phase.started_on is None or phase.started_on.toordinal() > last):
                found.append((position, None))  # wholly to the right of the chart
                continue
            geometry = phase_geometry(self.scale, chart.left(), band, phase, today)
            found.append((position, geometry if _right(geometry) >= chart.left() else None))
        return found

    # -- tooltips ----------------------------------------------------------------------------
    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: Index,
    ) -> bool:
        if event.type() != QEvent.Type.ToolTip:
            return super().helpEvent(event, view, option, index)
        row = index.data(ROW_ROLE)
        if not isinstance(row, PortfolioRow):
            QToolTip.hideText()
            return True
        QToolTip.showText(event.globalPos(), self.tooltip(row, event.pos().x(), option), view)
        return True

    def phase_at(self, row: PortfolioRow, x: float, option: QStyleOptionViewItem) -> int | None:
        """The phase under `x`: the one whose real run is drawn there first (phases overlap
        where one ran past the plan of the next), then a likely rest, then a plan, else the
        nearest; None left of the chart."""
        chart = self.columns.chart(option.rect)
        if x < chart.left() or not row.phases:
            return None
        today = self.today()
        shapes = [
            phase_geometry(self.scale, chart.left(), QRectF(chart), phase, today)
            for phase in row.phases
        ]
        for part in ("actual", "forecast", "planned"):
            hits = [
                position
                for position, shape in enumerate(shapes)
                if (rect := getattr(shape, part)) is not None and rect.left() <= x <= rect.right()
            ]
            if hits:
                return hits[-1]  # where one phase ends the day the next begins: the next

        def distance(shape: PhaseGeometry) -> float:
            return min(abs(x - shape.planned.left()), abs(x - _right(shape)))

        return min(range(len(shapes)), key=lambda position: distance(shapes[position]))

    def tooltip(self, row: PortfolioRow, x: float, option: QStyleOptionViewItem) -> str:
        lines = [f"{row.client_name} · {row.offer_name}"]
        position = self.phase_at(row, x, option)
        if position is not None:
            names = self._phase_names(row.journey_id)
            name = names[position] if position < len(names) else str(position + 1)
            lines.extend(phase_lines(name, row.phases[position], self.today()))
        lines.append(
            tr("The journey runs {slip}; likely to end {end}.").format(
                slip=slip_words(row.slip_days), end=text.long_date(row.forecast_end)
            )
        )
        lines.append(tr("Click to see this client's timeline."))
        return literal_rich_text(lines)


def _right(geometry: PhaseGeometry) -> float:
    right = geometry.planned.right()
    for part in (geometry.actual, geometry.forecast):
        if part is not None:
            right = max(right, part.right())
    return right


def phase_lines(
    name: str, phase: PhaseDates | PhaseSpan, today: date, not_started: str = ""
) -> list[str]:
    """A phase in words: its plan, what happened, and its slip. `not_started` words a
    phase never entered (an ended journey's: "Not reached.")."""
    lines = [
        tr("Phase “{phase}”: planned {start} to {end}").format(
            phase=name,
            start=text.long_date(phase.planned_start),
            end=text.long_date(phase.planned_end),
        )
    ]
    if isinstance(phase, PhaseSpan) and phase.status is PhaseStatus.SKIPPED:
        lines.append(text.phase_status_label(phase.status, phase.open_steps) + ".")
    if phase.started_on is None:
        lines.append(not_started or tr("Not started yet."))
    elif phase.completed_on is not None:
        lines.append(
            tr("Ran {start} to {end}, {slip}.").format(
                start=text.long_date(phase.started_on),
                end=text.long_date(phase.completed_on),
                slip=slip_words(phase.slip(today)),
            )
        )
    else:
        lines.append(
            tr("Running since {start}; likely to end {end}, {slip}.").format(
                start=text.long_date(phase.started_on),
                end=text.long_date(phase.forecast_end(today)),
                slip=slip_words(phase.slip(today)),
            )
        )
    return lines
