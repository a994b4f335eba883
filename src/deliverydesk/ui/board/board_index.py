"""The board's cards grouped into columns, kept sorted, filtered without Qt's proxies.

Plain Python on purpose: grouping and filtering 20,000 cards here costs a few
milliseconds, where one QSortFilterProxyModel per column costs close to a second.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from deliverydesk.model.rules.enums import Owner
from deliverydesk.model.rules.health import HEALTH_RANK, in_trouble
from deliverydesk.model.rules.text_fold import fold
from deliverydesk.services.views.rows import JourneyRow

Column = tuple[int, int]  # (offer id, phase position)


class Quick(StrEnum):
    OVERDUE = "overdue"
    WAITING_ON_CLIENT = "waiting_on_client"
    AT_RISK = "at_risk"
    FEEDBACK_DUE = "feedback_due"
    PAUSED = "paused"


class SortBy(StrEnum):
    URGENCY = "urgency"
    NAME = "name"
    ENTERED = "entered"


def _sort_key(sort: SortBy) -> Callable[[JourneyRow], tuple[Any, ...]]:
    if sort is SortBy.NAME:
        return lambda c: (c.name.casefold(), c.journey_id)
    if sort is SortBy.ENTERED:
        return lambda c: (c.phase_entered_on or date.min, c.name.casefold(), c.journey_id)
    return lambda c: (
        HEALTH_RANK[c.health],
        -max((r.days for r in c.reasons), default=0),
        c.next_step_due or date.max,
        c.name.casefold(),
        c.journey_id,
    )


def _quick_test(quick: Quick) -> Callable[[JourneyRow], bool]:
    # Overdue is your own lateness, as the card's "Overdue" badge says; a client's late
    # step is "Client late", a badge of its own, and not in this filter.
    return {
        Quick.OVERDUE: lambda c: c.late_days(Owner.ME) > 0,
        Quick.WAITING_ON_CLIENT: lambda c: c.next_step_owner is Owner.CLIENT,
        Quick.AT_RISK: lambda c: in_trouble(c.health),
        Quick.FEEDBACK_DUE: lambda c: c.feedback_due,
        Quick.PAUSED: lambda c: c.paused,
    }[quick]


@dataclass(frozen=True)
class BoardFilter:
    text: str = ""
    quick: frozenset[Quick] = frozenset()

    @property
    def active(self) -> bool:
        return bool(self.text.strip() or self.quick)

    @property
    def needle(self) -> str:
        """The typed text as searched: accents and case do not matter."""
        return fold(self.text.strip())


@dataclass
class BoardIndex:
    """Every card by journey id, and each column's ids in the current sort order."""

    phase_counts: dict[int, int] = field(default_factory=dict)  # offer id -> columns
    sort: SortBy = SortBy.URGENCY
    cards: dict[int, JourneyRow] = field(default_factory=dict)
    _keys: dict[int, str] = field(default_factory=dict)  # folded search text, made on use
    _columns: dict[Column, list[int]] = field(default_factory=dict)
    _place: dict[int, Column] = field(default_factory=dict)
    _over_plan: dict[Column, int] = field(default_factory=dict)  # cache, per column
    _column_keys: dict[Column, list[str]] = field(default_factory=dict)  # cache, per column
    # What a card skipped (phases left with a checkpoint open), asked on hovering a card.
    skipped: Callable[[int], list[str]] = lambda _journey_id: []
    _folded: dict[str, str] = field(default_factory=dict)  # accented text -> folded, kept

    def load(self, rows: Iterable[JourneyRow]) -> None:
        self.cards, self._keys, self._columns, self._place = {}, {}, {}, {}
        self._over_plan, self._column_keys = {}, {}
        for row in rows:
            self._remember(row)
        self._sort_columns()
        if len(self._folded) > 2 * len(self.cards) + 1000:
            self._folded = {}  # folds of texts long gone; they are cheap to make again

    def prepare_search(self) -> None:
        """Fold every card's search text now (between a start's first paint and the first
        keystroke), so neither of them waits for it."""
        for journey_id in self.cards:
            if journey_id not in self._keys:
                self._key(journey_id)

    def set_sort(self, sort: SortBy) -> None:
        self.sort = sort
        self._sort_columns()

    def _sort_columns(self) -> None:
        key = _sort_key(self.sort)
        cards = self.cards
        for ids in self._columns.values():
            ids.sort(key=lambda i: key(cards[i]))
        self._column_keys = {}

    def column_of(self, journey_id: int) -> Column | None:
        return self._place.get(journey_id)

    def ids(self, column: Column) -> list[int]:
        return self._columns.get(column, [])

    def update(self, fresh: Iterable[JourneyRow], asked: Iterable[int]) -> set[Column]:
        """Replace the cards of the `asked` journeys with `fresh` rows (missing = gone).

        Returns the columns whose contents changed, so only they are redrawn.
        """
        touched: set[Column] = set()
        for journey_id in asked:
            column = self._place.pop(journey_id, None)
            if column is not None:
                self._columns[column].remove(journey_id)
                self._count_over_plan(column, self.cards[journey_id], -1)
                del self.cards[journey_id]
                self._keys.pop(journey_id, None)
                touched.add(column)
        key = _sort_key(self.sort)

        def card_key(journey_id: int) -> tuple[Any, ...]:
            return key(self.cards[journey_id])

        for row in fresh:
            column = self._remember(row, append=False)
            if column is not None and row.journey_id is not None:  # a card has a journey
                bisect.insort(self._columns[column], row.journey_id, key=card_key)
                self._count_over_plan(column, row, 1)
                touched.add(column)
        for column in touched:
            self._column_keys.pop(column, None)
        return touched

    def _count_over_plan(self, column: Column, card: JourneyRow, sign: int) -> None:
        """Keep a column's count of clients over plan as one card leaves or joins it (a
        move recounted both columns' hundreds of cards)."""
        if column in self._over_plan and card.over_plan_days > 0:
            self._over_plan[column] += sign

    def over_plan(self, column: Column) -> int:
        """How many of the column's clients are past the phase's planned end."""
        if column not in self._over_plan:
            cards = self.cards
            self._over_plan[column] = sum(
                1 for i in self._columns.get(column, ()) if cards[i].over_plan_days > 0
            )
        return self._over_plan[column]

    def _key(self, journey_id: int) -> str:
        """The card's search text, accents and case folded: made when first searched (a
        start paints before anyone types), and an accented text is folded once."""
        key = self._keys.get(journey_id)
        if key is None:
            row = self.cards[journey_id]
            text = " ".join((row.name, row.company, row.next_step_title, row.phase_name))
            if text.isascii():
                key = text.lower()
            else:
                key = self._folded.get(text) or self._folded.setdefault(text, fold(text))
            self._keys[journey_id] = key
        return key

    def _remember(self, row: JourneyRow, append: bool = True) -> Column | None:
        if row.journey_id is None or row.offer_id is None:
            return None
        last = max(self.phase_counts.get(row.offer_id, row.phase_count) - 1, 0)
        column = (row.offer_id, min(row.phase_position, last))
        self.cards[row.journey_id] = row
        self._place[row.journey_id] = column
        ids = self._columns.setdefault(column, [])
        if append:
            ids.append(row.journey_id)
        return column

    def visible(
        self, column: Column, board_filter: BoardFilter, within: list[int] | None = None
    ) -> list[int]:
        """The column's ids that pass the filter; `within` narrows an earlier result (the
        person typed more letters), which is cheaper than scanning the column again."""
        ids = self._columns.get(column, []) if within is None else within
        needle = board_filter.needle
        tests = [_quick_test(q) for q in board_filter.quick]
        if not needle and not tests:
            return list(ids)
        cards = self.cards
        if needle and within is None:
            # Search texts in column order, kept between keystrokes: no lookups per card.
            if column not in self._column_keys:
                self._column_keys[column] = [self._key(i) for i in ids]
            keys = self._column_keys[column]
            ids = [i for i, key in zip(ids, keys, strict=True) if needle in key]
        elif needle:
            known = self._keys
            ids = [i for i in ids if needle in (known.get(i) or self._key(i))]
        for test in tests:
            ids = [i for i in ids if test(cards[i])]
        return list(ids)
