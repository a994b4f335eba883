"""The integrity score's parts: each one's name, share, bar and counts, in a column.

The name's tooltip is the question of seed 000's self check that the part answers; a part
with nothing to count says so, and that it stays out of the score.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QWidget

from deliverydesk.services.views.dashboard import Dashboard, Part, Ratio
from deliverydesk.ui.core.text import literal_rich_text, tr
from deliverydesk.ui.dashboard import words
from deliverydesk.ui.look.theme import semantic
from deliverydesk.ui.widgets.chart_table import ChartTable


class ShareBar(QWidget):
    """A thin bar filled to a share (empty, on its track, when there is none)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.share: float | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_share(self, share: float | None) -> None:
        self.share = share
        self.update()

    def sizeHint(self) -> QSize:
        em = self.fontMetrics().height()
        return QSize(em * 8, max(em // 3, 4))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        track = QRectF(self.rect())
        radius = track.height() / 2
        painter.setBrush(semantic(self.palette()).track)
        painter.drawRoundedRect(track, radius, radius)
        if self.share:
            painter.setBrush(self.palette().color(QPalette.ColorRole.Highlight))
            filled = QRectF(track.left(), track.top(), track.width() * self.share, track.height())
            painter.drawRoundedRect(filled, radius, radius)


class PartRow(QWidget):
    """One part: its name and share on a line, the bar, then what was counted."""

    def __init__(self, part: Part, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.part = part
        self.name = QLabel(words.part_name(part))
        self.name.setTextFormat(Qt.TextFormat.PlainText)
        font = self.name.font()
        font.setBold(True)
        self.name.setFont(font)
        self.name.setToolTip(literal_rich_text([words.part_question(part)]))
        self.figure = QLabel()
        self.figure.setTextFormat(Qt.TextFormat.PlainText)
        self.figure.setFont(font)
        self.figure.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.bar = ShareBar()
        self.sentence = QLabel()
        self.sentence.setTextFormat(Qt.TextFormat.PlainText)
        self.sentence.setWordWrap(True)
        self.sentence.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        em = self.fontMetrics().height()
        grid.setHorizontalSpacing(em)
        grid.setVerticalSpacing(em // 4)
        grid.setColumnStretch(0, 1)
        grid.addWidget(self.name, 0, 0)
        grid.addWidget(self.figure, 0, 1)
        grid.addWidget(self.bar, 1, 0, 1, 2)
        grid.addWidget(self.sentence, 2, 0, 1, 2)
        self.setAccessibleName(words.part_name(part))

    def show_ratio(self, ratio: Ratio, board: Dashboard) -> None:
        self.figure.setText(words.percent(ratio))
        self.bar.set_share(ratio.share)
        sentence = words.part_sentence(self.part, ratio, board)
        self.sentence.setText(sentence)
        self.setAccessibleDescription(f"{words.percent(ratio)}. {sentence}")


class IntegrityParts(QWidget):
    """The six parts in one column, or in two side by side on a wide page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows = {part: PartRow(part) for part in Part}
        self.board: Dashboard | None = None
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        em = self.fontMetrics().height()
        self.grid.setHorizontalSpacing(em * 2)
        self.grid.setVerticalSpacing(int(em * 0.9))
        self.columns = 0
        self.arrange(2)
        self.setAccessibleName(tr("Integrity, part by part"))

    def arrange(self, columns: int) -> None:
        """Fill `columns` columns, top to bottom: the order of the self check reads down."""
        if columns == self.columns:
            return
        self.columns = columns
        rows = list(self.rows.values())
        for row in rows:
            self.grid.removeWidget(row)
        per_column = -(-len(rows) // columns)
        for index, row in enumerate(rows):
            self.grid.addWidget(
                row, index % per_column, index // per_column, Qt.AlignmentFlag.AlignTop
            )
        for column in range(2):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)

    def show_board(self, board: Dashboard) -> None:
        self.board = board
        for part, row in self.rows.items():
            row.show_ratio(board.integrity.ratio(part), board)

    def chart_table(self) -> ChartTable:
        """Each part's share and what was counted, as the bars and their lines say."""
        headers = (tr("Part"), tr("Share"), tr("What was counted"))
        board = self.board
        if board is None:
            return ChartTable(headers, words_in=(0, 2))
        rows = []
        for part in self.rows:
            ratio = board.integrity.ratio(part)
            rows.append(
                (
                    words.part_name(part),
                    words.percent(ratio),
                    words.part_sentence(part, ratio, board),
                )
            )
        return ChartTable(headers, tuple(rows), words_in=(0, 2))
