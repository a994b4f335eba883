"""File > Import journeys in progress…, as a coach bringing her practice in would: save
the template from the dialog, fill it in with her 14 clients, choose it, read the preview,
Import; every client is on the board in the phase named, with nothing brought in late. A
file with a problem shows the row and the reason and imports nothing."""

from __future__ import annotations

import csv
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from deliverydesk.seeding.offer_templates import OFFERS
from deliverydesk.services.journeys.under_way import planned_reach
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core import text
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.enrol.import_journeys import ImportJourneysDialog
from deliverydesk.ui.main_window import MainWindow
from deliverydesk.ui.widgets.import_clients_dialog import ROW
from tests.conftest import TODAY
from tests.gui.enrol_support import MON_FRI, opened, show_active

LONG = 30_000
HEADER = "Client,E-mail,Offer,Start date,Current phase or step"


@pytest.fixture
def offer_id(empty_ws: Workspace) -> int:
    empty_ws.practice.create_practice("Clarity Coaching", 30, MON_FRI, "Mia Chen")
    return empty_ws.offers.add_offer(OFFERS["coaching"]).value


@pytest.fixture
def window(empty_ws: Workspace, offer_id: int, qtbot: QtBot, events: AppEvents) -> MainWindow:
    main = MainWindow(empty_ws, events)
    qtbot.addWidget(main)
    show_active(qtbot, main)
    return main


def shown(dialog: ImportJourneysDialog, column: int) -> list[str]:
    model = dialog.model
    return [str(model.index(row, column).data()) for row in range(model.rowCount())]


def fourteen_clients(ws: Workspace, offer_id: int) -> list[str]:
    """What the coach types into the template: each client, when they started and where
    they are (as she knows it; here, where the plan puts them)."""
    rows = []
    for n in range(14):
        start = TODAY - timedelta(days=3 + 4 * n)  # the last began eight weeks ago
        plan = ws.clients.offer_plan(offer_id, start)
        place = planned_reach(plan, TODAY)
        phase = plan[place.phase]
        where = phase.name if place.step == 0 else f"{phase.name} / {phase.steps[place.step].title}"
        rows.append(
            f"Client {n + 1},client.{n + 1}@mail.test,12-Week Clarity Coaching,{start},{where}"
        )
    return rows


def test_fourteen_clients_from_a_filled_template_land_on_the_board_not_late(
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
    window: MainWindow,
    empty_ws: Workspace,
    offer_id: int,
    tmp_path: Path,
) -> None:
    window.data.import_journeys_action.trigger()
    dialog = opened(qtbot, window, ImportJourneysDialog)
    assert dialog.summary.text().startswith("One row per client: client, e-mail, offer")
    assert not dialog.import_button.isEnabled()

    template = tmp_path / "my clients.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(template), ""))
    qtbot.mouseClick(dialog.template_button, Qt.MouseButton.LeftButton)
    assert dialog.summary.text().startswith(f"Saved the template to {template}.")
    with template.open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    assert lines[0] == HEADER.split(",") and len(lines) == 2  # the header, one example row

    template.write_text("\n".join([HEADER, *fourteen_clients(empty_ws, offer_id)]), "utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(template), ""))
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    assert dialog.summary.text() == "14 clients already under way will be enrolled."
    assert dialog.windowTitle() == "Import journeys in progress from my clients.csv"
    assert dialog.import_button.isEnabled() and dialog.import_button.isDefault()

    with qtbot.waitSignal(dialog.finished, timeout=LONG) as finished:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert finished.args[0] == QDialog.DialogCode.Accepted
    assert window.statusBar().currentMessage() == "Enrolled 14 clients already under way."

    cards = window.board.index.cards
    names = {card.name: card for card in cards.values()}
    assert sorted(names) == sorted(f"Client {n}" for n in range(1, 15))
    assert {card.phase_position for card in names.values()} == {0, 1, 2, 3, 4}
    late = {
        card.name: words
        for card in names.values()
        for _tone, words in text.badges(card)
        if "late" in words.lower() or "overdue" in words.lower()
    }
    assert late == {}  # where the plan says they are: nothing of theirs is late
    assert empty_ws.practice.dashboard().on_time.steps.total == 0  # nothing brought in is counted


def test_a_row_with_a_problem_is_shown_with_its_number_and_nothing_is_imported(
    qtbot: QtBot, window: MainWindow, empty_ws: Workspace, tmp_path: Path
) -> None:
    path = tmp_path / "journeys.csv"
    path.write_text(
        f"{HEADER}\n"
        "Ana Rivera,ana@mail.test,12-Week Clarity Coaching,2026-10-05,Strategy\n"
        "Ben Okafor,ben@mail.test,12-Week Clarity Coaching,2026-10-05,Lunch break\n",
        "utf-8",
    )
    window.data.import_journeys(path)
    dialog = opened(qtbot, window, ImportJourneysDialog)
    assert not dialog.import_button.isEnabled()
    assert dialog.summary.text().startswith("1 client already under way will be enrolled. 1 row")
    assert shown(dialog, ROW) == ["3"]  # only the rows that need looking at
    assert shown(dialog, dialog.model.columnCount() - 1) == [
        "Problem: 'Lunch break' is neither a phase nor a step of 12-Week Clarity Coaching "
        "(its phases: Onboarding, Discovery, Strategy, Momentum, Integration & Offboarding)."
    ]
    dialog.reject()
    assert empty_ws.journeys.board_rows() == []
