"""Helpers for the journey-life and settings tests: a window on the demo practice, and
answers to the questions the window asks (reasons, "complete anyway?", "move dates?")."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from deliverydesk.model.rules.enums import JourneyStatus
from deliverydesk.services.journeys.detail import JourneyDetail
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.clients.client_list_model import HEALTH, PHASE
from deliverydesk.ui.clients.journey_dialogs import PauseDialog, ReasonDialog
from deliverydesk.ui.main_window import MainWindow


@dataclass(frozen=True)
class Snapshot:
    """Everything about a journey a person could see change: its state and every date."""

    status: JourneyStatus
    paused_on: date | None
    ended_on: date | None
    end_reason: str
    planned_end_on: date
    steps: tuple[tuple[int, date, date, date | None], ...]
    phases: tuple[tuple[int, date, date], ...]


def snapshot(ws: Workspace, journey_id: int) -> Snapshot:
    d = ws.journeys.journey_detail(journey_id)
    return Snapshot(
        d.status,
        d.paused_on,
        d.ended_on,
        d.end_reason,
        d.planned_end_on,
        tuple((s.id, s.start_on, s.due_on, s.completed_on) for p in d.phases for s in p.steps),
        tuple((p.position, p.planned_start_on, p.planned_end_on) for p in d.phases),
    )


def open_due_dates(detail: JourneyDetail) -> dict[int, date]:
    return {s.id: s.due_on for p in detail.phases for s in p.steps if s.completed_on is None}


def done_dates(detail: JourneyDetail) -> dict[int, tuple[date, date | None]]:
    return {
        s.id: (s.due_on, s.completed_on)
        for p in detail.phases
        for s in p.steps
        if s.completed_on is not None
    }


def active_journey(ws: Workspace, name: str) -> int:
    row = next(r for r in ws.clients.client_rows() if r.name == name)
    assert row.status is JourneyStatus.ACTIVE and row.journey_id is not None
    return row.journey_id


def show_active(qtbot: QtBot, window: QWidget) -> None:
    """Shortcuts only reach the active window, as after a person's click."""
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)


def make_window(qtbot: QtBot, ws: Workspace, events: object) -> MainWindow:
    window = MainWindow(ws, events)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.resize(1200, 800)
    show_active(qtbot, window)
    return window


def list_cells(window: MainWindow, journey_id: int) -> tuple[str, str] | None:
    """The Phase and Health cells of a journey's row in the client list, if listed."""
    model = window.clients.model
    for r in range(model.rowCount()):
        if model.row_at(r).journey_id == journey_id:
            return model.index(r, PHASE).data(), model.index(r, HEALTH).data()
    return None


def show_list(window: MainWindow) -> None:
    """The Clients screen showing its list (not a client's page)."""
    window.show_screen("clients")
    window.clients.show_list()


def on_board(window: MainWindow, journey_id: int) -> bool:
    """Whether the journey's card is in one of the board's columns (as painted)."""
    window.show_screen("board")
    return any(journey_id in w.model.journey_ids() for w in window.board.columns.values())


@dataclass
class Answers:
    """What the person answers to the next questions, and what they were asked."""

    reason: str | None = ""  # None: they go back
    resume_on: date | None = None  # a planned resume date, picked in the pause dialog
    confirm: bool = True
    reasons_asked: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def answer_questions(monkeypatch: pytest.MonkeyPatch, answers: Answers) -> Answers:
    """Reason dialogs are filled in and accepted as a person would (through accept(),
    so a required reason left blank is refused); yes/no questions are answered."""

    def reason_exec(dialog: ReasonDialog) -> int:
        answers.reasons_asked.append(dialog.windowTitle())
        if answers.reason is None:
            return QDialog.DialogCode.Rejected.value
        dialog.reason.setText(answers.reason)
        if answers.resume_on is not None and isinstance(dialog, PauseDialog):
            dialog.plan_resume.click()
            day = answers.resume_on
            dialog.resume_date.setDate(QDate(day.year, day.month, day.day))
        dialog.ok_button.click()
        return dialog.result()

    def box_exec(box: QMessageBox) -> int:
        answers.questions.append(box.text())
        button = (
            QMessageBox.StandardButton.Yes if answers.confirm else QMessageBox.StandardButton.No
        )
        return button.value

    def warning(_parent: object, title: str, message: str, *_args: object) -> int:
        answers.warnings.append(f"{title}: {message}")
        return QMessageBox.StandardButton.Ok.value

    monkeypatch.setattr(ReasonDialog, "exec", reason_exec)
    monkeypatch.setattr(QMessageBox, "exec", box_exec)
    monkeypatch.setattr(QMessageBox, "warning", warning)
    return answers
