"""A one-line (or wrapped) message beside a form: an icon in the tone's colour, the words
in the text colour (the warning colour is too light for text on the window background),
always plain text because it often quotes what the person typed."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from deliverydesk.ui.look.icons import icon
from deliverydesk.ui.look.theme import semantic

_ICONS = {"danger": "off_track", "warning": "at_risk", "info": "sparkle", "good": "on_track"}


class Notice(QWidget):
    """Hidden while it has nothing to say; `tone` is "danger", "warning", "info" or "good"."""

    def __init__(self, tone: str = "warning", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tone = tone
        self.icon = QLabel()
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.label, 1)
        self.hide()

    def set_text(self, text: str, tone: str | None = None) -> None:
        """Show `text` (hide the notice when it is empty), in `tone` if given."""
        self.tone = tone or self.tone
        self.label.setText(text)
        self.setAccessibleName(text)
        if text:
            colours = semantic(self.palette())
            colour = {
                "danger": colours.danger,
                "warning": colours.warning,
                "good": colours.good,
            }.get(self.tone, QColor(self.palette().color(self.foregroundRole())))
            em = self.fontMetrics().height()
            self.icon.setPixmap(icon(_ICONS[self.tone], colour).pixmap(QSize(em, em)))
        self.setVisible(bool(text))

    def text(self) -> str:
        return self.label.text()
