"""Read models: small frozen rows for lists and boards, each read in one statement."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import TextClause, bindparam, func, select, text

from deliverydesk.model.entities import Journey, Offer, OfferPhase
from deliverydesk.model.rules.enums import JourneyStatus
from deliverydesk.services.context import Context
from deliverydesk.services.views.rows import JourneyRow, OfferSummary, journey_row
from deliverydesk.store.board_columns import ON_BOARD, board_sql

# The same declared columns the first board reads with plain sqlite3 (store/snapshot.py).
_LIST_ORDER = (
    "CASE WHEN journey.status = 'active' THEN 0 ELSE 1 END, "
    "lower(client.name), client.id, journey.id"
)
_RUNNING = (JourneyStatus.ACTIVE, JourneyStatus.PAUSED)
# A client not enrolled yet is listed too (every_client).
_CLIENT_LIST = text(board_sql("NOT client.archived", every_client=True, order_by=_LIST_ORDER))
# An archived client (in the trash) has no row: a refresh by id takes theirs away.
_CLIENTS = text(
    board_sql("client.id IN :ids AND NOT client.archived", every_client=True, order_by=_LIST_ORDER)
).bindparams(bindparam("ids", expanding=True))
# Boards read unsorted: each column sorts itself, and sorting here cost 26 ms at XL.
_BOARD = text(board_sql(ON_BOARD))
_OFFER_BOARD = text(board_sql(f"{ON_BOARD} AND journey.offer_id = :offer"))
# Every listed journey of a current client, one row each (the spreadsheet export's).
_LISTED_JOURNEYS = text(
    board_sql(
        "NOT client.archived AND journey.status NOT IN ('archived', 'withdrawn')",
        order_by=_LIST_ORDER,
    )
)
_JOURNEYS = text(board_sql("journey.id IN :ids")).bindparams(bindparam("ids", expanding=True))


def client_rows(ctx: Context) -> list[JourneyRow]:
    """Every current client, active ones first, then by name: a row for each running
    journey, else one for their latest journey (or none yet), with their journey count."""
    return _client_rows(ctx, _CLIENT_LIST)


def board_rows(ctx: Context, offer_id: int | None = None) -> list[JourneyRow]:
    """The active and paused journeys of one offer (or of every offer): a board's cards."""
    if offer_id is None:
        return _rows(ctx, _BOARD)
    return _rows(ctx, _OFFER_BOARD, {"offer": offer_id})


def listed_journeys(ctx: Context) -> list[JourneyRow]:
    """Every journey a list shows, of every current client (ended ones too): running
    ones first, then by name."""
    return _rows(ctx, _LISTED_JOURNEYS)


def rows_for_journeys(ctx: Context, journey_ids: Iterable[int]) -> list[JourneyRow]:
    """Fresh rows for just these journeys (any status), to refresh what a change touched."""
    ids = list(journey_ids)
    return _rows(ctx, _JOURNEYS, {"ids": ids}) if ids else []


def rows_for_clients(ctx: Context, client_ids: Iterable[int]) -> list[JourneyRow]:
    """Fresh client-list rows for these clients (each listed journey, or one row without;
    none for a client in the trash)."""
    ids = list(client_ids)
    return _client_rows(ctx, _CLIENTS, {"ids": ids}) if ids else []


def _client_rows(
    ctx: Context, statement: TextClause, parameters: Mapping[str, Any] | None = None
) -> list[JourneyRow]:
    """One row per client, or one per running journey for a client in several at once
    (each has its own next step); a returning client's ended journeys fold into it."""
    kept: dict[int, list[JourneyRow]] = {}
    for row in _rows(ctx, statement, parameters):
        rows = kept.setdefault(row.client_id, [])
        if not rows:
            rows.append(row)
        elif row.status in _RUNNING:
            if rows[0].status not in _RUNNING:
                rows.clear()
            rows.append(row)
        elif rows[0].status not in _RUNNING and (row.journey_id or 0) > (rows[0].journey_id or 0):
            rows[0] = row  # the latest of the ended ones
    return [row for rows in kept.values() for row in rows]


def _rows(
    ctx: Context, statement: TextClause, parameters: Mapping[str, Any] | None = None
) -> list[JourneyRow]:
    today = ctx.clock.today()
    with ctx.db.engine.connect() as connection:
        result = connection.execute(statement, parameters or {}).all()
    return [journey_row(r, today) for r in result]


def offer_summaries(ctx: Context) -> list[OfferSummary]:
    with ctx.db.engine.connect() as connection:
        offers = connection.execute(
            select(Offer.id, Offer.name, Offer.promise)
            .where(Offer.archived.is_(False))
            .order_by(Offer.position, Offer.id)
        ).all()
        phases = connection.execute(
            select(OfferPhase.offer_id, OfferPhase.name).order_by(
                OfferPhase.offer_id, OfferPhase.position
            )
        ).all()
        counts = dict(
            connection.execute(
                select(Journey.offer_id, func.count())
                .where(Journey.status == JourneyStatus.ACTIVE)
                .group_by(Journey.offer_id)
            ).all()
        )
    names: dict[int, list[str]] = {}
    for offer_id, name in phases:
        names.setdefault(offer_id, []).append(name)
    return [
        OfferSummary(o.id, o.name, o.promise, tuple(names.get(o.id, ())), counts.get(o.id, 0))
        for o in offers
    ]
