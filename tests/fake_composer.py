"""A fake `xdg-email` first on PATH, for the tests of sending a document (unit and GUI):
each call appends its arguments, as JSON, to the file the `composer` fixture returns."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest


@pytest.fixture
def composer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fake xdg-email first on PATH; each call appends its arguments to the returned file."""
    folder = tmp_path / "bin"
    folder.mkdir()
    calls = tmp_path / "calls.jsonl"
    script = folder / "xdg-email"
    script.write_text(
        f"#!{sys.executable} -IS\n"
        "import json, sys\n"
        f"with open({str(calls)!r}, 'a', encoding='utf-8') as out:\n"
        "    out.write(json.dumps(sys.argv[1:]) + '\\n')\n",
        encoding="utf-8",
    )
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ.get('PATH', '')}")
    return calls


def recorded(calls: Path) -> list[list[str]]:
    """The arguments of each call to the fake composer, in order (none: [])."""
    if not calls.exists():
        return []
    return [json.loads(line) for line in calls.read_text(encoding="utf-8").splitlines()]


def option(args: list[str], name: str) -> str:
    return args[args.index(name) + 1]
