"""What a newcomer hit around the window (issue 8): empty states cut to a sliver, back
buttons that lie, markup rendered from names, what just happened said with Undo, and a
window that forgets its size and view between runs."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QModelIndex,
    QSettings,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QWidget,
)
from pytestqt.qtbot import QtBot

from deliverydesk.services.clients.clients import ClientInput, add_client, enrol_client
from deliverydesk.services.context import Context
from deliverydesk.services.offers.offers import OfferSpec, PhaseSpec, StepSpec, create_offer
from deliverydesk.services.practice.practice import create_practice
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.board.board_index import Quick
from deliverydesk.ui.clients.clients_page import CLIENT, LIST
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.main_window import SCREENS, MainWindow
from deliverydesk.ui.widgets.empty_state import EmptyState
from deliverydesk.ui.widgets.message_bar import MessageBar
from tests.conftest import TODAY
from tests.gui.test_board import cards_on_board, movable
from tests.gui.test_client_page_editing import choose_date, first_open, late_active_journey

DEFAULT = None  # the window's own first size


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


@pytest.fixture
def window(demo_ws: Workspace, qtbot: QtBot, events: AppEvents) -> MainWindow:
    main = MainWindow(demo_ws, events)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


def click_sidebar(qtbot: QtBot, window: MainWindow, key: str) -> None:
    """Click a screen's row in the sidebar, as a person does."""
    item = window.sidebar.item(SCREENS.index(key))
    rect = window.sidebar.visualItemRect(item)
    qtbot.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


# -- bug 1: empty states ---------------------------------------------------------------------
def assert_whole(state: EmptyState) -> None:
    body = state.body
    lines = body.fontMetrics().lineSpacing()
    assert body.height() >= body.heightForWidth(body.width()), state.title.text()
    assert body.height() >= 2 * lines, state.title.text()  # each explanation is 2+ lines
    assert body.width() >= 20 * body.fontMetrics().averageCharWidth(), state.title.text()


@pytest.mark.parametrize("size", [(1024, 700), DEFAULT, (1600, 1000)])
def test_every_empty_state_shows_its_whole_explanation(
    qtbot: QtBot,
    window: MainWindow,
    empty_ws: Workspace,
    empty_ctx: Context,
    events: AppEvents,
    size: tuple[int, int] | None,
) -> None:
    if size:
        window.resize(*size)
    checked = []
    for key in SCREENS:
        window.show_screen(key)
        page = window.stack.currentWidget()
        if isinstance(page, EmptyState):
            settle()
            assert_whole(page)
            checked.append(key)
    assert checked == []  # every screen is built: none is a stand-in any more
    clients = window.clients
    clients.search.setText("zzqx nobody")
    clients.search.returnPressed.emit()
    settle()
    assert clients.list_stack.currentWidget() is clients.no_match
    assert_whole(clients.no_match)

    create_practice(empty_ctx, "Solo", 20, frozenset({1, 2, 3, 4, 5}))
    empty = MainWindow(empty_ws, events)
    qtbot.addWidget(empty)
    if size:
        empty.resize(*size)
    empty.show()
    settle()
    assert_whole(empty.board.no_offers)
    empty.show_screen("clients")
    settle()
    assert empty.clients.list_stack.currentWidget() is empty.clients.no_clients
    assert_whole(empty.clients.no_clients)
    empty.show_screen("dashboard")
    settle()
    assert empty.dashboard.pages.currentWidget() is empty.dashboard.empty
    assert_whole(empty.dashboard.empty)


# -- bug 6: back navigation ------------------------------------------------------------------
def test_a_client_opened_from_the_board_goes_back_to_the_board_and_says_so(
    qtbot: QtBot, window: MainWindow
) -> None:
    board = window.board
    journey_id = next(iter(cards_on_board(board)))
    board.open_journey.emit(journey_id)
    clients = window.clients
    assert window.current_screen() == "clients"
    assert clients.pages.currentIndex() == CLIENT
    back = clients.client_page.back
    assert back.text() == "Board"
    assert "board" in back.accessibleName().lower()
    back.click()
    assert window.current_screen() == "board"
    assert board.selected_journey() == journey_id
    click_sidebar(qtbot, window, "clients")
    assert window.current_screen() == "clients"
    assert clients.pages.currentIndex() == LIST  # the section's top, not the old client


def test_leaving_a_client_by_the_sidebar_then_coming_back_shows_the_list(
    qtbot: QtBot, window: MainWindow
) -> None:
    board = window.board
    board.open_journey.emit(next(iter(cards_on_board(board))))
    click_sidebar(qtbot, window, "board")
    click_sidebar(qtbot, window, "clients")
    assert window.clients.pages.currentIndex() == LIST


