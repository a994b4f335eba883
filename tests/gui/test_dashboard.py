"""The Dashboard screen as a person sees it: the demo practice's figures with their
sentences, a new practice's next step, figures that follow a tick (and wait while the
page is hidden), tiles that lead somewhere, and names shown as typed."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from deliverydesk.model.entities import Journey, JourneyStep
from deliverydesk.model.rules.clock import FixedClock
from deliverydesk.model.rules.enums import JourneyStatus, Owner
from deliverydesk.services.changes import Changes
from deliverydesk.services.clients.clients import ClientInput
from deliverydesk.services.context import Context
from deliverydesk.services.offers.offers import OfferSpec, PhaseSpec, StepSpec
from deliverydesk.services.practice.practice import create_practice
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.undo_commands import CompleteStepCommand
from deliverydesk.ui.dashboard.dashboard_page import DashboardPage
from deliverydesk.ui.main_window import MainWindow
from tests.conftest import TODAY


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


@pytest.fixture
def page(demo_ws: Workspace, events: AppEvents, qtbot: QtBot) -> DashboardPage:
    shown = DashboardPage(demo_ws, events)
    qtbot.addWidget(shown)
    shown.resize(1100, 800)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def open_step_due_today(ctx: Context) -> tuple[int, str]:
    """One of my open steps due today in a running journey (the demo has several)."""
    with ctx.db.engine.connect() as connection:
        row = connection.execute(
            select(JourneyStep.id, JourneyStep.title)
            .join(Journey, Journey.id == JourneyStep.journey_id)
            .where(
                JourneyStep.completed_on.is_(None),
                JourneyStep.due_on == TODAY,
                JourneyStep.owner == Owner.ME,
                Journey.status == JourneyStatus.ACTIVE,
            )
            .limit(1)
        ).one()
    return row[0], row[1]


# -- the demo practice -----------------------------------------------------------------------


def test_the_demo_practice_shows_each_figure_with_its_sentence(
    page: DashboardPage, demo_ws: Workspace
) -> None:
    board = demo_ws.practice.dashboard()
    steps = board.on_time.steps
    assert page.pages.currentWidget() is page.body_scroll
    assert page.on_time.figure.text() == f"{steps.percent}\u00a0%"
    assert page.on_time.sentence.text().startswith(
        f"{steps.percent}\u00a0% of steps done on time in the last 90 days "
        f"({steps.hits} of {steps.total})."
    )
    assert board.integrity.score is not None
    assert page.integrity.figure.text() == f"{board.integrity.score:.1f} / 10"
    assert "The average of the 6 parts below" in page.integrity.sentence.text()
    worst = board.bottleneck
    assert worst is not None
    assert page.bottleneck.figure.text() == f"+{worst.over_days} days"
    assert (
        f"Clients wait {worst.over_days} days longer than planned in {worst.phase_name} "
        f"({worst.offer_name})" in page.bottleneck.sentence.text()
    )
    feedback = board.feedback
    assert feedback.average is not None
    assert page.feedback.figure.text() == f"{feedback.average:.1f} / 10"
    assert (
        f"Referrals: {feedback.referrals_asked} asked, {feedback.referrals_given} given"
        in page.feedback.sentence.text()
    )
    assert len(page.chart.weeks) == 12 and page.chart.weeks[0].week_start == TODAY
    assert page.capacity_words.text().startswith("Over your 25 h a week in")
    for part, row in page.parts.rows.items():
        ratio = board.integrity.ratio(part)
        assert row.figure.text() == f"{ratio.percent}\u00a0%"
        assert f"{ratio.hits} of " in row.sentence.text()
        assert row.name.toolTip()  # the self-check question it answers
    table = page.phase_table
    assert table.rowCount() == 5
    assert table.item(0, 0).text() == worst.phase_name
    assert table.item(0, 5).text() == f"+{worst.over_days} days"
    assert page.period.text() == "The last 90 days, to Mon 23 Nov 2026"


def test_every_figure_is_read_only_when_the_page_is_first_shown(
    demo_ws: Workspace, events: AppEvents, qtbot: QtBot
) -> None:
    hidden = DashboardPage(demo_ws, events)
    qtbot.addWidget(hidden)
    assert hidden.board is None  # built at start, read nothing
    hidden.show()
    assert hidden.board is not None and hidden.on_time.figure.text()


# -- a new practice --------------------------------------------------------------------------


def test_a_new_practice_is_told_what_to_do_first(
    empty_ws: Workspace, empty_ctx: Context, events: AppEvents, qtbot: QtBot
) -> None:
    create_practice(empty_ctx, "Solo", 20, frozenset({1, 2, 3, 4, 5}))
    fresh = DashboardPage(empty_ws, events)
    qtbot.addWidget(fresh)
    fresh.show()
    assert fresh.pages.currentWidget() is fresh.empty
    assert "Design your first offer" in fresh.empty.body.text()
    assert not fresh.period.isVisible()
    with qtbot.waitSignal(fresh.open_screen) as opened:
        qtbot.mouseClick(fresh.empty_button, Qt.MouseButton.LeftButton)
    assert opened.args == ["offers"]

    spec = OfferSpec("Sprint", phases=(PhaseSpec("Start", 5, (StepSpec("Kick-off"),)),))
    changes = empty_ws.offers.add_offer(spec).changes
    events.changed.emit(changes)
    qtbot.waitUntil(lambda: "Enrol your first client" in fresh.empty.body.text())
    with qtbot.waitSignal(fresh.enrol_requested):
        qtbot.mouseClick(fresh.empty_button, Qt.MouseButton.LeftButton)

    # The first client, enrolled today: only the load can be counted yet, and the score
    # says it rests on that one part rather than passing for a whole verdict.
    client_id = empty_ws.clients.add_client(ClientInput("Ana")).value
    enrolled = empty_ws.clients.enrol_client(client_id, changes_offer_id(changes), TODAY)
    events.changed.emit(enrolled.changes)
    qtbot.waitUntil(lambda: fresh.pages.currentWidget() is not fresh.empty)
    assert fresh.integrity.sentence.text() == (
        "So far only one of the 6 parts can be counted: load within capacity."
    )


def changes_offer_id(changes: Changes) -> int:
    (offer_id,) = changes.offers
    return offer_id


# -- keeping up ------------------------------------------------------------------------------


def test_ticking_a_step_due_today_moves_the_on_time_rate(
    qtbot: QtBot,
    page: DashboardPage,
    demo_ws: Workspace,
    demo_ctx: Context,
    events: AppEvents,
) -> None:
    before = demo_ws.practice.dashboard().on_time.steps
    step_id, title = open_step_due_today(demo_ctx)
    stack = QUndoStack()
    stack.push(CompleteStepCommand(demo_ws, events, step_id, TODAY, title))
    hits, total = before.hits + 1, before.total + 1
    expected = f"({hits} of {total})"
    qtbot.waitUntil(lambda: expected in page.on_time.sentence.text())
    stack.undo()
    qtbot.waitUntil(lambda: f"({before.hits} of {before.total})" in page.on_time.sentence.text())


def test_a_hidden_page_reads_again_only_when_shown(
    page: DashboardPage, demo_ws: Workspace, demo_ctx: Context, events: AppEvents
) -> None:
    before = page.on_time.sentence.text()
    page.hide()
    step_id, title = open_step_due_today(demo_ctx)
    QUndoStack().push(CompleteStepCommand(demo_ws, events, step_id, TODAY, title))
    settle()
    assert page.on_time.sentence.text() == before  # stale, not read while hidden
    page.show()
    assert page.on_time.sentence.text() != before  # caught up before its first paint


def test_a_pane_below_the_first_screen_is_read_after_it_paints_and_after_each_change(
    qtbot: QtBot, demo_ws: Workspace, demo_ctx: Context, events: AppEvents
) -> None:
    """Panes other screens' work adds (a capacity planner, money, feedback) never delay the
    first screen: each is read once the figures above it have painted, and again after
    every change the figures follow."""
    shown = DashboardPage(demo_ws, events)
    qtbot.addWidget(shown)
    tile_painted: list[bool] = []
    read_after_paint: list[bool] = []

    class Paints(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                tile_painted.append(True)
            return False

    watcher = Paints(shown)
    shown.on_time.installEventFilter(watcher)
    pane = QLabel()

    def load() -> None:
        read_after_paint.append(bool(tile_painted))
        pane.setText(f"Read with the on-time figure at {shown.on_time.sentence.text()}")

    shown.add_pane("Later", pane, load)
    shown.resize(1100, 800)
    shown.show()
    qtbot.waitUntil(lambda: bool(read_after_paint))
    assert read_after_paint == [True]
    assert pane.mapTo(shown, pane.rect().topLeft()).y() > shown.on_time.geometry().bottom()

    step_id, title = open_step_due_today(demo_ctx)
    QUndoStack().push(CompleteStepCommand(demo_ws, events, step_id, TODAY, title))
    qtbot.waitUntil(lambda: len(read_after_paint) == 2)
    assert pane.text().endswith(shown.on_time.sentence.text())  # after the figures moved


def test_a_new_day_moves_the_window(
    qtbot: QtBot, page: DashboardPage, demo_ws: Workspace, events: AppEvents
) -> None:
    clock = demo_ws.clock
    assert isinstance(clock, FixedClock)
    clock.day = TODAY + timedelta(days=1)
    events.day_changed.emit(clock.day)
    qtbot.waitUntil(lambda: page.period.text() == "The last 90 days, to Tue 24 Nov 2026")


# -- names are text --------------------------------------------------------------------------


def test_markup_in_a_phase_name_shows_as_typed(
    qtbot: QtBot, page: DashboardPage, demo_ws: Workspace, events: AppEvents
) -> None:
    worst = demo_ws.practice.dashboard().bottleneck
    assert worst is not None and worst.offer_id is not None
    design = demo_ws.offers.offer_design(worst.offer_id)
    marked = "<b>Hand</b>over <img src=x> & Off"
    phases = tuple(
        replace(p, name=marked) if p.name == worst.phase_name else p for p in design.spec.phases
    )
    saved = demo_ws.offers.save_offer(design.id, replace(design.spec, phases=phases))
    events.changed.emit(saved.changes)
    qtbot.waitUntil(lambda: marked in page.bottleneck.sentence.text())
    sentence = page.bottleneck.sentence
    assert sentence.textFormat() == Qt.TextFormat.PlainText
    assert page.phase_table.item(0, 0).text() == marked
    assert page.phase_table.item(0, 0).toolTip().count("&lt;b&gt;") == 1


# -- tiles lead somewhere --------------------------------------------------------------------


@pytest.fixture
def window(demo_ws: Workspace, events: AppEvents, qtbot: QtBot) -> MainWindow:
    main = MainWindow(demo_ws, events)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    main.show_screen("dashboard")
    settle()
    return main


def test_the_bottleneck_tile_opens_its_offers_board(
    qtbot: QtBot, window: MainWindow, demo_ws: Workspace
) -> None:
    worst = demo_ws.practice.dashboard().bottleneck
    assert worst is not None
    tile = window.dashboard.bottleneck
    assert worst.offer_name in tile.toolTip()
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    assert window.current_screen() == "board"
    assert window.board.selected_offer() == worst.offer_id


def test_tiles_open_with_the_keyboard(qtbot: QtBot, window: MainWindow) -> None:
    tile = window.dashboard.on_time
    tile.setFocus()
    qtbot.keyClick(tile, Qt.Key.Key_Return)
    assert window.current_screen() == "today"
    window.show_screen("dashboard")
    window.dashboard.feedback.setFocus()
    qtbot.keyClick(window.dashboard.feedback, Qt.Key.Key_Space)
    assert window.current_screen() == "clients"


def test_usable_at_1024_by_700(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(1024, 700)
    settle()
    page = window.dashboard
    assert not page.body_scroll.horizontalScrollBar().isVisible()  # nothing cut at the side
    assert page.tile_grid.columnCount() >= 2
    positions = [page.tile_grid.getItemPosition(page.tile_grid.indexOf(t)) for t in page.tiles]
    assert [p[:2] for p in positions] == [(0, 0), (0, 1), (1, 0), (1, 1)]  # two by two
    for tile in page.tiles:
        sentence = tile.sentence
        assert sentence.height() >= sentence.heightForWidth(sentence.width())  # all of it
