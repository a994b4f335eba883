"""Shared fixtures. GUI tests run offscreen; unit tests can be run with Qt made unimportable.

A fresh database is a copy of one migrated once per run, and the demo practice is seeded
once per run and copied (the xdist workers share them): Alembic ran for every test before,
and the demo was seeded in six places.
"""

from __future__ import annotations

import fcntl
import importlib.abc
import os
import shutil
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from deliverydesk.services.context import Context

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TODAY = date(2026, 11, 23)  # a Monday

# The fake mail composer (`composer` fixture) the unit and GUI send tests share.
pytest_plugins = ("tests.fake_composer",)


class _RefuseQt(importlib.abc.MetaPathFinder):
    def find_spec(self, name: str, path: object, target: object = None) -> None:
        if name == "PySide6" or name.startswith(("PySide6.", "shiboken6")):
            raise ImportError(f"{name} is blocked: the core must run without Qt")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--without-qt", action="store_true", help="make PySide6 unimportable for this run"
    )


@pytest.hookimpl(tryfirst=True)
def pytest_cmdline_main(config: pytest.Config) -> None:
    # Runs before any plugin's pytest_configure: pytest-qt imports Qt there, and blocking it
    # from inside pytest_configure comes too late (that call already holds its hook list).
    # It is registered under its entry-point name, "pytest-qt".
    if config.getoption("--without-qt"):
        sys.meta_path.insert(0, _RefuseQt())
        config.pluginmanager.set_blocked("pytest-qt")


@pytest.fixture
def today() -> date:
    return TODAY


_templates: Path | None = None  # the run's folder of templates


@pytest.fixture(scope="session", autouse=True)
def _template_folder(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Under pytest-xdist the workers share one run folder (their base folders' parent),
    so a template is made once for the run, by whichever worker needs it first."""
    global _templates
    base = tmp_path_factory.getbasetemp()
    _templates = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "templates"
    _templates.mkdir(exist_ok=True)


def _template(name: str, make: Callable[[Path], None]) -> Path:
    """The template `name`, made by `make` into an empty data folder on first use; the
    other workers wait for it (a lock on a file of its own, never on a database)."""
    from deliverydesk.paths import data_dir

    assert _templates is not None, "templates are made once the session has begun"
    folder = _templates / name
    if folder.exists():
        return folder
    with open(_templates / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not folder.exists():
            making = folder.with_name(f"{name}-making")
            shutil.rmtree(making, ignore_errors=True)  # what a failed attempt left
            make(data_dir(making))
            making.rename(folder)  # a template is whole or absent
    return folder


def _migrate(folder: Path) -> None:
    from deliverydesk.services.context import open_workspace
    from deliverydesk.store.schema import DATABASE_NAME

    assert open_workspace(folder).close(), "its log folded back into the file"
    assert [p.name for p in folder.iterdir()] == [DATABASE_NAME]


def seed_demo_afresh(folder: Path) -> None:
    """Seed the demo practice into `folder` for real (not a copy of the one seeded once):
    a practice of its own, with its own random secret."""
    from deliverydesk.model.rules.clock import FixedClock
    from deliverydesk.seeding.demo import seed_demo
    from deliverydesk.services.context import open_workspace

    ctx = open_workspace(fresh_data_dir(folder), FixedClock(TODAY))
    seed_demo(ctx)
    assert ctx.close(), "its log folded back into the file"


def fresh_data_dir(folder: Path) -> Path:
    """`folder` made a data folder holding a new, empty practice at the newest schema, as
    opening an empty folder leaves it, without running the migrations again: a copy of a
    database migrated once per process. Nothing has opened the copy yet."""
    from deliverydesk.paths import data_dir
    from deliverydesk.store.schema import DATABASE_NAME

    folder = data_dir(folder)
    target = folder / DATABASE_NAME
    shutil.copyfile(_template("migrated", _migrate) / DATABASE_NAME, target)
    target.chmod(0o600)  # as the app creates it
    return folder


def seeded_demo(folder: Path) -> Path:
    """`folder` (which must not exist) made a closed data folder holding the demo practice,
    today pinned to TODAY: a copy of one seeded once per process."""
    shutil.copytree(demo_template_folder(), folder)
    return folder


def demo_template_folder() -> Path:
    """The demo practice seeded once per process: to copy, never to open (opening it would
    change what the next test copies)."""
    return _template("demo", seed_demo_afresh)


@pytest.fixture(scope="session")
def demo_template(_template_folder: None) -> Path:
    """A closed data folder holding the demo practice, to copy, never to open (opening it
    would change what the next test copies). `demo_copy` gives a copy."""
    return demo_template_folder()


@pytest.fixture
def demo_copy(demo_template: Path, tmp_path: Path) -> Path:
    """A data folder of the test's own holding the demo practice, not yet opened."""
    return Path(shutil.copytree(demo_template, tmp_path / "demo"))


@pytest.fixture
def ctx(tmp_path: Path) -> Iterator[Context]:
    """A fresh, empty workspace in a temporary folder, with today pinned."""
    from deliverydesk.model.rules.clock import FixedClock
    from deliverydesk.services.context import open_workspace

    context = open_workspace(fresh_data_dir(tmp_path / "data"), FixedClock(TODAY))
    yield context
    context.close()
