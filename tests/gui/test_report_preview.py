"""The document preview: it shows the pages, exports them whole (or says why not), prints
them onto a printer page for page, and opens from the client page, a board card and an
offer, each time with the right document."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QObject, QPoint, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import QContextMenuEvent, QDesktopServices, QPageSize, QUndoStack
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot

from deliverydesk.services.changes import Aspect, Changes
from deliverydesk.services.paper.report_export import DocumentKind
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.board.board_page import BoardPage
from deliverydesk.ui.board.card_model import JOURNEY_ID_ROLE
from deliverydesk.ui.clients.client_page import ClientPage
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.undo_commands import CompleteStepCommand
from deliverydesk.ui.offers.offers_page import OffersPage
from deliverydesk.ui.widgets.paper.documents_menu import open_preview
from deliverydesk.ui.widgets.paper.preview_dialog import PreviewDialog

CLIENT = "Hannah Lindqvist"  # a demo client well into her journey: a one-page report


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def client_id(ws: Workspace, name: str = CLIENT) -> int:
    return next(i for i, n in ws.paper.report_clients() if n == name)


def journey_id(ws: Workspace, name: str = CLIENT) -> int:
    row = next(r for r in ws.clients.client_rows() if r.name == name and r.journey_id is not None)
    assert row.journey_id is not None
    return row.journey_id


def previews() -> list[PreviewDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, PreviewDialog)]


@pytest.fixture
def host(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def preview(qtbot: QtBot, demo_ws: Workspace, host: QWidget) -> Iterator[PreviewDialog]:
    dialog = open_preview(host, demo_ws, DocumentKind.PROGRESS, client_id=client_id(demo_ws))
    assert dialog is not None
    qtbot.waitExposed(dialog)
    yield dialog
    dialog.close()


class FolderOpener(QObject):
    """Where file:// links go instead of the desktop's file manager, while installed."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[Path] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(Path(url.toLocalFile()))


@pytest.fixture
def folder_opener() -> Iterator[FolderOpener]:
    opener = FolderOpener()
    QDesktopServices.setUrlHandler("file", opener, "open")
    yield opener
    QDesktopServices.unsetUrlHandler("file")


# -- the dialog ------------------------------------------------------------------------------
def test_the_preview_shows_every_page_of_a_demo_clients_progress_report(
    preview: PreviewDialog,
) -> None:
    pages = len(PdfReader(io.BytesIO(preview.document.pdf)).pages)
    assert pages == 1  # a typical client's report fits one page
    assert preview.isVisible() and not preview.isModal()
    assert preview.page_count() == pages
    assert preview.page_label.text() == f"Page 1 of {pages}"
    assert CLIENT in preview.windowTitle() and "Progress report" in preview.windowTitle()
    assert preview.view.document() is preview.pages.document
    assert preview.note_box.isVisibleTo(preview)  # a progress report takes a note
    assert not preview.messages.isVisibleTo(preview)  # nothing to warn about
    assert not preview.open_folder_button.isEnabled()  # nothing exported yet


