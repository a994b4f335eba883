"""How a phase is drawn, shared by both timelines: the plan as a light box, what really
happened as a solid bar inside it (the part past the plan in the warning colour), a running
phase's likely rest as an outline, plus the grid, the today line, milestones (diamonds)
and checkpoints (gates).

`phase_geometry` is the one place that turns dates into rectangles: the painting and the
tests both read it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen, QPolygonF

from deliverydesk.services.views.timeline import PhaseDates, PhaseSpan
from deliverydesk.ui.look.theme import is_dark, semantic
from deliverydesk.ui.timeline.scale import TimeScale, ticks

Phase = PhaseDates | PhaseSpan


@dataclass(frozen=True, slots=True)
class PhaseGeometry:
    planned: QRectF
    actual: QRectF | None  # from the day it started to the day it ended, or to today
    late: QRectF | None  # the part of `actual` past the planned end
    forecast: QRectF | None  # a running phase: from today to its likely end


@dataclass(frozen=True, slots=True)
class BarColors:
    planned: QColor
    planned_edge: QColor
    actual: QColor
    done: QColor
    late: QColor
    grid: QColor
    today: QColor
    good: QColor
    danger: QColor
    ink: QColor
    muted: QColor
    pens: tuple[QPen, QPen, QPen]  # the plan's edge; a likely rest, on time and late

    @classmethod
    def of(cls, palette: QPalette) -> BarColors:
        colors = semantic(palette)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        base = palette.color(QPalette.ColorRole.Base)
        done = _mix(highlight, base, 0.55)
        planned = _mix(palette.color(QPalette.ColorRole.Mid), base, 0.45)
        edge = palette.color(
            QPalette.ColorRole.Dark if is_dark(palette) else QPalette.ColorRole.Mid
        )
        return cls(
            planned=planned,
            planned_edge=edge,
            actual=highlight,
            done=done,
            late=colors.warning,
            grid=palette.color(QPalette.ColorRole.Midlight),
            today=colors.danger,
            good=colors.good,
            danger=colors.danger,
            ink=palette.color(QPalette.ColorRole.Text),
            muted=palette.color(QPalette.ColorRole.PlaceholderText),
            pens=(QPen(edge, 1), _dashed(highlight), _dashed(colors.warning)),
        )


def _dashed(color: QColor) -> QPen:
    pen = QPen(color, 1.2)
    pen.setStyle(Qt.PenStyle.DashLine)
    return pen


def _mix(a: QColor, b: QColor, share: float) -> QColor:
    """`share` of a, the rest b."""
    return QColor.fromRgbF(
        a.redF() * share + b.redF() * (1 - share),
        a.greenF() * share + b.greenF() * (1 - share),
        a.blueF() * share + b.blueF() * (1 - share),
    )


def phase_geometry(
    scale: TimeScale, left: float, band: QRectF, phase: Phase, today: date
) -> PhaseGeometry:
    """The rectangles of one phase in a band (a row's vertical extent), in view coordinates;
    `left` is where the chart starts. A day spans [x_of(day), x_of(day + 1))."""
    width = scale.day_width

    def x(day: date) -> float:
        return left + scale.x_of(day)

    planned = QRectF(
        x(phase.planned_start),
        band.top() + band.height() * 0.18,
        max((phase.planned_end.toordinal() - phase.planned_start.toordinal() + 1) * width, 2),
        band.height() * 0.64,
    )
    if phase.started_on is None:
        return PhaseGeometry(planned, None, None, None)
    ran_to = phase.completed_on or max(today, phase.started_on)
    actual = QRectF(
        x(phase.started_on),
        band.top() + band.height() * 0.34,
        max((ran_to.toordinal() - phase.started_on.toordinal() + 1) * width, 2),
        band.height() * 0.32,
    )
    late = None
    plan_end = planned.right()
    if actual.right() > plan_end + 0.5:
        start = max(plan_end, actual.left())
        late = QRectF(start, actual.top(), actual.right() - start, actual.height())
    forecast = None
    if phase.completed_on is None:
        likely = phase.forecast_end(today)
        if likely > ran_to:
            start = actual.right()
            forecast = QRectF(
                start,
                actual.top(),
                (likely.toordinal() - ran_to.toordinal()) * width,
                actual.height(),
            )
    return PhaseGeometry(planned, actual, late, forecast)


def paint_grid(
    painter: QPainter, scale: TimeScale, left: float, band: QRectF, colors: BarColors
) -> None:
    """The major ticks as faint lines through the band."""
    majors, _minors = ticks(scale)
    painter.setPen(QPen(colors.grid, 1))
    for ordinal in majors:
        xpos = int(left + scale.x_of(ordinal))
        painter.drawLine(xpos, int(band.top()), xpos, int(band.bottom()))


def paint_today(
    painter: QPainter, scale: TimeScale, left: float, band: QRectF, today: date, colors: BarColors
) -> None:
    xpos = left + scale.x_of(today) + scale.day_width / 2
    painter.setPen(QPen(colors.today, 1.5))
    painter.drawLine(QPointF(xpos, band.top()), QPointF(xpos, band.bottom()))


def paint_phase(
    painter: QPainter,
    geometry: PhaseGeometry,
    colors: BarColors,
    *,
    current: bool,
    rounded: bool = True,
) -> None:
    """One phase's shapes; `rounded` corners (antialiased) where there are few rows to
    paint, square ones on the portfolio, where thousands of rows scroll by."""
    draw = (lambda r: painter.drawRoundedRect(r, 2.0, 2.0)) if rounded else painter.drawRect
    painter.setPen(colors.pens[0])
    painter.setBrush(colors.planned)
    draw(geometry.planned.adjusted(0.5, 0.5, -0.5, -0.5))
    if geometry.actual is None:
        return
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colors.actual if current else colors.done)
    draw(geometry.actual)
    if geometry.late is not None:
        painter.setBrush(colors.late)
        painter.drawRect(geometry.late)
    if geometry.forecast is not None:
        painter.setPen(colors.pens[2] if geometry.late is not None else colors.pens[1])
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(geometry.forecast.adjusted(0.5, 0.5, -0.5, -0.5))


def diamond(center: QPointF, size: float) -> QPolygonF:
    half = size / 2
    return QPolygonF(
        [
            QPointF(center.x(), center.y() - half),
            QPointF(center.x() + half, center.y()),
            QPointF(center.x(), center.y() + half),
            QPointF(center.x() - half, center.y()),
        ]
    )


def paint_milestone(
    painter: QPainter, center: QPointF, size: float, color: QColor, filled: bool, edge: QColor
) -> None:
    """A diamond: filled once reached, an outline while still to come."""
    painter.setPen(QPen(edge, 3))  # a halo, so the diamond reads on top of a bar
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPolygon(diamond(center, size))
    painter.setPen(QPen(color, 1.6))
    painter.setBrush(color if filled else edge)
    painter.drawPolygon(diamond(center, size))


def paint_gate(
    painter: QPainter, center: QPointF, size: float, color: QColor, passed: bool, edge: QColor
) -> None:
    """A gate: two posts and a bar; a gate passed is filled in."""
    half = size / 2
    box = QRectF(center.x() - half * 0.8, center.y() - half, size * 0.8, size)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(edge)  # a halo, so the gate reads on top of a bar
    painter.drawRect(box.adjusted(-2, -2, 2, 1))
    if passed:
        fill = QColor(color)
        fill.setAlphaF(0.35)
        painter.setBrush(fill)
        painter.drawRect(box)
    pen = QPen(color, max(size / 5, 1.5))
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPolyline(
        QPolygonF([box.bottomLeft(), box.topLeft(), box.topRight(), box.bottomRight()])
    )
