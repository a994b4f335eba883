"""The client page is editable: tick steps, pick done and due dates, add notes; every change
undoes exactly, and a change the services refuse is explained and changes nothing."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QMenu,
    QMessageBox,
    QStyle,
    QStyleOptionViewItem,
    QTreeWidgetItem,
    QWidget,
)
from pytestqt.qtbot import QtBot

from deliverydesk.model.rules.enums import JourneyStatus, StepKind
from deliverydesk.services.clients.clients import ClientInput, add_client, enrol_client
from deliverydesk.services.context import Context
from deliverydesk.services.journeys import journeys, reschedule
from deliverydesk.services.journeys.detail import JourneyDetail, StepDetail, journey_detail
from deliverydesk.services.views.queries import client_rows
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.clients.checklist import DUE, STEP, literal_rich_text
from deliverydesk.ui.clients.client_page import ClientPage
from deliverydesk.ui.clients.clients_page import ClientsPage
from deliverydesk.ui.core import text
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.main_window import MainWindow
from deliverydesk.ui.widgets.step_dialogs import StepDateDialog, done_on_dialog
from tests.conftest import TODAY


# -- helpers ---------------------------------------------------------------------------------
def steps(detail: JourneyDetail) -> list[StepDetail]:
    return [s for p in detail.phases for s in p.steps]


def stored(ctx: Context, journey_id: int, step_id: int) -> StepDetail:
    return next(s for s in steps(journey_detail(ctx, journey_id)) if s.id == step_id)


def late_active_journey(ctx: Context) -> int:
    """An active journey with done steps, open steps and at least one overdue step."""
    for row in client_rows(ctx):
        if row.status is JourneyStatus.ACTIVE and row.journey_id is not None:
            all_steps = steps(journey_detail(ctx, row.journey_id))
            done = [s for s in all_steps if s.completed_on and s.completed_on < TODAY]
            late = [s for s in all_steps if s.completed_on is None and s.due_on < TODAY]
            if done and late:
                return row.journey_id
    raise AssertionError("the demo has an active journey with a late step")


def first_open(page: ClientPage) -> StepDetail:
    assert page.detail is not None
    return next(s for s in steps(page.detail) if s.completed_on is None)


def first_done(page: ClientPage) -> StepDetail:
    assert page.detail is not None
    return next(s for s in steps(page.detail) if s.completed_on and s.completed_on < TODAY)


def click_check_box(qtbot: QtBot, page: ClientPage, step_id: int) -> None:
    view = page.checklist
    item = view.step_item(step_id)
    assert item is not None
    view.scrollToItem(item)
    index = view.indexFromItem(item)
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = view.visualRect(index)
    view.itemDelegate().initStyleOption(option, index)
    box = view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, view)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=box.center())


def choose_date(monkeypatch: pytest.MonkeyPatch, day: date | None) -> list[StepDateDialog]:
    """Answer the next date dialogs with `day` (None: Cancel); returns the dialogs shown."""
    shown: list[StepDateDialog] = []

    def exec_(dialog: StepDateDialog) -> int:
        shown.append(dialog)
        if day is None:
            return QDialog.DialogCode.Rejected.value
        dialog.date_edit.setDate(day)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(StepDateDialog, "exec", exec_)
    return shown


def capture_warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []

    def warning(_parent: object, title: str, message: str, *_args: object) -> int:
        said.append(f"{title}: {message}")
        return QMessageBox.StandardButton.Ok.value

    monkeypatch.setattr(QMessageBox, "warning", warning)
    return said


def show_active(qtbot: QtBot, window: QWidget) -> None:
    """Show a window and make it the active one, as a person's click would: shortcuts only
    reach the active window."""
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)


def shown_notes(page: ClientPage) -> list[str]:
    return [page.notes.item(i).text() for i in range(page.notes.count())]


# -- fixtures --------------------------------------------------------------------------------
@pytest.fixture
def clients(demo_ws: Workspace, qtbot: QtBot, demo_ctx: Context, events: AppEvents) -> ClientsPage:
    widget = ClientsPage(demo_ws, events, QUndoStack())
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    widget.open_journey(late_active_journey(demo_ctx))
    return widget


@pytest.fixture
def page(clients: ClientsPage) -> ClientPage:
    return clients.client_page


# -- ticking steps ---------------------------------------------------------------------------
def test_clicking_a_step_box_marks_it_done_today_and_undo_reopens_it_exactly(
    qtbot: QtBot, clients: ClientsPage, page: ClientPage, demo_ctx: Context
) -> None:
    journey_id = page.journey_id
    assert journey_id is not None
    step = first_open(page)
    before = journey_detail(demo_ctx, journey_id)
    row_before = next(r for r in clients.model._rows if r.journey_id == journey_id)

    click_check_box(qtbot, page, step.id)
    qtbot.waitUntil(lambda: page.undo_stack.count() == 1, timeout=2000)

    assert stored(demo_ctx, journey_id, step.id).completed_on == TODAY
    assert journey_detail(demo_ctx, journey_id).steps_done == before.steps_done + 1
    item = page.checklist.step_item(step.id)
    assert item is not None and item.checkState(STEP) == Qt.CheckState.Checked
    assert f"{before.steps_done + 1} of {before.steps_total}" in page.progress_label.text()
    # The hidden list only noted the change; back on it, the row shows the new count.
    assert page.undo_stack.undoText() == f"Mark '{step.title}' done"
    clients.show_list()
    row = next(r for r in clients.model._rows if r.journey_id == journey_id)
    assert row.steps_done == row_before.steps_done + 1
    clients.open_journey(journey_id)

    page.undo_stack.undo()
    assert stored(demo_ctx, journey_id, step.id).completed_on is None
    assert journey_detail(demo_ctx, journey_id).steps_done == before.steps_done
    item = page.checklist.step_item(step.id)
    assert item is not None and item.checkState(STEP) == Qt.CheckState.Unchecked
    assert f"{before.steps_done} of {before.steps_total}" in page.progress_label.text()

    page.undo_stack.redo()
    assert stored(demo_ctx, journey_id, step.id).completed_on == TODAY


def test_space_ticks_the_selected_step_and_ticks_it_back(
    qtbot: QtBot, page: ClientPage, demo_ctx: Context
) -> None:
    journey_id = page.journey_id
    assert journey_id is not None
    step = first_open(page)
    page.checklist.select_step(step.id)
    page.checklist.setFocus()
    qtbot.keyClick(page.checklist, Qt.Key.Key_Space)
    assert stored(demo_ctx, journey_id, step.id).completed_on == TODAY
    assert page.toggle_action.text() == "Open again"
    qtbot.keyClick(page.checklist, Qt.Key.Key_Space)
    assert stored(demo_ctx, journey_id, step.id).completed_on is None
    assert page.undo_stack.count() == 2
    assert page.toggle_action.text() == "Mark done"


def test_ctrl_z_and_ctrl_shift_z_in_the_window_undo_and_redo_a_tick(
    demo_ws: Workspace, qtbot: QtBot, demo_ctx: Context, events: AppEvents
) -> None:
    window = MainWindow(demo_ws, events)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    journey_id = late_active_journey(demo_ctx)
    window.show_screen("clients")
    window.clients.open_journey(journey_id)
    page = window.clients.client_page
    step = first_open(page)
    page.toggle_step(step.id)
    assert stored(demo_ctx, journey_id, step.id).completed_on == TODAY
    assert window.undo_action.isEnabled()
    assert window.undo_action.text() == f"&Undo Mark '{step.title}' done"

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(demo_ctx, journey_id, step.id).completed_on is None
    qtbot.keyClick(
        window,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert stored(demo_ctx, journey_id, step.id).completed_on == TODAY
    window.undo_action.trigger()  # Edit ▸ Undo
    assert stored(demo_ctx, journey_id, step.id).completed_on is None


def test_unticking_a_done_step_and_undoing_restores_its_original_date(
    page: ClientPage, demo_ctx: Context
) -> None:
    journey_id = page.journey_id
    assert journey_id is not None
    step = first_done(page)
    original = step.completed_on
    assert original is not None and original != TODAY

    page.toggle_step(step.id)
    assert stored(demo_ctx, journey_id, step.id).completed_on is None
    item = page.checklist.step_item(step.id)
    assert item is not None and item.text(3) == ""
    assert page.undo_stack.undoText() == f"Reopen '{step.title}'"

    page.undo_stack.undo()
    assert stored(demo_ctx, journey_id, step.id).completed_on == original
    item = page.checklist.step_item(step.id)
    assert item is not None and item.checkState(STEP) == Qt.CheckState.Checked
    assert item.text(3) != ""


def test_a_completed_journey_can_still_be_ticked(
    demo_ws: Workspace, qtbot: QtBot, demo_ctx: Context, events: AppEvents
) -> None:
    completed = next(r for r in client_rows(demo_ctx) if r.status is JourneyStatus.COMPLETED)
    assert completed.journey_id is not None
    page = ClientPage(demo_ws, events, QUndoStack())
    qtbot.addWidget(page)
    page.show_journey(completed.journey_id)
    step = steps(journey_detail(demo_ctx, completed.journey_id))[-1]
    assert step.completed_on is not None
    page.toggle_step(step.id)
    assert stored(demo_ctx, completed.journey_id, step.id).completed_on is None
    page.undo_stack.undo()
    assert stored(demo_ctx, completed.journey_id, step.id).completed_on == step.completed_on


# -- dates -----------------------------------------------------------------------------------
def test_mark_done_on_a_chosen_past_date_with_ctrl_d(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    clients: ClientsPage,
    page: ClientPage,
    demo_ctx: Context,
) -> None:
    journey_id = page.journey_id
    assert journey_id is not None
    step = first_open(page)
    page.checklist.select_step(step.id)
    day = TODAY - timedelta(days=3)
    shown = choose_date(monkeypatch, day)
    show_active(qtbot, clients)
    page.checklist.setFocus()
    qtbot.keyClick(page.checklist, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)

    assert len(shown) == 1 and shown[0].windowTitle() == "Mark done on a date"
    assert stored(demo_ctx, journey_id, step.id).completed_on == day
    item = page.checklist.step_item(step.id)
    assert item is not None and item.checkState(STEP) == Qt.CheckState.Checked
    page.undo_stack.undo()
    assert stored(demo_ctx, journey_id, step.id).completed_on is None


def test_cancelling_a_date_dialog_changes_nothing(
    monkeypatch: pytest.MonkeyPatch, page: ClientPage, demo_ctx: Context
) -> None:
    journey_id = page.journey_id
    assert journey_id is not None
    step = first_open(page)
    page.checklist.select_step(step.id)
    choose_date(monkeypatch, None)
    page.done_on_action.trigger()
    page.due_action.trigger()
    assert page.undo_stack.count() == 0
    assert stored(demo_ctx, journey_id, step.id) == step


def test_the_done_on_dialog_defaults_to_today_refuses_the_future_and_escape_cancels(
    qtbot: QtBot, page: ClientPage
) -> None:
    dialog = done_on_dialog(first_open(page), TODAY, page)
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    assert dialog.date() == TODAY
    assert dialog.field_label.buddy() is dialog.date_edit
    assert dialog.field_label.text() == "&Done on:"
    assert dialog.date_edit.calendarPopup()
    dialog.date_edit.setDate(TODAY + timedelta(days=5))
    assert dialog.date() == TODAY  # no date in the future
    with qtbot.waitSignal(dialog.rejected, timeout=2000):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)


def test_changing_a_due_date_with_ctrl_e_and_undoing_restores_the_old_date(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    clients: ClientsPage,
    page: ClientPage,
    demo_ctx: Context,
) -> None:
    journey_id = page.journey_id
    assert journey_id is not None
    step = first_open(page)
    new_due = step.due_on + timedelta(days=7)
    page.checklist.select_step(step.id)
    shown = choose_date(monkeypatch, new_due)
    show_active(qtbot, clients)
    page.checklist.setFocus()
    qtbot.keyClick(page.checklist, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)

    assert shown[0].windowTitle() == "Change due date"
    assert stored(demo_ctx, journey_id, step.id).due_on == new_due
    item = page.checklist.step_item(step.id)
    assert item is not None and item.text(DUE).startswith(
        text.short_date(new_due, TODAY, relative=False)
    )
    # The activity log words the new date as every other screen does, not as stored.
    logged = page.activity.item(0).text()
    assert logged.endswith(f"to {text.long_date(new_due)}") and new_due.isoformat() not in logged
    assert page.undo_stack.undoText() == f"Change the due date of '{step.title}'"

    page.undo_stack.undo()
    assert stored(demo_ctx, journey_id, step.id).due_on == step.due_on
    page.undo_stack.redo()
    assert stored(demo_ctx, journey_id, step.id).due_on == new_due


def test_the_due_date_dialog_offers_no_day_before_the_step_starts(
    monkeypatch: pytest.MonkeyPatch, page: ClientPage, demo_ctx: Context
) -> None:
    """The dialog's earliest day is the service's (issue 8, bug 5): a day before the step
    starts cannot be picked, so it is never refused after OK."""
    journey_id = page.journey_id
    assert journey_id is not None
    step = first_open(page)
    page.checklist.select_step(step.id)
    said = capture_warnings(monkeypatch)
    shown = choose_date(monkeypatch, step.start_on - timedelta(days=1))
    page.due_action.trigger()

    assert shown[0].date_edit.minimumDate().toPython() == step.start_on
    assert not said
    assert stored(demo_ctx, journey_id, step.id).due_on == step.start_on


def test_a_due_date_refused_after_all_says_why_in_words_and_changes_nothing(
    monkeypatch: pytest.MonkeyPatch, page: ClientPage, demo_ctx: Context
) -> None:
    """Another window moved the step's start later meanwhile: the service refuses the date
    the dialog allowed, and says so with a date in words, not "2026-11-25"."""
    journey_id = page.journey_id
    assert journey_id is not None
    detail = page.detail
    assert detail is not None
    phase = next(p for p in detail.phases if sum(s.completed_on is None for s in p.steps) >= 2)
    first, later = [s for s in phase.steps if s.completed_on is None][:2]
    shifted = reschedule.reschedule_step(
        demo_ctx, first.id, first.due_on + timedelta(days=14), shift_rest=True
    )  # this page is not told
    moved = stored(demo_ctx, journey_id, later.id)
    assert moved.start_on > later.start_on and shifted.changes
    before = journey_detail(demo_ctx, journey_id)
    page.checklist.select_step(later.id)
    said = capture_warnings(monkeypatch)
    choose_date(monkeypatch, later.start_on)
    page.due_action.trigger()

    assert len(said) == 1 and "cannot be due before it starts" in said[0]
    assert text.long_date(moved.start_on) in said[0]
    assert moved.start_on.isoformat() not in said[0]
    assert page.undo_stack.count() == 0
    assert stored(demo_ctx, journey_id, later.id).due_on == moved.due_on
    assert journey_detail(demo_ctx, journey_id).activity == before.activity
    item = page.checklist.step_item(later.id)
    assert item is not None and page.checklist.currentItem() is item


def test_a_refused_tick_says_why_and_shows_the_step_as_it_is(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    page: ClientPage,
    demo_ctx: Context,
) -> None:
    journey_id = page.journey_id
    assert journey_id is not None
    step = first_open(page)
    journeys.complete_step(demo_ctx, step.id)  # done elsewhere; this page was not told
    said = capture_warnings(monkeypatch)
    click_check_box(qtbot, page, step.id)
    qtbot.waitUntil(lambda: bool(said), timeout=2000)

    assert "already done" in said[0]
    assert page.undo_stack.count() == 0
    item = page.checklist.step_item(step.id)
    assert item is not None and item.checkState(STEP) == Qt.CheckState.Checked  # as stored


# -- notes -----------------------------------------------------------------------------------
def test_adding_a_note_shows_it_and_undo_and_redo_take_it_back_and_forth(
    qtbot: QtBot, page: ClientPage, demo_ctx: Context
) -> None:
    journey_id = page.journey_id
    assert journey_id is not None
    page.tabs.setCurrentWidget(page.notes_panel)
    editor = page.notes_panel.editor
    assert editor.placeholderText() == "Add a note…"
    assert not page.notes_panel.add_button.isEnabled()
    editor.setFocus()
    qtbot.keyClicks(editor, "Asked to move Thursday's session")
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert editor.toPlainText() == ""
    assert any("Asked to move Thursday's session" in line for line in shown_notes(page))
    assert shown_notes(page)[0].endswith("Asked to move Thursday's session")  # newest first
    stored_notes = [n.text for n in journey_detail(demo_ctx, journey_id).notes]
    assert stored_notes.count("Asked to move Thursday's session") == 1

    page.undo_stack.undo()
    assert not any("Thursday" in line for line in shown_notes(page))
    assert not any("Thursday" in n.text for n in journey_detail(demo_ctx, journey_id).notes)
    page.undo_stack.redo()
    assert any("Thursday" in line for line in shown_notes(page))
    assert any("Thursday" in n.text for n in journey_detail(demo_ctx, journey_id).notes)


def test_the_add_note_button_adds_newest_first_and_an_empty_note_does_nothing(
    qtbot: QtBot, page: ClientPage
) -> None:
    panel = page.notes_panel
    panel.editor.setPlainText("   \n  ")
    assert not panel.add_button.isEnabled()
    qtbot.keyClick(panel.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    panel.submit()
    assert page.undo_stack.count() == 0

    for words in ("First call went well", "Second thought: send the recap"):
        panel.editor.setPlainText(words)
        qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    notes = shown_notes(page)
    assert notes[0].endswith("Second thought: send the recap")
    assert notes[1].endswith("First call went well")
    assert notes[0].startswith("Mon 23 Nov 2026")  # each with the day it was written
    assert page.undo_stack.count() == 2


def test_markup_in_a_note_is_shown_literally(page: ClientPage, demo_ctx: Context) -> None:
    page.notes_panel.editor.setPlainText("<b>urgent</b> & <i>call</i>")
    page.notes_panel.submit()
    item = page.notes.item(0)
    assert item.text().endswith("<b>urgent</b> & <i>call</i>")
    assert item.data(Qt.ItemDataRole.DisplayRole).endswith("<b>urgent</b> & <i>call</i>")


def test_ctrl_z_in_an_empty_note_editor_undoes_the_last_change(
    demo_ws: Workspace, qtbot: QtBot, demo_ctx: Context, events: AppEvents
) -> None:
    window = MainWindow(demo_ws, events)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    journey_id = late_active_journey(demo_ctx)
    window.show_screen("clients")
    window.clients.open_journey(journey_id)
    page = window.clients.client_page
    page.tabs.setCurrentWidget(page.notes_panel)
    editor = page.notes_panel.editor
    editor.setPlainText("Sent the recap")
    page.notes_panel.submit()
    assert editor.toPlainText() == ""
    assert page.undo_stack.count() == 1
    editor.setFocus()
    qtbot.keyClicks(editor, "typo")
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == ""  # the editor's own undo comes first
    assert any("recap" in n.text for n in journey_detail(demo_ctx, journey_id).notes)
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not any("recap" in n.text for n in journey_detail(demo_ctx, journey_id).notes)
    assert not any("recap" in line for line in shown_notes(page))


def test_markup_in_names_and_messages_is_shown_literally(
    demo_ws: Workspace,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    demo_ctx: Context,
    events: AppEvents,
) -> None:
    offer_id = next(r.offer_id for r in client_rows(demo_ctx) if r.offer_id is not None)
    client_id = add_client(
        demo_ctx, ClientInput(name="<b>Bold</b> & Sons", company="<i>Italic</i> Ltd")
    ).value
    journey_id = enrol_client(demo_ctx, client_id, offer_id, TODAY).value
    page = ClientPage(demo_ws, events, QUndoStack())
    qtbot.addWidget(page)
    page.show_journey(journey_id)
    assert page.name.text() == "<b>Bold</b> & Sons"
    assert page.name.textFormat() == Qt.TextFormat.PlainText
    assert page.subtitle.textFormat() == Qt.TextFormat.PlainText
    assert page.health.textFormat() == Qt.TextFormat.PlainText

    # A message naming user text escapes it inside rich text, so it reads as typed.
    said = capture_warnings(monkeypatch)
    step = first_open(page)
    journeys.complete_step(demo_ctx, step.id)  # done elsewhere
    page.toggle_step(step.id)
    assert said and "already done" in said[0]
    assert literal_rich_text(["<b>x</b> & y"]) == "<p>&lt;b&gt;x&lt;/b&gt; &amp; y</p>"


# -- how the checklist shows and keeps its state ---------------------------------------------
def test_selection_expansion_and_scroll_survive_a_refresh(
    qtbot: QtBot, page: ClientPage, demo_ctx: Context, events: AppEvents
) -> None:
    page.resize(900, 300)  # small enough to scroll
    journey_id = page.journey_id
    assert journey_id is not None
    view = page.checklist
    first_phase = view.topLevelItem(0)
    last_phase = view.topLevelItem(view.topLevelItemCount() - 1)
    first_phase.setExpanded(not first_phase.isExpanded())
    expanded = [view.topLevelItem(i).isExpanded() for i in range(view.topLevelItemCount())]
    step = next(s for s in steps(page.detail) if s.completed_on is None)  # type: ignore[arg-type]
    target = last_phase.child(last_phase.childCount() - 1)
    view.setCurrentItem(target)
    view.scrollToItem(target)
    scroll = view.verticalScrollBar().value()

    page.toggle_step(step.id)  # refreshes through the event bus
    changes = journeys.add_note(demo_ctx, journey_id, "from elsewhere").changes
    events.changed.emit(changes)

    assert view.currentItem() is not None
    assert view.currentItem().text(STEP) == target.text(STEP)
    assert [view.topLevelItem(i).isExpanded() for i in range(view.topLevelItemCount())] == (
        expanded
    )
    assert view.verticalScrollBar().value() == scroll


def test_steps_say_their_state_and_late_steps_say_how_late(page: ClientPage) -> None:
    assert page.detail is not None
    late = next(s for s in steps(page.detail) if s.completed_on is None and s.due_on < TODAY)
    done = first_done(page)
    days = (TODAY - late.due_on).days
    late_item = page.checklist.step_item(late.id)
    done_item = page.checklist.step_item(done.id)
    assert late_item is not None and done_item is not None

    spoken = late_item.data(STEP, Qt.ItemDataRole.AccessibleTextRole)
    assert f"{late.title}" in spoken and ", open, due " in spoken
    assert f"{days} day" in spoken and "late" in spoken
    assert "late" in late_item.text(DUE)  # words, not colour alone
    assert not late_item.icon(DUE).isNull()
    assert late_item.toolTip(DUE).startswith(f"{days} day")
    assert late_item.checkState(STEP) == Qt.CheckState.Unchecked

    spoken = done_item.data(STEP, Qt.ItemDataRole.AccessibleTextRole)
    assert ", done on " in spoken and str(done.completed_on.day) in spoken  # type: ignore[union-attr]
    assert done_item.checkState(STEP) == Qt.CheckState.Checked
    assert "late" not in done_item.text(DUE)


def test_milestones_and_checkpoints_keep_their_marker(page: ClientPage) -> None:
    assert page.detail is not None
    for step in steps(page.detail):
        item = page.checklist.step_item(step.id)
        assert item is not None
        if step.is_milestone:
            assert "milestone" in item.text(STEP)
        if step.is_checkpoint:
            assert "checkpoint" in item.text(STEP)


def test_the_health_line_explains_itself(page: ClientPage) -> None:
    assert page.detail is not None and page.detail.verdict.reasons
    assert page.health.text().startswith(("At risk: ", "Off track: "))
    assert "late" in page.health.toolTip()


def test_a_step_context_menu_offers_its_actions(qtbot: QtBot, page: ClientPage) -> None:
    done = first_done(page)
    page.checklist.select_step(done.id)
    menu = page.step_menu()
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == [
        "Open again",
        "Mark done on a date…",
        "Change due date…",
        "Log friction about this step…",
        # An invoice sent can be marked paid (money_commands.py).
        *(["Mark paid…"] if done.kind is StepKind.INVOICE else []),
    ]
    assert not page.done_on_action.isEnabled()  # already done
    assert page.done_on_action.shortcut().toString() == "Ctrl+D"
    assert page.due_action.shortcut().toString() == "Ctrl+E"

    open_step = first_open(page)
    page.checklist.select_step(open_step.id)
    assert page.step_menu().actions()[0].text() == "Mark done"
    assert page.done_on_action.isEnabled()

    # The Menu key (a keyboard context menu) opens the selected step's menu by the step.
    item: QTreeWidgetItem | None = page.checklist.step_item(open_step.id)
    assert item is not None
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, QPoint(0, 0), QPoint(0, 0))
    page.checklist.contextMenuEvent(event)
    menu = next(m for m in page.findChildren(QMenu) if m.isVisible())
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == [
        "Mark done",
        "Mark done on a date…",
        "Change due date…",
        "Log friction about this step…",
    ]
    rect = page.checklist.visualItemRect(item)
    top_left = page.checklist.viewport().mapFromGlobal(menu.pos())
    assert abs(top_left.y() - rect.bottom()) <= 1
    qtbot.keyClick(menu, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not menu.isVisible(), timeout=2000)


def test_opening_a_client_lands_the_keyboard_on_the_next_open_step(
    clients: ClientsPage, page: ClientPage
) -> None:
    current = page.checklist.current_step()
    assert current is not None and current.id == first_open(page).id
    assert page.toggle_action.isEnabled() and page.toggle_action.text() == "Mark done"
    assert page.focusProxy() is page.checklist