def test_zoom_steps_in_and_out_and_fits_the_width_again(
    qtbot: QtBot, preview: PreviewDialog
) -> None:
    fitted = preview.zoom()
    assert preview.fit_button.isChecked()
    preview.zoom_in_button.click()
    assert preview.zoom() > fitted and not preview.fit_button.isChecked()
    assert preview.zoom_label.text() == f"{round(preview.zoom() * 100)} %"
    qtbot.keyClick(preview.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(preview.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert preview.zoom() < fitted
    qtbot.keyClick(preview.view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert preview.fit_button.isChecked() and preview.zoom() == pytest.approx(fitted, rel=0.02)


def test_print_draws_each_page_on_its_own_sheet_of_a_pdf_printer(
    preview: PreviewDialog, tmp_path: Path
) -> None:
    printed = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    from deliverydesk.ui.widgets.paper.printing import prepare_printer

    assert preview.pages is not None
    prepare_printer(printer, preview.pages, "Progress report")
    count = preview.print_to(printer)

    original = PdfReader(io.BytesIO(preview.document.pdf))
    copy = PdfReader(printed)
    assert count == len(original.pages) == len(copy.pages)
    for page, source in zip(copy.pages, original.pages, strict=True):
        assert page.mediabox.width == pytest.approx(float(source.mediabox.width), abs=2)
        assert page.mediabox.height == pytest.approx(float(source.mediabox.height), abs=2)
        assert page.images, "each sheet carries its page's picture"
    assert f"Sent {count} page" in preview.outcome.text()


def test_print_on_other_paper_scales_the_pages_to_fit(
    preview: PreviewDialog, tmp_path: Path
) -> None:
    printed = tmp_path / "letter.pdf"
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A5))
    assert preview.print_to(printer) == preview.page_count()
    assert len(PdfReader(printed).pages) == preview.page_count()


def test_export_writes_the_pdf_and_open_folder_shows_its_folder(
    preview: PreviewDialog, tmp_path: Path, folder_opener: FolderOpener
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    saved = preview.export_to(out / "Hannah's report")
    assert saved == out / "Hannah's report.pdf"
    assert saved.read_bytes().startswith(b"%PDF")
    assert saved.read_bytes() == preview.document.pdf
    assert [p.name for p in out.iterdir()] == [saved.name]  # no temporary file left
    assert "Saved" in preview.outcome.text() and str(out) in preview.outcome.text()
    assert preview.open_folder_button.isEnabled()
    preview.open_folder_button.click()
    assert folder_opener.opened == [out]


def unwritable_folder(tmp_path: Path) -> Path:
    """A folder this process may not write in: read-only by its modes, or, for root (who
    may write anywhere), the kernel's /sys."""
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    if os.access(folder, os.W_OK) and Path("/sys").is_dir():
        return Path("/sys")
    return folder


def test_export_to_a_folder_that_cannot_be_written_says_so_and_writes_nothing(
    preview: PreviewDialog, tmp_path: Path
) -> None:
    folder = unwritable_folder(tmp_path)
    before = set(folder.iterdir())
    assert preview.export_to(folder / "report.pdf") is None
    assert set(folder.iterdir()) == before
    assert preview.outcome.text().startswith("Not saved.")
    assert str(folder) in preview.outcome.text()
    assert not preview.open_folder_button.isEnabled()


def test_characters_no_font_has_are_named_before_export(
    qtbot: QtBot, demo_ws: Workspace, host: QWidget
) -> None:
    who = client_id(demo_ws)
    details = demo_ws.clients.client_details(who)
    demo_ws.clients.update_client(who, replace(details.as_input(), name=f"{details.name} ✅"))
    dialog = open_preview(host, demo_ws, DocumentKind.CHECKLIST, client_id=who)
    assert dialog is not None
    assert dialog.messages.isVisibleTo(dialog)
    assert "would print as boxes" in dialog.messages.text()
    assert "✅ (U+2705)" in dialog.messages.text()
    dialog.close()


def test_a_personal_note_goes_into_the_report_and_into_what_is_exported(
    qtbot: QtBot, preview: PreviewDialog, tmp_path: Path
) -> None:
    assert not preview.update_button.isEnabled()  # nothing typed yet
    qtbot.keyClicks(preview.note, "Lovely <b>momentum</b> this month")
    assert preview.update_button.isEnabled()
    pages_before = preview.pages
    qtbot.mouseClick(preview.update_button, Qt.MouseButton.LeftButton)
    assert preview.pages is not pages_before
    assert "Lovely <b>momentum</b> this month" in text_of(preview.document.pdf)
    assert not preview.update_button.isEnabled()

    # Typed after the last update: export saves what the note says now.
    qtbot.keyClicks(preview.note, ", Hannah")
    saved = preview.export_to(tmp_path / "with note.pdf")
    assert saved is not None
    assert "this month, Hannah" in text_of(saved.read_bytes())


def test_the_note_also_follows_a_pause_in_typing(qtbot: QtBot, preview: PreviewDialog) -> None:
    qtbot.keyClicks(preview.note, "See you Friday")
    qtbot.waitUntil(lambda: "See you Friday" in text_of(preview.document.pdf), timeout=10_000)


def test_documents_other_than_progress_reports_take_no_note(
    demo_ws: Workspace, host: QWidget
) -> None:
    dialog = open_preview(host, demo_ws, DocumentKind.ONBOARDING, client_id=client_id(demo_ws))
    assert dialog is not None
    assert not dialog.note_box.isVisibleTo(dialog)
    assert dialog.page_count() >= 2
    dialog.close()


# -- where the previews come from ------------------------------------------------------------
def test_the_client_page_documents_menu_and_ctrl_p_open_that_clients_documents(
    qtbot: QtBot, demo_ws: Workspace, events: AppEvents
) -> None:
    page = ClientPage(demo_ws, events, QUndoStack())
    qtbot.addWidget(page)
    page.show_journey(journey_id(demo_ws))
    page.show()
    qtbot.waitExposed(page)
    menu = page.documents.menu
    assert [a.text() for a in menu.actions()] == [
        "Progress report…",
        "Welcome pack…",
        "Checklist…",
        "Intake form…",
        "",  # a separator, then the documents to send
        "Send to client",
    ]
    expected = {
        DocumentKind.PROGRESS: "Progress report",
        DocumentKind.ONBOARDING: "Welcome pack",
        DocumentKind.CHECKLIST: "Checklist",
        DocumentKind.INTAKE: "Intake form",
    }
    for kind, words in expected.items():
        page.documents.actions[kind].trigger()
        dialog = page.documents.preview
        assert dialog is not None and dialog.isVisible()
        assert dialog.document.kind is kind
        assert dialog.document.file_name == f"{words} - {CLIENT}.pdf"
        dialog.close()

    page.activateWindow()  # shortcuts reach the active window only
    qtbot.waitUntil(page.isActiveWindow, timeout=2000)
    page.checklist.setFocus()
    qtbot.keyClick(page.checklist, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    shown = [d for d in previews() if d.isVisible()]
    assert [d.document.file_name for d in shown] == [f"Progress report - {CLIENT}.pdf"]

    # In the preview, Ctrl+P is Print… (the system's dialog), not another preview.
    dialog = shown[0]
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    paper: list[QPageSize.PageSizeId] = []

    def answer_print_dialog() -> None:
        found = [w for w in QApplication.topLevelWidgets() if isinstance(w, QPrintDialog)]
        for box in (w for w in found if w.isVisible()):
            paper.append(box.printer().pageLayout().pageSize().id())
            box.reject()

    QTimer.singleShot(0, answer_print_dialog)
    qtbot.keyClick(dialog.view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert paper == [QPageSize.PageSizeId.A4]  # the document's own paper, offered
    assert "printer" not in dialog.outcome.text()  # cancelled: nothing printed
    assert [d for d in previews() if d.isVisible()] == [dialog]
    dialog.close()


@pytest.fixture
def board(qtbot: QtBot, demo_ws: Workspace, events: AppEvents) -> BoardPage:
    page = BoardPage(demo_ws, events, QUndoStack())
    qtbot.addWidget(page)
    page.resize(1500, 900)
    page.show()
    qtbot.waitExposed(page)
    return page


def open_popup(qtbot: QtBot) -> QMenu:
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu), timeout=5000)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    return menu


def test_a_board_cards_menu_opens_the_client_or_their_documents_from_the_keyboard(
    qtbot: QtBot, board: BoardPage, demo_ws: Workspace
) -> None:
    journey = journey_id(demo_ws)
    board.select_journey(journey)
    view = next(w.view for w in board.columns.values() if journey in w.model.journey_ids())
    assert view.currentIndex().data(JOURNEY_ID_ROLE) == journey

    qtbot.keyClick(view, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    menu = open_popup(qtbot)
    words = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert words == [
        "Open client",
        "Log friction…",
        "Record feedback…",
        "Progress report…",
        "Checklist…",
        "Send progress report…",
    ]
    with qtbot.waitSignal(board.open_journey) as opened:
        menu.actions()[0].trigger()
    assert opened.args == [journey]
    menu.close()

    # The Menu key (a keyboard context menu) opens the current card's menu, by the card.
    menu_key = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, QPoint(0, 0), QPoint(0, 0))
    with qtbot.waitSignal(view.menu_requested) as asked:
        QApplication.sendEvent(view, menu_key)
    card = view.visualRect(view.currentIndex())
    assert asked.args[0].data(JOURNEY_ID_ROLE) == journey
    assert card.contains(view.viewport().mapFromGlobal(asked.args[1]))
    open_popup(qtbot).close()

    for words, kind in (("Progress report…", "Progress report"), ("Checklist…", "Checklist")):
        menu = board.card_menu(journey)
        assert menu is not None
        next(a for a in menu.actions() if a.text() == words).trigger()
        (dialog,) = [d for d in previews() if d.isVisible()]
        assert dialog.document.file_name == f"{kind} - {CLIENT}.pdf"
        dialog.close()
        menu.close()


def test_a_right_click_on_a_card_opens_that_cards_menu(
    qtbot: QtBot, board: BoardPage, demo_ws: Workspace
) -> None:
    journey = journey_id(demo_ws)
    board.select_journey(journey)
    view = next(w.view for w in board.columns.values() if journey in w.model.journey_ids())
    at = view.visualRect(view.currentIndex()).center()
    click = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at, view.viewport().mapToGlobal(at))
    with qtbot.waitSignal(view.menu_requested) as asked:
        QApplication.sendEvent(view.viewport(), click)  # as a right click delivers it
    assert asked.args[0].data(JOURNEY_ID_ROLE) == journey
    menu = open_popup(qtbot)
    menu.close()


def test_an_offers_menu_previews_its_blank_documents(
    qtbot: QtBot, demo_ws: Workspace, events: AppEvents
) -> None:
    page = OffersPage(demo_ws, events, QUndoStack())
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    row = page.current_row()
    assert row is not None
    page.table.customContextMenuRequested.emit(QPoint(1, 1))
    menu = open_popup(qtbot)
    words = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert words[-3:] == [
        "Welcome pack (template)…",
        "Checklist (blank)…",
        "Intake form (blank)…",
    ]
    menu.actions()[-2].trigger()
    menu.close()
    (dialog,) = [d for d in previews() if d.isVisible()]
    assert dialog.document.kind is DocumentKind.CHECKLIST
    assert dialog.document.file_name == f"Checklist - {row.name}.pdf"
    assert dialog.offer_id == row.id and dialog.client_id is None
    dialog.close()


# -- following the data while open -----------------------------------------------------------
def wins_in(pdf: bytes) -> str:
    """The progress report's "Recent wins", as a reader sees them."""
    return text_of(pdf).split("RECENT WINS")[1].split("WHAT COMES NEXT")[0]


def open_step(ws: Workspace, title: str, name: str = CLIENT) -> int:
    detail = ws.journeys.journey_detail(journey_id(ws, name))
    step = next(s for p in detail.phases for s in p.steps if s.title == title)
    assert step.completed_on is None
    return step.id


def tick(ws: Workspace, events: AppEvents, stack: QUndoStack, step_id: int, title: str) -> None:
    """As the client page ticks a step: the undo command, announced on `events`."""
    stack.push(CompleteStepCommand(ws, events, step_id, ws.today(), title))


@pytest.fixture
def following(
    qtbot: QtBot, demo_ws: Workspace, events: AppEvents
) -> Iterator[tuple[PreviewDialog, ClientPage]]:
    """Hannah's progress report, opened from her client page (which hands it the events)."""
    page = ClientPage(demo_ws, events, QUndoStack())
    qtbot.addWidget(page)
    page.show_journey(journey_id(demo_ws))
    dialog = page.documents.open(DocumentKind.PROGRESS)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    yield dialog, page
    dialog.close()


def test_a_step_ticked_while_the_report_is_open_shows_among_its_wins(
    qtbot: QtBot, demo_ws: Workspace, events: AppEvents, following: tuple[PreviewDialog, ClientPage]
) -> None:
    preview, page = following
    survey = "Midpoint pulse survey"
    assert survey not in wins_in(preview.document.pdf)
    assert preview.updated_label.text() == ""
    tick(demo_ws, events, page.undo_stack, open_step(demo_ws, survey), survey)
    assert preview.refresh_pending()
    qtbot.waitUntil(lambda: survey in wins_in(preview.document.pdf), timeout=5000)
    assert preview.updated_label.text().startswith("Updated at")  # said, quietly
    assert not preview.messages.isVisibleTo(preview)

    page.undo_stack.undo()  # and undone: gone from the wins again
    qtbot.waitUntil(lambda: survey not in wins_in(preview.document.pdf), timeout=5000)


def test_a_change_to_another_client_leaves_the_preview_as_it_is(
    qtbot: QtBot, demo_ws: Workspace, events: AppEvents, following: tuple[PreviewDialog, ClientPage]
) -> None:
    preview, page = following
    before = preview.document
    other = "Aisha Rahman"
    step = next(
        s
        for p in demo_ws.journeys.journey_detail(journey_id(demo_ws, other)).phases
        for s in p.steps
        if s.completed_on is None
    )
    tick(demo_ws, events, page.undo_stack, step.id, step.title)
    assert not preview.refresh_pending()
    events.changed.emit(Changes(offers=frozenset({999}), aspects=Aspect.OFFER))
    assert not preview.refresh_pending()
    assert preview.document is before

    # The practice's name and brand are on every page: that change is followed.
    with qtbot.waitSignal(preview.refreshed, timeout=5000):
        events.changed.emit(Changes(aspects=Aspect.PRACTICE))
    assert preview.document is not before


def test_a_re_made_report_keeps_the_note_the_page_and_the_zoom(
    qtbot: QtBot, demo_ws: Workspace, events: AppEvents, following: tuple[PreviewDialog, ClientPage]
) -> None:
    preview, page = following
    # A note that does not fit under the lists: the report takes a second page for it.
    qtbot.keyClicks(preview.note, "Great month, Hannah. " + "The Friday review shows. " * 40)
    preview.update_button.click()
    assert preview.page_count() == 2
    preview.zoom_in_button.click()
    zoom = preview.zoom()
    preview.view.pageNavigator().jump(1, QPoint())
    assert preview.current_page() == 1

    survey = "Midpoint pulse survey"
    with qtbot.waitSignal(preview.refreshed, timeout=5000):
        tick(demo_ws, events, page.undo_stack, open_step(demo_ws, survey), survey)
    assert survey in wins_in(preview.document.pdf)
    assert "Great month, Hannah" in text_of(preview.document.pdf)
    assert preview.note.toPlainText().startswith("Great month, Hannah")
    assert not preview.update_button.isEnabled()  # the note shown is the note typed
    assert preview.current_page() == 1
    assert preview.zoom() == pytest.approx(zoom)
    assert preview.page_label.text() == f"Page 2 of {preview.page_count()}"


def test_a_client_moved_to_the_trash_keeps_the_last_pages_and_says_so(
    qtbot: QtBot, demo_ws: Workspace, events: AppEvents, host: QWidget, tmp_path: Path
) -> None:
    row = next(r for r in demo_ws.clients.client_rows() if r.name == "Marcus Bell")  # journey done
    dialog = open_preview(
        host, demo_ws, DocumentKind.PROGRESS, client_id=row.client_id, events=events
    )
    assert dialog is not None
    before, pages = dialog.document, dialog.page_count()

    events.changed.emit(demo_ws.clients.archive_client(row.client_id).changes)
    qtbot.waitUntil(lambda: "no longer exists" in dialog.messages.text(), timeout=5000)
    assert dialog.messages.isVisibleTo(dialog)
    assert dialog.document is before and dialog.page_count() == pages
    assert dialog.export_to(tmp_path / "last.pdf") == tmp_path / "last.pdf"  # still saved

    # Back from the trash: the preview follows again, and the message goes.
    events.changed.emit(demo_ws.clients.restore_from_trash(row.client_id).changes)
    qtbot.waitUntil(lambda: not dialog.messages.isVisibleTo(dialog), timeout=5000)
    dialog.close()
