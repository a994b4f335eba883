"""The actions and tool-button row the offer editor's lists share (journey tree, intake
questions, standards and criteria tables): add, remove, move up/down."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QWidget


def list_action(
    parent: QWidget, words: str, keys: str, slot: Callable[[], object], tip: str
) -> QAction:
    """An action with its shortcut, and the shortcut in its tooltip."""
    made = QAction(words, parent)
    made.setShortcut(QKeySequence(keys))
    shown = made.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    made.setToolTip(f"{tip} ({shown})")
    made.triggered.connect(lambda _checked=False: slot())
    return made


def tool_row(actions: Iterable[QAction]) -> QHBoxLayout:
    """Flat tool buttons for `actions`, left-aligned."""
    row = QHBoxLayout()
    for made in actions:
        button = QToolButton()
        button.setDefaultAction(made)
        button.setAutoRaise(True)
        row.addWidget(button)
    row.addStretch(1)
    return row
