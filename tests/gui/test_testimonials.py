"""Testimonials as a person reaches them: the Clients screen's Testimonials button lists
every quote clients allowed, follows feedback recorded while it is open, and saves them as
text, CSV (defused for spreadsheets) and a branded one-page PDF of quotes."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QUndoStack
from pytestqt.qtbot import QtBot

from deliverydesk.services.context import Context
from deliverydesk.services.journeys.feedback import FeedbackEntry
from deliverydesk.services.views.testimonials import QuotesFormat
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.clients.clients_page import ClientsPage
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.feedback_commands import RecordFeedbackCommand
from deliverydesk.ui.widgets.testimonials_view import TestimonialsDialog as QuotesDialog
from tests.gui.test_feedback import checkpoint_with_a_survey
from tests.unit.reports_support import fonts, text

QUOTE = "=1+1 She listened, then <b>changed</b> everything"


@pytest.fixture
def dialog(demo_ws: Workspace, events: AppEvents, qtbot: QtBot) -> QuotesDialog:
    clients = ClientsPage(demo_ws, events, QUndoStack())
    qtbot.addWidget(clients)
    clients.show()
    qtbot.mouseClick(clients.testimonials_button, Qt.MouseButton.LeftButton)
    assert clients.testimonials is not None
    qtbot.waitExposed(clients.testimonials)
    return clients.testimonials


def shown_words(dialog: QuotesDialog) -> list[str]:
    model = dialog.model
    return [model.index(row, 4).data() for row in range(model.rowCount())]


def record_quote(ws: Workspace, events: AppEvents, ctx: Context) -> None:
    journey_id, _checkpoint = checkpoint_with_a_survey(ctx)
    entry = FeedbackEntry(10, QUOTE, testimonial_ok=True)
    stack = QUndoStack()
    stack.push(RecordFeedbackCommand(ws, events, journey_id, entry))


def test_the_list_shows_every_quote_and_follows_a_new_one(
    dialog: QuotesDialog, demo_ws: Workspace, demo_ctx: Context, events: AppEvents
) -> None:
    quotes = demo_ws.feedback.testimonials()
    assert quotes and dialog.model.rowCount() == len(quotes)
    assert dialog.summary.text() == f"{len(quotes)} quotes clients said you may use, newest first."
    record_quote(demo_ws, events, demo_ctx)  # as the client page would, while it is open
    assert dialog.model.rowCount() == len(quotes) + 1
    assert shown_words(dialog)[0] == QUOTE  # newest first, as typed
    dialog.copy_text()
    assert QGuiApplication.clipboard().text().startswith(f"“{QUOTE}”\n— ")


def test_saved_as_text_csv_and_a_one_page_pdf(
    dialog: QuotesDialog,
    demo_ws: Workspace,
    demo_ctx: Context,
    events: AppEvents,
    tmp_path: Path,
) -> None:
    record_quote(demo_ws, events, demo_ctx)
    newest = demo_ws.feedback.testimonials()[0]

    assert dialog.export(tmp_path / "quotes.txt", QuotesFormat.TEXT)
    written = (tmp_path / "quotes.txt").read_text(encoding="utf-8")
    assert written.startswith(f"“{QUOTE}”\n— {newest.attribution} ({newest.offer_name}, ")
    assert "testimonials saved to" in dialog.summary.text()

    assert dialog.export(tmp_path / "quotes.csv", QuotesFormat.CSV)
    rows = list(csv.reader(io.StringIO((tmp_path / "quotes.csv").read_text("utf-8-sig"))))
    assert rows[0] == ["received_on", "client", "company", "offer", "score", "words"]
    assert rows[1][1] == newest.client_name and rows[1][4] == "10"
    assert rows[1][5] == "'" + QUOTE  # a spreadsheet never runs it as a formula
    assert len(rows) == dialog.model.rowCount() + 1

    assert dialog.export(tmp_path / "quotes.pdf", QuotesFormat.PDF)
    pdf = (tmp_path / "quotes.pdf").read_bytes()
    said = text(pdf)
    assert "What clients say" in said
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
    assert f"“{QUOTE}”" in said  # markup characters printed as typed
    assert f"— {newest.attribution} · {newest.offer_name}" in said
    assert all(fonts(pdf).values())  # every font embedded


def test_a_save_into_a_missing_folder_is_refused_in_plain_words(
    dialog: QuotesDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    said: list[str] = []
    monkeypatch.setattr(
        "PySide6.QtWidgets.QMessageBox.warning",
        lambda _parent, title, message, *_a: said.append(f"{title}: {message}") or 0,
    )
    assert not dialog.export(tmp_path / "gone" / "quotes.pdf", QuotesFormat.PDF)
    (message,) = said
    assert message.startswith("The testimonials were not saved: ")
    assert "Errno" not in message and "Error" not in message
