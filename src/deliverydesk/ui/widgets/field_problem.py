"""A message beside a field: a problem in the danger colour, or a warning (saving is still
allowed) in the warning colour."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QWidget

from deliverydesk.ui.core.text import tr
from deliverydesk.ui.look.theme import semantic


class ProblemLabel(QLabel):
    """Hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None, *, warning: bool = False) -> None:
        super().__init__(parent)
        self._warning = warning
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setAccessibleName(tr("Warning") if warning else tr("Problem"))
        self._recolour()
        self.hide()

    def say(self, words: str, field: QWidget | None = None, *, focus: bool = True) -> None:
        """Show `words`; `field` (the one at fault) carries them for a screen reader and,
        with `focus`, takes the focus."""
        self.setText(words)
        self.setVisible(bool(words))
        if field is not None:
            field.setAccessibleDescription(words)
            if focus and words:
                field.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear(self) -> None:
        self.setText("")
        self.hide()

    @property
    def shown(self) -> bool:
        return not self.isHidden()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._recolour()
        super().changeEvent(event)

    def _recolour(self) -> None:
        palette = self.palette()
        colours = semantic(palette)
        colour = colours.warning if self._warning else colours.danger
        if palette.color(self.foregroundRole()) != colour:
            palette.setColor(self.foregroundRole(), colour)
            self.setPalette(palette)
