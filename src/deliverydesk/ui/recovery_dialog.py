"""A damaged data file at start: the ladder of store/recovery.py, told in plain words.

Indexes are rebuilt on a copy without asking (nothing can be lost by it). Otherwise the
person chooses: the newest sound backup, an empty practice, or quitting to look first.
Whatever they choose, the damaged file is kept aside, and they are told where.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from deliverydesk import APP_NAME
from deliverydesk.services import startup
from deliverydesk.services.errors import DatabaseError
from deliverydesk.ui.core import text
from deliverydesk.ui.core.failures import in_words
from deliverydesk.ui.core.text import literal_rich_text, tr


class RecoveryDialog(QMessageBox):
    """The choice: `restore_button` (None without a sound backup), `fresh_button`, or
    Quit (`quit_button`, the default when there is no backup)."""

    def __init__(
        self, problem: str, folder: Path, backups: list[startup.BackupInfo], parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle(tr("Your data file is damaged"))
        kept = startup.kept_in(folder)
        lines = [problem, ""]
        if backups:
            newest = backups[0]
            when = newest.taken_at.astimezone()
            lines.append(
                tr(
                    "The newest sound backup is from {day} at {time} and holds {clients}. "
                    "Anything done after it is not in it."
                ).format(
                    day=text.long_date(when.date()),
                    time=when.strftime("%H:%M"),
                    clients=text.clients(newest.clients or 0),  # a sound backup is always read
                )
            )
        else:
            lines.append(tr("There is no sound backup to go back to."))
        lines.append(
            tr("Whatever you choose, the damaged file is kept in {folder}.").format(folder=kept)
        )
        self.setText(literal_rich_text(lines))
        self.restore_button: QPushButton | None = None
        if backups:
            self.restore_button = self.addButton(
                tr("Restore the backup"), QMessageBox.ButtonRole.AcceptRole
            )
        self.fresh_button = self.addButton(
            tr("Start with an empty practice"), QMessageBox.ButtonRole.DestructiveRole
        )
        self.quit_button = self.addButton(tr("Quit"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.restore_button or self.quit_button)
        self.setEscapeButton(self.quit_button)


def recover(folder: Path, problem: str, parent: QWidget | None) -> bool:
    """Put the damaged file in `folder` right, as far as the person agrees; True when a
    sound file (or none, for a fresh start) is now in place and the open can be retried."""

    def choose(backups: list[startup.BackupInfo]) -> startup.Choice:
        dialog = RecoveryDialog(problem, folder, backups, parent)
        dialog.exec()
        chosen = dialog.clickedButton()
        if chosen is not None and chosen is dialog.restore_button:
            return startup.Choice.RESTORE
        return startup.Choice.FRESH if chosen is dialog.fresh_button else startup.Choice.QUIT

    try:
        outcome = startup.put_right(folder, choose)
    except DatabaseError as error:
        QMessageBox.critical(parent, APP_NAME, literal_rich_text([in_words(error)]))
        return False
    if outcome is None:
        return False
    QMessageBox.information(parent, APP_NAME, literal_rich_text([outcome.message]))
    return True
