"""One client's page: where they are, what comes next and everything that happened.

Every change made here (tick or untick a step, a done date, a due date, a note) is an
undoable command pushed onto the window's one QUndoStack; the page redraws from the event
bus, like every other view.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QIcon, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMenu,
    QMessageBox,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.services.changes import Aspect, Changes
from deliverydesk.services.errors import NotFound
from deliverydesk.services.journeys.detail import (
    FrictionDetail,
    JourneyDetail,
    StepDetail,
)
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.clients import trash
from deliverydesk.ui.clients.checklist import ChecklistView
from deliverydesk.ui.clients.client_actions import ClientActions, tool_button
from deliverydesk.ui.clients.feedback_actions import FeedbackActions
from deliverydesk.ui.clients.friction_panel import FrictionPanel
from deliverydesk.ui.clients.history_lists import history_list, show_activity
from deliverydesk.ui.clients.intake_panel import IntakePanel
from deliverydesk.ui.clients.journey_bar import JourneyBar
from deliverydesk.ui.clients.journey_header import JourneyHeader
from deliverydesk.ui.clients.journey_switcher import JourneySwitcher
from deliverydesk.ui.clients.notes_panel import NotesPanel
from deliverydesk.ui.clients.step_actions import StepActions
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.failures import in_words
from deliverydesk.ui.core.refresh import Refresher
from deliverydesk.ui.core.text import literal_rich_text, tr
from deliverydesk.ui.core.undo_commands import (
    AddNoteCommand,
    CompleteStepCommand,
    ReopenStepCommand,
    ServiceCommand,
    push_together,
)
from deliverydesk.ui.look.icons import icon
from deliverydesk.ui.widgets import friction_dialog
from deliverydesk.ui.widgets.paper.documents_menu import ClientDocuments


class ClientPage(QWidget):
    """Signals:
    back_requested(): the person asked to return to the list.
    """

    back_requested = Signal()

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
        self.journey_id: int | None = None
        self.detail: JourneyDetail | None = None

        self.back = back = QToolButton()
        back.setIcon(icon("back"))
        back.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        back.setAutoRaise(True)
        self.set_back_target(tr("Clients"), tr("Back to the client list"))
        back.clicked.connect(self.back_requested)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Back), self, self.back_requested.emit)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.back_requested.emit)

        self.header = header = JourneyHeader(self, workspace.today)
        self.name, self.subtitle, self.health = header.name, header.subtitle, header.health
        self.next_step, self.progress = header.next_step, header.progress
        self.progress_label = header.progress_label

        self.checklist = ChecklistView()
        self.checklist.toggle_requested.connect(self.toggle_step)
        self.checklist.toggle_many_requested.connect(self.toggle_steps)
        self.step_actions = steps = StepActions(workspace, events, self)
        self.toggle_action, self.done_on_action = steps.toggle_action, steps.done_on_action
        self.due_action, self.friction_action = steps.due_action, steps.friction_action
        self.checklist.menu_requested.connect(steps.show_menu)
        self.checklist.currentItemChanged.connect(lambda *_: steps.update())
        self.notes_panel = NotesPanel()
        self.notes_panel.add_requested.connect(self.add_note)
        self.notes = self.notes_panel.list
        self.friction_panel = FrictionPanel()
        self.friction_panel.log_requested.connect(lambda: self.log_friction())
        self.friction_panel.resolve_requested.connect(self.resolve_friction)
        self.friction_panel.reopen_requested.connect(self.reopen_friction)
        self.friction = self.friction_panel.list
        self.feedback_actions = FeedbackActions(workspace, events, self)
        self.feedback_panel = self.feedback_actions.panel
        self.feedback = self.feedback_panel.list
        self.activity = history_list(tr("Activity"))
        self.tabs = QTabWidget()
        self.tabs.addTab(steps.journey_tab(), tr("Journey"))
        self.tabs.addTab(self.notes_panel, tr("Notes"))
        self.tabs.addTab(self.friction_panel, tr("Friction"))
        self.tabs.addTab(self.feedback_panel, tr("Feedback"))
        self.tabs.addTab(self.activity, tr("Activity"))
        self.intake = IntakePanel(workspace)  # reads only while its tab shows
        self.tabs.addTab(self.intake, tr("Intake"))

        # Pause, resume, complete, cancel, archive: its buttons sit across from "back".
        self.journey_bar = JourneyBar(workspace, events, undo_stack, self)
        self.addActions(self.journey_bar.life_actions)
        top_row = QHBoxLayout()
        top_row.addWidget(back)
        top_row.addStretch(1)
        top_row.addWidget(self.journey_bar.buttons)
        # Progress report (Ctrl+P), welcome pack, checklist, intake form: previews.
        self.documents = ClientDocuments(
            workspace, self, lambda: self.detail.client_id if self.detail else None, events
        )
        top_row.addWidget(self.documents.button)
        layout = QVBoxLayout(self)
        top_row.addWidget(self._archive_button())
        self._add_client_actions(top_row)
        layout.addLayout(top_row)
        layout.addWidget(header.name)
        layout.addWidget(header.subtitle)
        layout.addLayout(header.health_row())
        # A returning client's journeys: the switcher shows the others, the earlier read-only.
        self.switcher = JourneySwitcher()
        self.switcher.journey_chosen.connect(self.show_journey)
        layout.addWidget(self.switcher)
        layout.addWidget(self.journey_bar)
        layout.addWidget(header.next_step)
        layout.addLayout(header.progress_row())
        layout.addWidget(self.feedback_actions.offer_bar)  # after a checkpoint is ticked
        layout.addWidget(self.tabs, 1)
        self.setFocusProxy(self.checklist)  # opening a client lands on its checklist
        # Every aspect of one journey shows here: refreshed by aspect (see _refresh).
        self.refresher = Refresher(
            self, events, Aspect.everything(), self._refresh, concerns=self._concerns
        )
        events.day_changed.connect(self.on_day_changed)

    def _add_client_actions(self, row: QHBoxLayout) -> None:
        """Edit the client's details, or enrol them in another offer (a returning client)."""
        self.client_actions = ClientActions(
            self._ws,
            self._events,
            self.undo_stack,
            self,
            lambda: self.detail.client_id if self.detail else None,
            self.show_journey,
        )
        self.client_actions.enrol_action.setText(tr("Enrol in another offer…"))
        self.client_actions.enrol_action.setToolTip(tr("Enrol this client in another offer"))
        self.client_actions.enrol_action.setIcon(QIcon())  # like Edit details…, words only
        for action in (self.client_actions.edit_action, self.client_actions.enrol_action):
            row.addWidget(tool_button(action))

    def _archive_button(self) -> QToolButton:
        """One Archive, named by its object: "Archive journey" once the journey has ended,
        else "Archive client"; its menu holds both, so they never stand side by side."""
        self.archive_client_action = trash.archive_client_action(self, self.archive_client)
        self.archive_menu = QMenu(self)
        self.archive_menu.setToolTipsVisible(True)
        self.archive_menu.addAction(self.journey_bar.archive_action)
        self.archive_menu.addAction(self.archive_client_action)
        self.archive_button = button = QToolButton()
        button.setAutoRaise(True)
        button.setMenu(self.archive_menu)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        button.setDefaultAction(self.archive_client_action)
        return button

    def _show_archive(self) -> None:
        ended = self.journey_bar.archive_action.isEnabled()
        wanted = self.journey_bar.archive_action if ended else self.archive_client_action
        if self.archive_button.defaultAction() is not wanted:
            self.archive_button.setDefaultAction(wanted)

    def set_back_target(self, label: str, description: str) -> None:
        """Name on the back button where it goes ("Board", "Clients")."""
        self.back.setText(label)
        self.back.setAccessibleName(description)
        self.back.setToolTip(f"{description} (Esc)")

    def hasHeightForWidth(self) -> bool:
        """The page fills its screen: its height never follows its width. Saying so spares
        each edit's relayout a height-for-width pass through every screen of the window
        (~1.5 ms at 5,000 clients); the page's own layout still wraps its long lines."""
        return False

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange) and hasattr(
            self, "step_actions"
        ):
            self.step_actions.fit_buttons()
        super().changeEvent(event)

    # -- showing -----------------------------------------------------------------------------
    def _concerns(self, changes: Changes) -> bool:
        """This journey, its client, or another journey of theirs changed."""
        if self.journey_id is None or self.detail is None:
            return False
        return (
            changes.everything
            or self.journey_id in changes.journeys
            or self.detail.client_id in changes.clients
            or any(j.journey_id in changes.journeys for j in self.switcher.journeys)
        )

    def on_day_changed(self, _today: object = None) -> None:
        """Another day: the verdict and what is late are judged against it."""
        if self.journey_id is not None:
            self.show_journey(self.journey_id)

    def show_journey(self, journey_id: int) -> None:
        try:
            detail = self._ws.journeys.journey_detail(journey_id)
        except NotFound:
            self.back_requested.emit()
            return
        if journey_id != self.journey_id:
            self.notes_panel.clear_editor()
            self.feedback_actions.offer_bar.withdraw()
        self._show(detail, None)

    def _refresh(self, changes: Changes) -> None:
        """After a change to this journey or client: read only what its aspects can alter,
        and redraw only the parts of the page that differ (an edit of a step reads no
        notes, and redraws its checklist rows, the progress and the activity's new lines)."""
        if changes.everything or self.detail is None or self.journey_id is None:
            if self.journey_id is not None:
                self.show_journey(self.journey_id)
            return
        try:
            detail = self._ws.journeys.refresh_journey_detail(self.detail, changes.aspects)
        except NotFound:
            self.back_requested.emit()
            return
        self._show(detail, self.detail, changes)

    def _show(
        self, detail: JourneyDetail, shown: JourneyDetail | None, changes: Changes | None = None
    ) -> None:
        """Draw `detail`; with `shown` (what the page shows now), only the parts that differ."""

        def changed(*fields: str) -> bool:
            return shown is None or any(getattr(detail, f) != getattr(shown, f) for f in fields)

        self.journey_id, self.detail = detail.journey_id, detail
        if shown is None:
            self.refresher.settle()  # read whole: nothing missed
        others = {j.journey_id for j in self.switcher.journeys} - {detail.journey_id}
        if changed("status") or (changes is not None and others & changes.journeys):
            # Opened, or a journey of the client began or ended: which one is earlier.
            self.switcher.show_journeys(
                self._ws.clients.journeys_of_client(detail.client_id), detail.journey_id
            )
            self.notes_panel.editor.setReadOnly(self.read_only)
        if changed(
            "client_name", "company", "email", "phone", "offer_name", "start_on", "planned_end_on"
        ):
            self.header.show_title(detail)
        if changed("verdict", "status"):
            self.header.show_health(detail)
        self.journey_bar.show_detail(detail)  # a journey not running says so there instead
        self._show_archive()
        if changed("phases", "steps_done", "steps_total", "status"):
            self.header.show_progress(detail)
        if changed("phases"):
            self.checklist.show_detail(detail, self._ws.today())
        self.step_actions.update()
        if changed("notes"):
            self.notes_panel.set_notes(detail.notes)
        if changed("friction"):
            self._fill_friction(detail)
        if changed("feedback"):
            self.feedback_actions.show_feedback(
                detail, editable=self.journey_id is not None and not self.read_only
            )
        if changed("activity"):
            before = shown.activity if shown is not None else ()
            show_activity(self.activity, detail.activity, before)
        self.intake.show_client(detail.client_id)  # reads only while its tab shows

    def _fill_friction(self, detail: JourneyDetail) -> None:
        titles = {step.id: step.title for phase in detail.phases for step in phase.steps}
        self.friction_panel.set_friction(
            detail.friction, titles, editable=self.journey_id is not None and not self.read_only
        )

    # -- edits -----------------------------------------------------------------------------
    @property
    def read_only(self) -> bool:
        """An earlier journey of a returning client: shown as it was, not edited."""
        return self.journey_id is not None and self.switcher.read_only(self.journey_id)

    def step_menu(self) -> QMenu:
        """The selected step's actions, as the context menu shows them."""
        return self.step_actions.menu()

    def toggle_step(self, step_id: int) -> None:
        """Tick an open step done today, or open a done one again."""
        step = self.checklist.step(step_id)
        if step is None or self.read_only:
            return
        if step.completed_on is None:
            self.complete_step(step, self._ws.today())
        else:
            self.push(
                ReopenStepCommand(self._ws, self._events, step.id, step.title),
                tr("The step was not opened again"),
            )

    def toggle_steps(self, step_ids: list[int]) -> None:
        """Several steps at once, one undo: the open ones are marked done today; when all
        are done already, they are opened again. One command per step inside one macro,
        so each tick follows the journey's rules exactly as a single one does."""
        if self.read_only:
            return
        chosen = [s for i in step_ids if (s := self.checklist.step(i)) is not None]
        still_open = [s for s in chosen if s.completed_on is None]
        today = self._ws.today()
        if still_open:
            text = tr("Mark {n} steps done").format(n=len(still_open))
            commands: list[ServiceCommand] = [
                CompleteStepCommand(self._ws, self._events, s.id, today, s.title)
                for s in still_open
            ]
            title = tr("Not every step was marked done")
        else:
            text = tr("Open {n} steps again").format(n=len(chosen))
            commands = [
                ReopenStepCommand(self._ws, self._events, s.id, s.title) for s in reversed(chosen)
            ]
            title = tr("Not every step was opened again")
        if not commands:
            return
        self._push_all(commands, text, title)
        if still_open:  # a checkpoint among them may ask for feedback (the rule checks done)
            self.feedback_actions.offer_bar.after_ticks([s.id for s in still_open])

    def _push_all(self, commands: list[ServiceCommand], text: str, title: str) -> None:
        """Push `commands` as one undo step; a refusal is said once."""
        error = push_together(self.undo_stack, commands, text)
        if error is None:
            return
        QMessageBox.warning(self, title, literal_rich_text([str(error)]))
        if self.journey_id is not None:
            self.show_journey(self.journey_id)

    def complete_step(self, step: StepDetail, on: date) -> None:
        if self.push(
            CompleteStepCommand(self._ws, self._events, step.id, on, step.title),
            tr("The step was not marked done"),
        ):
            self.feedback_actions.offer_bar.after_ticks([step.id])

    def add_note(self, note: str) -> None:
        if self.journey_id is None or not note.strip() or self.read_only:
            return
        command = AddNoteCommand(self._ws, self._events, self.journey_id, note)
        if self.push(command, tr("The note was not added")):
            self.notes_panel.clear_editor()

    # -- friction --------------------------------------------------------------------------
    def log_friction(self, step_id: int | None = None) -> bool:
        """Ask what went wrong (about `step_id`, if given) and log it, undoably."""
        if self.journey_id is None or self.read_only:
            return False
        return friction_dialog.log_friction(
            self, self._ws, self._events, self.undo_stack, self.journey_id, step_id
        )

    def _friction(self, friction_id: int) -> FrictionDetail | None:
        found = [f for f in self.detail.friction if f.id == friction_id] if self.detail else []
        return found[0] if found else None

    def resolve_friction(self, friction_id: int) -> bool:
        friction = self._friction(friction_id)
        return friction is not None and friction_dialog.resolve_friction(
            self, self._ws, self._events, self.undo_stack, friction
        )

    def reopen_friction(self, friction_id: int) -> bool:
        friction = self._friction(friction_id)
        return friction is not None and friction_dialog.reopen_friction(
            self, self._ws, self._events, self.undo_stack, friction
        )

    def archive_client(self) -> None:
        """Put this client in the Trash (undoable), then return to the list."""
        detail = self.detail
        if detail is not None and trash.archive_client(
            self, self._ws, self._events, self.undo_stack, detail.client_id, detail.client_name
        ):
            self.back_requested.emit()

    def push(self, command: ServiceCommand, title: str) -> bool:
        """Do it through the undo stack; when the service refuses, say why and show the
        journey as it still is."""
        self.undo_stack.push(command)
        if command.error is None:
            return True
        QMessageBox.warning(self, title, literal_rich_text([in_words(command.error)]))
        if self.journey_id is not None:
            self.show_journey(self.journey_id)
        return False
