"""A newcomer's first hour, end to end in the real window (issue 16).

A coach starts her own practice from the first-run welcome, designs an offer from scratch
(every step field changed, three phases, a checkpoint and a milestone, intake questions),
adds three clients and enrols each, ticks one client through the first phase with the
space bar (the journey moves on; one undo takes it back), pauses one with a planned
resume date and resumes her, completes the third, exports a progress report and a
welcome pack from the client page's Documents menu and the offer's template pack from
its row's menu, and imports a filled intake form. Every phase checks what she sees:
labels, the message bar, the board's columns and cards, the checklist's phase rows,
Today, the Clients list and the words of the PDFs. Only keys, clicks, combo choices and
the file dialogs' answers: no service is called to change anything."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMenu
from pytestqt.qtbot import QtBot

from deliverydesk.model.rules.enums import JourneyStatus
from deliverydesk.services.paper.report_export import DocumentKind
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.clients.client_page import ClientPage
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.enrol.enrol_wizard import PICK, START, EnrolWizard
from deliverydesk.ui.main_window import MainWindow
from deliverydesk.ui.offers.offer_editor import DETAILS, INTAKE, JOURNEY, OfferEditor
from deliverydesk.ui.opening import open_main_window
from deliverydesk.ui.reports.import_form import ANSWERS, WHO, ImportFormDialog
from deliverydesk.ui.today.today_model import CLIENT, PAUSED, STEP
from deliverydesk.ui.welcome import WelcomeDialog
from deliverydesk.ui.widgets.client_dialog import ClientDialog
from deliverydesk.ui.widgets.paper.preview_dialog import PreviewDialog
from tests.gui.design_support import (
    CTRL,
    CTRL_SHIFT,
    add_question,
    click_row,
    fill,
    save_with_ctrl_s,
    shown,
)
from tests.gui.enrol_support import opened, press, show_active
from tests.gui.lifecycle_support import Answers, answer_questions, list_cells, show_list
from tests.gui.offers_support import choose_files
from tests.gui.test_offer_every_field import OFFER, PHASE, QUESTIONS
from tests.gui.test_offer_every_field import STEP as EVERY_STEP_FIELD
from tests.unit.reports_support import fill as fill_pdf

PRACTICE = "Clarity Studio"
# The offer's fields as in the every-field test, with a letter that names the first step.
MY_OFFER = OFFER | {"welcome_template": "Hi {client_first_name}, your first step is {step}."}
# The first step: every field changed from the blank offer's, but a checkpoint the client
# must see (else the offer cannot enrol), so the second step is the one kept from the client.
FIRST_STEP = EVERY_STEP_FIELD | {"client_facing": True}
WORKSHEET = {"title": "Prepare the goals worksheet", "client_facing": False}
DELIVERY = "Delivery"  # the blank offer's second phase, kept as it is
CLIENTS = ("Tom Becker", "Ana Souza", "Lee Park")
RESUME_ON = date(2026, 12, 7)  # two weeks after TODAY (Mon 23 Nov 2026)
INTAKE_ANSWERS = {"q1": "My team has grown and I lost the thread.", "q5": "Becker & Co"}


@dataclass
class Newcomer:
    qtbot: QtBot
    window: MainWindow
    answers: Answers
    files: Path
    monkeypatch: pytest.MonkeyPatch
    offer_id: int = 0
    journeys: dict[str, int] | None = None

    def journey(self, name: str) -> int:
        assert self.journeys is not None
        return self.journeys[name]


def pdf_text(path: Path) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(path.read_bytes())).pages)


def card_column(window: MainWindow, journey_id: int) -> int | None:
    """The board column (phase position) showing the journey's card, if any."""
    window.show_screen("board")
    for (_offer, position), widget in window.board.columns.items():
        if journey_id in widget.model.journey_ids():
            return position
    return None


def card_tip(window: MainWindow, journey_id: int) -> str:
    """The tooltip of the journey's card on the board."""
    window.show_screen("board")
    for widget in window.board.columns.values():
        if journey_id in widget.model.journey_ids():
            index = widget.model.index(widget.model.row_of(journey_id), 0)
            return str(index.data(Qt.ItemDataRole.ToolTipRole))
    raise AssertionError("the card is not on the board")


