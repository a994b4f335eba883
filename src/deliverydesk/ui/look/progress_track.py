"""One look for progress: a flat rounded track, filled from the left in the highlight colour.

Board cards and the client page draw it alike. Fusion's own progress bar paints a gradient
with an outline (~0.5 ms for the page's full-width bar, on every tick); this is two
rounded rectangles.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QProgressBar

from deliverydesk.ui.look.theme import semantic


def draw_track(
    painter: QPainter, bar: QRectF, share: float, palette: QPalette, fill: QColor | None = None
) -> None:
    """The track in `bar`, `share` (0 to 1) of it filled with `fill` (the highlight colour
    unless given); a started share shows at least as a dot."""
    radius = bar.height() / 2
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(semantic(palette).track)
    painter.drawRoundedRect(bar, radius, radius)
    if share > 0:
        filled = QRectF(bar)
        filled.setWidth(max(bar.width() * min(share, 1.0), bar.height()))
        painter.setBrush(fill or palette.color(QPalette.ColorRole.Highlight))
        painter.drawRoundedRect(filled, radius, radius)


class TrackBar(QProgressBar):
    """A QProgressBar (value, range, its format read out by screen readers) drawn as a
    flat track."""

    def paintEvent(self, event: QPaintEvent) -> None:
        span = self.maximum() - self.minimum()
        share = (self.value() - self.minimum()) / span if span > 0 else 0.0
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        draw_track(painter, QRectF(self.rect()), share, self.palette())
        painter.end()
