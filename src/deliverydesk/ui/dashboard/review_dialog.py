"""Dashboard → Practice review…: choose a period (the last 90 days unless changed; the
first day no later than the last, the last no later than today), then save the dashboard
of that period as a PDF (services/paper/practice_review.py)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QStandardPaths
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.services.errors import InvalidInput
from deliverydesk.services.views.dashboard import WINDOW_DAYS
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.failures import in_words
from deliverydesk.ui.core.text import literal_rich_text, tr
from deliverydesk.ui.widgets.day_edit import DayEdit


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(edit: DayEdit) -> date:
    day: date = edit.date().toPython()  # type: ignore[assignment]
    return day


class PracticeReviewDialog(QDialog):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = workspace
        self.setWindowTitle(tr("Practice review"))
        today = workspace.today()
        intro = QLabel(
            tr(
                "The dashboard of a period on paper: integrity and its parts, on time, the "
                "bottleneck, capacity, time in each phase, feedback and referrals."
            )
        )
        intro.setWordWrap(True)
        self.since = DayEdit()
        self.until = DayEdit()
        self.until.setMaximumDate(_qdate(today))  # a review looks back
        self.until.setDate(_qdate(today))
        self.since.setMaximumDate(_qdate(today))
        self.since.setDate(_qdate(today - timedelta(days=WINDOW_DAYS - 1)))
        # The first day never after the last: each follows the other.
        self.until.dateChanged.connect(lambda d: self.since.setMaximumDate(d))
        form = QFormLayout()
        form.addRow(tr("&From:"), self.since)
        form.addRow(tr("&To:"), self.until)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(tr("Save PDF…"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(34 * self.fontMetrics().horizontalAdvance("M"))

    def period(self) -> tuple[date, date]:
        return _day(self.since), _day(self.until)

    def save(self, path: Path) -> bool:
        """Write the review of the chosen period to `path`; a refusal is said in words."""
        since, until = self.period()
        try:
            notes = self._ws.practice.save_practice_review(path, since, until)
        except InvalidInput as refused:
            QMessageBox.warning(
                self, tr("The review was not saved"), literal_rich_text([in_words(refused)])
            )
            return False
        self.saved_notes = notes
        return True


def save_practice_review(parent: QWidget, workspace: Workspace) -> Path | None:
    """Ask for a period and a file, and save the review there; the file, or None."""
    dialog = PracticeReviewDialog(workspace, parent)
    try:
        if not dialog.exec():
            return None
        since, until = dialog.period()
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = f"Practice review {since.isoformat()} to {until.isoformat()}.pdf"
        chosen, _filter = QFileDialog.getSaveFileName(
            parent, tr("Save the practice review"), str(Path(folder or Path.home()) / name),
            tr("PDF files (*.pdf)"),
        )  # fmt: skip
        if not chosen:
            return None
        path = Path(chosen)
        return path if dialog.save(path) else None
    finally:
        dialog.deleteLater()