def client_page(nc: Newcomer, name: str) -> ClientPage:
    """The client's page, opened from their row in the Clients list (Enter)."""
    show_list(nc.window)
    clients = nc.window.clients
    model = clients.model
    (row,) = [r for r in range(model.rowCount()) if model.row_at(r).name == name]
    view = clients.table
    view.setFocus()
    view.setCurrentIndex(model.index(row, 0))
    nc.qtbot.keyClick(view, Qt.Key.Key_Return)
    page = clients.client_page
    assert page.name.text() == name
    page.checklist.setFocus()
    return page


def phase_lines(page: ClientPage) -> list[str]:
    """The checklist's phase rows as shown: "Kick-off — Done"."""
    tree = page.checklist
    return [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]


# -- 1. start my own practice ----------------------------------------------------------------
def start_own_practice(qtbot: QtBot, ws: Workspace, events: AppEvents) -> MainWindow:
    """As the app starts on an empty data folder: the welcome first, then the window."""
    chosen: list[WelcomeDialog] = []

    def answer_welcome() -> None:  # runs once the welcome shows, modally
        welcome = QApplication.activeModalWidget()
        if not isinstance(welcome, WelcomeDialog):
            return  # no welcome: the window came at once (and the test fails below)
        chosen.append(welcome)
        qtbot.mouseClick(welcome.own_button, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(welcome.name, PRACTICE)
        qtbot.keyClick(welcome.name, Qt.Key.Key_Return)  # Create practice
        if welcome.isVisible():
            welcome.reject()  # refused: leave it, so the test fails rather than hangs

    QTimer.singleShot(0, answer_welcome)
    window = open_main_window(ws, events)
    assert chosen and chosen[0].result() == QDialog.DialogCode.Accepted
    assert window is not None
    qtbot.addWidget(window)
    window.resize(1280, 860)
    show_active(qtbot, window)
    assert window.windowTitle() == f"{PRACTICE} — DeliveryDesk"
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    assert window.current_screen() == "clients"
    assert "No clients yet" in window.clients.no_clients.title.text()
    return window


# -- 2. an offer from scratch ----------------------------------------------------------------
def add_step(qtbot: QtBot, editor: OfferEditor, values: dict[str, Any]) -> None:
    """Ctrl+Shift+N in the step form adds a step after the current one; type over it."""
    form = editor.journey.step_form
    qtbot.keyClick(form.fields["title"], Qt.Key.Key_N, CTRL_SHIFT)
    fill(qtbot, form, values)


def design_offer(nc: Newcomer) -> None:
    qtbot, window = nc.qtbot, nc.window
    qtbot.keyClick(window, Qt.Key.Key_5, CTRL)
    page = window.offers
    qtbot.keyClick(page, Qt.Key.Key_N, CTRL_SHIFT)  # New offer, from scratch
    editor = page.editor
    assert editor.offer_id is not None
    nc.offer_id = editor.offer_id

    assert editor.tabs.currentIndex() == DETAILS
    fill(qtbot, editor.details, MY_OFFER)
    editor.tabs.setCurrentIndex(JOURNEY)
    click_row(qtbot, editor, (0,))
    fill(qtbot, editor.journey.phase_form, PHASE)
    click_row(qtbot, editor, (0, 0))
    fill(qtbot, editor.journey.step_form, FIRST_STEP)  # a milestone and a checkpoint
    add_step(qtbot, editor, WORKSHEET)
    editor.tabs.setCurrentIndex(INTAKE)
    for question in QUESTIONS:
        add_question(qtbot, editor, question)
    assert not editor.draft.state.blocking, editor.draft.state.blocking

    save_with_ctrl_s(qtbot)
    assert nc.answers.questions == [] and nc.answers.warnings == []
    assert not editor.draft.dirty and "Saved" in editor.subtitle.text()
    editor.tabs.setCurrentIndex(JOURNEY)
    click_row(qtbot, editor, (0, 0))
    assert shown(editor.journey.step_form) == FIRST_STEP
    qtbot.mouseClick(editor.back_button, Qt.MouseButton.LeftButton)
    names = [page.model.row_at(r).name for r in range(page.model.rowCount())]
    assert names == [MY_OFFER["name"]]


# -- 3. three clients, each enrolled ---------------------------------------------------------
def add_and_enrol(nc: Newcomer, name: str) -> int:
    qtbot, window = nc.qtbot, nc.window
    show_active(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)  # File → New client…
    dialog = opened(qtbot, window, ClientDialog)
    qtbot.keyClicks(dialog.name, name)
    assert dialog.enrol_next.isChecked()
    press(qtbot, Qt.Key.Key_Return)

    wizard = opened(qtbot, window, EnrolWizard)
    assert wizard.currentId() == PICK
    choice = wizard.pick.choice()
    assert choice is not None and choice.name == name
    assert wizard.pick.offer_id == nc.offer_id  # the only offer, picked already
    press(qtbot, Qt.Key.Key_Return)
    assert wizard.currentId() == START  # the offer asks no right-fit questions
    qtbot.waitUntil(lambda: wizard.start.preview is not None)
    assert wizard.start.start_on() == date(2026, 11, 23)
    with qtbot.waitSignal(wizard.enrolled) as enrolled:
        press(qtbot, Qt.Key.Key_Return)  # Enrol
    qtbot.waitUntil(lambda: not wizard.isVisible())
    journey_id: int = enrolled.args[0]
    assert window.current_screen() == "board"
    assert window.board.index.cards[journey_id].name == name
    assert card_column(window, journey_id) == 0
    return journey_id


def enrol_three(nc: Newcomer) -> None:
    nc.journeys = {name: add_and_enrol(nc, name) for name in CLIENTS}
    show_list(nc.window)
    for journey_id in nc.journeys.values():
        assert list_cells(nc.window, journey_id) == (f"{PHASE['name']} (1 of 3)", "On track")
    assert nc.window.clients.count.text().startswith("3 clients")


# -- 4. a phase ticked through, undone once --------------------------------------------------
def tick_through_first_phase(nc: Newcomer) -> None:
    qtbot, window, name = nc.qtbot, nc.window, CLIENTS[0]
    journey_id = nc.journey(name)
    page = client_page(nc, name)
    first = page.detail.phases[0]  # type: ignore[union-attr]
    assert [s.title for s in first.steps] == [FIRST_STEP["title"], WORKSHEET["title"]]
    checklist = page.checklist
    qtbot.keyClick(checklist, Qt.Key.Key_Space)  # the page opens on the first open step
    assert page.next_step.text().startswith(f"Next: {WORKSHEET['title']}")
    qtbot.keyClick(checklist, Qt.Key.Key_Down)
    qtbot.keyClick(checklist, Qt.Key.Key_Space)
    bar = window.messages
    assert bar.text() == f"{name} moved on to {DELIVERY}"
    assert bar.button.text() == "Undo"
    assert page.progress_label.text().startswith("2 of ")
    assert phase_lines(page) == [
        f"{PHASE['name']} — Done",
        f"{DELIVERY} — Current phase",
        "Offboarding — Upcoming",
    ]
    assert page.next_step.text().startswith("Next: Working session")
    assert card_column(window, journey_id) == 1

    qtbot.mouseClick(bar.button, Qt.MouseButton.LeftButton)  # Undo
    assert bar.text() == f"Undone: {name} moved on to {DELIVERY}"
    assert card_column(window, journey_id) == 0
    page = client_page(nc, name)
    assert page.next_step.text().startswith(f"Next: {WORKSHEET['title']}")
    assert phase_lines(page)[:2] == [f"{PHASE['name']} — Current phase", f"{DELIVERY} — Upcoming"]

    show_active(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL_SHIFT)  # Redo: on to Delivery again
    assert card_column(window, journey_id) == 1
    show_list(window)
    assert list_cells(window, journey_id)[0] == f"{DELIVERY} (2 of 3)"  # type: ignore[index]


# -- 5. paused, then resumed -----------------------------------------------------------------
def pause_and_resume(nc: Newcomer) -> None:
    qtbot, window, name = nc.qtbot, nc.window, CLIENTS[1]
    journey_id = nc.journey(name)
    nc.answers.reason, nc.answers.resume_on = "Moving house", RESUME_ON
    page = client_page(nc, name)
    qtbot.keyClick(page.checklist, Qt.Key.Key_P, CTRL_SHIFT)
    assert page.journey_bar.state.text() == (
        "Paused since Mon 23 Nov 2026: Moving house · Resume planned for Mon 7 Dec 2026"
    )
    assert card_column(window, journey_id) == 0  # still on the board, in its phase
    assert window.board.index.cards[journey_id].paused
    assert "Paused since Mon 23 Nov 2026: Moving house" in card_tip(window, journey_id)
    show_list(window)
    assert list_cells(window, journey_id) == (f"{PHASE['name']} (1 of 3)", "Paused")
    window.show_screen("today")
    today = window.today
    group = today.model.index(PAUSED, 0)
    assert not today.tree.isRowHidden(PAUSED, group.parent())
    assert group.data() == "Paused · 1 journey"
    row = today.model.index(0, 0, group)
    assert row.siblingAtColumn(CLIENT).data() == name
    assert row.siblingAtColumn(STEP).data() == "Paused since Mon 23 Nov 2026: Moving house"

    page = client_page(nc, name)
    assert page.journey_bar.main_button.text().replace("&", "") == "Resume"
    qtbot.mouseClick(page.journey_bar.main_button, Qt.MouseButton.LeftButton)
    assert page.journey_bar.state_line.isHidden()
    assert card_column(window, journey_id) == 0  # the board shown, brought up to date
    assert not window.board.index.cards[journey_id].paused
    assert "Paused" not in card_tip(window, journey_id)
    window.show_screen("today")
    assert today.tree.isRowHidden(PAUSED, today.model.index(PAUSED, 0).parent())


# -- 6. one journey completed ----------------------------------------------------------------
def complete_one(nc: Newcomer) -> None:
    qtbot, window, name = nc.qtbot, nc.window, CLIENTS[2]
    journey_id = nc.journey(name)
    nc.answers.confirm = True  # "steps are still open: complete anyway?"
    page = client_page(nc, name)
    qtbot.keyClick(page.checklist, Qt.Key.Key_C, CTRL_SHIFT)
    assert any("still open" in q for q in nc.answers.questions)
    assert page.journey_bar.state.text() == "Completed on Mon 23 Nov 2026"
    assert phase_lines(page) == [  # left with steps open: never read as done
        f"{PHASE['name']} — Skipped, 2 steps still open",
        f"{DELIVERY} — Skipped, 1 step still open",
        "Offboarding — Skipped, 1 step still open",
    ]
    assert card_column(window, journey_id) is None  # off the board
    show_list(window)
    window.clients.status_filter.set_status(JourneyStatus.COMPLETED)
    assert list_cells(window, journey_id) == ("Completed", "Completed")
    window.clients.status_filter.set_status(None)


# -- 7. paper: a progress report and a welcome pack ------------------------------------------
def export(nc: Newcomer, page: ClientPage, kind: DocumentKind, file_name: str) -> Path:
    """Documents → the document, then Export… (the save dialog answered with a path)."""
    page.documents.actions[kind].trigger()
    preview = page.documents.preview
    assert isinstance(preview, PreviewDialog)
    return export_preview(nc, preview, file_name)


def export_preview(nc: Newcomer, preview: PreviewDialog, file_name: str) -> Path:
    assert preview.isVisible()
    target = nc.files / file_name
    choose_files(nc.monkeypatch, save=str(target))
    nc.qtbot.mouseClick(preview.export_button, Qt.MouseButton.LeftButton)
    assert preview.outcome.text().startswith(f"Saved “{file_name}”")
    preview.close()
    return target


def export_paper(nc: Newcomer) -> None:
    name = CLIENTS[0]
    report = export(nc, client_page(nc, name), DocumentKind.PROGRESS, "report.pdf")
    words = " ".join(pdf_text(report).split())
    assert f"{name} · {MY_OFFER['name']}" in words
    assert f"{PHASE['name']} Done 23 Nov You are here {DELIVERY}" in words  # the journey map
    assert f"You are in phase 2 of 3, {DELIVERY}" in words
    assert f"RECENT WINS {FIRST_STEP['client_wording']} 23 Nov 2026" in words  # her words

    other = CLIENTS[1]  # resumed, nothing ticked: her first step is the homework
    pack = export(nc, client_page(nc, other), DocumentKind.ONBOARDING, "pack.pdf")
    words = " ".join(pdf_text(pack).split())
    first_name = other.split()[0]
    assert f"Hi {first_name}, your first step is {FIRST_STEP['client_wording']}." in words
    assert FIRST_STEP["title"] not in words  # the practitioner's title stays hers
    assert WORKSHEET["title"] not in words  # not client-facing

    # The offer's own welcome pack, a template for any client, words it the same way.
    template = export_preview(nc, offer_template_pack(nc), "template pack.pdf")
    words = " ".join(pdf_text(template).split())
    assert f"Hi there, your first step is {FIRST_STEP['client_wording']}." in words
    assert FIRST_STEP["title"] not in words


def offer_template_pack(nc: Newcomer) -> PreviewDialog:
    """Offers → the offer's row's menu → Welcome pack (template)…"""
    window = nc.window
    nc.qtbot.keyClick(window, Qt.Key.Key_5, CTRL)
    page = window.offers
    assert page.select_offer(nc.offer_id)
    table = page.table
    row = table.visualRect(table.currentIndex()).center()
    table.customContextMenuRequested.emit(row)  # what a right-click on the row sends
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    action = next(a for a in menu.actions() if a.text() == "Welcome pack (template)…")
    action.trigger()
    menu.close()
    (preview,) = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, PreviewDialog) and w.isVisible()
    ]
    assert preview.document.file_name == f"Welcome pack - {MY_OFFER['name']}.pdf"
    return preview


