"""File > Import clients…: a CSV file previewed row by row before anything is added.

Each row says what will happen to it: added, skipped (already a client) or a problem,
with its spreadsheet row number and the reason. Import is offered only when no row has a
problem; it adds every new client at once, after a backup, through the job runner.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.services.changes import Result
from deliverydesk.services.clients.client_csv import CsvPreview, CsvRow, RowStatus
from deliverydesk.services.errors import DatabaseError, InvalidInput
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.failures import in_words
from deliverydesk.ui.core.jobs import Job, JobRunner
from deliverydesk.ui.core.runner import Runner
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.look.icons import icon
from deliverydesk.ui.widgets.record_table import Index, RecordTableModel

ROW, NAME, EMAIL, COMPANY, OUTCOME = range(5)
ENCODINGS = (
    ("utf-8", "UTF-8"),
    ("cp1252", "Windows (Western European)"),
    ("latin-1", "ISO 8859-1 (Latin-1)"),
    ("mac-roman", "Mac OS Roman"),
)
_ICONS = {
    RowStatus.NEW: "step_done",
    RowStatus.DUPLICATE: "step_open",
    RowStatus.ERROR: "off_track",
}


def outcome(row: CsvRow) -> str:
    """What becomes of `row`, and why, in the window's language."""
    why = "" if row.why is None else in_words(row.why)
    if row.status is RowStatus.ERROR:
        return tr("Problem: {reason}").format(reason=why)
    if row.status is RowStatus.DUPLICATE:
        return tr("Skipped: {reason}").format(reason=why)
    return tr("Added. {note}").format(note=why) if why else tr("Added")


class CsvRowsModel(RecordTableModel[CsvRow]):
    """The file's rows: its number first, what happens to it last; `cells` says the rest
    (a journey import shows its offer and place too)."""

    def __init__(
        self, parent: QWidget | None = None, headers: Callable[[], Sequence[str]] | None = None
    ) -> None:
        super().__init__(
            headers
            or (lambda: (tr("Row"), tr("Name"), tr("E-mail"), tr("Company"), tr("What happens"))),
            parent,
        )

    def cells(self, row: CsvRow) -> tuple[str, ...]:
        values = row.values
        return (str(row.number), values.name, values.email, values.company, outcome(row))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row = self.record_at(index)
        if row is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            # One line per cell: a name with a line break would otherwise double the row.
            shown = self.cells(row)
            return (
                shown[column]
                if role == Qt.ItemDataRole.ToolTipRole
                else " ".join(shown[column].split())
            )
        if role == Qt.ItemDataRole.DecorationRole and column == self.columnCount() - 1:
            return icon(_ICONS[row.status])
        if role == Qt.ItemDataRole.TextAlignmentRole and column == ROW:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def summary(preview: CsvPreview) -> str:
    new, skipped = preview.new, preview.duplicates
    parts = [
        tr("1 client will be added.")
        if new == 1
        else tr("{n} clients will be added.").format(n=new)
    ]
    if skipped:
        parts.append(
            tr("1 row names someone already here and will be skipped.")
            if skipped == 1
            else tr("{n} rows name someone already here and will be skipped.").format(n=skipped)
        )
    return " ".join(parts + problems_and_columns(preview))


def problems_and_columns(preview: CsvPreview) -> list[str]:
    """The end of a preview's summary, the same for every CSV import: the rows with a
    problem (nothing is imported until there are none) and the columns left out."""
    parts = []
    if preview.errors:
        parts.append(
            (
                tr("1 row has a problem.")
                if preview.errors == 1
                else tr("{n} rows have a problem.").format(n=preview.errors)
            )
            + " "
            + tr("Nothing is imported until every row can be: fix the file and open it again.")
        )
    if preview.ignored:
        parts.append(
            tr("Columns not imported: {columns}.").format(columns=", ".join(preview.ignored))
        )
    return parts


class ImportClientsDialog(QDialog):
    """Accepted once the clients are in. Signals: imported(CsvImport), or the import's
    value for a subclass."""

    imported = Signal(object)

    def __init__(
        self,
        workspace: Workspace,
        events: AppEvents,
        jobs: JobRunner,
        path: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ws = workspace
        self._events = events
        self._jobs = jobs
        self.path = path
        self.preview: CsvPreview | None = None
        self.job: Job | None = None
        self.setWindowTitle(tr("Import clients from {file}").format(file=path.name))

        self.encoding = QComboBox()
        for code, label in ENCODINGS:
            self.encoding.addItem(label, code)
        self.encoding.setAccessibleName(tr("Text encoding of the file"))
        self.encoding.currentIndexChanged.connect(lambda _i: self.load())
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(tr("What the import will do"))
        self.attention = QCheckBox(tr("Show only rows that are not added"))
        self.attention.toggled.connect(lambda _on: self._show_rows())
        self.model = self.make_model()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setAccessibleName(tr("Rows of the file"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.model.columnCount() - 1, QHeaderView.ResizeMode.Stretch)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button: QPushButton = self.buttons.addButton(
            tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Text encoding:")))
        top.addWidget(self.encoding)
        top.addStretch(1)
        top.addWidget(self.attention)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        em = self.fontMetrics().height()
        self.resize(em * 48, em * 30)
        self.load()

    # -- what a subclass (the journeys' import) says otherwise -------------------------------
    def make_model(self) -> CsvRowsModel:
        return CsvRowsModel(self)

    def read_preview(self, path: Path, encoding: str) -> CsvPreview:
        return self._ws.data.preview_clients_csv(path, encoding)

    def describe(self, preview: CsvPreview) -> str:
        return summary(preview)

    def import_job(self, path: Path, encoding: str) -> Callable[[Workspace, Any], Result[Any]]:
        return lambda ws, _tracker: ws.data.import_clients_csv(path, encoding)

    # -- reading and importing ---------------------------------------------------------------
    def load(self) -> None:
        """Read the file again (with the chosen encoding) and show what would happen."""
        try:
            self.preview = self.read_preview(self.path, self.encoding.currentData())
        except (InvalidInput, DatabaseError) as error:
            self.preview = None
            self.summary.setText(in_words(error))
        else:
            self.summary.setText(self.describe(self.preview))
            self.attention.setChecked(self.preview.errors > 0)
        self._show_rows()

    def _show_rows(self) -> None:
        rows = list(self.preview.rows) if self.preview else []
        if self.attention.isChecked():
            rows = [r for r in rows if r.status is not RowStatus.NEW or r.why]
        self.model.set_records(rows)
        self.import_button.setEnabled(
            self.job is None and self.preview is not None and self.preview.can_import
        )

    def start_import(self) -> None:
        if self.job is not None or self.preview is None or not self.preview.can_import:
            return
        path, encoding = self.path, self.encoding.currentData()
        runner = Runner(self._ws, self._events, self._jobs)
        self.job = runner.later(self.import_job(path, encoding), initiator=self)
        self.job.succeeded.connect(self._imported)
        self.job.failed.connect(self._failed)
        self.summary.setText(tr("Importing…"))
        self._show_rows()

    def _imported(self, result: Result[Any]) -> None:
        self.job = None
        self.imported.emit(result.value)
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.job = None
        self.load()
        self.summary.setText(in_words(error))
