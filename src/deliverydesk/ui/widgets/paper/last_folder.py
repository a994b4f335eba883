"""The folder documents were last saved in, remembered between runs.

It lives in the window's QSettings (the person's own, as the window's size does); a window
made without settings (tests) remembers only until it closes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QWidget

KEY = "reports/folder"
PROPERTY = "deliverydesk_reports_folder"  # on the window, when it has no settings


def window_settings(widget: QWidget | None) -> QSettings | None:
    """The settings the main window was given, if `widget` is in it."""
    window = widget.window() if widget is not None else None
    settings = getattr(window, "settings", None)
    return settings if isinstance(settings, QSettings) else None


def last_folder(widget: QWidget | None) -> Path:
    """Where to offer to save: the last folder used, if it is still there, else Documents."""
    settings = window_settings(widget)
    if settings is not None:
        value = settings.value(KEY, "")
    else:
        value = widget.window().property(PROPERTY) if widget is not None else ""
    folder = Path(str(value)) if value else None
    if folder is not None and folder.is_dir():
        return folder
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def remember_folder(widget: QWidget | None, folder: Path) -> None:
    settings = window_settings(widget)
    if settings is not None:
        settings.setValue(KEY, str(folder))
    elif widget is not None:
        widget.window().setProperty(PROPERTY, str(folder))
