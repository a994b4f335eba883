"""Archiving clients into a trash, bringing them back, and emptying it only when asked."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from deliverydesk.model.entities import Activity, Client, Journey
from deliverydesk.model.rules.enums import ActivityKind, JourneyStatus
from deliverydesk.services.clients.clients import ClientInput, add_client
from deliverydesk.services.clients.trash import (
    archive_client,
    empty_trash,
    restore_from_trash,
    trashed_clients,
)
from deliverydesk.services.context import Context
from deliverydesk.services.data import backups
from deliverydesk.services.errors import InvalidInput, NotFound
from deliverydesk.services.views.queries import client_rows
from tests.unit.data_support import open_copy, seed_template, tables


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return seed_template(tmp_path_factory.mktemp("trash") / "demo")


@pytest.fixture
def demo(template: Path, tmp_path: Path) -> Iterator[Context]:
    ctx = open_copy(template, tmp_path / "demo")
    yield ctx
    ctx.close()


def client_with(ctx: Context, status: JourneyStatus) -> int:
    with ctx.db.sessions() as session:
        found = session.scalars(select(Journey.client_id).where(Journey.status == status)).first()
    assert found is not None
    return found


def listed(ctx: Context) -> set[int]:
    return {row.client_id for row in client_rows(ctx)}


def statuses(ctx: Context, client_id: int) -> dict[int, JourneyStatus]:
    with ctx.db.sessions() as session:
        rows = session.execute(
            select(Journey.id, Journey.status).where(Journey.client_id == client_id)
        ).all()
    return {journey_id: status for journey_id, status in rows}


def test_archiving_a_past_client_hides_them_and_their_ended_journeys(demo: Context) -> None:
    client_id = client_with(demo, JourneyStatus.COMPLETED)
    before = statuses(demo, client_id)

    result = archive_client(demo, client_id)

    assert client_id not in listed(demo)
    assert set(statuses(demo, client_id).values()) == {JourneyStatus.ARCHIVED}
    assert result.changes.clients == {client_id}
    assert result.changes.journeys == frozenset(before)
    (trashed,) = trashed_clients(demo)
    assert trashed.id == client_id and trashed.journeys == len(before)
    assert trashed.archived_at is not None

    restore_from_trash(demo, client_id)  # the undo

    assert client_id in listed(demo)
    assert statuses(demo, client_id) == before
    assert trashed_clients(demo) == []
    with demo.db.sessions() as session:
        kinds = session.scalars(
            select(Activity.kind).where(Activity.client_id == client_id).order_by(Activity.id)
        ).all()
    assert kinds[-2:] == [ActivityKind.JOURNEY_RESTORED, ActivityKind.CLIENT_RESTORED]


def test_a_journey_archived_on_its_own_stays_archived_when_the_client_comes_back(
    demo: Context,
) -> None:
    client_id = client_with(demo, JourneyStatus.COMPLETED)
    (journey_id,) = [j for j, s in statuses(demo, client_id).items()]
    from deliverydesk.services.journeys.lifecycle import archive

    archive(demo, journey_id)  # put away before the client was
    archive_client(demo, client_id)
    restore_from_trash(demo, client_id)
    assert statuses(demo, client_id) == {journey_id: JourneyStatus.ARCHIVED}


def test_a_client_on_a_running_journey_cannot_be_archived(demo: Context) -> None:
    client_id = client_with(demo, JourneyStatus.ACTIVE)
    before = tables(demo.path)
    with pytest.raises(InvalidInput, match="Complete or cancel"):
        archive_client(demo, client_id)
    assert tables(demo.path) == before


def test_archiving_twice_or_restoring_someone_not_trashed_is_refused(demo: Context) -> None:
    client_id = add_client(demo, ClientInput("Lone Prospect")).value
    archive_client(demo, client_id)
    with pytest.raises(NotFound):
        archive_client(demo, client_id)
    restore_from_trash(demo, client_id)
    with pytest.raises(InvalidInput, match="not in the trash"):
        restore_from_trash(demo, client_id)


def test_emptying_the_trash_deletes_only_trashed_clients_after_a_backup(
    demo: Context,
) -> None:
    past = client_with(demo, JourneyStatus.COMPLETED)
    prospect = add_client(demo, ClientInput("Lone Prospect")).value
    archive_client(demo, past)
    archive_client(demo, prospect)
    kept = listed(demo)
    before = tables(demo.path)

    result = empty_trash(demo)

    assert result.value == 2
    assert trashed_clients(demo) == []
    assert listed(demo) == kept
    with demo.db.sessions() as session:
        assert session.get(Client, past) is None
        assert not session.scalars(select(Journey).where(Journey.client_id == past)).all()
        assert not session.scalars(select(Activity).where(Activity.client_id == past)).all()
    assert demo.check().ok
    (backup,) = backups.list_backups(demo.path.parent)
    assert backup.label == "before-empty-trash"
    assert tables(backup.path) == before
    # The activity log is append-only again for everyone else.
    with pytest.raises(Exception, match="append-only"), demo.db.engine.begin() as connection:
        connection.exec_driver_sql("DELETE FROM activity")


def test_emptying_an_empty_trash_does_nothing(demo: Context) -> None:
    assert empty_trash(demo).value == 0
    assert backups.list_backups(demo.path.parent) == []
