"""Every field of an offer's design, edited as a person edits it and kept.

A coach on her own practice starts an offer from scratch and changes every field of the
offer, a phase, a step and the intake questions through the real widgets (typing,
clicking, choosing in each list), saves with Ctrl+S, closes the editor, opens the offer
again and finds every value as she left it, on screen and stored. The same step edits on
a template offer that already has clients enrolled.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from deliverydesk.model.rules.enums import Owner, QuestionKind, StandardTier, StepKind
from deliverydesk.model.rules.offer_design import IntakeQuestion, StandardSpec
from deliverydesk.seeding.offer_templates import TEMPLATES
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.main_window import MainWindow
from deliverydesk.ui.offers.offer_editor import DETAILS, INTAKE, JOURNEY, STANDARDS, OfferEditor
from tests.gui.design_support import (
    CTRL_SHIFT,
    add_question,
    click_row,
    close_and_reopen,
    fill,
    save_with_ctrl_s,
    shown,
)
from tests.gui.enrol_support import book_a_client
from tests.gui.offers_support import capture_warnings, new_own_practice, open_offers

OFFER = {
    "name": "Clarity Sprint",
    "promise": "From stuck to a plan you trust",
    "description": "Six weeks for founders who feel scattered",
    "duration_weeks": 6,
    "price_minor": 2_400_00,  # typed "2400.00"
    "currency": "EUR",
    "price": "+ VAT",
    "capacity_note": "At most 5 clients at a time",
    "boundaries": "Email on weekdays; replies within one working day",
    "welcome_template": "Welcome aboard, glad you are here.",
}
# The message drafted with each document sent (the Offer tab's last section).
MESSAGES = {
    "progress": "Hi {client_first_name}, where we are on {offer}.",
    "onboarding": "Welcome, {client_first_name}: your pack.",
    "checklist": "Your checklist for {offer}.",
    "intake": "Please send the form back before {due_date}.",
}
MESSAGE_FIELDS = {f"document_messages.{kind}": text for kind, text in MESSAGES.items()}
PHASE = {"name": "Kick-off", "planned_days": 8, "description": "Getting to know each other"}
STEP: dict[str, Any] = {
    "title": "Intake session",
    "client_wording": "Your homework before we start",
    "kind": StepKind.SESSION,
    "owner": Owner.CLIENT,
    "offset_days": 2,
    "duration_days": 3,
    "effort_minutes": 45,
    "session_minutes": 50,  # only a session keeps a length: the step is one
    "is_milestone": True,
    "is_checkpoint": True,
    "client_facing": False,
    "is_touchpoint": True,
    "message_template": "Your intake homework is waiting for you.",
    "failure_point": "The homework is left half done",
    "recovery_protocol": "A short call to finish it together",
    "resource_link": "https://example.com/intake",
    "description": "Bring last year's numbers",
    "amount_minor": None,  # not an invoice: its amount field stays off
}
QUESTIONS = (
    IntakeQuestion("What made you decide to start now?", QuestionKind.LONG_TEXT),
    IntakeQuestion("Best time for our calls", QuestionKind.CHOICE, ("Mornings", "Evenings")),
    IntakeQuestion("When can we start?", QuestionKind.DATE),
    IntakeQuestion("Have you worked with a coach before?", QuestionKind.YES_NO),
    IntakeQuestion("Your company's name", QuestionKind.SHORT_TEXT),
)


STANDARD = StandardSpec("Reply to every message", StandardTier.ORDER_WINNING, "1 working day")


@pytest.fixture
def window(qtbot: QtBot, empty_ws: Workspace, events: AppEvents) -> MainWindow:
    return open_offers(qtbot, new_own_practice(empty_ws), events)


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Whatever message box the editor would show, noted instead (none is expected)."""
    noted = capture_warnings(monkeypatch)

    def shown_box(box: QMessageBox) -> int:
        noted.append(f"{box.windowTitle()}: {box.text()}")
        return int(QMessageBox.StandardButton.Ok.value)

    monkeypatch.setattr(QMessageBox, "exec", shown_box)
    return noted


# -- what a person does on the standards tab ----------------------------------------------
def add_standard(qtbot: QtBot, editor: OfferEditor, standard: StandardSpec) -> None:
    """Insert a row, type the promise, Tab to the tier and choose it, Tab to the target."""
    table = editor.standards.table.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Insert)  # the promise cell opens for typing
    qtbot.keyClicks(focused(), standard.promise)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    tier = focused()
    assert isinstance(tier, QComboBox)
    tier.setCurrentIndex(tier.findData(standard.tier))
    qtbot.keyClick(tier, Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), standard.target)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)


