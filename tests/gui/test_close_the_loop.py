"""Close the loop (issue 23, "Done means"), end to end in the real window.

A practitioner starts her own practice from the first-run welcome (not the demo), makes an
offer from the Brand Audit template and gives it a price spread over its invoice steps,
adds a client and enrols her through the wizard, then logs friction and resolves it, ticks
a checkpoint and records the client's feedback at it, books time off in Settings, and ticks
the deposit invoice and marks it paid. After each, the Dashboard shows the change: friction
resolved, the feedback score and testimonials, the planner's week without hours, the money
invoiced and paid. Only keys, clicks and combo choices in the real widgets; the modal
dialogs are filled through their own fields (their exec answered, as the other tests do).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QToolButton
from pytestqt.qtbot import QtBot

from deliverydesk.seeding.offer_templates import OFFERS
from deliverydesk.services.journeys.detail import StepDetail
from deliverydesk.services.views.dashboard import Part
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.enrol.enrol_wizard import FIT, PICK, START, EnrolWizard
from deliverydesk.ui.main_window import MainWindow
from deliverydesk.ui.offers.offer_editor import DETAILS
from deliverydesk.ui.settings.time_off import TimeOffDialog
from deliverydesk.ui.widgets.client_dialog import ClientDialog
from deliverydesk.ui.widgets.feedback_dialog import FeedbackDialog
from deliverydesk.ui.widgets.friction_dialog import FrictionDialog, ResolveFrictionDialog
from deliverydesk.ui.widgets.step_dialogs import StepDateDialog
from tests.conftest import TODAY
from tests.gui.design_support import CTRL, save_with_ctrl_s, type_over
from tests.gui.enrol_support import opened, press, show_active
from tests.gui.lifecycle_support import Answers, answer_questions
from tests.gui.test_capacity_planner import click_week
from tests.gui.test_scenario_newcomer import Newcomer, start_own_practice

CLIENT = "Ana Souza"
TEMPLATE = OFFERS["brand"]
HOLIDAY = (date(2026, 11, 30), date(2026, 12, 6))  # the whole of the week after TODAY
LONG = 5000


def answer_with(monkeypatch: pytest.MonkeyPatch, dialog: type[QDialog], fill: object) -> None:
    """The next `dialog` is filled by `fill` through its own widgets, then its OK clicked
    (the OS-level modal loop is the only thing skipped)."""

    def exec_(shown: QDialog) -> int:
        accept = fill(shown)  # type: ignore[operator]
        if accept is not None:
            accept.click()
        return shown.result()

    monkeypatch.setattr(dialog, "exec", exec_)


def dashboard(window: MainWindow) -> MainWindow:
    """The Dashboard, shown (its panes read themselves once it paints)."""
    window.show_screen("dashboard")
    return window


def step_of(window: MainWindow, title: str) -> StepDetail:
    detail = window.clients.client_page.detail
    assert detail is not None
    return next(s for p in detail.phases for s in p.steps if s.title == title)


def open_client_page(nc: Newcomer, journey_id: int) -> None:
    """The client's page, opened from their card on the board (its "Open client")."""
    nc.window.show_screen("board")
    menu = nc.window.board.card_menu(journey_id)
    assert menu is not None
    (open_client,) = [a for a in menu.actions() if a.text() == "Open client"]
    open_client.trigger()
    assert nc.window.current_screen() == "clients"


def tick(qtbot: QtBot, window: MainWindow, title: str) -> None:
    page = window.clients.client_page
    page.checklist.select_step(step_of(window, title).id)
    page.checklist.setFocus()
    qtbot.keyClick(page.checklist, Qt.Key.Key_Space)


