"""Reading clients: one client's details and journeys, and finding clients by name."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from deliverydesk.model.entities import Client, Journey, Offer
from deliverydesk.model.rules import text_fold
from deliverydesk.model.rules.enums import JourneyStatus
from deliverydesk.model.rules.fit import RightFit
from deliverydesk.model.rules.text_rules import single_line
from deliverydesk.services.clients.clients import ClientInput
from deliverydesk.services.context import Context
from deliverydesk.services.errors import NotFound
from deliverydesk.wording import RefusalCode


def fold(text: str) -> str:
    """A name as people compare names: accents, case and runs of spaces ignored
    ("  PRIYA  Garcia" and "Priya García" fold alike); the board's search fold, spaced."""
    return " ".join(text_fold.fold(text).split())


@dataclass(frozen=True, slots=True)
class ClientJourney:
    journey_id: int
    offer_id: int | None
    offer_name: str
    status: JourneyStatus
    start_on: date
    ended_on: date | None
    fit_score: int | None  # the right-fit score at enrolment, None when not answered


@dataclass(frozen=True, slots=True)
class ClientDetails:
    id: int
    name: str
    company: str
    email: str
    phone: str
    notes: str
    right_fit: dict[str, bool] = field(hash=False)
    archived: bool
    created_at: datetime
    journeys: tuple[ClientJourney, ...]  # oldest first; undone enrolments left out

    def as_input(self) -> ClientInput:
        """The details as an edit dialog starts them."""
        return ClientInput(
            self.name, self.company, self.email, self.phone, self.notes, dict(self.right_fit)
        )


def _score(fit: dict[str, Any]) -> int | None:
    score = fit.get("score") if isinstance(fit, dict) else None
    return score if isinstance(score, int) else None


def client_details(ctx: Context, client_id: int) -> ClientDetails:
    with ctx.db.sessions() as session:
        client = session.get(Client, client_id)
        if client is None:
            raise NotFound(RefusalCode.CLIENT_GONE)
        journeys = session.execute(
            select(
                Journey.id,
                Journey.offer_id,
                Journey.offer_name,
                Journey.status,
                Journey.start_on,
                Journey.ended_on,
                Journey.fit,
            )
            .where(Journey.client_id == client_id, Journey.status != JourneyStatus.WITHDRAWN)
            .order_by(Journey.start_on, Journey.id)
        ).all()
        return ClientDetails(
            id=client.id,
            name=client.name,
            company=client.company,
            email=client.email,
            phone=client.phone,
            notes=client.notes,
            right_fit={str(k): bool(v) for k, v in client.right_fit.items()},
            archived=client.archived,
            created_at=client.created_at,
            journeys=tuple(
                ClientJourney(j_id, offer_id, offer, status, start, ended, _score(fit))
                for j_id, offer_id, offer, status, start, ended, fit in journeys
            ),
        )


@dataclass(frozen=True, slots=True)
class SimilarClient:
    id: int
    name: str
    company: str
    email: str


def similar_clients(ctx: Context, name: str, exclude_id: int | None = None) -> list[SimilarClient]:
    """Current clients whose name is `name` but for accents, case and spacing: the UI
    flags "a client with this name exists" and shows their company to tell them apart."""
    wanted = fold(name)
    if not wanted:
        return []
    with ctx.db.engine.connect() as connection:
        rows = connection.execute(
            select(Client.id, Client.name, Client.company, Client.email)
            .where(Client.archived.is_(False))
            .order_by(Client.id)
        ).all()
    return [SimilarClient(*row) for row in rows if row[0] != exclude_id and fold(row[1]) == wanted]


def clients_named(ctx: Context, name_or_email: str) -> list[SimilarClient]:
    """Clients an exact name or e-mail address (ignoring case and accents) points at: what
    the command line resolves CLIENT with."""
    wanted = fold(name_or_email)
    with ctx.db.engine.connect() as connection:
        rows = connection.execute(
            select(Client.id, Client.name, Client.company, Client.email)
            .where(Client.archived.is_(False))
            .order_by(Client.id)
        ).all()
    by_name = [SimilarClient(*r) for r in rows if fold(r[1]) == wanted]
    return by_name or [SimilarClient(*r) for r in rows if r[3] and fold(r[3]) == wanted]


@dataclass(frozen=True, slots=True)
class OfferName:
    id: int
    name: str


def offers_named(ctx: Context, name: str) -> list[OfferName]:
    """Current (not archived) offers called `name`, ignoring case and accents, and read as
    one line (an offer saved with a line break or a bidi control before they were
    cleaned on save still answers to its name)."""
    wanted = fold(single_line(name))
    with ctx.db.engine.connect() as connection:
        rows = connection.execute(
            select(Offer.id, Offer.name).where(Offer.archived.is_(False)).order_by(Offer.id)
        ).all()
    return [OfferName(*row) for row in rows if fold(single_line(row[1])) == wanted]


def offer_checklist(ctx: Context, offer_id: int) -> RightFit:
    """The offer's right-fit checklist, for the enrolment wizard to ask and score
    (model.fit.fit_score) before enrolling."""
    with ctx.db.engine.connect() as connection:
        stored = connection.execute(select(Offer.right_fit).where(Offer.id == offer_id)).first()
    if stored is None:
        raise NotFound(RefusalCode.OFFER_GONE)
    return RightFit.from_json(stored[0])


@dataclass(frozen=True, slots=True)
class ClientChoice:
    """A client the enrolment wizard offers to pick: who, and which offers they are on."""

    id: int
    name: str
    company: str
    email: str
    live_offers: frozenset[int]  # offers with an active or paused journey of theirs
    ended_journeys: int  # journeys completed, cancelled or archived: a returning client


_LIVE = (JourneyStatus.ACTIVE, JourneyStatus.PAUSED)


def client_choices(ctx: Context) -> list[ClientChoice]:
    """Every current client, by name (accents and case ignored), for the enrolment wizard:
    two light queries, so a practice of thousands lists at once."""
    with ctx.db.engine.connect() as connection:
        clients = connection.execute(
            select(Client.id, Client.name, Client.company, Client.email).where(
                Client.archived.is_(False)
            )
        ).all()
        journeys = connection.execute(
            select(Journey.client_id, Journey.offer_id, Journey.status).where(
                Journey.status != JourneyStatus.WITHDRAWN
            )
        ).all()
    live: dict[int, set[int]] = {}
    ended: dict[int, int] = {}
    for client_id, offer_id, status in journeys:
        if status in _LIVE:
            if offer_id is not None:
                live.setdefault(client_id, set()).add(offer_id)
        else:
            ended[client_id] = ended.get(client_id, 0) + 1
    choices = [
        ClientChoice(
            client_id,
            name,
            company,
            email,
            frozenset(live.get(client_id, ())),
            ended.get(client_id, 0),
        )
        for client_id, name, company, email in clients
    ]
    choices.sort(key=lambda c: (fold(c.name), c.company.casefold(), c.id))
    return choices