def standards_shown(editor: OfferEditor) -> list[tuple[str, str, str]]:
    table = editor.standards.table.table
    return [
        tuple(table.item(r, c).text() for c in range(3))  # type: ignore[misc]
        for r in range(table.rowCount())
    ]


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def questions_shown(qtbot: QtBot, editor: OfferEditor) -> list[IntakeQuestion]:
    """Each question as its form shows it when its row is clicked."""
    intake = editor.intake
    found = []
    for row in range(intake.table.rowCount()):
        cell = intake.table.visualItemRect(intake.table.item(row, 0)).center()
        qtbot.mouseClick(intake.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
        values = shown(intake.form)
        kind = values["kind"]
        choices = tuple(intake.form.options.toPlainText().splitlines())
        found.append(IntakeQuestion(values["text"], kind, choices if kind == "choice" else ()))
    return found


def step_fields(step: object) -> dict[str, Any]:
    return {name: getattr(step, name) for name in STEP}


# -- the tests -------------------------------------------------------------------------------
def test_every_field_of_a_new_offer_is_kept_after_save_close_and_reopen(
    qtbot: QtBot, window: MainWindow, empty_ws: Workspace, said: list[str]
) -> None:
    page = window.offers
    qtbot.keyClick(page, Qt.Key.Key_N, CTRL_SHIFT)  # Offers → start from scratch
    editor = page.editor
    offer_id = editor.offer_id
    assert offer_id is not None

    assert editor.tabs.currentIndex() == DETAILS
    fill(qtbot, editor.details, OFFER | MESSAGE_FIELDS)
    editor.tabs.setCurrentIndex(JOURNEY)
    click_row(qtbot, editor, (0,))
    fill(qtbot, editor.journey.phase_form, PHASE)
    click_row(qtbot, editor, (0, 0))
    fill(qtbot, editor.journey.step_form, STEP)
    editor.tabs.setCurrentIndex(STANDARDS)
    add_standard(qtbot, editor, STANDARD)
    editor.tabs.setCurrentIndex(INTAKE)
    for question in QUESTIONS:
        add_question(qtbot, editor, question)
    assert not editor.draft.state.blocking, editor.draft.state.blocking

    save_with_ctrl_s(qtbot)
    assert said == []
    assert not editor.draft.dirty, "Ctrl+S saved the design"
    assert "Saved" in editor.subtitle.text()

    # Stored as typed: every value, each list's choice as its own enum member.
    stored = empty_ws.offers.offer_design(offer_id).spec
    assert {name: getattr(stored, name) for name in OFFER} == OFFER
    assert {kind: getattr(stored.document_messages, kind) for kind in MESSAGES} == MESSAGES
    phase = stored.phases[0]
    assert {name: getattr(phase, name) for name in PHASE} == PHASE
    assert step_fields(phase.steps[0]) == STEP
    assert phase.steps[0].kind is StepKind.SESSION and phase.steps[0].owner is Owner.CLIENT
    assert stored.standards == (STANDARD,)
    assert stored.standards[0].tier is StandardTier.ORDER_WINNING
    assert stored.intake_questions == QUESTIONS
    assert all(type(q.kind) is QuestionKind for q in stored.intake_questions)

    # And shown as typed, after the editor is closed and the offer opened again.
    editor = close_and_reopen(qtbot, page, offer_id)
    editor.tabs.setCurrentIndex(DETAILS)
    assert shown(editor.details) == OFFER | MESSAGE_FIELDS
    editor.tabs.setCurrentIndex(JOURNEY)
    click_row(qtbot, editor, (0,))
    assert shown(editor.journey.phase_form) == PHASE
    click_row(qtbot, editor, (0, 0))
    assert shown(editor.journey.step_form) == STEP
    assert editor.journey.step_form.fields["owner"].currentText() == "Client"  # type: ignore[attr-defined]
    editor.tabs.setCurrentIndex(STANDARDS)
    assert standards_shown(editor) == [(STANDARD.promise, "Order-winning", STANDARD.target)]
    editor.tabs.setCurrentIndex(INTAKE)
    assert questions_shown(qtbot, editor) == list(QUESTIONS)
    assert not editor.draft.dirty  # looking changed nothing


def test_every_step_field_of_a_template_offer_with_clients_is_kept(
    qtbot: QtBot, window: MainWindow, empty_ws: Workspace, said: list[str]
) -> None:
    page = window.offers
    template = TEMPLATES[0]
    made = next(a for a in page.template_menu.actions() if a.text() == template.name)
    made.trigger()  # Offers → New from a template → the first one
    offer_id = page.current_row().id  # type: ignore[union-attr]
    for name in ("Ben Okafor", "Chloe Martin"):
        book_a_client(empty_ws, offer_id, name)
    before = empty_ws.offers.offer_design(offer_id).spec

    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    editor = page.editor
    assert editor.offer_id == offer_id
    editor.tabs.setCurrentIndex(JOURNEY)
    path = (0, 0)
    click_row(qtbot, editor, path)
    planned = before.phases[0].planned_days
    edits = STEP | {"offset_days": min(2, planned - 1), "duration_days": 1}
    step_form = editor.journey.step_form
    for name, value in shown(step_form).items():  # the template differs in every field
        if edits[name] == value and isinstance(value, bool):
            edits[name] = not value
        unchanged = ("offset_days", "duration_days", "amount_minor")
        assert edits[name] != value or name in unchanged, name
    fill(qtbot, step_form, edits)

    save_with_ctrl_s(qtbot)
    assert said == []
    assert not editor.draft.dirty, "Ctrl+S saved the design"
    stored = empty_ws.offers.offer_design(offer_id).spec.phases[0].steps[0]
    assert step_fields(stored) == edits
    assert stored.id == before.phases[0].steps[0].id  # the same step, its clients follow it

    editor = close_and_reopen(qtbot, page, offer_id)
    editor.tabs.setCurrentIndex(JOURNEY)
    click_row(qtbot, editor, path)
    assert shown(editor.journey.step_form) == edits
