"""Days to pixels for the timelines: the zoom, the first day shown, and the range of days
there is to scroll through. The axis, the rows and the capacity strip all read one scale,
so they stay aligned as the person zooms and scrolls."""

from __future__ import annotations

from datetime import date
from enum import Enum

from PySide6.QtCore import QObject, Signal


class Zoom(Enum):
    """How much time a screen holds; the value is a day's width in font heights."""

    WEEK = 1.6
    MONTH = 0.45
    QUARTER = 0.15


ZOOM_ORDER = (Zoom.WEEK, Zoom.MONTH, Zoom.QUARTER)
LEAD_DAYS = 7  # room before the first start and after the last end
TODAY_AT = 0.25  # "go to today" puts today a quarter of the way in


class TimeScale(QObject):
    """Signals:
    changed(): the zoom, the first day shown or the range changed; redraw.
    """

    changed = Signal()

    def __init__(self, em: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._em = max(em, 8)
        self.zoom = Zoom.MONTH
        self.first_day = 0.0  # ordinal (days since 1 Jan of year 1) at the chart's left edge
        self.range_start = date.today().toordinal()
        self.range_end = self.range_start + 90
        self.width = 1  # the chart's width in pixels, set by whoever lays it out
        # A day asked to be shown (and where), kept in place as the chart is resized until
        # the person scrolls or zooms themselves.
        self._anchor: tuple[int, float] | None = None
        self.ticks_cache: tuple[tuple[float, Zoom, int], tuple[list[int], list[int]]] | None = None

    # -- geometry ----------------------------------------------------------------------------
    @property
    def day_width(self) -> float:
        return self._em * self.zoom.value

    def x_of(self, day: date | int) -> float:
        """The x of the start of `day` in chart coordinates (0 is the chart's left edge)."""
        ordinal = day if isinstance(day, int) else day.toordinal()
        return (ordinal - self.first_day) * self.day_width

    def day_at(self, x: float) -> date:
        return date.fromordinal(max(int(self.first_day + x / self.day_width), 1))

    def visible_days(self) -> tuple[int, int]:
        """The first and last ordinal with any pixel on screen."""
        first = int(self.first_day)
        return first, first + int(self.width / self.day_width) + 2

    # -- scrolling ---------------------------------------------------------------------------
    def set_range(self, start: date, end: date) -> None:
        """The days there is to see: from before `start` to after `end`."""
        self.range_start = start.toordinal() - LEAD_DAYS
        self.range_end = max(end.toordinal() + LEAD_DAYS, self.range_start + 1)
        self._clamp()
        self.changed.emit()

    def scroll_length(self) -> int:
        """Pixels of the whole range beyond one chart's width (a scroll bar's maximum)."""
        total = (self.range_end - self.range_start) * self.day_width
        return max(int(total - self.width), 0)

    def scroll_value(self) -> int:
        return int(round((self.first_day - self.range_start) * self.day_width))

    def set_scroll_value(self, value: int) -> None:
        self._anchor = None
        self.first_day = self.range_start + value / self.day_width
        self._clamp()
        self.changed.emit()

    def pan(self, pixels: float) -> None:
        self._anchor = None
        self.first_day += pixels / self.day_width
        self._clamp()
        self.changed.emit()

    def set_width(self, width: int) -> None:
        if width != self.width:
            self.width = max(width, 1)
            if self._anchor is not None:
                ordinal, at = self._anchor
                self.first_day = ordinal - self.width * at / self.day_width
            self._clamp()
            self.changed.emit()

    def show_day(self, day: date, at: float = TODAY_AT) -> None:
        """Scroll so that `day` sits `at` of the way across the chart (and stays there as
        the chart is resized, until the person scrolls)."""
        self._anchor = (day.toordinal(), at)
        self.first_day = day.toordinal() - self.width * at / self.day_width
        self._clamp()
        self.changed.emit()

    def set_zoom(self, zoom: Zoom, anchor_x: float | None = None) -> None:
        """Zoom, keeping the day under `anchor_x` (default: the middle) where it is."""
        if zoom is self.zoom:
            return
        if self._anchor is not None and anchor_x is None:  # keep the day shown in its place
            ordinal, at = self._anchor
            self.zoom = zoom
            self.first_day = ordinal - self.width * at / self.day_width
            self._clamp()
            self.changed.emit()
            return
        self._anchor = None
        x = self.width / 2 if anchor_x is None else anchor_x
        anchor = self.first_day + x / self.day_width
        self.zoom = zoom
        self.first_day = anchor - x / self.day_width
        self._clamp()
        self.changed.emit()

    def zoom_step(self, step: int, anchor_x: float | None = None) -> None:
        """One step closer (-1, towards weeks) or further (+1, towards quarters)."""
        index = min(max(ZOOM_ORDER.index(self.zoom) + step, 0), len(ZOOM_ORDER) - 1)
        self.set_zoom(ZOOM_ORDER[index], anchor_x)

    def _clamp(self) -> None:
        most = self.range_start + self.scroll_length() / self.day_width
        self.first_day = min(max(self.first_day, self.range_start), most)


def ticks(scale: TimeScale) -> tuple[list[int], list[int]]:
    """The ordinals of the major and minor ticks on screen: weeks and days at week zoom,
    months and weeks at month zoom, quarters and months at quarter zoom. Every row asks
    for them as it paints: worked out once per position of the scale."""
    key = (scale.first_day, scale.zoom, scale.width)
    if scale.ticks_cache is None or scale.ticks_cache[0] != key:
        scale.ticks_cache = (key, _ticks(scale))
    return scale.ticks_cache[1]


def _ticks(scale: TimeScale) -> tuple[list[int], list[int]]:
    first, last = scale.visible_days()
    days = [date.fromordinal(max(o, 1)) for o in range(first - 1, last + 1)]
    if scale.zoom is Zoom.WEEK:
        return [d.toordinal() for d in days if d.weekday() == 0], [d.toordinal() for d in days]
    months = [d.toordinal() for d in days if d.day == 1]
    if scale.zoom is Zoom.MONTH:
        return months, [d.toordinal() for d in days if d.weekday() == 0]
    quarters = [o for o in months if date.fromordinal(o).month in (1, 4, 7, 10)]
    return quarters, months
