"""Words are cut only when the room is really short (issue 19): board column headers take
the width their neighbours can give, and a second line while the cards can spare it; the
board's offer picker is as wide as its longest offer; the offer editor's short columns
read whole. Checked at the default window size and at 1024 x 700."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.board.column_view import ColumnWidget
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.main_window import MainWindow
from deliverydesk.ui.offers.journey_tree_model import EFFORT, KIND, OWNER


def settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


@pytest.fixture
def window(demo_ws: Workspace, qtbot: QtBot, events: AppEvents) -> MainWindow:
    main = MainWindow(demo_ws, events)  # the default size: 1050 x 630
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    settle()
    return main


def shown(column: ColumnWidget) -> str:
    """The phase name as the header shows it, its lines joined."""
    return QLabel.text(column.header).replace("\n", " ")


def whole(column: ColumnWidget) -> bool:
    return shown(column) == column.name


def columns_of(window: MainWindow, offer_name: str) -> list[ColumnWidget]:
    board = window.board
    offer_id = next(i for i, lane in board.lanes.items() if lane.title == offer_name)
    return [c for (o, _), c in sorted(board.columns.items()) if o == offer_id]


def test_at_the_default_size_a_long_phase_name_takes_room_from_its_neighbours(
    window: MainWindow,
) -> None:
    coaching = columns_of(window, "12-Week Clarity Coaching")
    last = coaching[-1]
    assert last.name == "Integration & Offboarding"
    assert whole(last) and "\n" not in QLabel.text(last.header)  # one line, whole
    assert last.width() > coaching[0].width()  # Onboarding gave it room
    assert window.board.lanes_scroll.verticalScrollBar().maximum() == 0  # still fits


def test_at_1024_by_700_every_phase_name_reads_whole_on_level_headers(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: all(whole(c) for c in window.board.columns.values()), timeout=3000)
    for lane in window.board.lanes.values():
        heights = {c.header.height() for c in columns_of(window, lane.title)}
        assert len(heights) == 1, lane.title  # counts and cards start level
    assert window.board.lanes_scroll.verticalScrollBar().maximum() == 0


def test_the_offer_picker_shows_the_longest_offer_whole(window: MainWindow) -> None:
    picker = window.board.offer_picker
    picker.setCurrentIndex(picker.findText("12-Week Clarity Coaching"))
    settle()
    words = picker.fontMetrics().horizontalAdvance(picker.currentText())
    assert picker.width() > words + picker.iconSize().width()  # beside the arrow


@pytest.mark.parametrize("size", [None, (1024, 700)])
def test_the_offer_editor_reads_its_short_columns_whole(
    window: MainWindow, size: tuple[int, int] | None
) -> None:
    if size is not None:
        window.resize(*size)
    window.show_screen("offers")
    offers = window.offers
    offers.open_offer(offers.current_row().id)
    settle()
    tree = offers.editor.journey.tree
    model, header = tree.model(), tree.header()
    metrics = tree.fontMetrics()
    for column in (KIND, OWNER, EFFORT):
        texts = {
            str(model.index(s, column, model.index(p, 0)).data() or "")
            for p in range(model.rowCount())
            for s in range(model.rowCount(model.index(p, 0)))
        }
        widest = max(metrics.horizontalAdvance(t) for t in texts)
        assert header.sectionSize(column) >= widest, column


def test_at_1024_by_700_most_step_titles_of_the_offer_editor_read_whole(
    window: MainWindow,
) -> None:
    """The titles are what a person scans: the tree takes the larger share of the room, the
    step form beside it the rest. Titles much longer than the list is wide still elide
    (their tooltip has them whole)."""
    window.resize(1024, 700)
    window.show_screen("offers")
    offers = window.offers
    offers.open_offer(offers.current_row().id)
    settle()
    tree = offers.editor.journey.tree
    model, header = tree.model(), tree.header()
    room = header.sectionSize(0) - 2 * tree.indentation() - tree.iconSize().width()
    titles = [
        str(model.index(s, 0, model.index(p, 0)).data() or "")
        for p in range(model.rowCount())
        for s in range(model.rowCount(model.index(p, 0)))
    ]
    metrics = tree.fontMetrics()
    whole = [t for t in titles if metrics.horizontalAdvance(t) <= room]
    assert len(whole) >= 0.75 * len(titles), (len(whole), len(titles))
    assert "Welcome pack and workbook" in whole
