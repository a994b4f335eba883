"""A calm, centred message for a screen with nothing to show yet."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from deliverydesk.ui.icons import icon
from deliverydesk.ui.typography import make_heading


class EmptyState(QWidget):
    def __init__(
        self, icon_name: str, title: str, body: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        em = self.fontMetrics().height()
        picture = QLabel()
        picture.setPixmap(icon(icon_name).pixmap(QSize(em * 3, em * 3)))
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        picture.setEnabled(False)  # drawn in the muted colour
        self.title = QLabel(title)
        make_heading(self.title, 1.35)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body = QLabel(body)
        self.body.setWordWrap(True)
        self.body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body.setFixedWidth(em * 28)
        self._fit_body()
        self.body.setForegroundRole(self.body.foregroundRole())
        layout.addWidget(picture)
        layout.addSpacing(em // 2)
        layout.addWidget(self.title)
        # Centred by stretches, not by alignment: an aligned label keeps its one-line height
        # hint and its wrapped lines are cut off.
        body_row = QHBoxLayout()
        body_row.addStretch(1)
        body_row.addWidget(self.body, 4)
        body_row.addStretch(1)
        layout.addLayout(body_row)
        layout.addStretch(3)
        self.setAccessibleName(title)

    def set_text(self, title: str, body: str) -> None:
        self.title.setText(title)
        self.body.setText(body)
        self._fit_body()
        self.setAccessibleName(title)

    def _fit_body(self) -> None:
        # A wrapped label placed with an alignment is given its one-line height by the
        # layout, which clips the second line on; ask for the height its wrapping needs.
        self.body.setMinimumHeight(max(0, self.body.heightForWidth(self.body.width())))