# -- 8. a filled intake form comes back ------------------------------------------------------
def import_intake(nc: Newcomer) -> None:
    qtbot, window, name = nc.qtbot, nc.window, CLIENTS[0]
    blank = export(nc, client_page(nc, name), DocumentKind.INTAKE, "intake.pdf")
    filled = nc.files / "intake (filled).pdf"
    fill_pdf(blank, filled, INTAKE_ANSWERS)

    choose_files(nc.monkeypatch, open_=str(filled))
    window.data.import_form_action.trigger()  # File → Import filled form…
    dialog = window.findChild(ImportFormDialog)
    assert dialog is not None and dialog.isVisible() and dialog.stage == WHO
    assert f"made for {name}, for {MY_OFFER['name']}" in dialog.about.text()
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)  # Read answers
    assert dialog.stage == ANSWERS
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)  # Save answers
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert f"Saved the intake answers of {name}" in window.messages.text()

    page = client_page(nc, name)
    page.tabs.setCurrentWidget(page.intake)
    rows = dict(page.intake.answers.rows())
    assert rows[QUESTIONS[0].text] == INTAKE_ANSWERS["q1"]
    assert rows[QUESTIONS[4].text] == INTAKE_ANSWERS["q5"]
    assert page.intake.received.text() == f"Received Mon 23 Nov 2026, for {MY_OFFER['name']}."


def test_a_newcomer_s_first_hour_in_the_window(
    qtbot: QtBot,
    empty_ws: Workspace,
    events: AppEvents,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    answers = answer_questions(monkeypatch, Answers())
    window = start_own_practice(qtbot, empty_ws, events)
    nc = Newcomer(qtbot, window, answers, tmp_path, monkeypatch)
    design_offer(nc)
    enrol_three(nc)
    tick_through_first_phase(nc)
    pause_and_resume(nc)
    complete_one(nc)
    export_paper(nc)
    import_intake(nc)
    assert answers.warnings == []
