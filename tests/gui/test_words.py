"""Words a person reads (issue 16): a list of names reads as a sentence, in the question a
move past two open checkpoints asks, in the activity it leaves, and in "complete anyway?"."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from deliverydesk.model.rules.enums import Owner, StepKind
from deliverydesk.services.context import Context
from deliverydesk.services.offers.offers import OfferSpec, PhaseSpec, StepSpec, create_offer
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from tests.conftest import TODAY
from tests.gui.lifecycle_support import Answers, answer_questions, make_window
from tests.unit.timeline_support import enrol, practice

TWO_GATES = OfferSpec(
    name="Launch",
    phases=(
        PhaseSpec(
            "Start",
            5,
            (
                StepSpec("Contract signed", owner=Owner.CLIENT, is_checkpoint=True),
                StepSpec("Deposit paid", kind=StepKind.INVOICE, is_checkpoint=True),
                StepSpec("Kick-off call", kind=StepKind.SESSION),
            ),
        ),
        PhaseSpec("Build", 5, (StepSpec("Build it"),)),
    ),
)


def test_a_move_past_two_open_checkpoints_names_them_in_a_sentence(
    qtbot: QtBot,
    empty_ctx: Context,
    empty_ws: Workspace,
    events: AppEvents,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    practice(empty_ctx)
    offer_id, _ = create_offer(empty_ctx, TWO_GATES)
    journey = enrol(empty_ctx, offer_id, "Ana Souza", TODAY)
    window = make_window(qtbot, empty_ws, events)
    window.show_screen("board")
    board = window.board
    answers = answer_questions(monkeypatch, Answers(confirm=False))
    board.select_journey(journey)
    view = board.columns[(offer_id, 0)].view
    mods = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier

    qtbot.keyClick(view, Qt.Key.Key_Right, mods)  # the person keeps the card where it is

    (question,) = answers.questions
    assert (
        "Ana Souza cannot leave “Start” yet: 'Contract signed' and 'Deposit paid' are not done."
        in question
    )

    monkeypatch.setattr(board, "confirm_override", lambda *_args: True)  # "Move anyway"
    qtbot.keyClick(view, Qt.Key.Key_Right, mods)
    window.open_client(journey)
    lines = [
        window.clients.client_page.activity.item(r).text()
        for r in range(window.clients.client_page.activity.count())
    ]
    assert any(
        line.endswith("Went past open checkpoints: 'Contract signed' and 'Deposit paid'")
        for line in lines
    )

    # "Complete anyway?" lists the steps still open the same way.
    page = window.clients.client_page
    page.journey_bar.complete()
    assert answers.questions[-1] == (
        "<p>4 steps are still open: 'Contract signed', 'Deposit paid', 'Kick-off call' and "
        "1 more. "
        "Complete the journey anyway? They stay open, not done.</p>"
    )
