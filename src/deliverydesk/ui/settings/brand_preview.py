"""The live sample page beside Settings → Brand: redrawn a moment after the person stops
typing (a quarter of a second), from the settings as they stand in the form, unsaved.

Drawing a sample (reportlab, then PDFium) takes about 15–25 ms: on the UI thread, after
the pause, it never competes with typing. The page is drawn at the size it is shown, so
its text stays crisp at any window size and screen scale.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPainter, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from deliverydesk.reports.data import Brand
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.failures import told
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.widgets.paper.pdf_pages import POINTS_PER_INCH, PdfPages

DEBOUNCE_MS = 250
MARGIN = 6  # px around the page, room for its outline


class PageView(QWidget):
    """One PDF page, scaled to fit, on the window's background with a hairline edge."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages: PdfPages | None = None
        self._image = QImage()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        em = self.fontMetrics().height()
        self.setMinimumSize(em * 12, em * 17)
        self.setAccessibleName(tr("Sample page"))

    def sizeHint(self) -> QSize:
        em = self.fontMetrics().height()
        return QSize(em * 20, em * 28)

    def set_pages(self, pages: PdfPages | None) -> None:
        if self.pages is not None:
            self.pages.deleteLater()
        self.pages = pages
        self._image = QImage()
        self._render()
        self.update()

    def page_rect(self) -> QRectF:
        """Where the page is drawn: as large as fits, centred at the top."""
        if self.pages is None or self.pages.page_count() < 1:
            return QRectF()
        points = self.pages.page_points(0)
        room = self.rect().adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        scale = min(room.width() / points.width(), room.height() / points.height())
        width, height = points.width() * scale, points.height() * scale
        return QRectF(room.x() + (room.width() - width) / 2, room.y(), width, height)

    def _render(self) -> None:
        rect = self.page_rect()
        if rect.isEmpty() or self.pages is None:
            return
        ratio = self.devicePixelRatioF()
        dpi = rect.width() * ratio / self.pages.page_points(0).width() * POINTS_PER_INCH
        if self._image.isNull() or abs(self._image.width() - rect.width() * ratio) > 1:
            self._image = self.pages.render(0, dpi)
            self._image.setDevicePixelRatio(ratio)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._render()

    def paintEvent(self, event: QPaintEvent) -> None:
        rect = self.page_rect()
        if rect.isEmpty() or self._image.isNull():
            return
        painter = QPainter(self)
        painter.drawImage(rect.topLeft(), self._image)
        painter.setPen(self.palette().color(QPalette.ColorRole.Mid))
        painter.drawRect(rect.adjusted(-0.5, -0.5, 0.5, 0.5))
        painter.end()


class BrandPreview(QWidget):
    """Signals: updated(): a new sample is shown (or why none could be drawn)."""

    updated = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = workspace
        self.pending: Brand | None = None
        self.shown: Brand | None = None
        self.timings: list[float] = []  # ms to draw each sample: make the PDF, render it
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.draw_now)
        self.view = PageView()
        self.caption = QLabel(
            tr("A sample page with a made-up client: your documents follow this look.")
        )
        self.caption.setWordWrap(True)
        self.caption.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.problem = QLabel()
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.hide()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.caption)
        column.addWidget(self.problem)
        column.addWidget(self.view, 1)

    def show_settings(self, settings: Brand, *, at_once: bool = False) -> None:
        """Draw `settings` after the pause (or now); a newer call replaces a waiting one."""
        self.pending = settings
        if at_once:
            self.draw_now()
        else:
            self.timer.start()

    def draw_now(self) -> None:
        self.timer.stop()
        settings = self.pending
        if settings is None:
            return
        started = time.perf_counter()
        try:
            pages = PdfPages(self._ws.practice.brand_sample(settings), self)
        except Exception as error:  # a sample that cannot be drawn is said, never raised
            why = told(error, self._ws.folder, "Drawing the sample page")
            self.problem.setText(tr("The sample page could not be drawn. {why}").format(why=why))
            self.problem.show()
            self.view.set_pages(None)
        else:
            self.problem.hide()
            self.view.set_pages(pages)
            self.timings.append((time.perf_counter() - started) * 1000)
        self.shown = settings
        self.updated.emit()
