"""A journey's life on its client page: its state in words, and pause, resume, complete,
cancel and archive, each one undoable command on the window's stack.

The bar itself shows the state line ("Paused since Wed 25 Nov 2026: Holiday") and, once
every step is done, a banner offering to complete the journey: a banner rather than a
dialog, so ticking the last step never traps the person (or a test) in a modal. Its
`buttons` widget (the state's main action and the Journey menu) goes where the page wants.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence, QPalette, QUndoStack
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.model.rules.enums import JourneyStatus
from deliverydesk.services.journeys.detail import JourneyDetail
from deliverydesk.services.journeys.lifecycle import StepsStillOpen
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.clients import journey_commands as commands
from deliverydesk.ui.clients.journey_dialogs import (
    ask_pause,
    ask_reason,
    cancel_dialog,
    pause_dialog,
)
from deliverydesk.ui.core import journey_words, text
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.failures import in_words
from deliverydesk.ui.core.text import literal_rich_text, tr
from deliverydesk.ui.core.undo_commands import ServiceCommand
from deliverydesk.ui.look.icons import icon
from deliverydesk.ui.look.theme import health_color, semantic
from deliverydesk.ui.widgets.confirm import confirm

_RUNNING = (JourneyStatus.ACTIVE, JourneyStatus.PAUSED)
_ENDED = (JourneyStatus.COMPLETED, JourneyStatus.CANCELLED)


def _shortcut_tip(action: QAction, words: str) -> None:
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    action.setToolTip(f"{words} ({keys})" if keys else words)


class JourneyBar(QWidget):
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
        self.detail: JourneyDetail | None = None
        self._dismissed: set[int] = set()  # journeys whose offer to complete was declined
        self._build_actions()

        self.state_icon = QLabel()
        self.state = QLabel()
        self.state.setTextFormat(Qt.TextFormat.PlainText)  # the reason is user text
        self.state.setWordWrap(True)
        self.state.setAccessibleName(tr("Journey state"))
        state_row = QHBoxLayout()
        state_row.setContentsMargins(0, 0, 0, 0)
        state_row.addWidget(self.state_icon, 0, Qt.AlignmentFlag.AlignTop)
        state_row.addWidget(self.state, 1)
        self.state_line = QWidget()
        self.state_line.setLayout(state_row)

        self.banner = self._build_banner()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.state_line)
        layout.addWidget(self.banner)
        self.buttons = self._build_buttons()
        self.state_line.hide()
        self.banner.hide()

    # -- building ----------------------------------------------------------------------------
    def _build_actions(self) -> None:
        self.pause_action = QAction(tr("&Pause…"), self)
        self.pause_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.pause_action.triggered.connect(self.pause)
        _shortcut_tip(self.pause_action, tr("Pause the journey, with a reason"))
        self.resume_action = QAction(tr("&Resume"), self)
        self.resume_action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.resume_action.triggered.connect(self.resume)
        _shortcut_tip(
            self.resume_action, tr("Resume: open due dates move later by the pause's length")
        )
        self.complete_action = QAction(icon("step_done"), tr("&Complete"), self)
        self.complete_action.setShortcut(QKeySequence("Ctrl+Shift+C"))
        self.complete_action.triggered.connect(self.complete)
        _shortcut_tip(self.complete_action, tr("Complete the journey"))
        self.cancel_action = QAction(tr("C&ancel journey…"), self)
        self.cancel_action.triggered.connect(self.cancel)
        _shortcut_tip(self.cancel_action, tr("End the journey without completing it"))
        self.archive_action = QAction(tr("A&rchive journey"), self)
        self.archive_action.triggered.connect(self.archive)
        _shortcut_tip(self.archive_action, tr("Put the ended journey away from the client list"))
        self.life_actions = [
            self.pause_action,
            self.resume_action,
            self.complete_action,
            self.cancel_action,
            self.archive_action,
        ]
        for action in self.life_actions:
            # Shortcuts work wherever the focus is on the client page that holds them.
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setEnabled(False)
        self.menu = QMenu(tr("Journey"), self)
        self.menu.setToolTipsVisible(True)
        for action in self.life_actions:
            if action is self.cancel_action:
                self.menu.addSeparator()
            self.menu.addAction(action)

    def _build_buttons(self) -> QWidget:
        self.main_button = QToolButton()
        self.main_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.main_button.hide()
        self.menu_button = QToolButton()
        self.menu_button.setText(tr("&Journey"))
        self.menu_button.setMenu(self.menu)
        self.menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.menu_button.setToolTip(tr("Pause, resume, complete, cancel or archive (Alt+J)"))
        self.menu_button.setAccessibleName(tr("Journey actions"))
        buttons = QWidget()
        row = QHBoxLayout(buttons)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.main_button)
        row.addWidget(self.menu_button)
        return buttons

    def _build_banner(self) -> QFrame:
        banner = QFrame()
        banner.setFrameShape(QFrame.Shape.StyledPanel)
        banner.setAutoFillBackground(True)
        self.banner_icon = QLabel()
        self.banner_text = QLabel(tr("Every step is done. Complete the journey?"))
        self.banner_text.setWordWrap(True)
        self.complete_button = QPushButton(tr("Complete journey"))
        keys = self.complete_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        self.complete_button.setToolTip(tr("Complete the journey ({keys})").format(keys=keys))
        self.complete_button.clicked.connect(self.complete)
        self.not_now_button = QPushButton(tr("Not now"))
        self.not_now_button.clicked.connect(self.dismiss_offer)
        row = QHBoxLayout(banner)
        row.addWidget(self.banner_icon)
        row.addWidget(self.banner_text, 1)
        row.addWidget(self.complete_button)
        row.addWidget(self.not_now_button)
        banner.setAccessibleName(tr("Every step is done. Complete the journey?"))
        return banner

    def _paint_banner(self) -> None:
        """A soft tint of the "good" colour, recomputed so a theme switch follows."""
        palette = self.banner.palette()
        good = semantic(self.palette()).good
        base = self.palette().color(QPalette.ColorRole.Base)
        tint = base.toRgb()
        tint.setRedF(base.redF() * 0.88 + good.redF() * 0.12)
        tint.setGreenF(base.greenF() * 0.88 + good.greenF() * 0.12)
        tint.setBlueF(base.blueF() * 0.88 + good.blueF() * 0.12)
        palette.setColor(QPalette.ColorRole.Window, tint)
        self.banner.setPalette(palette)
        em = self.fontMetrics().height()
        self.banner_icon.setPixmap(icon("step_done", good).pixmap(QSize(em, em)))

    # -- showing -----------------------------------------------------------------------------
    def show_detail(self, detail: JourneyDetail) -> None:
        self.detail = detail
        status = detail.status
        self.pause_action.setEnabled(status is JourneyStatus.ACTIVE)
        self.resume_action.setEnabled(status is JourneyStatus.PAUSED)
        self.complete_action.setEnabled(status in _RUNNING)
        self.cancel_action.setEnabled(status in _RUNNING)
        self.archive_action.setEnabled(status in _ENDED)
        # An ended journey's Archive is the page's one Archive button (journey or client).
        main = {JourneyStatus.PAUSED: self.resume_action}.get(status)
        if main is not None and self.main_button.defaultAction() is not main:
            for old in self.main_button.actions():  # two actions would make it a menu
                self.main_button.removeAction(old)
            self.main_button.setDefaultAction(main)
        self.main_button.setVisible(main is not None)
        line = journey_words.state_line(
            status, detail.paused_on, detail.ended_on, detail.end_reason, detail.resume_on
        )
        self.state.setText(line)
        em = self.fontMetrics().height()
        # The icons the client list shows beside the same words; a tray for put away.
        health = detail.verdict.health
        name = "empty_inbox" if status is JourneyStatus.ARCHIVED else text.health_icon_name(health)
        color = None if status is JourneyStatus.ARCHIVED else health_color(health, self.palette())
        self.state_icon.setPixmap(icon(name, color).pixmap(QSize(em, em)))
        self.state_line.setVisible(bool(line))
        finished = (
            status is JourneyStatus.ACTIVE
            and detail.steps_total > 0
            and detail.steps_done == detail.steps_total
        )
        if not finished:
            self._dismissed.discard(detail.journey_id)  # a step reopened: offer again later
        offer = finished and detail.journey_id not in self._dismissed
        if offer and self.banner.isHidden():
            self._paint_banner()
        self.banner.setVisible(offer)

    @property
    def offers_to_complete(self) -> bool:
        return not self.banner.isHidden()

    def dismiss_offer(self) -> None:
        if self.detail is not None:
            self._dismissed.add(self.detail.journey_id)
        self.banner.hide()

    # -- acting ------------------------------------------------------------------------------
    def _target(self) -> tuple[int, str] | None:
        return None if self.detail is None else (self.detail.journey_id, self.detail.client_name)

    def pause(self) -> None:
        if (target := self._target()) is None:
            return
        answer = ask_pause(pause_dialog(target[1], self._ws.today(), self))
        if answer is not None:
            reason, resume_on = answer
            self._push(
                commands.pause_command(self._ws, self._events, *target, reason, resume_on),
                tr("The journey was not paused"),
            )

    def resume(self) -> None:
        if (target := self._target()) is not None:
            self._push(
                commands.resume_command(self._ws, self._events, *target),
                tr("The journey was not resumed"),
            )

    def complete(self) -> None:
        """Complete; with steps still open, ask first and then complete anyway."""
        if (target := self._target()) is None:
            return
        title = tr("The journey was not completed")
        command = commands.complete_command(self._ws, self._events, *target)
        self.undo_stack.push(command)
        if not isinstance(command.error, StepsStillOpen):
            self._explain(command, title)
            return
        if confirm(
            self,
            tr("Complete the journey?"),
            journey_words.complete_anyway(command.error.titles),
            tr("Complete anyway"),
            tr("Keep it open"),
        ):
            self._push(
                commands.complete_command(self._ws, self._events, *target, force=True), title
            )

    def cancel(self) -> None:
        if (target := self._target()) is None:
            return
        reason = ask_reason(cancel_dialog(target[1], self))
        if reason is not None:
            self._push(
                commands.cancel_command(self._ws, self._events, *target, reason),
                tr("The journey was not cancelled"),
            )

    def archive(self) -> None:
        if (target := self._target()) is not None:
            self._push(
                commands.archive_command(self._ws, self._events, *target),
                tr("The journey was not archived"),
            )

    def _push(self, command: ServiceCommand, title: str) -> bool:
        self.undo_stack.push(command)
        return self._explain(command, title)

    def _explain(self, command: ServiceCommand, title: str) -> bool:
        """Say why a refused action was refused; True when it was done."""
        if command.error is None:
            return True
        QMessageBox.warning(self, title, literal_rich_text([in_words(command.error)]))
        return False
