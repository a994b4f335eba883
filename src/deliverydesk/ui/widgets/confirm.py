"""A yes/no question whose buttons say what they do: every screen asks it the same way."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from deliverydesk.ui.core.text import literal_rich_text


def confirm(
    parent: QWidget | None,
    title: str,
    question: str,
    yes: str,
    no: str,
    *,
    default_yes: bool = False,
) -> bool:
    """A yes/no question with buttons that say what they do (Enter picks No unless
    `default_yes`)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(literal_rich_text([question]))
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.button(QMessageBox.StandardButton.Yes).setText(yes)
    box.button(QMessageBox.StandardButton.No).setText(no)
    box.setDefaultButton(
        QMessageBox.StandardButton.Yes if default_yes else QMessageBox.StandardButton.No
    )
    try:
        return box.exec() == QMessageBox.StandardButton.Yes.value
    finally:
        box.deleteLater()
