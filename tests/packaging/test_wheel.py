"""The package as it ships: a wheel in a fresh environment, the same wheel run as a zip,
and the editable install all find the icons and the migrations."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.packaging

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ("pyproject.toml", "setup.py", "README.md", "LICENSE", "src", "resources")

# Run by an interpreter that has only the wheel: no PySide6, no SQLAlchemy, no Alembic,
# so nothing here may import them (importing deliverydesk itself imports none of them).
READ_INSTALLED = """
import json, sys
from importlib.resources import as_file, files
import deliverydesk
icons = files("deliverydesk.resources") / "icons"
migrations = files("deliverydesk") / "store" / "migrations"
with as_file(migrations) as folder:
    versions = sorted(p.name for p in (folder / "versions").glob("0*.py"))
    env = (folder / "env.py").is_file() and (folder / "script.py.mako").is_file()
print(json.dumps({
    "package": deliverydesk.__file__,
    "icons": sorted(p.name for p in icons.iterdir() if p.name.endswith(".svg")),
    "fonts": sorted(p.name for p in (files("deliverydesk.resources") / "fonts").iterdir()),
    "app_icon": (icons / "deliverydesk.svg").read_text(encoding="utf-8"),
    "versions": versions,
    "env": env,
}))
"""


def source_icons() -> list[str]:
    return sorted(p.name for p in (ROOT / "resources" / "icons").glob("*.svg"))


def source_versions() -> list[str]:
    return sorted(
        p.name for p in (ROOT / "src/deliverydesk/store/migrations/versions").glob("0*.py")
    )


def run(*command: str | Path, cwd: Path | None = None) -> str:
    # The fresh environment must see only what was installed into it, not a source path.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    result = subprocess.run(command, capture_output=True, text=True, cwd=cwd, timeout=120, env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built by pip from a clean copy of the sources (no build/ or egg-info)."""
    copy = tmp_path_factory.mktemp("sources")
    skip = shutil.ignore_patterns("__pycache__", "*.egg-info", "build")
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, copy / name, ignore=skip)
        else:
            shutil.copy2(ROOT / name, copy / name)
    out = tmp_path_factory.mktemp("dist")
    run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", out, copy)
    [built] = out.glob("deliverydesk-*.whl")
    return built


def test_a_wheel_installed_in_a_fresh_environment_has_icons_and_migrations(
    wheel: Path, tmp_path: Path
) -> None:
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv)
    python = venv / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    # This environment's pip installs into the fresh one: no pip inside it, no dependencies.
    run(sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-deps", wheel)

    found = json.loads(run(python, "-I", "-c", READ_INSTALLED, cwd=tmp_path))

    assert Path(found["package"]).is_relative_to(venv)  # the wheel's copy, not the sources
    assert found["icons"] == source_icons()
    assert found["fonts"] == sorted(p.name for p in (ROOT / "resources" / "fonts").iterdir())
    assert "OFL-NotoSans.txt" in found["fonts"] and "NotoSans-Regular.ttf" in found["fonts"]
    assert {"DeliveryDeskSansCJK.ttf", "LICENSE-DroidSansFallback.txt"} <= set(found["fonts"])
    assert found["app_icon"].lstrip().startswith("<svg")
    assert found["versions"] == source_versions()
    assert found["env"]
    assert any((venv / folder / "deliverydesk").exists() for folder in ("bin", "Scripts"))


def test_the_wheel_run_as_a_zip_upgrades_a_database(wheel: Path, tmp_path: Path) -> None:
    """Like a frozen bundle: the migrations exist only as extracted temporary copies."""
    script = f"""
import sys
import zipfile
sys.path.insert(0, {str(wheel)!r})
from pathlib import Path
import deliverydesk
assert deliverydesk.__file__.startswith({str(wheel)!r}), deliverydesk.__file__
from deliverydesk.store.database import open_database
from deliverydesk.store.schema import HEAD_REVISION
db = open_database(Path({str(tmp_path)!r}))
report = db.check()
db.close()
assert report.ok and report.schema_revision == HEAD_REVISION, report
exec({READ_INSTALLED!r})
"""
    found = json.loads(run(sys.executable, "-I", "-c", script, cwd=tmp_path))
    assert found["icons"] == source_icons()
    assert found["versions"] == source_versions()


def test_the_editable_install_finds_the_top_level_resources(tmp_path: Path) -> None:
    """This environment's own install (`pip install -e .`), run away from the sources."""
    found = json.loads(run(sys.executable, "-I", "-c", READ_INSTALLED, cwd=tmp_path))
    assert found["icons"] == source_icons()
    assert found["versions"] == source_versions()
    script = "import deliverydesk.resources as r; print(r.__file__)"
    location = Path(run(sys.executable, "-I", "-c", script, cwd=tmp_path).strip())
    # The top-level folder, not a stale src/deliverydesk/resources left by the move.
    assert location.parent.name == "resources" and location.parent.parent.name != "deliverydesk"


def test_the_wheel_carries_the_licence(wheel: Path) -> None:
    """GPL-3.0-or-later, as declared: the wheel, the .deb and every installer ship it."""
    with zipfile.ZipFile(wheel) as archive:
        [licence] = [n for n in archive.namelist() if n.endswith(".dist-info/licenses/LICENSE")]
        text = archive.read(licence).decode("utf-8")
    assert "GNU GENERAL PUBLIC LICENSE" in text and "Version 3" in text
