"""File → Export progress reports…: every active client's report into a folder, in the
background, with progress and cancel. (To be built: issue 9.)"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.jobs import JobRunner


def export_progress_reports(
    parent: QWidget, workspace: Workspace, jobs: JobRunner, folder: Path | None = None
) -> None:
    raise NotImplementedError