# -- 1. an offer from a template, priced -----------------------------------------------------
def price_an_offer_from_a_template(nc: Newcomer) -> None:
    qtbot, window = nc.qtbot, nc.window
    qtbot.keyClick(window, Qt.Key.Key_5, CTRL)
    page = window.offers
    (action,) = [a for a in page.template_menu.actions() if a.text() == TEMPLATE.name]
    action.trigger()  # New from a template → Brand Audit
    editor = page.editor
    assert page.editing() and editor.offer_id is not None
    nc.offer_id = editor.offer_id
    editor.tabs.setCurrentIndex(DETAILS)
    details = editor.details
    type_over(qtbot, details.price_amount, "2,400")
    details.currency.setFocus()
    details.currency.setCurrentIndex(details.currency.findData("GBP"))
    qtbot.mouseClick(details.spread, Qt.MouseButton.LeftButton)
    assert details.plan.text() == (
        "Deposit £600 ('Signed proposal and deposit invoice'); "
        "Balance £1,800 ('Balance invoice'). Together the price, £2,400."
    )
    details.price_amount.setFocus()
    save_with_ctrl_s(qtbot)
    assert not editor.draft.dirty and nc.answers.warnings == []
    qtbot.mouseClick(editor.back_button, Qt.MouseButton.LeftButton)
    assert [page.model.row_at(r).name for r in range(page.model.rowCount())] == [TEMPLATE.name]


