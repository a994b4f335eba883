"""The offer editor's Intake form tab, driven as a person writes the questions a new client
answers: added, worded, given a kind and options, reordered, removed, undone and saved;
a choice without options is marked beside its field and stops saving."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QPlainTextEdit
from pytestqt.qtbot import QtBot

from deliverydesk.model.rules.enums import QuestionKind
from deliverydesk.model.rules.offer_design import IntakeQuestion
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.main_window import MainWindow
from deliverydesk.ui.offers.intake_questions import IntakeQuestionsEditor
from deliverydesk.ui.offers.offer_editor import DETAILS, INTAKE, OfferEditor
from deliverydesk.ui.offers.question_form import parse_choices
from tests.gui.offers_support import new_own_practice, open_offers

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(qtbot: QtBot, empty_ws: Workspace, events: AppEvents) -> MainWindow:
    return open_offers(qtbot, new_own_practice(empty_ws), events)


@pytest.fixture
def editor(qtbot: QtBot, window: MainWindow) -> OfferEditor:
    """A new offer from scratch, on its Intake form tab."""
    qtbot.keyClick(window.offers, Qt.Key.Key_N, CTRL_SHIFT)
    editor = window.offers.editor
    editor.tabs.setCurrentIndex(INTAKE)
    return editor


def shown(intake: IntakeQuestionsEditor) -> list[tuple[str, str]]:
    """The list as a person reads it: each question and what it is answered with."""
    table = intake.table
    return [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())]


def add_question(qtbot: QtBot, intake: IntakeQuestionsEditor, words: str) -> None:
    """Insert in the list, then type over the new question's selected words."""
    intake.table.setFocus()
    qtbot.keyClick(intake.table, Qt.Key.Key_Insert)
    field = intake.form.fields["text"]
    assert field.hasFocus()
    qtbot.keyClicks(field, words)


def choose_kind(qtbot: QtBot, intake: IntakeQuestionsEditor, kind: QuestionKind) -> None:
    combo = intake.form.fields["kind"]
    assert isinstance(combo, QComboBox)
    combo.setFocus()
    while combo.currentData() != kind:  # as a person pages through with the arrow keys
        qtbot.keyClick(combo, Qt.Key.Key_Down)


def test_write_reorder_remove_and_save_intake_questions(
    qtbot: QtBot, editor: OfferEditor, empty_ws: Workspace
) -> None:
    intake = editor.intake
    assert intake.table.rowCount() == 0
    assert "No questions yet" in intake.hint.text()

    add_question(qtbot, intake, "What brings you here now?")
    choose_kind(qtbot, intake, QuestionKind.LONG_TEXT)
    add_question(qtbot, intake, "Hours a week for your part")
    choose_kind(qtbot, intake, QuestionKind.CHOICE)
    options = intake.form.options
    assert options.isVisible()
    qtbot.keyClicks(options, "1-2, 3-5, More")
    add_question(qtbot, intake, "Best start date")
    choose_kind(qtbot, intake, QuestionKind.DATE)
    assert not options.isVisible()  # options belong to a choice
    assert shown(intake) == [
        ("What brings you here now?", "Long text"),
        ("Hours a week for your part", "Choice of 3"),
        ("Best start date", "Date"),
    ]

    # Ask for the date first: Ctrl+Up twice in the list.
    intake.table.setFocus()
    qtbot.keyClick(intake.table, Qt.Key.Key_Up, CTRL)
    qtbot.keyClick(intake.table, Qt.Key.Key_Up, CTRL)
    assert [q for q, _ in shown(intake)] == [
        "Best start date",
        "What brings you here now?",
        "Hours a week for your part",
    ]
    assert intake.current_row() == 0
    assert not intake.up_action.isEnabled()

    # Remove the middle one, then change one's mind with the editor's Undo.
    intake.select_question(1)
    qtbot.keyClick(intake.table, Qt.Key.Key_Delete)
    assert [q for q, _ in shown(intake)] == ["Best start date", "Hours a week for your part"]
    assert editor.undo_action.text() == "Undo Remove intake question"
    editor.undo_action.trigger()
    assert len(shown(intake)) == 3
    editor.redo_action.trigger()
    assert len(shown(intake)) == 2

    qtbot.keyClick(intake.table, Qt.Key.Key_S, CTRL)
    assert not editor.draft.dirty
    assert editor.offer_id is not None
    saved = empty_ws.offers.offer_design(editor.offer_id).spec.intake_questions
    assert saved == (
        IntakeQuestion("Best start date", QuestionKind.DATE),
        IntakeQuestion("Hours a week for your part", QuestionKind.CHOICE, ("1-2", "3-5", "More")),
    )


def test_a_choice_without_options_is_marked_beside_the_field_and_stops_saving(
    qtbot: QtBot, editor: OfferEditor
) -> None:
    intake = editor.intake
    add_question(qtbot, intake, "Which package?")
    choose_kind(qtbot, intake, QuestionKind.CHOICE)
    below = intake.form.problem_labels["choices"]
    assert below.isVisible()
    assert "Question 1 is a choice: give it at least two answers" in below.message()
    assert not editor.save_button.isEnabled()
    assert "at least two answers" in intake.table.item(0, 0).toolTip()

    # The problem at the top of the editor leads back to the field.
    editor.tabs.setCurrentIndex(DETAILS)
    problems = editor.problems.list
    item = next(
        problems.item(i)
        for i in range(problems.count())
        if "two answers" in problems.item(i).text()
    )
    problems.itemClicked.emit(item)
    assert editor.tabs.currentIndex() == INTAKE
    assert intake.form.options.hasFocus()

    qtbot.keyClicks(intake.form.options, "Starter")
    qtbot.keyClick(intake.form.options, Qt.Key.Key_Return)  # one option per line
    qtbot.keyClicks(intake.form.options, "Full")
    assert not below.isVisible()
    assert editor.save_button.isEnabled()
    assert editor.draft.spec.intake_questions[0].choices == ("Starter", "Full")


def test_a_new_question_is_one_undo_step_and_typing_its_words_another(
    qtbot: QtBot, editor: OfferEditor
) -> None:
    intake = editor.intake
    add_question(qtbot, intake, "Your company's name")
    assert editor.undo_action.text() == "Undo Edit intake question"
    editor.undo_action.trigger()
    assert shown(intake) == [("New question", "Short text")]
    editor.undo_action.trigger()
    assert shown(intake) == []
    assert not editor.draft.dirty


def test_long_words_show_on_one_line_and_whole_in_the_form(
    qtbot: QtBot, editor: OfferEditor
) -> None:
    intake = editor.intake
    words = "<b>Anything</b> else?\nTell me " + "more " * 200
    add_question(qtbot, intake, "x")
    field = intake.form.fields["text"]
    assert isinstance(field, QPlainTextEdit)
    field.setPlainText(words)
    assert "\n" not in shown(intake)[0][0]
    assert shown(intake)[0][0].startswith("<b>Anything</b> else? Tell me")
    assert editor.draft.spec.intake_questions[0].text == words


@pytest.mark.parametrize(
    ("typed", "options"),
    [
        ("1-2, 3-5, More", ("1-2", "3-5", "More")),
        ("Morning\nAfternoon, or evening\n", ("Morning", "Afternoon, or evening")),
        ("Yes,", ("Yes",)),
        ("  \n ", ()),
    ],
)
def test_options_are_read_one_per_line_or_between_commas(
    typed: str, options: tuple[str, ...]
) -> None:
    assert parse_choices(typed) == options
