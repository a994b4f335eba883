"""Shared by the offer tests: a practice, a small offer design, and looks at the raw tables."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date
from typing import Any

from deliverydesk.services.clients.clients import ClientInput, add_client, enrol_client
from deliverydesk.services.context import Context
from deliverydesk.services.practice.practice import create_practice

MON_FRI = frozenset({1, 2, 3, 4, 5})
MONDAY = date(2026, 11, 23)  # the pinned "today" of the ctx fixture


def new_practice(ctx: Context) -> Context:
    create_practice(ctx, "North Star Coaching", 30, MON_FRI, owner_name="Jo")
    return ctx


def enrol(ctx: Context, offer_id: int, name: str = "Ana Souza", start: date = MONDAY) -> int:
    client_id = add_client(ctx, ClientInput(name)).value
    return enrol_client(ctx, client_id, offer_id, start).value


def dump(ctx: Context) -> list[str]:
    """The whole database as SQL text: equal dumps mean nothing changed."""
    with closing(sqlite3.connect(ctx.path)) as connection:
        return list(connection.iterdump())


def rows(ctx: Context, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    with closing(sqlite3.connect(ctx.path)) as connection:
        return connection.execute(sql, params).fetchall()


def journey_tables(ctx: Context, journey_id: int) -> dict[str, list[tuple[Any, ...]]]:
    """Every stored row of one journey (its phases, steps, friction and feedback)."""
    return {
        "journey": rows(ctx, "SELECT * FROM journey WHERE id = ?", journey_id),
        "phases": rows(
            ctx, "SELECT * FROM journey_phase WHERE journey_id = ? ORDER BY id", journey_id
        ),
        "steps": rows(
            ctx, "SELECT * FROM journey_step WHERE journey_id = ? ORDER BY id", journey_id
        ),
        "friction": rows(
            ctx, "SELECT * FROM friction WHERE journey_id = ? ORDER BY id", journey_id
        ),
        "feedback": rows(
            ctx, "SELECT * FROM feedback WHERE journey_id = ? ORDER BY id", journey_id
        ),
    }
