"""The one friction dialog, shared by the board's card menu, the client page and Today:
log what went wrong (what, severity, category, the step it concerns, when), with the
step's failure point and recovery protocol from the offer design shown as the suggested
response; resolve it with a note and a date; reopen it. Each is an undoable command.

The dialog's limits are the service's (something said; resolved no earlier than it
happened and no later than today), so what it accepts is never refused afterwards."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.model.rules.enums import FRICTION_CATEGORIES, FrictionKind, Severity
from deliverydesk.services.journeys.detail import FrictionDetail, Resolution, StepDetail
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core import text
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.friction_commands import (
    FrictionEntry,
    LogFrictionCommand,
    ResolutionCommand,
)
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.widgets.asking import answer, push_or_say
from deliverydesk.ui.widgets.day_edit import DayEdit
from deliverydesk.ui.widgets.field_problem import ProblemLabel
from deliverydesk.wording import FRICTION_KIND_WORDS, SEVERITY_WORDS


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _picked(edit: DayEdit) -> date:
    day: date = edit.date().toPython()  # type: ignore[assignment]
    return day


def suggested_response(step: StepDetail | None) -> str:
    """The step's failure point and recovery protocol, as the offer design has them."""
    if step is None:
        return ""
    lines = []
    if step.failure_point.strip():
        lines.append(tr("What usually goes wrong: {text}").format(text=step.failure_point))
    if step.recovery_protocol.strip():
        lines.append(tr("Recovery: {text}").format(text=step.recovery_protocol))
    return "\n".join(lines)


