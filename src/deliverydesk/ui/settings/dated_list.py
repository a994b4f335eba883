"""The list of a practice's days (closed dates, time off) with its buttons beside it, as
Settings → Practice shows both: its empty sentence wraps, Delete removes what is chosen."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QPushButton, QVBoxLayout, QWidget


def dated_list(
    owner: QWidget, name: str, remove: Callable[[], None], buttons: Sequence[QPushButton]
) -> QListWidget:
    """A list named `name` laid out in `owner` with `buttons` in a column beside it."""
    view = QListWidget()
    view.setAccessibleName(name)
    # Its sentence when empty wraps: read whole, never behind a sideways scroll bar.
    view.setWordWrap(True)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    em = owner.fontMetrics().height()
    view.setMinimumHeight(em * 4)
    view.setMaximumHeight(em * 8)
    delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), view)
    # Set, not passed: PySide6 drops a context= given with a callable, and the list's
    # Delete then fired in the whole window (two lists on the page took each other's).
    delete.setContext(Qt.ShortcutContext.WidgetShortcut)
    delete.activated.connect(remove)
    column = QVBoxLayout()
    for button in buttons:
        column.addWidget(button)
    column.addStretch(1)
    row = QHBoxLayout(owner)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(view, 1)
    row.addLayout(column)
    return view
