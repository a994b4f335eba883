"""An invoice ticked and paid, as a person does it on the client page, and seen on the
Dashboard's money pane: the step says where its invoice stands, Ctrl+Z takes the paid mark
back, and the pane's charts and table give the same numbers.

A practice of its own (not the demo): "Clarity Sprint" sells at £1,200, a £300 deposit
invoiced first and a £900 balance at the end; Ana starts today, Mon 23 Nov 2026.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QToolButton
from pytestqt.qtbot import QtBot

from deliverydesk.model.rules.enums import ActivityKind, StepKind
from deliverydesk.model.rules.offer_design import OfferSpec, PhaseSpec, StepSpec
from deliverydesk.services.clients.clients import ClientInput
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.main_window import MainWindow
from deliverydesk.ui.widgets.step_dialogs import StepDateDialog
from tests.conftest import TODAY

OFFER = OfferSpec(
    "Clarity Sprint",
    price_minor=1_200_00,
    currency="GBP",
    phases=(
        PhaseSpec(
            "Start",
            5,
            (
                StepSpec("Deposit invoice", StepKind.INVOICE, amount_minor=300_00),
                StepSpec("Kick-off", StepKind.SESSION, effort_minutes=120),
            ),
        ),
        PhaseSpec(
            "Finish",
            5,
            (
                StepSpec("Wrap-up", StepKind.SESSION, effort_minutes=120),
                StepSpec("Balance invoice", StepKind.INVOICE, amount_minor=900_00),
            ),
        ),
    ),
)


@pytest.fixture
def window(
    qtbot: QtBot, empty_ws: Workspace, events: AppEvents, monkeypatch: pytest.MonkeyPatch
) -> MainWindow:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: said.append(str(args[2])) or 0)
    empty_ws.practice.create_practice("My practice", 30, frozenset({1, 2, 3, 4, 5}))
    offer_id = empty_ws.offers.add_offer(OFFER).value
    client_id = empty_ws.clients.add_client(ClientInput("Ana Souza")).value
    empty_ws.clients.enrol_client(client_id, offer_id, TODAY)
    shown = MainWindow(empty_ws, events)
    qtbot.addWidget(shown)
    shown.resize(1200, 800)
    shown.show()
    shown.activateWindow()
    qtbot.waitUntil(shown.isActiveWindow, timeout=2000)
    shown.said = said  # type: ignore[attr-defined]
    return shown


def answer_paid_on(monkeypatch: pytest.MonkeyPatch, day: date) -> list[str]:
    asked: list[str] = []

    def exec_(dialog: StepDateDialog) -> int:
        asked.append(dialog.windowTitle())
        dialog.date_edit.setDate(day)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(StepDateDialog, "exec", exec_)
    return asked


def paid_button(window: MainWindow) -> QToolButton:
    actions = window.clients.client_page.step_actions
    return next(b for b in actions.step_buttons if b.defaultAction() is actions.paid_action)


def step_text(window: MainWindow, title: str) -> str:
    page = window.clients.client_page
    assert page.detail is not None
    step = next(s for p in page.detail.phases for s in p.steps if s.title == title)
    item = page.checklist.step_item(step.id)
    assert item is not None
    return item.text(0)


def test_an_invoice_ticked_and_paid_shows_on_the_dashboard_and_undoes(
    qtbot: QtBot, window: MainWindow, empty_ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.show_screen("clients")
    journey_id = empty_ws.journeys.board_rows()[0].journey_id
    window.clients.open_journey(journey_id)
    page = window.clients.client_page
    assert page.detail is not None
    deposit = next(s for p in page.detail.phases for s in p.steps if s.title == "Deposit invoice")
    assert step_text(window, "Deposit invoice").endswith("£300")
    button = paid_button(window)
    page.checklist.select_step(deposit.id)
    assert not button.isEnabled()  # not invoiced yet: nothing to be paid

    page.checklist.setFocus()
    qtbot.keyClick(page.checklist, Qt.Key.Key_Space)  # ticked: the invoice is sent today
    assert step_text(window, "Deposit invoice").endswith("£300 · invoiced, not paid yet")
    assert button.isEnabled() and button.defaultAction().text() == "Mark paid…"

    asked = answer_paid_on(monkeypatch, TODAY)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert asked == ["Mark paid"]
    assert "paid Mon 23 Nov 2026" in step_text(window, "Deposit invoice")
    assert button.defaultAction().text() == "Not paid after all"
    assert page.undo_stack.undoText() == "Mark 'Deposit invoice' paid"
    kinds = [a.kind for a in page.detail.activity]
    assert ActivityKind.INVOICE_PAID in kinds

    assert page.detail.phases == empty_ws.journeys.journey_detail(journey_id).phases

    page.undo_stack.undo()  # Edit → Undo: the paid mark taken back
    assert step_text(window, "Deposit invoice").endswith("£300 · invoiced, not paid yet")
    assert page.detail.phases == empty_ws.journeys.journey_detail(journey_id).phases
    page.undo_stack.redo()
    assert "paid Mon 23 Nov 2026" in step_text(window, "Deposit invoice")

    window.show_screen("dashboard")
    pane = window.dashboard.money
    qtbot.waitUntil(lambda: pane.view is not None, timeout=2000)
    assert pane.summary.text() == (
        "This month: £1,200 booked, £300 invoiced, £300 paid. Invoiced and not paid yet: £0."
    )
    november = pane.view.months[-1]  # type: ignore[union-attr]
    assert (november.booked_minor, november.invoiced_minor, november.paid_minor) == (
        1_200_00,
        300_00,
        300_00,
    )
    # The accessible table, one click away, says the same.
    qtbot.mouseClick(pane.toggle, Qt.MouseButton.LeftButton)
    assert pane.pages.currentWidget().isVisible()
    last = pane.months_table.rowCount() - 1
    row = [pane.months_table.item(last, c).text() for c in range(4)]
    assert row == ["Nov 2026", "£1,200", "£300", "£300"]
    offers = [pane.offers_table.item(0, c).text() for c in range(5)]
    assert offers == ["Clarity Sprint", "1", "£1,200", "4", "£300 an hour"]
    assert window.said == []  # type: ignore[attr-defined]


def test_the_data_menu_writes_the_money_lines_with_the_payment(
    qtbot: QtBot,
    window: MainWindow,
    empty_ws: Workspace,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    journey_id = empty_ws.journeys.board_rows()[0].journey_id
    window.show_screen("clients")
    window.clients.open_journey(journey_id)
    page = window.clients.client_page
    assert page.detail is not None
    deposit = next(s for p in page.detail.phases for s in p.steps if s.title == "Deposit invoice")
    page.checklist.select_step(deposit.id)
    page.checklist.setFocus()
    qtbot.keyClick(page.checklist, Qt.Key.Key_Space)
    answer_paid_on(monkeypatch, TODAY)
    qtbot.mouseClick(paid_button(window), Qt.MouseButton.LeftButton)
    path = tmp_path / "money.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(path), ""))
    window.data.export_money_action.trigger()  # File → Export money lines for your accountant
    lines = path.read_text("utf-8-sig").splitlines()
    assert lines[1] == (
        '"Ana Souza","","Clarity Sprint","Deposit invoice","300.00","GBP","2026-11-23",'
        '"2026-11-23","2026-11-23","paid"'
    )
    assert lines[2].endswith('"900.00","GBP","2026-11-30","","","planned"')
    assert window.said == []  # type: ignore[attr-defined]


def test_paid_on_the_dashboard_follows_an_undo_made_elsewhere(
    qtbot: QtBot, window: MainWindow, empty_ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.show_screen("clients")
    journey_id = empty_ws.journeys.board_rows()[0].journey_id
    window.clients.open_journey(journey_id)
    page = window.clients.client_page
    assert page.detail is not None
    deposit = next(s for p in page.detail.phases for s in p.steps if s.title == "Deposit invoice")
    page.checklist.select_step(deposit.id)
    page.checklist.setFocus()
    qtbot.keyClick(page.checklist, Qt.Key.Key_Space)
    answer_paid_on(monkeypatch, TODAY)
    qtbot.mouseClick(paid_button(window), Qt.MouseButton.LeftButton)
    window.show_screen("dashboard")
    pane = window.dashboard.money
    qtbot.waitUntil(lambda: pane.view is not None and pane.view.months[-1].paid_minor > 0)
    page.undo_stack.undo()  # taken back while the dashboard shows
    qtbot.waitUntil(lambda: pane.view is not None and pane.view.months[-1].paid_minor == 0)
    QApplication.processEvents()
    assert "£0 paid" in pane.summary.text()


def test_the_pane_says_what_to_do_without_prices_and_follows_the_currency_chosen(
    qtbot: QtBot, empty_ws: Workspace, events: AppEvents
) -> None:
    from dataclasses import replace

    from deliverydesk.ui.dashboard.dashboard_page import DashboardPage

    empty_ws.practice.create_practice("My practice", 30, frozenset({1, 2, 3, 4, 5}))
    unpriced = replace(OFFER, name="Free call", price_minor=None, currency="")
    bare = tuple(
        replace(p, steps=tuple(replace(s, amount_minor=None) for s in p.steps))
        for p in unpriced.phases
    )
    offer_id = empty_ws.offers.add_offer(replace(unpriced, phases=bare)).value
    client_id = empty_ws.clients.add_client(ClientInput("Ana Souza")).value
    empty_ws.clients.enrol_client(client_id, offer_id, TODAY)
    page = DashboardPage(empty_ws, events)
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    pane = page.money
    qtbot.waitUntil(lambda: pane.view is not None, timeout=2000)
    assert pane.summary.text().startswith("No prices yet: give your offers a price")
    assert not pane.pages.isVisible() and not pane.toggle.isVisible()

    euros = empty_ws.offers.add_offer(replace(OFFER, name="Audit", currency="EUR")).value
    pounds = empty_ws.offers.add_offer(replace(OFFER, name="Sprint", price_minor=2_000_00)).value
    for name, offer in (("Ben", euros), ("Cleo", pounds)):
        client = empty_ws.clients.add_client(ClientInput(name)).value
        events.changed.emit(empty_ws.clients.enrol_client(client, offer, TODAY).changes)
    qtbot.waitUntil(lambda: pane.view is not None and len(pane.view.currencies) == 2)
    assert pane.currency.isVisible() and pane.view.currency == "GBP"  # the most booked
    assert "£2,000 booked" in pane.summary.text()
    pane.currency.setCurrentIndex(pane.currency.findData("EUR"))
    assert pane.view.currency == "EUR" and "€1,200 booked" in pane.summary.text()


def test_an_invoice_step_of_an_offer_not_priced_says_only_where_it_stands(
    qtbot: QtBot, empty_ws: Workspace, events: AppEvents, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A newcomer's offer from a template has invoice steps but no prices yet: the checklist
    does not print "no amount" on each; once ticked, it says invoiced, then paid."""
    empty_ws.practice.create_practice("My practice", 30, frozenset({1, 2, 3, 4, 5}))
    unpriced = replace(
        OFFER,
        price_minor=None,
        phases=tuple(
            replace(p, steps=tuple(replace(s, amount_minor=None) for s in p.steps))
            for p in OFFER.phases
        ),
    )
    offer_id = empty_ws.offers.add_offer(unpriced).value
    client_id = empty_ws.clients.add_client(ClientInput("Ana Souza")).value
    journey_id = empty_ws.clients.enrol_client(client_id, offer_id, TODAY).value
    window = MainWindow(empty_ws, events)
    qtbot.addWidget(window)
    window.show()
    window.show_screen("clients")
    window.clients.open_journey(journey_id)
    assert step_text(window, "Deposit invoice").strip() == "Deposit invoice"

    page = window.clients.client_page
    assert page.detail is not None
    deposit = next(s for p in page.detail.phases for s in p.steps if s.title == "Deposit invoice")
    page.checklist.select_step(deposit.id)
    page.checklist.setFocus()
    qtbot.keyClick(page.checklist, Qt.Key.Key_Space)
    assert step_text(window, "Deposit invoice").endswith("Deposit invoice  invoiced, not paid yet")
