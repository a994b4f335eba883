"""The one feedback dialog, shared by the client page's Feedback tab, a board card's menu,
Today and the offer made when a checkpoint is ticked (feedback_offer_bar.py): a 0-10
score, the client's words, testimonial permission, referral asked, referral given (a name),
the checkpoint it answers and the day. Recording, changing and deleting are undoable commands.

The checkpoint offered first is the latest one passed with no feedback yet: recording it
there is what clears the card's "Feedback due" badge."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.model.rules.enums import StepKind
from deliverydesk.services.journeys.detail import FeedbackDetail, JourneyDetail, StepDetail
from deliverydesk.services.journeys.feedback import MAX_NAME_LENGTH, FeedbackEntry
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.feedback_commands import (
    ChangeFeedbackCommand,
    DeleteFeedbackCommand,
    RecordFeedbackCommand,
)
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.widgets.asking import answer, push_or_say
from deliverydesk.ui.widgets.day_edit import DayEdit
from deliverydesk.ui.widgets.field_problem import ProblemLabel

NO_SCORE = -1  # the score box's "No score"


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def asks_feedback(step: StepDetail) -> bool:
    """A step feedback answers: a checkpoint, or a survey."""
    return step.is_checkpoint or step.kind is StepKind.SURVEY


def feedback_steps(detail: JourneyDetail) -> list[StepDetail]:
    return [s for phase in detail.phases for s in phase.steps if asks_feedback(s)]


def feedback_due_step(detail: JourneyDetail) -> int | None:
    """The latest checkpoint passed with no feedback yet (the one behind "Feedback due")."""
    answered = {f.step_id for f in detail.feedback}
    waiting = [
        s
        for phase in detail.phases
        for s in phase.steps
        if s.is_checkpoint and s.completed_on is not None and s.id not in answered
    ]
    return waiting[-1].id if waiting else None


class FeedbackDialog(QDialog):
    """Record feedback on one journey, or change a record (`shown`)."""

    def __init__(
        self,
        steps: Sequence[StepDetail],
        today: date,
        *,
        step_id: int | None = None,
        shown: FeedbackDetail | None = None,
        follow_up: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Change feedback") if shown else tr("Record feedback"))
        self._follow_up = shown.follow_up if shown else follow_up
        self.score = QSpinBox()
        self.score.setRange(NO_SCORE, 10)
        self.score.setSpecialValueText(tr("No score"))
        self.score.setSuffix(tr(" / 10"))
        self.score.setAccessibleName(tr("Score from 0 to 10"))
        self.words = QPlainTextEdit()
        self.words.setTabChangesFocus(True)
        self.words.setAccessibleName(tr("What the client said"))
        lines = self.words.fontMetrics().lineSpacing()
        self.words.setFixedHeight(lines * 4 + 2 * self.words.frameWidth() + 8)
        self.problem = ProblemLabel()
        self.testimonial = QCheckBox(tr("May be &quoted as a testimonial"))
        self.referral_asked = QCheckBox(tr("Referral &asked"))
        self.referral_given = QCheckBox(tr("Referral &given"))
        self.referral_name = QLineEdit()
        self.referral_name.setMaxLength(MAX_NAME_LENGTH)
        self.referral_name.setPlaceholderText(tr("Who they referred (optional)"))
        self.referral_name.setAccessibleName(tr("Who they referred"))
        # Naming someone is a referral given.
        self.referral_name.textEdited.connect(
            lambda name: self.referral_given.setChecked(True) if name.strip() else None
        )
        self.step = QComboBox()
        self.step.addItem(tr("Not about one step"), None)
        for step in steps:
            self.step.addItem(step.title, step.id)
        self.received = DayEdit()
        self.received.setMaximumDate(_qdate(today))  # recorded once the client said it
        self.received.setDate(_qdate(today))
        if shown is not None:
            self.score.setValue(NO_SCORE if shown.score is None else shown.score)
            self.words.setPlainText(shown.words)
            self.testimonial.setChecked(shown.testimonial_ok)
            self.referral_asked.setChecked(shown.referral_asked)
            self.referral_given.setChecked(shown.referral_given)
            self.referral_name.setText(shown.referral_name)
            step_id = shown.step_id
            self.received.setDate(_qdate(min(shown.received_on, today)))
        else:
            self.score.setValue(NO_SCORE)
        self.step.setCurrentIndex(max(0, self.step.findData(step_id)) if step_id else 0)

        form = QFormLayout()
        form.addRow(tr("&Score:"), self.score)
        said = QVBoxLayout()
        said.addWidget(self.words)
        said.addWidget(self.problem)
        form.addRow(tr("&In their words:"), said)
        label = form.labelForField(said)  # a layout's label gets no buddy of its own
        if isinstance(label, QLabel):
            label.setBuddy(self.words)
        form.addRow("", self.testimonial)
        form.addRow("", self.referral_asked)
        form.addRow("", self.referral_given)
        form.addRow(tr("&Referred:"), self.referral_name)
        form.addRow(tr("A&bout:"), self.step)
        form.addRow(tr("&On:"), self.received)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(tr("Save") if shown else tr("Record feedback"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if self._follow_up:
            intro = QLabel(tr("The follow-up after the journey: how has it gone since?"))
            intro.setWordWrap(True)
            layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.score.setFocus()
        self.setMinimumWidth(36 * self.fontMetrics().horizontalAdvance("M"))

    def accept(self) -> None:
        if self.score.value() == NO_SCORE and not self.words.toPlainText().strip():
            self.problem.say(tr("Give a score, or write what the client said."), self.words)
            return
        super().accept()

    def entry(self) -> FeedbackEntry:
        step = self.step.currentData()
        score = self.score.value()
        day: date = self.received.date().toPython()  # type: ignore[assignment]
        return FeedbackEntry(
            score=None if score == NO_SCORE else score,
            words=self.words.toPlainText().strip(),
            step_id=int(step) if step is not None else None,
            testimonial_ok=self.testimonial.isChecked(),
            referral_asked=self.referral_asked.isChecked(),
            referral_given=self.referral_given.isChecked(),
            referral_name=self.referral_name.text().strip(),
            received_on=day,
            follow_up=self._follow_up,
        )


# -- the entry points' one way in -------------------------------------------------------------
def record_feedback(
    parent: QWidget,
    workspace: Workspace,
    events: AppEvents,
    stack: QUndoStack,
    journey_id: int,
    step_id: int | None = None,
    *,
    follow_up: bool = False,
) -> bool:
    """Ask what the client said and record it (undoable); without `step_id`, about the
    checkpoint still waiting for feedback, if one. False when cancelled or refused."""
    detail = workspace.journeys.journey_detail(journey_id)
    if step_id is None and not follow_up:
        step_id = feedback_due_step(detail)
    dialog = FeedbackDialog(
        feedback_steps(detail),
        workspace.today(),
        step_id=step_id,
        follow_up=follow_up,
        parent=parent,
    )
    entry = answer(dialog, dialog.entry)
    if entry is None:
        return False
    command = RecordFeedbackCommand(workspace, events, journey_id, entry)
    return push_or_say(parent, stack, command, tr("The feedback was not recorded"))


def change_feedback(
    parent: QWidget,
    workspace: Workspace,
    events: AppEvents,
    stack: QUndoStack,
    detail: JourneyDetail,
    feedback: FeedbackDetail,
) -> bool:
    dialog = FeedbackDialog(
        feedback_steps(detail), workspace.today(), shown=feedback, parent=parent
    )
    entry = answer(dialog, dialog.entry)
    if entry is None:
        return False
    command = ChangeFeedbackCommand(workspace, events, feedback.id, entry)
    return push_or_say(parent, stack, command, tr("The feedback was not changed"))


def delete_feedback(
    parent: QWidget,
    workspace: Workspace,
    events: AppEvents,
    stack: QUndoStack,
    journey_id: int,
    feedback_id: int,
) -> bool:
    """Delete a record; Edit → Undo brings it back, so nothing is asked first."""
    command = DeleteFeedbackCommand(workspace, events, journey_id, feedback_id)
    return push_or_say(parent, stack, command, tr("The feedback was not deleted"))
