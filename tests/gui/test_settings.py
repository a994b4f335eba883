"""Settings → Practice: change the name, hours, working days and closed dates after the
first run. Saving says first how many due dates of open steps move, then moves them (done
steps keep theirs); one undo puts the settings and every date back."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from deliverydesk.model.rules.enums import JourneyStatus
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.main_window import MainWindow
from deliverydesk.ui.settings.closed_dates import ClosedRangeDialog, range_dialog
from deliverydesk.ui.settings.settings_page import SettingsPage
from deliverydesk.ui.widgets.unsaved_prompt import Leave
from tests.conftest import TODAY
from tests.gui.lifecycle_support import Answers, Snapshot, answer_questions, make_window, snapshot
from tests.gui.offers_support import answer_next_question

MON_TO_THU = frozenset({1, 2, 3, 4})  # the demo practice's working days
LONG = 30_000  # ms: re-dating the demo's steps on a loaded machine


@pytest.fixture
def window(qtbot: QtBot, demo_ws: Workspace, events: AppEvents) -> MainWindow:
    main = make_window(qtbot, demo_ws, events)
    main.show_screen("settings")
    return main


@pytest.fixture
def page(window: MainWindow) -> SettingsPage:
    return window.settings_page


def running(ws: Workspace) -> dict[int, Snapshot]:
    """Every active journey, with all its dates."""
    return {
        r.journey_id: snapshot(ws, r.journey_id)
        for r in ws.clients.client_rows()
        if r.journey_id is not None and r.status is JourneyStatus.ACTIVE
    }


def click(qtbot: QtBot, widget: object) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]


def saving(qtbot: QtBot, page: SettingsPage) -> object:
    """Wait for the save the block starts: its work runs on the job pool."""
    return qtbot.waitSignal(page.saved, timeout=LONG)


def moving(qtbot: QtBot, window: MainWindow) -> object:
    """Wait for the undo or redo the block starts: a practice change's work runs on the
    job pool, and the stack moves when it is done."""
    return qtbot.waitSignal(window.undo_stack.indexChanged, timeout=LONG)


def choose_range(monkeypatch: pytest.MonkeyPatch, first: date, last: date) -> None:
    def exec_(dialog: ClosedRangeDialog) -> int:
        dialog.start.setDate(first)
        dialog.end.setDate(last)
        dialog.add_button.click()
        return dialog.result()

    monkeypatch.setattr(ClosedRangeDialog, "exec", exec_)


def test_the_practice_section_shows_what_is_stored(page: SettingsPage) -> None:
    form = page.form
    assert form.name.text() == "Northlight Practice"
    assert form.owner.text() == "Maren Holt"
    assert form.hours.value() == 25
    assert {d for d, box in form.day_boxes.items() if box.isChecked()} == MON_TO_THU
    assert [box.text() for box in form.day_boxes.values()][:2] == ["Mon", "Tue"]
    assert form.closed.list.item(0).text().startswith("No closed dates")
    assert not page.save_button.isEnabled()  # nothing changed yet


def test_a_new_working_day_says_how_many_due_dates_move_then_moves_them_and_undo_restores(
    qtbot: QtBot,
    window: MainWindow,
    page: SettingsPage,
    demo_ws: Workspace,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    answers = answer_questions(monkeypatch, Answers(confirm=True))
    before = running(demo_ws)
    expected = demo_ws.practice.preview_reschedule(frozenset({1, 2, 3, 4, 5}), frozenset())
    assert expected > 10

    click(qtbot, page.form.day_boxes[5])  # Friday
    assert page.save_button.isEnabled()
    with saving(qtbot, page):
        click(qtbot, page.save_button)

    assert answers.questions == [
        f"<p>{expected} due dates of open steps move to fit the new working days. "
        "Done steps keep their dates.</p>"
    ]
    assert demo_ws.practice.practice_settings().working_days == frozenset({1, 2, 3, 4, 5})
    after = running(demo_ws)
    moved = sum(
        1
        for j, snap in after.items()
        for (i, _start, due, done), old in zip(snap.steps, before[j].steps, strict=True)
        if due != old[2]
    )
    assert moved == expected
    for j, snap in after.items():  # done steps keep their dates
        assert [s for s in snap.steps if s[3]] == [s for s in before[j].steps if s[3]]
    assert page.status.text() == f"Saved; {expected} due dates moved. Undo with Ctrl+Z."
    assert not page.save_button.isEnabled()
    assert window.undo_stack.undoText() == "Change the practice settings"

    with moving(qtbot, window):
        window.undo_action.trigger()
    assert demo_ws.practice.practice_settings().working_days == MON_TO_THU
    assert running(demo_ws) == before
    assert not page.form.day_boxes[5].isChecked()  # the form shows what is stored again
    with moving(qtbot, window):
        window.redo_action.trigger()
    assert running(demo_ws) == after
    assert page.form.day_boxes[5].isChecked()


def test_going_back_at_the_question_changes_nothing(
    qtbot: QtBot,
    window: MainWindow,
    page: SettingsPage,
    demo_ws: Workspace,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    answers = answer_questions(monkeypatch, Answers(confirm=False))
    before = running(demo_ws)
    click(qtbot, page.form.day_boxes[1])  # Monday off
    click(qtbot, page.save_button)
    qtbot.waitUntil(lambda: len(answers.questions) == 1, timeout=LONG)
    assert demo_ws.practice.practice_settings().working_days == MON_TO_THU
    assert running(demo_ws) == before
    assert window.undo_stack.count() == 0
    assert page.save_button.isEnabled()  # the edit is kept, to save later or discard
    click(qtbot, page.discard_button)
    assert page.form.day_boxes[1].isChecked()


def test_closed_dates_are_added_as_a_range_and_removed_with_delete(
    qtbot: QtBot,
    window: MainWindow,
    page: SettingsPage,
    demo_ws: Workspace,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    answers = answer_questions(monkeypatch, Answers(confirm=True))
    choose_range(monkeypatch, date(2026, 12, 24), date(2026, 12, 28))
    click(qtbot, page.form.closed.add_button)
    shown = [page.form.closed.list.item(i).text() for i in range(page.form.closed.list.count())]
    assert shown == [
        "Thu 24 Dec 2026",
        "Fri 25 Dec 2026",
        "Sat 26 Dec 2026",
        "Sun 27 Dec 2026",
        "Mon 28 Dec 2026",
    ]
    with saving(qtbot, page):
        click(qtbot, page.save_button)
    assert "to fit the new closed dates" in answers.questions[0]
    stored = demo_ws.practice.practice_settings().closed_dates
    assert stored == frozenset(date(2026, 12, d) for d in range(24, 29))

    closed = page.form.closed
    closed.list.setCurrentRow(1)  # Fri 25 Dec
    closed.list.setFocus()
    qtbot.keyClick(closed.list, Qt.Key.Key_Delete)
    assert date(2026, 12, 25) not in closed.dates()
    assert len(closed.dates()) == 4
    with saving(qtbot, page):
        qtbot.keyClick(closed.list, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Save
    assert date(2026, 12, 25) not in demo_ws.practice.practice_settings().closed_dates
    with moving(qtbot, window):
        window.undo_action.trigger()
    assert demo_ws.practice.practice_settings().closed_dates == stored


def test_a_range_ending_before_it_starts_is_refused_beside_the_field(qtbot: QtBot) -> None:
    dialog = range_dialog(TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.start.setDate(date(2026, 12, 10))
    assert dialog.end.date().toPython() == date(2026, 12, 10)  # the last day follows
    dialog.end.setDate(date(2026, 12, 1))
    click(qtbot, dialog.add_button)
    assert dialog.result() == QDialog.DialogCode.Rejected.value
    assert dialog.problem.text() == "The last day comes before the first."
    dialog.end.setDate(date(2026, 12, 11))
    assert dialog.problem.isHidden()
    click(qtbot, dialog.add_button)
    assert dialog.dates() == [date(2026, 12, 10), date(2026, 12, 11)]


def test_the_window_title_follows_the_practice_name(
    qtbot: QtBot,
    window: MainWindow,
    page: SettingsPage,
    demo_ws: Workspace,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    answers = answer_questions(monkeypatch, Answers())
    assert window.windowTitle() == "Northlight Practice — DeliveryDesk"
    page.form.name.selectAll()
    qtbot.keyClicks(page.form.name, "North Star <Coaching>")
    with saving(qtbot, page):
        qtbot.keyClick(page.form.name, Qt.Key.Key_Return)
    assert not answers.questions  # the calendar did not change: nothing to ask
    assert window.windowTitle() == "North Star <Coaching> — DeliveryDesk"
    assert demo_ws.practice.practice_settings().name == "North Star <Coaching>"
    assert page.status.text() == "Saved. Undo with Ctrl+Z."
    with moving(qtbot, window):
        window.undo_action.trigger()
    assert window.windowTitle() == "Northlight Practice — DeliveryDesk"
    assert page.form.name.text() == "Northlight Practice"


def test_mistakes_are_explained_beside_each_field_and_nothing_is_saved(
    qtbot: QtBot,
    window: MainWindow,
    page: SettingsPage,
    demo_ws: Workspace,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    answers = answer_questions(monkeypatch, Answers())
    form = page.form
    form.name.clear()
    assert form.name_problem.text() == "Give your practice a name."
    form.hours.setValue(0)
    assert form.hours_problem.text().startswith("Weekly hours must be between 1 and 168")
    for day in MON_TO_THU:
        click(qtbot, form.day_boxes[day])
    assert form.days_problem.text() == "Choose at least one working day."
    assert all(p.isVisible() for p in (form.name_problem, form.hours_problem, form.days_problem))

    click(qtbot, page.save_button)
    assert not answers.questions
    assert window.undo_stack.count() == 0
    assert demo_ws.practice.practice_settings().name == "Northlight Practice"
    assert form.name.hasFocus()  # the first field at fault

    form.name.setText("Northlight")
    assert form.name_problem.isHidden()
    form.hours.setValue(30)
    assert form.hours_problem.isHidden()
    assert not form.days_problem.isHidden()  # still no working day


def test_closing_the_window_asks_about_unsaved_settings(
    qtbot: QtBot, window: MainWindow, page: SettingsPage, demo_ws: Workspace
) -> None:
    page.form.name.selectAll()
    qtbot.keyClicks(page.form.name, "North Star")
    page.show_tab(page.brand)  # the person moves to the Brand tab and types there too
    tagline = page.brand.form.lines["tagline"]
    tagline.selectAll()
    qtbot.keyClicks(tagline, "Calm delivery")
    seen: list[str] = []

    answer_next_question(QMessageBox.StandardButton.Cancel, seen)
    assert not window.close()  # Cancel: the window stays, the typing with it
    assert seen == ["Save your changes to your practice settings?"]
    assert page.form.name.text() == "North Star"

    answers = iter([Leave.DISCARD, Leave.SAVE])  # the practice, then the brand
    asked: list[str] = []
    page.ask_unsaved = lambda where: asked.append(where) or next(answers)  # type: ignore[method-assign]
    assert window.close()
    assert asked == ["your practice settings", "your brand"]
    assert demo_ws.practice.practice_settings().name == "Northlight Practice"  # discarded
    assert demo_ws.practice.brand_settings().tagline == "Calm delivery"  # saved
