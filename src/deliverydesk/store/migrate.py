"""Alembic migrations shipped inside the package, applied with foreign keys off.

Alembic is imported inside the functions: a start on an up-to-date database needs none of
it (see store/schema.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from importlib.resources import as_file, files
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine

from deliverydesk.store.engine import for_writing
from deliverydesk.store.errors import DatabaseError
from deliverydesk.wording import RefusalCode

if TYPE_CHECKING:
    from alembic.config import Config


@contextmanager
def _config(connection: Connection | None = None) -> Iterator[Config]:
    """Alembic's configuration, valid only inside the block.

    In a zipped or frozen build the migrations folder may be a temporary copy that exists
    only while `as_file` is open, so everything that reads the scripts runs in here.
    """
    from alembic.config import Config

    with as_file(files("deliverydesk.store") / "migrations") as location:
        config = Config()
        config.set_main_option("script_location", str(location))
        config.attributes["connection"] = connection
        yield config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    with _config() as config:
        head = ScriptDirectory.from_config(config).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    with _config() as config:
        return {script.revision for script in ScriptDirectory.from_config(config).walk_revisions()}


def upgrade(engine: Engine, target: str = "head") -> None:
    """Bring the schema to `target` in one transaction, or leave it as it was.

    Foreign keys are switched off first: a batch rebuild of a parent table with them on
    would cascade deletes into its child tables. They are checked before the commit.
    """
    from alembic import command

    with for_writing(engine).connect() as connection:  # BEGIN IMMEDIATE: wait for a writer
        driver = connection.connection.driver_connection
        assert driver is not None
        driver.execute("PRAGMA foreign_keys=OFF")  # outside a transaction, or it is ignored
        try:
            with connection.begin():
                with _config(connection) as config:
                    command.upgrade(config, target)
                problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise DatabaseError(
                        RefusalCode.UPGRADE_BREAKS_LINKS, target=target, count=len(problems)
                    )
        finally:
            driver.execute("PRAGMA foreign_keys=ON")
