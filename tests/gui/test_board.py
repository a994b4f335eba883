"""The Board: columns per phase, cards per client, drag to move, filters and keyboard."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QEvent, QMimeData, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QUndoStack
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import event as sql_event

from deliverydesk.model.rules.enums import ActivityKind, JourneyStatus, PhaseStatus
from deliverydesk.services.context import Context
from deliverydesk.services.journeys.detail import journey_detail
from deliverydesk.services.views.queries import board_rows, offer_summaries
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.board.board_index import Quick
from deliverydesk.ui.board.board_page import BoardPage
from deliverydesk.ui.board.card_model import CARD_ROLE, JOURNEY_ID_ROLE, MIME_TYPE, encode
from deliverydesk.ui.core import text
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.undo_commands import CompleteStepCommand
from tests.conftest import TODAY


@pytest.fixture
def stack() -> QUndoStack:
    return QUndoStack()


@pytest.fixture
def board(
    demo_ws: Workspace, qtbot: QtBot, demo_ctx: Context, events: AppEvents, stack: QUndoStack
) -> BoardPage:
    page = BoardPage(demo_ws, events, stack)
    qtbot.addWidget(page)
    page.resize(1500, 900)
    page.show()
    return page


def cards_on_board(board: BoardPage) -> dict[int, tuple[int, int]]:
    """journey id -> (offer id, phase position) as the views show it."""
    found = {}
    for column, widget in board.columns.items():
        for row in range(widget.model.rowCount()):
            found[widget.model.index(row, 0).data(JOURNEY_ID_ROLE)] = column
    return found


def checkpoints_blocking(ctx: Context, journey_id: int, target: int) -> list[str]:
    """The open checkpoints a move to `target` would leave behind, as the client page lists
    them."""
    detail = journey_detail(ctx, journey_id)
    current = next(p.position for p in detail.phases if p.status is PhaseStatus.CURRENT)
    return [
        step.title
        for phase in detail.phases
        if current <= phase.position < target
        for step in phase.steps
        if step.is_checkpoint and step.completed_on is None
    ]


def phase_state(ctx: Context, journey_id: int) -> list[tuple[object, ...]]:
    """Each phase's status and dates, as the client page shows them."""
    return [
        (p.status, p.started_on, p.completed_on) for p in journey_detail(ctx, journey_id).phases
    ]


def movable(board: BoardPage, ctx: Context, blocked: bool) -> tuple[int, int, int]:
    """(journey, offer, target) for a forward move that is (or is not) held by a checkpoint."""
    for journey_id, (offer_id, position) in cards_on_board(board).items():
        card = board.index.cards[journey_id]
        if position + 1 < card.phase_count:
            held = bool(checkpoints_blocking(ctx, journey_id, position + 1))
            if held == blocked:
                return journey_id, offer_id, position + 1
    raise AssertionError("the demo should have such a card")


def test_all_offers_shows_a_lane_per_offer_with_its_phases(
    board: BoardPage, demo_ctx: Context
) -> None:
    offers = offer_summaries(demo_ctx)
    assert len(board.lanes) == len(offers) == 3
    for offer in offers:
        names = [board.columns[(offer.id, p)].name for p in range(len(offer.phase_names))]
        assert names == list(offer.phase_names)
    active = {row.journey_id for row in board_rows(demo_ctx)}
    assert set(cards_on_board(board)) == active


def test_picking_an_offer_shows_only_its_board(board: BoardPage, demo_ctx: Context) -> None:
    offer = offer_summaries(demo_ctx)[1]
    board.offer_picker.setCurrentIndex(board.offer_picker.findData(offer.id))
    assert list(board.lanes) == [offer.id]
    assert {column[0] for column in board.columns} == {offer.id}
    assert len(cards_on_board(board)) == offer.active_journeys


def assert_headers_count_right(board: BoardPage) -> None:
    for column, widget in board.columns.items():
        ids = board.index.ids(column)
        over = sum(1 for i in ids if board.index.cards[i].over_plan_days > 0)
        text = widget.counts.text()
        assert text.startswith(f"{len(ids)} client")
        assert (f"{over} over plan" in text) == (over > 0)


def test_column_headers_count_clients_and_those_over_plan(board: BoardPage) -> None:
    assert_headers_count_right(board)
    assert any("over plan" in w.counts.text() for w in board.columns.values())


