"""The Activity tab of a client's page: a read-only list of everything that happened,
with a plain line when empty (the Feedback tab is ui/clients/feedback_panel.py).

Apart from the page because they only draw a journey's detail; the page decides when.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from deliverydesk.services.journeys.detail import ActivityDetail
from deliverydesk.ui.core import text
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.widgets.wrapping_delegate import wrap_items


def history_list(name: str) -> QListWidget:
    widget = QListWidget()
    wrap_items(widget)
    widget.setAccessibleName(name)
    widget.setAlternatingRowColors(True)
    return widget


def show_activity(
    widget: QListWidget,
    activity: tuple[ActivityDetail, ...],
    shown: tuple[ActivityDetail, ...],
) -> None:
    """The log newest first; entries logged since `shown` go on top of its lines."""
    new = len(activity) - len(shown)
    if shown and new > 0 and activity[new:] == shown:
        for row, entry in enumerate(activity[:new]):
            widget.insertItem(row, QListWidgetItem(_activity_line(entry)))
        return
    _fill(widget, [_activity_line(a) for a in activity], tr("No activity yet."))


def _activity_line(entry: ActivityDetail) -> str:
    return (
        f"{text.long_date(entry.at.astimezone().date())} · "
        f"{text.activity_text(entry.kind, entry.detail)}"
    )


def _fill(widget: QListWidget, lines: list[str], empty: str) -> None:
    widget.clear()
    for line in lines:
        widget.addItem(QListWidgetItem(line))
    if not lines:
        placeholder = QListWidgetItem(empty)
        placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
        widget.addItem(placeholder)
