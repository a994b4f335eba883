"""A PDF made in memory, as pages the window can show or print (QtPdf, PDFium inside).

QPdfDocument reads from a QIODevice that must outlive it, so the bytes, their buffer and
the document travel together here.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QSize, QSizeF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument

POINTS_PER_INCH = 72.0


class PdfPages(QObject):
    def __init__(self, pdf: bytes, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pdf = pdf
        self._bytes = QByteArray(pdf)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        if self.document.status() != QPdfDocument.Status.Ready:
            raise ValueError(f"The PDF could not be read ({self.document.error().name}).")

    def page_count(self) -> int:
        return self.document.pageCount()

    def page_points(self, page: int) -> QSizeF:
        """The page's size in points (1/72 inch)."""
        return self.document.pagePointSize(page)

    def render(self, page: int, dpi: float) -> QImage:
        """The page drawn at `dpi`, white behind it (PDF pages are transparent)."""
        points = self.page_points(page)
        size = QSize(
            max(1, round(points.width() * dpi / POINTS_PER_INCH)),
            max(1, round(points.height() * dpi / POINTS_PER_INCH)),
        )
        image = self.document.render(page, size)
        if image.hasAlphaChannel():
            flat = QImage(image.size(), QImage.Format.Format_RGB32)
            flat.fill(0xFFFFFF)

            painter = QPainter(flat)
            painter.drawImage(0, 0, image)
            painter.end()
            image = flat
        return image
