"""What a newcomer hit on the Clients screen and a client's page (issue 8): accents in
search, the keyboard from the search box, columns too narrow for their words, sorting by
last name, filters by offer and health, and one long URL breaking every note."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from deliverydesk.model.rules.enums import Health, JourneyStatus
from deliverydesk.services.context import Context
from deliverydesk.services.journeys.journeys import add_note
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.clients.client_list_model import OFFER, PHASE, last_name_key
from deliverydesk.ui.clients.clients_page import CLIENT, ClientsPage
from deliverydesk.ui.core.events import AppEvents
from tests.gui.test_client_page_editing import late_active_journey


@pytest.fixture
def page(demo_ws: Workspace, qtbot: QtBot, events: AppEvents) -> ClientsPage:
    widget = ClientsPage(demo_ws, events, QUndoStack())
    qtbot.addWidget(widget)
    widget.resize(870, 640)  # the Clients screen in a 1024 x 700 window
    widget.show()
    return widget


def shown(page: ClientsPage) -> list[str]:
    return [page.model.row_at(r).name for r in range(page.model.rowCount())]


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


# -- bug 9: accents, case and the keyboard ---------------------------------------------------
@pytest.mark.parametrize("typed", ["zoe muller", "ZOE MULLER", "Zoë Müller", "siobhan o briain"])
def test_search_finds_names_whatever_their_accents_and_case(
    qtbot: QtBot, page: ClientsPage, typed: str
) -> None:
    page.search.setText(typed)
    page._apply_filter()
    names = shown(page)
    assert len(names) == 1
    assert names[0] in ("Zoë Müller", "Siobhán Ó Briain")


def test_down_in_the_search_box_moves_to_the_results(qtbot: QtBot, page: ClientsPage) -> None:
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow, timeout=2000)
    page.search.setFocus()
    qtbot.keyClicks(page.search, "coaching")
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    assert page.table.hasFocus()
    assert page.table.currentIndex().row() == 0
    assert page.table.selectionModel().isRowSelected(0)
    assert "Coaching" in page.model.row_at(0).offer_name


def test_enter_in_the_search_box_opens_the_first_result(qtbot: QtBot, page: ClientsPage) -> None:
    page.search.setFocus()
    qtbot.keyClicks(page.search, "zoe")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.pages.currentIndex() == CLIENT
    assert page.client_page.name.text() == "Zoë Müller"


# -- column widths ---------------------------------------------------------------------------
def test_offer_and_phase_get_the_width_their_words_need(page: ClientsPage) -> None:
    settle()
    header = page.table.horizontalHeader()
    metrics = page.table.fontMetrics()
    for column in (OFFER, PHASE):
        texts = {page.model.index(r, column).data() for r in range(page.model.rowCount())}
        widest = max(metrics.horizontalAdvance(t) for t in texts if t)
        assert header.sectionSize(column) >= widest + metrics.horizontalAdvance("M"), column
    # The next step keeps a readable width, and health sits beside the name.
    em = metrics.horizontalAdvance("M")
    assert header.sectionSize(4) >= 12 * em
    assert header.visualIndex(7) == 1


# -- sorting by last name, filtering by offer and health -------------------------------------
def test_the_list_sorts_by_last_name_as_well(page: ClientsPage) -> None:
    page.name_order.setCurrentIndex(page.name_order.findData(True))
    names = shown(page)
    assert names == sorted(names, key=last_name_key)
    assert names != sorted(names, key=str.casefold)
    assert names.index("Siobhán Ó Briain") < names.index("Zoë Müller")  # "Briain" < "Müller"
    page.name_order.setCurrentIndex(page.name_order.findData(False))
    assert shown(page) == sorted(shown(page), key=str.casefold)


def test_last_name_key_uses_the_last_word() -> None:
    assert last_name_key("Anna van Dijk")[0] == "dijk"
    assert last_name_key("Zoë Müller")[0] == "muller"
    assert last_name_key("")[0] == ""


def test_the_list_filters_by_offer(page: ClientsPage, demo_ctx: Context) -> None:
    everyone = page.model.rowCount()
    offers = [page.offer_filter.itemText(i) for i in range(page.offer_filter.count())]
    assert offers[0] == "All offers" and "Brand Audit" in offers
    page.offer_filter.setCurrentIndex(page.offer_filter.findText("Brand Audit"))
    rows = [page.model.row_at(r) for r in range(page.model.rowCount())]
    assert rows and len(rows) < everyone
    assert {r.offer_name for r in rows} == {"Brand Audit"}
    assert "of" in page.count.text()
    page.offer_filter.setCurrentIndex(0)
    assert page.model.rowCount() == everyone


@pytest.mark.parametrize("health", [Health.OFF_TRACK, Health.AT_RISK, Health.ON_TRACK])
def test_the_list_filters_by_health(page: ClientsPage, health: Health) -> None:
    page.health_filter.setCurrentIndex(page.health_filter.findData(health.value))
    rows = [page.model.row_at(r) for r in range(page.model.rowCount())]
    assert rows
    assert all(r.health is health and r.status is JourneyStatus.ACTIVE for r in rows)


def test_filters_combine_with_the_search_and_say_when_nothing_matches(page: ClientsPage) -> None:
    page.offer_filter.setCurrentIndex(page.offer_filter.findText("Brand Audit"))
    page.search.setText("zoe")
    page._apply_filter()
    assert page.model.rowCount() == 0  # Zoë is in another offer
    assert page.list_stack.currentWidget() is page.no_match
    page.search.clear()
    page.health_filter.setCurrentIndex(page.health_filter.findData("off_track"))
    if page.model.rowCount() == 0:
        assert "filters" in page.no_match.title.text()


# -- bug 4: a long URL in a note -------------------------------------------------------------
def test_a_long_url_in_one_note_does_not_break_wrapping_for_every_note(
    qtbot: QtBot, page: ClientsPage, demo_ctx: Context, events: AppEvents
) -> None:
    journey_id = late_active_journey(demo_ctx)
    # One token with nowhere to break a line (slashes and hyphens would give Qt a place).
    url = "https://example.org/track?id=" + "Ab3x" * 58
    assert len(url) >= 250
    long_note = "Notes from the call. " * 500  # 10,500 characters
    short = "Prefers calls on Tuesdays and wants the summary by email afterwards, please."
    for text in (short, url, long_note, "See " + url + " before Friday."):
        add_note(demo_ctx, journey_id, text)
    page.open_journey(journey_id)
    client = page.client_page
    client.tabs.setCurrentWidget(client.notes_panel)
    settle()
    notes = client.notes
    viewport = notes.viewport()
    assert notes.horizontalScrollBar().maximum() == 0
    assert not notes.horizontalScrollBar().isVisible()
    lines = notes.fontMetrics().lineSpacing()
    for row in range(notes.count()):
        rect = notes.visualItemRect(notes.item(row))
        assert rect.width() <= viewport.width(), row
    url_row = next(r for r in range(notes.count()) if notes.item(r).text().endswith(url))
    assert notes.visualItemRect(notes.item(url_row)).height() >= 3 * lines  # wrapped
    short_row = next(r for r in range(notes.count()) if short in notes.item(r).text())
    short_width = notes.fontMetrics().horizontalAdvance(short)
    expected = 2 + (short_width > viewport.width() - 4 * notes.fontMetrics().horizontalAdvance(" "))
    assert notes.visualItemRect(notes.item(short_row)).height() <= (expected + 1) * lines
    # Narrower still: the notes wrap again to the new width.
    page.resize(640, 640)
    settle()
    assert notes.horizontalScrollBar().maximum() == 0
    for row in range(notes.count()):
        assert notes.visualItemRect(notes.item(row)).width() <= notes.viewport().width()


def test_the_activity_list_wraps_too(page: ClientsPage, demo_ctx: Context) -> None:
    journey_id = late_active_journey(demo_ctx)
    add_note(demo_ctx, journey_id, "https://example.org/" + "z" * 300)
    page.open_journey(journey_id)
    client = page.client_page
    client.tabs.setCurrentWidget(client.activity)
    settle()
    assert client.activity.horizontalScrollBar().maximum() == 0
