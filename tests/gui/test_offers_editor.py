"""The offer editor, driven as a person designs an offer: phases and steps added, named,
reordered by drag and drop and by keyboard, problems shown beside what they concern,
Save turned off while the design cannot be saved, a save making a revision, and undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
)
from pytestqt.qtbot import QtBot

from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.main_window import MainWindow
from deliverydesk.ui.offers.journey_tree_model import TITLE
from deliverydesk.ui.offers.offer_editor import DETAILS, JOURNEY, REVISIONS, OfferEditor
from tests.gui.offers_support import answer_next_question, new_own_practice, open_offers

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(qtbot: QtBot, empty_ws: Workspace, events: AppEvents) -> MainWindow:
    return open_offers(qtbot, new_own_practice(empty_ws), events)


@pytest.fixture
def editor(qtbot: QtBot, window: MainWindow) -> OfferEditor:
    """A new offer from scratch (Ctrl+Shift+N on the Offers screen), on its journey tab."""
    qtbot.keyClick(window.offers, Qt.Key.Key_N, CTRL_SHIFT)
    page = window.offers
    assert page.editing()
    page.editor.tabs.setCurrentIndex(JOURNEY)
    return page.editor


def tree_titles(editor: OfferEditor) -> list[object]:
    """The tree as a person reads it: phase names, each with its step titles."""
    model = editor.journey.model
    shown: list[object] = []
    for p in range(model.rowCount()):
        phase = model.index(p, TITLE)
        steps = [model.index(s, TITLE, phase).data() for s in range(model.rowCount(phase))]
        shown.append((phase.data(), steps))
    return shown


def type_into(qtbot: QtBot, widget: QLineEdit | QPlainTextEdit, words: str) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(widget, Qt.Key.Key_Backspace)
    if words:
        qtbot.keyClicks(widget, words)


def test_design_a_journey_from_scratch_and_save_it_as_revision_2(
    qtbot: QtBot, window: MainWindow, editor: OfferEditor, empty_ws: Workspace
) -> None:
    journey = editor.journey
    assert [name for name, _ in tree_titles(editor)] == ["Onboarding", "Delivery", "Offboarding"]
    assert not editor.save_button.isEnabled()  # nothing changed yet

    # Add a phase after Offboarding and name it: the new name is selected, ready to type over.
    journey.select((2,))
    qtbot.mouseClick(_button(journey, "Add phase"), Qt.MouseButton.LeftButton)
    name = journey.phase_form.fields["name"]
    assert name.hasFocus() and name.selectedText() == "New phase"
    qtbot.keyClicks(name, "Follow-up")
    assert tree_titles(editor)[3] == ("Follow-up", [])
    # A phase without steps: a mark on its row, the words beside it, and at the top.
    row = journey.model.index(3, TITLE)
    assert "has no steps yet" in row.data(Qt.ItemDataRole.ToolTipRole)
    assert row.data(Qt.ItemDataRole.DecorationRole) is not None
    assert "has no steps yet" in journey.phase_form.general.message()
    assert any("has no steps yet" in p.message for p in editor.problems.problems)
    assert editor.save_button.isEnabled()  # it stops enrolment, not saving

    # Two steps, added from the keyboard and named.
    qtbot.keyClick(name, Qt.Key.Key_N, CTRL_SHIFT)
    qtbot.keyClicks(journey.step_form.fields["title"], "Check-in call")
    qtbot.keyClick(journey.step_form.fields["title"], Qt.Key.Key_N, CTRL_SHIFT)
    qtbot.keyClicks(journey.step_form.fields["title"], "Testimonial request")
    assert tree_titles(editor)[3] == ("Follow-up", ["Check-in call", "Testimonial request"])
    assert not editor.problems.isVisible()  # the design is sound again

    # Drag "Testimonial request" above "Check-in call" (what the view's drop hands over).
    model = journey.model
    phase = model.index(3, TITLE)
    dragged = model.mimeData([model.index(1, TITLE, phase)])
    assert model.canDropMimeData(dragged, Qt.DropAction.MoveAction, 0, 0, phase)
    assert model.dropMimeData(dragged, Qt.DropAction.MoveAction, 0, 0, phase)
    assert tree_titles(editor)[3] == ("Follow-up", ["Testimonial request", "Check-in call"])
    assert journey.current_path() == (3, 0)

    # And back down with the keyboard; Ctrl+Z in the tree undoes that move only.
    journey.tree.setFocus()
    qtbot.keyClick(journey.tree, Qt.Key.Key_Down, CTRL)
    assert tree_titles(editor)[3] == ("Follow-up", ["Check-in call", "Testimonial request"])
    qtbot.keyClick(journey.tree, Qt.Key.Key_Z, CTRL)
    assert tree_titles(editor)[3] == ("Follow-up", ["Testimonial request", "Check-in call"])
    qtbot.keyClick(journey.tree, Qt.Key.Key_Z, CTRL_SHIFT)
    assert tree_titles(editor)[3] == ("Follow-up", ["Check-in call", "Testimonial request"])

    # Ctrl+S saves a new revision, undoable in the window.
    offer_id = editor.offer_id
    assert offer_id is not None
    qtbot.keyClick(journey.tree, Qt.Key.Key_S, CTRL)
    design = empty_ws.offers.offer_design(offer_id)
    assert design.revision == 2
    assert [p.name for p in design.spec.phases][-1] == "Follow-up"
    assert all(s.id is not None for p in editor.draft.spec.phases for s in p.steps)
    assert not editor.draft.dirty and "Saved" in editor.subtitle.text()
    assert "Revision 2" in editor.subtitle.text()
    editor.tabs.setCurrentIndex(REVISIONS)
    assert editor.revisions.table.rowCount() == 2
    assert editor.revisions.table.item(0, 0).text() == "2 (current)"

    # Nothing left to undo in the draft: Ctrl+Z in the tree undoes the save, in the window.
    editor.tabs.setCurrentIndex(JOURNEY)
    journey.tree.setFocus()
    qtbot.keyClick(journey.tree, Qt.Key.Key_Z, CTRL)
    assert [p.name for p in empty_ws.offers.offer_design(offer_id).spec.phases] == [
        "Onboarding",
        "Delivery",
        "Offboarding",
    ]
    assert [name for name, _ in tree_titles(editor)] == ["Onboarding", "Delivery", "Offboarding"]
    window.undo_stack.redo()
    assert tree_titles(editor)[3] == ("Follow-up", ["Check-in call", "Testimonial request"])


def test_a_problem_that_stops_saving_turns_save_off_and_says_why(
    qtbot: QtBot, editor: OfferEditor
) -> None:
    journey = editor.journey
    journey.select((0, 0))
    title = journey.step_form.fields["title"]
    assert isinstance(title, QLineEdit)
    type_into(qtbot, title, "")
    below = journey.step_form.problem_labels["title"]
    assert below.isVisible() and "needs a title" in below.message()
    assert not editor.save_button.isEnabled()
    assert editor.save_reason.text().startswith("Cannot save yet: ")
    assert "needs a title" in editor.save_reason.text()
    assert "needs a title" in journey.model.index_of((0, 0)).data(Qt.ItemDataRole.ToolTipRole)
    qtbot.keyClick(title, Qt.Key.Key_S, CTRL)  # refused while it cannot be saved
    assert editor.draft.dirty

    qtbot.keyClicks(title, "Welcome video call")
    assert not below.isVisible()
    assert editor.save_button.isEnabled() and editor.save_reason.text() == ""


def test_each_kind_of_problem_is_written_beside_its_field(
    qtbot: QtBot, editor: OfferEditor
) -> None:
    journey, form = editor.journey, editor.journey.step_form
    journey.select((1, 0))
    checkpoint, facing = form.fields["is_checkpoint"], form.fields["client_facing"]
    assert isinstance(checkpoint, QCheckBox) and isinstance(facing, QCheckBox)
    for box in (checkpoint, facing):
        box.setFocus()
        qtbot.keyClick(box, Qt.Key.Key_Space)
    assert checkpoint.isChecked() and not facing.isChecked()
    assert "the client cannot see" in form.problem_labels["is_checkpoint"].message()

    template = form.fields["message_template"]
    assert isinstance(template, QPlainTextEdit)
    type_into(qtbot, template, "Hi {client_first_name}, see you {Due date}")
    assert "{Due date}" in form.problem_labels["message_template"].message()
    assert form.preview.text().startswith("Hi Alex, see you {Due date}")  # a live preview

    duration = form.fields["duration_days"]
    duration.setFocus()
    qtbot.keyClick(duration, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(duration, "30")
    assert "past the 20 working days" in form.problem_labels["duration_days"].message()
    assert editor.save_button.isEnabled()  # these stop enrolment, not saving
    assert "cannot be used to enrol" in editor.problems.headline.text()

    # Clicking a problem at the top goes to what it concerns.
    editor.tabs.setCurrentIndex(DETAILS)
    item = next(
        editor.problems.list.item(i)
        for i in range(editor.problems.list.count())
        if "cannot see" in editor.problems.list.item(i).text()
    )
    editor.problems.list.itemClicked.emit(item)
    assert editor.tabs.currentIndex() == JOURNEY
    assert journey.current_path() == (1, 0)
    assert checkpoint.hasFocus()


def test_typing_in_a_field_is_one_undo_step(qtbot: QtBot, editor: OfferEditor) -> None:
    editor.tabs.setCurrentIndex(DETAILS)
    name = editor.details.fields["name"]
    assert isinstance(name, QLineEdit)
    name.setFocus()
    name.end(False)
    qtbot.keyClicks(name, " for founders")
    assert editor.title.full_text() == "New offer for founders"
    assert editor.undo_action.text() == "Undo Edit the offer"
    editor.undo_action.trigger()
    assert name.text() == "New offer" and not editor.draft.dirty


def test_leaving_with_unsaved_changes_asks(
    qtbot: QtBot, window: MainWindow, editor: OfferEditor, empty_ws: Workspace
) -> None:
    page = window.offers
    editor.journey.select((0,))
    editor.journey.tree.setFocus()
    answer_next_question(QMessageBox.StandardButton.Yes, [])  # its step goes with it
    qtbot.keyClick(editor.journey.tree, Qt.Key.Key_Delete)
    assert [name for name, _ in tree_titles(editor)] == ["Delivery", "Offboarding"]
    seen: list[str] = []

    answer_next_question(QMessageBox.StandardButton.Cancel, seen)
    qtbot.mouseClick(editor.back_button, Qt.MouseButton.LeftButton)
    assert page.editing() and editor.draft.dirty
    assert seen == ["Save your changes to New offer?"]

    answer_next_question(QMessageBox.StandardButton.Discard, seen)
    qtbot.keyClick(editor.journey.tree, Qt.Key.Key_Escape)
    assert not page.editing()
    offer_id = page.current_row().id
    assert len(empty_ws.offers.offer_design(offer_id).spec.phases) == 3  # nothing was saved

    window.activateWindow()  # as the system does when a dialog closes
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    page.open_current()
    editor.tabs.setCurrentIndex(JOURNEY)
    editor.journey.select((0,))
    editor.journey.tree.setFocus()
    answer_next_question(QMessageBox.StandardButton.Yes, [])  # its step goes with it
    qtbot.keyClick(editor.journey.tree, Qt.Key.Key_Delete)
    answer_next_question(QMessageBox.StandardButton.Save, seen)
    qtbot.keyClick(editor.journey.tree, Qt.Key.Key_Escape)
    assert not page.editing()
    assert len(empty_ws.offers.offer_design(offer_id).spec.phases) == 2
    assert page.current_row().revision == 2


def test_enrol_is_offered_only_for_a_sound_offer(qtbot: QtBot, editor: OfferEditor) -> None:
    asked: list[int] = []
    editor.enrol_requested.connect(asked.append)
    assert editor.enrol_button.isEnabled()
    qtbot.mouseClick(editor.enrol_button, Qt.MouseButton.LeftButton)
    assert asked == [editor.offer_id]

    # Saved with a phase that has no steps: it cannot enrol, and says why.
    journey = editor.journey
    journey.select((2,))
    journey.add_phase()
    assert editor.save()
    assert not editor.enrol_button.isEnabled()
    assert "cannot be used to enrol" in editor.enrol_button.toolTip()


def test_a_step_dropped_on_another_phase_moves_there(editor: OfferEditor) -> None:
    model = editor.journey.model
    onboarding, offboarding = model.index(0, TITLE), model.index(2, TITLE)
    dragged = model.mimeData([model.index(0, TITLE, onboarding)])
    # Steps go into phases; a step cannot become a phase.
    assert not model.canDropMimeData(dragged, Qt.DropAction.MoveAction, 1, 0, QModelIndex())
    assert model.dropMimeData(dragged, Qt.DropAction.MoveAction, -1, 0, offboarding)
    assert tree_titles(editor) == [
        ("Onboarding", []),
        ("Delivery", ["Working session"]),
        ("Offboarding", ["Closing review", "Welcome call"]),
    ]
    # A phase dragged to the top.
    dragged = model.mimeData([model.index(2, TITLE)])
    assert model.dropMimeData(dragged, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert [name for name, _ in tree_titles(editor)] == ["Offboarding", "Onboarding", "Delivery"]
    editor.draft.stack.undo()
    editor.draft.stack.undo()
    assert tree_titles(editor)[0] == ("Onboarding", ["Welcome call"])


def _button(widget: object, text: str) -> object:
    from PySide6.QtWidgets import QToolButton, QWidget

    assert isinstance(widget, QWidget)
    return next(b for b in widget.findChildren(QToolButton) if b.text() == text)


def test_renaming_in_the_tree_is_one_undoable_edit(editor: OfferEditor) -> None:
    model = editor.journey.model
    step = model.index_of((1, 0))
    assert step.flags() & Qt.ItemFlag.ItemIsEditable  # F2 or a second click edits it
    assert model.setData(step, "Deep-dive session")  # what the inline editor commits
    assert tree_titles(editor)[1] == ("Delivery", ["Deep-dive session"])
    assert editor.journey.step_form.fields["title"].text() == "Deep-dive session"
    assert editor.undo_action.text() == "Undo Rename step"
    editor.undo_action.trigger()
    assert tree_titles(editor)[1] == ("Delivery", ["Working session"])


def test_the_screen_passes_on_enrol_requests(qtbot: QtBot, window: MainWindow) -> None:
    asked: list[int] = []
    window.offers.enrol_requested.connect(asked.append)
    window.offers.new_offer()
    qtbot.mouseClick(window.offers.editor.enrol_button, Qt.MouseButton.LeftButton)
    assert asked == [window.offers.editor.offer_id]


def test_every_control_of_the_editor_is_named(editor: OfferEditor) -> None:
    for tab in range(editor.tabs.count()):
        editor.tabs.setCurrentIndex(tab)
        for control in [
            *editor.findChildren(QLineEdit),
            *editor.findChildren(QPlainTextEdit),
            *editor.findChildren(QAbstractItemView),
        ]:
            inside_spin_box = isinstance(control.parent(), QAbstractSpinBox)
            if control.isVisible() and not inside_spin_box:
                assert control.accessibleName(), type(control).__name__
        buttons = [b for b in editor.findChildren(QAbstractButton) if b.isVisible()]
        assert all(b.text() or b.accessibleName() or b.toolTip() for b in buttons)


def test_closing_the_window_asks_about_an_unsaved_design(
    qtbot: QtBot, window: MainWindow, editor: OfferEditor, empty_ws: Workspace
) -> None:
    editor.journey.select((0,))
    editor.journey.tree.setFocus()
    answer_next_question(QMessageBox.StandardButton.Yes, [])  # its step goes with it
    qtbot.keyClick(editor.journey.tree, Qt.Key.Key_Delete)
    seen: list[str] = []

    answer_next_question(QMessageBox.StandardButton.Cancel, seen)
    assert not window.close()  # Cancel: the window stays, the change with it
    assert seen == ["Save your changes to New offer?"]
    assert window.isVisible() and editor.draft.dirty

    answer_next_question(QMessageBox.StandardButton.Save, seen)
    assert window.close()
    offer_id = editor.offer_id
    assert offer_id is not None
    assert len(empty_ws.offers.offer_design(offer_id).spec.phases) == 2
