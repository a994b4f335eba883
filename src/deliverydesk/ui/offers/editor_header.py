"""The top of the offer editor: back, the offer's name and state, and its actions (undo
and redo of the draft, Save with the reason it is off, apply, enrol)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.model.rules.offer_rules import Problem
from deliverydesk.services.offers.offer_design import OfferDesign
from deliverydesk.ui.core import text
from deliverydesk.ui.core.text import literal_rich_text, problem_words, tr
from deliverydesk.ui.look.icons import icon
from deliverydesk.ui.look.typography import make_heading
from deliverydesk.ui.widgets.elided_label import ElidedLabel


class EditorHeader(QWidget):
    def __init__(self, draft_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        back = self.back_button = QToolButton()
        back.setIcon(icon("back"))
        back.setText(tr("Offers"))
        back.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        back.setAutoRaise(True)
        back.setAccessibleName(tr("Back to the offers"))
        back.setToolTip(tr("Back to the offers (Esc)"))
        self.title = ElidedLabel()
        make_heading(self.title, 1.5)
        self.subtitle = QLabel()
        self.subtitle.setTextFormat(Qt.TextFormat.PlainText)

        self.undo_action = draft_stack.createUndoAction(self, tr("Undo"))
        self.undo_action.setToolTip(tr("Undo the last edit of this design (Ctrl+Z)"))
        self.redo_action = draft_stack.createRedoAction(self, tr("Redo"))
        self.redo_action.setToolTip(tr("Redo (Ctrl+Shift+Z)"))
        self.save_action = QAction(tr("Save"), self)
        self.save_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        self.save_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.save_button = QPushButton(tr("Save"))
        self.save_reason = ElidedLabel()  # a long reason never widens the window
        self.save_reason.setAccessibleName(tr("Why the design cannot be saved"))
        self.apply_button = QPushButton(tr("Apply to active clients…"))
        self.enrol_button = QPushButton(tr("Enrol a client…"))

        row = QHBoxLayout()
        for action in (self.undo_action, self.redo_action):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setAutoRaise(True)
            row.addWidget(button)
        row.addWidget(self.save_button)
        row.addWidget(self.save_reason, 1)
        row.addWidget(self.apply_button)
        row.addWidget(self.enrol_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(back, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.title)
        column.addWidget(self.subtitle)
        column.addLayout(row)

    def show_state(
        self,
        name: str,
        design: OfferDesign | None,
        dirty: bool,
        blocking: list[Problem],
        waiting: int,
    ) -> None:
        """The name being edited, the offer's state, and which actions are open, and why not."""
        self.title.set_full_text(name.strip() or tr("Untitled offer"))
        parts = []
        if design is not None:
            parts.append(tr("Revision {n}").format(n=design.revision))
            if design.live_journeys:
                under_way = text.clients(design.live_journeys)
                parts.append(tr("{clients} under way").format(clients=under_way))
            if design.archived:
                parts.append(tr("Archived"))
        parts.append(tr("Unsaved changes") if dirty else tr("Saved"))
        self.subtitle.setText(" · ".join(parts))

        self.save_action.setEnabled(dirty and not blocking)
        self.save_button.setEnabled(dirty and not blocking)
        why = problem_words(blocking[0]) if blocking else ""
        reason = tr("Cannot save yet: {why}").format(why=why) if why else ""
        self.save_reason.set_full_text(reason)
        self.save_reason.setToolTip(literal_rich_text([reason]) if reason else "")
        self.save_button.setToolTip(
            literal_rich_text([reason])
            if reason
            else tr("Save this design as a new revision (Ctrl+S)")
        )
        self.apply_button.setEnabled(bool(waiting))
        self.apply_button.setToolTip(
            tr("{clients} follow an older revision").format(clients=text.clients(waiting))
            if waiting
            else tr("Every active client follows the current design.")
        )
        why = enrol_refusal(design)
        self.enrol_button.setEnabled(not why)
        self.enrol_button.setToolTip(
            literal_rich_text([why]) if why else tr("Enrol a client in this offer")
        )


def enrol_refusal(design: OfferDesign | None) -> str:
    """Why the saved offer cannot enrol a client; empty when it can."""
    if design is None:
        return tr("Open an offer first.")
    if design.archived:
        return tr("This offer is archived; bring it back to enrol clients.")
    if design.problems:
        return tr("This offer cannot be used to enrol a client until fixed: {why}").format(
            why=problem_words(design.problems[0])
        )
    return ""
