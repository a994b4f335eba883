"""The one writer of the journey summary columns, and the check that they are true.

A session hook rewrites the summary of every journey whose steps, phases or feedback a
flush inserted, changed or deleted, so no use case can forget to. It runs after the flush
(new steps need their ids: the summary names the next step by id) and reads the journey's
facts back in one statement. Statements that bypass the session's unit of work (Core
inserts, bulk UPDATEs) are not seen: such a writer calls write_summaries for the journeys
it touched, or computes the columns with the same rule, model/rules/summary.py, as the bulk
seeder does (seeding/scale.py). `deliverydesk check` recomputes them all (summary_drift).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from sqlalchemy import (
    Connection,
    Select,
    Table,
    Update,
    bindparam,
    event,
    exists,
    inspect,
    or_,
    select,
    update,
)
from sqlalchemy.orm import Session, UOWTransaction, sessionmaker
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.util import identity_key

from deliverydesk.model.entities import Client, Feedback, Journey, JourneyPhase, JourneyStep
from deliverydesk.model.rules.delivery import StepFacts
from deliverydesk.model.rules.summary import SUMMARY_COLUMNS, summary_columns

# Rows whose insert, change or removal can change a journey's summary. A phase only counts
# when it comes or goes (phase_count); its dates are not part of the summary.
_SOURCES = (JourneyStep, JourneyPhase, Feedback)


@dataclass
class _Facts:
    steps: list[StepFacts] = field(default_factory=list)
    with_feedback: set[int] = field(default_factory=set)
    phases: set[int] = field(default_factory=set)

    def columns(self) -> dict[str, Any]:
        return summary_columns(self.steps, self.with_feedback, len(self.phases))


def _journey_table() -> Table:
    table = Journey.__table__
    assert isinstance(table, Table)
    return table


@cache
def _facts_query(some: bool) -> Select[*tuple[Any, ...]]:
    """Built once: the hook runs it on every edit, and building it cost as much as running
    it. `some`: only the journeys given as `journey_ids`."""
    # A checkpoint brought in (passed before DeliveryDesk) asks for no feedback now.
    has_feedback = or_(
        exists().where(
            Feedback.step_id == JourneyStep.id, Feedback.journey_id == JourneyStep.journey_id
        ),
        JourneyStep.brought_in,
    ).label("has_feedback")
    query = (
        select(
            JourneyPhase.journey_id,
            JourneyPhase.id,
            JourneyPhase.position,
            JourneyStep.id,
            JourneyStep.title,
            JourneyStep.position,
            JourneyStep.owner,
            JourneyStep.start_on,
            JourneyStep.due_on,
            JourneyStep.completed_on,
            JourneyStep.effort_minutes,
            JourneyStep.is_checkpoint,
            has_feedback,
        )
        .select_from(JourneyPhase)
        .outerjoin(JourneyStep, JourneyStep.phase_id == JourneyPhase.id)  # empty phases count
    )
    if some:
        query = query.where(JourneyPhase.journey_id.in_(bindparam("journey_ids", expanding=True)))
    return query


def _facts(connection: Connection, journey_ids: Collection[int] | None) -> dict[int, _Facts]:
    """Each journey's phases, steps and which steps have feedback, in one statement."""
    query = _facts_query(journey_ids is not None)
    params = {} if journey_ids is None else {"journey_ids": list(journey_ids)}
    found: dict[int, _Facts] = defaultdict(_Facts)
    rows: Iterable[Sequence[Any]] = connection.execute(query, params)  # outer join: step None
    for journey_id, phase_id, phase_position, step_id, *step, feedback in rows:
        facts = found[journey_id]
        facts.phases.add(phase_id)
        if step_id is None:
            continue
        title, position, owner, start_on, due_on, completed_on, effort, checkpoint = step
        facts.steps.append(
            StepFacts(
                step_id,
                title,
                position,
                phase_position,
                owner,
                start_on,
                due_on,
                completed_on,
                effort,
                checkpoint,
            )
        )
        if feedback:
            facts.with_feedback.add(step_id)
    return found


