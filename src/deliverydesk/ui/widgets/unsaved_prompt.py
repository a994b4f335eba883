"""The question asked when leaving unsaved changes (an offer design, settings): save,
discard or stay."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from deliverydesk.ui.core.text import tr


class Leave(Enum):
    SAVE = "save"
    DISCARD = "discard"
    STAY = "stay"


def ask_unsaved(parent: QWidget, what: str, cannot_save: str = "") -> Leave:
    """Save, discard or stay; `cannot_save` says why saving is not offered, if it is not."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(tr("Unsaved changes"))
    box.setTextFormat(Qt.TextFormat.PlainText)  # the name is user text
    if cannot_save:
        box.setText(tr("Your changes to {what} cannot be saved as they are.").format(what=what))
        box.setInformativeText(cannot_save)
        buttons = QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel
    else:
        box.setText(tr("Save your changes to {what}?").format(what=what))
        buttons = (
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
    box.setStandardButtons(buttons)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return Leave.SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return Leave.DISCARD
    return Leave.STAY
