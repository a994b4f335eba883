"""Schema upgrades: a coach's existing data survives them, checked and backed up first."""

from __future__ import annotations

import re
import sqlite3
import stat
from collections.abc import Sequence
from contextlib import closing
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, inspect
from sqlalchemy.schema import CreateTable

from deliverydesk.model.entities import Base
from deliverydesk.paths import data_dir
from deliverydesk.store import migrate
from deliverydesk.store.database import DATABASE_NAME, open_database
from deliverydesk.store.engine import create_db_engine
from deliverydesk.store.errors import DatabaseError
from deliverydesk.store.summaries import summary_drift

STAMP = "'2026-11-02 09:00:00'"

# A small practice as the first released schema stored it, including a client whose
# name is blank (allowed then): 0002 names it rather than refusing the whole file.
ROWS_AT_0001 = [
    "INSERT INTO practice VALUES (1, '  ', 'Jo', '', '', 30, '12345', '#2F6F73', '#E0A458', "
    f"NULL, {STAMP})",
    f"INSERT INTO offer VALUES (1, 'Clarity Sprint', 'A plan', '', 1, '', 0, 1, {STAMP})",
    "INSERT INTO delivery_standard VALUES (1, 1, 0, 'Reply within a working day', 'expected')",
    "INSERT INTO offer_phase VALUES (1, 1, 0, 'Onboarding', '', 3)",
    "INSERT INTO offer_phase VALUES (2, 1, 1, 'Deep work', '', 5)",
    "INSERT INTO offer_step VALUES (1, 1, 0, 0, 1, 'Welcome call', '', 'session', 'me', 60, "
    "0, 0, 1, '', '', '', 1)",
    "INSERT INTO offer_step VALUES (2, 1, 1, 1, 1, 'Intake form', '', 'form', 'client', 0, "
    "0, 1, 0, '', '', '', 1)",
    "INSERT INTO offer_step VALUES (3, 2, 2, 0, 2, 'Draft the plan', '', 'deliverable', 'me', "
    "120, 1, 0, 0, '', '', '', 1)",
    f"INSERT INTO client VALUES (1, 'Ana Souza', '', '', '', '', '{{}}', 0, {STAMP})",
    f"INSERT INTO client VALUES (2, ' ', '', '', '', '', '{{}}', 0, {STAMP})",
]
for _client in (1, 2):
    _p, _s = 2 * _client, 3 * _client  # ids of this client's first phase and first step
    ROWS_AT_0001 += [
        f"INSERT INTO journey VALUES ({_client}, {_client}, 1, 1, 'Clarity Sprint', 'active', "
        f"'2026-11-02', '2026-11-16', NULL, 0, {STAMP}, 3, 1, {_s + 1}, 'Intake form', "
        "'2026-11-03', 'client')",
        f"INSERT INTO journey_phase VALUES ({_p}, {_client}, 0, 'Onboarding', 1, "
        "'2026-11-02', '2026-11-04', '2026-11-02', NULL)",
        f"INSERT INTO journey_phase VALUES ({_p + 1}, {_client}, 1, 'Deep work', 2, "
        "'2026-11-05', '2026-11-11', NULL, NULL)",
        f"INSERT INTO journey_step VALUES ({_s}, {_client}, {_p}, 0, 1, '2026-11-02', "
        "'2026-11-02', '2026-11-02', 'Welcome call', '', 'session', 'me', 60, 0, 0, 1, "
        "'', '', '', 1)",
        f"INSERT INTO journey_step VALUES ({_s + 1}, {_client}, {_p}, 1, 2, '2026-11-03', "
        "'2026-11-03', NULL, 'Intake form', '', 'form', 'client', 0, 0, 1, 0, '', '', '', 1)",
        f"INSERT INTO journey_step VALUES ({_s + 2}, {_client}, {_p + 1}, 2, 3, '2026-11-05', "
        "'2026-11-06', NULL, 'Draft the plan', '', 'deliverable', 'me', 120, 1, 0, 0, "
        "'', '', '', 1)",
        f"INSERT INTO note VALUES ({_client}, {_client}, {STAMP}, 'First session went well')",
        f"INSERT INTO friction VALUES ({_client}, {_client}, {_s + 1}, '2026-11-04', 'delay', "
        "'medium', 'Form late', '', NULL)",
        f"INSERT INTO feedback VALUES ({_client}, {_client}, {_s}, '2026-11-02', 9, 'Great', "
        "1, 0, 0)",
        f"INSERT INTO activity VALUES ({2 * _client - 1}, {STAMP}, {_client}, {_client}, "
        "'enrolled', '{\"offer\": \"Clarity Sprint\"}')",
        f"INSERT INTO activity VALUES ({2 * _client}, {STAMP}, {_client}, {_client}, "
        "'step_completed', '{\"step\": \"Welcome call\"}')",
    ]

