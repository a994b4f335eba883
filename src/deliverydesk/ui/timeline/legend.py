"""What the timeline's shapes mean, painted with the same primitives as the rows."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from deliverydesk.ui.core.text import tr
from deliverydesk.ui.timeline.bars import (
    BarColors,
    PhaseGeometry,
    paint_gate,
    paint_milestone,
    paint_phase,
)


def _entries() -> list[tuple[str, str]]:
    return [
        ("planned", tr("Planned")),
        ("actual", tr("Actual")),
        ("late", tr("Past the plan")),
        ("forecast", tr("Likely rest")),
        ("milestone", tr("Milestone")),
        ("checkpoint", tr("Checkpoint")),
        ("today", tr("Today")),
    ]


class Legend(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(tr("Legend"))
        self.setAccessibleDescription(", ".join(label for _key, label in _entries()))

    def sizeHint(self) -> QSize:
        em = self.fontMetrics().height()
        return QSize(em * 40, int(em * 1.5))

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        colors = BarColors.of(palette)
        metrics = self.fontMetrics()
        em = metrics.height()
        x = 0.0
        mid = self.height() / 2
        base = palette.color(palette.ColorRole.Base)
        for key, label in _entries():
            swatch = QRectF(x, mid - em * 0.35, em * 1.4, em * 0.7)
            if key == "planned":
                paint_phase(painter, PhaseGeometry(swatch, None, None, None), colors, current=True)
            elif key in ("actual", "late"):
                bar = swatch.adjusted(0, em * 0.15, 0, -em * 0.15)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(colors.actual if key == "actual" else colors.late)
                painter.drawRoundedRect(bar, 2, 2)
            elif key == "forecast":
                bar = swatch.adjusted(0.5, em * 0.15 + 0.5, -0.5, -em * 0.15 - 0.5)
                pen = QPen(colors.actual, 1.2)
                pen.setStyle(Qt.PenStyle.DashLine)
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(bar)
            elif key == "milestone":
                paint_milestone(painter, swatch.center(), em * 0.7, colors.ink, True, base)
            elif key == "checkpoint":
                paint_gate(painter, swatch.center(), em * 0.7, colors.ink, False, base)
            else:
                painter.setPen(colors.today)
                center = swatch.center().x()
                painter.drawLine(QPointF(center, mid - em * 0.45), QPointF(center, mid + em * 0.45))
            painter.setPen(colors.muted)
            x = swatch.right() + em * 0.3
            width = metrics.horizontalAdvance(label)
            painter.drawText(
                QRectF(x, 0, width + 2, self.height()), Qt.AlignmentFlag.AlignVCenter, label
            )
            x += width + em
