"""File → Import filled form…, the intake round trip in the window: the form made for a
client, filled as a PDF reader would, imported; the answers shown before saving, saved as
one undoable step that ticks the intake step, shown on the client page; a form for another
client or an altered one refused with the reason, changing nothing."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from deliverydesk.services.clients.clients import ClientInput
from deliverydesk.services.paper.report_export import DocumentKind
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.main_window import MainWindow
from deliverydesk.ui.reports.import_form import ANSWERS, WHO, ImportFormDialog, import_filled_form
from tests.conftest import TODAY
from tests.gui.offers_support import choose_files
from tests.unit.reports_support import fill

CTRL = Qt.KeyboardModifier.ControlModifier
COACHING = "12-Week Clarity Coaching"
FILLED = {
    "q1": "I keep saying yes to everything.\nTime to choose.",
    "q2": "Being able to say no without guilt.",
    "q4": "/c0",  # Yes
    "q5": "2026-12-07",
    "q6": "<b>I work nights</b> & weekends",
}
EXPECTED = [
    ("What made you decide to start coaching now?", FILLED["q1"]),
    ("In twelve weeks, what would make this worth it?", FILLED["q2"]),
]


@dataclass
class Sent:
    window: MainWindow
    ws: Workspace
    client_id: int
    journey_id: int
    other_id: int
    blank: Path
    filled: Path


def enrol(ws: Workspace, name: str) -> tuple[int, int]:
    offer_id = next(row.id for row in ws.offers.offer_list() if row.name == COACHING)
    client_id = ws.clients.add_client(ClientInput(name)).value
    return client_id, ws.clients.enrol_client(client_id, offer_id, TODAY).value


@pytest.fixture
def sent(qtbot: QtBot, demo_ws: Workspace, events: AppEvents, tmp_path: Path) -> Sent:
    """Ana's intake form, made in the app and filled in by her PDF reader."""
    client_id, journey_id = enrol(demo_ws, "Ana Souza")
    other_id, _ = enrol(demo_ws, "Ben Okafor")
    blank = tmp_path / "Ana Souza intake.pdf"
    blank.write_bytes(demo_ws.paper.make_document(DocumentKind.INTAKE, client_id=client_id).pdf)
    filled = tmp_path / "Ana Souza intake (filled).pdf"
    fill(blank, filled, FILLED)
    window = MainWindow(demo_ws, events)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    return Sent(window, demo_ws, client_id, journey_id, other_id, blank, filled)


def intake_step(ws: Workspace, journey_id: int) -> object:
    steps = [s for p in ws.journeys.journey_detail(journey_id).phases for s in p.steps]
    return next(s.completed_on for s in steps if s.title == "Intake form received")


def opened(sent: Sent, path: Path) -> ImportFormDialog:
    dialog = import_filled_form(
        sent.window, sent.ws, sent.window.events, sent.window.undo_stack, path
    )
    assert isinstance(dialog, ImportFormDialog)
    return dialog


def test_import_a_filled_form_check_the_answers_save_and_undo(
    qtbot: QtBot, sent: Sent, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws, window = sent.ws, sent.window
    # File → Import filled form…, the PDF picked in the file dialog.
    choose_files(monkeypatch, open_=str(sent.filled))
    window.data.import_form_action.trigger()
    dialog = window.findChild(ImportFormDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.stage == WHO
    assert dialog.client_id == sent.client_id  # the form says whom it was made for
    assert "made for Ana Souza, for 12-Week Clarity Coaching" in dialog.about.text()

    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)  # Read answers
    assert dialog.stage == ANSWERS
    rows = dialog.answers_view.rows()
    assert rows[:2] == EXPECTED
    assert rows[2:] == [
        ("How many hours a week can you give your part?", "No answer"),  # left blank
        ("Have you worked with a coach before?", "Yes"),
        ("When would you like the first session?", "2026-12-07"),
        ("Anything I should know before we meet?", "<b>I work nights</b> & weekends"),
    ]
    assert not dialog.answers_view.findChildren(QLabel)[5].isEnabled()  # muted: no answer
    assert all(
        label.textFormat() == Qt.TextFormat.PlainText  # as typed, never markup
        for label in dialog.answers_view.findChildren(QLabel)
    )
    assert dialog.whose.text() == "From Ana Souza, for 12-Week Clarity Coaching."
    # Nothing is saved before Save.
    assert ws.paper.intake_record(sent.client_id).answers == ()
    assert intake_step(ws, sent.journey_id) is None

    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)  # Save answers
    assert dialog.result() == ImportFormDialog.DialogCode.Accepted
    record = ws.paper.intake_record(sent.client_id)
    assert [(a.question, a.answer) for a in record.answers][:2] == EXPECTED
    assert record.received_on == TODAY
    assert intake_step(ws, sent.journey_id) == TODAY
    assert window.undo_stack.undoText() == "Import the intake form of Ana Souza"
    assert "Saved the intake answers of Ana Souza" in window.messages.text()

    # The client page shows the answers on its Intake tab.
    window.show_screen("clients")
    window.clients.open_journey(sent.journey_id)
    page = window.clients.client_page
    page.tabs.setCurrentWidget(page.intake)
    assert page.intake.answers.rows()[:2] == EXPECTED
    assert page.intake.received.text() == (
        "Received Mon 23 Nov 2026, for 12-Week Clarity Coaching."
    )

    # One Ctrl+Z takes back both the answers and the tick.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(page, Qt.Key.Key_Z, CTRL)
    assert ws.paper.intake_record(sent.client_id).answers == ()
    assert intake_step(ws, sent.journey_id) is None
    assert page.intake.pages.currentWidget() is page.intake.empty
    window.undo_stack.redo()
    assert intake_step(ws, sent.journey_id) == TODAY
    assert page.intake.answers.rows()[:2] == EXPECTED


