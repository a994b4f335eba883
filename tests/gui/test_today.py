"""The Today screen as a person uses it: three groups, mark done, reschedule (with or
without the rest of the phase), nudge by mail or copy, every action undone; the overdue
banner at start; the calendar export from the File menu."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from icalendar import Calendar
from PySide6.QtCore import QModelIndex, QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication, QUndoStack
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from deliverydesk.model.rules.enums import ActivityKind, Owner
from deliverydesk.services.context import Context
from deliverydesk.services.views.today import Timing
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.main_window import MainWindow
from deliverydesk.ui.today import today_model
from deliverydesk.ui.today.overdue_notice import overdue_sentence
from deliverydesk.ui.today.today_model import CLIENT, DUE, GROUPS, LATE, STEP, TodayModel
from deliverydesk.ui.today.today_page import TodayPage
from tests.unit.timeline_support import TODAY, enrol, offer, practice

MARKUP = "<i>Zoë</i> & Ko 🌱"


@pytest.fixture
def sprint(empty_ctx: Context) -> tuple[Workspace, int]:
    """One client enrolled today in the small offer (a step due today, others this week)."""
    practice(empty_ctx)
    journey_id = enrol(empty_ctx, offer(empty_ctx), MARKUP, TODAY, "zoe@example.com")
    return Workspace(empty_ctx), journey_id


def make_page(qtbot: QtBot, workspace: Workspace, events: AppEvents) -> TodayPage:
    page = TodayPage(workspace, events, QUndoStack())
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def steps(workspace: Workspace, journey_id: int) -> dict[str, tuple[date, date, date | None]]:
    detail = workspace.journeys.journey_detail(journey_id)
    return {s.title: (s.start_on, s.due_on, s.completed_on) for p in detail.phases for s in p.steps}


def select(page: TodayPage, title: str) -> None:
    row = next(r for r in page.model.all_rows() if r.step_title == title)
    assert page.select_step(row.step_id)


def test_what_is_due_is_grouped_into_mine_the_clients_and_third_parties(
    qtbot: QtBot, demo_ws: Workspace, events: AppEvents
) -> None:
    page = make_page(qtbot, demo_ws, events)
    expected = demo_ws.schedule.today_list()
    for position, owner in enumerate((Owner.ME, Owner.CLIENT, Owner.THIRD_PARTY)):
        group = page.model.index(position, 0)
        assert page.model.rowCount(group) == len(expected.group(owner))
        assert {r.owner for r in page.group_rows(owner)} <= {owner}
        assert page.tree.isExpanded(group)
    assert page.model.index(0, 0).data().startswith("Mine · 40 due · 1 overdue")
    # "Overdue" is your own lateness only; a client's late steps are "late" (one meaning).
    assert page.model.index(1, 0).data().startswith("Waiting on the client · 28 due · 11 late")
    late = page.model.index(0, 0, page.model.index(1, 0))  # the client's most late step
    assert late.siblingAtColumn(CLIENT).data() == "Hannah Lindqvist"
    assert late.siblingAtColumn(LATE).data() == "12 days"
    assert late.siblingAtColumn(DUE).data() == "11 Nov"
    assert "1 overdue · 12 late, waiting on others · 16 due today" in page.summary.text()


def test_mark_done_and_undo(qtbot: QtBot, sprint: tuple[Workspace, int], events: AppEvents) -> None:
    workspace, journey_id = sprint
    page = make_page(qtbot, workspace, events)
    select(page, "Welcome call")
    assert page.mark_done()
    assert steps(workspace, journey_id)["Welcome call"][2] == TODAY
    assert "Welcome call" not in [r.step_title for r in page.model.all_rows()]
    page.undo_stack.undo()
    assert steps(workspace, journey_id)["Welcome call"][2] is None
    assert "Welcome call" in [r.step_title for r in page.model.all_rows()]


def test_space_marks_the_selected_step_done(
    qtbot: QtBot, sprint: tuple[Workspace, int], events: AppEvents
) -> None:
    workspace, journey_id = sprint
    page = make_page(qtbot, workspace, events)
    page.activateWindow()  # shortcuts reach the active window only
    qtbot.waitUntil(page.isActiveWindow, timeout=2000)
    select(page, "Intake form")
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_Space)
    assert steps(workspace, journey_id)["Intake form"][2] == TODAY
    assert page.undo_stack.undoText() == "Mark 'Intake form' done"


def test_reschedule_without_the_rest_moves_one_step_and_undoes(
    qtbot: QtBot, sprint: tuple[Workspace, int], events: AppEvents
) -> None:
    workspace, journey_id = sprint
    page = make_page(qtbot, workspace, events)
    before = steps(workspace, journey_id)
    select(page, "Draft the plan")
    dialog = page.reschedule_dialog(page.current_row())
    qtbot.addWidget(dialog)
    assert not dialog.shift.isChecked()  # moving the rest is asked for, never assumed
    dialog.set_date(date(2026, 12, 1))
    dialog.accept()
    assert page.apply_reschedule(dialog)
    after = steps(workspace, journey_id)
    assert after["Draft the plan"][1] == date(2026, 12, 1)
    assert {k: v for k, v in after.items() if k != "Draft the plan"} == {
        k: v for k, v in before.items() if k != "Draft the plan"
    }
    assert "Draft the plan" not in [r.step_title for r in page.model.all_rows()]  # not this week
    page.undo_stack.undo()
    assert steps(workspace, journey_id) == before
    assert page.undo_stack.undoText() == ""


def test_reschedule_with_the_rest_moves_the_later_steps_and_undoes(
    qtbot: QtBot, sprint: tuple[Workspace, int], events: AppEvents
) -> None:
    workspace, journey_id = sprint
    page = make_page(qtbot, workspace, events)
    before = steps(workspace, journey_id)
    select(page, "Draft the plan")
    dialog = page.reschedule_dialog(page.current_row())
    qtbot.addWidget(dialog)
    assert "Deep work" in dialog.shift.text()
    dialog.set_date(date(2026, 12, 1))  # from Fri 27 Nov: two working days later
    qtbot.mouseClick(dialog.shift, Qt.MouseButton.LeftButton)
    dialog.accept()
    assert page.apply_reschedule(dialog)
    after = steps(workspace, journey_id)
    assert after["Progress note"][1] == date(2026, 12, 2)  # was Mon 30 Nov
    assert after["Plan approved"][1] == date(2026, 12, 3)
    assert after["Welcome call"] == before["Welcome call"]
    assert after["Final review"] == before["Final review"]
    page.undo_stack.undo()
    assert steps(workspace, journey_id) == before
    page.undo_stack.redo()
    assert steps(workspace, journey_id) == after


def test_a_reschedule_refused_by_the_service_leaves_nothing_on_the_stack(
    qtbot: QtBot, sprint: tuple[Workspace, int], events: AppEvents, monkeypatch: pytest.MonkeyPatch
) -> None:
    workspace, journey_id = sprint
    page = make_page(qtbot, workspace, events)
    select(page, "Welcome call")
    row = page.current_row()
    workspace.journeys.complete_step(row.step_id)  # done meanwhile, elsewhere
    dialog = page.reschedule_dialog(row)
    qtbot.addWidget(dialog)
    dialog.set_date(date(2026, 11, 30))
    warned: list[str] = []
    monkeypatch.setattr(
        "deliverydesk.ui.today.today_page.QMessageBox.warning",
        lambda _parent, _title, words: warned.append(words),
    )
    assert not page.apply_reschedule(dialog)
    assert page.undo_stack.count() == 0
    assert "already done" in warned[0]


class MailCatcher(QObject):
    """Stands in for the mail program: Qt hands mailto: addresses to it."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.fixture
