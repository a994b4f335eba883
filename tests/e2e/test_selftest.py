"""`deliverydesk selftest`: a scratch practice, every PDF, the window; the person's own
data folder is never made or touched."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.test_cli import env, run  # noqa: F401  (env is a fixture)

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def test_selftest_checks_each_part_in_a_scratch_folder(
    env: dict[str, str],  # noqa: F811
    tmp_path: Path,
) -> None:
    env["DELIVERYDESK_HOME"] = str(tmp_path / "real-practice")

    result = run(env, "selftest")

    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    for part in (
        "demo practice",
        "batch of progress reports",
        "onboarding document",
        "checklist document",
        "intake document",
        "window",
    ):
        assert any(line.startswith(f"ok    {part}: ") for line in lines), result.stdout
    [window] = [line for line in lines if line.startswith("ok    window: ")]
    assert "Northlight Practice" in window and "Board with" in window
    assert lines[-1] == "All good."
    assert not (tmp_path / "real-practice").exists()
