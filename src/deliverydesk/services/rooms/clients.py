"""Clients: their details and rows, enrolment in an offer, the trash.

A room of the Workspace (`ws.clients`): each method is one use case on the open practice.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from deliverydesk.model.rules.fit import RightFit
from deliverydesk.model.rules.under_way import Reached
from deliverydesk.services.changes import Result
from deliverydesk.services.clients import capacity, client_journeys, client_lookup, clients, trash
from deliverydesk.services.journeys import under_way
from deliverydesk.services.rooms.room import Room
from deliverydesk.services.views import client_pages, queries
from deliverydesk.services.views.rows import JourneyRow


class ClientsRoom(Room):
    # -- reading ---------------------------------------------------------------------------
    def client_rows(self) -> list[JourneyRow]:
        return queries.client_rows(self._ctx)

    def client_list_start(self, clients: int) -> client_pages.ClientListStart:
        return client_pages.client_list_start(self._ctx, clients)

    def client_list_update(self, client_ids: Iterable[int]) -> client_pages.ClientListUpdate:
        return client_pages.client_list_update(self._ctx, client_ids)

    def rows_for_clients(self, client_ids: Iterable[int]) -> list[JourneyRow]:
        return queries.rows_for_clients(self._ctx, client_ids)

    def journeys_of_client(self, client_id: int) -> list[client_journeys.ClientJourney]:
        return client_journeys.client_journeys(self._ctx, client_id)

    def client_details(self, client_id: int) -> client_lookup.ClientDetails:
        return client_lookup.client_details(self._ctx, client_id)

    def similar_clients(
        self, name: str, exclude_id: int | None = None
    ) -> list[client_lookup.SimilarClient]:
        return client_lookup.similar_clients(self._ctx, name, exclude_id)

    def client_choices(self) -> list[client_lookup.ClientChoice]:
        return client_lookup.client_choices(self._ctx)

    # -- changing --------------------------------------------------------------------------
    def add_client(self, data: clients.ClientInput) -> Result[int]:
        return clients.add_client(self._ctx, data)

    def update_client(
        self, client_id: int, data: clients.ClientInput
    ) -> Result[clients.ClientInput]:
        return clients.update_client(self._ctx, client_id, data)

    def remove_client(self, client_id: int) -> Result[None]:
        return clients.remove_client(self._ctx, client_id)

    def restore_client(self, client_id: int) -> Result[None]:
        return clients.restore_client(self._ctx, client_id)

    # -- enrolment -------------------------------------------------------------------------
    def offer_checklist(self, offer_id: int) -> RightFit:
        return client_lookup.offer_checklist(self._ctx, offer_id)

    def capacity_preview(
        self, offer_id: int, start_on: date, reached: Reached | None = None
    ) -> capacity.CapacityPreview:
        return capacity.capacity_preview(self._ctx, offer_id, start_on, reached=reached)

    def enrol_client(
        self,
        client_id: int,
        offer_id: int,
        start_on: date,
        fit_answers: Mapping[str, bool] | None = None,
        reached: Reached | None = None,
    ) -> Result[int]:
        return clients.enrol_client(self._ctx, client_id, offer_id, start_on, fit_answers, reached)

    def offer_plan(self, offer_id: int, start_on: date) -> tuple[under_way.PlannedPhase, ...]:
        return under_way.offer_plan(self._ctx, offer_id, start_on)

    def unenrol(self, journey_id: int) -> Result[None]:
        return clients.unenrol(self._ctx, journey_id)

    def reinstate_enrolment(self, journey_id: int) -> Result[int]:
        return clients.reinstate_enrolment(self._ctx, journey_id)

    # -- the trash -------------------------------------------------------------------------
    def archive_client(self, client_id: int) -> Result[int]:
        return trash.archive_client(self._ctx, client_id)

    def restore_from_trash(self, client_id: int) -> Result[int]:
        return trash.restore_from_trash(self._ctx, client_id)

    def trashed_clients(self) -> list[trash.TrashedClient]:
        return trash.trashed_clients(self._ctx)

    def empty_trash(self) -> Result[int]:
        return trash.empty_trash(self._ctx)
