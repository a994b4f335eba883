"""An invoice step paid: the day it was paid, recorded and taken back (undoable, logged).

Ticking an invoice step (journeys.complete_step) is sending its invoice: the step's amount
is invoiced on the day it is done. Paid is one more mark on the same step.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import joinedload

from deliverydesk.model.entities import JourneyStep
from deliverydesk.model.rules.enums import ActivityKind, StepKind
from deliverydesk.services.changes import Aspect, Changes, Result
from deliverydesk.services.context import Context
from deliverydesk.services.errors import InvalidInput, NotFound
from deliverydesk.services.journeys import activity
from deliverydesk.wording import RefusalCode


def mark_paid(
    ctx: Context, step_id: int, on: date | None = None, *, undo: bool = False
) -> Result[date]:
    """Mark an invoiced step paid (today unless `on`); the value is the day recorded.
    `undo`: it undoes "no longer paid", and the log says so."""
    with ctx.transaction() as session:
        step = session.get(JourneyStep, step_id, options=[joinedload(JourneyStep.journey)])
        if step is None:
            raise NotFound(RefusalCode.STEP_GONE)
        day = on or ctx.clock.today()
        if step.kind is not StepKind.INVOICE:
            raise InvalidInput(RefusalCode.STEP_NOT_AN_INVOICE, step=step.title)
        if step.completed_on is None:
            raise InvalidInput(RefusalCode.INVOICE_NOT_SENT, step=step.title)
        if step.paid_on is not None:
            raise InvalidInput(
                RefusalCode.INVOICE_ALREADY_PAID, step=step.title, paid_on=step.paid_on
            )
        if day > ctx.clock.today():
            raise InvalidInput(RefusalCode.INVOICE_PAID_IN_FUTURE)
        if day < step.completed_on:
            raise InvalidInput(
                RefusalCode.INVOICE_PAID_BEFORE_SENT, step=step.title, invoiced_on=step.completed_on
            )
        step.paid_on = day
        activity.log(
            session,
            ctx.clock,
            step.journey,
            ActivityKind.INVOICE_PAID,
            step=step.title,
            step_id=step.id,
            on=day,
            **({"undo": True} if undo else {}),
        )
        return Result(day, _changed(step))


def mark_unpaid(ctx: Context, step_id: int, *, expected: date | None = None) -> Result[date]:
    """Take back a step's paid mark; the value is the day it had been paid on.
    `expected` (an undo's): the day it must still be marked paid on; a mark changed since
    (by another window or program) is left as it is."""
    with ctx.transaction() as session:
        step = session.get(JourneyStep, step_id, options=[joinedload(JourneyStep.journey)])
        if step is None:
            raise NotFound(RefusalCode.STEP_GONE)
        if step.paid_on is None:
            raise InvalidInput(RefusalCode.INVOICE_NOT_PAID, step=step.title)
        if expected is not None and step.paid_on != expected:
            raise InvalidInput(
                RefusalCode.INVOICE_PAID_ON_OTHER_DAY, step=step.title, paid_on=step.paid_on
            )
        was, step.paid_on = step.paid_on, None
        activity.log(
            session,
            ctx.clock,
            step.journey,
            ActivityKind.INVOICE_UNPAID,
            step=step.title,
            step_id=step.id,
            was=was,
            **({"undo": True} if expected is not None else {}),
        )
        return Result(was, _changed(step))


def _changed(step: JourneyStep) -> Changes:
    journey = step.journey
    return Changes(
        journeys=frozenset({journey.id}),
        clients=frozenset({journey.client_id}),
        aspects=Aspect.STEPS,
    )
