"""The question a batch asked from a narrowed board puts first: the clients whose cards it
shows, or every active client (the batch export and the batch send both ask it)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from deliverydesk.ui.core.text import tr


def ask_which_clients(parent: QWidget, shown: int, active: int, title: str = "") -> bool | None:
    """True for the clients the board shows, False for every active client, None to stop."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        title or tr("Export progress reports"),
        tr("The board shows {shown} of your {active} active clients. Whose reports?").format(
            shown=shown, active=active
        ),
        QMessageBox.StandardButton.Cancel,
        parent,
    )
    on_board = box.addButton(
        tr("The {n} on the board").format(n=shown), QMessageBox.ButtonRole.AcceptRole
    )
    everyone = box.addButton(
        tr("All {n} active clients").format(n=active), QMessageBox.ButtonRole.AcceptRole
    )
    box.setDefaultButton(on_board)
    box.exec()
    clicked = box.clickedButton()
    return True if clicked is on_board else False if clicked is everyone else None
