"""A coach's client already part of the way through, enrolled by hand as a person would:
Ctrl+N, the name, the wizard's pages, a start date weeks back, "Already under way" (the
plan's guess of where the client is, or a step picked from the list). The card lands in
the phase reached with no overdue badge, the earlier steps are ticked on the client's
page and none reads late, the log says they were brought in; one undo takes it all back.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from deliverydesk.model.rules.enums import Owner
from deliverydesk.services.clients.clients import ClientInput
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.clients.checklist import DONE, DUE, STEP
from deliverydesk.ui.core import text
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.enrol.enrol_wizard import FIT, PICK, START, EnrolWizard
from deliverydesk.ui.main_window import MainWindow
from deliverydesk.ui.widgets.client_dialog import ClientDialog
from tests.conftest import TODAY
from tests.gui.enrol_support import opened, own_practice, press, show_active

RETURN, SPACE, TAB, DOWN = Qt.Key.Key_Return, Qt.Key.Key_Space, Qt.Key.Key_Tab, Qt.Key.Key_Down
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier
TWO_WEEKS_AGO = TODAY - timedelta(weeks=2)  # Mon 9 Nov: Brand Audit's plan is in Audit now
AUDIT = 2


@pytest.fixture
def offer_id(empty_ws: Workspace) -> int:
    return own_practice(empty_ws, weekly_hours=30)


@pytest.fixture
def window(empty_ws: Workspace, offer_id: int, qtbot: QtBot, events: AppEvents) -> MainWindow:
    main = MainWindow(empty_ws, events)
    qtbot.addWidget(main)
    show_active(qtbot, main)
    return main


def _to_start_page(qtbot: QtBot, window: MainWindow, name: str) -> EnrolWizard:
    """Ctrl+N, the name, Enter; the wizard: Enter (the only offer), Enter (right fit)."""
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    dialog = opened(qtbot, window, ClientDialog)
    qtbot.keyClicks(dialog.name, name)
    press(qtbot, RETURN)
    wizard = opened(qtbot, window, EnrolWizard)
    assert wizard.currentId() == PICK
    press(qtbot, RETURN)
    assert wizard.currentId() == FIT
    press(qtbot, RETURN)
    assert wizard.currentId() == START
    return wizard


def _start_weeks_back(qtbot: QtBot, wizard: EnrolWizard, day: date) -> None:
    start = wizard.start
    assert start.date_edit.hasFocus()
    start.date_edit.setDate(QDate(day.year, day.month, day.day))
    qtbot.waitUntil(lambda: start.preview is not None and start.preview.start_on == day)


def _tab_to(qtbot: QtBot, widget: object, most: int = 6) -> None:
    for _ in range(most):
        if QApplication.focusWidget() is widget:
            return
        press(qtbot, TAB)
    assert QApplication.focusWidget() is widget


def _card(window: MainWindow, offer_id: int, journey_id: int, phase: int) -> list[str]:
    """The card's badges, once it is in the phase's column."""
    column = window.board.columns[(offer_id, phase)]
    assert journey_id in column.model.journey_ids()
    return [words for _tone, words in text.badges(window.board.index.cards[journey_id])]


def test_a_client_mid_journey_lands_in_the_phase_reached_and_nothing_earlier_is_late(
    qtbot: QtBot, window: MainWindow, empty_ws: Workspace, offer_id: int
) -> None:
    wizard = _to_start_page(qtbot, window, "Priya Garcia")
    _start_weeks_back(qtbot, wizard, TWO_WEEKS_AGO)
    box = wizard.start.under_way
    assert not box.place.isVisible()  # a new client starts at the beginning unless said
    assert wizard.start.suggestion.isVisible()
    _tab_to(qtbot, box.toggle)
    press(qtbot, SPACE)  # Already under way
    assert box.place.isVisible()
    # They started when they did: no other start date is suggested.
    assert not wizard.start.suggestion.isVisible() and not wizard.start.use_date.isVisible()
    # The plan's guess: two weeks in, a Brand Audit client is starting the Audit.
    assert box.place.currentText() == "Audit — from its start"
    assert box.said.text() == (
        "9 earlier steps are marked done, brought in: none of them counts as late."
    )
    with qtbot.waitSignal(wizard.enrolled) as enrolled:
        press(qtbot, RETURN)  # Enrol
    journey_id = enrolled.args[0]

    assert _card(window, offer_id, journey_id, AUDIT) == []  # no "Overdue", no "At risk"
    window.open_client(journey_id)
    page = window.clients.client_page
    checklist = page.checklist
    rows = [checklist.step_item(s.id) for p in page.detail.phases[:AUDIT] for s in p.steps]
    assert len(rows) == 9
    assert all(r is not None and r.checkState(STEP) == Qt.CheckState.Checked for r in rows)
    assert not any(r is not None and "late" in r.text(DUE) for r in rows)
    first = rows[0]
    assert first is not None
    assert first.toolTip(DONE) == (
        "Brought in: done before DeliveryDesk, by Mon 9 Nov 2026 as you said; never counted late"
    )
    assert page.progress_label.text() == "9 of 22 steps done"
    assert (
        page.activity.item(0)
        .text()
        .endswith("Brought in already under way, now in 'Audit'; steps done before DeliveryDesk: 9")
    )

    # One undo takes the enrolment back whole (the client stays); redo brings it back.
    window.show_screen("board")
    show_active(qtbot, window)
    assert window.undo_action.text() == "&Undo Enrol Priya Garcia in Brand Audit"
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert all(
        journey_id not in window.board.columns[(offer_id, p)].model.journey_ids() for p in range(5)
    )
    client_id = next(c.id for c in empty_ws.clients.client_choices() if c.name == "Priya Garcia")
    assert empty_ws.clients.client_details(client_id).journeys == ()
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL_SHIFT)
    assert _card(window, offer_id, journey_id, AUDIT) == []


def test_a_step_picked_from_the_list_and_one_day_for_all(
    qtbot: QtBot, window: MainWindow, empty_ws: Workspace, offer_id: int
) -> None:
    """Picked by keyboard: the third step of Discovery, everything before it done on the
    day the coach took the client over (after most of it was due): still nothing late."""
    wizard = _to_start_page(qtbot, window, "Tom Baker")
    _start_weeks_back(qtbot, wizard, TWO_WEEKS_AGO)
    box = wizard.start.under_way
    _tab_to(qtbot, box.toggle)
    press(qtbot, SPACE)
    box.place.setFocus()
    while box.place.currentText() != "Discovery — at “Competitor scan: five brands”":
        press(qtbot, Qt.Key.Key_Up)
    qtbot.mouseClick(box.on_one, Qt.MouseButton.LeftButton)
    box.done_on.setDate(QDate(2026, 11, 20))
    assert box.said.text() == (
        "6 earlier steps are marked done, brought in: none of them counts as late."
    )
    with qtbot.waitSignal(wizard.enrolled) as enrolled:
        wizard.accept()  # the Enrol button, as Enter would
    journey_id = enrolled.args[0]

    detail = empty_ws.journeys.journey_detail(journey_id)
    done = [s for p in detail.phases for s in p.steps if s.completed_on is not None]
    assert [s.completed_on for s in done] == [date(2026, 11, 20)] * 6
    assert detail.phases[1].steps[2].completed_on is None
    # Discovery is where the client is, though its plan ended days ago: only what is
    # still open can be late, and the card says so for those alone.
    _card(window, offer_id, journey_id, 1)  # in Discovery, the phase picked
    late_titles = {
        s.title
        for p in detail.phases
        for s in p.steps
        if s.completed_on is None and s.due_on < TODAY
    }
    assert late_titles == {
        "Competitor scan: five brands",
        "Audit scorecard",
        "Discovery update",
    }
    card = window.board.index.cards[journey_id]
    for owner in Owner:
        late_days = [
            (TODAY - s.due_on).days
            for p in detail.phases
            for s in p.steps
            if s.completed_on is None and s.due_on < TODAY and s.owner is owner
        ]
        assert card.late_days(owner) == max(late_days, default=0)
    assert empty_ws.practice.dashboard().on_time.steps.total == len(late_titles)


def test_under_way_choices_are_kept_when_the_start_date_moves(
    qtbot: QtBot, window: MainWindow, empty_ws: Workspace, offer_id: int
) -> None:
    empty_ws.clients.add_client(ClientInput("Amara Obi"))
    wizard = _to_start_page_existing(qtbot, window)
    _start_weeks_back(qtbot, wizard, TWO_WEEKS_AGO)
    box = wizard.start.under_way
    _tab_to(qtbot, box.toggle)
    press(qtbot, SPACE)
    box.place.setFocus()
    press(qtbot, DOWN)  # the person's own pick: Audit's second step
    picked = box.place.currentText()
    assert picked == "Audit — at “Halfway update: three early findings”"
    wizard.start.date_edit.setFocus()  # back to the date: a week earlier after all
    _start_weeks_back(qtbot, wizard, TWO_WEEKS_AGO - timedelta(weeks=1))
    assert box.place.currentText() == picked


def _to_start_page_existing(qtbot: QtBot, window: MainWindow) -> EnrolWizard:
    wizard = window.enrol()
    assert isinstance(wizard, EnrolWizard)
    qtbot.waitUntil(wizard.isVisible)
    wizard.activateWindow()
    qtbot.waitUntil(wizard.isActiveWindow)
    wizard.pick.clients.setFocus()
    press(qtbot, DOWN)
    press(qtbot, RETURN)
    if wizard.currentId() == FIT:
        press(qtbot, RETURN)
    assert wizard.currentId() == START
    return wizard


def test_the_capacity_chart_counts_only_the_work_left_for_a_client_under_way(
    qtbot: QtBot, window: MainWindow, empty_ws: Workspace, offer_id: int
) -> None:
    """Steps brought in are done: the chart adds only the work from the place reached on,
    in the weeks from today's (the weeks already gone are history, not load)."""
    wizard = _to_start_page(qtbot, window, "Lena Fischer")
    _start_weeks_back(qtbot, wizard, TWO_WEEKS_AGO)
    start = wizard.start
    assert start.preview is not None
    from_scratch = start.preview
    assert from_scratch.weeks[0].week_start == TWO_WEEKS_AGO  # a Monday
    whole = sum(w.added_hours for w in from_scratch.weeks)

    _tab_to(qtbot, start.under_way.toggle)
    press(qtbot, SPACE)  # Already under way: the plan's guess, the Audit from its start
    qtbot.waitUntil(lambda: start.preview is not from_scratch)
    under_way = start.preview
    assert under_way is not None
    monday = TODAY - timedelta(days=TODAY.weekday())
    assert under_way.weeks[0].week_start == monday
    left = sum(w.added_hours for w in under_way.weeks)
    done_before = sum(w.added_hours for w in from_scratch.weeks if w.week_start < monday)
    assert 0 < left < whole - done_before + 1e-9  # nothing of the 9 steps brought in
    assert start.chart.weeks == under_way.weeks  # what the chart draws

    press(qtbot, SPACE)  # not under way after all: the whole journey again
    qtbot.waitUntil(lambda: start.preview is not under_way)
    assert start.preview is not None
    assert sum(w.added_hours for w in start.preview.weeks) == pytest.approx(whole)


def test_the_start_date_can_be_typed_whole(
    qtbot: QtBot, window: MainWindow, empty_ws: Workspace, offer_id: int
) -> None:
    wizard = _to_start_page(qtbot, window, "Kofi Mensah")
    start = wizard.start
    assert start.date_edit.hasFocus()
    qtbot.keyClicks(start.date_edit, "9 Nov 2026")
    press(qtbot, TAB)
    qtbot.waitUntil(lambda: start.preview is not None and start.preview.start_on == TWO_WEEKS_AGO)
    assert start.date_edit.lineEdit().text() == "Mon 9 Nov 2026"
