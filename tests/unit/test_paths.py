"""Where the practice's data lives: --data-dir, then $DELIVERYDESK_HOME, then the platform's."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest
from platformdirs import user_data_path

from deliverydesk import APP_NAME
from deliverydesk.paths import HOME_VARIABLE, data_dir, resolve_data_dir


def test_the_command_line_wins_over_the_environment(tmp_path: Path) -> None:
    chosen = resolve_data_dir(tmp_path / "cli", {HOME_VARIABLE: str(tmp_path / "env")})
    assert chosen == tmp_path / "cli"


def test_the_environment_is_used_without_a_command_line_choice(tmp_path: Path) -> None:
    assert resolve_data_dir(None, {HOME_VARIABLE: str(tmp_path / "env")}) == tmp_path / "env"


@pytest.mark.parametrize("environ", [{}, {HOME_VARIABLE: ""}], ids=["unset", "empty"])
def test_the_platform_folder_is_the_fallback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, environ: dict[str, str]
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    chosen = resolve_data_dir(None, environ)
    assert chosen == user_data_path(APP_NAME, appauthor=False)
    assert chosen.name == APP_NAME
    if sys.platform.startswith("linux"):
        assert chosen == tmp_path / "xdg" / APP_NAME


def test_the_real_environment_is_read_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(HOME_VARIABLE, str(tmp_path / "env"))
    assert resolve_data_dir() == tmp_path / "env"


def test_a_home_relative_folder_is_expanded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert resolve_data_dir("~/Coaching") == tmp_path / "Coaching"
    assert resolve_data_dir(None, {HOME_VARIABLE: "~/Elsewhere"}) == tmp_path / "Elsewhere"


def test_resolving_creates_nothing(tmp_path: Path) -> None:
    resolve_data_dir(tmp_path / "a" / "b")
    assert list(tmp_path.iterdir()) == []


def test_data_dir_creates_a_private_folder(tmp_path: Path) -> None:
    folder = data_dir(tmp_path / "a" / "b")
    assert folder == tmp_path / "a" / "b"
    assert folder.is_dir()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_data_dir_makes_an_existing_folder_private(tmp_path: Path) -> None:
    existing = tmp_path / "shared"
    existing.mkdir(mode=0o755)
    (existing / "keep.txt").write_text("kept")
    assert data_dir(existing) == existing
    assert stat.S_IMODE(existing.stat().st_mode) == 0o700
    assert (existing / "keep.txt").read_text() == "kept"
