"""A paused journey is not gone (issue 16): paused from the client page with a reason and a
planned resume date, it stays on the board in its phase, dimmed, its reason in the
tooltip, found by the Paused quick filter; Today lists it in a Paused group; the Clients
list keeps its phase; and from the planned day on, Today and the overdue banner remind
the practitioner to resume it."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPalette
from pytestqt.qtbot import QtBot

from deliverydesk.services.context import Context
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.board.board_index import Quick
from deliverydesk.ui.board.card_model import CARD_ROLE, JOURNEY_ID_ROLE
from deliverydesk.ui.board.column_view import ColumnWidget
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.main_window import MainWindow
from deliverydesk.ui.today.today_model import CLIENT, DUE, LATE, PAUSED, STEP
from tests.conftest import TODAY
from tests.gui.lifecycle_support import (
    Answers,
    active_journey,
    answer_questions,
    list_cells,
    make_window,
    show_list,
)

NAME = "Aisha Rahman"  # active, in Discovery (2 of 5) of the Brand Audit
RESUME_ON = date(2026, 12, 7)  # two weeks after TODAY (Mon 23 Nov 2026)


@pytest.fixture
def window(qtbot: QtBot, demo_ws: Workspace, events: AppEvents) -> MainWindow:
    return make_window(qtbot, demo_ws, events)


@pytest.fixture
def journey(demo_ws: Workspace) -> int:
    return active_journey(demo_ws, NAME)


def pause_from_the_page(
    qtbot: QtBot, window: MainWindow, journey: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl+Shift+P on the client page; the dialog gets a reason and a resume date."""
    answer_questions(monkeypatch, Answers(reason="Moving house", resume_on=RESUME_ON))
    window.open_client(journey)
    page = window.clients.client_page
    page.checklist.setFocus()
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(page.checklist, Qt.Key.Key_P, modifiers)
    assert page.journey_bar.state.text() == (
        "Paused since Mon 23 Nov 2026: Moving house · Resume planned for Mon 7 Dec 2026"
    )


def column_of(window: MainWindow, journey: int) -> ColumnWidget:
    window.show_screen("board")
    for widget in window.board.columns.values():
        if journey in widget.model.journey_ids():
            return widget
    raise AssertionError("the card is not on the board")


