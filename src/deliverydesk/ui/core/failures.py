"""Failures told in plain words, and the unforeseen ones kept for a report.

A refusal (the services' own errors: bad input, not found, a checkpoint, a database that
cannot take the write) carries a code and its values, worded for the person through Qt's
translator (`in_words`). Anything else is
a fault no use case foresaw: its details (the traceback) go to a rotating log file in the
data folder, and the person reads that it was not done and where the details are, with a
"Copy details" button to send them on. Python's own words never reach a person.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from deliverydesk import __version__
from deliverydesk.services.errors import CheckpointBlocked, DatabaseError, InvalidInput, NotFound
from deliverydesk.ui.core.text import literal_rich_text, tr
from deliverydesk.wording import Note, Refusal, refusal_text

# Failures a person is told about: what they asked cannot be done, or the database could
# not take the write (locked, disk full: services raise StorageFailed, a DatabaseError).
REFUSALS = (InvalidInput, NotFound, CheckpointBlocked, DatabaseError)

LOGGER = "deliverydesk"
LOG_BYTES = 512 * 1024  # a few hundred failures; then the oldest file goes
LOG_BACKUPS = 3


def log_path(folder: Path) -> Path:
    """The log file of the practice in data folder `folder`."""
    return folder / "logs" / "deliverydesk.log"


class UnexpectedFailure(Exception):
    """Something went wrong that no use case foresaw; nothing was changed (the use case
    rolled back). str() is for the person; `details` are for a report, and `log` is the
    file they were written to (None when even that could not be done)."""

    def __init__(self, details: str, log: Path | None) -> None:
        super().__init__(
            tr("Something unexpected went wrong, so that was not done. Nothing was changed.")
        )
        self.details = details
        self.log = log

    def where_told(self) -> str:
        """Where the details are, in words."""
        if self.log is None:
            return tr("The details could not be written to a log file; copy them instead.")
        return tr("The details are in {path}.").format(path=self.log)


def in_words(error: object) -> str:
    """What `error` says, in the window's language: a refusal (or a note worded like one)
    through Qt's translator, anything else (an unexpected failure, an OSError) in its own
    words."""
    return refusal_text(error, tr) if isinstance(error, Refusal | Note) else str(error)


def said(error: BaseException) -> str:
    """`error` in one paragraph: its words, and for an unexpected failure where the
    details are (for a message bar or a box without a Copy details button)."""
    if isinstance(error, UnexpectedFailure):
        return f"{error} {error.where_told()}"
    return in_words(error)


def told(error: BaseException, folder: Path, doing: str = "") -> Exception:
    """What to tell the person about `error`, raised while `doing` something in the
    practice in `folder`: a refusal as it is; anything else recorded in the log."""
    if isinstance(error, REFUSALS):
        return error
    return record(error, folder, doing)


def record(error: BaseException, folder: Path, doing: str = "") -> UnexpectedFailure:
    """Write `error` with its traceback to the practice's rotating log."""
    trace = "".join(traceback.format_exception(error)).rstrip()
    details = f"DeliveryDesk {__version__}\n{doing or 'An action'} failed.\n{trace}"
    return UnexpectedFailure(details, _write(log_path(folder), details))


def _write(path: Path, details: str) -> Path | None:
    logger = logging.getLogger(LOGGER)
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        # A handler for this write only: the practice (and so its folder) can change, and
        # a failure is rare enough that opening the file each time costs nothing.
        handler = RotatingFileHandler(
            path, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
        )
    except OSError:
        logger.error("%s", details)  # at least where a developer can see it
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    logger.addHandler(handler)
    try:
        logger.error("%s", details)
    finally:
        logger.removeHandler(handler)
        handler.close()
    return path


def warn(parent: QWidget | None, title: str, error: BaseException, *lines: str) -> None:
    """Tell the person `title` and why. An unexpected failure says it in plain words,
    then `lines` (what became of their work), where the details are, and offers "Copy
    details"; a refusal gives its own words."""
    if not isinstance(error, UnexpectedFailure):
        QMessageBox.warning(parent, title, literal_rich_text([in_words(error), *lines]))
        return
    box = QMessageBox(QMessageBox.Icon.Warning, title, "", QMessageBox.StandardButton.Ok, parent)
    box.setText(literal_rich_text([str(error), *lines]))
    box.setInformativeText(literal_rich_text([error.where_told()]))
    copy = box.addButton(tr("Copy details"), QMessageBox.ButtonRole.ActionRole)
    copy.clicked.disconnect()  # copying leaves the box open; OK closes it
    copy.clicked.connect(lambda: _copy(box, error.details))
    box.setDefaultButton(QMessageBox.StandardButton.Ok)
    box.exec()


def _copy(box: QMessageBox, details: str) -> None:
    QApplication.clipboard().setText(details)
    box.setInformativeText(
        literal_rich_text([tr("The details are copied: paste them into a report.")])
    )


def install_excepthook(folder: Path, parent: Callable[[], QWidget | None]) -> None:
    """An exception no code caught (one raised in a slot reaches only `sys.excepthook`):
    recorded in the practice's log and told in plain words, never printed to a terminal
    nobody reads. Ctrl+C and exits pass through as before."""
    telling = False

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        nonlocal telling
        if not isinstance(error, Exception):
            sys.__excepthook__(kind, error, trace)
            return
        failure = record(error, folder, "")
        if telling:  # a second fault while the first is on screen: logged, not stacked
            return
        telling = True
        try:
            warn(
                parent(),
                tr("Something went wrong"),
                failure,
                tr("What you were doing may not have been finished; check it before going on."),
            )
        finally:
            telling = False

    sys.excepthook = hook