def mail() -> MailCatcher:
    catcher = MailCatcher()
    QDesktopServices.setUrlHandler("mailto", catcher, "open")
    yield catcher
    QDesktopServices.unsetUrlHandler("mailto")


def test_a_nudge_fills_every_placeholder_opens_the_mail_program_and_is_logged(
    qtbot: QtBot,
    empty_ctx: Context,
    sprint: tuple[Workspace, int],
    events: AppEvents,
    mail: MailCatcher,
) -> None:
    workspace, _journey = sprint
    # Enrolled a week ago, the reassurance touchpoint falls due today.
    journey_id = enrol(empty_ctx, 1, MARKUP, date(2026, 11, 16), "zoe@example.com")
    page = make_page(qtbot, workspace, events)
    row = next(
        r
        for r in page.model.all_rows()
        if r.step_title == "Progress note" and r.journey_id == journey_id
    )
    page.select_step(row.step_id)
    assert page.nudge_action.isEnabled()
    dialog = page.nudge_dialog(page.current_row())
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.body.toPlainText().split("|") == [
        "<i>Zoë</i>",
        MARKUP,
        "Progress note",
        "Plan approved",
        "Deep work",
        "Mon 23 Nov 2026",
        "North Star Coaching",
        "Clarity Sprint",
    ]
    assert dialog.windowTitle() == f"Nudge {MARKUP}"
    dialog.body.setPlainText("Hi Zoë,\nSee you Friday & thanks!")  # the person's own words
    with qtbot.waitSignal(events.changed):
        qtbot.mouseClick(dialog.mail_button, Qt.MouseButton.LeftButton)
    (url,) = mail.urls
    parts = urlsplit(url.toString(QUrl.ComponentFormattingOption.FullyEncoded))
    assert parts.path == "zoe@example.com"
    query = parse_qs(parts.query)
    assert query["body"] == ["Hi Zoë,\r\nSee you Friday & thanks!"]
    assert query["subject"] == ["Clarity Sprint: Progress note"]
    entry = workspace.journeys.journey_detail(journey_id).activity[0]
    assert entry.kind is ActivityKind.NUDGE_SENT
    assert entry.detail["channel"] == "mail"


