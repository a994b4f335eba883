"""File → Import calendar…: read an .ics file off the window's thread, show which client
sessions it would set (and which events it leaves alone, and why), and on the person's
word set them as one undoable change."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt, Signal
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.progress import Tracker
from deliverydesk.services.data.calendar_import import CalendarPlan
from deliverydesk.services.journeys.reschedule import Rescheduled
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core import text
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.failures import in_words
from deliverydesk.ui.core.jobs import Job, JobRunner
from deliverydesk.ui.core.text import literal_rich_text, tr
from deliverydesk.ui.core.undo_commands import ServiceCommand
from deliverydesk.ui.today.calendar_export import file_menu


class ImportSessionsCommand(ServiceCommand):
    """Set the sessions a calendar plan gives; undo puts every step back as it was."""

    def __init__(self, workspace: Workspace, events: AppEvents, plan: CalendarPlan) -> None:
        count = len(plan.sessions)
        words = (
            tr("Import 1 session from {file}")
            if count == 1
            else tr("Import {n} sessions from {file}")
        )
        super().__init__(workspace, events, words.format(n=count, file=plan.file_name))
        self.plan = plan
        self.applied: tuple[Rescheduled, ...] | None = None  # what undo puts back
        self.undone: tuple[Rescheduled, ...] | None = None  # what redo puts back

    def redo(self) -> None:
        if self.undone is None:
            plan = self.plan
            self.applied = self._run(lambda: self.workspace.schedule.import_calendar(plan))
        else:
            undone = self.undone
            self.applied = self._run(lambda: self.workspace.schedule.restore_sessions(undone))

    def undo(self) -> None:
        if self.applied is not None:
            applied = self.applied
            self.undone = self._run(lambda: self.workspace.schedule.restore_sessions(applied))


class ImportPlanDialog(QDialog):
    """The sessions the file would set, in a table, and the events left alone; the OK
    button says how many it imports, and is off when there are none."""

    def __init__(self, plan: CalendarPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(tr("Import calendar"))
        words = text.WORDS
        count = len(plan.sessions)
        intro = QLabel(
            tr("{file} gives {n} of your clients' sessions a time:").format(
                file=plan.file_name, n=count
            )
            if count
            else tr("No event in {file} is one of your clients' sessions.").format(
                file=plan.file_name
            )
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)  # a file name is the person's text
        self.sessions = _table(
            (tr("Client"), tr("Session"), tr("Now"), tr("From the calendar"), tr("Event")),
            [
                (
                    p.client_name,
                    p.step_title,
                    _when(p.was.due_on, p.was.session_time, p.was.session_minutes),
                    _when(p.day, p.start, p.minutes),
                    p.summary,
                )
                for p in plan.sessions
            ],
        )
        self.sessions.setAccessibleName(tr("Sessions to import"))
        left_label = QLabel(tr("Left alone ({n}):").format(n=len(plan.left_alone)))
        self.left_alone = _table(
            (tr("When"), tr("Event"), tr("Why")),
            [
                (_when(left.day, left.start, 0), left.summary, words.left_alone(left.reason))
                for left in plan.left_alone
            ],
        )
        self.left_alone.setAccessibleName(tr("Events left alone"))
        left_label.setBuddy(self.left_alone)
        for widget in (left_label, self.left_alone):
            widget.setVisible(bool(plan.left_alone))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(
            tr("&Import 1 session")
            if count == 1
            else tr("&Import {n} sessions").format(n=count)
            if count
            else tr("&Import")
        )
        ok.setEnabled(count > 0)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.sessions, 2)
        layout.addWidget(left_label)
        layout.addWidget(self.left_alone, 1)
        layout.addWidget(self.buttons)
        em = self.fontMetrics().horizontalAdvance("M")
        self.resize(64 * em, 36 * em)


def _when(day: date, start: time | None, minutes: int) -> str:
    """ "Tue 24 Nov 2026 10:00–11:00", or the day alone."""
    shown = text.long_date(day)
    return shown if start is None else f"{shown} {text.session_span(start, minutes)}"


def _table(headers: tuple[str, ...], rows: list[tuple[str, ...]]) -> QTableWidget:
    """Read-only rows of plain text (names and titles are shown as typed)."""
    table = QTableWidget(len(rows), len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    for row, values in enumerate(rows):
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setToolTip(literal_rich_text([value]) if value else "")
            table.setItem(row, column, item)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class CalendarImport(QObject):
    """Signals:
    planned(object): the plan read from a file, about to be shown.
    """

    planned = Signal(object)

    def __init__(
        self, workspace: Workspace, events: AppEvents, undo_stack: QUndoStack, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._ws = workspace
        self._events = events
        self._parent = parent
        self.undo_stack = undo_stack
        self.runner = JobRunner.for_workspace(workspace, self)
        self.job: Job | None = None
        self.quiet = False  # no dialogs (tests): `planned` carries the plan
        self.action = QAction(tr("&Import calendar…"), parent)
        self.action.setToolTip(
            tr("Give your clients' sessions the times an .ics calendar file has for them")
        )
        self.action.triggered.connect(self.ask)

    def ask(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        chosen, _filter = QFileDialog.getOpenFileName(
            self._parent,
            tr("Import calendar"),
            folder or str(Path.home()),
            tr("Calendar files (*.ics);;All files (*)"),
        )
        if chosen:
            self.read(Path(chosen))

    def read(self, path: Path) -> Job:
        """Read the file on the job runner; the plan is shown (and `planned` emitted) or
        a message says why the file cannot be imported."""

        def work(ws: Workspace, _tracker: Tracker) -> CalendarPlan:
            return ws.schedule.plan_calendar_import(path)

        self.job = job = self.runner.submit(work)
        job.succeeded.connect(self._planned)
        job.failed.connect(self._failed)
        return job

    def _planned(self, plan: object) -> None:
        assert isinstance(plan, CalendarPlan)
        self.planned.emit(plan)
        if self.quiet:
            return
        dialog = ImportPlanDialog(plan, self._parent)
        try:
            if dialog.exec():
                self.apply(plan)
        finally:
            dialog.deleteLater()

    def apply(self, plan: CalendarPlan) -> bool:
        """Set the plan's sessions as one undoable change; a refusal is told."""
        command = ImportSessionsCommand(self._ws, self._events, plan)
        self.undo_stack.push(command)
        if command.error is not None:
            self._failed(command.error)
            return False
        return True

    def _failed(self, error: object) -> None:
        if self.quiet:
            return
        QMessageBox.warning(
            self._parent, tr("The calendar was not imported"), literal_rich_text([in_words(error)])
        )


def add_import_action(
    window: QMainWindow, workspace: Workspace, events: AppEvents, undo_stack: QUndoStack
) -> CalendarImport:
    """File → Import calendar…, put before the File menu's last entry (Quit)."""
    importer = CalendarImport(workspace, events, undo_stack, window)
    menu = file_menu(window)
    if menu is None:
        window.addAction(importer.action)
        return importer
    actions = menu.actions()
    if actions:
        menu.insertAction(actions[-1], importer.action)
    else:
        menu.addAction(importer.action)
    return importer
