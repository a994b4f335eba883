"""A brand edit reports Aspect.BRAND: the board, Clients, Today, Timeline and the Dashboard
read nothing again (no card, row or figure shows the brand), while the Brand tab's sample and
an open report follow it (the title and the Practice tab follow a new name: test_brand_panel)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from deliverydesk.services.context import Context
from deliverydesk.services.paper.report_export import DocumentKind
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.main_window import MainWindow
from deliverydesk.ui.settings.brand_panel import BrandPanel
from deliverydesk.ui.widgets.paper.pdf_pages import PdfPages
from tests.gui.lifecycle_support import make_window

VIEWS = ("board", "clients", "today", "timeline", "dashboard")
VIOLET = (0x8A, 0x2B, 0xE2)


@contextmanager
def statements(ctx: Context) -> Iterator[list[str]]:
    seen: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        seen.append(" ".join(statement.split()))

    event.listen(ctx.db.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(ctx.db.engine, "before_cursor_execute", record)


def brand_tab(window: MainWindow) -> BrandPanel:
    window.show_screen("settings")
    window.settings_page.tabs.setCurrentWidget(window.settings_page.brand)
    return window.settings_page.brand


def save_colour(qtbot: QtBot, panel: BrandPanel, code: str) -> None:
    panel.form.primary.code.selectAll()
    qtbot.keyClicks(panel.form.primary.code, code)
    qtbot.keyClick(panel.form.primary.code, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def near(image: QImage, x: int, y: int, rgb: tuple[int, int, int]) -> bool:
    colour = image.pixelColor(x, y)
    return (
        abs(colour.red() - rgb[0]) + abs(colour.green() - rgb[1]) + abs(colour.blue() - rgb[2]) < 12
    )


def band(pdf: bytes) -> QImage:
    return PdfPages(pdf).render(0, 72)


def band_is(pdf: bytes, rgb: tuple[int, int, int]) -> bool:
    page = band(pdf)
    return near(page, page.width() // 2, round(30.6 / 25.4 * 72), rgb)  # under the band


def test_a_brand_edit_reads_no_card_row_or_figure_again(
    qtbot: QtBot, demo_ws: Workspace, demo_ctx: Context, events: AppEvents
) -> None:
    window = make_window(qtbot, demo_ws, events)
    for screen in VIEWS:  # each read once, as a person looking round would
        window.show_screen(screen)
    cards = window.board.index.cards.copy()
    panel = brand_tab(window)

    with statements(demo_ctx) as seen:
        save_colour(qtbot, panel, "8a2be2")
        window.undo_stack.undo()
        window.undo_stack.redo()
        for screen in VIEWS:
            window.show_screen(screen)

    assert demo_ws.practice.brand_settings().brand_color == "#8A2BE2"
    journey_reads = [s for s in seen if s.startswith("SELECT") and "journey" in s]
    assert journey_reads == [], "no view that shows no brand read its journeys again"
    assert window.board.index.cards == cards
    # What shows the brand shows the new one.
    brand_tab(window)
    assert panel.form.primary.code.text() == "#8A2BE2"
    assert panel.preview.view.pages is not None
    assert band_is(panel.preview.view.pages.pdf, VIOLET)


def test_an_open_report_follows_a_brand_edit_and_its_undo(
    qtbot: QtBot, demo_ws: Workspace, events: AppEvents
) -> None:
    window = make_window(qtbot, demo_ws, events)
    journey = next(r.journey_id for r in demo_ws.clients.client_rows() if r.journey_id is not None)
    window.open_client(journey)
    preview = window.clients.client_page.documents.open(DocumentKind.PROGRESS)
    assert preview is not None
    qtbot.waitExposed(preview)
    try:
        assert not band_is(preview.document.pdf, VIOLET)
        panel = brand_tab(window)
        with qtbot.waitSignal(preview.refreshed, timeout=5000):
            save_colour(qtbot, panel, "8a2be2")
        assert band_is(preview.document.pdf, VIOLET)
        with qtbot.waitSignal(preview.refreshed, timeout=5000):
            window.undo_stack.undo()
        assert not band_is(preview.document.pdf, VIOLET)
    finally:
        preview.close()
