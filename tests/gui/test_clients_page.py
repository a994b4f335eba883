"""The Clients screen: the demo practice listed, searchable, and each client openable."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from deliverydesk.model.rules.enums import Health, JourneyStatus
from deliverydesk.model.rules.health import HEALTH_RANK
from deliverydesk.services.clients.clients import ClientInput, update_client
from deliverydesk.services.context import Context
from deliverydesk.services.journeys.journeys import add_note
from deliverydesk.services.views.queries import client_rows
from deliverydesk.services.views.rows import JourneyRow
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.clients import client_list_model, clients_page
from deliverydesk.ui.clients.client_list_model import (
    HEALTH,
    NAME,
    ClientListModel,
)
from deliverydesk.ui.clients.clients_page import ClientsPage
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.text import WORDS
from tests.conftest import TODAY


@pytest.fixture
def page(demo_ws: Workspace, qtbot: QtBot, demo_ctx: Context, events: AppEvents) -> ClientsPage:
    widget = ClientsPage(demo_ws, events, QUndoStack())
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    return widget


def shown_names(page: ClientsPage) -> list[str]:
    model = page.model
    return [model.index(r, NAME).data() for r in range(model.rowCount())]


def type_search(qtbot: QtBot, page: ClientsPage, text: str) -> None:
    page.search.clear()
    qtbot.keyClicks(page.search, text)
    qtbot.waitUntil(lambda: page.model._needle == text.strip().casefold(), timeout=2000)


def test_demo_practice_appears_with_phase_progress_next_step_and_health(
    page: ClientsPage, demo_ctx: Context
) -> None:
    rows = client_rows(demo_ctx)
    assert page.model.rowCount() == len(rows) >= 25
    assert page.list_stack.currentWidget() is page.table
    names = shown_names(page)
    assert names == sorted(names, key=str.casefold)
    active = next(
        r
        for r in range(page.model.rowCount())
        if page.model.row_at(r).status is JourneyStatus.ACTIVE
    )
    cells = [page.model.index(active, c).data() for c in range(page.model.columnCount())]
    assert all(cells[:7]), cells  # name, offer, phase, progress, next step, due, waiting on
    assert cells[HEALTH] in {"On track", "At risk", "Off track"}
    assert "clients" in page.count.text()


def test_health_tooltip_explains_itself(page: ClientsPage) -> None:
    model = page.model
    troubled = [
        r
        for r in range(model.rowCount())
        if model.row_at(r).health is not Health.ON_TRACK
        and model.row_at(r).status is JourneyStatus.ACTIVE
    ]
    assert troubled, "the demo has clients at risk or off track"
    tip = model.index(troubled[0], HEALTH).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith(("<p>At risk: ", "<p>Off track: "))
    assert "late" in tip or "over plan" in tip or "friction" in tip.lower()


def test_search_narrows_the_list_as_you_type(qtbot: QtBot, page: ClientsPage) -> None:
    everyone = page.model.rowCount()
    some_name = page.model.row_at(3).name
    first_word = some_name.split()[0]
    type_search(qtbot, page, first_word.upper())  # case does not matter
    assert 1 <= page.model.rowCount() < everyone
    assert any(first_word in name for name in shown_names(page))
    assert "of" in page.count.text()

    offer = page.model.row_at(0).offer_name
    type_search(qtbot, page, offer)
    assert all(page.model.row_at(r).offer_name == offer for r in range(page.model.rowCount()))

    page.search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == everyone, timeout=2000)


def test_a_search_with_no_match_says_so(qtbot: QtBot, page: ClientsPage) -> None:
    type_search(qtbot, page, "zzqx-nobody")
    page.search.returnPressed.emit()
    assert page.model.rowCount() == 0
    assert page.list_stack.currentWidget() is page.no_match
    assert "zzqx-nobody" in page.no_match.title.text()


def test_ctrl_f_focuses_search(
    demo_ws: Workspace, qtbot: QtBot, demo_ctx: Context, events: AppEvents
) -> None:
    from deliverydesk.ui.main_window import MainWindow

    window = MainWindow(demo_ws, events)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()  # shortcuts reach the active window only
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    window.show_screen("clients")
    window.clients.table.setFocus()
    qtbot.keyClick(window.clients.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.clients.search.hasFocus, timeout=2000)


def test_enter_opens_the_client_page_with_the_journey_checklist(
    qtbot: QtBot, page: ClientsPage
) -> None:
    row = next(
        r
        for r in range(page.model.rowCount())
        if page.model.row_at(r).status is JourneyStatus.ACTIVE
    )
    journey = page.model.row_at(row)
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(row, NAME))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)

    client = page.client_page
    assert page.pages.currentWidget() is client
    assert client.name.text() == journey.name
    assert journey.offer_name in client.subtitle.text()
    assert client.checklist.topLevelItemCount() == journey.phase_count
    current = client.checklist.topLevelItem(journey.phase_position)
    assert journey.phase_name in current.text(0) and "Current phase" in current.text(0)
    steps = sum(client.checklist.topLevelItem(i).childCount() for i in range(journey.phase_count))
    assert steps == journey.steps_total
    assert client.health.text().startswith(("On track", "At risk", "Off track"))
    assert f"{journey.steps_done} of {journey.steps_total}" in client.progress_label.text()

    qtbot.keyClick(client, Qt.Key.Key_Escape)
    assert page.pages.currentIndex() == 0


def test_client_page_follows_changes_from_the_event_bus(
    qtbot: QtBot, page: ClientsPage, demo_ctx: Context, events: AppEvents
) -> None:
    row = page.model.row_at(0)
    assert row.journey_id is not None
    page.open_journey(row.journey_id)
    changes = add_note(demo_ctx, row.journey_id, "Prefers voice notes to email <b>").changes
    events.changed.emit(changes)
    notes = page.client_page.notes
    assert any(
        "Prefers voice notes to email <b>" in notes.item(i).text() for i in range(notes.count())
    )


def test_client_list_model_passes_the_model_tester(qtmodeltester: Any, demo_ctx: Context) -> None:
    model = ClientListModel(lambda: TODAY)
    model.set_rows(client_rows(demo_ctx))
    qtmodeltester.check(model)
    model.set_filter("a")
    qtmodeltester.check(model)
    model.sort(HEALTH, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)


@pytest.mark.parametrize(
    ("status", "words"), [(JourneyStatus.COMPLETED, "Completed"), (JourneyStatus.PAUSED, "Paused")]
)
def test_a_journey_not_running_reads_the_same_in_the_list_on_its_page_and_card(
    qtbot: QtBot,
    page: ClientsPage,
    demo_ctx: Context,
    events: AppEvents,
    status: JourneyStatus,
    words: str,
) -> None:
    from sqlalchemy import update

    from deliverydesk.model.entities import Journey
    from deliverydesk.services.changes import Changes
    from deliverydesk.services.views.queries import rows_for_journeys
    from deliverydesk.ui.core import text

    row = next(page.model.row_at(r) for r in range(page.model.rowCount()))
    assert row.journey_id is not None and row.status is JourneyStatus.ACTIVE
    with demo_ctx.transaction() as session:
        session.execute(update(Journey).where(Journey.id == row.journey_id).values(status=status))
    events.changed.emit(Changes(journeys=frozenset({row.journey_id}), everything=True))

    (at,) = [
        r for r in range(page.model.rowCount()) if page.model.row_at(r).journey_id == row.journey_id
    ]
    assert page.model.index(at, HEALTH).data() == words
    assert page.model.index(at, HEALTH).data(Qt.ItemDataRole.ToolTipRole) == f"<p>{words}</p>"
    page.open_journey(row.journey_id)
    assert page.client_page.health.text() == words
    (card,) = rows_for_journeys(demo_ctx, [row.journey_id])
    assert text.health_line(card.health, card.reasons) == words
    assert words in text.card_tooltip(card, TODAY)


def test_the_list_folds_its_search_texts_only_once_someone_searches(
    qtbot: QtBot,
    demo_ws: Workspace,
    events: AppEvents,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """At 5,000 clients folding every row's search text was ~10 ms of the list's first
    paint; it waits for the first keystroke, and the search still finds what it did."""
    folded: list[str] = []
    real_fold = client_list_model.fold

    def counted(text: str) -> str:
        folded.append(text)
        return real_fold(text)

    monkeypatch.setattr(client_list_model, "fold", counted)
    widget = ClientsPage(demo_ws, events, QUndoStack())
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    listed = widget.model.rowCount()
    assert listed >= 25 and folded == []
    type_search(qtbot, widget, "hannah")
    assert [name.split(" · ")[0] for name in shown_names(widget)] == ["Hannah Lindqvist"]
    assert listed <= len(folded) <= listed + len("hannah") + 1  # each row once, and the words


def _in_full(demo_ctx: Context) -> tuple[list[JourneyRow], str]:
    """The rows in the order a list holding every row shows them, and its count line."""
    full = ClientListModel(lambda: TODAY)
    full.set_rows(client_rows(demo_ctx))
    return [full.row_at(r) for r in range(full.rowCount())], WORDS.clients_and_journeys(
        *full.head_counts()
    )


def _lazy_page(
    qtbot: QtBot, demo_ws: Workspace, events: AppEvents, monkeypatch: pytest.MonkeyPatch
) -> ClientsPage:
    """A list that reads five clients at a time (5,000 clients: 100 at a time)."""
    monkeypatch.setattr(client_list_model, "BATCH", 5, raising=False)
    monkeypatch.setattr(clients_page, "BATCH", 5, raising=False)
    widget = ClientsPage(demo_ws, events, QUndoStack())
    qtbot.addWidget(widget)
    widget.resize(1200, 500)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_the_list_reads_its_first_clients_and_the_rest_as_it_is_scrolled(
    qtbot: QtBot,
    demo_ws: Workspace,
    demo_ctx: Context,
    events: AppEvents,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """At 5,000 clients reading every row cost the first paint ~75 ms: the list reads the
    first clients, yet counts every one; End (or the scroll bar) brings the next, in
    the same order a list of every row shows."""
    every, count_line = _in_full(demo_ctx)
    page = _lazy_page(qtbot, demo_ws, events, monkeypatch)
    assert page.model.rowCount() < len(every)
    assert page.count.text() == count_line
    page.table.setFocus()
    while page.model.rowCount() < len(every):
        before = page.model.rowCount()
        qtbot.keyClick(page.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: page.model.rowCount() > before, timeout=2000)  # noqa: B023
    assert [page.model.row_at(r) for r in range(page.model.rowCount())] == every
    assert page.count.text() == count_line


def test_a_search_or_a_sort_finds_the_clients_not_read_yet(
    qtbot: QtBot,
    demo_ws: Workspace,
    demo_ctx: Context,
    events: AppEvents,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    every, _count = _in_full(demo_ctx)
    page = _lazy_page(qtbot, demo_ws, events, monkeypatch)
    last = next(r for r in reversed(every) if r.name.isascii())  # typed key by key
    read = [page.model.row_at(r) for r in range(page.model.rowCount())]
    assert last not in read
    type_search(qtbot, page, last.name)
    found = [page.model.row_at(r) for r in range(page.model.rowCount())]
    assert last in found
    assert page.list_stack.currentWidget() is page.table
    type_search(qtbot, page, "")
    header = page.table.horizontalHeader()
    middle = header.sectionViewportPosition(HEALTH) + header.sectionSize(HEALTH) // 2
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(middle, header.height() // 2)
    )
    rows = [page.model.row_at(r) for r in range(page.model.rowCount())]
    assert sorted(rows) == sorted(every)  # every client, not the first few
    ranks = [(HEALTH_RANK[r.health], r.name.casefold()) for r in rows]
    assert ranks in (sorted(ranks), sorted(ranks, reverse=True))


def test_a_renamed_client_not_read_yet_takes_its_place_and_the_selection_stays(
    qtbot: QtBot,
    demo_ws: Workspace,
    demo_ctx: Context,
    events: AppEvents,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A change to a client the list has not read (renamed to sort first) shows at once
    where it now belongs; the client the person had selected stays selected."""
    every, _count = _in_full(demo_ctx)
    page = _lazy_page(qtbot, demo_ws, events, monkeypatch)
    page.table.selectRow(1)
    chosen = page.model.row_at(1)
    last = every[-1]
    assert last not in [page.model.row_at(r) for r in range(page.model.rowCount())]
    renamed = update_client(demo_ctx, last.client_id, ClientInput("Aaron Aardvark"))
    events.changed.emit(renamed.changes)
    assert page.model.row_at(0).client_id == last.client_id
    assert page.model.index(0, NAME).data() == "Aaron Aardvark"
    assert page.model.row_at(page.table.currentIndex().row()) == chosen
    assert page.model.rowCount() < len(every)  # still read a page at a time
    moved = update_client(demo_ctx, chosen.client_id, ClientInput("Zz Top"))
    events.changed.emit(moved.changes)  # now sorts last: read when scrolled to
    read = {page.model.row_at(r).client_id for r in range(page.model.rowCount())}
    assert chosen.client_id not in read
    assert page.count.text() == _in_full(demo_ctx)[1]
    page.table.setFocus()
    for _ in range(len(every)):  # to the end, a page at a time
        if page.model.canFetchMore():
            qtbot.keyClick(page.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert page.model.index(page.model.rowCount() - 1, NAME).data().startswith("Zz Top")