class FrictionDialog(QDialog):
    """Log friction on one journey; `step_id` preselects the step it concerns."""

    def __init__(
        self,
        steps: Sequence[StepDetail],
        today: date,
        step_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Log friction"))
        self._steps = {step.id: step for step in steps}
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setAccessibleName(tr("What happened"))
        lines = self.description.fontMetrics().lineSpacing()
        self.description.setFixedHeight(lines * 4 + 2 * self.description.frameWidth() + 8)
        self.problem = ProblemLabel()
        self.severity = QComboBox()
        for severity in Severity:
            self.severity.addItem(tr(SEVERITY_WORDS[severity]), severity.value)
        self.severity.setCurrentIndex(self.severity.findData(Severity.MEDIUM.value))
        self.category = QComboBox()
        for kind in FRICTION_CATEGORIES:
            self.category.addItem(tr(FRICTION_KIND_WORDS[kind]), kind.value)
        self.step = QComboBox()
        self.step.addItem(tr("No one step"), None)
        for step in steps:
            self.step.addItem(step.title, step.id)
        self.step.setCurrentIndex(max(0, self.step.findData(step_id)) if step_id else 0)
        self.occurred = DayEdit()
        self.occurred.setMaximumDate(_qdate(today))  # friction is logged once it happened
        self.occurred.setDate(_qdate(today))
        self.suggestion = QLabel()
        self.suggestion.setWordWrap(True)
        self.suggestion.setTextFormat(Qt.TextFormat.PlainText)  # the offer design's words
        self.suggestion.setAccessibleName(tr("Suggested response"))
        self.step.currentIndexChanged.connect(lambda _i: self._suggest())

        form = QFormLayout()
        what = QVBoxLayout()
        what.addWidget(self.description)
        what.addWidget(self.problem)
        form.addRow(tr("&What happened:"), what)
        form.addRow(tr("&Severity:"), self.severity)
        form.addRow(tr("&Category:"), self.category)
        form.addRow(tr("S&tep:"), self.step)
        form.addRow(tr("&On:"), self.occurred)
        label = form.labelForField(what)  # a layout's label gets no buddy of its own
        if isinstance(label, QLabel):
            label.setBuddy(self.description)
        self.suggestion_title = QLabel(tr("Suggested response"))
        bold = self.suggestion_title.font()
        bold.setBold(True)
        self.suggestion_title.setFont(bold)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Log friction"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.suggestion_title)
        layout.addWidget(self.suggestion)
        layout.addWidget(self.buttons)
        self._suggest()
        self.description.setFocus()
        self.setMinimumWidth(36 * self.fontMetrics().horizontalAdvance("M"))

    def _suggest(self) -> None:
        words = suggested_response(self._steps.get(self.step.currentData()))
        self.suggestion.setText(words)
        self.suggestion.setVisible(bool(words))
        self.suggestion_title.setVisible(bool(words))

    def accept(self) -> None:
        if not self.description.toPlainText().strip():
            self.problem.say(tr("Say what went wrong."), self.description)
            return
        super().accept()

    def entry(self) -> FrictionEntry:
        step = self.step.currentData()
        return FrictionEntry(
            description=self.description.toPlainText().strip(),
            # Qt hands an enum's value back as a plain str: made the enum again here.
            kind=FrictionKind(self.category.currentData()),
            severity=Severity(self.severity.currentData()),
            step_id=int(step) if step is not None else None,
            occurred_on=_picked(self.occurred),
        )


class ResolveFrictionDialog(QDialog):
    """What was done about it, and when: no earlier than it happened, no later than today."""

    def __init__(self, friction: FrictionDetail, today: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Resolve friction"))
        intro = QLabel(
            tr("{day}: {description}").format(
                day=text.long_date(friction.occurred_on), description=friction.description
            )
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.note = QPlainTextEdit(friction.recovery)
        self.note.setTabChangesFocus(True)
        self.note.setAccessibleName(tr("What was done"))
        lines = self.note.fontMetrics().lineSpacing()
        self.note.setFixedHeight(lines * 4 + 2 * self.note.frameWidth() + 8)
        self.resolved = DayEdit()
        self.resolved.setMinimumDate(_qdate(min(friction.occurred_on, today)))
        self.resolved.setMaximumDate(_qdate(today))
        self.resolved.setDate(_qdate(today))
        form = QFormLayout()
        form.addRow(tr("&What was done:"), self.note)
        form.addRow(tr("&Resolved on:"), self.resolved)
        self.buttons = buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Resolve"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.note.setFocus()
        self.setMinimumWidth(32 * self.fontMetrics().horizontalAdvance("M"))

    def resolution(self) -> Resolution:
        return Resolution(self.note.toPlainText().strip(), _picked(self.resolved))


# -- the three entry points' one way in -------------------------------------------------------
def log_friction(
    parent: QWidget,
    workspace: Workspace,
    events: AppEvents,
    stack: QUndoStack,
    journey_id: int,
    step_id: int | None = None,
) -> bool:
    """Ask what went wrong on the journey and log it (undoable); False when cancelled or
    refused (the refusal said)."""
    detail = workspace.journeys.journey_detail(journey_id)
    steps = [step for phase in detail.phases for step in phase.steps]
    dialog = FrictionDialog(steps, workspace.today(), step_id, parent)
    entry = answer(dialog, dialog.entry)
    if entry is None:
        return False
    command = LogFrictionCommand(workspace, events, journey_id, entry)
    return push_or_say(parent, stack, command, tr("The friction was not logged"))


def resolve_friction(
    parent: QWidget,
    workspace: Workspace,
    events: AppEvents,
    stack: QUndoStack,
    friction: FrictionDetail,
) -> bool:
    dialog = ResolveFrictionDialog(friction, workspace.today(), parent)
    resolution = answer(dialog, dialog.resolution)
    if resolution is None:
        return False
    command = ResolutionCommand(workspace, events, friction.id, resolution)
    return push_or_say(parent, stack, command, tr("The friction was not resolved"))


def reopen_friction(
    parent: QWidget,
    workspace: Workspace,
    events: AppEvents,
    stack: QUndoStack,
    friction: FrictionDetail,
) -> bool:
    command = ResolutionCommand(workspace, events, friction.id, Resolution(friction.recovery, None))
    return push_or_say(parent, stack, command, tr("The friction was not reopened"))
