"""The client list read a page at a time: every client's place in the list's first order
(by name), and the rows of only the first clients; the rest as the list is scrolled, or
all at once when a search, a filter or another order needs them. At 5,000 clients the
whole list cost ~75 ms (its statement ~47, the rows and their health ~25) before the
first paint, for the ~30 rows a person sees."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import bindparam, text

from deliverydesk.services.context import Context
from deliverydesk.services.views.queries import rows_for_clients
from deliverydesk.services.views.rows import JourneyRow


def name_order(name: str, company: str) -> str:
    """The list's order by name: the Client cell's words ("Anna Berg · Berg & Co"),
    case aside (the list model sorts by the same key)."""
    return (f"{name} · {company}" if company else name).casefold()


@dataclass(frozen=True, slots=True)
class ClientListStart:
    """What the list shows first, and what it tells of the clients not read yet."""

    order: tuple[tuple[str, int], ...]  # every current client (key, id), by name_order
    journeys: int  # the journeys they have had (any but one taken back), for the count
    first: tuple[JourneyRow, ...]  # the rows of the first clients of `order`
    offers: tuple[tuple[int, str], ...]  # (id, name) of every offer a row shows, by name
    longest_names: tuple[str, ...]  # what the Client column must make room for
    due_years: tuple[int, ...]  # the years an open step is due in (the Due column's width)


_CLIENTS = text("SELECT id, name, company FROM client WHERE NOT archived")
_SOME_CLIENTS = text(
    "SELECT id, name, company FROM client WHERE NOT archived AND id IN :ids"
).bindparams(bindparam("ids", expanding=True))
_JOURNEYS = text(
    """
SELECT count(*) FROM journey JOIN client ON client.id = journey.client_id
WHERE NOT client.archived AND journey.status != 'withdrawn'
"""
)
# The offers of the journeys the list shows: each running one, else a client's latest.
_OFFERS = text(
    """
SELECT DISTINCT j.offer_id, j.offer_name
FROM journey AS j JOIN client ON client.id = j.client_id
WHERE NOT client.archived AND j.status NOT IN ('archived', 'withdrawn')
  AND (j.status IN ('active', 'paused') OR NOT EXISTS (
       SELECT 1 FROM journey AS k
       WHERE k.client_id = j.client_id AND k.status NOT IN ('archived', 'withdrawn')
         AND (k.status IN ('active', 'paused') OR k.id > j.id)))
"""
)
_LONGEST = text("SELECT name FROM client WHERE NOT archived ORDER BY length(name) DESC LIMIT 20")
# Each end of the open steps' index (min() and max() together would read all of it).
_FIRST_DUE = text(
    "SELECT due_on FROM journey_step WHERE completed_on IS NULL ORDER BY due_on LIMIT 1"
)
_LAST_DUE = text(
    "SELECT due_on FROM journey_step WHERE completed_on IS NULL ORDER BY due_on DESC LIMIT 1"
)


def client_list_start(ctx: Context, clients: int) -> ClientListStart:
    """The order of every current client and the rows of the first `clients` of them."""
    with ctx.db.engine.connect() as connection:
        named = list(connection.execute(_CLIENTS).all())
        journeys = connection.execute(_JOURNEYS).scalar() or 0
        offers = connection.execute(_OFFERS).all()
        longest = connection.execute(_LONGEST).scalars().all()
        ends = [connection.execute(s).scalar() for s in (_FIRST_DUE, _LAST_DUE)]
    order = sorted((name_order(name, company), client) for client, name, company in named)
    years = sorted({date.fromisoformat(end).year for end in ends if end})
    return ClientListStart(
        tuple(order),
        journeys,
        tuple(rows_for_clients(ctx, [client for _key, client in order[:clients]])),
        _by_name(offers),
        tuple(longest),
        tuple(range(years[0], years[-1] + 1)) if years else (),
    )


def _by_name(offers: Iterable[Any]) -> tuple[tuple[int, str], ...]:
    return tuple(sorted(((i, n) for i, n in offers), key=lambda o: (o[1].casefold(), o[0])))


@dataclass(frozen=True, slots=True)
class ClientListUpdate:
    """What changed clients bring to a list that reads a page at a time."""

    entries: tuple[tuple[str, int], ...]  # (key, id) of those still listed
    rows: tuple[JourneyRow, ...]  # their rows
    journeys: int  # of every current client, as in ClientListStart
    offers: tuple[tuple[int, str], ...]


def client_list_update(ctx: Context, client_ids: Iterable[int]) -> ClientListUpdate:
    """The places and rows of these clients, and the counts they may have changed
    (~5 ms at XL, where reading the start again cost ~15)."""
    ids = list(client_ids)
    with ctx.db.engine.connect() as connection:
        named = connection.execute(_SOME_CLIENTS, {"ids": ids}).all() if ids else []
        journeys = connection.execute(_JOURNEYS).scalar() or 0
        offers = connection.execute(_OFFERS).all()
    return ClientListUpdate(
        tuple(sorted((name_order(name, company), client) for client, name, company in named)),
        tuple(rows_for_clients(ctx, ids)),
        journeys,
        _by_name(offers),
    )
