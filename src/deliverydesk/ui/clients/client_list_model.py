"""The client list: one row per client (one per running journey for a client in several
at once), with their journey count; filtered in Python for instant typing. In its first
order (by name, nothing filtered) it reads its clients a page at a time, as the list is
scrolled (Qt's fetchMore); a search, a filter or another order reads them all first."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QApplication

from deliverydesk.model.rules.enums import Health, JourneyStatus, Owner
from deliverydesk.model.rules.health import HEALTH_RANK
from deliverydesk.model.rules.text_fold import fold
from deliverydesk.services.views.client_pages import (
    ClientListStart,
    ClientListUpdate,
    name_order,
)
from deliverydesk.services.views.rows import JourneyRow
from deliverydesk.ui.core import text
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.look.icons import icon
from deliverydesk.ui.look.theme import health_color, semantic

Index = QModelIndex | QPersistentModelIndex

NAME, OFFER, PHASE, PROGRESS, NEXT, DUE, WAITING, HEALTH = range(8)
# Stable names for the columns, for settings that outlive a change of column order.
COLUMN_KEYS = ("client", "offer", "phase", "progress", "next", "due", "waiting", "health")
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
RowTest = Callable[[JourneyRow], bool]
# The roles data() answers; the delegate asks each painted cell for twice as many.
_ANSWERED = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.AccessibleTextRole,
        ROW_ROLE,
    }
)


def _headers() -> list[str]:
    return [
        tr("Client"),
        tr("Offer"),
        tr("Phase"),
        tr("Progress"),
        tr("Next step"),
        tr("Due"),
        tr("Waiting on"),
        tr("Health"),
    ]


BATCH = 100  # clients read at a time while the list shows its first order
ANY_OFFER = -1  # the offer filter's "All offers"
NOT_ENROLLED = -2  # clients with no journey yet


def _search_key(row: JourneyRow) -> str:
    return fold(
        " ".join(
            (
                row.name,
                row.company,
                row.offer_name,
                row.phase_name,
                row.next_step_title,
                row.journey_offers,  # a returning client's earlier offers are found too
            )
        )
    )


def last_name_key(name: str) -> tuple[str, str]:
    """ "Anna van Dijk" sorts under "dijk": the last word, then the whole name."""
    words = name.split()
    return (fold(words[-1]) if words else "", fold(name))


class ClientListModel(QAbstractTableModel):
    """Rows are light JourneyRow values; a filter keeps the indexes of the rows shown.

    Qt's proxy text filter calls data() for every row on every keystroke (over 100 ms at
    20,000 rows); filtering a pre-folded Python list and resetting costs a few ms.
    """

    def __init__(self, today: Callable[[], date], parent: Any = None) -> None:
        super().__init__(parent)
        self._today = today
        self._rows: list[JourneyRow] = []
        self._keys: list[str] | None = None  # folded search texts, made when first searched
        self._shown: list[int] = []
        self._needle = ""
        self._status: RowTest | None = None  # the status filter (All: None)
        self._offer = ANY_OFFER
        self._health_shown: Health | None = None
        self._last_name_first = False
        self._sort: tuple[int, Qt.SortOrder] = (NAME, Qt.SortOrder.AscendingOrder)
        self._icons: dict[str, QIcon] = {}
        self._headers = _headers()  # asked for on every header repaint
        self._folded: tuple[int, ...] = ()  # hidden columns: every cell's tooltip tells them
        # Read a page at a time: the clients not read yet, in the list's order by name,
        # what the list tells of them meanwhile, and how to read some or all of them.
        self._pending: list[int] = []
        self._order: list[tuple[str, int]] = []  # every client's (key, id), by name
        self._start: ClientListStart | None = None
        self._read_some: Callable[[list[int]], Sequence[JourneyRow]] | None = None
        self._read_all: Callable[[], Sequence[JourneyRow]] | None = None

    # -- contents ---------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[JourneyRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._keys = None
        self._pending, self._start, self._order = [], None, []
        self._apply()
        self.endResetModel()

    def set_start(
        self,
        start: ClientListStart,
        read_some: Callable[[list[int]], Sequence[JourneyRow]],
        read_all: Callable[[], Sequence[JourneyRow]],
    ) -> None:
        """Show the first clients' rows; the rest are read as they are scrolled to, or all
        at once when a search, a filter or another order needs them."""
        self.beginResetModel()
        self._start, self._read_some, self._read_all = start, read_some, read_all
        self._rows = list(start.first)
        self._keys = None
        read = {row.client_id for row in self._rows}
        self._order = list(start.order)
        self._pending = [client for _key, client in self._order if client not in read]
        if self.needs_all():
            self._read_every_row()
        self._apply()
        self.endResetModel()

    @property
    def reading(self) -> bool:
        """Some clients are not read yet (the list shows its first order)."""
        return bool(self._pending)

    def needs_all(self) -> bool:
        """A search, a filter or an order other than by name needs every row."""
        return (
            self.filtering
            or self._sort != (NAME, Qt.SortOrder.AscendingOrder)
            or (self._last_name_first)
        )

    def update_reading(self, client_ids: set[int], update: ClientListUpdate) -> None:
        """While the list reads a page at a time, these clients changed (renamed, enrolled,
        added, put in the trash): each takes its new place in the order, and the rows read
        stay the first clients of it (a client that now sorts further on waits there)."""
        order = [entry for entry in self._order if entry[1] not in client_ids]
        for entry in update.entries:
            bisect.insort(order, entry)
        kept = [row for row in self._rows if row.client_id not in client_ids]
        place = {client: i for i, (_key, client) in enumerate(order)}
        last = max((place.get(row.client_id, -1) for row in kept), default=-1)
        prefix = {client for _key, client in order[: last + 1]}
        self.beginResetModel()
        self._order, self._keys = order, None
        self._rows = kept + [row for row in update.rows if row.client_id in prefix]
        self._pending = [client for _key, client in order[last + 1 :]]
        if self._start is not None:
            self._start = replace(self._start, journeys=update.journeys, offers=update.offers)
        if last < 0:  # every row read changed: read them all
            self._read_every_row()
        self._apply()
        self.endResetModel()

    def _read_every_row(self) -> None:
        if self._pending and self._read_all is not None:
            self._rows = list(self._read_all())
            self._keys = None
        self._pending, self._start, self._order = [], None, []

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and bool(self._pending)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        """The next clients in the list's order by name, after the rows shown."""
        if parent.isValid() or not self._pending or self._read_some is None:
            return
        ids, self._pending = self._pending[:BATCH], self._pending[BATCH:]
        more = sorted(self._read_some(ids), key=lambda row: self._sort_key(row, NAME))
        if not more:
            return
        first, shown = len(self._rows), len(self._shown)
        self.beginInsertRows(QModelIndex(), shown, shown + len(more) - 1)
        self._rows.extend(more)
        self._shown.extend(range(first, first + len(more)))
        if self._keys is not None:
            self._keys.extend(_search_key(row) for row in more)
        self.endInsertRows()

    def row_of(self, client_id: int, journey_id: int | None) -> int:
        """The place of the row of this client and journey, -1 when not shown."""
        for shown_row, i in enumerate(self._shown):
            if self._identity(i) == (client_id, journey_id):
                return shown_row
        return -1

    def update_clients(self, client_ids: set[int], fresh: Sequence[JourneyRow]) -> None:
        """Replace the rows of `client_ids` with `fresh` (a client may have gained or lost a
        journey, or be gone). Rows that keep their place repaint in place; otherwise the
        order is recomputed with selections kept."""
        if self._pending:  # where they now belong may be among the rows not read yet
            self.beginResetModel()
            self._read_every_row()
            self._apply()
            self.endResetModel()
            return
        fresh_by_id = {(r.client_id, r.journey_id): r for r in fresh}
        old_positions = [i for i, r in enumerate(self._rows) if r.client_id in client_ids]
        if {self._identity(i) for i in old_positions} == fresh_by_id.keys():
            changed_order = False
            column = self._sort[0]
            keys = self._search_keys() if self._needle else self._keys
            for i in old_positions:
                before, after = self._rows[i], fresh_by_id[self._identity(i)]
                key, old_key = (_search_key(after), keys[i]) if keys is not None else ("", "")
                if self._sort_key(before, column) != self._sort_key(after, column) or (
                    self._passes(before, old_key) != self._passes(after, key)
                ):
                    changed_order = True
                self._rows[i] = after
                if keys is not None:
                    keys[i] = key
            if not changed_order:
                self._repaint(old_positions)
                return
            self._relayout()
            return
        kept = [r for r in self._rows if r.client_id not in client_ids]
        self._relayout(kept + list(fresh))

    def _repaint(self, positions: list[int]) -> None:
        wanted = set(positions)
        last = self.columnCount() - 1
        for shown_row, i in enumerate(self._shown):
            if i in wanted:
                self.dataChanged.emit(self.index(shown_row, 0), self.index(shown_row, last))

    def _identity(self, i: int) -> tuple[int, int | None]:
        row = self._rows[i]
        return (row.client_id, row.journey_id)

    def _relayout(self, rows: list[JourneyRow] | None = None) -> None:
        """Filter and sort again (with `rows` in place of the current ones), moving
        persistent indexes (the selection) with their rows; a row gone leaves none."""
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        identities = [  # read before the rows change: the indexes point into the old ones
            self._identity(self._shown[index.row()])
            if 0 <= index.row() < len(self._shown)
            else None
            for index in persistent
        ]
        if rows is not None:
            self._rows = rows
            self._keys = None
        self._apply()
        where = {self._identity(i): shown_row for shown_row, i in enumerate(self._shown)}
        for index, identity in zip(persistent, identities, strict=True):
            row = where.get(identity) if identity is not None else None
            self.changePersistentIndex(
                index, self.index(row, index.column()) if row is not None else QModelIndex()
            )
        self.layoutChanged.emit()

    def set_filter(
        self, needle: str, offer_id: int = ANY_OFFER, health: Health | None = None
    ) -> None:
        """Show the rows matching `needle` (accents and case aside), in `offer_id`
        (ANY_OFFER, NOT_ENROLLED or an offer's id) and of `health` (active journeys only;
        None for any)."""
        needle = fold(needle.strip())
        if (needle, offer_id, health) == (self._needle, self._offer, self._health_shown):
            return
        self.beginResetModel()
        self._needle, self._offer, self._health_shown = needle, offer_id, health
        if self.needs_all():
            self._read_every_row()
        self._apply()
        self.endResetModel()

    def set_status_filter(self, test: RowTest | None) -> None:
        """Show only the rows `test` passes (a journey's status); None shows every row."""
        self.beginResetModel()
        self._status = test
        if self.needs_all():
            self._read_every_row()
        self._apply()
        self.endResetModel()

    @property
    def filtering(self) -> bool:
        return (
            bool(self._needle)
            or self._offer != ANY_OFFER
            or self._health_shown is not None
            or self._status is not None
        )

    def set_last_name_first(self, last_first: bool) -> None:
        """Sort the Client column by last name (True) or by the name as written."""
        if last_first == self._last_name_first:
            return
        self._last_name_first = last_first
        self.sort(*self._sort)

    def _passes(self, row: JourneyRow, key: str) -> bool:
        if self._needle and self._needle not in key:
            return False
        if self._status is not None and not self._status(row):
            return False
        if self._offer == NOT_ENROLLED and row.journey_id is not None:
            return False
        if self._offer >= 0 and row.offer_id != self._offer:
            return False
        return self._health_shown is None or (
            row.status is JourneyStatus.ACTIVE and row.health is self._health_shown
        )

    def _search_keys(self) -> list[str]:
        """Each row's folded search text, made the first time a search needs them: 5,000
        folds were ~10 ms of the list's first paint at XL, before anyone typed."""
        if self._keys is None:
            self._keys = [_search_key(r) for r in self._rows]
        return self._keys

    def _apply(self) -> None:
        needle = self._needle
        if self._offer != ANY_OFFER or self._health_shown is not None or self._status is not None:
            rows = self._rows
            keys = self._search_keys() if needle else [""] * len(rows)
            shown = [i for i, key in enumerate(keys) if self._passes(rows[i], key)]
        elif needle:
            shown = [i for i, key in enumerate(self._search_keys()) if needle in key]
        else:
            shown = list(range(len(self._rows)))
        column, order = self._sort
        shown.sort(key=lambda i: self._sort_key(self._rows[i], column))
        if order == Qt.SortOrder.DescendingOrder:
            shown.reverse()
        self._shown = shown

    @property
    def total(self) -> int:
        return len(self._rows) + len(self._pending)

    def head_counts(self) -> tuple[int, int, int, int]:
        """(clients shown, clients, journeys shown, journeys): a client with several
        running journeys has a row for each, so people are counted by their distinct ids,
        and journeys by each client's count (their earlier ones too)."""
        if self._pending and self._start is not None:  # nothing filtered: every client
            clients, journeys = len(self._start.order), self._start.journeys
            return (clients, clients, journeys, journeys)
        rows = self._rows
        shown = {rows[i].client_id: rows[i].journey_count for i in self._shown}
        every = {r.client_id: r.journey_count for r in rows}
        return (len(shown), len(every), sum(shown.values()), sum(every.values()))

    def offers(self) -> list[tuple[int, str]]:
        """(id, name) of every offer a listed client is enrolled in, by name."""
        if self._pending and self._start is not None:
            return list(self._start.offers)
        found = {r.offer_id: r.offer_name for r in self._rows if r.offer_id is not None}
        return sorted(found.items(), key=lambda item: (item[1].casefold(), item[0]))

    def names(self) -> list[str]:
        """Every name; while clients are not read yet, the longest few."""
        if self._pending and self._start is not None:
            return list(self._start.longest_names)
        return [row.name for row in self._rows]

    def distinct_texts(self, column: int) -> set[str]:
        """Every text the column shows, each once: what its width must fit."""
        seen: dict[tuple[object, ...], JourneyRow] = {}
        for row in self._rows:
            shape = (
                row.journey_id is None,
                row.status,
                row.offer_name,
                row.phase_name,
                row.journey_count,
            )
            seen.setdefault((*shape, row.phase_position, row.phase_count), row)
        return {self._display(row, column) or "" for row in seen.values()}

    def other_year_dues(self) -> set[str]:
        """The Due column's texts that carry a year ("4 Mar 2027"): its width must fit them."""
        today = self._today()
        if self._pending and self._start is not None:  # any year a step is due in
            ahead = {year for year in self._start.due_years if year != today.year}
            return {text.short_date(date(year, 9, 30), today) for year in ahead}
        years = {
            row.next_step_due.year
            for row in self._rows
            if row.next_step_due is not None
            and row.next_step_due.year != today.year
            and row.status is JourneyStatus.ACTIVE
        }
        return {text.short_date(date(year, 9, 30), today) for year in years}

    def set_folded(self, columns: Sequence[int]) -> None:
        """The columns the list hides: a row's tooltip carries what they would show."""
        self._folded = tuple(columns)

    def row_at(self, row: int) -> JourneyRow:
        return self._rows[self._shown[row]]

    # -- Qt model API ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 8

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ANSWERED or not index.isValid() or not 0 <= index.row() < len(self._shown):
            return None
        row = self._rows[self._shown[index.row()]]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._decoration(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._row_tooltip(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == DUE and self._overdue(row):
            return self._late_colour(row)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._display(row, column) or " · ".join(self._tip_lines(row, column))
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        if self._pending and self.needs_all():  # more rows: not a mere change of layout
            self.beginResetModel()
            self._read_every_row()
            self._apply()
            self.endResetModel()
            return
        self.layoutAboutToBeChanged.emit()
        self._apply()
        self.layoutChanged.emit()

    # -- cells -------------------------------------------------------------------------------
    def _display(self, row: JourneyRow, column: int) -> str | None:
        if column == NAME:  # the company tells two namesakes apart
            return f"{row.name} · {row.company}" if row.company else row.name
        if row.journey_id is None:
            return self._offer_cell(row) if column == OFFER else ""
        if column == OFFER:
            return self._offer_cell(row)
        if column == PHASE:
            return self._phase(row)
        if column == PROGRESS:
            return tr("{done} of {total}").format(done=row.steps_done, total=row.steps_total)
        if column == NEXT:
            return row.next_step_title if row.status is JourneyStatus.ACTIVE else ""
        if column == DUE:
            active = row.status is JourneyStatus.ACTIVE
            return text.short_date(row.next_step_due, self._today()) if active else ""
        if column == WAITING:
            return (
                text.owner_label(row.next_step_owner) if row.status is JourneyStatus.ACTIVE else ""
            )
        if column == HEALTH:
            return self._health(row)
        return None

    @staticmethod
    def _offer_cell(row: JourneyRow) -> str:
        """ "Coaching", or "Coaching · 3 journeys" for a returning client."""
        if row.journey_id is None:
            if row.journey_count:  # every journey put away (archived)
                return tr("Not enrolled · {n} earlier").format(n=row.journey_count)
            return tr("Not enrolled")
        if row.journey_count > 1:
            return tr("{offer} · {n} journeys").format(offer=row.offer_name, n=row.journey_count)
        return row.offer_name

    def _phase(self, row: JourneyRow) -> str:
        if row.status not in (JourneyStatus.ACTIVE, JourneyStatus.PAUSED):
            return text.health_label(row.health)  # "Completed", as the health column says
        return tr("{phase} ({n} of {count})").format(
            phase=row.phase_name, n=row.phase_position + 1, count=row.phase_count
        )

    def _health(self, row: JourneyRow) -> str:
        return text.health_label(row.health)

    def _decoration(self, row: JourneyRow, column: int) -> Any:
        if column == HEALTH and row.journey_id is not None:
            color = health_color(row.health, QApplication.palette())
            return self._icon(text.health_icon_name(row.health), color.name() if color else None)
        if row.status is not JourneyStatus.ACTIVE:
            return None
        if column == DUE and self._overdue(row):
            return self._icon("at_risk", self._late_colour(row).name())
        if column == WAITING and row.next_step_owner is not None:
            return self._icon(text.owner_icon_name(row.next_step_owner), None)
        return None

    def _icon(self, name: str, color: str | None) -> QIcon:
        # Uncoloured icons take the palette's colour when drawn, so they follow a theme switch.
        key = f"{name}:{color}"
        if key not in self._icons:
            self._icons[key] = icon(name, QColor(color) if color else None)
        return self._icons[key]

    def _overdue(self, row: JourneyRow) -> bool:
        """The next step is past its due date (whoever owes it)."""
        due = row.next_step_due
        return row.status is JourneyStatus.ACTIVE and due is not None and due < self._today()

    @staticmethod
    def _late_colour(row: JourneyRow) -> QColor:
        """Danger for your own lateness ("overdue"), warning for someone else's ("late")."""
        colors = semantic(QApplication.palette())
        return colors.danger if row.next_step_owner is Owner.ME else colors.warning

    def _row_tooltip(self, row: JourneyRow, column: int) -> str | None:
        """The cell's own tooltip, then what the hidden columns would show for the row."""
        lines = self._tip_lines(row, column)
        for folded in self._folded:
            line = self._folded_line(row, folded) if folded != column else ""
            if line and not any(line in said for said in lines):  # "late · Waiting on…"
                lines.append(line)
        return text.literal_rich_text(lines) if lines else None

    def _folded_line(self, row: JourneyRow, column: int) -> str:
        """A hidden column's value in words: "Due Wed 25 Nov 2026", "Progress: 3 of 9"."""
        if column in (WAITING, HEALTH):  # their tooltips say it whole
            return " · ".join(self._tip_lines(row, column))
        if column == DUE:
            when = " · ".join(self._tip_lines(row, column))
            return tr("Due {when}").format(when=when) if when else ""
        value = self._display(row, column)
        return f"{self._headers[column]}: {value}" if value else ""

    def _tip_lines(self, row: JourneyRow, column: int) -> list[str]:
        if column == NAME:  # a long name or company is elided in its cell
            return [row.name, row.company] if row.company else [row.name]
        if column == HEALTH and row.paused:  # since when, why, and the planned resume
            return [text.paused_line(row.paused_on, row.pause_reason, row.resume_on)]
        if column == HEALTH and row.journey_id is not None:
            return [text.health_line(row.health, row.reasons)]
        if column == OFFER and row.journey_count > 1:  # a returning client's offers, each
            return [self._display(row, column) or "", row.journey_offers]
        if column in (OFFER, PHASE, NEXT):  # whole, where a narrow window cuts the cell
            shown = self._display(row, column)
            return [shown] if shown else []
        if row.status is not JourneyStatus.ACTIVE:  # no next step shown: nothing to explain
            return []
        if column == WAITING:
            return [text.waits_on(row.next_step_owner)] if row.next_step_owner else []
        if column == DUE and row.next_step_due is not None:
            when = text.long_date(row.next_step_due)
            if self._overdue(row):
                late = text.days((self._today() - row.next_step_due).days)
                if row.next_step_owner is Owner.ME:  # "overdue" is your own lateness only
                    return [tr("{date}: {late} overdue").format(date=when, late=late)]
                return [
                    tr("{date}: {late} late · {who}").format(
                        date=when, late=late, who=text.waits_on(row.next_step_owner)
                    )
                ]
            return [when]
        return []

    def _sort_key(self, row: JourneyRow, column: int) -> Any:
        if column == PROGRESS:
            return row.progress
        if column == DUE:
            return row.next_step_due or date.max
        if column == HEALTH:
            return (HEALTH_RANK[row.health], row.name.casefold())
        if column == PHASE:
            return (row.offer_name.casefold(), row.phase_position)
        if column == NAME:
            return (
                last_name_key(row.name)
                if self._last_name_first
                else name_order(row.name, row.company)
            )
        value = self._display(row, column)
        return (value or "").casefold()
