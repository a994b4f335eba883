"""What a newcomer hit on the Board (issue 8): badges, the toolbar at 1024 px, lanes at
every size, the keyboard, accent-free filtering, the checkpoint question, filter chips."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QImage, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QMessageBox, QStyle, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from deliverydesk.model.rules.enums import Health, Owner
from deliverydesk.model.rules.health import HealthReason, ReasonCode
from deliverydesk.services.context import Context
from deliverydesk.services.views.queries import board_rows
from deliverydesk.services.views.rows import JourneyRow
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.board.board_index import Quick
from deliverydesk.ui.board.board_page import BoardPage
from deliverydesk.ui.board.board_toolbar import SEARCH_WIDTH_EM
from deliverydesk.ui.board.card_delegate import CardDelegate, badge_font, plan_badges
from deliverydesk.ui.board.card_model import CARD_ROLE, JOURNEY_ID_ROLE
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.text import badges, health_label
from deliverydesk.ui.look.theme import apply_theme, build_palette
from deliverydesk.ui.main_window import MainWindow
from deliverydesk.ui.widgets.filter_chip import FilterChip
from tests.conftest import TODAY
from tests.gui.test_board import cards_on_board, movable


@pytest.fixture
def window(demo_ws: Workspace, qtbot: QtBot, events: AppEvents) -> MainWindow:
    main = MainWindow(demo_ws, events)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def troubled_card() -> JourneyRow:
    """A card with every badge at once, as at 5,000 clients."""
    late = (
        HealthReason(ReasonCode.STEP_LATE, "Revise the plan", 12, Owner.ME),
        HealthReason(ReasonCode.STEP_LATE, "Homework", 7, Owner.CLIENT),
        HealthReason(ReasonCode.OPEN_FRICTION, "Invoice dispute"),
    )
    return JourneyRow(
        client_id=1, journey_id=1, name="Anna Lindqvist", company="", offer_id=1,
        offer_name="Coaching", status=None, phase_position=1, phase_name="Discovery",
        phase_count=5, phase_entered_on=TODAY, steps_done=3, steps_total=30,
        next_step_title="Revise the plan", next_step_due=TODAY, next_step_owner=Owner.ME,
        health=Health.OFF_TRACK, reasons=late, feedback_due=True, open_friction=1,
    )  # fmt: skip


# -- bug 3: badges ---------------------------------------------------------------------------
@pytest.mark.parametrize("room_em", [7, 9, 12, 16, 40])
def test_the_health_badge_always_shows_and_the_rest_collapse_into_plus_n(
    qapp: QApplication, room_em: int
) -> None:
    card = troubled_card()
    metrics = QFontMetrics(badge_font(QFont(qapp.font())))
    planned = plan_badges(card, metrics, room_em * metrics.height())
    labels = [label for _tone, label, _width, _words in planned]
    everything = [label for _tone, label in badges(card)]
    assert labels[0] == health_label(Health.OFF_TRACK)
    assert planned[0][3] == planned[0][1]  # drawn whole, not elided
    shown = [label for label in labels if not label.startswith("+")]
    hidden = len(everything) - len(shown)
    if hidden:
        assert labels[-1] == f"+{hidden}"
    assert sum(width for _t, _l, width, _w in planned) <= room_em * metrics.height()


def test_at_the_default_size_every_troubled_card_shows_its_health(window: MainWindow) -> None:
    board = window.board
    collapsed = False
    for widget in board.columns.values():
        delegate = widget.view.itemDelegate()
        assert isinstance(delegate, CardDelegate)
        for row in range(widget.model.rowCount()):
            index = widget.model.index(row, 0)
            card: JourneyRow = index.data(CARD_ROLE)
            option = QStyleOptionViewItem()
            widget.view.initViewItemOption(option)
            option.rect = widget.view.visualRect(index)
            metrics = QFontMetrics(badge_font(option.font))
            planned = plan_badges(card, metrics, delegate.badge_row_width(option))
            drawn = [words for _tone, _label, _width, words in planned]
            if card.health is not Health.ON_TRACK:
                assert health_label(card.health) in drawn, (card.name, drawn)
            hidden = len(badges(card)) - sum(1 for w in drawn if not w.startswith("+"))
            if hidden:
                collapsed = True
                tip = index.data(Qt.ItemDataRole.ToolTipRole)
                assert all(label in tip for _tone, label in badges(card))  # the rest: here
    assert collapsed, "at the default size some card has more badges than room"


# -- bug 7: the toolbar at 1024 px -----------------------------------------------------------
def test_at_1024_px_the_toolbar_fits_and_typing_never_widens_the_window(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.resize(1024, 700)
    settle()
    assert window.width() <= 1024
    board = window.board
    qtbot.keyClicks(board.search, "a long filter that is typed in")
    qtbot.waitUntil(lambda: board.filter.text.startswith("a long"), timeout=2000)
    settle()
    assert window.width() <= 1024
    assert window.minimumSizeHint().width() <= 1024
    em = board.fontMetrics().height()
    assert board.search.width() >= SEARCH_WIDTH_EM * em
    right = board.mapTo(window, QPoint(board.width(), 0)).x()
    for widget in (board.offer_picker, board.search, board.sort_picker):
        edge = widget.mapTo(window, QPoint(widget.width(), 0)).x()
        assert widget.isVisible() and edge <= right, widget.accessibleName()
    # The quick filters folded into one menu that still reaches all four.
    toolbar = board.toolbar
    assert toolbar.folded and toolbar.quick_menu.isVisible()
    actions = toolbar.quick_menu.menu().actions()
    assert [a.text() for a in actions] == [b.text() for b in board.quick.values()]
    actions[2].trigger()
    assert board.quick[Quick.AT_RISK].isChecked()
    assert toolbar.quick_menu.is_on()
    assert toolbar.quick_menu.text().endswith("· 1")
    # "Clear filters" (the empty state's button) clears the menu's tick and count too.
    board.clear_filters()
    assert not actions[2].isChecked()
    assert toolbar.quick_menu.text() == "Show only"


def test_a_wide_window_shows_every_quick_filter_as_a_chip(window: MainWindow) -> None:
    window.resize(1600, 1000)
    settle()
    assert not window.board.toolbar.folded
    assert all(chip.isVisible() for chip in window.board.quick.values())


# -- the board at other sizes ----------------------------------------------------------------
def test_the_default_window_fits_the_demos_five_phases_without_scrolling_sideways(
    window: MainWindow,
) -> None:
    settle()
    window.overdue.banner.dismiss()  # the start's overdue banner, read and closed
    settle()
    board = window.board
    assert not board.lanes_scroll.horizontalScrollBar().isVisible()
    assert not board.lanes_scroll.verticalScrollBar().isVisible()  # one way to scroll: columns
    viewport = board.lanes_scroll.viewport()
    for widget in board.columns.values():
        right = widget.mapTo(viewport, QPoint(widget.width(), 0)).x()
        assert right <= viewport.width(), widget.name


@pytest.mark.parametrize("size", [(1024, 700), (1600, 1000), (2560, 1440)])
def test_lanes_share_the_height_and_one_offer_takes_all_of_it(
    window: MainWindow, size: tuple[int, int]
) -> None:
    window.resize(*size)
    settle()
    board = window.board
    viewport = board.lanes_scroll.viewport().height()
    heights = [lane.height() for lane in board.lanes.values()]
    assert len(heights) == 3
    assert max(heights) - min(heights) <= 2  # shared alike
    assert sum(heights) >= viewport * 0.95  # no empty third of the screen
    assert not board.lanes_scroll.verticalScrollBar().isVisible()

    board.offer_picker.setCurrentIndex(1)
    settle()
    (lane,) = board.lanes.values()
    assert lane.height() >= viewport * 0.95


def test_a_column_says_how_many_cards_are_out_of_view(window: MainWindow) -> None:
    settle()
    board = window.board
    crowded = [w for w in board.columns.values() if w.model.shown >= 2]
    assert crowded
    for widget in board.columns.values():
        view = widget.view
        card = view.sizeHintForRow(0) if widget.model.shown else 1
        fully_visible = view.viewport().height() // card
        below = max(widget.model.shown - fully_visible, 0)
        assert view.more.count == below, widget.name
        assert bool(view.more.text()) == bool(below)
        # Whole cards only: no sliver of a card at the bottom edge.
        assert view.viewport().height() % card == 0 or widget.model.shown == 0
        if below:
            assert view.more.text().startswith(f"+{below} more")
            # It sits under the cards, never over them.
            assert view.more.geometry().top() > view.viewport().geometry().bottom()
    widget = max(crowded, key=lambda w: w.model.shown)
    widget.view.verticalScrollBar().setValue(widget.view.verticalScrollBar().maximum())
    settle()
    assert widget.view.more.count == 0


def test_a_card_dropped_under_a_columns_cards_moves_there(
    window: MainWindow, demo_ctx: Context
) -> None:
    from PySide6.QtCore import QEvent, QMimeData, QPointF
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    from deliverydesk.ui.board.card_model import MIME_TYPE, encode

    settle()
    board = window.board
    journey_id, offer_id, target = movable(board, demo_ctx, blocked=False)
    footer = board.columns[(offer_id, target)].view.more
    assert footer.height() > 0
    mime = QMimeData()
    mime.setData(MIME_TYPE, encode(journey_id, offer_id))
    point = QPointF(footer.rect().center())
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point, Qt.DropAction.MoveAction, mime, buttons, mods)
    QApplication.sendEvent(footer, enter)
    assert enter.isAccepted()
    drop = QDropEvent(point, Qt.DropAction.MoveAction, mime, buttons, mods, QEvent.Type.Drop)
    QApplication.sendEvent(footer, drop)
    assert cards_on_board(board)[journey_id] == (offer_id, target)


# -- bug 8: the keyboard ---------------------------------------------------------------------
def selected_cards(board: BoardPage) -> list[int]:
    return [
        index.data(JOURNEY_ID_ROLE)
        for widget in board.columns.values()
        for index in widget.view.selectionModel().selectedIndexes()
    ]


def test_tabbing_into_a_column_marks_its_first_card_and_down_goes_to_the_second(
    qtbot: QtBot, window: MainWindow
) -> None:
    board = window.board
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    widget = next(w for w in board.columns.values() if w.model.rowCount() >= 2)
    widget.view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.view.hasFocus, timeout=2000)
    first = widget.model.index(0, 0).data(JOURNEY_ID_ROLE)
    assert selected_cards(board) == [first]  # visibly marked, not only "current"
    qtbot.keyClick(widget.view, Qt.Key.Key_Down)
    assert selected_cards(board) == [widget.model.index(1, 0).data(JOURNEY_ID_ROLE)]


def test_arrowing_to_another_column_leaves_one_card_outlined(
    qtbot: QtBot, window: MainWindow
) -> None:
    board = window.board
    filled = [c for c, w in board.columns.items() if w.model.rowCount()]
    pair = next(
        (a, b) for a in filled for b in filled if a[0] == b[0] and b[1] > a[1]
    )  # two filled columns of one offer
    board.select_journey(board.columns[pair[0]].model.index(0, 0).data(JOURNEY_ID_ROLE))
    for _ in range(pair[1][1] - pair[0][1]):
        focused = next(w for w in board.columns.values() if w.view.hasFocus())
        qtbot.keyClick(focused.view, Qt.Key.Key_Right)
    focused = next(w for w in board.columns.values() if w.view.hasFocus())
    assert focused is board.columns[pair[1]]
    # The delegate outlines selected cards: exactly one, where the keyboard is.
    assert selected_cards(board) == [focused.view.currentIndex().data(JOURNEY_ID_ROLE)]


def test_after_undo_and_redo_of_a_move_the_moved_card_is_selected(
    window: MainWindow, demo_ctx: Context
) -> None:
    board = window.board
    journey_id, offer_id, target = movable(board, demo_ctx, blocked=False)
    assert board.request_move(journey_id, target)
    # The person looks at another card in the target column before undoing.
    other = next(
        (i for i in board.columns[(offer_id, target)].model.journey_ids() if i != journey_id),
        None,
    )
    if other is not None:
        board.select_journey(other)
    window.undo_stack.undo()
    assert cards_on_board(board)[journey_id] == (offer_id, target - 1)
    assert selected_cards(board) == [journey_id]
    window.undo_stack.redo()
    assert cards_on_board(board)[journey_id] == (offer_id, target)
    assert selected_cards(board) == [journey_id]
    assert board.selected_journey() == journey_id


def test_down_in_the_filter_box_goes_to_the_cards(qtbot: QtBot, window: MainWindow) -> None:
    board = window.board
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    board.focus_search()
    qtbot.keyClick(board.search, Qt.Key.Key_Down)
    focused = [w for w in board.columns.values() if w.view.hasFocus()]
    assert len(focused) == 1 and len(selected_cards(board)) == 1


# -- bug 9: accents and case -----------------------------------------------------------------
@pytest.mark.parametrize("typed", ["zoe muller", "ZOË MÜLLER", "Zoe Müller", "muller"])
def test_the_board_filter_ignores_accents_and_case(
    qtbot: QtBot, window: MainWindow, typed: str
) -> None:
    board = window.board
    board.search.setText(typed)
    board.apply_filter()
    names = [board.index.cards[i].name for i in cards_on_board(board)]
    assert "Zoë Müller" in names


# -- saying what happened: the checkpoint question -------------------------------------------
def test_the_checkpoint_question_names_its_choices_and_keeps_the_client_by_default(
    window: MainWindow,
) -> None:
    box = window.board.checkpoint_dialog("Anna", "Onboarding", ["Signed agreement"])
    texts = {button.text() for button in box.buttons()}
    assert texts == {"Move anyway", "Keep in Onboarding"}
    assert box.defaultButton().text() == "Keep in Onboarding"
    assert box.escapeButton().text() == "Keep in Onboarding"
    box.deleteLater()


@pytest.mark.parametrize(("choice", "moves"), [("Move anyway", True), ("Keep in", False)])
def test_answering_the_checkpoint_question(
    window: MainWindow, demo_ctx: Context, choice: str, moves: bool
) -> None:
    board = window.board
    journey_id, offer_id, target = movable(board, demo_ctx, blocked=True)

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        next(b for b in box.buttons() if b.text().startswith(choice)).click()

    QTimer.singleShot(0, answer)
    assert board.request_move(journey_id, target) is moves
    assert (cards_on_board(board)[journey_id] == (offer_id, target)) is moves
    if not moves:
        assert "stays in" in window.messages.text()


# -- saying what happened: active quick filters look active ----------------------------------
@pytest.mark.parametrize("dark", [False, True])
def test_an_active_quick_filter_looks_plainly_different(
    qapp: QApplication, qtbot: QtBot, dark: bool
) -> None:
    from tests.gui.test_contrast import contrast

    original = qapp.palette()
    try:
        apply_theme(qapp, dark)
        chip = FilterChip("At risk")
        qtbot.addWidget(chip)
        chip.resize(chip.sizeHint())
        chip.show()

        def fill() -> tuple[int, int, int]:
            image: QImage = chip.grab().toImage()
            color = image.pixelColor(4, image.height() // 2)  # inside the pill, before the tick
            return color.red(), color.green(), color.blue()

        off = fill()
        chip.setChecked(True)
        on = fill()
        assert contrast(off, on) >= 3.0  # a plain difference of fill, not a shade
        highlight = build_palette(dark).color(QPalette.ColorRole.Highlight)
        assert on == (highlight.red(), highlight.green(), highlight.blue())
    finally:
        qapp.setPalette(original)


def test_quick_filter_chips_still_filter(window: MainWindow, demo_ctx: Context) -> None:
    board = window.board
    everyone = set(cards_on_board(board))
    board.quick[Quick.FEEDBACK_DUE].click()
    shown = set(cards_on_board(board))
    assert shown and shown < everyone
    stored = {r.journey_id: r for r in board_rows(demo_ctx)}
    assert all(stored[i].feedback_due for i in shown)


def test_the_card_focus_mark_is_drawn_where_the_keyboard_is(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The card with the keyboard focus shows a ring even before anything was selected."""
    board = window.board
    widget = next(w for w in board.columns.values() if w.model.rowCount())
    delegate = widget.view.itemDelegate()
    index = widget.model.index(0, 0)
    images = []
    for state in (QStyle.StateFlag.State_None, QStyle.StateFlag.State_HasFocus):
        option = QStyleOptionViewItem()
        widget.view.initViewItemOption(option)
        option.rect = widget.view.visualRect(index)
        option.state |= state
        image = QImage(option.rect.size(), QImage.Format.Format_ARGB32)
        painter = QPainter(image)
        option.rect.moveTo(0, 0)
        delegate.paint(painter, option, index)
        painter.end()
        images.append(image)
    assert images[0] != images[1]


def test_a_card_changed_after_a_search_is_found_by_its_new_words() -> None:
    from deliverydesk.ui.board.board_index import BoardFilter, BoardIndex

    card = troubled_card()
    index = BoardIndex(phase_counts={1: 5})
    index.load([card])
    column = (1, 1)
    assert index.visible(column, BoardFilter("lindqvist")) == [1]
    renamed = card._replace(name="Zoë Müller", next_step_title="Étude de cas")
    index.update([renamed], [1])
    assert index.visible(column, BoardFilter("zoe muller")) == [1]
    assert index.visible(column, BoardFilter("etude")) == [1]
    assert index.visible(column, BoardFilter("lindqvist")) == []
