"""A list of a journey's records (friction, feedback), one line each keeping its id: the
one chosen before a refresh stays chosen, and a sentence says so when there are none."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem

RECORD_ID_ROLE = Qt.ItemDataRole.UserRole


def record_id(view: QListWidget) -> int | None:
    """The id of the record chosen in `view`; None for none (or the empty sentence)."""
    item = view.currentItem()
    value = item.data(RECORD_ID_ROLE) if item is not None else None
    return int(value) if value is not None else None


def fill_records(view: QListWidget, records: Iterable[tuple[int, str]], empty: str) -> None:
    """Show (id, line) records in `view`, keeping the chosen one; `empty` when none."""
    chosen = record_id(view)
    view.clear()
    for key, line in records:
        item = QListWidgetItem(line)
        item.setData(RECORD_ID_ROLE, key)
        view.addItem(item)
        if key == chosen:
            view.setCurrentItem(item)
    if view.count() == 0:
        placeholder = QListWidgetItem(empty)
        placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
        view.addItem(placeholder)
