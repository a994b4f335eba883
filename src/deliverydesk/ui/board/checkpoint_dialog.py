"""The question asked before a card leaves a phase whose checkpoint is not done.

Its buttons say what each choice does ("Move anyway", "Keep in Onboarding"), not "Yes" and
"Cancel"; keeping the client where they are is the default and what Escape does.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from deliverydesk.ui.core.text import WORDS, literal_rich_text, tr


def checkpoint_dialog(
    parent: QWidget | None, name: str, phase: str, checkpoints: list[str]
) -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(tr("Checkpoint not done"))
    box.setText(
        literal_rich_text(  # names and titles are the person's text, never markup
            [
                tr("{name} cannot leave “{phase}” yet: {not_done}.").format(
                    name=name, phase=phase, not_done=WORDS.not_done(checkpoints)
                ),
                tr("Moving anyway is recorded in the activity log."),
            ]
        )
    )
    box.addButton(tr("Move anyway"), QMessageBox.ButtonRole.AcceptRole)
    keep = box.addButton(
        tr("Keep in {phase}").format(phase=phase), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    return box


def ask_move_anyway(box: QMessageBox) -> bool:
    """Run the question; True when the person chose to move anyway."""
    try:
        box.exec()
        clicked = box.clickedButton()
        return clicked is not None and box.buttonRole(clicked) == QMessageBox.ButtonRole.AcceptRole
    finally:
        box.deleteLater()