def recompute_summaries(
    connection: Connection, journey_ids: Collection[int]
) -> dict[int, dict[str, Any]]:
    """What each journey's summary columns should hold, from its phases, steps, feedback."""
    found = _facts(connection, journey_ids) if journey_ids else {}
    return {journey_id: found.get(journey_id, _Facts()).columns() for journey_id in journey_ids}


def write_summaries(
    connection: Connection, journey_ids: Collection[int]
) -> dict[int, dict[str, Any]]:
    """Recompute and store the summary of each journey; returns the columns written."""
    summaries = recompute_summaries(connection, journey_ids)
    if summaries:
        connection.execute(
            _write_summary(),
            [{"journey_key": journey_id, **columns} for journey_id, columns in summaries.items()],
        )
    return summaries


@cache
def _write_summary() -> Update:
    table = _journey_table()
    return update(table).where(table.c.id == bindparam("journey_key"))


# the hook ---------------------------------------------------------------------------------


def keep_summaries(sessions: sessionmaker[Session]) -> None:
    """Make every session from `sessions` keep the summaries of what it changes true."""
    event.listen(sessions, "before_flush", _before_flush)
    event.listen(sessions, "after_flush", _after_flush)


def _before_flush(session: Session, _context: UOWTransaction, _instances: object) -> None:
    # A row about to be deleted must say which journey it was part of while it still can.
    for instance in session.deleted:
        if isinstance(instance, _SOURCES):
            _ = instance.journey_id


def _after_flush(session: Session, _context: UOWTransaction) -> None:
    touched = _touched_journeys(session)
    if not touched:
        return
    written = write_summaries(session.connection(), touched)
    # Objects already in this session see what was written, as if loaded after it.
    for journey_id, columns in written.items():
        journey = session.identity_map.get(identity_key(Journey, journey_id))
        if journey is not None:
            for column, value in columns.items():
                set_committed_value(journey, column, value)


def _touched_journeys(session: Session) -> set[int]:
    """Journeys whose summary this flush may have changed (the session still lists what
    it inserted, changed and deleted, and each attribute's history, until the flush ends)."""
    touched: set[int] = set()
    for instance in (*session.new, *session.deleted):
        if isinstance(instance, _SOURCES):
            touched.update(_journey_ids(instance))
    for instance in session.dirty:
        if isinstance(instance, JourneyPhase):
            if inspect(instance).attrs.journey_id.history.has_changes():
                touched.update(_journey_ids(instance))
        elif isinstance(instance, _SOURCES) and session.is_modified(instance):
            touched.update(_journey_ids(instance))
    return touched


def _journey_ids(instance: object) -> Iterable[int]:
    """The journey a row belongs to now, and the one it belonged to before, if it moved."""
    state = inspect(instance)
    ids = {state.dict.get("journey_id"), *state.attrs.journey_id.history.deleted}
    return (i for i in ids if i is not None)


# the check --------------------------------------------------------------------------------


@dataclass(frozen=True)
class SummaryDrift:
    """A journey whose stored summary disagrees with its steps."""

    journey_id: int
    client_name: str
    offer_name: str
    # (column, stored value, value recomputed from the steps), for each column that differs
    columns: tuple[tuple[str, Any, Any], ...]


def summary_drift(connection: Connection) -> list[SummaryDrift]:
    """Recompute every summary column of every journey and report those that differ."""
    table = _journey_table()
    stored = connection.execute(
        select(Journey.id, Client.name, Journey.offer_name, *(table.c[c] for c in SUMMARY_COLUMNS))
        .join(Client, Client.id == Journey.client_id)
        .order_by(Journey.id)
    ).all()
    found = _facts(connection, None)
    drift = []
    for journey_id, client_name, offer_name, *values in stored:
        expected = found.get(journey_id, _Facts()).columns()
        wrong = tuple(
            (column, value, expected[column])
            for column, value in zip(SUMMARY_COLUMNS, values, strict=True)
            if value != expected[column]
        )
        if wrong:
            drift.append(SummaryDrift(journey_id, client_name, offer_name, wrong))
    return drift
