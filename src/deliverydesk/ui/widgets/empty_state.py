"""A calm, centred message for a screen with nothing to show yet."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from deliverydesk.ui.look.icons import icon
from deliverydesk.ui.look.typography import make_heading

BODY_WIDTH_EM = 28  # a comfortable line length for the explanation


class EmptyState(QWidget):
    def __init__(
        self, icon_name: str, title: str, body: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        em = self.fontMetrics().height()
        picture = QLabel()
        picture.setPixmap(icon(icon_name).pixmap(QSize(em * 3, em * 3)))
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        picture.setEnabled(False)  # drawn in the muted colour
        self.title = QLabel(title)
        make_heading(self.title, 1.35)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        self.body = QLabel(body)
        self.body.setWordWrap(True)
        self.body.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.body.setMaximumWidth(em * BODY_WIDTH_EM)
        for label in (self.title, self.body):
            label.setTextFormat(Qt.TextFormat.PlainText)  # may quote what the person typed
        # A wrapped label placed with an alignment flag gets its one-line size hint and
        # shows a sliver of two lines; between stretches it gets a width, and the layout
        # asks its height for that width.
        body_row = QHBoxLayout()
        body_row.addStretch(1)
        body_row.addWidget(self.body, 100)
        body_row.addStretch(1)
        self._layout = layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(picture)
        layout.addSpacing(em // 2)
        layout.addWidget(self.title)
        layout.addLayout(body_row)
        layout.addStretch(3)
        self.setAccessibleName(title)

    def add_button(self, text: str) -> QPushButton:
        """A way out under the explanation ("Clear filters")."""
        button = QPushButton(text)
        self._layout.insertWidget(
            self._layout.count() - 1, button, 0, Qt.AlignmentFlag.AlignHCenter
        )
        return button

    def set_text(self, title: str, body: str) -> None:
        self.title.setText(title)
        self.body.setText(body)
        self.setAccessibleName(title)