def test_a_nudge_copied_goes_to_the_clipboard_and_is_the_last_contact(
    qtbot: QtBot, sprint: tuple[Workspace, int], events: AppEvents
) -> None:
    workspace, journey_id = sprint
    page = make_page(qtbot, workspace, events)
    select(page, "Intake form")  # the client's own step
    dialog = page.nudge_dialog(page.current_row())
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert "No nudge sent" in dialog.last.text()
    assert (
        dialog.subject.text() == "Reminder: Fill in and send back the form"
    )  # a form: the client's words
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == dialog.body.toPlainText()
    assert dialog.body.toPlainText().startswith("Hi <i>Zoë</i>,")
    again = page.nudge_dialog(page.current_row())
    assert again is not None
    qtbot.addWidget(again)
    assert again.last.text() == "Last nudge: Mon 23 Nov 2026, about 'Intake form'."


def test_my_own_step_has_no_nudge(
    qtbot: QtBot, sprint: tuple[Workspace, int], events: AppEvents
) -> None:
    workspace, _journey = sprint
    page = make_page(qtbot, workspace, events)
    select(page, "Welcome call")
    assert not page.nudge_action.isEnabled()
    assert "Only a step the client owes" in page.nudge_action.toolTip()


def test_names_with_markup_and_emoji_show_as_typed(
    qtbot: QtBot, sprint: tuple[Workspace, int], events: AppEvents
) -> None:
    workspace, _journey = sprint
    page = make_page(qtbot, workspace, events)
    select(page, "Intake form")
    index = page.tree.currentIndex()
    assert index.siblingAtColumn(CLIENT).data() == MARKUP
    tip = index.siblingAtColumn(CLIENT).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;i&gt;Zoë&lt;/i&gt; &amp; Ko 🌱" in tip
    assert index.siblingAtColumn(STEP).data() == "Intake form"
    dialog = page.reschedule_dialog(page.current_row())
    qtbot.addWidget(dialog)
    intro = dialog.findChildren(type(page.date_label))[0]
    assert MARKUP in intro.text() and intro.textFormat() == Qt.TextFormat.PlainText
    assert page.current_row().timing is Timing.THIS_WEEK


def test_a_hidden_today_page_catches_up_when_shown(
    qtbot: QtBot, sprint: tuple[Workspace, int], events: AppEvents
) -> None:
    workspace, journey_id = sprint
    page = TodayPage(workspace, events, QUndoStack())
    qtbot.addWidget(page)
    assert page.model.all_rows() == []  # nothing read before it is shown
    page.show()
    count = len(page.model.all_rows())
    page.hide()
    welcome = next(r for r in page.model.all_rows() if r.step_title == "Welcome call")
    events.changed.emit(workspace.journeys.complete_step(welcome.step_id).changes)
    assert len(page.model.all_rows()) == count  # only remembered
    page.show()
    assert len(page.model.all_rows()) == count - 1


def test_on_start_a_banner_says_what_is_late_and_opens_today(
    qtbot: QtBot, demo_ws: Workspace, events: AppEvents
) -> None:
    window = MainWindow(demo_ws, events)
    qtbot.addWidget(window)
    window.show()
    banner = window.overdue.banner
    qtbot.waitUntil(lambda: not banner.isHidden(), timeout=2000)
    assert banner.message.text() == (
        "13 steps are late: 1 of yours, 11 waiting on clients, 1 on a third party."
    )
    assert window.current_screen() == "board"
    qtbot.mouseClick(banner.open_button, Qt.MouseButton.LeftButton)
    assert window.current_screen() == "today"
    qtbot.mouseClick(banner.close_button, Qt.MouseButton.LeftButton)
    assert banner.isHidden()
    window.overdue.recount()  # a later change keeps it away today
    assert banner.isHidden()


