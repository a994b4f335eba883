"""What a previewed document is about (a client, or an offer for a blank template), so
the preview can tell which announced changes concern it and whether its client is gone."""

from __future__ import annotations

from deliverydesk.services.changes import Aspect, Changes
from deliverydesk.services.errors import NotFound
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.text import tr


class Subject:
    def __init__(
        self, workspace: Workspace, *, client_id: int | None, offer_id: int | None
    ) -> None:
        self._ws = workspace
        self.client_id, self.offer_id = client_id, offer_id
        # The client's journeys and their offers, as last looked up (see gone()).
        self.journeys: frozenset[int] = frozenset()
        self.offers: frozenset[int] = frozenset()

    def concerns(self, changes: Changes) -> bool:
        """True when `changes` may change what the document says."""
        if changes.touches(Aspect.PRACTICE | Aspect.BRAND):  # the practice's name and brand
            return True
        if self.client_id is not None:
            return (
                self.client_id in changes.clients
                or bool(changes.journeys & self.journeys)
                or (bool(changes.offers & self.offers) and changes.touches(Aspect.OFFER))
            )
        return self.offer_id in changes.offers and changes.touches(Aspect.OFFER)

    def gone(self) -> str:
        """Why the client's document should not be made again ("" when it can be: then
        the client's journeys and offers are looked up afresh)."""
        if self.client_id is None:
            return ""
        try:
            client = self._ws.clients.client_details(self.client_id)
        except NotFound:
            client = None
        if client is None or client.archived:
            return tr(
                "This client no longer exists (deleted or moved to the trash); the preview "
                "shows the document as it was."
            )
        self.journeys = frozenset(j.journey_id for j in client.journeys)
        self.offers = frozenset(j.offer_id for j in client.journeys if j.offer_id is not None)
        return ""
