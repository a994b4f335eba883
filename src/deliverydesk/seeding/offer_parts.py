"""Shorthands shared by the demo offers (pure data)."""

from __future__ import annotations

from deliverydesk.model.enums import Owner, StandardTier

ME, CLIENT, THIRD = Owner.ME, Owner.CLIENT, Owner.THIRD_PARTY
EXPECTED, ORDER_WINNING = StandardTier.EXPECTED, StandardTier.ORDER_WINNING

REPLY_IN_A_DAY = ("Reply to messages within one working day", EXPECTED)
