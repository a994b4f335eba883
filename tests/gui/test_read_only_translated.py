"""Why a practice opens for reading only is said in the window's language: the store
gives the reason as a code and its values, the window's banner words it through Qt's
translator, as it words the refusal of an edit made anyway."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from deliverydesk.model.rules.clock import FixedClock
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.main_window import MainWindow
from deliverydesk.ui.widgets.notice_banner import READ_ONLY
from tests.conftest import TODAY
from tests.gui.translation_support import translated

DATABASE = "deliverydesk.sqlite3"
GERMAN = {
    "Your data file ({path}) is read-only, so your practice is open for reading only and "
    "changes cannot be saved.": (
        "Ihre Datendatei ({path}) ist schreibgeschützt: Ihre Praxis ist nur lesbar."
    ),
}


@pytest.fixture
def folder(demo_template: Path, tmp_path: Path) -> Iterator[Path]:
    path = Path(shutil.copytree(demo_template, tmp_path / "demo"))
    (path / DATABASE).chmod(0o400)
    yield path
    (path / DATABASE).chmod(0o600)


def test_the_read_only_banner_is_said_in_the_windows_language(folder: Path, qtbot: QtBot) -> None:
    workspace = Workspace.open(folder, FixedClock(TODAY))
    try:
        with translated(GERMAN):
            window = MainWindow(workspace, AppEvents())
            qtbot.addWidget(window)
            window.show()
            assert window.notices.text(READ_ONLY) == (
                f"Ihre Datendatei ({folder / DATABASE}) ist schreibgeschützt: Ihre Praxis ist "
                "nur lesbar."
            )
    finally:
        workspace.close()