TABLES = [
    "practice",
    "offer",
    "delivery_standard",
    "offer_phase",
    "offer_step",
    "client",
    "journey",
    "journey_phase",
    "journey_step",
    "note",
    "friction",
    "feedback",
    "activity",
]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def counts(path: Path) -> dict[str, int]:
    with closing(sqlite3.connect(path)) as connection:
        return {t: connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def dump(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as connection:
        return list(connection.iterdump())


def version(path: Path) -> str:
    with closing(sqlite3.connect(path)) as connection:
        return str(connection.execute("SELECT version_num FROM alembic_version").fetchone()[0])


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return data_dir(tmp_path / "data")


def database_at_0001(folder: Path, extra: Sequence[str] = ()) -> Path:
    path = folder / DATABASE_NAME
    engine = create_db_engine(path)
    try:
        migrate.upgrade(engine, "0001")
        with engine.begin() as connection:
            for statement in ROWS_AT_0001:
                connection.exec_driver_sql(statement)
    finally:
        engine.dispose()
    if extra:
        with closing(sqlite3.connect(path)) as connection:  # foreign keys off, as in sqlite3
            for statement in extra:
                connection.execute(statement)
            connection.commit()
    assert version(path) == "0001"
    return path


def test_a_new_database_is_created_at_head(folder: Path) -> None:
    database = open_database(folder)
    database.close()
    path = folder / DATABASE_NAME
    assert version(path) == migrate.head_revision()
    assert counts(path) == dict.fromkeys(TABLES, 0)
    assert not (folder / "backups").exists()  # nothing to protect yet


def test_upgrading_keeps_every_row(folder: Path) -> None:
    path = database_at_0001(folder)
    before = counts(path)
    assert before["journey"] == 2
    assert before["journey_step"] == 6

    open_database(folder).close()

    assert version(path) == migrate.head_revision()
    # The client table was rebuilt: with foreign keys on, its journeys (and their phases,
    # steps, notes, friction and feedback) would have been cascade-deleted.
    assert counts(path) == before
    with closing(sqlite3.connect(path)) as connection:
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        names = connection.execute("SELECT name FROM client ORDER BY id").fetchall()
        assert names == [("Ana Souza",), ("Unnamed client",)]
        assert connection.execute("SELECT name FROM practice").fetchall() == [("My practice",)]


def test_upgrading_takes_a_verified_private_backup_first(folder: Path) -> None:
    path = database_at_0001(folder)
    before = dump(path)

    open_database(folder).close()

    (backup,) = (folder / "backups").iterdir()
    assert backup.name.startswith(f"before-schema-{migrate.head_revision()}-")
    assert backup.suffix == ".sqlite3"
    assert mode(backup) == 0o600
    assert mode(folder / "backups") == 0o700
    with closing(sqlite3.connect(backup)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert version(backup) == "0001"
    assert dump(backup) == before


def test_foreign_keys_and_the_append_only_log_still_hold_after_upgrading(folder: Path) -> None:
    path = database_at_0001(folder)
    open_database(folder).close()
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA foreign_keys=ON")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            connection.execute("DELETE FROM activity")
        connection.rollback()
        with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
            connection.execute(
                "INSERT INTO journey_phase VALUES (99, 42, 0, 'x', NULL, "
                "'2026-11-02', '2026-11-02', NULL, NULL)"
            )


@pytest.mark.parametrize(
    ("table", "statement"),
    [
        (
            "client",
            "INSERT INTO client (id, name, company, email, phone, notes, right_fit, archived, "
            f"created_at) VALUES (9, '   ', '', '', '', '', '{{}}', 0, {STAMP})",
        ),
        (
            "practice",
            "INSERT INTO practice (id, name, owner_name, email, website, weekly_hours, "
            f"working_days, brand_color, accent_color, created_at) "
            f"VALUES (9, '', '', '', '', 30, '12345', '', '', {STAMP})",
        ),
    ],
)
def test_a_blank_name_is_refused_by_the_database_after_upgrading(
    folder: Path, table: str, statement: str
) -> None:
    path = database_at_0001(folder)
    open_database(folder).close()
    with (
        closing(sqlite3.connect(path)) as connection,
        pytest.raises(sqlite3.IntegrityError, match=f"ck_{table}_name_not_blank"),
    ):
        connection.execute(statement)


def test_an_upgrade_that_would_break_links_changes_nothing(folder: Path) -> None:
    # A note pointing at a journey that does not exist: written by hand, foreign keys off.
    path = database_at_0001(folder, extra=[f"INSERT INTO note VALUES (9, 77, {STAMP}, 'Lost')"])
    before = dump(path)
    with pytest.raises(DatabaseError, match="1 links between records; nothing was changed"):
        open_database(folder)
    assert version(path) == "0001"
    assert dump(path) == before
    (backup,) = (folder / "backups").iterdir()
    assert dump(backup) == before


# Journeys whose summaries 0003 must fill in: a checkpoint passed without feedback, two
# client steps due the same day (the earlier position comes first), my step due first
# placed after one due later, a third party's step, an empty phase, a journey with no
# steps at all, and one with every step done.
_STEP = (
    "INSERT INTO journey_step (id, journey_id, phase_id, position, offer_step_id, start_on, "
    "due_on, completed_on, title, description, kind, owner, effort_minutes, is_milestone, "
    "is_checkpoint, is_touchpoint, message_template, failure_point, recovery_protocol, "
    "client_facing) VALUES "
)
_JOURNEY = (
    "INSERT INTO journey (id, client_id, offer_id, offer_revision, offer_name, status, "
    "start_on, planned_end_on, ended_on, current_position, created_at, steps_total, "
    "steps_done, next_step_id, next_step_title, next_step_due, next_step_owner) VALUES "
)
_PHASE = "INSERT INTO journey_phase VALUES "
ROWS_FOR_THE_SUMMARY = [
    *(
        f"INSERT INTO client VALUES ({n}, '{name}', '', '', '', '', '{{}}', 0, {STAMP})"
        for n, name in ((3, "Chen Wei"), (4, "Dana Okafor"), (5, "Eli Moreau"))
    ),
    f"{_JOURNEY}(3, 3, 1, 1, 'Clarity Sprint', 'active', '2026-11-02', '2026-11-20', NULL, 0, "
    f"{STAMP}, 6, 1, 21, 'Sign contract', '2026-11-05', 'client')",
    f"{_PHASE}(10, 3, 0, 'Onboarding', NULL, '2026-11-02', '2026-11-06', '2026-11-02', NULL)",
    f"{_PHASE}(11, 3, 1, 'Deep work', NULL, '2026-11-09', '2026-11-13', NULL, NULL)",
    f"{_PHASE}(12, 3, 2, 'Wrap-up', NULL, '2026-11-16', '2026-11-20', NULL, NULL)",
    f"{_STEP}(20, 3, 10, 0, NULL, '2026-11-02', '2026-11-02', '2026-11-02', 'Kickoff', '', "
    "'session', 'me', 60, 0, 1, 0, '', '', '', 1)",
    f"{_STEP}(21, 3, 10, 1, NULL, '2026-11-03', '2026-11-05', NULL, 'Sign contract', '', "
    "'task', 'client', 0, 0, 0, 0, '', '', '', 1)",
    f"{_STEP}(25, 3, 11, 2, NULL, '2026-11-09', '2026-11-12', NULL, 'Prepare workshop', '', "
    "'task', 'me', 90, 0, 0, 0, '', '', '', 1)",
    f"{_STEP}(22, 3, 11, 3, NULL, '2026-11-03', '2026-11-05', NULL, 'Send questionnaire', '', "
    "'form', 'client', 0, 0, 0, 0, '', '', '', 1)",
    f"{_STEP}(23, 3, 11, 4, NULL, '2026-11-09', '2026-11-11', NULL, 'Printer proof', '', "
    "'deliverable', 'third_party', 0, 0, 0, 0, '', '', '', 1)",
    f"{_STEP}(24, 3, 11, 5, NULL, '2026-11-04', '2026-11-04', NULL, 'Design review', '', "
    "'review', 'me', 30, 0, 0, 0, '', '', '', 1)",
    # Feedback on the journey but not on the checkpoint: it stays due.
    "INSERT INTO feedback VALUES (3, 3, NULL, '2026-11-03', 8, '', 0, 0, 0)",
    f"{_JOURNEY}(4, 4, 1, 1, 'Clarity Sprint', 'active', '2026-11-02', '2026-11-06', NULL, 0, "
    f"{STAMP}, 0, 0, NULL, '', NULL, NULL)",
    f"{_PHASE}(13, 4, 0, 'Onboarding', NULL, '2026-11-02', '2026-11-06', '2026-11-02', NULL)",
    f"{_JOURNEY}(5, 5, 1, 1, 'Clarity Sprint', 'completed', '2026-11-02', '2026-11-06', "
    f"'2026-11-06', 0, {STAMP}, 2, 2, NULL, '', NULL, NULL)",
    f"{_PHASE}(14, 5, 0, 'Onboarding', NULL, '2026-11-02', '2026-11-06', '2026-11-02', "
    "'2026-11-06')",
    f"{_STEP}(26, 5, 14, 0, NULL, '2026-11-02', '2026-11-02', '2026-11-02', 'Wrap-up call', '', "
    "'session', 'me', 60, 0, 1, 0, '', '', '', 1)",
    f"{_STEP}(27, 5, 14, 1, NULL, '2026-11-03', '2026-11-03', '2026-11-04', 'Survey', '', "
    "'survey', 'client', 0, 0, 0, 0, '', '', '', 1)",
    "INSERT INTO feedback VALUES (4, 5, 26, '2026-11-02', 10, 'Great', 1, 0, 0)",
]


def test_the_summary_filled_in_by_0003_agrees_with_the_steps(folder: Path) -> None:
    database_at_0001(folder, extra=ROWS_FOR_THE_SUMMARY)
    database = open_database(folder)
    try:
        with database.engine.connect() as connection:
            # Every column of every journey, against the rule the app itself writes with.
            assert summary_drift(connection) == []
            rows = connection.exec_driver_sql(
                "SELECT id, phase_count, feedback_due, first_open_me_title, "
                "first_open_client_title, first_open_third_party_title FROM journey ORDER BY id"
            ).all()
    finally:
        database.close()
    assert rows == [
        (1, 2, 0, "Draft the plan", "Intake form", ""),
        (2, 2, 0, "Draft the plan", "Intake form", ""),
        (3, 3, 1, "Design review", "Sign contract", "Printer proof"),
        (4, 1, 0, "", "", ""),
        (5, 1, 0, "", "", ""),
    ]


# the migrations build exactly what the models describe ------------------------------------


@pytest.fixture(params=["new", "upgraded"])
def migrated(request: pytest.FixtureRequest, folder: Path) -> Path:
    if request.param == "upgraded":
        database_at_0001(folder)
    open_database(folder).close()
    return folder / DATABASE_NAME


def test_the_migrated_schema_matches_the_models(migrated: Path) -> None:
    engine = create_db_engine(migrated)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
            checks = _model_check_constraints(connection)
            assert len(checks) == 9
            assert _check_constraints(connection) == checks
            triggers = connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
            ).all()
            assert [t[0] for t in triggers] == ["activity_no_delete", "activity_no_update"]
    finally:
        engine.dispose()


def _check_constraints(connection: Connection) -> set[tuple[str, str, str]]:
    """CHECK constraints in the database; compare_metadata does not look at them."""
    inspector = inspect(connection)
    return {
        (table, str(check["name"]), _plain(check["sqltext"]))
        for table in inspector.get_table_names()
        if table != "alembic_version"
        for check in inspector.get_check_constraints(table)
    }


def _model_check_constraints(connection: Connection) -> set[tuple[str, str, str]]:
    found = set()
    for table in Base.metadata.sorted_tables:
        ddl = str(CreateTable(table).compile(dialect=connection.dialect))
        for name, text in re.findall(r"CONSTRAINT (\w+) CHECK \((.*)\)", ddl):
            found.add((table.name, name, _plain(text)))
    return found


def _plain(sql: str) -> str:
    return re.sub(r"\s+", " ", sql).strip()


def test_the_expected_schema_names_the_newest_migration() -> None:
    """A start reads the version without Alembic; it must agree with the migrations."""
    from deliverydesk.store.schema import HEAD_REVISION

    assert migrate.head_revision() == HEAD_REVISION


def test_0007_gives_each_practice_its_own_secret_and_drops_bidi_controls_from_names(
    folder: Path,
) -> None:
    spoofed = "Ann \u202eexe.txt\u202c"
    database_at_0001(
        folder,
        [
            f"UPDATE client SET name = '{spoofed}' WHERE id = 1",
            "UPDATE journey_step SET title = 'Intake \u2066form\u2069' WHERE title = 'Intake form'",
            "UPDATE journey SET next_step_title = 'Intake \u2066form\u2069'",
        ],
    )
    database = open_database(folder)
    try:
        with database.engine.connect() as connection:
            assert summary_drift(connection) == []
            secret = connection.exec_driver_sql("SELECT form_secret FROM practice").scalar()
            names = connection.exec_driver_sql("SELECT name FROM client ORDER BY id").all()
            titles = connection.exec_driver_sql("SELECT DISTINCT title FROM journey_step").all()
    finally:
        database.close()
    assert re.fullmatch("[0-9a-f]{64}", str(secret))
    assert names[0] == ("Ann exe.txt",)
    assert ("Intake form",) in titles
    assert not any("\u2066" in t for (t,) in titles)


def test_0014_reads_a_written_price_as_an_amount_and_keeps_other_text_as_a_note(
    folder: Path,
) -> None:
    path = database_at_0001(folder)
    engine = create_db_engine(path)
    try:
        migrate.upgrade(engine, "0009")
        with engine.begin() as connection:
            connection.exec_driver_sql("UPDATE offer SET price = '£1,200' WHERE id = 1")
            connection.exec_driver_sql(
                "INSERT INTO offer (id, name, promise, description, revision, capacity_note, "
                "archived, position, created_at, duration_weeks, price, boundaries, "
                f"welcome_template, right_fit) VALUES (2, 'Audit', '', '', 1, '', 0, 2, {STAMP}, "
                "0, 'from £900 a month', '', '', '{}')"
            )
    finally:
        engine.dispose()
    database = open_database(folder)
    try:
        with database.engine.connect() as connection:
            offers = connection.exec_driver_sql(
                "SELECT price_minor, currency, price FROM offer ORDER BY id"
            ).all()
            journeys = connection.exec_driver_sql(
                "SELECT DISTINCT price_minor, currency FROM journey"
            ).all()
    finally:
        database.close()
    assert offers == [(120_000, "GBP", ""), (None, "", "from £900 a month")]
    assert journeys == [(120_000, "GBP")]
