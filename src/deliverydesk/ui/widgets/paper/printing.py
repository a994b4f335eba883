"""Printing a document made in memory: each page drawn by PDFium at the printer's
resolution and set on its own sheet, scaled to fit the paper.

The printer gets pictures of the pages, not the PDF: Qt has no way to hand a PDF to the
system's print queue, and a page rendered at the printer's resolution prints as sharp as
the paper allows.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from deliverydesk.ui.widgets.paper.pdf_pages import POINTS_PER_INCH, PdfPages

# Finer than this adds nothing a laser printer shows and costs 16x the memory at 1200 dpi
# (an A4 page at 1200 dpi is a 560 MB picture; at 300 dpi, 35 MB).
MAX_RENDER_DPI = 300.0


class PrintFailed(Exception):
    """The printer (or the file it prints to) could not be started."""


def prepare_printer(printer: QPrinter, pages: PdfPages, name: str) -> None:
    """Paper of the document's own size (A4 or Letter) and the whole sheet to draw on: the
    pages carry their own margins, so they print at 100 % on matching paper."""
    if pages.page_count():
        points = pages.page_points(0)
        size = QPageSize(
            QSizeF(points.width(), points.height()),
            QPageSize.Unit.Point,
            "",
            QPageSize.SizeMatchPolicy.FuzzyMatch,
        )
        printer.setPageSize(size)
        orientation = (
            QPageLayout.Orientation.Landscape
            if points.width() > points.height()
            else QPageLayout.Orientation.Portrait
        )
        printer.setPageOrientation(orientation)
    printer.setFullPage(True)
    printer.setDocName(name)
    printer.setCreator("DeliveryDesk")


def pages_to_print(printer: QPrinter, count: int) -> range:
    """The pages the person chose in the print dialog (0-based), or all of them."""
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first = max(printer.fromPage(), 1)
        last = min(printer.toPage() or count, count)
        return range(first - 1, last)
    return range(count)


def print_pages(pages: PdfPages, printer: QPrinter) -> int:
    """Draw the chosen pages onto `printer`, one a sheet; how many were printed.

    Raises PrintFailed when the printer cannot start (no printer, a file it cannot write).
    """
    chosen = pages_to_print(printer, pages.page_count())
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintFailed
    printed = 0
    try:
        resolution = float(printer.resolution())
        for page in chosen:
            if printed:
                printer.newPage()
            sheet = QRectF(painter.viewport())
            points = pages.page_points(page)
            at_resolution = QSizeF(
                points.width() * resolution / POINTS_PER_INCH,
                points.height() * resolution / POINTS_PER_INCH,
            )
            scale = min(
                sheet.width() / at_resolution.width(), sheet.height() / at_resolution.height()
            )
            target = QRectF(0, 0, at_resolution.width() * scale, at_resolution.height() * scale)
            target.moveCenter(sheet.center())
            target.moveTop(sheet.top())  # centred across, from the top down
            image = pages.render(page, min(resolution * scale, MAX_RENDER_DPI))
            painter.drawImage(target, image)
            printed += 1
    finally:
        painter.end()
    return printed
