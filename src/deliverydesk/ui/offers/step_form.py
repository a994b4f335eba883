"""The side forms of the journey tree: every field of a selected phase or step."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QComboBox, QFrame, QLabel, QLineEdit, QWidget

from deliverydesk.model.rules.enums import Owner, StepKind
from deliverydesk.model.rules.offer_design import PhaseSpec, StepSpec
from deliverydesk.model.rules.offer_rules import (
    MAX_DAYS,
    MAX_EFFORT_MINUTES,
    PLACEHOLDERS,
    Problem,
)
from deliverydesk.model.rules.sessions import MAX_SESSION_MINUTES
from deliverydesk.ui.core import text
from deliverydesk.ui.core.item_values import current_enum
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.offers.field_form import FieldForm
from deliverydesk.ui.offers.money_fields import AmountEdit

# (template, step title, phase name) -> the message as the sample client reads it.
Preview = Callable[[str, str, str], str]

PHASE_FIELDS = ("name", "planned_days", "description")
STEP_FIELDS = tuple(f.name for f in fields(StepSpec) if f.name != "id")


def working_day_units() -> tuple[str, str]:
    return tr(" working day"), tr(" working days")


def placeholder_hint() -> str:
    return tr("You can use {names}.").format(
        names=", ".join("{" + name + "}" for name in PLACEHOLDERS)
    )


class PreviewBox(QLabel):
    """A message template as the sample client would read it; always plain text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMargin(self.fontMetrics().height() // 3)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAccessibleName(tr("Preview for a sample client"))
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)

    def show_message(self, message: str) -> None:
        self.setText(message or tr("(Nothing to preview yet.)"))


class PhaseForm(FieldForm):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.add_section(tr("Phase"))
        self.add_line("name", tr("&Name:"), tr("e.g. Onboarding"))
        self.add_number("planned_days", tr("&Planned length:"), 1, MAX_DAYS, working_day_units())
        self.add_text("description", tr("&Description:"), tr("What this phase is for"))
        self.steps = QLabel()
        self.steps.setWordWrap(True)
        self.form.addRow(self.steps)

    def show_phase(self, phase: PhaseSpec, problems: list[Problem]) -> None:
        self.set_values({name: getattr(phase, name) for name in PHASE_FIELDS})
        self.set_problems(_by_field(problems))
        count = len(phase.steps)
        self.steps.setText(
            tr("No steps yet: select the phase and press Add step.")
            if not count
            else tr("1 step.")
            if count == 1
            else tr("{n} steps.").format(n=count)
        )


class StepForm(FieldForm):
    def __init__(self, preview: Preview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._preview = preview
        self.add_section(tr("Step"))
        self.add_line("title", tr("&Title:"), tr("e.g. Kick-off session"))
        self.add_choice("kind", tr("&Kind:"), StepKind, text.kind_label)
        self.add_choice("owner", tr("&Who acts:"), Owner, text.owner_label)
        # What the client reads (a nudge, their documents); blank reads the kind's phrase,
        # shown as the placeholder and following the kind chosen.
        self.client_wording = self.add_line("client_wording", tr("Client wor&ding:"))
        self.client_wording.setToolTip(
            tr("The step as the client reads it in a nudge and in their documents")
        )
        kind = self.fields["kind"]
        assert isinstance(kind, QComboBox)
        title = self.fields["title"]
        assert isinstance(title, QLineEdit)
        kind.currentIndexChanged.connect(lambda _i: self._follow_kind())
        title.textChanged.connect(lambda _t: self._follow_kind())
        self.add_section(tr("Timing"))
        self.add_number("offset_days", tr("&Starts after:"), 0, MAX_DAYS, working_day_units())
        self.add_number("duration_days", tr("&Takes:"), 1, MAX_DAYS, working_day_units())
        minutes = (tr(" min"), tr(" min"))
        self.add_number("effort_minutes", tr("&Effort:"), 0, MAX_EFFORT_MINUTES, minutes, 15)
        self.session_length = self.add_number(
            "session_minutes", tr("Session le&ngth:"), 0, MAX_SESSION_MINUTES, minutes, 15
        )
        self.session_length.setSpecialValueText(tr("not said"))
        self.session_length.setToolTip(
            tr(
                "How long a session lasts: each client's session starts with it, and capacity "
                "counts it instead of the effort"
            )
        )
        # What an invoice step invoices, in the offer's currency: its part of the payment plan.
        self.amount = AmountEdit(tr("What this invoice is for, e.g. 600"))
        self._add("amount_minor", tr("Invoice &amount:"), self.amount)
        self.amount.problems = self.problem_labels["amount_minor"]
        self.amount.amount_edited.connect(lambda v: self.edited.emit("amount_minor", v))
        self.currency = ""  # the offer's, set by the journey editor before a step is shown
        self.add_section(tr("Marks"))
        self.add_check(
            "is_milestone", tr("&Milestone"), tr("A visible moment of progress to celebrate.")
        )
        self.add_check(
            "is_checkpoint",
            tr("&Checkpoint"),
            tr("Gates leaving the phase: the client moves on when it is done."),
        )
        self.add_check(
            "client_facing",
            tr("Client-&facing"),
            tr("The client sees this step in their checklist and reports."),
        )
        self.add_check(
            "is_touchpoint",
            tr("&Reassurance touchpoint"),
            tr("Tells the client where they are, with the message below."),
        )
        self.add_section(tr("Message"))
        self.add_text("message_template", tr("M&essage template:"), placeholder_hint(), lines=4)
        self.preview = PreviewBox()
        self.add_extra("message_template", self.preview)
        self.add_section(tr("When it goes wrong"))
        self.add_text(
            "failure_point", tr("Fa&ilure point:"), tr("What usually goes wrong at this step")
        )
        self.add_text(
            "recovery_protocol", tr("Rec&overy protocol:"), tr("What you do when it does")
        )
        self.add_section(tr("More"))
        self.add_line("resource_link", tr("Resource &link:"), tr("https://… or a file path"))
        self.add_text("description", tr("Descri&ption:"), tr("Notes for yourself"))

    def _follow_kind(self) -> None:
        """The placeholder: what the client reads while the wording is blank."""
        kind, title = self.fields["kind"], self.fields["title"]
        assert isinstance(kind, QComboBox) and isinstance(title, QLineEdit)
        chosen = current_enum(kind, StepKind)
        self.client_wording.setPlaceholderText(text.WORDS.client_step_default(chosen, title.text()))
        self.session_length.setEnabled(chosen is StepKind.SESSION)  # only a session has one
        self.amount.setEnabled(chosen is StepKind.INVOICE or self.amount.amount() is not None)

    def show_step(self, step: StepSpec, phase_name: str, problems: list[Problem]) -> None:
        self.set_values(
            {name: getattr(step, name) for name in STEP_FIELDS if name != "amount_minor"}
        )
        self.amount.show_amount(step.amount_minor, self.currency)
        self._follow_kind()  # the values were set with signals blocked
        self.set_problems(_by_field(problems))
        self.preview.show_message(self._preview(step.message_template, step.title, phase_name))


def _by_field(problems: list[Problem]) -> dict[str, list[Problem]]:
    found: dict[str, list[Problem]] = {}
    for problem in problems:
        found.setdefault(str(problem.where[-1]), []).append(problem)
    return found
