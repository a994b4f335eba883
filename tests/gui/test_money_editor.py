"""An offer's price and payment plan, edited as a person edits them: the price typed, the
currency chosen in its list, the price spread over the invoice steps with one click, an
invoice step's amount typed in the journey; a typing slip told under the field."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from deliverydesk.model.rules.enums import StepKind
from deliverydesk.model.rules.offer_design import OfferSpec, PhaseSpec, StepSpec
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.main_window import MainWindow
from deliverydesk.ui.offers.offer_editor import DETAILS, JOURNEY, OfferEditor
from tests.gui.design_support import click_row, save_with_ctrl_s, type_over
from tests.gui.offers_support import capture_warnings, new_own_practice, open_offers

DESIGN = OfferSpec(
    "Clarity Sprint",
    phases=(
        PhaseSpec(
            "Start",
            5,
            (StepSpec("Kick-off", StepKind.SESSION), StepSpec("Deposit invoice", StepKind.INVOICE)),
        ),
        PhaseSpec(
            "Finish",
            5,
            (StepSpec("Wrap-up", StepKind.SESSION), StepSpec("Balance invoice", StepKind.INVOICE)),
        ),
    ),
)


@pytest.fixture
def editor(
    qtbot: QtBot, empty_ws: Workspace, events: AppEvents, monkeypatch: pytest.MonkeyPatch
) -> OfferEditor:
    said = capture_warnings(monkeypatch)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: said.append(box.text()) or 0)
    offer_id = new_own_practice(empty_ws).offers.add_offer(DESIGN).value
    window: MainWindow = open_offers(qtbot, empty_ws, events)
    page = window.offers
    assert page.select_offer(offer_id)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.editing()
    page.editor.tabs.setCurrentIndex(DETAILS)
    return page.editor


def test_a_price_typed_and_spread_over_the_invoice_steps_is_saved(
    qtbot: QtBot, editor: OfferEditor, empty_ws: Workspace
) -> None:
    details = editor.details
    assert not details.spread.isEnabled()  # no price yet: nothing to spread
    type_over(qtbot, details.price_amount, "1,200")
    details.currency.setFocus()
    details.currency.setCurrentIndex(details.currency.findData("GBP"))
    assert details.spread.isEnabled()
    assert "(no amount)" in details.plan.text()
    qtbot.mouseClick(details.spread, Qt.MouseButton.LeftButton)
    # A quarter as the deposit, the rest as the balance: together the price.
    assert details.plan.text() == (
        "Deposit £300 ('Deposit invoice'); Balance £900 ('Balance invoice'). "
        "Together the price, £1,200."
    )

    editor.tabs.setCurrentIndex(JOURNEY)
    click_row(qtbot, editor, (1, 1))  # the balance: one more instalment taken off it
    amount = editor.journey.step_form.amount
    assert amount.isEnabled() and amount.text() == "900.00"
    type_over(qtbot, amount, "850")
    click_row(qtbot, editor, (0, 0))  # a session has no amount to type
    assert not editor.journey.step_form.amount.isEnabled()
    save_with_ctrl_s(qtbot)
    assert not editor.draft.dirty

    stored = empty_ws.offers.offer_design(editor.offer_id or 0).spec
    assert (stored.price_minor, stored.currency) == (1_200_00, "GBP")
    amounts = [s.amount_minor for p in stored.phases for s in p.steps]
    assert amounts == [None, 300_00, None, 850_00]
    editor.tabs.setCurrentIndex(DETAILS)
    assert "Together £1,150, not the price of £1,200." in editor.details.plan.text()


def test_a_price_that_is_not_an_amount_is_told_and_changes_nothing(
    qtbot: QtBot, editor: OfferEditor
) -> None:
    details = editor.details
    type_over(qtbot, details.price_amount, "about 900")
    problem = details.problem_labels["price_minor"]
    assert problem.isVisible() and "Write an amount like 1,200" in problem.message()
    assert editor.draft.spec.price_minor is None and not editor.draft.dirty
    type_over(qtbot, details.price_amount, "900")
    assert not problem.isVisible() and editor.draft.spec.price_minor == 900_00
