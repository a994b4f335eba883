"""A step's title is the practitioner's; the client reads its client wording (issue 16):
edited in the offer editor's step form (its kind's phrase as the placeholder), carried to
a client's journey, and used by a nudge and by the client's documents."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from deliverydesk.model.rules.enums import StepKind
from deliverydesk.seeding.offer_templates import OFFERS
from deliverydesk.services.context import Context
from deliverydesk.services.offers.offer_design import add_offer
from deliverydesk.services.paper.report_export import DocumentKind
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.main_window import MainWindow
from deliverydesk.ui.offers.offer_editor import JOURNEY, OfferEditor
from deliverydesk.ui.today.today_page import TodayPage
from tests.conftest import TODAY
from tests.gui.offers_support import new_own_practice, open_offers
from tests.unit.reports_support import text
from tests.unit.timeline_support import enrol

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
TITLE = "Intake form received"  # the coaching template's title: the practitioner's note
WORDS = "Fill in and send back your intake form"  # what the client reads


@pytest.fixture
def window(qtbot: QtBot, empty_ws: Workspace, events: AppEvents) -> MainWindow:
    return open_offers(qtbot, new_own_practice(empty_ws), events)


@pytest.fixture
def editor(qtbot: QtBot, window: MainWindow) -> OfferEditor:
    qtbot.keyClick(window.offers, Qt.Key.Key_N, CTRL_SHIFT)
    window.offers.editor.tabs.setCurrentIndex(JOURNEY)
    return window.offers.editor


def test_the_step_form_edits_the_client_wording_with_its_kind_s_phrase_as_placeholder(
    qtbot: QtBot, editor: OfferEditor, empty_ws: Workspace
) -> None:
    journey = editor.journey
    journey.select((0, 0))
    form = journey.step_form
    field = form.fields["client_wording"]
    kind = form.fields["kind"]
    assert kind.currentData() == StepKind.SESSION  # the starter design's first step
    # A session is named by its title; the placeholder says what the client reads.
    assert field.text() == "" and field.placeholderText() == "Welcome call"
    field.setFocus()
    qtbot.keyClicks(field, "Our welcome call")
    assert editor.draft.spec.phases[0].steps[0].client_wording == "Our welcome call"
    qtbot.keyClick(journey.tree, Qt.Key.Key_S, CTRL)
    offer_id = editor.offer_id
    assert offer_id is not None
    saved = empty_ws.offers.offer_design(offer_id).spec.phases[0].steps[0]
    assert saved.client_wording == "Our welcome call"
    journey.select((0, 1))
    journey.select((0, 0))
    assert field.text() == "Our welcome call"  # shown again as saved

    # The placeholder follows the kind chosen (what a blank wording reads).
    field.clear()
    kind.setCurrentIndex(kind.findData(StepKind.FORM))
    assert field.placeholderText() == "Fill in and send back the form"


def test_a_nudge_and_the_client_s_documents_use_the_client_wording_never_the_title(
    qtbot: QtBot, empty_ctx: Context, empty_ws: Workspace, events: AppEvents
) -> None:
    new_own_practice(empty_ws)
    offer_id = add_offer(empty_ctx, OFFERS["coaching"]).value
    journey = enrol(empty_ctx, offer_id, "Ana Souza", TODAY, "ana@example.com")
    client_id = empty_ws.journeys.journey_detail(journey).client_id

    page = TodayPage(empty_ws, events, QUndoStack())
    qtbot.addWidget(page)
    page.show()
    row = next(r for r in page.model.all_rows() if r.step_title == TITLE)  # practitioner's
    assert page.select_step(row.step_id)
    dialog = page.nudge_dialog(row)
    assert dialog is not None
    qtbot.addWidget(dialog)
    said = dialog.subject.text() + "\n" + dialog.body.toPlainText()
    assert WORDS in said and TITLE not in said

    for kind in (DocumentKind.ONBOARDING, DocumentKind.PROGRESS, DocumentKind.CHECKLIST):
        printed = text(empty_ws.paper.make_document(kind, client_id=client_id).pdf)
        assert "received" not in printed, kind  # no title written for the practitioner
    assert WORDS in text(
        empty_ws.paper.make_document(DocumentKind.CHECKLIST, client_id=client_id).pdf
    )
