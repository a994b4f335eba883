"""Send to client, as a person reaches it: the preview's button, the client page's
Documents menu, a board card's menu and File → Send progress reports…. A fake xdg-email
first on PATH records what the mail program was handed; without one, the file is shown in
its folder and the message copied. Every send shows on the client's page as a contact."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication, QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from deliverydesk.services.paper.report_export import DocumentKind
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.board.board_page import BoardPage
from deliverydesk.ui.clients.client_page import ClientPage
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.jobs import JobRunner
from deliverydesk.ui.core.runner import Runner
from deliverydesk.ui.widgets.paper.documents_menu import open_preview
from deliverydesk.ui.widgets.paper.preview_dialog import PreviewDialog
from deliverydesk.ui.widgets.paper.sending import BatchSend, send_progress_reports
from deliverydesk.wording import ENGLISH
from tests.fake_composer import option, recorded

CLIENT = "Hannah Lindqvist"
WAIT = 30_000  # ms: a document made and a process started, on a loaded machine


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


def client_id(ws: Workspace, name: str = CLIENT) -> int:
    return next(i for i, n in ws.paper.report_clients() if n == name)


def journey_id(ws: Workspace, name: str = CLIENT) -> int:
    row = next(r for r in ws.clients.client_rows() if r.name == name and r.journey_id is not None)
    assert row.journey_id is not None
    return row.journey_id


def email(ws: Workspace, name: str = CLIENT) -> str:
    return ws.clients.client_details(client_id(ws, name)).email


@pytest.fixture
def host(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def preview(
    qtbot: QtBot, demo_ws: Workspace, events: AppEvents, host: QWidget
) -> Iterator[PreviewDialog]:
    dialog = open_preview(
        host, demo_ws, DocumentKind.PROGRESS, client_id=client_id(demo_ws), events=events
    )
    assert dialog is not None
    qtbot.waitExposed(dialog)
    yield dialog
    dialog.close()


@pytest.fixture
def page(qtbot: QtBot, demo_ws: Workspace, events: AppEvents) -> ClientPage:
    shown = ClientPage(demo_ws, events, QUndoStack())
    qtbot.addWidget(shown)
    shown.show_journey(journey_id(demo_ws))
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def page_says(page: ClientPage, words: str) -> bool:
    detail = page.detail
    assert detail is not None
    return any(ENGLISH.activity_text(a.kind, a.detail) == words for a in detail.activity)


def test_the_preview_sends_the_document_shown_with_its_note_to_the_client(
    qtbot: QtBot, preview: PreviewDialog, demo_ws: Workspace, composer: Path, page: ClientPage
) -> None:
    assert preview.send_button.isVisible() and preview.send_button.isEnabled()
    qtbot.keyClicks(preview.note, "Lovely progress, Hannah. Keep going!")
    preview.update_preview()

    with qtbot.waitSignal(preview.sent, timeout=WAIT):
        qtbot.mouseClick(preview.send_button, Qt.MouseButton.LeftButton)

    [args] = recorded(composer)
    attached = Path(option(args, "--attach"))
    assert attached.read_bytes() == preview.document.pdf  # the note included
    assert attached.name == f"Progress report - {CLIENT}.pdf"
    assert args[-1] == email(demo_ws)
    assert CLIENT in option(args, "--subject")
    assert option(args, "--body").startswith("Hi Hannah,")
    assert "mail draft to Hannah Lindqvist is open" in preview.outcome.label.text()
    # The client's page, open beside it, shows the contact.
    qtbot.waitUntil(lambda: page_says(page, "Progress report sent"), timeout=WAIT)


def test_with_no_mail_program_the_file_is_shown_and_the_message_copied(
    qtbot: QtBot,
    preview: PreviewDialog,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    folder_opener: FolderOpener,
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "no-programs-here"))
    QGuiApplication.clipboard().clear()

    with qtbot.waitSignal(preview.sent, timeout=WAIT) as sent:
        qtbot.mouseClick(preview.send_button, Qt.MouseButton.LeftButton)

    path = sent.args[0].path
    assert path.read_bytes() == preview.document.pdf
    assert folder_opener.opened == [path.parent]
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("To: ") and "Subject: " in copied and "Hi Hannah," in copied
    said = preview.outcome.label.text()
    assert said.startswith("No mail program could take the attachment.")
    assert str(path.parent) in said and "paste it into a new e-mail" in said
    assert preview.send_button.isEnabled()


def test_the_client_page_documents_menu_sends_each_document(
    qtbot: QtBot, page: ClientPage, demo_ws: Workspace, composer: Path
) -> None:
    sends = page.documents.send_menu
    assert [a.text() for a in sends.actions()] == [
        "Send progress report…",
        "Send welcome pack…",
        "Send checklist…",
        "Send intake form…",
    ]
    page.documents.send_actions[DocumentKind.CHECKLIST].trigger()
    sending = page.documents.sending
    assert sending is not None
    qtbot.waitUntil(lambda: sending.sent is not None, timeout=WAIT)

    [args] = recorded(composer)
    assert Path(option(args, "--attach")).name == f"Checklist - {CLIENT}.pdf"
    assert option(args, "--subject").endswith(": your checklist")
    qtbot.waitUntil(lambda: page_says(page, "Checklist sent"), timeout=WAIT)


def test_from_the_menu_with_no_mail_program_a_box_says_so_and_the_file_is_shown(
    qtbot: QtBot,
    page: ClientPage,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    folder_opener: FolderOpener,
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "no-programs-here"))
    QGuiApplication.clipboard().clear()

    page.documents.send_actions[DocumentKind.PROGRESS].trigger()
    sending = page.documents.sending
    assert sending is not None
    qtbot.waitUntil(lambda: sending.sent is not None, timeout=WAIT)

    assert sending.sent is not None and not sending.sent.opened
    boxes = [b for b in page.findChildren(QMessageBox) if b.isVisible()]
    assert len(boxes) == 1
    assert "No mail program could take the attachment." in boxes[0].text()
    assert folder_opener.opened == [sending.sent.path.parent]
    assert "Hi Hannah," in QGuiApplication.clipboard().text()
    boxes[0].close()
    qtbot.waitUntil(lambda: page_says(page, "Progress report sent"), timeout=WAIT)


def test_a_board_cards_menu_sends_the_progress_report(
    qtbot: QtBot, demo_ws: Workspace, events: AppEvents, composer: Path
) -> None:
    board = BoardPage(demo_ws, events, QUndoStack())
    qtbot.addWidget(board)
    board.show()
    menu = board.card_menu(journey_id(demo_ws))
    assert menu is not None

    next(a for a in menu.actions() if a.text() == "Send progress report…").trigger()

    qtbot.waitUntil(lambda: len(recorded(composer)) == 1, timeout=WAIT)
    [args] = recorded(composer)
    assert Path(option(args, "--attach")).name == f"Progress report - {CLIENT}.pdf"
    assert args[-1] == email(demo_ws)


@pytest.fixture
def runner(demo_ws: Workspace, events: AppEvents) -> Iterator[Runner]:
    jobs = JobRunner.for_workspace(demo_ws)
    yield Runner(demo_ws, events, jobs)
    jobs.shutdown()


def test_a_batch_opens_one_draft_per_active_client_in_the_background(
    qtbot: QtBot, demo_ws: Workspace, runner: Runner, host: QWidget, composer: Path
) -> None:
    active = demo_ws.paper.report_clients()
    batch = send_progress_reports(host, demo_ws, runner)
    assert isinstance(batch, BatchSend)
    assert batch.progress.isVisible()

    with qtbot.waitSignal(batch.ended, timeout=WAIT * 4):
        pass

    calls = recorded(composer)
    assert len(calls) == len(active)
    assert sorted(Path(option(a, "--attach")).name for a in calls) == sorted(
        f"Progress report - {name}.pdf" for _, name in active
    )
    assert batch.summary is not None
    assert f"{len(active)} progress reports sent to your mail program." in batch.summary.text()


def test_a_stopped_batch_opens_no_more_drafts(
    qtbot: QtBot, demo_ws: Workspace, runner: Runner, host: QWidget, composer: Path
) -> None:
    total = len(demo_ws.paper.report_clients())
    batch = send_progress_reports(host, demo_ws, runner)
    assert batch is not None
    batch.job.progressed.connect(lambda done, _total: batch.stop() if done >= 1 else None)

    with qtbot.waitSignal(batch.ended, timeout=WAIT * 4):
        pass

    opened = len(recorded(composer))
    assert 1 <= opened < total
    assert batch.outcome is not None and batch.outcome.stopped
    assert batch.summary is not None
    assert f"Stopped after {opened} of {total} drafts." in batch.summary.text()
