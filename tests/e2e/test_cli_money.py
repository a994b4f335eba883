"""`export-money` from a script: every invoice of the practice as CSV for the accountant,
safe for a spreadsheet by default, plain with --plain; a bad place refused in words."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.e2e.test_cli import env, run

__all__ = ["env"]  # the fixture, shared with test_cli.py

pytestmark = pytest.mark.e2e


def test_export_money_writes_every_invoice_line(
    env: dict[str, str], demo_template: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "practice"
    shutil.copytree(demo_template, folder)
    options = ["--data-dir", str(folder), "--today", "2026-11-23"]
    path = tmp_path / "money.csv"
    done = run(env, "export-money", str(path), *options)
    assert done.returncode == 0, done.stderr
    count = int(done.stdout.split("Wrote ", 1)[1].split(" ", 1)[0])
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # for a spreadsheet: accents kept
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[0] == (
        '"Client","Company","Offer","Invoice","Amount","Currency","Due","Invoiced","Paid","Status"'
    )
    assert len(lines) == count + 1 and count > 0  # the demo's offers have invoice steps

    plain = run(env, "export-money", str(tmp_path / "plain.csv"), "--plain", *options)
    assert plain.returncode == 0, plain.stderr
    assert (tmp_path / "plain.csv").read_text("utf-8").startswith("Client,Company,Offer")

    refused = run(env, "export-money", str(tmp_path / "nowhere" / "m.csv"), *options)
    assert refused.returncode != 0
    assert "Traceback" not in refused.stderr and refused.stderr.strip()
