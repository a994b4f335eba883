"""Today's rows as a tree: three groups (mine, waiting on the client, third party), each
holding its steps, most late first, then a fourth: the paused journeys, those due to
resume first. Columns: client, step, phase, due, late."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any, Protocol

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont, QPalette
from PySide6.QtWidgets import QApplication

from deliverydesk.model.rules.enums import Owner, StepKind
from deliverydesk.services.views.today import PausedRow, Timing, TodayRow
from deliverydesk.services.views.today_pages import DueCount, TodayStart
from deliverydesk.ui.core import text
from deliverydesk.ui.core.text import literal_rich_text, tr
from deliverydesk.ui.look.icons import icon
from deliverydesk.ui.look.theme import semantic

CLIENT, STEP, PHASE, DUE, LATE = range(5)
GROUPS = (Owner.ME, Owner.CLIENT, Owner.THIRD_PARTY)
PAUSED = len(GROUPS)  # the row of the Paused group, after the step groups
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
PAUSED_ROLE = Qt.ItemDataRole.UserRole + 2
NO_PARENT = 0xFFFFFFFF  # internalId of a group (a row's is its group's position)

Index = QModelIndex | QPersistentModelIndex
# A group reads and hands the tree its rows a screenful or so at a time (more as they
# scroll into view: TodayPage.show_rows_in_view): reading and laying out 12,800 rows at
# XL cost the first paint ~120 ms, for the ~30 a person sees. Headings and the summary
# tell the counts of every row.
CHUNK = 100
# Asked for every row as the tree lays out (thousands at once): combined once. A row says
# it never has children, so the tree does not ask each for its count.
_GROUP_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_ROW_FLAGS = _GROUP_FLAGS | Qt.ItemFlag.ItemNeverHasChildren
# The roles data() answers; the delegate asks each painted cell for twice as many.
_ANSWERED = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.FontRole,
        ROW_ROLE,
        PAUSED_ROLE,
    }
)


def group_title(owner: Owner) -> str:
    return {
        Owner.ME: tr("Mine"),
        Owner.CLIENT: tr("Waiting on the client"),
        Owner.THIRD_PARTY: tr("Third party"),
    }[owner]


class TodaySource(Protocol):
    """Where the model reads the rows it has not yet (the schedule's lazy reads)."""

    def due_rows(
        self,
        owner: Owner,
        after: TodayRow | None,
        limit: int | None = None,
        through: TodayRow | None = None,
    ) -> list[TodayRow]: ...

    def due_step(self, step_id: int) -> TodayRow | None: ...


class TodayModel(QAbstractItemModel):
    """Each group holds the rows read so far (its first ones, more as they are reached)
    and the count of all of them, which its heading and the page's summary tell."""

    def __init__(
        self, today: Callable[[], date], source: Callable[[], TodaySource], parent: Any = None
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._source = source  # asked when rows are read: a start builds this unread
        self._groups: dict[Owner, list[TodayRow]] = {owner: [] for owner in GROUPS}
        self._counts: dict[Owner, DueCount] = {owner: DueCount() for owner in GROUPS}
        self._paused: list[PausedRow] = []
        self._shown_paused = 0  # paused journeys handed to the tree

    # -- filling -----------------------------------------------------------------------------
    def set_start(self, found: TodayStart) -> None:
        """Show these counts and first rows (read again after a change: as many rows as
        the list had, so the place scrolled to stays)."""
        self.beginResetModel()
        try:
            self._groups = {owner: list(found.first.get(owner, ())) for owner in GROUPS}
            self._counts = {owner: found.counts.get(owner, DueCount()) for owner in GROUPS}
            self._paused = list(found.paused)
            self._shown_paused = min(max(self._shown_paused, CHUNK), len(self._paused))
        finally:
            self.endResetModel()

    def wanted(self) -> dict[Owner, int]:
        """How many rows of each group to read: those read so far, at least a chunk."""
        return {owner: max(len(self._groups[owner]), CHUNK) for owner in GROUPS}

    # -- reading -----------------------------------------------------------------------------
    def rows(self, owner: Owner) -> list[TodayRow]:
        """The group's rows read so far (its first ones; the rest as they are reached)."""
        return self._groups[owner]

    def all_rows(self) -> list[TodayRow]:
        return [row for owner in GROUPS for row in self._groups[owner]]

    def count(self, owner: Owner) -> DueCount:
        """Every step of the group due, read or not."""
        return self._counts[owner]

    def paused_rows(self) -> list[PausedRow]:
        return self._paused

    def paused_at(self, index: Index) -> PausedRow | None:
        """The paused journey at `index`, None for a step or a group."""
        if not index.isValid() or index.internalId() != PAUSED:
            return None
        return self._paused[index.row()] if 0 <= index.row() < len(self._paused) else None

    def paused_group_index(self) -> QModelIndex:
        return self.createIndex(PAUSED, 0, NO_PARENT)

    def row_at(self, index: Index) -> TodayRow | None:
        if not index.isValid() or index.internalId() in (NO_PARENT, PAUSED):
            return None
        rows = self._groups[GROUPS[index.internalId()]]
        return rows[index.row()] if 0 <= index.row() < len(rows) else None

    def index_of(self, step_id: int) -> QModelIndex:
        """The step's row, read up to it if it is further on than read so far; invalid
        when it is not on the list."""
        found = self._find(step_id)
        if found.isValid():
            return found
        step = self._source().due_step(step_id)
        if step is None or step.owner not in GROUPS:
            return QModelIndex()
        position = GROUPS.index(step.owner)
        self._read_more(position, through=step)
        return self._find(step_id)

    def _find(self, step_id: int) -> QModelIndex:
        for position, owner in enumerate(GROUPS):
            for row, found in enumerate(self._groups[owner]):
                if found.step_id == step_id:
                    return self.createIndex(row, 0, position)
        return QModelIndex()

    # -- rows handed to the tree -------------------------------------------------------------
    def _total(self, group: int) -> int:
        return len(self._paused) if group == PAUSED else self._counts[GROUPS[group]].due

    def shown(self, group: int) -> int:
        """How many of the group's rows the tree has (the rest come as they are reached)."""
        return self._shown_paused if group == PAUSED else len(self._groups[GROUPS[group]])

    def show_through(self, group: int, row: int) -> None:
        """Hand the tree the group's rows up to `row` (and a chunk more), if not yet."""
        shown, total = self.shown(group), self._total(group)
        if row < shown or shown >= total:
            return
        more = min(total, max(row + 1, shown + CHUNK))
        if group != PAUSED:
            self._read_more(group, limit=more - shown)
            return
        self.beginInsertRows(self.createIndex(group, 0, NO_PARENT), shown, more - 1)
        self._shown_paused = more
        self.endInsertRows()

    def _read_more(
        self, group: int, limit: int | None = None, through: TodayRow | None = None
    ) -> None:
        rows = self._groups[GROUPS[group]]
        more = self._source().due_rows(GROUPS[group], rows[-1] if rows else None, limit, through)
        if len(more) < (limit or 0):  # fewer than counted: changed since, a refresh follows
            count = self._counts[GROUPS[group]]
            self._counts[GROUPS[group]] = replace(count, due=len(rows) + len(more))
        if not more:
            return
        self.beginInsertRows(
            self.createIndex(group, 0, NO_PARENT), len(rows), len(rows) + len(more) - 1
        )
        rows.extend(more)
        self.endInsertRows()

    def has_more(self, group: int) -> bool:
        """Rows of the group not yet handed to the tree. (Not Qt's canFetchMore: the
        page alone decides when, from what is in view, never the view's layout.)"""
        return self.shown(group) < self._total(group)

    def group_index(self, owner: Owner) -> QModelIndex:
        return self.createIndex(GROUPS.index(owner), 0, NO_PARENT)

    # -- the model ---------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not parent.isValid():
            if 0 <= row <= PAUSED:
                return self.createIndex(row, column, NO_PARENT)
            return QModelIndex()
        group = parent.row()
        if parent.internalId() == NO_PARENT and 0 <= row < self._group_size(group):
            return self.createIndex(row, column, group)
        return QModelIndex()

    def _group_size(self, group: int) -> int:
        return self.shown(group)

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid() or child.internalId() == NO_PARENT:
            return QModelIndex()
        return self.createIndex(int(child.internalId()), 0, NO_PARENT)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return PAUSED + 1
        if parent.internalId() == NO_PARENT and parent.column() == 0:
            return self._group_size(parent.row())
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 5

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _GROUP_FLAGS if index.internalId() == NO_PARENT else _ROW_FLAGS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (tr("Client"), tr("Step"), tr("Phase"), tr("Due"), tr("Late"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ANSWERED or not index.isValid():
            return None
        if index.internalId() == NO_PARENT:
            if index.row() == PAUSED:
                return self._paused_group_data(index.column(), role)
            return self._group_data(GROUPS[index.row()], index.column(), role)
        if index.internalId() == PAUSED:
            paused = self.paused_at(index)
            return None if paused is None else self._paused_data(paused, index.column(), role)
        row = self.row_at(index)
        if row is None:
            return None
        if role == ROW_ROLE:
            return row
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole text of a cut cell, never markup
            return literal_rich_text([self._cell(row, column)]) if self._cell(row, column) else None
        if role == Qt.ItemDataRole.AccessibleTextRole and column == CLIENT:
            return "; ".join(part for part in (self._cell(row, c) for c in range(5)) if part)
        if role == Qt.ItemDataRole.ForegroundRole and column in (DUE, LATE):
            return self._tone(row)
        if role == Qt.ItemDataRole.DecorationRole and column == STEP:
            return icon("sparkle") if row.is_touchpoint else None
        return None

    def _group_data(self, owner: Owner, column: int, role: int) -> Any:
        counted = self._counts[owner]
        if role == Qt.ItemDataRole.DisplayRole and column == CLIENT:
            late = counted.overdue
            count = tr("{n} due").format(n=counted.due) if counted.due else tr("nothing due")
            if late:  # "overdue" is your own lateness; a client's or third party's is "late"
                words = tr("{n} overdue") if owner is Owner.ME else tr("{n} late")
                count += " · " + words.format(n=late)
            return f"{group_title(owner)} · {count}"
        if role == Qt.ItemDataRole.FontRole:
            font = QFont(QApplication.font())
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.DecorationRole and column == CLIENT:
            return icon(text.owner_icon_name(owner))
        return None

    def _paused_group_data(self, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and column == CLIENT:
            today = self._today()
            due = sum(row.resume_due(today) for row in self._paused)
            count = (
                tr("1 journey") if len(self._paused) == 1
                else tr("{n} journeys").format(n=len(self._paused))
            )  # fmt: skip
            if due:
                count += " · " + tr("{n} to resume").format(n=due)
            return f"{tr('Paused')} · {count}"
        if role == Qt.ItemDataRole.FontRole:
            font = QFont(QApplication.font())
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.DecorationRole and column == CLIENT:
            return icon("step_open")
        return None

    def _paused_data(self, row: PausedRow, column: int, role: int) -> Any:
        if role == PAUSED_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self._paused_cell(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [text.paused_line(row.paused_on, row.reason, row.resume_on)]
            return literal_rich_text(lines)
        if role == Qt.ItemDataRole.AccessibleTextRole and column == CLIENT:
            cells = (self._paused_cell(row, c) for c in range(5))
            return "; ".join(part for part in cells if part)
        if role == Qt.ItemDataRole.ForegroundRole:
            due = row.resume_due(self._today())
            if due and column in (STEP, DUE, LATE):
                return QBrush(semantic(QApplication.palette()).warning)
            if not due:  # only waiting: dimmed, as its card on the board
                return QBrush(QApplication.palette().color(QPalette.ColorRole.PlaceholderText))
        return None

    def _paused_cell(self, row: PausedRow, column: int) -> str:
        today = self._today()
        if column == CLIENT:
            return row.client_name
        if column == STEP:
            if row.resume_due(today) and row.resume_on is not None:
                return text.WORDS.resume_reminder(
                    row.client_name, row.offer_name, row.resume_on, today
                )
            return text.paused_line(row.paused_on, row.reason, None)
        if column == PHASE:
            return row.phase_name
        if column == DUE:
            return text.short_date(row.resume_on, today)
        late = (today - row.resume_on).days if row.resume_on else 0
        return text.days(late) if late > 0 else ""

    def _cell(self, row: TodayRow, column: int) -> str:
        if column == CLIENT:
            return row.client_name
        if column == STEP:  # a session with a time reads "10:00–11:00 Session 2"
            if row.kind is StepKind.SESSION:
                return text.timed_step(row.step_title, row.session_time, row.session_minutes)
            return row.step_title
        if column == PHASE:
            return row.phase_name
        if column == DUE:
            return text.short_date(row.due_on, self._today())
        return text.days(row.days_late) if row.timing is Timing.OVERDUE else ""

    def _tone(self, row: TodayRow) -> QBrush | None:
        palette = QApplication.palette()
        if row.timing is Timing.OVERDUE:
            colors = semantic(palette)
            return QBrush(colors.danger if row.owner is Owner.ME else colors.warning)
        if row.timing is Timing.THIS_WEEK:
            return QBrush(palette.color(QPalette.ColorRole.PlaceholderText))
        return None
