"""The Settings screen. Its Practice tab: name, your name, weekly hours (or hours per
working day), working days, closed dates and time off, saved as one undoable change after
saying how many due dates move.
Its Brand tab (brand_panel.py): what the client's paper carries, with a live sample."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.services.changes import Aspect
from deliverydesk.services.errors import NotFound
from deliverydesk.services.practice.practice_settings import PracticeSettings
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.failures import in_words
from deliverydesk.ui.core.jobs import Job, JobRunner
from deliverydesk.ui.core.refresh import Refresher
from deliverydesk.ui.core.runner import Runner
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.look.typography import make_heading
from deliverydesk.ui.settings.brand_panel import BrandPanel
from deliverydesk.ui.settings.practice_command import UpdatePracticeCommand
from deliverydesk.ui.settings.practice_form import PracticeForm
from deliverydesk.ui.settings.sessions_box import SessionsBox
from deliverydesk.ui.widgets.confirm import confirm
from deliverydesk.ui.widgets.field_problem import ProblemLabel
from deliverydesk.ui.widgets.unsaved_prompt import Leave, ask_unsaved

if TYPE_CHECKING:
    from deliverydesk.ui.widgets.unsaved_prompt import Leave


def moving_dates_text(count: int, days_changed: bool, closed_changed: bool) -> str:
    """ "12 due dates of open steps move to fit the new working days. Done steps keep
    their dates." """
    if days_changed and closed_changed:
        fit = tr("the new working days and closed dates")
    elif days_changed:
        fit = tr("the new working days")
    else:
        fit = tr("the new closed dates")
    moves = (
        tr("1 due date of an open step moves to fit {fit}.")
        if count == 1
        else tr("{n} due dates of open steps move to fit {fit}.")
    ).format(n=f"{count:,}", fit=fit)
    return moves + " " + tr("Done steps keep their dates.")


