"""Showing a design's problems where they are: beside a field, on a tree row, in a table.

model/rules/offer_rules.py addresses each problem to a field (`Problem.where`); these helpers
sort them by the widget that shows them and draw the mark: a warning for what stops
enrolment, a stop sign for what stops saving, always with the words beside it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from deliverydesk.model.rules.offer_rules import Problem
from deliverydesk.ui.core.text import problem_words, tr
from deliverydesk.ui.look.icons import icon
from deliverydesk.ui.look.theme import semantic
from deliverydesk.ui.offers.draft_edits import Path


def problem_icon(problems: Sequence[Problem], palette: QPalette) -> QIcon:
    colors = semantic(palette)
    if any(p.blocks_saving for p in problems):
        return icon("off_track", colors.danger)
    return icon("at_risk", colors.warning)


def fields_of(problems: Iterable[Problem], *prefix: str | int) -> dict[str, list[Problem]]:
    """Problems addressed to fields under `prefix`, by field: ("offer",) -> {"name": [...]}."""
    found: dict[str, list[Problem]] = defaultdict(list)
    size = len(prefix)
    for problem in problems:
        where = problem.where
        if len(where) == size + 1 and where[:size] == prefix:
            found[str(where[size])].append(problem)
    return found


def tree_paths(problems: Iterable[Problem]) -> dict[Path, list[Problem]]:
    """Problems of phases and steps by their journey-tree path: (phase,) or (phase, step)."""
    found: dict[Path, list[Problem]] = defaultdict(list)
    for problem in problems:
        kind, *rest = problem.where
        numbers = tuple(n for n in rest if isinstance(n, int))
        if kind == "phase" and len(numbers) == 1 or kind == "step" and len(numbers) == 2:
            found[numbers].append(problem)
    return found


def rows_of(problems: Iterable[Problem], kind: str) -> dict[int, list[Problem]]:
    """Problems of one table's rows ("standard", "criterion") by row."""
    found: dict[int, list[Problem]] = defaultdict(list)
    for problem in problems:
        where = problem.where
        if len(where) >= 2 and where[0] == kind and isinstance(where[1], int):
            found[where[1]].append(problem)
    return found


class ProblemLabel(QWidget):
    """The words of a field's problems, right under it; hidden while there are none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mark = QLabel()
        self.text = QLabel()
        self.text.setTextFormat(Qt.TextFormat.PlainText)  # messages quote user text
        self.text.setWordWrap(True)
        self.text.setAccessibleName(tr("Problem"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.mark, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.text, 1)
        self.problems: list[Problem] = []
        self.hide()

    def set_problems(self, problems: Sequence[Problem]) -> None:
        problems = list(problems)
        if problems == self.problems:
            return
        self.problems = problems
        if not problems:
            self.hide()
            return
        em = self.fontMetrics().height()
        self.mark.setPixmap(problem_icon(problems, self.palette()).pixmap(QSize(em, em)))
        self.text.setText("\n".join(problem_words(p) for p in problems))
        self.show()

    def message(self) -> str:
        return self.text.text() if self.problems else ""
