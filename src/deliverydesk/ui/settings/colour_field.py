"""A colour as a person sets it: a swatch button that opens the colour picker, and the hex
code beside it for those who have their brand's code at hand (#2F6F73)."""

from __future__ import annotations

import re

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QColorDialog, QHBoxLayout, QLineEdit, QPushButton, QWidget

from deliverydesk.ui.core.text import tr

_BARE_HEX = re.compile(r"^[0-9A-Fa-f]{6}$")
_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")


def normalised(text: str) -> str:
    """ "2f6f73" and " #2f6f73 " as the services store them ("#2F6F73"); anything else
    as typed, for the field's message to point at."""
    text = text.strip()
    if _BARE_HEX.match(text):
        text = "#" + text
    return text.upper() if _HEX.match(text) else text


class ColourField(QWidget):
    """Signals: changed(): the colour was picked or its code edited."""

    changed = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._name = name  # "Primary colour": the picker's title and accessible names
        self.swatch = QPushButton()
        self.swatch.setAccessibleName(tr("Choose the {name}").format(name=name.lower()))
        self.swatch.setToolTip(tr("Choose the {name}…").format(name=name.lower()))
        self.swatch.clicked.connect(self.pick)
        self.code = QLineEdit()
        self.code.setMaxLength(7)
        self.code.setPlaceholderText("#2F6F73")
        self.code.setAccessibleName(tr("{name}, as a hex code").format(name=name))
        em = self.code.fontMetrics().horizontalAdvance("M")
        self.code.setMaximumWidth(em * 7)
        self.code.textChanged.connect(self._on_code)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.swatch)
        row.addWidget(self.code)
        row.addStretch(1)
        self.setFocusProxy(self.code)
        self._paint_swatch()

    def colour(self) -> str:
        return normalised(self.code.text())

    def set_colour(self, colour: str) -> None:
        self.code.setText(colour)  # textChanged repaints the swatch and says changed

    def pick(self) -> None:
        """The system's colour picker, starting from the colour shown."""
        start = QColor(self.colour()) if _HEX.match(self.colour()) else QColor("#2F6F73")
        chosen = QColorDialog.getColor(
            start, self, tr("Choose the {name}").format(name=self._name.lower())
        )
        if chosen.isValid():
            self.set_colour(chosen.name(QColor.NameFormat.HexRgb).upper())
            self.code.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_code(self) -> None:
        self._paint_swatch()
        self.changed.emit()

    def _paint_swatch(self) -> None:
        """The colour as a filled square with a hairline; an empty square with a slash
        while the code does not read as a colour."""
        side = self.code.sizeHint().height() - 8
        pixmap = QPixmap(QSize(side, side) * self.devicePixelRatioF())
        pixmap.setDevicePixelRatio(self.devicePixelRatioF())
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        outline = self.palette().color(self.foregroundRole())
        painter.setPen(outline)
        code = self.colour()
        if _HEX.match(code):
            painter.setBrush(QColor(code))
            painter.drawRoundedRect(QRectF(0.5, 0.5, side - 1, side - 1), 3, 3)
        else:
            painter.drawRoundedRect(QRectF(0.5, 0.5, side - 1, side - 1), 3, 3)
            painter.drawLine(3, side - 3, side - 3, 3)
        painter.end()
        self.swatch.setIcon(QIcon(pixmap))
        self.swatch.setIconSize(QSize(side, side))
