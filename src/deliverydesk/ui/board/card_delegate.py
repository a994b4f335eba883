"""Paints a board card: name, progress, next step, who it waits on, badges.

One delegate paints every card; there is no widget per card (5,000 widgets take over a
second to build, painting takes a few milliseconds).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QIcon,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from deliverydesk.services.views.rows import JourneyRow
from deliverydesk.ui.board.card_model import CARD_ROLE
from deliverydesk.ui.core import text
from deliverydesk.ui.look.icons import icon
from deliverydesk.ui.look.progress_track import draw_track
from deliverydesk.ui.look.theme import MIN_TEXT_POINTS, badge_fill, semantic

Index = QModelIndex | QPersistentModelIndex
IMAGE_CACHE = 240  # ~100 KiB each: two screenfuls of cards
CARD_WIDTH_EM = 10  # the narrowest a card is asked to be; it takes its column's width
CARD_HEIGHT_EM = 6.9
# The states that change how a card looks; combined once here, not on every paint.
_LOOKS = QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_HasFocus


def ordered_badges(card: JourneyRow) -> list[tuple[str, str]]:
    """The card's badges, its health first: the verdict always shows, and the reasons
    after it collapse into "+N" when the card is too narrow for them."""
    health = text.health_label(card.health)
    return sorted(text.badges(card), key=lambda badge: badge[1] != health)


def paused_detail(card: JourneyRow, today: date) -> str:
    """Under a paused card's next step, in place of its due date (which moves on resume):
    "Resume 7 Dec" when a date is planned, else "Paused since 23 Nov"."""
    if card.resume_on is not None:
        return text.tr("Resume {day}").format(day=text.short_date(card.resume_on, today))
    if card.paused_on is not None:
        return text.tr("Paused since {day}").format(day=text.short_date(card.paused_on, today))
    return ""


def badge_font(font: QFont) -> QFont:
    """A size smaller than the card's text, never under MIN_TEXT_POINTS."""
    small = QFont(font)
    if font.pointSizeF() > 0:
        small.setPointSizeF(max(font.pointSizeF() * 0.85, min(MIN_TEXT_POINTS, font.pointSizeF())))
    return small


def fit_badges(widths: list[int], room: int, gap: int, more_width: int) -> int:
    """How many of the badges (by their widths) fit in `room` pixels, keeping room for a
    "+N" badge (`more_width` wide) when some do not fit. At least one always shows."""
    x = 0
    for count, width in enumerate(widths):
        rest = len(widths) - count - 1
        needed = width + (gap + more_width if rest else 0)
        if count and x + needed > room:
            return count
        x += width + gap
    return len(widths)


