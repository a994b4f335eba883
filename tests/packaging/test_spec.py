"""Quick checks of packaging/: the PyInstaller spec collects every data file, the desktop
entry and metainfo validate and name the app as the window does, the icons render.

The bundle itself is built and checked by `make package` (packaging/check.sh)."""

from __future__ import annotations

import ast
import configparser
import importlib.metadata
import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from deliverydesk import APP_ID, APP_NAME, __version__
from deliverydesk.build_info import BUILD_FILE

pytestmark = pytest.mark.packaging

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "deliverydesk.spec"
DESKTOP = PACKAGING / "linux" / f"{APP_ID}.desktop"
METAINFO = PACKAGING / "linux" / f"{APP_ID}.metainfo.xml"


def spec_value(name: str) -> object:
    """A constant assigned in the spec, read without running PyInstaller."""
    for node in ast.parse(SPEC.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            return ast.literal_eval(node.value)
    raise AssertionError(f"the spec assigns no {name}")


def test_every_data_file_of_ours_lies_in_a_folder_the_spec_collects() -> None:
    """A new resource folder (or a data file beside the code) cannot be forgotten: the
    bundle would lack it and only a frozen run would notice."""
    folders = spec_value("DATA_FOLDERS")
    assert isinstance(folders, dict)
    for folder in folders:
        assert (ROOT / folder).is_dir(), folder
    data = [
        path.relative_to(ROOT)
        for top in (ROOT / "src" / "deliverydesk", ROOT / "resources")
        for path in top.rglob("*")
        if path.is_file()
        and path.suffix not in {".py", ".pyc", ".pyi", ".typed"}
        and "__pycache__" not in path.parts
    ]
    assert data  # the icons and fonts at least
    outside = [p for p in data if not any(p.is_relative_to(folder) for folder in folders)]
    assert outside == []


def _imported_packages(source: Path) -> set[str]:
    """The top-level packages a module imports, at its top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module.split(".")[0])
    return found


def test_the_spec_bundles_icalendar_whole_and_tzdata_with_its_zone_files() -> None:
    """icalendar is imported only when a calendar is read or written, and zoneinfo finds
    tzdata's zone files by name (Windows has no zone database of its own): PyInstaller's
    analysis sees neither, and only a frozen calendar export, or any session time on
    Windows, would notice them missing."""
    late = spec_value("LATE_PACKAGES")
    data = spec_value("DATA_PACKAGES")
    assert isinstance(late, list) and isinstance(data, list)
    ours = set().union(*map(_imported_packages, (ROOT / "src").rglob("*.py")))
    assert {"icalendar", "zoneinfo"} <= ours
    assert "icalendar" in late
    # zoneinfo falls back on tzdata, as a package of packages (one per zone folder) whose
    # files it opens with importlib.resources: its modules and its data files, both.
    assert "tzdata" in late and "tzdata" in data
    # icalendar itself requires tzdata on every platform, so every bundle carries it.
    required = [r.split(";")[0].strip() for r in importlib.metadata.requires("icalendar") or []]
    assert "tzdata" in {re.split(r"[<>=!~ \[]", r, maxsplit=1)[0] for r in required}
    spec = SPEC.read_text(encoding="utf-8")
    assert "collect_data_files(package)" in spec and "collect_submodules(package)" in spec


def test_the_bundle_sets_the_warning_option_the_batch_export_adds() -> None:
    """Otherwise PyInstaller does not recognise the batch's helper processes, and every
    frozen batch export fails."""
    from deliverydesk.services.paper.report_export import QUIET_TRACKER

    assert spec_value("QUIET_TRACKER") == QUIET_TRACKER


def test_the_spec_records_the_commit_where_build_info_reads_it() -> None:
    assert f'/ "{BUILD_FILE}"' in SPEC.read_text(encoding="utf-8")


def test_desktop_entry_and_metainfo_name_the_app_as_its_window_does() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(DESKTOP, encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Icon"] == APP_ID
    assert desktop["Exec"].split()[0] == "deliverydesk"
    # Qt names an X11 window's class after the application name (ui/app.py sets it);
    # Wayland uses the desktop file name, APP_ID, which is this file's name.
    assert desktop["StartupWMClass"] == APP_NAME

    component = ET.parse(METAINFO).getroot()
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == DESKTOP.name
    assert component.findtext("project_license") == "GPL-3.0-or-later"
    versions = [r.get("version") for r in component.iter("release")]
    assert versions[0] == __version__  # the newest release first, this one


@pytest.mark.parametrize(
    "command",
    [
        ["desktop-file-validate", str(DESKTOP)],
        ["appstreamcli", "validate", "--no-net", str(METAINFO)],
    ],
    ids=["desktop-file-validate", "appstreamcli"],
)
def test_desktop_files_validate(command: list[str]) -> None:
    if shutil.which(command[0]) is None:  # .ci/run installs both
        pytest.skip(f"{command[0]} is not installed")
    result = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_the_icons_render_at_every_size_for_every_platform(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, str(PACKAGING / "icons" / "render.py"), str(tmp_path)],
        check=True,
        timeout=120,
    )
    for size in (16, 22, 24, 32, 48, 64, 128, 256, 512):
        png = tmp_path / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert png_size(png.read_bytes()) == (size, size)
    scalable = tmp_path / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    assert scalable.read_text(encoding="utf-8").lstrip().startswith("<svg")

    ico = (tmp_path / "deliverydesk.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1) and count == 7
    sizes = set()
    for index in range(count):
        width, _, _, _, _, _, length, offset = struct.unpack(
            "<BBBBHHII", ico[6 + 16 * index : 22 + 16 * index]
        )
        assert png_size(ico[offset : offset + length])[0] == (width or 256)
        sizes.add(width or 256)
    assert {16, 32, 48, 256} <= sizes

    icns = (tmp_path / "deliverydesk.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    assert b"ic10" in icns  # 1024 px, what the Dock and Finder ask for on Retina screens
