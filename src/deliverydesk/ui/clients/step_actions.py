"""The selected step's actions on a client's page: mark done (or open again), mark done on
a date, change its due date, log friction about it; the row of buttons above the
checklist that offers them, and the checklist's context menu.

Apart from the page because they are one thing: actions kept in step with the selected
step, and the dialogs they open. What they change goes through the page's own edits
(`toggle_step`, `complete_step`, `push`), so a refusal is told the page's one way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QToolButton, QVBoxLayout, QWidget

from deliverydesk.model.rules.enums import StepKind
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.money_commands import MarkPaidCommand, MarkUnpaidCommand
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.core.today_commands import RescheduleCommand
from deliverydesk.ui.core.undo_commands import ServiceCommand, SetDueDateCommand
from deliverydesk.ui.look.icons import icon
from deliverydesk.ui.widgets.step_dialogs import (
    ask_date,
    done_on_dialog,
    due_date_dialog,
    paid_on_dialog,
)

if TYPE_CHECKING:
    from deliverydesk.ui.clients.client_page import ClientPage


class StepActions(QObject):
    def __init__(self, workspace: Workspace, events: AppEvents, page: ClientPage) -> None:
        super().__init__(page)
        self._ws = workspace
        self._events = events
        self._page = page
        self.step_buttons: list[QToolButton] = []
        self.toggle_action = QAction(icon("step_done"), tr("Mark done"), page)
        self.toggle_action.setToolTip(tr("Mark the selected step done, or open again (Space)"))
        self.toggle_action.triggered.connect(self._toggle_current)
        self.done_on_action = QAction(tr("Mark done on a date…"), page)
        self.done_on_action.setShortcut(QKeySequence("Ctrl+D"))
        self.done_on_action.triggered.connect(self._done_on_current)
        self.due_action = QAction(tr("Change due date…"), page)
        self.due_action.setShortcut(QKeySequence("Ctrl+E"))
        self.due_action.triggered.connect(self._due_date_current)
        self.friction_action = QAction(tr("Log friction about this step…"), page)
        self.friction_action.triggered.connect(self._friction_current)
        # An invoice step, once ticked (invoiced): paid on a day, or not paid after all.
        self.paid_action = QAction(tr("Mark paid…"), page)
        self.paid_action.setToolTip(
            tr("The invoice of the selected step was paid (also in the step's context menu)")
        )
        self.paid_action.triggered.connect(self._paid_current)
        for action in (self.done_on_action, self.due_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{action.text().rstrip('…')} ({shortcut})")
        self.update()

    def journey_tab(self) -> QWidget:
        """The Journey tab: the selected step's buttons above the checklist."""
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        caption = QLabel(tr("Selected step:"))
        row.addWidget(caption)
        for action in (self.toggle_action, self.done_on_action, self.due_action, self.paid_action):
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
        self.fit_buttons()
        row.addStretch(1)
        tab = QWidget()
        tab.addActions([self.done_on_action, self.due_action])  # shortcuts while it shows
        layout = QVBoxLayout(tab)
        layout.addLayout(row)
        layout.addWidget(self._page.checklist, 1)
        return tab

    def fit_buttons(self) -> None:
        """Each step button keeps one size ("Mark done" and "Open again" alike), so a tick
        changes no layout inside the tabs: any relayout there repaints the whole tab widget,
        every checklist row included."""
        if not self.step_buttons:
            return
        toggle, *others = self.step_buttons
        hints = []
        for done in (False, True):
            self.toggle_action.setText(tr("Open again") if done else tr("Mark done"))
            self.toggle_action.setIcon(icon("step_open" if done else "step_done"))
            hints.append(toggle.sizeHint())
        toggle.setFixedSize(hints[0].expandedTo(hints[1]))
        *others, paid = others
        for button in others:
            button.setFixedSize(button.sizeHint())
        sizes = []
        for words in (tr("Mark paid…"), tr("Not paid after all")):
            self.paid_action.setText(words)
            sizes.append(paid.sizeHint())
        paid.setFixedSize(sizes[0].expandedTo(sizes[1]))
        self.update()  # the words for the step selected, again

    def update(self) -> None:
        """Words and enabled state for the step selected now."""
        step = self._page.checklist.current_step()
        done = step is not None and step.completed_on is not None
        self.toggle_action.setText(tr("Open again") if done else tr("Mark done"))
        self.toggle_action.setIcon(icon("step_open" if done else "step_done"))
        editable = step is not None and not self._page.read_only
        self.toggle_action.setEnabled(editable)
        self.done_on_action.setEnabled(editable and not done)
        self.due_action.setEnabled(editable)
        self.friction_action.setEnabled(editable)
        invoice = step is not None and step.kind is StepKind.INVOICE
        paid = invoice and step is not None and step.paid_on is not None
        self.paid_action.setText(tr("Not paid after all") if paid else tr("Mark paid…"))
        # Always there (a selection never moves the row), on for an invoice sent.
        self.paid_action.setEnabled(editable and invoice and done)

    def menu(self) -> QMenu:
        """The selected step's actions, as the context menu shows them."""
        self.update()
        menu = QMenu(self._page)
        menu.addAction(self.toggle_action)
        menu.addAction(self.done_on_action)
        menu.addSeparator()
        menu.addAction(self.due_action)
        menu.addAction(self.friction_action)
        if self.paid_action.isEnabled():
            menu.addSeparator()
            menu.addAction(self.paid_action)
        return menu

    def show_menu(self, _step_id: int, where: QPoint) -> None:
        menu = self.menu()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(where)

    def _toggle_current(self) -> None:
        checklist = self._page.checklist
        several = checklist.selected_steps()
        if len(several) > 1:
            self._page.toggle_steps([s.id for s in several])
            return
        step = checklist.current_step()
        if step is not None:
            self._page.toggle_step(step.id)

    def _done_on_current(self) -> None:
        page = self._page
        step = page.checklist.current_step()
        if step is None or step.completed_on is not None or page.read_only:
            return
        today = self._ws.today()
        day = ask_date(done_on_dialog(step, today, page, self._ws.practice.info()))
        if day is not None:
            page.complete_step(step, min(day, today))

    def _due_date_current(self) -> None:
        page = self._page
        step = page.checklist.current_step()
        if step is None or page.read_only:
            return
        end = page.detail.planned_end_on if page.detail else None
        phases = page.detail.phases if page.detail else ()
        phase = next((p.name for p in phases if step in p.steps), None)
        dialog = due_date_dialog(
            step, page, planned_end=end, phase=phase, practice=self._ws.practice.info()
        )
        day = ask_date(dialog)
        slot = dialog.slot()  # deleteLater: the dialog is still there to ask
        retimed = slot is not None and (slot.start, slot.minutes) != (
            step.session_time,
            step.session_minutes,
        )
        if day is None or (day == step.due_on and not dialog.shift_rest() and not retimed):
            return
        # Moving the rest of the phase along, or a session's time, is Today's Reschedule.
        command: ServiceCommand = (
            RescheduleCommand(
                self._ws,
                self._events,
                step.id,
                day,
                step.title,
                shift_rest=dialog.shift_rest(),
                slot=slot if retimed else None,
            )
            if dialog.shift_rest() or retimed
            else SetDueDateCommand(self._ws, self._events, step.id, day, step.title)
        )
        page.push(command, tr("The due date was not changed"))

    def _paid_current(self) -> None:
        page = self._page
        step = page.checklist.current_step()
        if step is None or step.kind is not StepKind.INVOICE or page.read_only:
            return
        if step.paid_on is not None:
            page.push(
                MarkUnpaidCommand(self._ws, self._events, step.id, step.title),
                tr("The invoice is still marked paid"),
            )
            return
        if step.completed_on is None:
            return
        today = self._ws.today()
        day = ask_date(paid_on_dialog(step, today, page, self._ws.practice.info()))
        if day is not None:
            page.push(
                MarkPaidCommand(self._ws, self._events, step.id, min(day, today), step.title),
                tr("The invoice was not marked paid"),
            )

    def _friction_current(self) -> None:
        step = self._page.checklist.current_step()
        self._page.log_friction(step.id if step is not None else None)
