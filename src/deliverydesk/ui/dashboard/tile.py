"""A dashboard tile: what it measures, the big figure, and the sentence that explains it.

A tile that leads somewhere takes the keyboard focus and opens it with Enter or Space, or a
click; it says where in its tooltip. Every text is plain: a figure may be a phase name.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from deliverydesk.ui.core.text import literal_rich_text
from deliverydesk.ui.look.typography import make_heading
from deliverydesk.ui.widgets.elided_label import ElidedLabel

FIGURE_SCALE = 2.0  # the big figure, against the system font
ACTIVATING_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)


class Tile(QFrame):
    """Signals:
    activated(): clicked, or Enter or Space pressed on it (only when it `leads_to`).
    """

    activated = Signal()

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.caption = QLabel(caption)
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.caption.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        make_heading(self.caption, 1.0)
        self.figure = ElidedLabel()
        make_heading(self.figure, FIGURE_SCALE)
        self.sentence = QLabel()
        self.sentence.setTextFormat(Qt.TextFormat.PlainText)
        self.sentence.setWordWrap(True)
        self.sentence.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.sentence.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        em = self.fontMetrics().height()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(em, int(em * 0.7), em, int(em * 0.8))
        layout.setSpacing(em // 4)
        layout.addWidget(self.caption)
        layout.addWidget(self.figure)
        layout.addWidget(self.sentence, 1)
        self.setMinimumWidth(em * 11)
        self.setAccessibleName(caption)
        self._where = ""

    def set_figure(self, figure: str, sentence: str) -> None:
        self.figure.set_full_text(figure)
        self.sentence.setText(sentence)
        self.setAccessibleDescription(f"{figure}. {sentence}")

    def leads_to(self, where: str) -> None:
        """Make the tile open something: `where` says what ("Open the board for Sprint");
        "" makes it a plain tile again."""
        self._where = where
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus if where else Qt.FocusPolicy.NoFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor if where else Qt.CursorShape.ArrowCursor)
        self.setToolTip(literal_rich_text([where]) if where else "")

    @property
    def where(self) -> str:
        return self._where

    # -- acting on it ------------------------------------------------------------------------
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        inside = self.rect().contains(event.position().toPoint())
        if self._where and event.button() == Qt.MouseButton.LeftButton and inside:
            self.activated.emit()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._where and event.key() in ACTIVATING_KEYS:
            self.activated.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    # -- the focus ring ----------------------------------------------------------------------
    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.hasFocus():
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 2))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5), 4, 4)
