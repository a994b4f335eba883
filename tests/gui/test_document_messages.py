"""Each offer's message for each document (issue 22, Send): written in the offer editor with
the nudges' placeholders, it is the body of the mail draft that Send to client… opens; a
blank one sends the built-in message, shown greyed in the field."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot

from deliverydesk.services.paper.report_export import DocumentKind
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.clients.client_page import ClientPage
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.offers.offer_editor import DETAILS, OfferEditor
from tests.fake_composer import option, recorded
from tests.gui.offers_support import open_offers

CLIENT = "Hannah Lindqvist"
WAIT = 30_000  # ms: a document made and a process started, on a loaded machine
CTRL = Qt.KeyboardModifier.ControlModifier


def hannahs_journey(ws: Workspace) -> tuple[int, int]:
    """Her journey's id and its offer's."""
    row = next(r for r in ws.clients.client_rows() if r.name == CLIENT and r.journey_id)
    assert row.journey_id is not None and row.offer_id is not None
    return row.journey_id, row.offer_id


def open_editor(qtbot: QtBot, ws: Workspace, events: AppEvents, offer_id: int) -> OfferEditor:
    """The offer opened from the Offers screen's list (Return on its row), on its first tab."""
    window = open_offers(qtbot, ws, events)
    page = window.offers
    assert page.select_offer(offer_id)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.editing()
    page.editor.tabs.setCurrentIndex(DETAILS)
    return page.editor


def message_field(editor: OfferEditor, kind: str) -> QPlainTextEdit:
    field = editor.details.fields[f"document_messages.{kind}"]
    assert isinstance(field, QPlainTextEdit)
    return field


def send(qtbot: QtBot, ws: Workspace, events: AppEvents, kind: DocumentKind) -> None:
    """Send to client… from her page's Documents menu, as far as the composer opening."""
    journey_id, _offer_id = hannahs_journey(ws)
    page = ClientPage(ws, events, QUndoStack())
    qtbot.addWidget(page)
    page.show_journey(journey_id)
    page.show()
    page.documents.send_actions[kind].trigger()
    sending = page.documents.sending
    assert sending is not None
    qtbot.waitUntil(lambda: sending.sent is not None, timeout=WAIT)


def test_the_offers_message_for_a_document_is_the_body_of_the_mail_draft(
    qtbot: QtBot, demo_ws: Workspace, events: AppEvents, composer: Path
) -> None:
    _journey_id, offer_id = hannahs_journey(demo_ws)
    editor = open_editor(qtbot, demo_ws, events, offer_id)
    progress = message_field(editor, "progress")
    assert progress.toPlainText() == ""
    assert progress.placeholderText().startswith("Hi {client_first_name},")  # the built-in

    progress.setFocus()
    qtbot.keyClicks(progress, "Dear {client_first_name}, {offer} moves on: next, {next_step}.")
    qtbot.keyClick(progress, Qt.Key.Key_S, CTRL)
    assert not editor.draft.dirty and "Saved" in editor.subtitle.text()

    send(qtbot, demo_ws, events, DocumentKind.PROGRESS)
    send(qtbot, demo_ws, events, DocumentKind.CHECKLIST)

    progress_call, checklist_call = recorded(composer)
    offer = demo_ws.offers.offer_design(offer_id).spec.name
    body = option(progress_call, "--body")
    assert body.startswith(f"Dear Hannah, {offer} moves on: next, ")
    assert "{" not in body  # every placeholder filled
    assert Path(option(progress_call, "--attach")).name == f"Progress report - {CLIENT}.pdf"
    # The checklist's message was left blank: the built-in one goes.
    assert option(checklist_call, "--body").startswith(
        f"Hi Hannah,\n\nAttached is your checklist for {offer}"
    )


def test_an_unknown_placeholder_is_pointed_out_under_the_message(
    qtbot: QtBot, demo_ws: Workspace, events: AppEvents
) -> None:
    _journey_id, offer_id = hannahs_journey(demo_ws)
    editor = open_editor(qtbot, demo_ws, events, offer_id)
    intake = message_field(editor, "intake")
    intake.setFocus()
    qtbot.keyClicks(intake, "Hi {First name}, here is the form.")

    said = editor.details.problem_labels["document_messages.intake"].message()
    assert "This message uses {First name}, which DeliveryDesk cannot fill in." in said
    assert editor.save_button.isEnabled()  # as for the welcome's: saving is not stopped
