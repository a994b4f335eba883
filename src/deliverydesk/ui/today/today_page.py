"""The Today screen: what is late, due today and due this week across every client, in
three groups (mine, waiting on the client, third party), then the paused journeys (a
reminder to resume each from its planned date). On a step: mark done, reschedule, nudge
the client, open the client; the first two go on the undo stack. Several steps selected
(Shift or Ctrl and a click) are marked done together, one undo."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.model.rules.enums import Owner
from deliverydesk.services.changes import Aspect, Changes
from deliverydesk.services.errors import InvalidInput, NotFound
from deliverydesk.services.journeys.nudge import NudgeChannel
from deliverydesk.services.views.today import PausedRow, TodayRow
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core import text
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.failures import in_words, warn
from deliverydesk.ui.core.refresh import Refresher
from deliverydesk.ui.core.runner import Runner
from deliverydesk.ui.core.text import literal_rich_text, tr
from deliverydesk.ui.core.today_commands import RescheduleCommand
from deliverydesk.ui.core.undo_commands import (
    CompleteStepCommand,
    ServiceCommand,
    push_together,
)
from deliverydesk.ui.look.icons import icon
from deliverydesk.ui.look.typography import make_heading
from deliverydesk.ui.today import today_model
from deliverydesk.ui.today.follow_ups_panel import FollowUpsPanel
from deliverydesk.ui.today.nudge_dialog import NudgeDialog
from deliverydesk.ui.today.reschedule_dialog import RescheduleDialog
from deliverydesk.ui.today.today_model import CLIENT, GROUPS, PAUSED, STEP, TodayModel
from deliverydesk.ui.widgets import feedback_dialog, friction_dialog
from deliverydesk.ui.widgets.empty_state import EmptyState
from deliverydesk.ui.widgets.feedback_offer_bar import FeedbackOfferBar

# What a row shows: a step's dates and state, its journey's state, names.
TODAY_ASPECTS = Aspect.STEPS | Aspect.PHASE | Aspect.JOURNEY | Aspect.CLIENT | Aspect.OFFER


class TodayPage(QWidget):
    """Signals:
    open_journey(int): the person asked to open this journey's client page.
    """

    open_journey = Signal(int)

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
        # The schedule's room is asked for when Today first reads (a start builds this page).
        self.model = TodayModel(workspace.today, lambda: workspace.schedule, self)

        title = QLabel(tr("Today"))
        make_heading(title, 1.5)
        self.date_label = QLabel()
        self.summary = QLabel()
        self.summary.setAccessibleName(tr("What is due"))
        top = QHBoxLayout()
        top.addWidget(title)
        top.addWidget(self.date_label)
        top.addStretch(1)
        top.addWidget(self.summary)

        self._build_actions()
        actions_row = QHBoxLayout()
        actions_row.addWidget(QLabel(tr("Selected step:")))
        for action in (
            self.done_action,
            self.reschedule_action,
            self.nudge_action,
            self.open_action,
        ):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setAutoRaise(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            actions_row.addWidget(button)
        actions_row.addStretch(1)

        self.tree = self._build_tree()
        self.empty = EmptyState(
            "today",
            tr("Nothing is due this week"),
            tr(
                "Steps that are late, due today or due in the next seven days appear here, "
                "split into your work, what clients owe you and what third parties owe."
            ),
        )
        self.body = QStackedWidget()
        self.body.addWidget(self.tree)
        self.body.addWidget(self.empty)
        # After a checkpoint beside a survey step is ticked: the client page's offer too.
        self.offer_bar = FeedbackOfferBar(workspace, events, undo_stack)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(actions_row)
        layout.addWidget(self.offer_bar)
        layout.addWidget(self.body, 1)
        self.follow_ups = FollowUpsPanel(workspace, events, undo_stack, self)
        self.follow_ups.open_journey.connect(self.open_journey)
        layout.addWidget(self.follow_ups)

        # Read when first shown; while hidden, what changed is gathered for then.
        self.refresher = Refresher(
            self, events, TODAY_ASPECTS | Aspect.PRACTICE, self._catch_up, stale=True, day=True
        )
        self._update_actions()

    # -- building ----------------------------------------------------------------------------
    def _build_actions(self) -> None:
        def action(icon_name: str, label: str, keys: str, tip: str, slot: object) -> QAction:
            made = QAction(icon(icon_name), label, self)
            made.setShortcut(QKeySequence(keys))
            made.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut = made.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            made.setToolTip(f"{tip} ({shortcut})")
            made.triggered.connect(slot)
            self.addAction(made)
            return made

        self.done_action = action(
            "step_done", tr("Mark done"), "Space", tr("Mark the step done today"), self.mark_done
        )
        self.reschedule_action = action(
            "today",
            tr("Reschedule…"),
            "Ctrl+E",
            tr("Give the step a new due date"),
            self._reschedule_current,
        )
        self.nudge_action = action(
            "owner_client",
            tr("Nudge…"),
            "Ctrl+M",
            tr("Draft a message to the client from the step's template"),
            self._nudge_current,
        )
        self._nudge_tip = self.nudge_action.toolTip()
        self.open_action = action(
            "clients", tr("Open client"), "Ctrl+O", tr("Open the client's page"), self.open_current
        )
        self.friction_action = QAction(tr("Log friction…"), self)
        self.friction_action.setToolTip(tr("Log what went wrong with this step"))
        self.friction_action.triggered.connect(self.log_friction)
        self.feedback_action = QAction(tr("Record feedback…"), self)
        self.feedback_action.setToolTip(tr("Record what the client said"))
        self.feedback_action.triggered.connect(self.record_feedback)

    def _build_tree(self) -> QTreeView:
        tree = QTreeView()
        tree.setModel(self.model)
        tree.setUniformRowHeights(True)
        tree.setIndentation(self.fontMetrics().height())  # room for the names, not the tree
        tree.setAlternatingRowColors(True)
        tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        tree.setAccessibleName(tr("Steps due"))
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tree.customContextMenuRequested.connect(self._show_menu)
        tree.activated.connect(self._activated)
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        em = self.fontMetrics().horizontalAdvance("M")
        for column, width in enumerate((16, 22, 13, 7, 6)):
            header.resizeSection(column, width * em)
        header.setSectionResizeMode(STEP, QHeaderView.ResizeMode.Stretch)
        tree.selectionModel().currentChanged.connect(lambda *_: self._update_actions())
        # A group's next rows join the tree once its last row so far scrolls into view
        # (checked a moment later: never from inside the tree's own layout).
        self._more_rows = QTimer(self, singleShot=True, interval=0)
        self._more_rows.timeout.connect(self.show_rows_in_view)
        tree.verticalScrollBar().valueChanged.connect(self._more_rows.start)
        tree.verticalScrollBar().rangeChanged.connect(self._more_rows.start)
        return tree

    def show_rows_in_view(self) -> None:
        """Hand the tree more of each group whose last row so far is in view. (Not when it
        was scrolled past unseen, the scroll bar dragged: rows put in above the view would
        move what the person is looking at; they come when that row is scrolled back to.)"""
        bottom = self.tree.viewport().height()
        for position in range(PAUSED + 1):
            group = self.model.index(position, 0)
            while self.model.has_more(position) and self.tree.isExpanded(group):
                shown = self.model.shown(position)
                last = self.tree.visualRect(self.model.index(shown - 1, 0, group))
                if last.bottom() < 0 or last.top() >= bottom:
                    break
                self.model.show_through(position, shown)

    # -- data --------------------------------------------------------------------------------
    def reload(self) -> None:
        self.refresher.settle()
        self._read({owner: today_model.CHUNK for owner in GROUPS})

    def _read(self, rows: dict[Owner, int]) -> None:
        """Read the counts and the first `rows` of each group, the selection kept."""
        keep, paused = self.current_row(), self.current_paused()
        self.model.set_start(self._ws.schedule.today_start(rows))
        self._after_fill(keep.step_id if keep else None, paused.journey_id if paused else None)

    def _after_fill(self, step_id: int | None, paused_id: int | None = None) -> None:
        # The tree lays its rows out once (12,800 at XL), asking the model as little per row
        # as it can: hiding a row asks for a layout, expanding only notes each group while
        # one is pending, then the layout runs before any group spans (a spanned group
        # makes the layout ask the model for every row's index once more), and spanning a
        # laid-out row lays out nothing. Before, each group was laid out as it was
        # expanded, then all of them again.
        # With no paused journey, no Paused group: it would say nothing.
        self.tree.setRowHidden(PAUSED, QModelIndex(), not self.model.paused_rows())
        for position in range(PAUSED + 1):
            self.tree.expand(self.model.index(position, 0))
        self.tree.executeDelayedItemsLayout()
        for position in range(PAUSED + 1):
            self.tree.setFirstColumnSpanned(position, QModelIndex(), True)
        counts = [self.model.count(owner) for owner in GROUPS]
        due = sum(count.due for count in counts)
        showing = bool(due or self.model.paused_rows())
        self.body.setCurrentWidget(self.tree if showing else self.empty)
        self.date_label.setText(text.long_date(self._ws.today()))
        late = sum(count.overdue for count in counts)
        overdue = self.model.count(Owner.ME).overdue  # yours: "overdue", as on cards
        due_today = sum(count.today for count in counts)
        week = due - late - due_today
        self.summary.setText(
            tr(
                "{overdue} overdue · {late} late, waiting on others · {today} due today · "
                "{week} later this week"
            ).format(overdue=overdue, late=late - overdue, today=due_today, week=week)
            + self._resume_words()
        )
        index = self.model.index_of(step_id) if step_id is not None else QModelIndex()
        if not index.isValid() and paused_id is not None:
            index = self._paused_index(paused_id)
        if not index.isValid():
            index = self._first_row()
        if index.isValid():
            self.tree.setCurrentIndex(index)
        self._update_actions()

    def _resume_words(self) -> str:
        today = self._ws.today()
        due = sum(row.resume_due(today) for row in self.model.paused_rows())
        return " · " + tr("{n} to resume").format(n=due) if due else ""

    def _first_row(self) -> QModelIndex:
        for owner in GROUPS:
            if self.model.rows(owner):
                return self.model.index(0, 0, self.model.group_index(owner))
        if self.model.paused_rows():
            return self.model.index(0, 0, self.model.paused_group_index())
        return QModelIndex()

    def _paused_index(self, journey_id: int) -> QModelIndex:
        for row, paused in enumerate(self.model.paused_rows()):
            if paused.journey_id == journey_id:
                return self.model.index(row, 0, self.model.paused_group_index())
        return QModelIndex()

    def _catch_up(self, changes: Changes) -> None:
        """All of it after a bulk change, a new day or a change to the practice (due
        dates may all have moved); else the journeys named."""
        if changes.everything or changes.touches(Aspect.PRACTICE):
            self.reload()
        elif changes.journeys:  # the counts, and as many rows as were read (~10 ms at XL)
            self._read(self.model.wanted())

    # -- the selected row --------------------------------------------------------------------
    def current_row(self) -> TodayRow | None:
        return self.model.row_at(self.tree.currentIndex().siblingAtColumn(CLIENT))

    def current_paused(self) -> PausedRow | None:
        return self.model.paused_at(self.tree.currentIndex().siblingAtColumn(CLIENT))

    def current_journey(self) -> int | None:
        """The journey of the selected row, a step's or a paused one's."""
        row = self.current_row() or self.current_paused()
        return None if row is None else row.journey_id

    def select_step(self, step_id: int) -> bool:
        index = self.model.index_of(step_id)
        if index.isValid():
            # That step alone, whatever keys are held: setCurrentIndex alone follows the
            # keyboard's modifiers (with Ctrl down it would add to the selection).
            flags = QItemSelectionModel.SelectionFlag
            self.tree.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
        return index.isValid()

    def _update_actions(self) -> None:
        row = self.current_row()
        for action in (
            self.done_action,
            self.reschedule_action,
            self.friction_action,
            self.feedback_action,
        ):
            action.setEnabled(row is not None)
        self.open_action.setEnabled(self.current_journey() is not None)
        can_nudge = row is not None and row.can_nudge
        self.nudge_action.setEnabled(can_nudge)
        self.nudge_action.setToolTip(
            self._nudge_tip
            if can_nudge or row is None
            else tr("Only a step the client owes, or a reassurance touchpoint, has a nudge.")
        )

    def _activated(self, index: QModelIndex) -> None:
        here = index.siblingAtColumn(CLIENT)
        if self.model.row_at(here) is not None or self.model.paused_at(here) is not None:
            self.open_current()

    def _show_menu(self, where: QPoint) -> None:
        if self.current_row() is None:
            if self.current_paused() is not None:  # a paused journey: open it to resume
                menu = QMenu(self)
                menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
                menu.addAction(self.open_action)
                menu.popup(self.tree.viewport().mapToGlobal(where))
            return
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addActions([self.done_action, self.reschedule_action, self.nudge_action])
        menu.addAction(self.friction_action)
        menu.addAction(self.feedback_action)
        menu.addSeparator()
        menu.addAction(self.open_action)
        menu.popup(self.tree.viewport().mapToGlobal(where))

    # -- actions -----------------------------------------------------------------------------
    def selected_rows(self) -> list[TodayRow]:
        """The steps selected (Shift or Ctrl and a click), in the list's order; group
        headings and paused journeys are left out."""
        chosen = {
            (index.internalId(), index.row())
            for index in self.tree.selectionModel().selectedRows(CLIENT)
        }
        return [
            row
            for position, owner in enumerate(GROUPS)
            for number, row in enumerate(self.model.rows(owner))
            if (position, number) in chosen
        ]

    def log_friction(self) -> bool:
        """Log friction about the selected step (the shared dialog, undoable)."""
        row = self.current_row()
        if row is None:
            return False
        return friction_dialog.log_friction(
            self, self._ws, self._events, self.undo_stack, row.journey_id, row.step_id
        )

    def record_feedback(self) -> bool:
        """Record what the client of the selected step said (the shared dialog, undoable)."""
        row = self.current_row()
        if row is None:
            return False
        return feedback_dialog.record_feedback(
            self, self._ws, self._events, self.undo_stack, row.journey_id
        )

    def mark_done(self) -> bool:
        """Mark the selected step done today; several selected, all of them, one undo."""
        several = self.selected_rows()
        if len(several) > 1:
            return self._mark_all_done(several)
        row = self.current_row()
        if row is None:
            return False
        command = CompleteStepCommand(
            self._ws, self._events, row.step_id, self._ws.today(), row.step_title
        )
        done = self._push(command, tr("The step was not marked done"))
        if done:
            self.offer_bar.after_ticks([row.step_id])
        return done

    def _mark_all_done(self, rows: list[TodayRow]) -> bool:
        today = self._ws.today()
        commands: list[ServiceCommand] = [
            CompleteStepCommand(self._ws, self._events, row.step_id, today, row.step_title)
            for row in rows
        ]
        text = tr("Mark {n} steps done").format(n=len(rows))
        error = push_together(self.undo_stack, commands, text)
        self.offer_bar.after_ticks([row.step_id for row in rows])  # those done, if any
        if error is None:
            return True
        QMessageBox.warning(
            self, tr("Not every step was marked done"), literal_rich_text([str(error)])
        )
        self.reload()
        return False

    def reschedule_dialog(self, row: TodayRow) -> RescheduleDialog:
        return RescheduleDialog(row, self._ws.today(), self, self._ws.practice.info())

    def _reschedule_current(self) -> None:
        row = self.current_row()
        if row is None:
            return
        dialog = self.reschedule_dialog(row)
        try:
            if dialog.exec():
                self.apply_reschedule(dialog)
        finally:
            dialog.deleteLater()

    def apply_reschedule(self, dialog: RescheduleDialog) -> bool:
        """Reschedule as the (accepted) dialog says."""
        row = dialog.row
        slot = dialog.slot()
        unchanged = slot is None or (slot.start, slot.minutes) == (
            row.session_time,
            row.session_minutes,
        )
        if dialog.due_on() == row.due_on and not dialog.shift_rest() and unchanged:
            return False
        command = RescheduleCommand(
            self._ws,
            self._events,
            row.step_id,
            dialog.due_on(),
            row.step_title,
            shift_rest=dialog.shift_rest(),
            slot=None if unchanged else slot,
        )
        return self._push(command, tr("The step was not rescheduled"))

    def nudge_dialog(self, row: TodayRow) -> NudgeDialog | None:
        """The drafted nudge for `row`, ready to show; None (and the person told why) when
        the step cannot be nudged any more."""
        try:
            draft = self._ws.schedule.nudge_draft(row.step_id, text.WORDS)
        except (InvalidInput, NotFound) as error:
            QMessageBox.information(self, tr("No nudge"), literal_rich_text([in_words(error)]))
            return None
        dialog = NudgeDialog(draft, self)
        dialog.sent.connect(lambda channel: self.record_nudge(row, channel))
        return dialog

    def _nudge_current(self) -> None:
        row = self.current_row()
        if row is None or not row.can_nudge:
            return
        dialog = self.nudge_dialog(row)
        if dialog is None:
            return
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def record_nudge(self, row: TodayRow, channel: NudgeChannel) -> None:
        """The nudge went out: the journey's activity says so (its last contact)."""
        outcome = Runner(self._ws, self._events).now(
            lambda: self._ws.schedule.record_nudge(row.step_id, channel),
            initiator=self,
            doing="Nudge",
        )
        if outcome.error is not None:
            warn(self, tr("The nudge was not logged"), outcome.error)

    def open_current(self) -> None:
        journey_id = self.current_journey()
        if journey_id is not None:
            self.open_journey.emit(journey_id)

    def _push(self, command: ServiceCommand, title: str) -> bool:
        self.undo_stack.push(command)
        if command.error is None:
            return True
        QMessageBox.warning(self, title, literal_rich_text([in_words(command.error)]))
        self.reload()
        return False

    def group_rows(self, owner: Owner) -> list[TodayRow]:
        return self.model.rows(owner)
