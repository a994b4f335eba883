"""Feedback recorded, changed and deleted through the real widgets: the offer made when a
checkpoint whose phase has a survey step is ticked, the client page's Feedback tab, a board
card's menu and Today; one shared dialog, each step undoable, the card's "Feedback due"
badge clearing and the dashboard's figure following."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from deliverydesk.model.rules.enums import JourneyStatus, Owner, StepKind
from deliverydesk.services.context import Context
from deliverydesk.services.journeys.detail import StepDetail, journey_detail
from deliverydesk.services.views.queries import client_rows
from deliverydesk.services.views.today import TodayRow
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.clients.client_page import ClientPage
from deliverydesk.ui.clients.clients_page import ClientsPage
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.dashboard.dashboard_page import DashboardPage
from deliverydesk.ui.today.today_page import TodayPage
from deliverydesk.ui.widgets.feedback_dialog import FeedbackDialog
from tests.conftest import TODAY
from tests.gui.test_checklist_multi_select import click_row
from tests.gui.test_client_page_editing import steps

Fill = Callable[[QtBot, FeedbackDialog], None]


def answer_feedback(
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, fill: Fill | None
) -> list[FeedbackDialog]:
    """Answer the next feedback dialogs: `fill` types into it, then OK (None: Cancel)."""
    shown: list[FeedbackDialog] = []

    def exec_(dialog: FeedbackDialog) -> int:
        shown.append(dialog)
        if fill is None:
            return QDialog.DialogCode.Rejected.value
        fill(qtbot, dialog)
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        return dialog.result()

    monkeypatch.setattr(FeedbackDialog, "exec", exec_)
    return shown


def glowing(qtbot: QtBot, dialog: FeedbackDialog) -> None:
    dialog.score.setValue(10)
    qtbot.keyClicks(dialog.words, "Calm, clear & <b>kind</b>")
    qtbot.keyClick(dialog.testimonial, Qt.Key.Key_Space)
    qtbot.keyClick(dialog.referral_asked, Qt.Key.Key_Space)
    qtbot.keyClicks(dialog.referral_name, "Noor Haddad")


def checkpoint_with_a_survey(ctx: Context) -> tuple[int, StepDetail]:
    """An active journey whose open checkpoint sits in a phase with a survey step."""
    for row in client_rows(ctx):
        if row.status is not JourneyStatus.ACTIVE or row.journey_id is None:
            continue
        detail = journey_detail(ctx, row.journey_id)
        for phase in detail.phases:
            if any(s.kind is StepKind.SURVEY for s in phase.steps):
                for step in phase.steps:
                    if step.is_checkpoint and step.completed_on is None:
                        return row.journey_id, step
    raise AssertionError("the demo has an open checkpoint beside a survey")


def feedback_due(ws: Workspace, journey_id: int) -> bool:
    (row,) = ws.journeys.rows_for_journeys([journey_id])
    return row.feedback_due


def lines(page: ClientPage) -> list[str]:
    return [page.feedback.item(i).text() for i in range(page.feedback.count())]


@pytest.fixture
def clients(demo_ws: Workspace, qtbot: QtBot, events: AppEvents) -> ClientsPage:
    shown = ClientsPage(demo_ws, events, QUndoStack())
    qtbot.addWidget(shown)
    shown.resize(1200, 800)
    shown.show()
    return shown


def test_ticking_a_checkpoint_offers_feedback_which_clears_the_badge_and_moves_the_dashboard(
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
    clients: ClientsPage,
    demo_ctx: Context,
    demo_ws: Workspace,
    events: AppEvents,
) -> None:
    journey_id, checkpoint = checkpoint_with_a_survey(demo_ctx)
    dashboard = DashboardPage(demo_ws, events)
    qtbot.addWidget(dashboard)
    dashboard.refresh()
    testimonials_before = dashboard.board.feedback.testimonials if dashboard.board else -1
    clients.open_journey(journey_id)
    page = clients.client_page
    page.checklist.select_step(checkpoint.id)
    page.checklist.setFocus()
    qtbot.keyClick(page.checklist, Qt.Key.Key_Space)  # tick the checkpoint
    qtbot.waitUntil(lambda: page.feedback_actions.offer_bar.offered_step == checkpoint.id)
    assert page.feedback_actions.offer_bar.isVisible()
    assert checkpoint.title in page.feedback_actions.offer_bar.words.text()
    assert feedback_due(demo_ws, journey_id)  # passed, nothing said yet: the badge

    shown = answer_feedback(monkeypatch, qtbot, glowing)
    qtbot.mouseClick(page.feedback_actions.offer_bar.record_button, Qt.MouseButton.LeftButton)

    (dialog,) = shown
    assert dialog.step.currentData() == checkpoint.id  # about the checkpoint just ticked
    assert not page.feedback_actions.offer_bar.isVisible()
    assert not feedback_due(demo_ws, journey_id)
    (recorded, *_) = journey_detail(demo_ctx, journey_id).feedback
    assert (recorded.score, recorded.words, recorded.step_id) == (
        10, "Calm, clear & <b>kind</b>", checkpoint.id,
    )  # fmt: skip
    assert (recorded.testimonial_ok, recorded.referral_asked, recorded.referral_given) == (
        True, True, True,
    )  # fmt: skip
    assert recorded.referral_name == "Noor Haddad"
    assert lines(page)[0] == (
        f"Mon 23 Nov 2026 · score 10/10 · {checkpoint.title} · may be quoted · "
        "referral asked · referred Noor Haddad\nCalm, clear & <b>kind</b>"
    )
    assert page.activity.item(0).text() == "Mon 23 Nov 2026 · Recorded feedback (score 10)"
    dashboard.refresh()
    assert dashboard.board is not None
    assert dashboard.board.feedback.testimonials == testimonials_before + 1
    assert f"Testimonials allowed: {testimonials_before + 1}." in dashboard.feedback.sentence.text()

    assert page.undo_stack.undoText() == "Record feedback"
    page.undo_stack.undo()
    assert recorded not in journey_detail(demo_ctx, journey_id).feedback
    assert feedback_due(demo_ws, journey_id)  # the badge is back
    page.undo_stack.redo()  # back under its own id
    assert recorded in journey_detail(demo_ctx, journey_id).feedback
    assert not feedback_due(demo_ws, journey_id)


def test_not_now_withdraws_the_offer_and_a_plain_step_makes_none(
    qtbot: QtBot, clients: ClientsPage, demo_ctx: Context
) -> None:
    journey_id, checkpoint = checkpoint_with_a_survey(demo_ctx)
    clients.open_journey(journey_id)
    page = clients.client_page
    plain = next(
        s for s in steps(journey_detail(demo_ctx, journey_id))
        if s.completed_on is None and not s.is_checkpoint
    )  # fmt: skip
    page.checklist.select_step(plain.id)
    qtbot.keyClick(page.checklist, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.detail is not None and page.undo_stack.count() == 1)
    assert not page.feedback_actions.offer_bar.isVisible()

    page.checklist.select_step(checkpoint.id)
    qtbot.keyClick(page.checklist, Qt.Key.Key_Space)
    qtbot.waitUntil(page.feedback_actions.offer_bar.isVisible)
    qtbot.mouseClick(page.feedback_actions.offer_bar.dismiss_button, Qt.MouseButton.LeftButton)
    assert not page.feedback_actions.offer_bar.isVisible()


def test_change_and_delete_from_the_feedback_tab_each_undo(
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, clients: ClientsPage, demo_ctx: Context
) -> None:
    journey_id, _checkpoint = checkpoint_with_a_survey(demo_ctx)
    clients.open_journey(journey_id)
    page = clients.client_page
    page.tabs.setCurrentWidget(page.feedback_panel)
    answer_feedback(monkeypatch, qtbot, glowing)
    qtbot.mouseClick(page.feedback_panel.record_button, Qt.MouseButton.LeftButton)
    (recorded, *_) = journey_detail(demo_ctx, journey_id).feedback
    assert recorded.score == 10 and recorded.step_id is None  # no checkpoint waiting

    def lower(qtbot: QtBot, dialog: FeedbackDialog) -> None:
        assert dialog.words.toPlainText() == "Calm, clear & <b>kind</b>"  # as it stands
        dialog.score.setValue(7)

    answer_feedback(monkeypatch, qtbot, lower)
    page.feedback.setCurrentRow(0)
    qtbot.mouseClick(page.feedback_panel.change_button, Qt.MouseButton.LeftButton)
    (changed, *_) = journey_detail(demo_ctx, journey_id).feedback
    assert (changed.id, changed.score, changed.referral_name) == (recorded.id, 7, "Noor Haddad")
    assert page.activity.item(0).text() == "Mon 23 Nov 2026 · Changed feedback (score 7)"
    page.undo_stack.undo()
    assert journey_detail(demo_ctx, journey_id).feedback[0] == recorded

    page.feedback.setCurrentRow(0)
    qtbot.mouseClick(page.feedback_panel.delete_button, Qt.MouseButton.LeftButton)
    assert recorded not in journey_detail(demo_ctx, journey_id).feedback
    assert page.activity.item(0).text() == "Mon 23 Nov 2026 · Removed a feedback record"
    page.undo_stack.undo()
    assert journey_detail(demo_ctx, journey_id).feedback[0] == recorded


def test_the_dialog_asks_for_a_score_or_words_and_no_day_to_come(qtbot: QtBot) -> None:
    dialog = FeedbackDialog([], TODAY)
    qtbot.addWidget(dialog)
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.result() == QDialog.DialogCode.Rejected.value  # still open
    assert dialog.problem.text() == "Give a score, or write what the client said."
    assert dialog.received.maximumDate().toPython() == TODAY


def test_today_records_feedback_for_the_selected_step_s_client(
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
    demo_ws: Workspace,
    demo_ctx: Context,
    events: AppEvents,
) -> None:
    today = TodayPage(demo_ws, events, QUndoStack())
    qtbot.addWidget(today)
    today.show()
    row = today.model.rows(Owner.ME)[0]
    assert today.select_step(row.step_id)
    before = journey_detail(demo_ctx, row.journey_id).feedback
    answer_feedback(monkeypatch, qtbot, glowing)
    today.feedback_action.trigger()
    after = journey_detail(demo_ctx, row.journey_id).feedback
    assert len(after) == len(before) + 1 and after[0].words == "Calm, clear & <b>kind</b>"
    assert today.undo_stack.undoText() == "Record feedback"


def today_checkpoint_with_a_survey(ctx: Context, today: TodayPage) -> TodayRow:
    """A step Today lists that is a checkpoint whose phase has a survey step."""
    for owner in (Owner.ME, Owner.CLIENT, Owner.THIRD_PARTY):
        for row in today.model.rows(owner):
            for phase in journey_detail(ctx, row.journey_id).phases:
                if any(s.kind is StepKind.SURVEY for s in phase.steps) and any(
                    s.id == row.step_id and s.is_checkpoint for s in phase.steps
                ):
                    return row
    raise AssertionError("the demo's Today lists a checkpoint beside a survey")


def test_ticking_a_checkpoint_on_today_offers_feedback_as_the_client_page_does(
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
    demo_ws: Workspace,
    demo_ctx: Context,
    events: AppEvents,
) -> None:
    today = TodayPage(demo_ws, events, QUndoStack())
    qtbot.addWidget(today)
    today.show()
    today.activateWindow()  # shortcuts reach the active window only
    qtbot.waitUntil(today.isActiveWindow, timeout=2000)
    plain = next(
        r for r in today.model.rows(Owner.ME)
        if not any(s.id == r.step_id and s.is_checkpoint
                   for p in journey_detail(demo_ctx, r.journey_id).phases for s in p.steps)
    )  # fmt: skip
    today.tree.setFocus()
    assert today.select_step(plain.step_id)
    qtbot.keyClick(today.tree, Qt.Key.Key_Space)  # a plain step: done, nothing offered
    assert today.undo_stack.count() == 1
    assert not today.offer_bar.isVisible()

    row = today_checkpoint_with_a_survey(demo_ctx, today)
    assert today.select_step(row.step_id)
    qtbot.keyClick(today.tree, Qt.Key.Key_Space)  # tick the checkpoint
    qtbot.waitUntil(today.offer_bar.isVisible)
    assert today.offer_bar.words.text() == (
        f"“{row.step_title}” is done: a good moment to ask {row.client_name} for feedback."
    )
    today.undo_stack.undo()  # opened again: the offer goes with it
    assert not today.offer_bar.isVisible()
    assert today.select_step(row.step_id)  # back on the list: tick it again
    qtbot.keyClick(today.tree, Qt.Key.Key_Space)
    qtbot.waitUntil(today.offer_bar.isVisible)

    shown = answer_feedback(monkeypatch, qtbot, glowing)
    qtbot.mouseClick(today.offer_bar.record_button, Qt.MouseButton.LeftButton)
    (dialog,) = shown
    assert dialog.step.currentData() == row.step_id  # about the checkpoint just ticked
    assert not today.offer_bar.isVisible()
    assert not feedback_due(demo_ws, row.journey_id)
    assert [f.step_id for f in journey_detail(demo_ctx, row.journey_id).feedback][:1] == [
        row.step_id
    ]


def test_ticking_several_steps_with_a_checkpoint_among_them_offers_feedback(
    qtbot: QtBot, clients: ClientsPage, demo_ctx: Context
) -> None:
    journey_id, checkpoint = checkpoint_with_a_survey(demo_ctx)
    clients.open_journey(journey_id)
    page = clients.client_page
    plain = next(
        s for s in steps(journey_detail(demo_ctx, journey_id))
        if s.completed_on is None and not s.is_checkpoint and s.id != checkpoint.id
    )  # fmt: skip
    click_row(qtbot, page, plain)
    click_row(qtbot, page, checkpoint, Qt.KeyboardModifier.ControlModifier)
    assert len(page.checklist.selected_steps()) == 2
    qtbot.keyClick(page.checklist, Qt.Key.Key_Space)  # both done, one undo
    qtbot.waitUntil(page.feedback_actions.offer_bar.isVisible)
    assert page.feedback_actions.offer_bar.offered_step == checkpoint.id
    page.undo_stack.undo()  # both open again: nothing to ask about
    assert not page.feedback_actions.offer_bar.isVisible()