def test_the_sidebar_leads_to_the_list_even_from_a_client_page(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.show_screen("clients")
    clients = window.clients
    row = next(r for r in range(clients.model.rowCount()) if clients.model.row_at(r).journey_id)
    clients.open_index(clients.model.index(row, 0))
    assert clients.pages.currentIndex() == CLIENT
    assert clients.client_page.back.text() == "Clients"
    click_sidebar(qtbot, window, "clients")
    assert clients.pages.currentIndex() == LIST


def test_a_client_opened_from_the_list_goes_back_to_the_list(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.show_screen("clients")
    clients = window.clients
    row = next(r for r in range(clients.model.rowCount()) if clients.model.row_at(r).journey_id)
    clients.open_index(clients.model.index(row, 0))
    qtbot.keyClick(clients.client_page, Qt.Key.Key_Escape)
    assert window.current_screen() == "clients"
    assert clients.pages.currentIndex() == LIST


def test_a_client_page_opens_on_the_journey_tab(window: MainWindow) -> None:
    board = window.board
    journey_id = next(iter(cards_on_board(board)))
    board.open_journey.emit(journey_id)
    page = window.clients.client_page
    page.tabs.setCurrentIndex(page.tabs.indexOf(page.notes_panel))
    page.back.click()
    board.open_journey.emit(journey_id)
    assert page.tabs.currentIndex() == 0
    assert page.tabs.tabText(0) == "Journey"


# -- bug 12: markup in names -----------------------------------------------------------------
MARKUP = "<img src='/some/local.png'><b>Bold</b>"


@pytest.fixture
def markup_window(
    demo_ws: Workspace, demo_ctx: Context, qtbot: QtBot, events: AppEvents
) -> tuple[MainWindow, int]:
    steps = (StepSpec("Sign " + MARKUP, is_checkpoint=True), StepSpec("Kick-off"))
    offer_id, _ = create_offer(
        demo_ctx,
        OfferSpec(
            "Offer " + MARKUP,
            phases=(
                PhaseSpec("Phase " + MARKUP, 5, steps),
                PhaseSpec("Next " + MARKUP, 5, (StepSpec("Review " + MARKUP),)),
            ),
        ),
    )
    client_id = add_client(demo_ctx, ClientInput("Client " + MARKUP, company=MARKUP)).value
    journey_id = enrol_client(demo_ctx, client_id, offer_id, TODAY).value
    main = MainWindow(demo_ws, events)
    qtbot.addWidget(main)
    main.resize(1600, 1000)
    main.show()
    return main, journey_id


def rendered_markup(root: QWidget) -> list[str]:
    """Every visible place under `root` where a name's markup would render, not show."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        if (
            isinstance(widget, QLabel)
            and "<img" in widget.text()
            and widget.textFormat() != Qt.TextFormat.PlainText
        ):
            found.append(f"{type(widget).__name__} {widget.objectName()}: {widget.text()[:40]}")
        if "<img" in widget.toolTip():  # tooltips guess: unescaped markup renders
            found.append(f"tooltip of {type(widget).__name__}: {widget.toolTip()[:40]}")
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            for index in item_indexes(widget.model()):
                tip = index.data(Qt.ItemDataRole.ToolTipRole)
                if isinstance(tip, str) and "<img" in tip:
                    found.append(f"item tooltip in {widget.accessibleName()}: {tip[:40]}")
    return found


def item_indexes(
    model: QAbstractItemModel, parent: QModelIndex | None = None, limit: int = 400
) -> list[QModelIndex]:
    """The model's indexes, children too (a checklist's steps), up to `limit` rows."""
    parent = parent or QModelIndex()
    flat = isinstance(model, QAbstractListModel)  # its column and child calls are private
    found = []
    for row in range(min(model.rowCount(parent), limit)):
        for column in range(1 if flat else model.columnCount(parent)):
            index = model.index(row, column, parent)
            found.append(index)
            if column == 0 and not flat and model.rowCount(index):
                found.extend(item_indexes(model, index, limit))
    return found


def test_markup_in_names_never_renders_anywhere_on_the_main_screens(
    qtbot: QtBot, markup_window: tuple[MainWindow, int]
) -> None:
    window, journey_id = markup_window
    board = window.board
    seen: list[str] = []
    # The board, all offers and the markup offer alone.
    seen += rendered_markup(window)
    board.offer_picker.setCurrentIndex(board.offer_picker.findText("Offer " + MARKUP))
    settle()
    seen += rendered_markup(window)
    # A refused move says the names in the status area.
    board.confirm_override = lambda name, phase, checkpoints: False  # type: ignore[method-assign]
    assert not board.request_move(journey_id, 1)
    assert MARKUP in window.messages.text()
    seen += rendered_markup(window)
    # The client list, a search typed with markup, and the client page.
    window.show_screen("clients")
    window.clients.search.setText(MARKUP + " nobody")
    window.clients.search.returnPressed.emit()
    settle()
    assert MARKUP in window.clients.no_match.title.text()
    seen += rendered_markup(window)
    window.clients.search.clear()
    window.clients.open_journey(journey_id)
    for tab in range(window.clients.client_page.tabs.count()):
        window.clients.client_page.tabs.setCurrentIndex(tab)
        seen += rendered_markup(window)
    assert not seen
    # And the column header shows the phase's name exactly as typed.
    window.show_screen("board")
    headers = [w.header.text() for w in board.columns.values()]
    assert "Phase " + MARKUP in headers


# -- saying what happened --------------------------------------------------------------------
def test_a_move_says_what_it_did_with_undo_and_then_redo(
    window: MainWindow, demo_ctx: Context
) -> None:
    board = window.board
    journey_id, offer_id, target = movable(board, demo_ctx, blocked=False)
    card = board.index.cards[journey_id]
    assert board.request_move(journey_id, target)
    bar = window.messages
    target_name = board.columns[(offer_id, target)].name
    assert bar.text() == f"Moved {card.name} to {target_name}"
    assert bar.isVisible() and bar.button.isVisible() and bar.button.text() == "Undo"
    assert bar.timer.isActive() and bar.timer.interval() <= 10_000  # for a few seconds
    bar.button.click()
    assert cards_on_board(board)[journey_id] == (offer_id, target - 1)
    assert bar.text().startswith("Undone: Moved")
    assert bar.button.text() == "Redo"
    bar.button.click()
    assert cards_on_board(board)[journey_id] == (offer_id, target)
    bar.timer.timeout.emit()  # the few seconds are over
    assert bar.text() == "" and not bar.button.isVisible()


def test_a_tick_and_a_due_date_say_what_they_did(
    window: MainWindow, demo_ctx: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    journey_id = late_active_journey(demo_ctx)
    window.open_client(journey_id)
    window.show_screen("clients")
    window.clients.open_journey(journey_id)
    page = window.clients.client_page
    step = first_open(page)
    page.toggle_step(step.id)
    assert window.messages.text() == f"Marked '{step.title}' done"
    assert window.messages.button.text() == "Undo"
    window.messages.button.click()
    assert page.checklist.step(step.id).completed_on is None  # type: ignore[union-attr]

    page.checklist.select_step(step.id)
    new_due = step.due_on + timedelta(days=9)
    choose_date(monkeypatch, new_due)
    page.due_action.trigger()
    assert window.messages.text().startswith(f"'{step.title}' is now due ")
    assert str(new_due.year) in window.messages.text()
    assert window.messages.button.text() == "Undo"


def test_the_message_bar_keeps_text_as_typed(qtbot: QtBot) -> None:
    bar = MessageBar()
    qtbot.addWidget(bar)
    bar.show_message("Moved <b>Anna</b> to Discovery", "Undo", lambda: None)
    assert bar.label.textFormat() == Qt.TextFormat.PlainText
    assert bar.text() == "Moved <b>Anna</b> to Discovery"


# -- remembered between runs -----------------------------------------------------------------
def test_the_window_remembers_its_size_and_board_view_between_runs(
    demo_ws: Workspace, qtbot: QtBot, tmp_path: Path
) -> None:
    path = str(tmp_path / "settings.ini")
    settings = QSettings(path, QSettings.Format.IniFormat)
    first = MainWindow(demo_ws, AppEvents(), settings=settings)
    qtbot.addWidget(first)
    first.show()
    first.resize(1234, 777)
    first.move(40, 30)
    board = first.board
    board.offer_picker.setCurrentIndex(2)
    offer_id = board.offer_picker.currentData()
    board.sort_picker.setCurrentIndex(board.sort_picker.findData("name"))
    board.quick[Quick.AT_RISK].click()
    first.close()

    again = MainWindow(demo_ws, AppEvents(), settings=QSettings(path, QSettings.Format.IniFormat))
    qtbot.addWidget(again)
    again.show()
    assert again.size().toTuple() == (1234, 777)
    assert again.pos().toTuple() == (40, 30)
    assert again.board.offer_picker.currentData() == offer_id
    assert list(again.board.lanes) == [offer_id]
    assert again.board.sort_picker.currentData() == "name"
    assert again.board.quick[Quick.AT_RISK].isChecked()
    assert not again.board.quick[Quick.OVERDUE].isChecked()
    shown = cards_on_board(again.board)
    assert shown and all(again.board.index.cards[i].health.value != "on_track" for i in shown)


def test_without_settings_the_window_remembers_nothing(
    demo_ws: Workspace, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    written: list[str] = []
    monkeypatch.setattr(QSettings, "setValue", lambda self, key, value: written.append(key))
    window = MainWindow(demo_ws, AppEvents())
    qtbot.addWidget(window)
    window.show()
    window.board.quick[Quick.AT_RISK].click()
    window.close()
    assert written == []


def test_a_remembered_offer_that_is_gone_shows_all_offers(
    demo_ws: Workspace, qtbot: QtBot, tmp_path: Path
) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("board/offer", "987654")
    settings.setValue("board/quick", "no_such_filter")
    window = MainWindow(demo_ws, AppEvents(), settings=settings)
    qtbot.addWidget(window)
    window.show()
    assert window.board.selected_offer() is None
    assert len(window.board.lanes) == 3
    assert not any(b.isChecked() for b in window.board.quick.values())


def test_the_default_window_fits_its_screen(window: MainWindow) -> None:
    """Every screen can shrink to 1024 x 700 (the smallest supported window)."""
    for key in SCREENS:
        window.show_screen(key)
        settle()
        hint = window.minimumSizeHint()
        assert hint.width() <= 1024 and hint.height() <= 700, key
