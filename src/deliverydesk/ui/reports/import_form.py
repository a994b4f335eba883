"""File → Import filled form…: a client's answers read back from their intake PDF.
(To be built: issue 9.)"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.events import AppEvents


def import_filled_form(
    parent: QWidget,
    workspace: Workspace,
    events: AppEvents,
    undo_stack: QUndoStack,
    path: Path | None = None,
) -> None:
    raise NotImplementedError
