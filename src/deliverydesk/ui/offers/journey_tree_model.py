"""The designed journey as a tree: phases, each with its steps, read from the draft.

Two levels, addressed by internalId (0 for a phase, phase row + 1 for a step), so the
model holds no Python objects behind its indexes. Renaming, dropping and moving go
through the draft (one undoable edit each); the tree follows the draft's `changed`
signal: a design of the same shape repaints in place, another shape resets the model.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from deliverydesk.model.rules.offer_design import OfferSpec
from deliverydesk.model.rules.offer_rules import Problem
from deliverydesk.ui.core import text
from deliverydesk.ui.core.text import literal_rich_text, problem_words, tr
from deliverydesk.ui.look.icons import icon
from deliverydesk.ui.offers import draft_edits as edits
from deliverydesk.ui.offers.draft_edits import Path
from deliverydesk.ui.offers.offer_draft import OfferDraft
from deliverydesk.ui.offers.offer_words import days, effort, step_days, working_days
from deliverydesk.ui.offers.problem_marks import problem_icon, tree_paths

TITLE, KIND, OWNER, DAYS, EFFORT = range(5)
HEADERS = ("Phase or step", "Kind", "Who", "When", "Effort")
MIME = "application/x-deliverydesk-design-item"
AnyIndex = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()  # the invisible root, as a default argument
# Worked out once: flags are asked for every cell on every paint.
_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled
    | Qt.ItemFlag.ItemIsSelectable
    | Qt.ItemFlag.ItemIsDragEnabled
    | Qt.ItemFlag.ItemIsDropEnabled
)
_TITLE_FLAGS = _FLAGS | Qt.ItemFlag.ItemIsEditable
_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.EditRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.AccessibleDescriptionRole,
    }
)


def encode_path(path: Path) -> QMimeData:
    data = QMimeData()
    data.setData(MIME, QByteArray(",".join(map(str, path)).encode("ascii")))
    return data


def decode_path(data: QMimeData) -> Path | None:
    if not data.hasFormat(MIME):
        return None
    try:
        return tuple(int(n) for n in bytes(data.data(MIME).data()).decode("ascii").split(","))
    except ValueError:
        return None


class JourneyTreeModel(QAbstractItemModel):
    def __init__(self, draft: OfferDraft, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.draft = draft
        self.spec: OfferSpec = draft.spec
        self._problems: dict[Path, list[Problem]] = {}
        self._bold = QFont(QApplication.font())
        self._bold.setBold(True)

    # -- following the draft -----------------------------------------------------------------
    def follow(self) -> bool:
        """Show the draft's current design; True when the rows were rebuilt (the tree's
        selection and expansion must then be set again)."""
        spec = self.draft.spec
        problems = tree_paths(self.draft.state.problems)
        if _shape(spec) != _shape(self.spec):
            self.beginResetModel()
            self.spec, self._problems = spec, problems
            self.endResetModel()
            return True
        old, old_problems = self.spec, self._problems
        self.spec, self._problems = spec, problems
        # Only the rows that read differently repaint: typing a title touches one row.
        for p, (phase, was) in enumerate(zip(spec.phases, old.phases, strict=True)):
            if (phase.name, phase.planned_days) != (was.name, was.planned_days) or problems.get(
                (p,)
            ) != old_problems.get((p,)):
                self._changed(self.index(p, TITLE), self.index(p, EFFORT))
            parent = self.index(p, TITLE)
            for s, (step, before) in enumerate(zip(phase.steps, was.steps, strict=True)):
                if step != before or problems.get((p, s)) != old_problems.get((p, s)):
                    self._changed(self.index(s, TITLE, parent), self.index(s, EFFORT, parent))
        return False

    def _changed(self, first: QModelIndex, last: QModelIndex) -> None:
        self.dataChanged.emit(first, last)

    # -- addressing --------------------------------------------------------------------------
    def path_of(self, index: AnyIndex) -> Path | None:
        if not index.isValid():
            return None
        owner = index.internalId()
        return (index.row(),) if owner == 0 else (owner - 1, index.row())

    def index_of(self, path: Path | None, column: int = TITLE) -> QModelIndex:
        if edits.item_at(self.spec, path or ()) is None:
            return QModelIndex()
        assert path is not None
        if len(path) == 1:
            return self.index(path[0], column)
        return self.index(path[1], column, self.index(path[0], TITLE))

    def index(self, row: int, column: int, parent: AnyIndex = ROOT) -> QModelIndex:
        if column < 0 or column >= len(HEADERS) or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return (
                self.createIndex(row, column, 0) if row < len(self.spec.phases) else QModelIndex()
            )
        if parent.internalId() != 0:  # steps have no children
            return QModelIndex()
        phase = parent.row()
        if row >= len(self.spec.phases[phase].steps):
            return QModelIndex()
        return self.createIndex(row, column, phase + 1)

    def parent(self, child: AnyIndex = ROOT) -> QModelIndex:  # type: ignore[override]
        if not child.isValid() or child.internalId() == 0:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, TITLE, 0)

    def rowCount(self, parent: AnyIndex = ROOT) -> int:
        if not parent.isValid():
            return len(self.spec.phases)
        if parent.internalId() != 0 or parent.column() != TITLE:
            return 0
        return len(self.spec.phases[parent.row()].steps)

    def columnCount(self, parent: AnyIndex = ROOT) -> int:
        return len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(HEADERS[section])
        return None

    # -- reading -----------------------------------------------------------------------------
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid():
            return None  # the view asks for many roles; most have nothing here
        path = self.path_of(index)
        if path is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(path, column, role == Qt.ItemDataRole.EditRole)
        if column != TITLE:
            return None
        problems = self._problems.get(path)
        if role == Qt.ItemDataRole.DecorationRole:
            if problems:
                return problem_icon(problems, QApplication.palette())
            return self._mark(path)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(path, problems or [])
        if role == Qt.ItemDataRole.FontRole and len(path) == 1:
            return self._bold
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and problems:
            return " ".join(problem_words(p) for p in problems)
        return None

    def _tooltip(self, path: Path, problems: list[Problem]) -> str | None:
        lines = [problem_words(p) for p in problems]
        if len(path) == 2:
            step = self.spec.phases[path[0]].steps[path[1]]
            lines.insert(0, step.title)  # a long title is elided in its row
        else:
            phase = self.spec.phases[path[0]]
            count = len(phase.steps)
            steps = tr("1 step") if count == 1 else tr("{n} steps").format(n=count)
            lines.insert(0, f"{phase.name} · {working_days(phase.planned_days)} · {steps}")
        return literal_rich_text(lines) if lines else None

    def problems_at(self, path: Path) -> list[Problem]:
        return list(self._problems.get(path, ()))

    def _text(self, path: Path, column: int, editing: bool) -> str:
        phase = self.spec.phases[path[0]]
        if len(path) == 1:
            if column == TITLE:
                return phase.name if editing or phase.name.strip() else tr("(unnamed phase)")
            if column == DAYS:
                return days(phase.planned_days)
            return ""
        step = phase.steps[path[1]]
        if column == TITLE:
            return step.title if editing or step.title.strip() else tr("(untitled step)")
        if column == KIND:
            return text.kind_label(step.kind)
        if column == OWNER:
            return text.owner_label(step.owner)
        if column == DAYS:
            return step_days(step)
        return effort(step.effort_minutes)

    def _mark(self, path: Path) -> Any:
        if len(path) == 1:
            return None
        step = self.spec.phases[path[0]].steps[path[1]]
        if step.is_checkpoint:
            return icon("checkpoint")
        if step.is_milestone:
            return icon("milestone")
        if step.is_touchpoint:
            return icon("sparkle")
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled  # phases are dropped between phases
        return _TITLE_FLAGS if index.column() == TITLE else _FLAGS

    # -- editing -----------------------------------------------------------------------------
    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        path = self.path_of(index)
        if path is None or role != Qt.ItemDataRole.EditRole or index.column() != TITLE:
            return False
        name = str(value)
        what = tr("Rename phase") if len(path) == 1 else tr("Rename step")
        self.draft.edit(edits.rename(self.spec, path, name), what, select=path)
        return True

    # -- drag and drop -----------------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        path = next((self.path_of(i) for i in indexes if i.isValid()), None)
        return encode_path(path) if path is not None else QMimeData()

    def drop_target(
        self, data: QMimeData, row: int, parent: AnyIndex
    ) -> tuple[Path, int, int] | None:
        """Where a drop would put the dragged item: (source, phase, insertion row), the
        phase being -1 for a phase moved among phases; None when it cannot go there."""
        source = decode_path(data)
        if source is None or edits.item_at(self.spec, source) is None:
            return None
        target = self.path_of(parent)
        if len(source) == 1:  # a phase: between phases, or onto one (takes its place)
            if target is None:
                return source, -1, row if row >= 0 else len(self.spec.phases)
            if len(target) == 1 and row < 0:
                return source, -1, target[0] + (1 if target[0] > source[0] else 0)
            return None
        if target is None:
            return None  # a step needs a phase
        if len(target) == 1:  # into a phase, at `row` (or its end)
            return source, target[0], row
        # Onto a step: just after it, as a list's drop indicator reads.
        return source, target[0], target[1] + 1

    def canDropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: AnyIndex,
    ) -> bool:
        return (
            action == Qt.DropAction.MoveAction and self.drop_target(data, row, parent) is not None
        )

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: AnyIndex,
    ) -> bool:
        target = self.drop_target(data, row, parent)
        if action != Qt.DropAction.MoveAction or target is None:
            return False
        source, phase, at = target
        if phase < 0:
            spec, path = edits.move_phase(self.spec, source[0], at)
            self.draft.edit(spec, tr("Move phase"), select=path)
        else:
            spec, path = edits.move_step(self.spec, source, phase, at)
            self.draft.edit(spec, tr("Move step"), select=path)
        return True

    def removeRows(self, row: int, count: int, parent: AnyIndex = ROOT) -> bool:
        # A move is done in dropMimeData; the view's "remove the dragged rows" after a
        # move drop must not remove anything.
        return False


def _shape(spec: OfferSpec) -> tuple[int, ...]:
    return tuple(len(p.steps) for p in spec.phases)