def card_surface(widget: ColumnWidget, journey: int) -> QColor:
    """The colour the card is painted with, just inside its outline, left of its words."""
    row = widget.model.row_of(journey)
    widget.view.scrollTo(widget.model.index(row, 0))
    rect = widget.view.visualRect(widget.model.index(row, 0))
    em = widget.view.fontMetrics().height()
    image = widget.view.viewport().grab().toImage()
    return image.pixelColor(QPoint(rect.left() + em // 3 + 3, rect.center().y()))


def test_a_paused_card_stays_in_its_phase_dimmed_with_its_reason_and_only_the_paused_filter(
    qtbot: QtBot,
    window: MainWindow,
    journey: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = column_of(window, journey)
    palette = before.view.palette()
    assert card_surface(before, journey) == palette.color(QPalette.ColorRole.Base)

    pause_from_the_page(qtbot, window, journey, monkeypatch)

    widget = column_of(window, journey)
    assert widget.model.column == before.model.column  # in the phase where it stopped
    assert card_surface(widget, journey) == palette.color(QPalette.ColorRole.AlternateBase)
    index = widget.model.index(widget.model.row_of(journey), 0)
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert "Paused since Mon 23 Nov 2026: Moving house" in tip
    assert "Resume planned for Mon 7 Dec 2026" in tip
    said = index.data(Qt.ItemDataRole.AccessibleTextRole)  # what a screen reader says
    assert "; Paused; Paused since Mon 23 Nov 2026: Moving house" in said  # badge, line
    assert said.endswith("Resume planned for Mon 7 Dec 2026")
    assert not index.flags() & Qt.ItemFlag.ItemIsDragEnabled  # it stays until resumed

    # Moving it by keyboard is refused in words; it stays where it is.
    window.board.select_journey(journey)
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(widget.view, Qt.Key.Key_Right, modifiers)
    assert window.board.last_message == (f"{NAME}'s journey is paused: resume it before moving it.")
    assert column_of(window, journey) is widget

    chip = window.board.quick[Quick.PAUSED]
    assert chip.text() == "Paused"
    chip.click()
    shown = [i for w in window.board.columns.values() for i in w.model.journey_ids()]
    assert shown == [journey]
    assert widget.model.index(0, 0).data(JOURNEY_ID_ROLE) == journey


def test_a_paused_card_s_next_step_gives_no_date_its_resume_will_move(
    qtbot: QtBot, window: MainWindow, journey: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Resuming moves the open steps' dates on by the pause, so the stored due date is
    not the step's date: the card's tooltip and what a screen reader says give the next
    step and whose it is, as the card itself shows "Resume 7 Dec" in place of a date."""
    pause_from_the_page(qtbot, window, journey, monkeypatch)

    widget = column_of(window, journey)
    index = widget.model.index(widget.model.row_of(journey), 0)
    step = index.data(CARD_ROLE).next_step_title
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    said = index.data(Qt.ItemDataRole.AccessibleTextRole)
    assert f"Next, once resumed: {step} · Waiting on " in tip
    assert f"next, once resumed: {step}, waiting on " in said
    for words in (tip, said):
        assert "due" not in words.replace(step, "")


def test_today_lists_a_paused_journey_and_reminds_from_its_planned_resume_date(
    qtbot: QtBot,
    qtmodeltester: Any,
    window: MainWindow,
    demo_ctx: Context,
    journey: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pause_from_the_page(qtbot, window, journey, monkeypatch)
    window.show_screen("today")
    today = window.today
    group = today.model.index(PAUSED, 0)
    assert not today.tree.isRowHidden(PAUSED, group.parent()) and today.tree.isExpanded(group)
    assert group.data() == "Paused · 1 journey"
    row = today.model.index(0, 0, group)
    assert row.siblingAtColumn(CLIENT).data() == NAME
    assert row.siblingAtColumn(STEP).data() == "Paused since Mon 23 Nov 2026: Moving house"
    assert row.siblingAtColumn(DUE).data() == "7 Dec"
    banner = window.overdue.banner
    assert "Resume" not in banner.message.text()  # not yet

    # The planned day comes: Today and the banner remind the practitioner.
    demo_ctx.clock.day = RESUME_ON + timedelta(days=2)  # type: ignore[attr-defined]
    window.events.day_changed.emit(demo_ctx.clock.today())
    reminder = "Resume Aisha Rahman's Brand Audit (planned for 7 Dec)"
    row = today.model.index(0, 0, today.model.index(PAUSED, 0))
    assert today.model.index(PAUSED, 0).data() == "Paused · 1 journey · 1 to resume"
    assert row.siblingAtColumn(STEP).data() == reminder
    assert row.siblingAtColumn(LATE).data() == "2 days"
    assert today.summary.text().endswith("· 1 to resume")
    assert reminder + "." in banner.message.text()
    assert not banner.isHidden()
    qtmodeltester.check(today.model)  # four groups, the paused one with its rows

    # Open client works from the reminder; resuming there takes the reminder away.
    today.tree.setCurrentIndex(row)
    assert today.open_action.isEnabled() and not today.done_action.isEnabled()
    with qtbot.waitSignal(today.open_journey) as opened:
        today.open_action.trigger()
    assert opened.args == [journey]
    window.open_client(journey)
    qtbot.mouseClick(window.clients.client_page.journey_bar.main_button, Qt.MouseButton.LeftButton)
    assert "Resume" not in banner.message.text()
    window.show_screen("today")
    assert today.tree.isRowHidden(PAUSED, today.model.index(PAUSED, 0).parent())


def test_the_clients_list_keeps_a_paused_journey_s_phase_and_says_why_it_paused(
    qtbot: QtBot,
    window: MainWindow,
    journey: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pause_from_the_page(qtbot, window, journey, monkeypatch)
    show_list(window)
    assert list_cells(window, journey) == ("Discovery (2 of 5)", "Paused")
    model = window.clients.model
    (at,) = [r for r in range(model.rowCount()) if model.row_at(r).journey_id == journey]
    from deliverydesk.ui.clients.client_list_model import HEALTH

    tip = model.index(at, HEALTH).data(Qt.ItemDataRole.ToolTipRole)
    assert "Paused since Mon 23 Nov 2026: Moving house" in tip
    assert "Resume planned for Mon 7 Dec 2026" in tip


def test_a_resume_date_is_optional_and_the_dialog_offers_only_later_days(
    qtbot: QtBot, window: MainWindow
) -> None:
    from deliverydesk.ui.clients.journey_dialogs import pause_dialog

    dialog = pause_dialog(NAME, TODAY, window)
    qtbot.addWidget(dialog)
    assert not dialog.resume_date.isEnabled() and dialog.resume_on() is None
    dialog.plan_resume.click()
    assert dialog.resume_date.isEnabled()
    assert dialog.resume_date.minimumDate().toPython() == TODAY + timedelta(days=1)
    assert dialog.resume_on() == TODAY + timedelta(days=14)
