"""File > Import journeys in progress…: clients already under way from a CSV file.

The client import's dialog (ui/widgets/import_clients_dialog.py) with the journey's columns, the
journeys' preview and import (services/journeys/journey_csv.py), and two buttons it lacks: "Save a
template…", a file to fill in (one example row per offer), and "Choose file…", since the
dialog opens before there is a file. Each row says what happens to it, with its row
number and the reason; Import is offered only when no row has a problem.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from deliverydesk.services.changes import Result
from deliverydesk.services.clients.client_csv import CsvPreview, CsvRow
from deliverydesk.services.errors import DatabaseError, InvalidInput
from deliverydesk.services.journeys.journey_csv import JourneyCsvRow
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.jobs import JobRunner
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.widgets.import_clients_dialog import (
    CsvRowsModel,
    ImportClientsDialog,
    outcome,
    problems_and_columns,
)

CSV_FILES = "CSV files (*.csv *.txt);;All files (*)"


class JourneyRowsModel(CsvRowsModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            parent,
            lambda: (
                tr("Row"),
                tr("Client"),
                tr("E-mail"),
                tr("Offer"),
                tr("Start"),
                tr("Now at"),
                tr("What happens"),
            ),
        )

    def cells(self, row: CsvRow) -> tuple[str, ...]:
        journey = row if isinstance(row, JourneyCsvRow) else None
        offer, start, place = (
            (journey.offer, journey.start, journey.place or tr("the start"))
            if journey
            else ("", "", "")
        )
        return (str(row.number), row.values.name, row.values.email, offer, start, place,
                outcome(row))  # fmt: skip


def summary(preview: CsvPreview) -> str:
    new, skipped = preview.new, preview.duplicates
    parts = [
        tr("1 client already under way will be enrolled.")
        if new == 1
        else tr("{n} clients already under way will be enrolled.").format(n=new)
    ]
    if skipped:
        parts.append(
            tr("1 row is already here and will be skipped.")
            if skipped == 1
            else tr("{n} rows are already here and will be skipped.").format(n=skipped)
        )
    return " ".join(parts + problems_and_columns(preview))


INTRO = (
    "One row per client: client, e-mail, offer, start date and the phase or step they have "
    "reached. Every earlier step is marked done, brought in, so none of it counts as late. "
    "Save a template to fill in, then choose the file."
)


class ImportJourneysDialog(ImportClientsDialog):
    """Accepted once the journeys are in. Signals: imported(JourneyImport)."""

    def __init__(
        self,
        workspace: Workspace,
        events: AppEvents,
        jobs: JobRunner,
        path: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        self.path_chosen = path is not None
        super().__init__(workspace, events, jobs, path or Path(), parent)
        self.template_button = QPushButton(tr("Save a &template to fill in…"))
        self.template_button.clicked.connect(lambda: self.save_template())
        self.choose_button = QPushButton(tr("&Choose file…"))
        self.choose_button.clicked.connect(lambda: self.choose_file())
        row = QHBoxLayout()
        row.addWidget(self.template_button)
        row.addWidget(self.choose_button)
        row.addStretch(1)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertLayout(0, row)
        self._title()
        self.import_button.setDefault(self.path_chosen)
        self.choose_button.setDefault(not self.path_chosen)

    def _title(self) -> None:
        self.setWindowTitle(
            tr("Import journeys in progress from {file}").format(file=self.path.name)
            if self.path_chosen
            else tr("Import journeys in progress")
        )

    # -- the import dialog's hooks -----------------------------------------------------------
    def make_model(self) -> CsvRowsModel:
        return JourneyRowsModel(self)

    def read_preview(self, path: Path, encoding: str) -> CsvPreview:
        return self._ws.data.preview_journeys_csv(path, encoding)

    def describe(self, preview: CsvPreview) -> str:
        return summary(preview)

    def import_job(self, path: Path, encoding: str) -> Callable[[Workspace, Any], Result[Any]]:
        return lambda ws, _tracker: ws.data.import_journeys_csv(path, encoding)

    def load(self) -> None:
        if not self.path_chosen:
            self.preview = None
            self.summary.setText(tr(INTRO))
            self._show_rows()
            return
        super().load()

    # -- its own buttons ---------------------------------------------------------------------
    def choose_file(self, path: Path | None = None) -> None:
        """Read `path` (asked with a file dialog when not given) and preview it."""
        if path is None:
            chosen, _filter = QFileDialog.getOpenFileName(
                self, tr("Import journeys in progress"), str(Path.home()), tr(CSV_FILES)
            )
            if not chosen:
                return
            path = Path(chosen)
        self.path, self.path_chosen = path, True
        self._title()
        self.load()
        self.choose_button.setDefault(False)
        self.import_button.setDefault(True)

    def save_template(self, path: Path | None = None) -> Path | None:
        """Write the template to `path` (asked when not given); where it went, or None."""
        if path is None:
            chosen, _filter = QFileDialog.getSaveFileName(
                self,
                tr("Save a template"),
                str(Path.home() / "journeys in progress.csv"),
                tr("CSV files (*.csv);;All files (*)"),
            )
            if not chosen:
                return None
            path = Path(chosen)
        try:
            examples = self._ws.data.journeys_template(path)
        except (InvalidInput, DatabaseError, OSError) as error:
            self.summary.setText(
                tr("The template was not saved: {why}").format(
                    why=getattr(error, "strerror", None) or error
                )
            )
            return None
        self.summary.setText(
            tr(
                "Saved the template to {path}. Replace its {n} example rows (one per offer) "
                "with your clients, then choose the file."
            ).format(path=path, n=examples)
        )
        return path