def test_over_plan_counts_follow_a_card_moved_and_moved_back(
    board: BoardPage, stack: QUndoStack
) -> None:
    """The two columns' counts follow the card as it leaves one and joins the other."""
    board.confirm_override = lambda name, phase, titles: True  # type: ignore[method-assign]
    late = next(
        (journey_id, card)
        for journey_id, card in board.index.cards.items()
        if card.over_plan_days > 0 and card.phase_position + 1 < card.phase_count
    )
    journey_id, card = late
    assert board.request_move(journey_id, card.phase_position + 1)
    assert_headers_count_right(board)
    stack.undo()
    assert board.index.column_of(journey_id) == (card.offer_id, card.phase_position)
    assert_headers_count_right(board)


def test_cards_carry_badges_in_words(board: BoardPage) -> None:
    summaries = [
        widget.model.index(r, 0).data(Qt.ItemDataRole.AccessibleTextRole)
        for widget in board.columns.values()
        for r in range(widget.model.rowCount())
    ]
    joined = "\n".join(summaries)
    for words in ("Client late", "At risk", "Off track", "Feedback due", "Friction"):
        assert words in joined, words
    tip = next(
        widget.model.index(r, 0).data(Qt.ItemDataRole.ToolTipRole)
        for widget in board.columns.values()
        for r in range(widget.model.rowCount())
        if widget.model.index(r, 0).data(CARD_ROLE).reasons
    )
    assert "late" in tip or "over plan" in tip


def test_card_models_pass_the_model_tester(qtmodeltester: Any, board: BoardPage) -> None:
    for widget in board.columns.values():
        qtmodeltester.check(widget.model)


def test_drop_through_the_model_moves_the_client_and_logs_it(
    board: BoardPage, demo_ctx: Context, stack: QUndoStack
) -> None:
    journey_id, offer_id, target = movable(board, demo_ctx, blocked=False)
    source = board.columns[board.index.column_of(journey_id)]
    mime = source.model.mimeData([source.model.index(source.model.row_of(journey_id), 0)])
    destination = board.columns[(offer_id, target)].model
    destination.dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, destination.index(-1, 0))

    assert cards_on_board(board)[journey_id] == (offer_id, target)
    assert journey_detail(demo_ctx, journey_id).current_position == target
    assert journey_detail(demo_ctx, journey_id).activity[0].kind is ActivityKind.PHASE_MOVED
    assert stack.count() == 1


def _send_drop(widget: Any, mime: QMimeData) -> None:
    viewport = widget.view.viewport()
    point = QPointF(viewport.rect().center())
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    for event in (
        QDragEnterEvent(point, Qt.DropAction.MoveAction, mime, buttons, mods),
        QDragMoveEvent(point, Qt.DropAction.MoveAction, mime, buttons, mods),
        QDropEvent(point, Qt.DropAction.MoveAction, mime, buttons, mods, QEvent.Type.Drop),
    ):
        QApplication.sendEvent(viewport, event)


def test_drop_through_the_view_moves_the_card(board: BoardPage, demo_ctx: Context) -> None:
    journey_id, offer_id, target = movable(board, demo_ctx, blocked=False)
    mime = QMimeData()
    mime.setData(MIME_TYPE, encode(journey_id, offer_id))
    _send_drop(board.columns[(offer_id, target)], mime)
    assert cards_on_board(board)[journey_id] == (offer_id, target)


def test_a_card_cannot_be_dropped_on_another_offer(board: BoardPage, demo_ctx: Context) -> None:
    journey_id, offer_id, _target = movable(board, demo_ctx, blocked=False)
    other = next(c for c in board.columns if c[0] != offer_id)
    before = cards_on_board(board)[journey_id]
    mime = QMimeData()
    mime.setData(MIME_TYPE, encode(journey_id, offer_id))
    assert not board.columns[other].model.canDropMimeData(
        mime, Qt.DropAction.MoveAction, -1, -1, board.columns[other].model.index(-1, 0)
    )
    _send_drop(board.columns[other], mime)
    assert cards_on_board(board)[journey_id] == before


