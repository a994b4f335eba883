"""One intake question's fields: its words, how the client answers it, and the options of
a choice (typed one per line, or separated by commas)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget

from deliverydesk.model.rules.enums import QuestionKind
from deliverydesk.model.rules.offer_design import IntakeQuestion
from deliverydesk.model.rules.offer_rules import Problem
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.offers.field_form import FieldForm

KIND_WORDS = {
    QuestionKind.SHORT_TEXT: "Short text",
    QuestionKind.LONG_TEXT: "Long text",
    QuestionKind.CHOICE: "Choice",
    QuestionKind.DATE: "Date",
    QuestionKind.YES_NO: "Yes or no",
}
KIND_HINTS = {
    QuestionKind.SHORT_TEXT: "A one-line box: a name, a number, a few words.",
    QuestionKind.LONG_TEXT: "A box for a few paragraphs.",
    QuestionKind.CHOICE: "The client ticks one of the options below.",
    QuestionKind.DATE: "A box for a date.",
    QuestionKind.YES_NO: "The client ticks Yes or No.",
}
QUESTION_FIELDS = ("text", "kind", "choices")


def kind_label(kind: QuestionKind) -> str:
    return tr(KIND_WORDS[kind])


def answered_with(question: IntakeQuestion) -> str:
    """The table's second column: "Choice of 3", "Yes or no"."""
    if question.kind is QuestionKind.CHOICE:
        count = len(question.choices)
        if count == 0:
            return tr("Choice, no options yet")
        return tr("Choice of 1") if count == 1 else tr("Choice of {n}").format(n=count)
    return kind_label(question.kind)


def parse_choices(typed: str) -> tuple[str, ...]:
    """The options as typed: one per line, or (on one line) separated by commas; blank
    ones dropped, so a trailing comma or an empty line while typing adds nothing."""
    parts = typed.splitlines() if "\n" in typed.strip() else typed.split(",")
    return tuple(part.strip() for part in parts if part.strip())


class QuestionForm(FieldForm):
    """The selected question's fields; edits come out as `edited(field, value)` with the
    options already split into a tuple."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.add_section(tr("Question"))
        self.add_text("text", tr("&Question:"), tr("e.g. What made you decide to start now?"), 2)
        self.add_choice("kind", tr("&Answered with:"), QuestionKind, kind_label)
        self.kind_hint = QLabel()
        self.kind_hint.setWordWrap(True)
        self.kind_hint.setEnabled(False)  # muted: an explanation, not a value
        self.add_extra("kind", self.kind_hint)
        options = self.add_text(
            "choices", tr("&Options:"), tr("One per line, or separated by commas"), lines=5
        )
        options.textChanged.disconnect()  # sends the tuple instead of the text
        options.textChanged.connect(
            lambda: self.edited.emit("choices", parse_choices(options.toPlainText()))
        )

    @property
    def options(self) -> QPlainTextEdit:
        widget = self.fields["choices"]
        assert isinstance(widget, QPlainTextEdit)
        return widget

    def show_question(self, question: IntakeQuestion, problems: Sequence[Problem]) -> None:
        self.set_values({"text": question.text, "kind": question.kind})
        # The options field keeps what was typed ("a, b" or one per line) while it means
        # the same options; only a different set (an undo, another question) replaces it.
        if parse_choices(self.options.toPlainText()) != question.choices:
            blocked = self.options.blockSignals(True)
            self.options.setPlainText("\n".join(question.choices))
            self.options.blockSignals(blocked)
        choice = question.kind is QuestionKind.CHOICE
        box = self.options.parentWidget()
        if box is not None:
            self.form.setRowVisible(box, choice)
        self.kind_hint.setText(tr(KIND_HINTS[question.kind]))
        found: dict[str, list[Problem]] = {}
        for problem in problems:
            found.setdefault(str(problem.where[-1]), []).append(problem)
        self.set_problems(found)
