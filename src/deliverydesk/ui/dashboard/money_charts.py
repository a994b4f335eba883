"""The money pane's two charts, painted by hand (a few dozen rectangles, under a
millisecond): booked, invoiced and paid per month as grouped bars, and per offer what an
hour of delivery earns as horizontal bars. Colours come from the palette (light and dark);
the same numbers are in the pane's table and in each chart's accessible description."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from deliverydesk.services.money.revenue import MoneyView
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.look.theme import semantic
from deliverydesk.wording.money_words import money_text
from deliverydesk.wording.words import MONTHS


def month_label(view: MoneyView, index: int) -> str:
    return tr(MONTHS[view.months[index].month.month - 1])


def series_colors(palette: QPalette) -> tuple[QColor, QColor, QColor]:
    """Booked, invoiced, paid: one hue growing firmer as money comes in, paid in the
    palette's "good" colour."""
    accent = palette.color(QPalette.ColorRole.Highlight)
    booked = QColor(accent)
    booked.setAlphaF(0.35)
    invoiced = QColor(accent)
    return booked, invoiced, semantic(palette).good


def series_names() -> tuple[str, str, str]:
    return tr("Booked"), tr("Invoiced"), tr("Paid")


class _Chart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view: MoneyView | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a screen reader reaches its words

    def show_view(self, view: MoneyView) -> None:
        self.view = view
        self.setAccessibleDescription(self.describe(view))
        self.updateGeometry()
        self.update()

    def describe(self, view: MoneyView) -> str:
        raise NotImplementedError


class MonthChart(_Chart):
    """Twelve months, each a group of three bars: booked, invoiced, paid."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(tr("Booked, invoiced and paid per month"))

    def sizeHint(self) -> QSize:
        em = self.fontMetrics().height()
        return QSize(em * 30, em * 12)

    def describe(self, view: MoneyView) -> str:
        parts = []
        for index, month in enumerate(view.months):
            if month.booked_minor or month.invoiced_minor or month.paid_minor:
                parts.append(
                    tr("{month}: booked {booked}, invoiced {invoiced}, paid {paid}").format(
                        month=month_label(view, index),
                        booked=money_text(month.booked_minor, view.currency),
                        invoiced=money_text(month.invoiced_minor, view.currency),
                        paid=money_text(month.paid_minor, view.currency),
                    )
                )
        return "; ".join(parts) or tr("Nothing booked, invoiced or paid in these months.")

    def paintEvent(self, _event: QPaintEvent) -> None:
        view = self.view
        if view is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        metrics = self.fontMetrics()
        em = metrics.height()
        text_color = palette.color(QPalette.ColorRole.WindowText)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        legend_top = 0.0
        x = 0.0
        for color, name in zip(series_colors(palette), series_names(), strict=True):
            painter.fillRect(QRectF(x, legend_top + em * 0.25, em * 0.7, em * 0.5), color)
            painter.setPen(text_color)
            painter.drawText(QRectF(x + em, legend_top, em * 8, em), name)
            x += em + metrics.horizontalAdvance(name) + em
        top = em * 1.6
        bottom = self.height() - em * 1.3
        height = max(bottom - top, 1.0)
        highest = max(
            (max(m.booked_minor, m.invoiced_minor, m.paid_minor) for m in view.months), default=0
        )
        painter.setPen(muted)
        painter.drawLine(0, int(bottom), self.width(), int(bottom))
        painter.drawText(  # the scale, on the legend's line: bars never run under it
            QRectF(0, legend_top, self.width(), em),
            Qt.AlignmentFlag.AlignRight,
            tr("Tallest bar: {amount}").format(amount=money_text(highest, view.currency))
            if highest
            else "",
        )
        slot = self.width() / max(len(view.months), 1)
        bar = slot * 0.8 / 3
        colors = series_colors(palette)
        for index, month in enumerate(view.months):
            left = index * slot + slot * 0.1
            values = (month.booked_minor, month.invoiced_minor, month.paid_minor)
            for series, value in enumerate(values):
                if value and highest:
                    tall = height * value / highest
                    painter.fillRect(
                        QRectF(left + series * bar, bottom - tall, bar * 0.9, tall), colors[series]
                    )
            painter.setPen(text_color)
            painter.drawText(
                QRectF(index * slot, bottom + em * 0.15, slot, em),
                Qt.AlignmentFlag.AlignHCenter,
                month_label(view, index),
            )
        painter.end()


class OfferChart(_Chart):
    """One bar per offer: what an hour of its delivery earns, the best paid on top."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(tr("What each offer earns per hour of delivery"))

    def sizeHint(self) -> QSize:
        em = self.fontMetrics().height()
        rows = len(self.view.offers) if self.view else 1
        return QSize(em * 30, int(em * (1.6 * max(rows, 1) + 0.5)))

    def describe(self, view: MoneyView) -> str:
        return "; ".join(offer_sentence(view, index) for index in range(len(view.offers)))

    def paintEvent(self, _event: QPaintEvent) -> None:
        view = self.view
        if view is None or not view.offers:
            return
        painter = QPainter(self)
        palette = self.palette()
        metrics = self.fontMetrics()
        em = metrics.height()
        text_color = palette.color(QPalette.ColorRole.WindowText)
        label_width = min(self.width() * 0.3, em * 12.0)
        words_width = em * 14.0
        room = max(self.width() - label_width - words_width - em, em)
        highest = max((o.per_hour_minor or 0) for o in view.offers)
        color = series_colors(palette)[2]
        for index, offer in enumerate(view.offers):
            top = index * em * 1.6 + em * 0.3
            painter.setPen(text_color)
            name = metrics.elidedText(
                offer.offer_name, Qt.TextElideMode.ElideRight, int(label_width)
            )
            painter.drawText(QRectF(0, top, label_width, em), name)  # plain text, as typed
            rate = offer.per_hour_minor
            width = room * rate / highest if rate and highest else 0
            painter.fillRect(QRectF(label_width + em * 0.5, top, width, em), color)
            painter.drawText(
                QRectF(label_width + em * 0.5 + width + em * 0.4, top, words_width, em),
                rate_words(view, index),
            )
        painter.end()


def rate_words(view: MoneyView, index: int) -> str:
    offer = view.offers[index]
    rate = offer.per_hour_minor
    if rate is None:
        return tr("no effort set")
    return tr("{rate} an hour").format(rate=money_text(rate, view.currency))


def offer_sentence(view: MoneyView, index: int) -> str:
    offer = view.offers[index]
    return tr("{offer}: {revenue} over {hours} h, {rate}").format(
        offer=offer.offer_name,
        revenue=money_text(offer.revenue_minor, view.currency),
        hours=hours_text(offer.effort_minutes),
        rate=rate_words(view, index),
    )


def hours_text(minutes: int) -> str:
    whole, rest = divmod(minutes, 60)
    return str(whole) if not rest else f"{minutes / 60:.1f}"