def test_the_overdue_sentence_counts_in_words() -> None:
    assert overdue_sentence({Owner.ME: 1}) == "1 step is late: 1 of yours."
    assert overdue_sentence({Owner.CLIENT: 2, Owner.THIRD_PARTY: 1}) == (
        "3 steps are late: 2 waiting on clients, 1 on a third party."
    )


def test_file_export_calendar_writes_an_ics_file_off_the_ui_thread(
    qtbot: QtBot, demo_ws: Workspace, events: AppEvents, tmp_path: Path
) -> None:
    window = MainWindow(demo_ws, events)
    qtbot.addWidget(window)
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    texts = [a.text() for a in file_menu.actions()]
    assert texts.index("Export &calendar…") < texts.index("&Quit")
    exporter = window.calendar_export
    exporter.quiet = True
    path = tmp_path / "due.ics"
    with qtbot.waitSignal(exporter.exported, timeout=20_000) as blocker:
        exporter.export_to(path)
    count, written = blocker.args
    assert written == path
    events_found = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    assert len(events_found) == count == 332
    QApplication.processEvents()


def click_step(
    qtbot: QtBot,
    page: TodayPage,
    title: str,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    """A click on the step's row, with Shift or Ctrl held as given."""
    row = next(r for r in page.model.all_rows() if r.step_title == title)
    index = page.model.index_of(row.step_id).siblingAtColumn(STEP)
    page.tree.scrollTo(index)
    where = page.tree.visualRect(index).center()
    qtbot.mouseClick(page.tree.viewport(), Qt.MouseButton.LeftButton, modifier, where)


def test_several_steps_selected_are_marked_done_by_one_space_and_one_undo_opens_them(
    qtbot: QtBot, sprint: tuple[Workspace, int], events: AppEvents
) -> None:
    workspace, journey_id = sprint
    page = make_page(qtbot, workspace, events)
    page.activateWindow()  # shortcuts reach the active window only
    qtbot.waitUntil(page.isActiveWindow, timeout=2000)
    first, second = [r.step_title for r in page.model.rows(Owner.ME)][:2]
    third = page.model.rows(Owner.CLIENT)[0].step_title  # from another group
    click_step(qtbot, page, first)
    click_step(qtbot, page, second, Qt.KeyboardModifier.ShiftModifier)
    click_step(qtbot, page, third, Qt.KeyboardModifier.ControlModifier)
    assert [r.step_title for r in page.selected_rows()] == [first, second, third]
    qtbot.keyClick(page.tree, Qt.Key.Key_Space)

    chosen = (first, second, third)
    assert all(steps(workspace, journey_id)[t][2] == TODAY for t in chosen)
    assert not set(chosen) & {r.step_title for r in page.model.all_rows()}
    assert page.undo_stack.count() == 1
    assert page.undo_stack.undoText() == "Mark 3 steps done"
    page.undo_stack.undo()
    assert all(steps(workspace, journey_id)[t][2] is None for t in chosen)
    assert set(chosen) <= {r.step_title for r in page.model.all_rows()}
    page.undo_stack.redo()
    assert all(steps(workspace, journey_id)[t][2] == TODAY for t in chosen)


def test_showing_today_asks_for_each_rows_place_once(
    qtbot: QtBot, demo_ws: Workspace, events: AppEvents, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The tree lays Today's rows out once, so a practice with thousands of steps due
    paints its first frame sooner; the groups still read across and stay open."""
    asked: list[int] = []
    index = TodayModel.index

    def counted(self: TodayModel, *args: object) -> object:
        asked.append(1)
        return index(self, *args)

    monkeypatch.setattr(TodayModel, "index", counted)
    page = TodayPage(demo_ws, events, QUndoStack())
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()  # the read, the layout, the first frame
    qtbot.waitExposed(page)
    rows = len(page.model.all_rows()) + len(page.model.paused_rows())
    assert len(asked) < 2 * rows
    for position in range(len(GROUPS)):
        assert page.tree.isFirstColumnSpanned(position, QModelIndex())
        assert page.tree.isExpanded(page.model.index(position, 0))


def test_a_long_group_shows_its_first_rows_and_the_rest_as_they_are_scrolled_to(
    qtbot: QtBot, demo_ws: Workspace, events: AppEvents, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 5,000 clients a group holds thousands of steps: the tree is handed a chunk, so
    the first paint lays out what can be seen; the heading still counts every step, and
    scrolling down (or asking for a step further on) brings the rest."""
    monkeypatch.setattr(today_model, "CHUNK", 10, raising=False)  # 40 of mine due in the demo
    page = TodayPage(demo_ws, events, QUndoStack())
    qtbot.addWidget(page)
    page.resize(1100, 400)  # a dozen rows in view
    page.show()
    qtbot.waitExposed(page)
    mine = page.model.group_index(Owner.ME)
    assert page.model.rowCount(mine) < 40  # not every row laid out for the first paint
    assert page.model.index(0, 0).data().startswith("Mine · 40 due")
    while page.model.rowCount(mine) < 40:  # a person drags the scroll bar down, and on
        before = page.model.rowCount(mine)
        page.tree.scrollTo(page.model.index(before - 1, 0, mine))
        qtbot.waitUntil(lambda: page.model.rowCount(mine) > before, timeout=2000)  # noqa: B023
    last = page.model.rows(Owner.ME)[-1]
    assert page.tree.currentIndex() == page.model.index(0, 0, mine)
    page.reload()  # read again: the first rows only, until a step further on is asked for
    assert page.model.rowCount(mine) < 40
    assert page.select_step(last.step_id)
    assert page.current_row() == last


def test_a_group_dragged_past_hands_no_rows_above_the_view(
    qtbot: QtBot, demo_ws: Workspace, events: AppEvents, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A group's next rows come when its last row so far is in view, not when the scroll
    bar is dragged past it: put in above the view, they would push away the rows the
    person dragged to. They come once that row is scrolled back to."""
    monkeypatch.setattr(today_model, "CHUNK", 10, raising=False)
    page = TodayPage(demo_ws, events, QUndoStack())
    qtbot.addWidget(page)
    page.resize(1100, 250)  # a few rows in view: the end is far below my first rows
    page.show()
    qtbot.waitExposed(page)
    mine = page.model.group_index(Owner.ME)
    handed = page.model.rowCount(mine)
    bar = page.tree.verticalScrollBar()
    bar.setValue(bar.maximum())  # dragged to the end, past my first rows
    for _ in range(3):  # the queued check for rows in view runs
        QApplication.processEvents()
    assert page.model.rowCount(mine) == handed < 40
    page.tree.scrollTo(page.model.index(handed - 1, 0, mine))  # back to my last row so far
    qtbot.waitUntil(lambda: page.model.rowCount(mine) > handed, timeout=2000)


def test_today_reads_the_rows_it_shows_and_the_rest_as_they_are_scrolled_to(
    qtbot: QtBot, demo_ws: Workspace, events: AppEvents, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 5,000 clients 12,800 steps are due: the first paint reads the counts and each
    group's first rows only. The headings and the summary still count every step, the
    rows read as the list is scrolled come in the list's order (today's sessions first,
    then most late first), and a step not yet read is found when asked for."""
    monkeypatch.setattr(today_model, "CHUNK", 10, raising=False)
    every = demo_ws.schedule.today_list()
    page = TodayPage(demo_ws, events, QUndoStack())
    qtbot.addWidget(page)
    page.resize(1100, 400)
    page.show()
    qtbot.waitExposed(page)
    mine = page.model.group_index(Owner.ME)
    assert len(page.model.rows(Owner.ME)) < len(every.mine) == 40  # not read yet
    assert page.model.index(0, 0).data().startswith("Mine · 40 due")
    late = sum(row.timing is Timing.OVERDUE for row in every.rows)
    assert page.summary.text().startswith(
        f"{sum(r.timing is Timing.OVERDUE for r in every.mine)} overdue · "
        f"{late - sum(r.timing is Timing.OVERDUE for r in every.mine)} late"
    )
    while page.model.rowCount(mine) < 40:  # scrolled down, a screenful at a time
        before = page.model.rowCount(mine)
        page.tree.scrollTo(page.model.index(before - 1, 0, mine))
        qtbot.waitUntil(lambda: page.model.rowCount(mine) > before, timeout=2000)  # noqa: B023
    assert page.model.rows(Owner.ME) == list(every.mine)  # the same rows, the same order
    page.reload()
    assert len(page.model.rows(Owner.CLIENT)) < len(every.client)
    last = every.client[-1]
    assert page.select_step(last.step_id)  # read through it
    assert page.current_row() == last
    assert page.model.rows(Owner.CLIENT) == list(every.client)
