"""Sessions have times, set the way a person sets them: in Today's Reschedule dialog and in
the client page's "Change date and time…", seen first on Today and beside the date in
the checklist, undone like any reschedule; the practice's time zone in Settings."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTime, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from deliverydesk.services.context import Context
from deliverydesk.services.journeys.reschedule import SessionSlot
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.clients.checklist import DUE
from deliverydesk.ui.clients.client_page import ClientPage
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.settings.sessions_box import SessionsBox
from deliverydesk.ui.today.calendar_import import ImportPlanDialog
from deliverydesk.ui.today.today_model import STEP
from deliverydesk.ui.today.today_page import TodayPage
from tests.gui.lifecycle_support import make_window
from tests.gui.test_reschedule_on_client_page import in_dialog, show_active
from tests.unit.timeline_support import TODAY, enrol, offer, practice


@pytest.fixture
def two(empty_ctx: Context) -> tuple[Workspace, int]:
    """Ana enrolled three weeks ago (her steps are overdue: first on Today) and Bea today,
    whose Welcome call, a session, is due today."""
    from datetime import date

    practice(empty_ctx)
    offer_id = offer(empty_ctx)
    enrol(empty_ctx, offer_id, "Ana Late", date(2026, 11, 2))
    return Workspace(empty_ctx), enrol(empty_ctx, offer_id, "Bea Lund", TODAY)


def first_mine(page: TodayPage) -> tuple[str, str]:
    group = page.model.index(0, 0)
    first = page.model.index(0, 0, group)
    return first.data(), first.siblingAtColumn(STEP).data()


def test_a_time_set_in_reschedule_puts_the_session_first_on_today_and_undo_takes_it_off(
    qtbot: QtBot, two: tuple[Workspace, int], events: AppEvents
) -> None:
    workspace, _journey = two
    page = TodayPage(workspace, events, QUndoStack())
    qtbot.addWidget(page)
    page.show()
    assert first_mine(page) == ("Ana Late", "Welcome call")  # most late first
    row = next(
        r
        for r in page.model.all_rows()
        if (r.client_name, r.step_title) == ("Bea Lund", "Welcome call")
    )
    assert page.select_step(row.step_id)
    dialog = page.reschedule_dialog(page.current_row())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.has_time is not None and dialog.time_edit is not None and dialog.length
    assert not dialog.time_edit.isEnabled()  # no time yet: asked for, never assumed
    qtbot.mouseClick(dialog.has_time, Qt.MouseButton.LeftButton)
    dialog.time_edit.setTime(QTime(10, 0))
    dialog.length.setValue(60)
    dialog.accept()
    assert page.apply_reschedule(dialog)
    assert first_mine(page) == ("Bea Lund", "10:00–11:00 Welcome call")
    assert page.undo_stack.undoText() == "Reschedule 'Welcome call'"
    page.undo_stack.undo()
    assert first_mine(page) == ("Ana Late", "Welcome call")
    assert "10:00" not in [r.step_title for r in page.model.all_rows()]
    page.undo_stack.redo()
    assert first_mine(page) == ("Bea Lund", "10:00–11:00 Welcome call")


def test_the_client_pages_date_dialog_takes_a_sessions_time(
    qtbot: QtBot, two: tuple[Workspace, int], events: AppEvents
) -> None:
    workspace, journey_id = two
    page = ClientPage(workspace, events, QUndoStack())
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show_journey(journey_id)
    show_active(qtbot, page)
    call = next(
        s for p in workspace.journeys.journey_detail(journey_id).phases for s in p.steps
        if s.title == "Welcome call"
    )  # fmt: skip

    def act(dialog: object) -> None:
        from deliverydesk.ui.widgets.step_dialogs import StepDateDialog

        assert isinstance(dialog, StepDateDialog) and dialog.has_time and dialog.time_edit
        assert dialog.length is not None
        qtbot.mouseClick(dialog.has_time, Qt.MouseButton.LeftButton)
        dialog.time_edit.setFocus()
        dialog.time_edit.setTime(QTime(14, 30))
        dialog.length.setValue(45)
        qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Return)

    seen = in_dialog(qtbot, act)
    page.checklist.select_step(call.id)
    page.checklist.setFocus()
    qtbot.keyClick(page.checklist, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert seen and seen[0].windowTitle() == "Change date and time"
    item = page.checklist.step_item(call.id)
    assert item is not None and item.text(DUE).endswith("14:30–15:15")
    stored = workspace.journeys.journey_detail(journey_id).phases[0].steps[0]
    assert (stored.session_time, stored.session_minutes) == (time(14, 30), 45)
    page.undo_stack.undo()
    item = page.checklist.step_item(call.id)
    assert item is not None and "14:30" not in item.text(DUE)


def test_the_time_zone_is_chosen_from_the_list_and_an_unknown_one_is_explained(
    qtbot: QtBot, two: tuple[Workspace, int], events: AppEvents
) -> None:
    workspace, _journey = two
    stack = QUndoStack()
    box = SessionsBox(workspace, events, stack.push)
    qtbot.addWidget(box)
    box.show()
    assert box.zone.currentIndex() == 0  # the computer's zone until one is chosen
    box.zone.setEditText("Atlantis/Capital")
    assert not box.save()
    assert "'Atlantis/Capital' is not a time zone this computer knows" in box.problem.text()
    assert box.zone.currentText() == "Atlantis/Capital"  # kept as typed, to be corrected
    assert workspace.schedule.session_settings().time_zone == ""
    box.zone.setCurrentIndex(box.zone.findData("Europe/Berlin"))
    box.alarm.setValue(30)
    assert box.save()
    assert workspace.schedule.session_settings().time_zone == "Europe/Berlin"
    assert workspace.schedule.session_settings().alarm_minutes == 30
    assert box.problem.text() == "" or not box.problem.isVisible()
    stack.undo()
    assert workspace.schedule.session_settings().time_zone == ""
    assert (box.zone.currentIndex(), box.alarm.value()) == (0, 15)  # shown as it is again


def test_file_import_calendar_shows_the_sessions_asks_and_undo_takes_them_back(
    qtbot: QtBot, two: tuple[Workspace, int], events: AppEvents, tmp_path: Path
) -> None:
    workspace, _journey = two
    window = make_window(qtbot, workspace, events)
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    texts = [a.text() for a in file_menu.actions()]
    assert texts.index("&Import calendar…") < texts.index("&Quit")
    assert "Export calendar &per client…" in texts
    path = tmp_path / "outlook.ics"
    path.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
        "BEGIN:VEVENT\r\nUID:1@x\r\nDTSTART:20261123T150000\r\nDTEND:20261123T154500\r\n"
        "SUMMARY:Call with Bea Lund\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:2@x\r\nDTSTART:20261123T120000\r\nDTEND:20261123T130000\r\n"
        "SUMMARY:<b>Lunch</b>\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        encoding="utf-8",
    )
    shown: list[ImportPlanDialog] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ImportPlanDialog):
            QTimer.singleShot(10, answer)
            return
        shown.append(dialog)
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok.text() == "&Import 1 session":
            qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        else:
            dialog.reject()

    QTimer.singleShot(0, answer)
    with qtbot.waitSignal(window.calendar_import.planned, timeout=20_000):
        window.calendar_import.read(path)
    qtbot.waitUntil(lambda: bool(shown) and not shown[0].isVisible(), timeout=10_000)
    dialog = shown[0]
    cells = [dialog.sessions.item(0, c).text() for c in range(5)]
    assert cells == [
        "Bea Lund",
        "Welcome call",
        "Mon 23 Nov 2026",
        "Mon 23 Nov 2026 15:00–15:45",
        "Call with Bea Lund",
    ]
    assert dialog.left_alone.item(0, 1).text() == "<b>Lunch</b>"  # as typed, never markup
    assert dialog.left_alone.item(0, 2).text() == "no client's e-mail or name in it"
    window.show_screen("today")
    today = window.today
    qtbot.waitUntil(lambda: first_mine(today) == ("Bea Lund", "15:00–15:45 Welcome call"))
    assert window.undo_stack.undoText() == "Import 1 session from outlook.ics"
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: first_mine(today) == ("Ana Late", "Welcome call"))


def test_the_timelines_phase_tooltip_names_the_phases_sessions_with_their_times(
    two: tuple[Workspace, int],
) -> None:
    from deliverydesk.ui.timeline.journey_timeline import session_lines

    workspace, journey_id = two
    call = workspace.journeys.journey_detail(journey_id).phases[0].steps[0]
    assert session_lines(workspace.schedule.journey_timeline(journey_id), 0) == []
    workspace.journeys.reschedule_step(call.id, TODAY, slot=SessionSlot(time(9, 0), 60))
    timeline = workspace.schedule.journey_timeline(journey_id)
    assert session_lines(timeline, 0) == ["Session: Mon 23 Nov 2026, 09:00–10:00 Welcome call"]
    assert session_lines(timeline, 1) == []  # the next phase has none


def test_a_file_that_is_not_a_calendar_is_refused_in_plain_words(
    qtbot: QtBot,
    two: tuple[Workspace, int],
    events: AppEvents,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    workspace, journey_id = two
    window = make_window(qtbot, workspace, events)
    warned: list[str] = []
    monkeypatch.setattr(
        "deliverydesk.ui.today.calendar_import.QMessageBox.warning",
        lambda _parent, title, words: warned.append(f"{title}: {words}"),
    )
    path = tmp_path / "photo.ics"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    before = workspace.journeys.journey_detail(journey_id)
    job = window.calendar_import.read(path)
    with qtbot.waitSignal(job.failed, timeout=20_000):
        pass
    qtbot.waitUntil(lambda: bool(warned))
    assert warned == [  # the words as rich text, every character of them shown literally
        "The calendar was not imported: <p>photo.ics is not a calendar file (.ics, beginning with "
        "BEGIN:VCALENDAR). Nothing was imported.</p>"
    ]
    assert workspace.journeys.journey_detail(journey_id) == before
    assert window.undo_stack.count() == 0
