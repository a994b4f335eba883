"""An exception no code caught (raised in a slot, say) is told in plain words and its
details kept in the practice's log, never only printed to a terminal nobody reads."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from deliverydesk.ui.core.failures import install_excepthook, log_path
from tests.gui.test_offer_save_failures import answer_box


@pytest.fixture
def hook_restored() -> Iterator[None]:
    before = sys.excepthook
    yield
    sys.excepthook = before


def test_an_uncaught_fault_is_told_plainly_and_logged(
    qtbot: QtBot, tmp_path: Path, hook_restored: None
) -> None:
    install_excepthook(tmp_path, lambda: None)
    seen: list[str] = []

    def read_and_close(box: QMessageBox) -> None:
        seen.append(box.text() + box.informativeText())
        box.button(QMessageBox.StandardButton.Ok).click()

    answer_box(read_and_close)
    try:
        raise KeyError("journey_phase_id")
    except KeyError as error:
        sys.excepthook(type(error), error, error.__traceback__)

    (said,) = seen
    assert "Something unexpected went wrong" in said
    assert "KeyError" not in said and "journey_phase_id" not in said  # no Python words
    assert str(log_path(tmp_path)) in said
    logged = log_path(tmp_path).read_text(encoding="utf-8")
    assert "KeyError: 'journey_phase_id'" in logged
