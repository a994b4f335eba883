"""Undoing "Import filled form" follows the rule every other undo has (issue 15): it puts
the old answers back only while the answers it saved are still the client's. After the
window imports form A and the command line imports form B, Ctrl+Z refuses in plain words
and changes nothing, instead of emptying the client's intake and reopening the step."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.conftest import TODAY
from tests.e2e.test_cli import SRC
from tests.gui.test_import_filled_form import FILLED, Sent, intake_step, opened, sent
from tests.unit.reports_support import fill

__all__ = ["sent"]  # the fixture: Ana's form, made in the app; the window open

CTRL = Qt.KeyboardModifier.ControlModifier
FORM_B = {**FILLED, "q1": "Written on the second form."}


def import_on_the_command_line(sent: Sent, path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "deliverydesk", "import-form", str(path)]
        + ["--client", str(sent.client_id), "--data-dir", str(sent.ws.folder)]
        + ["--today", TODAY.isoformat()],
        env={"PYTHONPATH": str(SRC), "HOME": str(path.parent / "home")},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_undo_of_an_import_refuses_after_another_form_was_imported(
    qtbot: QtBot, sent: Sent, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws, window = sent.ws, sent.window
    dialog = opened(sent, sent.filled)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)  # Read answers
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)  # Save answers
    assert window.undo_stack.undoText() == "Import the intake form of Ana Souza"
    assert intake_step(ws, sent.journey_id) == TODAY

    form_b = tmp_path / "Ana Souza intake (second).pdf"
    fill(sent.blank, form_b, FORM_B)
    import_on_the_command_line(sent, form_b)
    after_b = ws.paper.intake_record(sent.client_id)
    assert after_b.answers[0].answer == "Written on the second form."

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)

    assert len(shown) == 1
    assert "The intake answers of Ana Souza were replaced since" in shown[0]
    assert "they were left as they are" in shown[0]
    assert ws.paper.intake_record(sent.client_id) == after_b  # form B's answers, untouched
    assert intake_step(ws, sent.journey_id) == TODAY  # the step stays done
    assert window.undo_stack.count() == 0  # the refused step leaves no trace
