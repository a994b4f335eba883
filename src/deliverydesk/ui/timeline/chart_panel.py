"""A timeline with its axis above and its scroll bar below, all on one scale."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollBar, QStyledItemDelegate, QVBoxLayout, QWidget

from deliverydesk.ui.core.text import tr
from deliverydesk.ui.timeline.axis import TimeAxis
from deliverydesk.ui.timeline.scale import TimeScale
from deliverydesk.ui.timeline.timeline_view import Columns, TimelineView


class ChartPanel(QWidget):
    def __init__(
        self,
        scale: TimeScale,
        columns: Columns,
        today: Callable[[], date],
        axis_label: str,
        slip_label: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.scale = scale
        self.columns = columns
        self.axis = TimeAxis(scale, today, axis_label)
        self.axis.right_label = slip_label
        self.axis.slip_width = columns.slip
        self.view = TimelineView(scale, columns)
        self.bar = QScrollBar(Qt.Orientation.Horizontal)
        self.bar.setAccessibleName(tr("Scroll through time"))
        self.bar.valueChanged.connect(self._bar_moved)
        scale.changed.connect(self._scale_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.axis)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.bar)
        self.extra = layout  # the portfolio adds the capacity strip below
        self.followers: list[Any] = []  # widgets below with `left` and `right` columns
        self._scale_changed()

    def add_below(self, widget: QWidget, follower: QWidget | None = None) -> None:
        """A widget under the chart that shares its name and slip columns (it, or the
        `follower` inside it, has `left` and `right` attributes, like the axis)."""
        self.extra.addWidget(widget)
        self.followers.append(follower or widget)
        self.align()

    def set_delegate(self, delegate: QStyledItemDelegate) -> None:
        self.view.setItemDelegate(delegate)

    def align(self) -> None:
        """The axis's columns follow the view's (its scroll bar takes room on the right)."""
        frame = self.view.frameWidth()
        self.axis.left = self.columns.name + frame
        beyond = self.view.width() - frame - self.view.viewport().width()
        self.axis.right = self.columns.slip + max(beyond, 0)
        self.axis.update()
        for follower in self.followers:
            follower.left, follower.right = self.axis.left, self.axis.right
            follower.update()

    def _bar_moved(self, value: int) -> None:
        if value != self.scale.scroll_value():
            self.scale.set_scroll_value(value)

    def _scale_changed(self) -> None:
        self.bar.blockSignals(True)
        self.bar.setRange(0, self.scale.scroll_length())
        self.bar.setPageStep(max(self.scale.width, 1))
        self.bar.setSingleStep(max(int(self.scale.day_width * 7), 1))
        self.bar.setValue(self.scale.scroll_value())
        self.bar.blockSignals(False)
        self.align()
