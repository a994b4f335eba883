"""A client's intake answers, read-only: each question in bold with the answer under it,
exactly as the client wrote it (plain text, selectable), in a scrolling column."""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from deliverydesk.services.paper.intake import IntakeAnswer
from deliverydesk.ui.core.text import tr

READ_WIDTH_EM = 48  # a line one can read; wider windows leave the rest empty
_LONG_WORD = re.compile(r"\S{41,}")


class AnswersView(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName(tr("Intake answers"))
        self.answers: tuple[IntakeAnswer, ...] = ()
        self._labels: list[tuple[QLabel, QLabel]] = []
        self.viewport().setAutoFillBackground(False)  # on the page's own background
        self._show()

    def framed(self) -> None:
        """Drawn as a panel in the text-field colour (inside a dialog)."""
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.viewport().setBackgroundRole(QPalette.ColorRole.Base)
        self.viewport().setAutoFillBackground(True)

    def show_answers(self, answers: Sequence[IntakeAnswer]) -> None:
        answers = tuple(answers)
        if answers != self.answers:
            self.answers = answers
            self._show()

    def _show(self) -> None:
        column = QWidget()
        column.setMaximumWidth(self.fontMetrics().horizontalAdvance("M") * READ_WIDTH_EM)
        layout = QVBoxLayout(column)
        em = self.fontMetrics().height()
        layout.setSpacing(em // 4)
        self._labels = []
        for number, answer in enumerate(self.answers, start=1):
            question = _label(f"{number}. {answer.question}")
            font = question.font()
            font.setBold(True)
            question.setFont(font)
            words = _label(answer.answer or tr("No answer"))
            words.setEnabled(bool(answer.answer))  # muted when left blank
            words.setIndent(em)
            if number > 1:
                layout.addSpacing(em // 2)
            layout.addWidget(question)
            layout.addWidget(words)
            self._labels.append((question, words))
        layout.addStretch(1)
        self.setWidget(column)
        column.setAutoFillBackground(False)  # setWidget turned it on: the viewport's shows

    def rows(self) -> list[tuple[str, str]]:
        """(question, answer) as shown, for a person's eye and for tests."""
        return [
            (q.text().split(". ", 1)[1].replace("\u200b", ""), a.text().replace("\u200b", ""))
            for q, a in self._labels
        ]


def breakable(words: str, every: int = 40) -> str:
    """A word longer than a line may break (a zero-width space every `every` characters):
    a label breaks only between words and would cut it off at its edge."""
    return _LONG_WORD.sub(
        lambda m: "\u200b".join(m[0][i : i + every] for i in range(0, len(m[0]), every)),
        words,
    )


def _label(words: str) -> QLabel:
    label = QLabel(breakable(words))
    label.setTextFormat(Qt.TextFormat.PlainText)  # the client's words, never markup
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
