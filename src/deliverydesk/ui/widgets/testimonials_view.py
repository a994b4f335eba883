"""Testimonials: what clients said with permission to quote them, newest first, in a table
(date, client, offer, score, words), exported as text to paste, CSV, or a branded
one-page PDF of quotes. Opened from the Clients screen and from the Dashboard.

The list follows feedback recorded, changed or deleted elsewhere while it is open."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QStandardPaths,
    Qt,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.services.changes import Aspect
from deliverydesk.services.errors import InvalidInput
from deliverydesk.services.views.testimonials import QuotesFormat, Testimonial, quotes_text
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core import text
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.failures import in_words
from deliverydesk.ui.core.refresh import Refresher
from deliverydesk.ui.core.text import literal_rich_text, tr

# What can change the list: a record, a client's name, a journey withdrawn or archived.
SHOWN_ASPECTS = Aspect.FEEDBACK | Aspect.CLIENT | Aspect.JOURNEY
COLUMNS = ("Received", "Client", "Offer", "Score", "In their words")
FILE_KINDS = {
    QuotesFormat.TEXT: ("testimonials.txt", "Text files (*.txt)"),
    QuotesFormat.CSV: ("testimonials.csv", "CSV files (*.csv)"),
    QuotesFormat.PDF: ("testimonials.pdf", "PDF files (*.pdf)"),
}

type _Index = QModelIndex | QPersistentModelIndex


class TestimonialsModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.quotes: tuple[Testimonial, ...] = ()

    def set_quotes(self, quotes: tuple[Testimonial, ...]) -> None:
        self.beginResetModel()
        self.quotes = quotes
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.quotes)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(COLUMNS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        quote = self.quotes[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                text.long_date(quote.received_on),
                quote.attribution,
                quote.offer_name,
                "—" if quote.score is None else f"{quote.score}/10",
                " ".join(quote.words.split()),  # one line in the table; whole in the tooltip
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == len(COLUMNS) - 1:
            return quote.words
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class TestimonialsDialog(QDialog):
    def __init__(
        self, workspace: Workspace, events: AppEvents, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ws = workspace
        self.setWindowTitle(tr("Testimonials"))
        self.model = TestimonialsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(tr("Testimonials"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.copy_button = QPushButton(tr("&Copy as text"))
        self.copy_button.setToolTip(tr("Every quote with who said it, ready to paste"))
        self.copy_button.clicked.connect(self.copy_text)
        self.export_buttons: dict[QuotesFormat, QPushButton] = {}
        for kind, label in (
            (QuotesFormat.TEXT, tr("Save &text…")),
            (QuotesFormat.CSV, tr("Save C&SV…")),
            (QuotesFormat.PDF, tr("Save &PDF…")),
        ):
            button = QPushButton(label)
            button.clicked.connect(lambda _=False, k=kind: self.ask_export(k))
            self.export_buttons[kind] = button
        self.export_buttons[QuotesFormat.PDF].setToolTip(
            tr("A one-page sheet of quotes in your brand, for your website or a proposal")
        )
        close = QPushButton(tr("Close"))
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        for button in self.export_buttons.values():
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.resize(
            60 * self.fontMetrics().horizontalAdvance("M"), 26 * self.fontMetrics().height()
        )
        self.refresher = Refresher(
            self, events, SHOWN_ASPECTS, lambda _c: self.refresh(), stale=True
        )

    def refresh(self) -> None:
        self.refresher.settle()
        quotes = self._ws.feedback.testimonials()
        self.model.set_quotes(quotes)
        self.summary.setText(
            tr("{n} quotes clients said you may use, newest first.").format(n=len(quotes))
            if quotes
            else tr(
                "No testimonials yet. When a client says their words may be quoted, tick "
                "“May be quoted as a testimonial” as you record their feedback."
            )
        )
        for button in (self.copy_button, *self.export_buttons.values()):
            button.setEnabled(bool(quotes))

    def copy_text(self) -> None:
        QGuiApplication.clipboard().setText(quotes_text(self.model.quotes, text.WORDS))

    def ask_export(self, kind: QuotesFormat) -> None:
        name, pattern = FILE_KINDS[kind]
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        chosen, _filter = QFileDialog.getSaveFileName(
            self, tr("Save testimonials"), str(Path(folder or Path.home()) / name), tr(pattern)
        )
        if chosen:
            self.export(Path(chosen), kind)

    def export(self, path: Path, kind: QuotesFormat) -> bool:
        try:
            count, notes = self._ws.feedback.export_testimonials(path, kind, text.WORDS)
        except InvalidInput as refused:
            QMessageBox.warning(
                self, tr("The testimonials were not saved"), literal_rich_text([in_words(refused)])
            )
            return False
        said = [tr("{n} testimonials saved to {path}.").format(n=count, path=str(path)), *notes]
        self.summary.setText(" ".join(said))
        return True
