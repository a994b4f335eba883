"""Money on the dashboard, below its first screen: booked, invoiced and paid revenue per
month, and per offer the revenue against the hours its steps take. Two painted charts, or
the same numbers as tables (a toggle, for screen readers and for copying).

It reads after the first screen is painted (the dashboard asks it a moment later), so the
figures above never wait on it; a currency list appears when the records hold several.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.services.money.revenue import MoneyView
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.dashboard.money_charts import (
    MonthChart,
    OfferChart,
    hours_text,
    month_label,
    rate_words,
)
from deliverydesk.ui.look.typography import make_heading
from deliverydesk.wording.money_words import money_text

CHARTS, TABLES = range(2)


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem(value)  # names shown as typed: an item is plain text
            if c:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)
    header = table.horizontalHeader().height()
    table.setFixedHeight(header + sum(table.rowHeight(r) for r in range(len(rows))) + 4)


class MoneyPane(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = workspace
        self.view: MoneyView | None = None
        heading = QLabel(tr("Money"))
        heading.setTextFormat(Qt.TextFormat.PlainText)
        make_heading(heading, 1.15)
        self.currency = QComboBox()
        self.currency.setAccessibleName(tr("Currency"))
        self.currency.currentIndexChanged.connect(lambda _i: self._currency_chosen())
        # A check box, as every other chart's table toggle (ui/widgets/chart_table.py).
        self.toggle = QCheckBox(tr("Show as a table"))
        self.toggle.toggled.connect(self._toggled)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.currency)
        top.addWidget(self.toggle)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.summary.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.months_chart = MonthChart()
        self.offers_chart = OfferChart()
        self.offers_heading = QLabel(tr("What an hour of delivery earns, per offer"))
        charts = QWidget()
        column = QVBoxLayout(charts)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.months_chart)
        column.addWidget(self.offers_heading)
        column.addWidget(self.offers_chart)
        column.addStretch(1)
        self.months_table = _table([tr("Month"), tr("Booked"), tr("Invoiced"), tr("Paid")])
        self.months_table.setAccessibleName(tr("Booked, invoiced and paid per month"))
        self.offers_table = _table(
            [tr("Offer"), tr("Clients"), tr("Revenue"), tr("Hours"), tr("Per hour")]
        )
        self.offers_table.setAccessibleName(tr("Revenue and hours per offer"))
        tables = QWidget()
        column = QVBoxLayout(tables)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.months_table)
        column.addWidget(self.offers_table)
        column.addStretch(1)
        self.pages = QStackedWidget()
        self.pages.addWidget(charts)
        self.pages.addWidget(tables)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.pages)

    def refresh(self) -> None:
        """Read and show (the dashboard calls it after its first screen has painted)."""
        chosen = self.view.currency if self.view is not None else None
        self.show_view(self._ws.money.view(chosen))

    def show_view(self, view: MoneyView) -> None:
        if self.view is not None and view.currency not in view.currencies and view.currencies:
            view = self._ws.money.view(None)  # the currency shown is gone: the main one
        self.view = view
        blocked = self.currency.blockSignals(True)
        self.currency.clear()
        for code in view.currencies:
            self.currency.addItem(code or tr("No currency"), code)
        self.currency.setCurrentIndex(max(self.currency.findData(view.currency), 0))
        self.currency.blockSignals(blocked)
        self.currency.setVisible(len(view.currencies) > 1)
        self.summary.setText(summary_sentence(view))
        has_money = not view.is_empty
        self.pages.setVisible(has_money)
        self.toggle.setVisible(has_money)
        self.offers_heading.setVisible(bool(view.offers))
        self.months_chart.show_view(view)
        self.offers_chart.show_view(view)
        cur = view.currency
        _fill(
            self.months_table,
            [
                [
                    f"{month_label(view, i)} {m.month.year}",
                    money_text(m.booked_minor, cur),
                    money_text(m.invoiced_minor, cur),
                    money_text(m.paid_minor, cur),
                ]
                for i, m in enumerate(view.months)
            ],
        )
        _fill(
            self.offers_table,
            [
                [
                    o.offer_name,
                    str(o.journeys),
                    money_text(o.revenue_minor, cur),
                    hours_text(o.effort_minutes),
                    rate_words(view, i),
                ]
                for i, o in enumerate(view.offers)
            ],
        )

    def _currency_chosen(self) -> None:
        data = self.currency.currentData()
        code = data if isinstance(data, str) else ""  # item data converted at the edge
        self.show_view(self._ws.money.view(code))

    def _toggled(self, as_table: bool) -> None:
        self.pages.setCurrentIndex(TABLES if as_table else CHARTS)


def summary_sentence(view: MoneyView) -> str:
    if view.is_empty:
        return tr(
            "No prices yet: give your offers a price and their invoice steps amounts, and "
            "what you book, invoice and are paid shows here month by month."
        )
    this_month = view.months[-1]
    return tr(
        "This month: {booked} booked, {invoiced} invoiced, {paid} paid. "
        "Invoiced and not paid yet: {outstanding}."
    ).format(
        booked=money_text(this_month.booked_minor, view.currency),
        invoiced=money_text(this_month.invoiced_minor, view.currency),
        paid=money_text(this_month.paid_minor, view.currency),
        outstanding=money_text(view.outstanding_minor, view.currency),
    )