def test_an_open_checkpoint_stops_the_move_unless_overridden(
    board: BoardPage, demo_ctx: Context, stack: QUndoStack
) -> None:
    journey_id, offer_id, target = movable(board, demo_ctx, blocked=True)
    checkpoints = checkpoints_blocking(demo_ctx, journey_id, target)
    asked: list[list[str]] = []

    def refuse(name: str, phase: str, titles: list[str]) -> bool:
        asked.append(titles)
        return False

    board.confirm_override = refuse  # type: ignore[method-assign]
    assert not board.request_move(journey_id, target)
    assert asked == [checkpoints]
    assert "stays in" in board.last_message
    assert cards_on_board(board)[journey_id] != (offer_id, target)
    assert stack.count() == 0

    board.confirm_override = lambda name, phase, titles: True  # type: ignore[method-assign]
    assert board.request_move(journey_id, target)
    assert cards_on_board(board)[journey_id] == (offer_id, target)
    kinds = [a.kind for a in journey_detail(demo_ctx, journey_id).activity[:2]]
    assert ActivityKind.CHECKPOINT_OVERRIDDEN in kinds


def test_a_move_past_a_checkpoint_asks_before_it_writes_and_then_writes_once(
    board: BoardPage, demo_ctx: Context
) -> None:
    """The question comes from a read: no write lock is taken while the person decides,
    none when they say no, and one write moves the card once they say yes (the move's
    statements: 15 when the refused write came first)."""
    journey_id, offer_id, target = movable(board, demo_ctx, blocked=True)
    writes: list[str] = []

    def seen(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        writes.append(statement)

    sql_event.listen(demo_ctx.db.engine, "before_cursor_execute", seen)
    try:
        board.confirm_override = lambda name, phase, titles: False  # type: ignore[method-assign]
        assert not board.request_move(journey_id, target)
        assert [w for w in writes if w.startswith("BEGIN IMMEDIATE")] == []
        writes.clear()
        board.confirm_override = lambda name, phase, titles: True  # type: ignore[method-assign]
        assert board.request_move(journey_id, target)
    finally:
        sql_event.remove(demo_ctx.db.engine, "before_cursor_execute", seen)
    assert cards_on_board(board)[journey_id] == (offer_id, target)
    assert [w for w in writes if w.startswith("BEGIN IMMEDIATE")] == ["BEGIN IMMEDIATE"]
    assert len(writes) <= 14


def test_undo_puts_the_card_back_exactly_and_redo_moves_it_again(
    board: BoardPage, demo_ctx: Context, stack: QUndoStack
) -> None:
    journey_id, offer_id, target = movable(board, demo_ctx, blocked=False)
    origin = cards_on_board(board)[journey_id]
    before = phase_state(demo_ctx, journey_id)
    board.request_move(journey_id, target)
    after = phase_state(demo_ctx, journey_id)
    assert after != before

    stack.undo()
    assert phase_state(demo_ctx, journey_id) == before
    assert cards_on_board(board)[journey_id] == origin
    stack.redo()
    assert phase_state(demo_ctx, journey_id) == after
    assert cards_on_board(board)[journey_id] == (offer_id, target)


def type_filter(qtbot: QtBot, board: BoardPage, text: str) -> None:
    board.search.clear()
    qtbot.keyClicks(board.search, text)
    qtbot.waitUntil(lambda: board.filter.text == text, timeout=2000)


def test_filter_as_you_type_and_say_when_nothing_matches(qtbot: QtBot, board: BoardPage) -> None:
    everyone = len(cards_on_board(board))
    # QtTest types ASCII only: pick a client whose first name is plain ASCII.
    needle = next(c.name.split()[0].lower() for c in board.index.cards.values() if c.name.isascii())
    type_filter(qtbot, board, needle)
    shown = cards_on_board(board)
    assert 1 <= len(shown) < everyone
    for journey_id in shown:
        card = board.index.cards[journey_id]
        text = " ".join((card.name, card.company, card.next_step_title, card.phase_name))
        assert needle in text.lower()
    assert any(" of " in lane.toggle.text() for lane in board.lanes.values())

    type_filter(qtbot, board, "zzqx")
    assert not cards_on_board(board)
    assert board.no_match.isVisible()
    board.clear_filters()
    assert len(cards_on_board(board)) == everyone
    assert not board.no_match.isVisible()


@pytest.mark.parametrize(
    ("quick", "holds"),
    [
        # Your own lateness only: the cards with an "Overdue" badge (not "Client late").
        (
            Quick.OVERDUE,
            lambda c: any(r.code.value == "step_late" and r.owner.value == "me" for r in c.reasons),
        ),
        (
            Quick.WAITING_ON_CLIENT,
            lambda c: c.next_step_owner and c.next_step_owner.value == "client",
        ),
        (Quick.AT_RISK, lambda c: c.health.value != "on_track"),
        (Quick.FEEDBACK_DUE, lambda c: c.feedback_due),
    ],
)
def test_quick_filters(board: BoardPage, quick: Quick, holds: Any) -> None:
    everyone = cards_on_board(board)
    board.quick[quick].click()
    shown = cards_on_board(board)
    expected = {i for i in everyone if holds(board.index.cards[i])}
    assert set(shown) == expected
    assert 0 < len(shown) < len(everyone)


def test_sorting_by_name_and_urgency(board: BoardPage) -> None:
    board.sort_picker.setCurrentIndex(board.sort_picker.findData("name"))
    for widget in board.columns.values():
        names = [widget.model.index(r, 0).data() for r in range(widget.model.rowCount())]
        assert names == sorted(names, key=str.casefold)
    board.sort_picker.setCurrentIndex(board.sort_picker.findData("urgency"))
    rank = {"off_track": 0, "at_risk": 1, "on_track": 2}
    for widget in board.columns.values():
        healths = [
            rank[widget.model.index(r, 0).data(CARD_ROLE).health.value]
            for r in range(widget.model.rowCount())
        ]
        assert healths == sorted(healths)


def focused_card(board: BoardPage) -> int | None:
    for widget in board.columns.values():
        if widget.view.hasFocus():
            return widget.view.currentIndex().data(JOURNEY_ID_ROLE)
    return None


def test_keyboard_moves_selection_opens_and_moves_cards(
    qtbot: QtBot, board: BoardPage, demo_ctx: Context
) -> None:
    journey_id, offer_id, target = movable(board, demo_ctx, blocked=False)
    board.select_journey(journey_id)
    view = board.columns[(offer_id, target - 1)].view
    assert focused_card(board) == journey_id

    with qtbot.waitSignal(board.open_journey) as opened:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert opened.args == [journey_id]

    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert "never deleted" in board.last_message
    assert journey_id in cards_on_board(board)

    mods = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(view, Qt.Key.Key_Right, mods)
    assert cards_on_board(board)[journey_id] == (offer_id, target)
    assert focused_card(board) == journey_id  # the selection follows the card

    next_view = board.columns[(offer_id, target)].view
    qtbot.keyClick(next_view, Qt.Key.Key_Left)
    left = board.columns[(offer_id, target - 1)]
    if left.model.rowCount():
        assert left.view.hasFocus()


def test_board_follows_a_step_completed_on_the_client_page(
    demo_ws: Workspace, board: BoardPage, demo_ctx: Context, events: AppEvents, stack: QUndoStack
) -> None:
    journey_id = next(iter(cards_on_board(board)))
    done_before = board.index.cards[journey_id].steps_done
    detail = journey_detail(demo_ctx, journey_id)
    step = next(s for p in detail.phases for s in p.steps if s.completed_on is None)
    stack.push(CompleteStepCommand(demo_ws, events, step.id, TODAY, step.title))
    assert board.index.cards[journey_id].steps_done == done_before + 1
    column = board.columns[board.index.column_of(journey_id)]
    row = column.model.row_of(journey_id)
    assert column.model.index(row, 0).data(CARD_ROLE).steps_done == done_before + 1
    stack.undo()
    assert board.index.cards[journey_id].steps_done == done_before


def test_a_finished_journey_leaves_the_board(
    board: BoardPage, demo_ctx: Context, events: AppEvents
) -> None:
    from deliverydesk.services.changes import Aspect, Changes

    journey_id = next(iter(cards_on_board(board)))
    with demo_ctx.transaction() as session:
        from deliverydesk.model.entities import Journey

        journey = session.get(Journey, journey_id)
        assert journey is not None
        journey.status = JourneyStatus.COMPLETED
    events.changed.emit(Changes(journeys=frozenset({journey_id}), aspects=Aspect.JOURNEY))
    assert journey_id not in cards_on_board(board)


def test_empty_states(
    empty_ws: Workspace, qtbot: QtBot, empty_ctx: Context, events: AppEvents
) -> None:
    from deliverydesk.services.offers.offers import OfferSpec, PhaseSpec, create_offer
    from deliverydesk.services.practice.practice import create_practice

    create_practice(empty_ctx, "Solo", 20, frozenset({1, 2, 3, 4, 5}))
    page = BoardPage(empty_ws, events, QUndoStack())
    qtbot.addWidget(page)
    page.show()
    assert page.body.currentWidget() is page.no_offers
    assert "No offers yet" in page.no_offers.title.text()

    _id, changes = create_offer(
        empty_ctx,
        OfferSpec("Brand audit", phases=(PhaseSpec("Kick-off", 3), PhaseSpec("Audit", 5))),
    )
    events.changed.emit(changes)
    assert page.body.currentWidget() is page.lanes_scroll
    lane = next(iter(page.lanes.values()))
    assert lane.notice.isVisible()
    assert "No active clients" in lane.notice.text()


def test_long_right_to_left_and_emoji_names_fit_their_cards(
    demo_ws: Workspace, qtbot: QtBot, demo_ctx: Context, events: AppEvents, stack: QUndoStack
) -> None:
    from deliverydesk.services.clients.clients import ClientInput, add_client, enrol_client

    offer = offer_summaries(demo_ctx)[0]
    names = ["مريم الحسيني 🌿 <b>&amp;", "Ω" * 10_000]
    journeys = []
    for name in names:
        client_id = add_client(demo_ctx, ClientInput(name)).value
        result = enrol_client(demo_ctx, client_id, offer.id, TODAY)
        journey_id, changes = result.value, result.changes
        events.changed.emit(changes)
        journeys.append(journey_id)
    page = BoardPage(demo_ws, events, stack)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    for journey_id, name in zip(journeys, names, strict=True):
        page.select_journey(journey_id)
        column = page.columns[page.index.column_of(journey_id)]
        index = column.model.index(column.model.row_of(journey_id), 0)
        assert index.data() == name  # stored and shown verbatim, markup and all
        rect = column.view.visualRect(index)
        assert rect.width() <= column.view.viewport().width()  # elided, not overflowing
    assert not page.grab().isNull()


def test_markup_in_a_name_stays_text_in_the_card_tooltip(
    demo_ws: Workspace, demo_ctx: Context, events: AppEvents, stack: QUndoStack, qtbot: QtBot
) -> None:
    from deliverydesk.services.clients.clients import ClientInput, add_client, enrol_client

    offer = offer_summaries(demo_ctx)[0]
    client_id = add_client(demo_ctx, ClientInput("<b>Bold</b> & <a href='x'>Co</a>")).value
    journey_id = enrol_client(demo_ctx, client_id, offer.id, TODAY).value
    page = BoardPage(demo_ws, events, stack)
    qtbot.addWidget(page)
    column = page.columns[page.index.column_of(journey_id)]
    tip = column.model.index(column.model.row_of(journey_id), 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; &lt;a href='x'&gt;" in tip
    assert "<b>Bold" not in tip


def test_a_card_whose_next_step_has_passed_says_it_was_due_and_how_late(
    demo_ws: Workspace, events: AppEvents, stack: QUndoStack, qtbot: QtBot
) -> None:
    page = BoardPage(demo_ws, events, stack)
    qtbot.addWidget(page)
    late = [
        (column, card)
        for column in page.columns.values()
        for card in (
            column.model.index(row, 0).data(CARD_ROLE) for row in range(column.model.rowCount())
        )
        if not card.paused and card.next_step_due is not None and card.next_step_due < TODAY
    ]
    assert late, "the demo has clients whose next step has passed"
    column, card = late[0]
    index = column.model.index(column.model.row_of(card.journey_id), 0)
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    spoken = index.data(Qt.ItemDataRole.AccessibleTextRole)
    days = (TODAY - card.next_step_due).days
    for said in (tip, spoken):
        assert "was due" in said and f"{days} day" in said and " late" in said
        assert f"due {text.long_date(card.next_step_due)}" not in said  # never as if to come


def test_a_long_column_loads_its_cards_as_the_view_scrolls(qtmodeltester: Any) -> None:
    from deliverydesk.model.rules.enums import Health, JourneyStatus
    from deliverydesk.services.views.rows import JourneyRow
    from deliverydesk.ui.board.board_index import BoardIndex
    from deliverydesk.ui.board.card_model import FETCH_BATCH, CardColumnModel

    rows = [
        JourneyRow(
            client_id=n, journey_id=n, name=f"Client {n:04d}", company="", offer_id=1,
            offer_name="Coaching", status=JourneyStatus.ACTIVE, phase_position=0,
            phase_name="Onboarding", phase_count=3, phase_entered_on=TODAY, steps_done=0,
            steps_total=10, next_step_title="Intake", next_step_due=TODAY,
            next_step_owner=None, health=Health.ON_TRACK, reasons=(),
        )
        for n in range(1, 251)
    ]  # fmt: skip
    index = BoardIndex(phase_counts={1: 3})
    index.load(rows)
    model = CardColumnModel(index, (1, 0), lambda journey, position: None, lambda: TODAY)
    model.set_ids(index.ids((1, 0)))
    assert model.shown == 250
    assert model.rowCount() == FETCH_BATCH  # the view gets a first batch, not all 250
    assert model.canFetchMore(model.index(-1, 0))
    model.fetchMore(model.index(-1, 0))
    assert model.rowCount() == 2 * FETCH_BATCH
    last = index.ids((1, 0))[-1]
    assert model.row_of(last) == 249  # selecting a card far down loads the rows up to it
    assert model.rowCount() == 250
    assert not model.canFetchMore(model.index(-1, 0))
    qtmodeltester.check(model)


def test_a_tall_column_is_handed_a_screenful_of_cards_not_several(qtbot: QtBot) -> None:
    """A filter keystroke resets every column, and the view lays out each card handed to
    it (asking the model about every row): a column gets what fills a tall screen, and
    more only as it scrolls."""
    from deliverydesk.model.rules.enums import Health, JourneyStatus
    from deliverydesk.services.views.rows import JourneyRow
    from deliverydesk.ui.board.board_index import BoardIndex
    from deliverydesk.ui.board.column_view import ColumnWidget

    rows = [
        JourneyRow(
            client_id=n, journey_id=n, name=f"Client {n:04d}", company="", offer_id=1,
            offer_name="Coaching", status=JourneyStatus.ACTIVE, phase_position=0,
            phase_name="Onboarding", phase_count=3, phase_entered_on=TODAY, steps_done=0,
            steps_total=10, next_step_title="Intake", next_step_due=TODAY,
            next_step_owner=None, health=Health.ON_TRACK, reasons=(),
        )
        for n in range(1, 251)
    ]  # fmt: skip
    index = BoardIndex(phase_counts={1: 3})
    index.load(rows)
    column = ColumnWidget(index, (1, 0), "Onboarding", lambda: TODAY, lambda j, p: None)
    qtbot.addWidget(column)
    column.resize(320, 1300)
    column.model.set_ids(index.ids((1, 0)))
    column.show()
    qtbot.waitExposed(column)
    view = column.view
    card = view.visualRect(column.model.index(0, 0)).height()
    on_screen = -(-view.viewport().height() // card)  # cards a screen of it shows
    handed = column.model.rowCount()
    assert handed >= on_screen, "the screen is filled at once"
    assert handed <= 2 * on_screen, "and not laid out several screens deep"


def test_an_empty_column_says_whether_the_filter_hides_its_clients(board: BoardPage) -> None:
    from deliverydesk.ui.board.column_view import empty_column_text

    board.search.setText("zzqx")
    board.apply_filter()
    texts = {empty_column_text(w.model) for w in board.columns.values() if w.model.total}
    assert texts == {"No match in this phase"}
    empty = next(w for w in board.columns.values() if not w.model.total)
    assert empty_column_text(empty.model) == "No clients in this phase"


def test_a_start_handing_the_board_the_view_it_shows_leaves_it_as_it_is(
    board: BoardPage, qtbot: QtBot
) -> None:
    # The window restores the person's last view as it starts; the usual one (all offers,
    # the sort and filters unchanged) is what the board already shows: no second build.
    column = max(board.columns.values(), key=lambda c: c.model.rowCount())
    column.view.verticalScrollBar().setValue(column.view.verticalScrollBar().maximum())
    scrolled = column.view.verticalScrollBar().value()
    assert scrolled > 0
    board.restore_view(*board.view_state())
    assert max(board.columns.values(), key=lambda c: c.model.rowCount()) is column
    assert column.view.verticalScrollBar().value() == scrolled