class CardDelegate(QStyledItemDelegate):
    def __init__(self, today: Callable[[], date], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._icons: dict[str, QIcon] = {}
        self._images: dict[tuple[object, ...], QPixmap] = {}  # in least-recent order
        # A font added after the first paint (ui/look/fonts.py) may draw what showed as boxes.
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.fontDatabaseChanged.connect(self._forget_images)

    def _forget_images(self) -> None:
        self._images.clear()

    def _icon(self, name: str) -> QIcon:
        if name not in self._icons:
            self._icons[name] = icon(name)
        return self._icons[name]

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        em = option.fontMetrics.height()
        return QSize(em * CARD_WIDTH_EM, int(em * CARD_HEIGHT_EM))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """Blit the card's cached image; draw it first if it changed.

        Drawing a card from Python costs ~0.45 ms, a blit a few microseconds. Images are
        drawn at the screen's pixel ratio (crisp on high-DPI screens) and keyed by the
        card's row (a new row object whenever its data changes), size, state and palette;
        the least recently used go first, so memory stays bounded (~25 MiB).
        """
        card: JourneyRow | None = index.data(CARD_ROLE)
        if card is None:
            return
        state = option.state & _LOOKS
        key = (
            card,
            option.rect.size().toTuple(),
            int(state.value),
            option.palette.cacheKey(),
            option.font.key(),
            self._today(),
            ratio := painter.device().devicePixelRatioF(),
        )
        image = self._images.pop(key, None)
        if image is None:
            image = QPixmap(option.rect.size() * ratio)
            image.setDevicePixelRatio(ratio)
            # Opaque, in the column's own colour: blitting skips alpha blending.
            image.fill(option.palette.color(QPalette.ColorRole.Window))
            recorder = QPainter(image)
            local = QStyleOptionViewItem(option)
            local.rect = QRect(QPoint(0, 0), option.rect.size())
            self._draw(recorder, local, card)
            recorder.end()
            if len(self._images) >= IMAGE_CACHE:
                self._images.pop(next(iter(self._images)))  # least recently used
        self._images[key] = image
        painter.drawPixmap(option.rect.topLeft(), image)

    def _draw(self, painter: QPainter, option: QStyleOptionViewItem, card: JourneyRow) -> None:
        palette = option.palette
        metrics = option.fontMetrics
        em = metrics.height()
        gap = em // 3
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        box = QRectF(option.rect).adjusted(gap / 2, gap / 2, -gap / 2, -gap / 2)

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        marked = selected or focused
        # A paused journey is dimmed: a dashed outline, the alternate surface, muted words
        # (muted text meets AA on it: tests/gui/test_contrast.py).
        paused = card.paused
        border = palette.color(QPalette.ColorRole.Highlight if marked else QPalette.ColorRole.Mid)
        pen = QPen(border, 2 if marked else 1)
        if paused and not marked:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        surface = QPalette.ColorRole.AlternateBase if paused else QPalette.ColorRole.Base
        painter.setBrush(palette.color(surface))
        painter.drawRoundedRect(box, gap, gap)
        if focused:  # where the keyboard is: a second, dotted ring inside the outline
            painter.setPen(QPen(border, 1, Qt.PenStyle.DotLine))
            painter.drawRoundedRect(box.adjusted(3, 3, -3, -3), gap, gap)

        inner = box.adjusted(em * 0.6, em * 0.45, -em * 0.6, -em * 0.45).toRect()
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        ink = muted if paused else palette.color(QPalette.ColorRole.Text)
        y = inner.top()

        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(ink)
        name = QFontMetrics(bold).elidedText(card.name, Qt.TextElideMode.ElideRight, inner.width())
        painter.drawText(
            QRect(inner.left(), y, inner.width(), em), Qt.AlignmentFlag.AlignVCenter, name
        )
        y += em + gap

        painter.setFont(option.font)
        count = f"{card.steps_done}/{card.steps_total}"
        count_width = metrics.horizontalAdvance("888/888")
        bar_height = max(4, em // 3)
        bar = QRectF(
            inner.left(), y + (em - bar_height) / 2, inner.width() - count_width - gap, bar_height
        )
        draw_track(painter, bar, card.progress, palette, muted if paused else None)
        painter.setPen(muted)
        painter.drawText(
            QRect(inner.right() - count_width, y, count_width, em),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            count,
        )
        y += em + gap // 2

        if card.next_step_owner is not None:
            self._icon(text.owner_icon_name(card.next_step_owner)).paint(
                painter, QRect(inner.left(), y + em // 8, em * 3 // 4, em * 3 // 4)
            )
        text_left = inner.left() + em
        painter.setPen(ink)
        step = card.next_step_title or text.tr("Every step is done")
        painter.drawText(
            QRect(text_left, y, inner.right() - text_left, em),
            Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(step, Qt.TextElideMode.ElideRight, inner.right() - text_left),
        )
        y += em
        detail = paused_detail(card, self._today()) if paused else ""
        if not detail:
            when = text.short_date(card.next_step_due, self._today())
            who = text.owner_label(card.next_step_owner)
            detail = " · ".join(part for part in (when, who) if part)
        painter.setPen(muted)
        painter.drawText(
            QRect(text_left, y, inner.right() - text_left, em),
            Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(detail, Qt.TextElideMode.ElideRight, inner.right() - text_left),
        )
        y += em + gap
        self._paint_badges(painter, option, card, QRect(inner.left(), y, inner.width(), em))
        painter.restore()

    def badge_row_width(self, option: QStyleOptionViewItem) -> int:
        """How wide the badge row of a card painted with `option` is."""
        em = option.fontMetrics.height()
        gap = em // 3
        box = QRectF(option.rect).adjusted(gap / 2, gap / 2, -gap / 2, -gap / 2)
        return box.adjusted(em * 0.6, 0, -em * 0.6, 0).toRect().width()

    def _paint_badges(
        self, painter: QPainter, option: QStyleOptionViewItem, card: JourneyRow, row: QRect
    ) -> None:
        small = badge_font(option.font)
        metrics = QFontMetrics(small)
        painter.setFont(small)
        colors = semantic(option.palette)
        tones = {
            "danger": colors.danger,
            "warning": colors.warning,
            "info": option.palette.color(QPalette.ColorRole.Link),
            "muted": option.palette.color(QPalette.ColorRole.PlaceholderText),
        }
        pad = metrics.horizontalAdvance(" ")
        x = row.left()
        for pill_plan in plan_badges(card, metrics, row.width()):
            tone, label, width, words = pill_plan
            pill = QRectF(x, row.top(), width, row.height())
            color = QColor(tones[tone])
            painter.setPen(QPen(color, 1))
            painter.setBrush(badge_fill(color))
            painter.drawRoundedRect(pill, row.height() / 2, row.height() / 2)
            painter.setPen(color)
            painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, words)
            x += width + pad


def plan_badges(
    card: JourneyRow, metrics: QFontMetrics, room: int
) -> list[tuple[str, str, int, str]]:
    """The badges a card shows in a row `room` pixels wide, as (tone, label, width, words
    drawn): its health first, then what fits, then "+N" for the rest (in the tooltip)."""
    pad = metrics.horizontalAdvance(" ")
    badges = ordered_badges(card)
    widths = [metrics.horizontalAdvance(label) + pad * 2 for _tone, label in badges]
    more_width = metrics.horizontalAdvance(f"+{len(badges)}") + pad * 2
    shown = fit_badges(widths, room, pad, more_width)
    hidden = len(badges) - shown
    reserve = pad + more_width if hidden else 0
    pills = [
        (tone, label, width, reserve)
        for (tone, label), width in zip(badges[:shown], widths, strict=False)
    ]
    if hidden:
        pills.append(("muted", f"+{hidden}", more_width, 0))
    planned = []
    x = 0
    for tone, label, wanted, keep in pills:
        width = min(wanted, room - x - keep)  # too wide for the card: elided
        words = (
            label
            if width >= wanted
            else metrics.elidedText(label, Qt.TextElideMode.ElideRight, width - pad * 2)
        )
        planned.append((tone, label, width, words))
        x += width + pad
    return planned
