"""The Practice review as a person makes it: Dashboard → Practice review…, a period chosen,
a file named; the PDF carries the dashboard's figures for that period, in words a reader
can check against the screen."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from deliverydesk.services.context import Context
from deliverydesk.services.views.dashboard import PART_NAMES, dashboard
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.dashboard.dashboard_page import DashboardPage
from deliverydesk.ui.dashboard.review_dialog import PracticeReviewDialog
from tests.conftest import TODAY
from tests.unit.reports_support import fonts, text

SINCE = date(2026, 9, 1)


def test_the_review_of_a_chosen_period_carries_its_figures(
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
    demo_ws: Workspace,
    demo_ctx: Context,
    events: AppEvents,
    tmp_path: Path,
) -> None:
    page = DashboardPage(demo_ws, events)
    qtbot.addWidget(page)
    page.show()
    target = tmp_path / "review.pdf"
    shown: list[PracticeReviewDialog] = []

    def exec_(dialog: PracticeReviewDialog) -> int:
        shown.append(dialog)
        assert dialog.until.date().toPython() == TODAY  # up to today unless changed
        dialog.since.setDate(QDate(SINCE.year, SINCE.month, SINCE.day))
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
        return dialog.result()

    monkeypatch.setattr(PracticeReviewDialog, "exec", exec_)
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), "PDF files (*.pdf)")
    )
    qtbot.mouseClick(page.review_button, Qt.MouseButton.LeftButton)

    assert len(shown) == 1 and target.exists()
    pdf = target.read_bytes()
    said = text(pdf)
    board = dashboard(demo_ctx, SINCE, TODAY)
    assert "Practice review 1 Sep 2026 to 23 Nov 2026" in said
    assert board.integrity.score is not None
    assert f"INTEGRITY {board.integrity.score:.1f} / 10" in said
    steps = board.on_time.steps
    assert f"{steps.percent} % Steps due in the period done by their due date " in said
    assert f"({steps.hits} of {steps.total})" in said
    for part in board.integrity.parts:
        assert PART_NAMES[part.part] in said
        if part.ratio.total:
            assert f"{part.ratio.percent} % · {part.ratio.hits} of {part.ratio.total}" in said
    assert f"Referrals: {board.feedback.referrals_asked} asked" in said
    assert "Capacity by week" in said  # a period up to today shows the load ahead
    assert all(fonts(pdf).values())


def test_the_period_cannot_end_after_today_nor_start_after_it_ends(
    qtbot: QtBot, demo_ws: Workspace
) -> None:
    dialog = PracticeReviewDialog(demo_ws)
    qtbot.addWidget(dialog)
    assert dialog.until.maximumDate().toPython() == TODAY
    dialog.until.setDate(QDate(2026, 10, 31))
    assert dialog.since.maximumDate().toPython() == date(2026, 10, 31)
    assert dialog.result() == QDialog.DialogCode.Rejected.value
