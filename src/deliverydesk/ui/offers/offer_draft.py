"""The design being edited: an OfferSpec draft with its own undo stack.

Every edit replaces the whole (frozen) design, so undo is a snapshot swap. Typing in one
field merges into one undo step; adding, renaming, moving or deleting is one step each.
Nothing reaches the database until the editor saves (SaveOfferCommand, on the window's
stack).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from functools import cached_property

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from deliverydesk.model.rules.offer_design import OfferSpec
from deliverydesk.model.rules.offer_rules import Problem, offer_problems
from deliverydesk.ui.offers.draft_edits import Path

_MERGING = 1  # QUndoCommand.id() of edits that merge while typing in one field


class DesignState:
    """A design and what is wrong with it, worked out once per design."""

    def __init__(self, spec: OfferSpec) -> None:
        self.spec = spec

    @cached_property
    def problems(self) -> list[Problem]:
        return offer_problems(self.spec)

    @cached_property
    def blocking(self) -> list[Problem]:
        return [p for p in self.problems if p.blocks_saving]


class OfferDraft(QObject):
    """Signals:
    changed(object): the design changed (an edit, an undo, a load); the argument is the
        journey-tree path to select afterwards, or None to keep the selection.
    """

    changed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stack = QUndoStack(self)
        self._state = DesignState(OfferSpec(""))
        self.base = self._state.spec
        # The editor says what is selected, so an undo can select it again.
        self.selection: Callable[[], Path | None] = lambda: None

    @property
    def spec(self) -> OfferSpec:
        return self._state.spec

    @property
    def state(self) -> DesignState:
        return self._state

    @property
    def dirty(self) -> bool:
        return self._state.spec != self.base

    def load(self, spec: OfferSpec) -> None:
        """Start editing `spec` afresh: it is what the offer holds; no draft history."""
        self.base = spec
        self.stack.clear()
        self._set(spec, None)

    def edit(
        self,
        spec: OfferSpec,
        text: str,
        *,
        select: Path | None = None,
        merge: Hashable | None = None,
    ) -> None:
        """Make `spec` the draft as one undoable step (merged with the previous one when
        both carry the same `merge` key: one field typed into)."""
        if spec == self._state.spec:
            return
        before = self.selection()
        self.stack.push(DraftEdit(self, self._state.spec, spec, text, before, select, merge))

    def _set(self, spec: OfferSpec, select: Path | None) -> None:
        if spec != self._state.spec:
            self._state = DesignState(spec)
        self.changed.emit(select)


class DraftEdit(QUndoCommand):
    def __init__(
        self,
        draft: OfferDraft,
        before: OfferSpec,
        after: OfferSpec,
        text: str,
        select_before: Path | None,
        select_after: Path | None,
        merge: Hashable | None,
    ) -> None:
        super().__init__(text)
        self.draft = draft
        self.before, self.after = before, after
        self.select_before, self.select_after = select_before, select_after
        self.merge = merge

    def id(self) -> int:
        return _MERGING if self.merge is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, DraftEdit) or other.merge != self.merge:
            return False
        self.after, self.select_after = other.after, other.select_after
        return True

    def redo(self) -> None:
        self.draft._set(self.after, self.select_after)

    def undo(self) -> None:
        self.draft._set(self.before, self.select_before)