def test_a_form_made_for_another_client_is_refused_with_the_reason(sent: Sent) -> None:
    dialog = opened(sent, sent.filled)
    dialog.choose_client(sent.other_id)
    assert not dialog.read_answers()
    assert dialog.stage == WHO
    assert dialog.refusal.isVisible()
    assert dialog.refusal.text() == "This intake form was made for Ana Souza, not for Ben Okafor."
    dialog.reject()
    for client_id in (sent.client_id, sent.other_id):
        assert sent.ws.paper.intake_record(client_id).answers == ()
    assert intake_step(sent.ws, sent.journey_id) is None
    assert sent.window.undo_stack.count() == 0


def test_choosing_the_right_client_again_clears_the_refusal(sent: Sent) -> None:
    dialog = opened(sent, sent.filled)
    dialog.choose_client(sent.other_id)
    dialog.read_answers()
    dialog.search.setText("Ana Sou")  # finds her, and Enter would read her answers
    assert dialog.client_id == sent.client_id
    assert not dialog.refusal.isVisible()
    assert dialog.read_answers()
    dialog.back()
    assert dialog.stage == WHO and dialog.next_button.text() == "&Read answers"
    dialog.reject()


def test_an_altered_form_is_refused_with_the_reason(sent: Sent, tmp_path: Path) -> None:
    key = str(PdfReader(sent.filled).get_fields()["deliverydesk_form"]["/V"])  # type: ignore[index]
    parts = key.split(":")
    parts[1] = str(sent.other_id)  # edited to claim it came from Ben
    tampered = tmp_path / "tampered.pdf"
    fill(sent.filled, tampered, {"deliverydesk_form": ":".join(parts)})
    box = import_filled_form(
        sent.window, sent.ws, sent.window.events, sent.window.undo_stack, tampered
    )
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "This intake form was altered or comes from another practice" in box.text()
    assert box.informativeText() == "Nothing was changed."
    box.close()
    for client_id in (sent.client_id, sent.other_id):
        assert sent.ws.paper.intake_record(client_id).answers == ()
    assert sent.window.undo_stack.count() == 0


def test_a_file_that_is_not_a_form_is_refused(sent: Sent, tmp_path: Path) -> None:
    junk = tmp_path / "holiday.pdf"
    junk.write_bytes(b"%PDF-1.4\n%%EOF\n")
    box = import_filled_form(sent.window, sent.ws, sent.window.events, sent.window.undo_stack, junk)
    assert isinstance(box, QMessageBox)
    assert "not a DeliveryDesk intake form" in box.text() or "not a PDF" in box.text()
    box.close()


def test_a_blank_template_asks_whose_it_is(sent: Sent, tmp_path: Path) -> None:
    offer_id = next(row.id for row in sent.ws.offers.offer_list() if row.name == COACHING)
    template = tmp_path / "template.pdf"
    template.write_bytes(sent.ws.paper.make_document(DocumentKind.INTAKE, offer_id=offer_id).pdf)
    dialog = opened(sent, template)
    assert "sent as a blank template: choose the client" in dialog.about.text()
    assert dialog.client_id is None  # several clients are on the offer: the person picks
    assert not dialog.next_button.isEnabled()
    dialog.choose_client(sent.other_id)
    assert dialog.read_answers()
    assert dialog.whose.text() == "From Ben Okafor, for 12-Week Clarity Coaching."
    dialog.reject()


def test_a_long_answer_wraps_inside_the_dialog(sent: Sent, tmp_path: Path) -> None:
    words = "<img src=x>" + "w" * 3000
    filled = tmp_path / "long.pdf"
    fill(sent.blank, filled, {"q6": words})
    dialog = opened(sent, filled)
    assert dialog.read_answers()
    assert dialog.answers_view.rows()[5] == ("Anything I should know before we meet?", words)
    assert dialog.sizeHint().width() < 1024 and dialog.width() < 1024
    assert not dialog.answers_view.horizontalScrollBar().isVisible()
    dialog.reject()
