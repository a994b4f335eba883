"""File → Export progress reports…: every active client's report made in the background,
counted as it goes, and stoppable, with whole files only."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.jobs import JobRunner
from deliverydesk.ui.main_window import MainWindow
from deliverydesk.ui.reports.batch_export import (
    BatchExport,
    export_progress_reports,
)

LONG = 120_000  # ms: worker processes start, then about 20 ms a report on a loaded machine


@pytest.fixture
def runner(demo_ws: Workspace) -> Iterator[JobRunner]:
    jobs = JobRunner.for_workspace(demo_ws)
    yield jobs
    jobs.shutdown()


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    return folder


def start(window: QWidget, ws: Workspace, runner: JobRunner, out: Path) -> BatchExport:
    batch = export_progress_reports(window, ws, runner, out)
    assert batch is not None
    return batch


def test_every_active_clients_report_is_saved_in_the_background(
    qtbot: QtBot, window: QWidget, demo_ws: Workspace, runner: JobRunner, out: Path
) -> None:
    clients = demo_ws.paper.report_clients()
    batch = start(window, demo_ws, runner, out)
    assert batch.progress.isVisible() and not batch.progress.isModal()
    assert batch.progress.labelText() == f"0 of {len(clients)} reports"
    labels: list[str] = []
    batch.job.progressed.connect(lambda *_: labels.append(batch.progress.labelText()))
    ticks: list[int] = []
    heartbeat = QTimer(window, interval=5)  # the window's thread, free while reports are made
    heartbeat.timeout.connect(lambda: ticks.append(1) if batch.job.is_running() else None)
    heartbeat.start()
    with qtbot.waitSignal(batch.job.finished, timeout=LONG):
        pass
    heartbeat.stop()

    files = sorted(out.iterdir())
    assert [p.name for p in files] == sorted(
        f"Progress report - {name}.pdf" for _id, name in clients
    )
    assert all(p.read_bytes().startswith(b"%PDF") for p in files)
    assert labels[-1] == f"{len(clients)} of {len(clients)} reports"
    assert len(labels) > 1  # counted as it went, not only at the end
    assert len(ticks) >= 10  # the window went on answering throughout
    assert batch.summary is not None and batch.summary.isVisible()
    assert f"{len(clients)} progress reports saved in {out}" in batch.summary.text()
    assert not batch.progress.isVisible()
    batch.summary.close()


def test_stop_keeps_the_reports_already_saved_and_leaves_no_partial_file(
    qtbot: QtBot, window: QWidget, demo_ws: Workspace, runner: JobRunner, out: Path
) -> None:
    clients = demo_ws.paper.report_clients()
    batch = start(window, demo_ws, runner, out)

    def stop_once(done: int, _total: int) -> None:
        if done and batch.stop_button.isEnabled():
            qtbot.mouseClick(batch.stop_button, Qt.MouseButton.LeftButton)
            assert batch.progress.isVisible() and batch.progress.labelText() == "Stopping…"

    batch.job.progressed.connect(stop_once)
    with qtbot.waitSignal(batch.ended, timeout=LONG):
        pass

    files = list(out.iterdir())
    assert 0 < len(files) < len(clients)
    assert all(p.suffix == ".pdf" for p in files)  # no temporary file left behind
    assert all(len(PdfReader(p).pages) >= 1 for p in files)  # each one whole
    assert batch.summary is not None
    assert f"Stopped after {len(files)} reports; those files are kept." in batch.summary.text()
    batch.summary.close()


def test_a_folder_that_is_gone_is_said_in_plain_words(
    qtbot: QtBot, window: QWidget, demo_ws: Workspace, runner: JobRunner, tmp_path: Path
) -> None:
    gone = tmp_path / "gone"
    batch = start(window, demo_ws, runner, gone)
    with qtbot.waitSignal(batch.ended, timeout=LONG):
        pass
    assert batch.summary is not None
    assert "not all saved" in batch.summary.text()
    assert f"There is no folder {gone}" in batch.summary.informativeText()
    assert not gone.exists()
    batch.summary.close()


def test_from_a_narrowed_board_the_cards_shown_can_be_the_batch(
    qtbot: QtBot, demo_ws: Workspace, runner: JobRunner, out: Path
) -> None:
    window = MainWindow(demo_ws, AppEvents())
    qtbot.addWidget(window)
    window.show()
    assert window.clients_on_board() == []  # the whole board: every active client
    window.board.offer_picker.setCurrentIndex(1)  # one offer's lane
    offer_id = window.board.selected_offer()
    shown = window.clients_on_board()
    assert set(shown) == {r.client_id for r in demo_ws.journeys.board_rows(offer_id)}
    assert 0 < len(shown) < len(demo_ws.paper.report_clients())
    window.show_screen("clients")
    assert window.clients_on_board() == []  # asked from elsewhere: not the board's filter
    window.show_screen("board")

    batch = export_progress_reports(window, demo_ws, runner, out, client_ids=shown)
    assert batch is not None
    with qtbot.waitSignal(batch.ended, timeout=LONG):
        pass
    assert len(list(out.iterdir())) == len(shown)
    assert batch.summary is not None
    assert f"{len(shown)} progress reports saved" in batch.summary.text()
    batch.summary.close()
