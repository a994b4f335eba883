"""Undoable offer actions on the window's one stack: create (from scratch, a template, a
copy or a file), archive, save a design, and apply a design to active clients.

Each keeps what its service returned, which is all its undo needs (see undo_commands.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from deliverydesk.model.rules.offer_design import OfferSpec
from deliverydesk.services.changes import Result
from deliverydesk.services.offers.offer_apply import AppliedDesign
from deliverydesk.services.offers.offer_design import SavedOffer
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.undo_commands import ServiceCommand


class CreateOfferCommand(ServiceCommand):
    """A new offer made by `create` (blank, template, duplicate, import); undo removes it.
    Redo makes it again, under a new id: read `offer_id` after each."""

    def __init__(
        self,
        workspace: Workspace,
        events: AppEvents,
        text: str,
        create: Callable[[], Result[int]],
    ) -> None:
        super().__init__(workspace, events, text)
        self._create = create
        self.offer_id: int | None = None

    def redo(self) -> None:
        self.offer_id = self._run(self._create)

    def undo(self) -> None:
        if self.offer_id is not None:
            offer_id = self.offer_id
            self._run(lambda: self.workspace.offers.delete_offer(offer_id))


class ArchiveOfferCommand(ServiceCommand):
    def __init__(
        self, workspace: Workspace, events: AppEvents, text: str, offer_id: int, archived: bool
    ) -> None:
        super().__init__(workspace, events, text)
        self.offer_id, self.archived = offer_id, archived

    def redo(self) -> None:
        self._run(lambda: self.workspace.offers.set_offer_archived(self.offer_id, self.archived))

    def undo(self) -> None:
        self._run(
            lambda: self.workspace.offers.set_offer_archived(self.offer_id, not self.archived)
        )


class SaveOfferCommand(ServiceCommand):
    """Store an edited design as the offer's next revision. Undo puts the previous design
    back (as a newer revision, ids kept); redo puts the saved one back the same way."""

    def __init__(
        self, workspace: Workspace, events: AppEvents, text: str, offer_id: int, spec: OfferSpec
    ) -> None:
        super().__init__(workspace, events, text)
        self.offer_id, self.spec = offer_id, spec
        self.saved: SavedOffer | None = None  # what undo() hands to undo_save_offer
        self._undone: SavedOffer | None = None  # what redo() hands back after an undo

    def redo(self) -> None:
        if self._undone is None:
            saved = self._run(lambda: self.workspace.offers.save_offer(self.offer_id, self.spec))
            if saved is not None and not saved.changed:
                self.setObsolete(True)  # the same design: nothing to undo
        else:
            undone = self._undone
            saved = self._run(lambda: self.workspace.offers.undo_save_offer(undone))
        if saved is not None:
            self.saved = saved

    def undo(self) -> None:
        if self.saved is not None:
            saved = self.saved
            undone = self._run(lambda: self.workspace.offers.undo_save_offer(saved))
            if undone is not None:
                self._undone = undone


class ApplyToJourneysCommand(ServiceCommand):
    """Bring the ticked journeys up to the offer's current design; one undo reverts all."""

    def __init__(
        self,
        workspace: Workspace,
        events: AppEvents,
        text: str,
        offer_id: int,
        journey_ids: Iterable[int],
    ) -> None:
        super().__init__(workspace, events, text)
        self.offer_id = offer_id
        self.journey_ids = tuple(journey_ids)
        self.applied: AppliedDesign | None = None

    def redo(self) -> None:
        self.applied = self._run(
            lambda: self.workspace.offers.apply_to_journeys(self.offer_id, self.journey_ids)
        )

    def undo(self) -> None:
        if self.applied is not None:
            applied = self.applied
            self._run(lambda: self.workspace.offers.revert_apply(applied))
