"""The offer editor's "Intake form" tab: the questions a new client answers on the fillable
PDF, listed on the left (add, remove, reorder) with the selected one's fields on the right.

Every change is a draft edit (one undoable step; typing in one field merges into one),
and problems (model/rules/offer_rules.py, `where` = ("question", row, field)) show beside the
field and on the question's row.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.model.rules.enums import QuestionKind
from deliverydesk.model.rules.offer_design import IntakeQuestion
from deliverydesk.model.rules.offer_rules import Problem
from deliverydesk.ui.core.item_values import enum_data
from deliverydesk.ui.core.text import literal_rich_text, problem_words, tr
from deliverydesk.ui.offers.list_actions import list_action, tool_row
from deliverydesk.ui.offers.offer_draft import OfferDraft
from deliverydesk.ui.offers.problem_marks import ProblemLabel, fields_of, problem_icon, rows_of
from deliverydesk.ui.offers.question_form import QuestionForm, answered_with

QUESTION, KIND = range(2)
HINT, FORM = range(2)


class IntakeQuestionsEditor(QWidget):
    def __init__(self, draft: OfferDraft, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draft = draft
        self.questions: tuple[IntakeQuestion, ...] = ()
        self._marks: dict[int, list[Problem]] | None = None
        self._generation = 0  # a new selection starts a new undo step for typing
        intro = QLabel(
            tr(
                "The questions a new client answers before you start. Each client's intake "
                "form is a PDF they fill in with any PDF reader and send back; "
                "File\u00a0→\u00a0Import\u00a0filled\u00a0form… puts their answers on their record."
            )
        )
        intro.setWordWrap(True)
        self.table = self._build_table()
        self.general = ProblemLabel()  # "at most 100 intake questions"
        self.form = QuestionForm()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.forms = QStackedWidget()
        self.forms.addWidget(self.hint)
        self.forms.addWidget(self.form)
        side = QScrollArea()
        side.setWidgetResizable(True)
        side.setFrameShape(QScrollArea.Shape.NoFrame)
        side.setWidget(self.forms)
        side.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 22)

        self._build_actions()
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        # The buttons are the list's context menu, in the same order.
        column.addLayout(tool_row(self.table.actions()))
        column.addWidget(self.table, 1)
        column.addWidget(self.general)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        self.setFocusProxy(self.table)

        self.table.currentCellChanged.connect(lambda *_: self._selection_moved())
        self.table.activated.connect(lambda _index: self.focus_field("text"))
        self.form.edited.connect(self._field_edited)
        draft.changed.connect(lambda _select: self.show_design())
        self.show_design()

    def _build_table(self) -> QTableWidget:
        table = QTableWidget(0, 2)
        table.setAccessibleName(tr("Intake questions"))
        table.setHorizontalHeaderLabels([tr("Question"), tr("Answered with")])
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setAccessibleName(tr("Intake question columns"))
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QUESTION, QHeaderView.ResizeMode.Stretch)
        # Wide enough for its header and "Choice of 12", whatever the language.
        widest = max(
            tr("Answered with"),
            answered_with(IntakeQuestion("", QuestionKind.CHOICE, ("",) * 12)),
            key=len,
        )
        header.resizeSection(KIND, self.fontMetrics().horizontalAdvance(widest + "MM"))
        return table

    def _build_actions(self) -> None:
        self.add_action = list_action(
            self,
            tr("Add question"),
            "Insert",
            self.add_question,
            tr("Add a question after this one"),
        )
        self.add_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.add_action)
        self.remove_action = list_action(
            self, tr("Remove"), "Delete", self.remove_question, tr("Remove the selected question")
        )
        self.up_action = list_action(
            self, tr("Move up"), "Ctrl+Up", lambda: self.move_question(-1), tr("Ask it earlier")
        )
        self.down_action = list_action(
            self, tr("Move down"), "Ctrl+Down", lambda: self.move_question(1), tr("Ask it later")
        )
        # They act on the selected row, so only while the list has the focus (in a text
        # field, Delete and Ctrl+Up/Down keep their usual meaning).
        for made in (self.remove_action, self.up_action, self.down_action):
            made.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.table.addAction(made)
        self.table.insertAction(self.remove_action, self.add_action)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    # -- showing -----------------------------------------------------------------------------
    def current_row(self) -> int:
        row = self.table.currentRow()
        return row if 0 <= row < len(self.questions) else -1

    def show_design(self) -> None:
        """Show the draft's questions; cheap when they did not change (typing elsewhere)."""
        state = self.draft.state
        questions = state.spec.intake_questions
        marks = {row: found for row, found in rows_of(state.problems, "question").items()}
        if questions == self.questions and marks == self._marks:
            return
        if questions != self.questions:
            self._fill(questions)
        if marks != self._marks:
            self._marks = marks
            self._mark(marks)
            self.general.set_problems(
                fields_of(state.problems, "offer").get("intake_questions", [])
            )
        self._show_form()

    def _fill(self, questions: tuple[IntakeQuestion, ...]) -> None:
        self.questions = questions
        current = self.table.currentRow()
        blocked = self.table.blockSignals(True)
        try:
            self.table.setRowCount(len(questions))
            for row, question in enumerate(questions):
                for column, words in ((QUESTION, question.text), (KIND, answered_with(question))):
                    item = self.table.item(row, column)
                    if item is None:
                        item = QTableWidgetItem()
                        self.table.setItem(row, column, item)
                    # One line in the list; the whole question is in the form and tooltip.
                    item.setText(" ".join(words.split()) if column == QUESTION else words)
            if questions:
                self.table.setCurrentCell(min(max(current, 0), len(questions) - 1), 0)
        finally:
            self.table.blockSignals(blocked)
        self._marks = None  # the rows moved: mark them again

    def _mark(self, marks: dict[int, list[Problem]]) -> None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, QUESTION)
            if item is None:
                continue
            found = marks.get(row, [])
            item.setIcon(problem_icon(found, self.palette()) if found else QIcon())
            item.setToolTip(literal_rich_text([item.text(), *(problem_words(p) for p in found)]))

    def _selection_moved(self) -> None:
        self._generation += 1
        self._show_form()

    def _show_form(self) -> None:
        row = self.current_row()
        if row < 0:
            self.hint.setText(
                tr(
                    "No questions yet. Add the ones you ask every new client: their goals, "
                    "their company, a start date. The intake form prints them as boxes "
                    "to fill in."
                )
                if not self.questions
                else tr("Select a question to edit it.")
            )
            self.forms.setCurrentIndex(HINT)
        else:
            problems = self._marks.get(row, []) if self._marks else []
            self.form.show_question(self.questions[row], problems)
            self.forms.setCurrentIndex(FORM)
        self._update_actions()

    def _update_actions(self) -> None:
        row, count = self.current_row(), len(self.questions)
        self.remove_action.setEnabled(row >= 0)
        self.up_action.setEnabled(row > 0)
        self.down_action.setEnabled(0 <= row < count - 1)

    def select_question(self, row: int) -> None:
        if 0 <= row < self.table.rowCount():
            self.table.setCurrentCell(row, QUESTION)

    def focus_field(self, field: str = "") -> None:
        """Put the cursor in one of the selected question's fields (or the list)."""
        if not (field and self.current_row() >= 0 and self.form.focus_field(field)):
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_question(self, row: int, field: str = "") -> None:
        """Select question `row` and put the cursor in `field` (a problem was picked)."""
        self.select_question(row)
        self.focus_field(field)

    # -- edits -------------------------------------------------------------------------------
    def _edit(self, questions: list[IntakeQuestion], words: str, select: int) -> None:
        spec = replace(self.draft.spec, intake_questions=tuple(questions))
        self.draft.edit(spec, words)
        self.select_question(select)

    def add_question(self) -> None:
        questions = list(self.questions)
        at = self.current_row() + 1 if self.current_row() >= 0 else len(questions)
        questions.insert(at, IntakeQuestion(tr("New question")))
        self._edit(questions, tr("Add intake question"), at)
        self.form.focus_field("text")
        widget = self.form.fields["text"]
        select_all = getattr(widget, "selectAll", None)
        if select_all is not None:
            select_all()  # the new question's words, ready to be typed over

    def remove_question(self) -> None:
        row = self.current_row()
        if row < 0:
            return
        questions = list(self.questions)
        del questions[row]
        self._edit(questions, tr("Remove intake question"), min(row, len(questions) - 1))

    def move_question(self, delta: int) -> None:
        row = self.current_row()
        target = row + delta
        if row < 0 or not 0 <= target < len(self.questions):
            return
        questions = list(self.questions)
        questions[row], questions[target] = questions[target], questions[row]
        self._edit(questions, tr("Move intake question"), target)

    def _field_edited(self, field: str, value: object) -> None:
        row = self.current_row()
        if row < 0:
            return
        question = self.questions[row]
        if field == "kind":
            kind = enum_data(QuestionKind, value)
            # Options belong to a choice; Ctrl+Z brings them back after a change of mind.
            choices = question.choices if kind is QuestionKind.CHOICE else ()
            question = replace(question, kind=kind, choices=choices)
        elif field == "choices" and isinstance(value, tuple):
            question = replace(question, choices=value)
        elif field == "text":
            question = replace(question, text=str(value))
        questions = list(self.questions)
        questions[row] = question
        spec = replace(self.draft.spec, intake_questions=tuple(questions))
        merge = ("question", row, field, self._generation)
        self.draft.edit(spec, tr("Edit intake question"), merge=merge)
