"""One client's page: where they are, what comes next and everything that happened.

Every change made here (tick or untick a step, a done date, a due date, a note) is an
undoable command pushed onto the window's one QUndoStack; the page redraws from the event
bus, like every other view.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QAction, QIcon, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QProgressBar,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.model.rules.enums import Health, JourneyStatus
from deliverydesk.services.changes import Aspect, Changes
from deliverydesk.services.errors import NotFound
from deliverydesk.services.journeys.detail import (
    ActivityDetail,
    FrictionDetail,
    JourneyDetail,
    StepDetail,
)
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.clients import trash
from deliverydesk.ui.clients.checklist import ChecklistView
from deliverydesk.ui.clients.client_actions import ClientActions, tool_button
from deliverydesk.ui.clients.friction_panel import FrictionPanel
from deliverydesk.ui.clients.intake_panel import IntakePanel
from deliverydesk.ui.clients.journey_bar import JourneyBar
from deliverydesk.ui.clients.journey_switcher import JourneySwitcher
from deliverydesk.ui.clients.notes_panel import NotesPanel
from deliverydesk.ui.core import text
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.failures import in_words
from deliverydesk.ui.core.refresh import Refresher
from deliverydesk.ui.core.text import literal_rich_text, tr
from deliverydesk.ui.core.today_commands import RescheduleCommand
from deliverydesk.ui.core.undo_commands import (
    AddNoteCommand,
    CompleteStepCommand,
    ReopenStepCommand,
    ServiceCommand,
    SetDueDateCommand,
    push_together,
)
from deliverydesk.ui.look.icons import icon
from deliverydesk.ui.look.theme import health_color
from deliverydesk.ui.look.typography import make_heading
from deliverydesk.ui.widgets import friction_dialog
from deliverydesk.ui.widgets.paper.documents_menu import ClientDocuments
from deliverydesk.ui.widgets.step_dialogs import ask_date, done_on_dialog, due_date_dialog
from deliverydesk.ui.widgets.wrapping_delegate import wrap_items


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

        self.name = QLabel()
        make_heading(self.name, 1.6)
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.name.setWordWrap(True)
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        self.health_icon = QLabel()
        self.health = QLabel()
        self.health.setWordWrap(True)
        self.health.setAccessibleName(tr("Health"))
        self.next_step = QLabel()
        self.next_step.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(max(6, self.fontMetrics().height() // 2))
        self.progress.setAccessibleName(tr("Progress"))
        self.progress_label = QLabel()
        for label in (self.name, self.subtitle, self.health, self.next_step):
            label.setTextFormat(Qt.TextFormat.PlainText)  # names and titles are user text

        self.checklist = ChecklistView()
        self.checklist.toggle_requested.connect(self.toggle_step)
        self.checklist.toggle_many_requested.connect(self.toggle_steps)
        self.checklist.menu_requested.connect(self._show_step_menu)
        self.checklist.currentItemChanged.connect(lambda *_: self._update_step_actions())
        self._build_step_actions()
        self.notes_panel = NotesPanel()
        self.notes_panel.add_requested.connect(self.add_note)
        self.notes = self.notes_panel.list
        self.friction_panel = FrictionPanel()
        self.friction_panel.log_requested.connect(lambda: self.log_friction())
        self.friction_panel.resolve_requested.connect(self.resolve_friction)
        self.friction_panel.reopen_requested.connect(self.reopen_friction)
        self.friction = self.friction_panel.list
        self.feedback = self._list(tr("Feedback"))
        self.activity = self._list(tr("Activity"))
        self.tabs = QTabWidget()
        self.tabs.addTab(self._journey_tab(), tr("Journey"))
        self.tabs.addTab(self.notes_panel, tr("Notes"))
        self.tabs.addTab(self.friction_panel, tr("Friction"))
        self.tabs.addTab(self.feedback, tr("Feedback"))
        self.tabs.addTab(self.activity, tr("Activity"))
        self.intake = IntakePanel(workspace)  # reads only while its tab shows
        self.tabs.addTab(self.intake, tr("Intake"))

        health_row = QHBoxLayout()
        health_row.addWidget(self.health_icon, 0, Qt.AlignmentFlag.AlignTop)
        health_row.addWidget(self.health, 1)
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
        layout.addWidget(self.name)
        layout.addWidget(self.subtitle)
        layout.addLayout(health_row)
        # A returning client's journeys: the switcher shows the others, the earlier read-only.
        self.switcher = JourneySwitcher()
        self.switcher.journey_chosen.connect(self.show_journey)
        layout.addWidget(self.switcher)
        layout.addWidget(self.journey_bar)
        layout.addWidget(self.next_step)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.progress_label)
        layout.addLayout(progress_row)
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

    def _build_step_actions(self) -> None:
        self.toggle_action = QAction(icon("step_done"), tr("Mark done"), self)
        self.toggle_action.setToolTip(tr("Mark the selected step done, or open again (Space)"))
        self.toggle_action.triggered.connect(self._toggle_current)
        self.done_on_action = QAction(tr("Mark done on a date…"), self)
        self.done_on_action.setShortcut(QKeySequence("Ctrl+D"))
        self.done_on_action.triggered.connect(self._done_on_current)
        self.due_action = QAction(tr("Change due date…"), self)
        self.due_action.setShortcut(QKeySequence("Ctrl+E"))
        self.due_action.triggered.connect(self._due_date_current)
        self.friction_action = QAction(tr("Log friction about this step…"), self)
        self.friction_action.triggered.connect(self._friction_current)
        for action in (self.done_on_action, self.due_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{action.text().rstrip('…')} ({shortcut})")
        self._update_step_actions()

    def _journey_tab(self) -> QWidget:
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        caption = QLabel(tr("Selected step:"))
        row.addWidget(caption)
        self.step_buttons: list[QToolButton] = []
        for action in (self.toggle_action, self.done_on_action, self.due_action):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setAutoRaise(True)
            button.setToolButtonStyle(
                Qt.ToolButtonStyle.ToolButtonTextBesideIcon
                if action is self.toggle_action
                else Qt.ToolButtonStyle.ToolButtonTextOnly
            )
            row.addWidget(button)
            self.step_buttons.append(button)
        self._fit_step_buttons()
        row.addStretch(1)
        tab = QWidget()
        tab.addActions([self.done_on_action, self.due_action])  # shortcuts while it shows
        layout = QVBoxLayout(tab)
        layout.addLayout(row)
        layout.addWidget(self.checklist, 1)
        return tab

    def _fit_step_buttons(self) -> None:
        """Each step button keeps one size ("Mark done" and "Open again" alike), so a tick
        changes no layout inside the tabs: any relayout there repaints the whole tab widget,
        every checklist row included."""
        toggle, *others = self.step_buttons
        hints = []
        for done in (False, True):
            self.toggle_action.setText(tr("Open again") if done else tr("Mark done"))
            self.toggle_action.setIcon(icon("step_open" if done else "step_done"))
            hints.append(toggle.sizeHint())
        toggle.setFixedSize(hints[0].expandedTo(hints[1]))
        for button in others:
            button.setFixedSize(button.sizeHint())
        self._update_step_actions()  # the words for the step selected, again

    def hasHeightForWidth(self) -> bool:
        """The page fills its screen: its height never follows its width. Saying so spares
        each edit's relayout a height-for-width pass through every screen of the window
        (~1.5 ms at 5,000 clients); the page's own layout still wraps its long lines."""
        return False

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange) and hasattr(
            self, "step_buttons"
        ):
            self._fit_step_buttons()
        super().changeEvent(event)

    def _list(self, name: str) -> QListWidget:
        widget = QListWidget()
        wrap_items(widget)
        widget.setAccessibleName(name)
        widget.setAlternatingRowColors(True)
        return widget

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
            self._show_title(detail)
        if changed("verdict", "status"):
            self._show_health(detail)
            for widget in (self.health_icon, self.health):
                widget.setVisible(detail.status is JourneyStatus.ACTIVE)
        self.journey_bar.show_detail(detail)  # a journey not running says so there instead
        self._show_archive()
        if changed("phases", "steps_done", "steps_total", "status"):
            self._show_progress(detail)
        if changed("phases"):
            self.checklist.show_detail(detail, self._ws.today())
        self._update_step_actions()
        if changed("notes"):
            self.notes_panel.set_notes(detail.notes)
        if changed("friction"):
            self._fill_friction(detail)
        if changed("feedback"):
            self._fill_feedback(detail)
        if changed("activity"):
            self._fill_activity(detail, shown.activity if shown is not None else ())
        self.intake.show_client(detail.client_id)  # reads only while its tab shows

    def _show_title(self, detail: JourneyDetail) -> None:
        self.name.setText(detail.client_name)
        parts = [p for p in (detail.company, detail.email, detail.phone) if p]
        parts.append(
            tr("{offer}, started {start}, planned to end {end}").format(
                offer=detail.offer_name,
                start=text.long_date(detail.start_on),
                end=text.long_date(detail.planned_end_on),
            )
        )
        self.subtitle.setText(" · ".join(parts))

    def _show_progress(self, detail: JourneyDetail) -> None:
        next_line = self._next_step_line(detail)
        self.next_step.setText(next_line)
        self.next_step.setVisible(bool(next_line))
        # QProgressBar repaints itself at once on a new value; with its updates off it only
        # asks for a paint, drawn with the rest of the page in the same frame.
        self.progress.setUpdatesEnabled(False)
        self.progress.setMaximum(max(detail.steps_total, 1))
        self.progress.setValue(detail.steps_done if detail.steps_total else 1)
        self.progress.setUpdatesEnabled(True)
        done = text.steps_done(detail.steps_done, detail.steps_total)
        self.progress.setFormat(done)  # read out by screen readers
        self.progress_label.setText(done)

    def _show_health(self, detail: JourneyDetail) -> None:
        verdict = detail.verdict
        color = health_color(verdict.health, self.palette())
        em = self.fontMetrics().height()
        self.health_icon.setPixmap(
            icon(text.health_icon_name(verdict.health), color).pixmap(QSize(em, em))
        )
        self.health.setText(text.health_line(verdict.health, verdict.reasons))
        if verdict.reasons:
            tip = [tr("Why:")] + [f"• {text.reason_text(r)}" for r in verdict.reasons]
        elif verdict.health is Health.ON_TRACK:
            tip = [tr("No step is late, the phase is within its plan and no friction is open.")]
        else:
            tip = [tr("Health is judged while a journey is active.")]
        self.health.setToolTip(literal_rich_text(tip))

    def _next_step_line(self, detail: JourneyDetail) -> str:
        """What comes next; nothing once the journey has ended (its state line says so)."""
        if detail.status not in (JourneyStatus.ACTIVE, JourneyStatus.PAUSED):
            return ""
        for phase in detail.phases:
            for step in phase.steps:
                if step.completed_on is None:
                    return tr("Next: {step}, {due} · {who}").format(
                        step=step.title,
                        due=text.WORDS.due_words(step.due_on, self._ws.today()),
                        who=text.waits_on(step.owner),
                    )
        return tr("Every step is done.")

    def _fill_friction(self, detail: JourneyDetail) -> None:
        titles = {step.id: step.title for phase in detail.phases for step in phase.steps}
        self.friction_panel.set_friction(
            detail.friction, titles, editable=self.journey_id is not None and not self.read_only
        )

    def _fill_feedback(self, detail: JourneyDetail) -> None:
        self._fill(
            self.feedback,
            [
                tr("{day} · score {score}/10\n{words}").format(
                    day=text.long_date(f.received_on),
                    score="—" if f.score is None else f.score,
                    words=f.words,
                )
                for f in detail.feedback
            ],
            tr("No feedback yet. What the client says at checkpoints appears here."),
        )

    def _fill_activity(self, detail: JourneyDetail, shown: tuple[ActivityDetail, ...]) -> None:
        """The log newest first; entries logged since `shown` go on top of its lines."""
        new = len(detail.activity) - len(shown)
        if shown and new > 0 and detail.activity[new:] == shown:
            for row, entry in enumerate(detail.activity[:new]):
                self.activity.insertItem(row, QListWidgetItem(self._activity_line(entry)))
            return
        self._fill(
            self.activity,
            [self._activity_line(a) for a in detail.activity],
            tr("No activity yet."),
        )

    def _activity_line(self, entry: ActivityDetail) -> str:
        return (
            f"{text.long_date(entry.at.astimezone().date())} · "
            f"{text.activity_text(entry.kind, entry.detail)}"
        )

    def _fill(self, widget: QListWidget, lines: list[str], empty: str) -> None:
        widget.clear()
        for line in lines:
            widget.addItem(QListWidgetItem(line))
        if not lines:
            placeholder = QListWidgetItem(empty)
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            widget.addItem(placeholder)

    # -- step actions ------------------------------------------------------------------------
    @property
    def read_only(self) -> bool:
        """An earlier journey of a returning client: shown as it was, not edited."""
        return self.journey_id is not None and self.switcher.read_only(self.journey_id)

    def _update_step_actions(self) -> None:
        step = self.checklist.current_step()
        done = step is not None and step.completed_on is not None
        self.toggle_action.setText(tr("Open again") if done else tr("Mark done"))
        self.toggle_action.setIcon(icon("step_open" if done else "step_done"))
        editable = step is not None and not self.read_only
        self.toggle_action.setEnabled(editable)
        self.done_on_action.setEnabled(editable and not done)
        self.due_action.setEnabled(editable)
        self.friction_action.setEnabled(editable)

    def step_menu(self) -> QMenu:
        """The selected step's actions, as the context menu shows them."""
        self._update_step_actions()
        menu = QMenu(self)
        menu.addAction(self.toggle_action)
        menu.addAction(self.done_on_action)
        menu.addSeparator()
        menu.addAction(self.due_action)
        menu.addAction(self.friction_action)
        return menu

    def _show_step_menu(self, _step_id: int, where: QPoint) -> None:
        menu = self.step_menu()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(where)

    def _toggle_current(self) -> None:
        several = self.checklist.selected_steps()
        if len(several) > 1:
            self.toggle_steps([s.id for s in several])
            return
        step = self.checklist.current_step()
        if step is not None:
            self.toggle_step(step.id)

    def _done_on_current(self) -> None:
        step = self.checklist.current_step()
        if step is None or step.completed_on is not None or self.read_only:
            return
        today = self._ws.today()
        day = ask_date(done_on_dialog(step, today, self, self._ws.practice.info()))
        if day is not None:
            self.complete_step(step, min(day, today))

    def _due_date_current(self) -> None:
        step = self.checklist.current_step()
        if step is None or self.read_only:
            return
        end = self.detail.planned_end_on if self.detail else None
        phases = self.detail.phases if self.detail else ()
        phase = next((p.name for p in phases if step in p.steps), None)
        dialog = due_date_dialog(
            step, self, planned_end=end, phase=phase, practice=self._ws.practice.info()
        )
        day = ask_date(dialog)
        if day is None or (day == step.due_on and not dialog.shift_rest()):
            return
        # Moving the rest of the phase along is Today's Reschedule, the same command.
        command: ServiceCommand = (
            RescheduleCommand(self._ws, self._events, step.id, day, step.title, shift_rest=True)
            if dialog.shift_rest()
            else SetDueDateCommand(self._ws, self._events, step.id, day, step.title)
        )
        self._push(command, tr("The due date was not changed"))

    def toggle_step(self, step_id: int) -> None:
        """Tick an open step done today, or open a done one again."""
        step = self.checklist.step(step_id)
        if step is None or self.read_only:
            return
        if step.completed_on is None:
            self.complete_step(step, self._ws.today())
        else:
            self._push(
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

    def _push_all(self, commands: list[ServiceCommand], text: str, title: str) -> None:
        """Push `commands` as one undo step; a refusal is said once."""
        error = push_together(self.undo_stack, commands, text)
        if error is None:
            return
        QMessageBox.warning(self, title, literal_rich_text([str(error)]))
        if self.journey_id is not None:
            self.show_journey(self.journey_id)

    def complete_step(self, step: StepDetail, on: date) -> None:
        self._push(
            CompleteStepCommand(self._ws, self._events, step.id, on, step.title),
            tr("The step was not marked done"),
        )

    def add_note(self, note: str) -> None:
        if self.journey_id is None or not note.strip() or self.read_only:
            return
        command = AddNoteCommand(self._ws, self._events, self.journey_id, note)
        if self._push(command, tr("The note was not added")):
            self.notes_panel.clear_editor()

    # -- friction --------------------------------------------------------------------------
    def log_friction(self, step_id: int | None = None) -> bool:
        """Ask what went wrong (about `step_id`, if given) and log it, undoably."""
        if self.journey_id is None or self.read_only:
            return False
        return friction_dialog.log_friction(
            self, self._ws, self._events, self.undo_stack, self.journey_id, step_id
        )

    def _friction_current(self) -> None:
        step = self.checklist.current_step()
        self.log_friction(step.id if step is not None else None)

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

    def _push(self, command: ServiceCommand, title: str) -> bool:
        """Do it through the undo stack; when the service refuses, say why and show the
        journey as it still is."""
        self.undo_stack.push(command)
        if command.error is None:
            return True
        QMessageBox.warning(self, title, literal_rich_text([in_words(command.error)]))
        if self.journey_id is not None:
            self.show_journey(self.journey_id)
        return False
