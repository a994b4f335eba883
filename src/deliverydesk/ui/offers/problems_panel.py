"""The top of the offer editor: what stops saving and what stops enrolment, as a list a
person can click to reach the field concerned."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.model.rules.offer_rules import Problem
from deliverydesk.ui.core.text import problem_words, tr
from deliverydesk.ui.offers.problem_marks import problem_icon

WHERE = Qt.ItemDataRole.UserRole
VISIBLE_ROWS = 3  # more scroll: the editor keeps its room at 1024x700


class ProblemsPanel(QWidget):
    """Signals:
    chosen(tuple): the person picked the problem addressed to this `where`.
    """

    chosen = Signal(tuple)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mark = QLabel()
        self.headline = QLabel()
        self.headline.setWordWrap(True)
        self.headline.setTextFormat(Qt.TextFormat.PlainText)
        self.list = QListWidget()
        self.list.setAccessibleName(tr("Problems in this design"))
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.itemActivated.connect(self._picked)
        self.list.itemClicked.connect(self._picked)
        top = QHBoxLayout()
        top.addWidget(self.mark, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.headline, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.list)
        self.problems: list[Problem] = []
        self.hide()

    def show_problems(self, problems: Sequence[Problem]) -> None:
        problems = list(problems)
        if problems == self.problems:
            return
        self.problems = problems
        self.setVisible(bool(problems))
        if not problems:
            return
        em = self.fontMetrics().height()
        blocking = [p for p in problems if p.blocks_saving]
        self.mark.setPixmap(problem_icon(problems, self.palette()).pixmap(QSize(em, em)))
        if blocking:
            self.headline.setText(
                tr(
                    "This design cannot be saved yet, nor used to enrol a client. Fix what is "
                    "marked; click a line to go there."
                )
            )
        else:
            self.headline.setText(
                tr(
                    "This offer cannot be used to enrol a client until these are fixed "
                    "(it can be saved as it is). Click a line to go there."
                )
            )
        self.list.clear()
        for problem in problems:
            item = QListWidgetItem(problem_icon([problem], self.palette()), problem_words(problem))
            item.setData(WHERE, problem.where)
            self.list.addItem(item)
        row = self.list.sizeHintForRow(0) if self.list.count() else em
        shown = min(self.list.count(), VISIBLE_ROWS)
        self.list.setFixedHeight(row * shown + 2 * self.list.frameWidth() + 2)

    def _picked(self, item: QListWidgetItem) -> None:
        where = item.data(WHERE)
        if where:
            self.chosen.emit(tuple(where))
