"""A journey's phases and steps as they stand, and putting them back exactly: what a
single undo of a change to many steps at once (applying a newer offer design) needs."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import delete, insert, inspect, select, update
from sqlalchemy.orm import Session

from deliverydesk.model.entities import (
    Feedback,
    Friction,
    Journey,
    JourneyPhase,
    JourneyStep,
    OfferPhase,
    OfferStep,
)

Row = tuple[tuple[str, Any], ...]  # a stored row's columns and values


@dataclass(frozen=True)
class JourneyBefore:
    """One journey as it was before a change: enough to put it back exactly."""

    journey_id: int
    offer_revision: int
    current_position: int
    planned_end_on: date
    phases: tuple[Row, ...]
    steps: tuple[Row, ...]
    # (friction or feedback id, step id): links to the steps the change removes.
    friction_links: tuple[tuple[int, int], ...]
    feedback_links: tuple[tuple[int, int], ...]


def snapshot(
    session: Session, journey: Journey, removed_steps: Iterable[int] = ()
) -> JourneyBefore:
    """The journey (loaded with its phases and steps) as it is now; `removed_steps` are
    the steps about to go, whose friction and feedback links are kept too."""
    removed = set(removed_steps)
    return JourneyBefore(
        journey_id=journey.id,
        offer_revision=journey.offer_revision,
        current_position=journey.current_position,
        planned_end_on=journey.planned_end_on,
        phases=tuple(_row(p) for p in journey.phases),
        steps=tuple(_row(s) for p in journey.phases for s in p.steps),
        friction_links=_links(session, Friction, removed),
        feedback_links=_links(session, Feedback, removed),
    )


def _row(record: object) -> Row:
    state = inspect(record)
    return tuple((attr.key, getattr(record, attr.key)) for attr in state.mapper.column_attrs)


def _links(
    session: Session, entity: type[Friction] | type[Feedback], step_ids: set[int]
) -> tuple[tuple[int, int], ...]:
    if not step_ids:
        return ()
    rows = session.execute(
        select(entity.id, entity.step_id).where(entity.step_id.in_(step_ids))
    ).all()
    return tuple((record, step) for record, step in rows if step is not None)


def restore(session: Session, before: JourneyBefore) -> None:
    """Put the journey's phases, steps and links back as `before` has them, ids included.
    The caller reloads the journey and refreshes its summary."""
    journey_id = before.journey_id
    session.flush()
    session.execute(  # out of the way of the unique (journey, position) index
        update(JourneyPhase)
        .where(JourneyPhase.journey_id == journey_id)
        .values(position=-JourneyPhase.id),
        execution_options={"synchronize_session": False},
    )
    phase_ids = _put_back(session, JourneyPhase, before.phases, {})
    step_ids = _put_back(session, JourneyStep, before.steps, {"phase_id": phase_ids})
    links: list[tuple[type[Friction] | type[Feedback], tuple[tuple[int, int], ...]]] = [
        (Friction, before.friction_links),
        (Feedback, before.feedback_links),
    ]
    for entity, pairs in links:
        for record, step in pairs:
            session.execute(
                update(entity).where(entity.id == record).values(step_id=step_ids[step]),
                execution_options={"synchronize_session": False},
            )
    kept_steps = set(step_ids.values())
    kept_phases = set(phase_ids.values())
    session.execute(
        delete(JourneyStep).where(
            JourneyStep.journey_id == journey_id, JourneyStep.id.not_in(kept_steps)
        ),
        execution_options={"synchronize_session": False},
    )
    session.execute(
        delete(JourneyPhase).where(
            JourneyPhase.journey_id == journey_id, JourneyPhase.id.not_in(kept_phases)
        ),
        execution_options={"synchronize_session": False},
    )
    session.execute(
        update(Journey)
        .where(Journey.id == journey_id)
        .values(
            offer_revision=before.offer_revision,
            current_position=before.current_position,
            planned_end_on=before.planned_end_on,
        ),
        execution_options={"synchronize_session": False},
    )


def _put_back(
    session: Session,
    entity: type[JourneyPhase] | type[JourneyStep],
    rows: tuple[Row, ...],
    remap: dict[str, dict[int, int]],
) -> dict[int, int]:
    """Update the rows that differ and re-insert the missing ones, a statement per kind
    rather than per row; returns old id -> id now (a re-inserted row whose id was taken
    meanwhile gets a new one)."""
    wanted = [dict(row) for row in rows]
    for values in wanted:
        for column, mapping in remap.items():
            values[column] = mapping.get(values[column], values[column])
    _drop_dangling_designs(session, wanted)
    columns = [getattr(entity, key) for key in wanted[0]] if wanted else []
    stored = {
        row[0]: dict(zip((c.key for c in columns), row, strict=True))
        for row in session.execute(
            select(*columns).where(entity.id.in_([v["id"] for v in wanted]))
        ).all()
    }
    ids: dict[int, int] = {}
    changed, missing = [], []
    for values in wanted:
        now = stored.get(values["id"])
        if now is None:
            missing.append(values)
        elif now["journey_id"] != values["journey_id"]:  # the id went to another row
            old_id = values.pop("id")
            new_id = session.scalar(insert(entity).values(**values).returning(entity.id))
            assert new_id is not None
            ids[old_id] = new_id
            continue
        elif now != values:
            changed.append(values)
        ids[values["id"]] = values["id"]
    if changed:  # ORM bulk UPDATE by primary key
        session.execute(update(entity), changed)
    if missing:
        session.execute(insert(entity), missing)
    return ids


def _drop_dangling_designs(session: Session, wanted: list[dict[str, Any]]) -> None:
    """A design phase or step deleted since (by a later save) cannot be pointed at."""
    for column, entity in (("offer_phase_id", OfferPhase), ("offer_step_id", OfferStep)):
        designs = {v[column] for v in wanted if v.get(column) is not None}
        if not designs:
            continue
        present = set(session.scalars(select(entity.id).where(entity.id.in_(designs))).all())
        for values in wanted:
            if values.get(column) is not None and values[column] not in present:
                values[column] = None
