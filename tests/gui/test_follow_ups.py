"""The follow-up after completion as a person meets it: a journey completed, thirty days
on Today asks how it has gone since (and for a referral); recording the answer there takes
the row away and counts on the dashboard; undo brings it back."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from deliverydesk.model.rules.clock import FixedClock
from deliverydesk.services.context import Context
from deliverydesk.services.journeys.detail import journey_detail
from deliverydesk.services.views.follow_ups import FOLLOW_UP_DAYS
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.clients.journey_commands import complete_command
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.dashboard.dashboard_page import DashboardPage
from deliverydesk.ui.today.today_page import TodayPage
from deliverydesk.ui.widgets.feedback_dialog import FeedbackDialog
from tests.conftest import TODAY
from tests.gui.test_feedback import answer_feedback, checkpoint_with_a_survey


def test_a_completed_journey_s_follow_up_shows_in_today_and_counts_once_answered(
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
    demo_ws: Workspace,
    demo_ctx: Context,
    events: AppEvents,
) -> None:
    journey_id, _checkpoint = checkpoint_with_a_survey(demo_ctx)
    name = journey_detail(demo_ctx, journey_id).client_name
    stack = QUndoStack()
    today = TodayPage(demo_ws, events, stack)
    qtbot.addWidget(today)
    today.show()
    panel = today.follow_ups
    stack.push(complete_command(demo_ws, events, journey_id, name, force=True))
    assert [r.journey_id for r in demo_ws.feedback.follow_ups()].count(journey_id) == 0

    clock = demo_ctx.clock
    assert isinstance(clock, FixedClock)
    clock.day = TODAY + timedelta(days=FOLLOW_UP_DAYS)  # a month on
    events.day_changed.emit(clock.day)
    qtbot.waitUntil(lambda: journey_id in [r.journey_id for r in panel.rows])
    assert panel.isVisible()
    row = panel.rows.index(next(r for r in panel.rows if r.journey_id == journey_id))
    line = panel.list.item(row).text()
    assert line.startswith(f"{name} · ")
    assert "completed Mon 23 Nov 2026 · due Wed 23 Dec 2026" in line
    assert "Ask how it has gone since" in line
    dashboard = DashboardPage(demo_ws, events)
    qtbot.addWidget(dashboard)
    dashboard.refresh()
    assert dashboard.board is not None
    due_now = demo_ws.feedback.follow_ups(within_days=1)  # due by today: what it counts
    assert journey_id in [r.journey_id for r in due_now]
    assert dashboard.board.feedback.follow_ups_waiting == len(due_now)

    def since(qtbot: QtBot, dialog: FeedbackDialog) -> None:
        dialog.score.setValue(9)
        qtbot.keyClicks(dialog.words, "Still using the plan every week")

    shown = answer_feedback(monkeypatch, qtbot, since)
    panel.list.setCurrentRow(row)
    qtbot.mouseClick(panel.record_button, Qt.MouseButton.LeftButton)
    (dialog,) = shown
    assert dialog.windowTitle() == "Record feedback"
    assert journey_id not in [r.journey_id for r in panel.rows]
    (answer, *_) = journey_detail(demo_ctx, journey_id).feedback
    assert (answer.follow_up, answer.words) == (True, "Still using the plan every week")
    dashboard.refresh()
    assert dashboard.board is not None
    assert dashboard.board.feedback.follow_ups_answered >= 1
    assert dashboard.board.feedback.follow_ups_waiting == len(due_now) - 1
    assert "Follow-ups after completion: " in dashboard.feedback.sentence.text()

    stack.undo()  # the answer taken back: the follow-up waits again
    assert journey_id in [r.journey_id for r in panel.rows]
