"""An offer's kept revisions, newest first, with the clients still following each."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.services.offers.offer_revisions import RevisionRow
from deliverydesk.ui.core import text
from deliverydesk.ui.core.text import tr

HEADERS = ("Revision", "Saved", "Phases", "Steps", "Clients following it")


def saved_words(moment: datetime) -> str:
    local = moment.astimezone()
    return tr("{day}, {time}").format(
        day=text.long_date(local.date()), time=local.strftime("%H:%M")
    )


def older_followers(rows: Sequence[RevisionRow]) -> int:
    """Active or paused journeys still on a revision older than the current one."""
    return sum(row.live_journeys for row in rows if not row.is_current)


class RevisionsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels([tr(h) for h in HEADERS])
        self.table.setAccessibleName(tr("Revisions"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setAccessibleName(tr("Revision columns"))
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    def show_revisions(self, rows: Sequence[RevisionRow]) -> None:
        self.table.setRowCount(len(rows))
        for r, revision in enumerate(rows):
            number = str(revision.revision)
            if revision.is_current:
                number = tr("{n} (current)").format(n=revision.revision)
            cells = (
                number,
                saved_words(revision.saved_at),
                str(revision.phase_count),
                str(revision.step_count),
                text.clients(revision.live_journeys) if revision.live_journeys else "",
            )
            for c, value in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(value))
        waiting = older_followers(rows)
        if waiting:
            self.summary.setText(
                tr(
                    "{clients} follow an older revision. Their journeys keep the design they "
                    "were enrolled with until you apply the current one (Apply to active "
                    "clients…, above)."
                ).format(clients=text.clients(waiting))
            )
        else:
            self.summary.setText(
                tr(
                    "Every active client follows the current design. Saving a change makes a "
                    "new revision; journeys under way keep theirs until you apply it."
                )
            )
