"""Zoom steps for the preview, and the zoom QPdfView uses when it fits the page's width
(it does not say: the factor it reports stays the last one set)."""

from __future__ import annotations

from PySide6.QtCore import QSizeF
from PySide6.QtPdfWidgets import QPdfView

from deliverydesk.ui.widgets.paper.pdf_pages import POINTS_PER_INCH

ZOOMS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0)
SLACK = 0.01  # a zoom this close to a step counts as that step


def shown_zoom(view: QPdfView, page: QSizeF | None) -> float:
    """The zoom the pages are drawn at now: 1.0 shows a page at its printed size."""
    if view.zoomMode() != QPdfView.ZoomMode.FitToWidth or page is None:
        return view.zoomFactor()
    margins = view.documentMargins()
    room = view.viewport().width() - margins.left() - margins.right()
    width = page.width() * view.logicalDpiX() / POINTS_PER_INCH  # as QPdfView measures
    return room / width if width > 0 else 1.0


def step_zoom(now: float, direction: int) -> float:
    """The next step in `direction` (+1 in, -1 out), the last one at either end."""
    if direction > 0:
        return next((z for z in ZOOMS if z > now + SLACK), ZOOMS[-1])
    return next((z for z in reversed(ZOOMS) if z < now - SLACK), ZOOMS[0])


def can_step(now: float, direction: int) -> bool:
    return now < ZOOMS[-1] - SLACK if direction > 0 else now > ZOOMS[0] + SLACK