def add_and_enrol(nc: Newcomer) -> int:
    """File → New client…, then the wizard: the offer, its right-fit questions, today."""
    qtbot, window = nc.qtbot, nc.window
    show_active(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    dialog = opened(qtbot, window, ClientDialog)
    qtbot.keyClicks(dialog.name, CLIENT)
    assert dialog.enrol_next.isChecked()
    press(qtbot, Qt.Key.Key_Return)
    wizard = opened(qtbot, window, EnrolWizard)
    assert wizard.currentId() == PICK and wizard.pick.offer_id == nc.offer_id
    press(qtbot, Qt.Key.Key_Return)
    assert wizard.currentId() == FIT
    for box in wizard.fit.boxes:
        box.setFocus()
        press(qtbot, Qt.Key.Key_Space)
    assert not wizard.fit.warning.isVisible()
    press(qtbot, Qt.Key.Key_Return)
    assert wizard.currentId() == START
    qtbot.waitUntil(lambda: wizard.start.preview is not None)
    assert wizard.start.start_on() == TODAY
    with qtbot.waitSignal(wizard.enrolled) as enrolled:
        press(qtbot, Qt.Key.Key_Return)  # Enrol
    qtbot.waitUntil(lambda: not wizard.isVisible())
    journey_id: int = enrolled.args[0]
    assert window.board.index.cards[journey_id].name == CLIENT
    return journey_id


# -- 2. friction logged, then resolved -------------------------------------------------------
def log_and_resolve_friction(nc: Newcomer, journey_id: int) -> None:
    qtbot, window, monkeypatch = nc.qtbot, nc.window, nc.monkeypatch
    friction = window.dashboard.parts.rows[Part.FRICTION]
    assert (
        dashboard(window)
        .dashboard.parts.rows[Part.FRICTION]
        .sentence.text()
        .startswith("No friction was logged")
    )

    def trouble(dialog: FrictionDialog) -> object:
        qtbot.keyClicks(dialog.description, "Brand files arrived a week late")
        dialog.category.setCurrentIndex(dialog.category.findText("Delay"))
        dialog.severity.setCurrentIndex(dialog.severity.findText("Medium"))
        return dialog.buttons.button(dialog.buttons.StandardButton.Ok)

    def resolved(dialog: ResolveFrictionDialog) -> object:
        qtbot.keyClicks(dialog.note, "Agreed a shared folder")
        return dialog.buttons.button(dialog.buttons.StandardButton.Ok)

    open_client_page(nc, journey_id)
    page = window.clients.client_page
    panel = page.friction_panel
    answer_with(monkeypatch, FrictionDialog, trouble)
    page.tabs.setCurrentWidget(panel)
    qtbot.mouseClick(panel.log_button, Qt.MouseButton.LeftButton)
    assert "Brand files arrived a week late" in page.health.text()
    dashboard(window)
    qtbot.waitUntil(lambda: "0 of 1 friction logged" in friction.sentence.text(), timeout=LONG)

    open_client_page(nc, journey_id)
    page.tabs.setCurrentWidget(panel)
    panel.list.setCurrentRow(0)
    answer_with(monkeypatch, ResolveFrictionDialog, resolved)
    qtbot.mouseClick(panel.resolve_button, Qt.MouseButton.LeftButton)
    assert panel.list.item(0).text().splitlines()[-1] == "Agreed a shared folder"
    dashboard(window)
    qtbot.waitUntil(lambda: "1 of 1 friction logged" in friction.sentence.text(), timeout=LONG)
    assert friction.sentence.text() == "1 of 1 friction logged in the last 90 days is resolved."
    assert "".join(friction.figure.text().split()) == "100%"  # a thin space before %


# -- 3. a checkpoint ticked, feedback recorded at it -----------------------------------------
def record_feedback_at_a_checkpoint(nc: Newcomer, journey_id: int) -> None:
    qtbot, window, monkeypatch = nc.qtbot, nc.window, nc.monkeypatch
    tile = dashboard(window).dashboard.feedback
    assert tile.sentence.text().startswith("No feedback recorded")
    open_client_page(nc, journey_id)
    checkpoint = "Brand questionnaire received"
    tick(qtbot, window, checkpoint)
    assert step_of(window, checkpoint).completed_on == TODAY

    def glowing(dialog: FeedbackDialog) -> object:
        dialog.step.setCurrentIndex(dialog.step.findText(checkpoint))
        dialog.score.setValue(9)
        qtbot.keyClicks(dialog.words, "The questionnaire made me think hard, in a good way.")
        qtbot.keyClick(dialog.testimonial, Qt.Key.Key_Space)
        return dialog.buttons.button(dialog.buttons.StandardButton.Ok)

    page = window.clients.client_page
    answer_with(monkeypatch, FeedbackDialog, glowing)
    page.tabs.setCurrentWidget(page.feedback_panel)
    qtbot.mouseClick(page.feedback_panel.record_button, Qt.MouseButton.LeftButton)
    (line,) = [page.feedback.item(i).text() for i in range(page.feedback.count())]
    assert line.startswith(f"Mon 23 Nov 2026 · score 9/10 · {checkpoint} · may be quoted")

    dashboard(window)
    qtbot.waitUntil(lambda: tile.figure.text() == "9.0 / 10", timeout=LONG)
    assert tile.sentence.text() == (
        "One score in the last 90 days, 9 or 10. Testimonials allowed: 1. "
        "Referrals: 0 asked, 0 given."
    )


# -- 4. time off booked in Settings ----------------------------------------------------------
def book_time_off(nc: Newcomer) -> None:
    qtbot, window, monkeypatch = nc.qtbot, nc.window, nc.monkeypatch
    pane = dashboard(window).dashboard.planner
    window.dashboard.body_scroll.ensureWidgetVisible(pane)
    qtbot.waitUntil(lambda: pane.planner is not None, timeout=LONG)
    assert pane.planner is not None
    hours = pane.planner.weeks[1].load.capacity_hours
    assert hours > 0

    def holiday(dialog: TimeOffDialog) -> object:
        first, last = HOLIDAY
        dialog.start.setDate(QDate(first.year, first.month, first.day))
        dialog.end.setDate(QDate(last.year, last.month, last.day))
        qtbot.keyClicks(dialog.reason, "Family holiday")
        return dialog.add_button

    window.show_screen("settings")
    settings = window.settings_page
    answer_with(monkeypatch, TimeOffDialog, holiday)
    qtbot.mouseClick(settings.form.time_off.add_button, Qt.MouseButton.LeftButton)
    assert settings.form.time_off.list.item(0).text() == "30 Nov – 6 Dec · Family holiday"
    with qtbot.waitSignal(settings.saved, timeout=LONG):
        qtbot.mouseClick(settings.save_button, Qt.MouseButton.LeftButton)

    dashboard(window)
    window.dashboard.body_scroll.ensureWidgetVisible(pane)
    qtbot.waitUntil(
        lambda: pane.planner is not None and pane.planner.weeks[1].load.capacity_hours == 0,
        timeout=LONG,
    )
    assert [w.load.capacity_hours for w in pane.planner.weeks[:3]] == [hours, 0, hours]
    assert pane.words.text() == "Over your hours in 1 of the next 26 weeks: 30 Nov."
    click_week(qtbot, pane, 1)
    assert pane.week_title.text() == (
        "Week of Mon 30 Nov 2026: 0.5 h booked of your 0 h; 0.5 h over."
    )
    qtbot.mouseClick(pane.as_table, Qt.MouseButton.LeftButton)  # the same, as a table
    model = pane.model
    row = [model.index(1, c).data() for c in range(model.columnCount())]
    assert row == ["Mon 30 Nov 2026", "0 h", "0.5 h", "0.5 h", "0.5 h over"]


# -- 5. an invoice ticked, then paid ---------------------------------------------------------
def invoice_and_get_paid(nc: Newcomer, journey_id: int) -> None:
    qtbot, window, monkeypatch = nc.qtbot, nc.window, nc.monkeypatch
    pane = dashboard(window).dashboard.money
    qtbot.waitUntil(lambda: pane.view is not None, timeout=LONG)
    assert pane.summary.text() == (
        "This month: £2,400 booked, £0 invoiced, £0 paid. Invoiced and not paid yet: £0."
    )
    open_client_page(nc, journey_id)
    deposit = "Signed proposal and deposit invoice"
    tick(qtbot, window, deposit)  # the invoice goes out today
    actions = window.clients.client_page.step_actions
    paid = next(
        b
        for b in actions.step_buttons
        if isinstance(b, QToolButton) and b.defaultAction() is actions.paid_action
    )
    assert paid.isEnabled()
    dashboard(window)
    qtbot.waitUntil(lambda: "£600 invoiced, £0 paid" in pane.summary.text(), timeout=LONG)
    assert pane.summary.text().endswith("Invoiced and not paid yet: £600.")

    def paid_today(dialog: StepDateDialog) -> object:
        dialog.date_edit.setDate(QDate(TODAY.year, TODAY.month, TODAY.day))
        return dialog.buttons.button(dialog.buttons.StandardButton.Ok)

    open_client_page(nc, journey_id)
    window.clients.client_page.checklist.select_step(step_of(window, deposit).id)
    answer_with(monkeypatch, StepDateDialog, paid_today)
    qtbot.mouseClick(paid, Qt.MouseButton.LeftButton)
    assert step_of(window, deposit).paid_on == TODAY
    dashboard(window)
    qtbot.waitUntil(lambda: "£600 paid" in pane.summary.text(), timeout=LONG)
    assert pane.summary.text() == (
        "This month: £2,400 booked, £600 invoiced, £600 paid. Invoiced and not paid yet: £0."
    )


def test_a_practice_from_scratch_closes_the_loop_on_the_dashboard(
    qtbot: QtBot,
    empty_ws: Workspace,
    events: AppEvents,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    answers = answer_questions(monkeypatch, Answers())
    window = start_own_practice(qtbot, empty_ws, events)
    nc = Newcomer(qtbot, window, answers, tmp_path, monkeypatch)
    price_an_offer_from_a_template(nc)
    journey_id = add_and_enrol(nc)
    show_active(qtbot, window)
    log_and_resolve_friction(nc, journey_id)
    record_feedback_at_a_checkpoint(nc, journey_id)
    book_time_off(nc)
    invoice_and_get_paid(nc, journey_id)
    assert answers.warnings == []