class SettingsPage(QWidget):
    """Signals:
    saved(): the practice settings were saved (the work ran on the job pool).
    """

    saved = Signal()

    def __init__(
        self,
        workspace: Workspace,
        events: AppEvents,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ws = workspace
        self._events = events
        self.undo_stack = undo_stack
        # One job at a time, in order: a save, its undo and its redo never overlap.
        self.runner = Runner(workspace, events, JobRunner(workspace, self, max_threads=1))
        self.job: Job | None = None
        self.stored: PracticeSettings | None = None

        title = QLabel(tr("Settings"))
        make_heading(title, 1.5)
        self.form = PracticeForm(workspace.today())
        self.form.edited.connect(self._update_buttons)
        self.form.submitted.connect(self.save)
        self.save_button = QPushButton(tr("&Save"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.discard_button = QPushButton(tr("&Discard changes"))
        self.discard_button.clicked.connect(self.reload)
        save_keys = QKeySequence(QKeySequence.StandardKey.Save).toString(
            QKeySequence.SequenceFormat.NativeText
        )
        self.save_button.setToolTip(
            tr("Save the practice settings ({keys})").format(keys=save_keys)
        )
        self.problem = ProblemLabel()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setAccessibleName(tr("Settings messages"))

        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.discard_button)
        buttons.addStretch(1)
        body = QWidget()
        column = QVBoxLayout(body)
        column.addWidget(self.form)
        column.addLayout(buttons)
        column.addWidget(self.problem)
        column.addWidget(self.status)
        # Saved at once, apart from Save: nothing in it moves a due date.
        self.sessions = SessionsBox(workspace, events, undo_stack.push)
        column.addWidget(self.sessions)
        column.addStretch(1)
        em = self.fontMetrics().height()
        body.setMaximumWidth(em * 46)  # a form reads better narrow than stretched
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        # Ctrl+S saves the tab it is pressed in: Practice here, Brand in its panel.
        QShortcut(
            QKeySequence(QKeySequence.StandardKey.Save),
            scroll,
            self.save,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        self.brand = BrandPanel(workspace, events, undo_stack)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.practice_tab = scroll
        self.tabs.addTab(scroll, tr("Practice"))
        self.tabs.addTab(self.brand, tr("Brand"))
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.tabs, 1)
        self.setFocusProxy(self.form.name)

        # Read when first shown, and again after a change made while it was hidden (the
        # practice's name is also the brand's).
        self.refresher = Refresher(
            self,
            events,
            Aspect.PRACTICE | Aspect.BRAND,
            lambda _changes: self.reload(keep_status=True),
            on_show=lambda _changes: self.reload(),
            stale=True,
        )
        self._update_buttons()

    def settle_unsaved(self) -> bool:
        """True when the window may close: nothing unsaved in Practice or Brand, or the
        person saved or discarded it."""
        if self.runner.jobs is not None:
            self.runner.jobs.wait()  # a save or undo under way finishes before the close
        for dirty, where, page, save, discard in (
            (self.dirty, tr("your practice settings"), self.practice_tab, self.save, self.reload),
            (self.brand.dirty, tr("your brand"), self.brand, self.brand.save, self.brand.revert),
        ):
            if not dirty:
                continue
            self.tabs.setCurrentWidget(page)
            answer = self.ask_unsaved(where)
            if answer is Leave.SAVE and page is self.practice_tab:
                # Saved on the job pool: the window closes (asking on) once it is done.
                if save():
                    self.saved.connect(self._close_window, Qt.ConnectionType.SingleShotConnection)
                return False
            if answer is Leave.STAY or (answer is Leave.SAVE and not save()):
                return False
            if answer is Leave.DISCARD:
                discard()
        return True

    def _close_window(self) -> None:
        self.window().close()

    def ask_unsaved(self, where: str) -> Leave:
        return ask_unsaved(self, where)

    def add_tab(self, page: QWidget, label: str) -> None:
        self.tabs.addTab(page, label)

    def show_tab(self, page: QWidget) -> None:
        self.tabs.setCurrentWidget(page)

    # -- showing -----------------------------------------------------------------------------
    def reload(self, keep_status: bool = False) -> None:
        self.refresher.settle()
        try:
            self.stored = self._ws.practice.practice_settings()
        except NotFound as error:
            self.stored = None
            self.status.setText(in_words(error))
            self.form.setEnabled(False)
            self._update_buttons()
            return
        self.form.setEnabled(True)
        self.form.load(self.stored, self._ws.today())
        self.problem.clear()
        if not keep_status:
            self.status.clear()
        self._update_buttons()

    @property
    def dirty(self) -> bool:
        return self.stored is not None and self.form.values() != self.stored

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(self.dirty)
        self.discard_button.setEnabled(self.dirty)

    # -- saving ------------------------------------------------------------------------------
    def save(self) -> bool:
        """Check, say how many due dates move and ask, then save as one undoable change.
        True when the save went ahead: the counting and the saving run on the job pool
        (seconds at thousands of clients) and `saved` follows when it is done."""
        if not self.dirty or self.stored is None or self.runner.busy():
            return False
        self.problem.clear()
        if not self.form.check(focus=True):
            return False
        new, old = self.form.values(), self.stored
        days_changed = new.working_days != old.working_days
        closed_changed = new.closed_dates != old.closed_dates
        if not (days_changed or closed_changed):
            self._commit(new)
            return True
        self.job = self.runner.later(
            lambda ws, _tracker: ws.practice.preview_reschedule(new.working_days, new.closed_dates)
        )
        self.job.succeeded.connect(
            lambda count: self._counted(new, count, days_changed, closed_changed)
        )
        self.job.failed.connect(lambda error: self.problem.say(in_words(error)))
        return True

    def _counted(self, new: PracticeSettings, count: int, days: bool, closed: bool) -> None:
        if count and not confirm(
            self,
            tr("Move due dates?"),
            moving_dates_text(count, days, closed),
            tr("Save and move dates"),
            tr("Back"),
            default_yes=True,
        ):
            return
        self._commit(new)

    def _commit(self, new: PracticeSettings) -> None:
        command = UpdatePracticeCommand(self.runner, new)
        self.job = self.runner.push(self.undo_stack, command, self)
        self.job.finished.connect(lambda: self._committed(command))

    def _committed(self, command: UpdatePracticeCommand) -> None:
        if command.error is not None:
            self.problem.say(in_words(command.error))
            return
        self.reload()
        keys = QKeySequence(QKeySequence.StandardKey.Undo).toString(
            QKeySequence.SequenceFormat.NativeText
        )
        moved = (
            tr("Saved; 1 due date moved.")
            if command.moved == 1
            else tr("Saved; {n} due dates moved.").format(n=f"{command.moved:,}")
            if command.moved
            else tr("Saved.")
        )
        self.status.setText(moved + " " + tr("Undo with {keys}.").format(keys=keys))
        self.saved.emit()
