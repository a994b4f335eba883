"""`deliverydesk export ...` and `deliverydesk import-form`, run as the real program."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.e2e.test_cli import SRC, run
from tests.e2e.test_cli_offers import SETUP
from tests.unit.test_reports_intake import fill

pytestmark = pytest.mark.e2e

TODAY = ["--today", "2026-12-01"]


def _environ() -> dict[str, str]:
    environ = {k: v for k, v in os.environ.items() if k != "DELIVERYDESK_HOME"}
    environ["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(SRC), environ.get("PYTHONPATH", "")) if p
    )
    return environ


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    environ = _environ()
    environ["HOME"] = str(tmp_path / "home")
    environ["XDG_DATA_HOME"] = str(tmp_path / "home" / "data")
    return environ


@pytest.fixture(scope="module")
def made_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    practice = tmp_path_factory.mktemp("made") / "practice"
    environ = _environ()
    extra = """
ctx = open_workspace(data_dir(Path(sys.argv[1])))
client_id = add_client(ctx, ClientInput("Zoë <b>Müller</b>")).value
enrol_client(ctx, client_id, offer_id, date(2026, 11, 23))
ctx.close()
"""
    result = run(environ, str(practice), code=SETUP + extra)
    assert result.returncode == 0, result.stderr
    return practice


@pytest.fixture
def folder(made_once: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(made_once, tmp_path / "practice"))


def deliverydesk(env: dict[str, str], folder: Path, *args: str) -> tuple[int, str, str]:
    result = run(env, *args, "--data-dir", str(folder), *TODAY)
    assert "Traceback" not in result.stderr
    return result.returncode, result.stdout, result.stderr


@pytest.mark.slow  # many runs of the program
def test_export_each_document_for_a_client(
    env: dict[str, str], folder: Path, tmp_path: Path
) -> None:
    for kind in ("progress", "onboarding", "checklist", "intake"):
        out = tmp_path / f"{kind}.pdf"
        code, stdout, stderr = deliverydesk(
            env, folder, "export", kind, "--client", "Ana Souza", "--out", str(out)
        )
        assert (code, stderr) == (0, ""), stderr
        assert stdout == f"Wrote {out}\n"
        assert len(PdfReader(out).pages) >= 1
    assert "Ana Souza" in (PdfReader(tmp_path / "progress.pdf").pages[0].extract_text() or "")


def test_export_progress_for_every_active_client_into_a_folder(
    env: dict[str, str],
    folder: Path,
    tmp_path: Path,
) -> None:
    out = tmp_path / "reports"
    code, stdout, _ = deliverydesk(
        env, folder, "export", "progress", "--all", "--out-dir", str(out)
    )
    assert code == 0
    assert stdout.endswith(f"Wrote 2 progress reports to {out}\n")
    assert sorted(p.name for p in out.iterdir()) == [
        "Progress report - Ana Souza.pdf",
        "Progress report - Zoë b Müller b.pdf",
    ]


def test_an_offer_template_and_the_refusals(
    env: dict[str, str], folder: Path, tmp_path: Path
) -> None:
    pack = tmp_path / "pack.pdf"
    assert (
        deliverydesk(
            env, folder, "export", "onboarding", "--offer", "brand audit", "--out", str(pack)
        )[0]
        == 0
    )
    code, _, err = deliverydesk(
        env, folder, "export", "progress", "--offer", "Brand Audit", "--out", str(pack)
    )
    assert code == 1 and "give --client" in err
    code, _, err = deliverydesk(
        env, folder, "export", "checklist", "--client", "Nobody", "--out", str(pack)
    )
    assert code == 1 and "no client is called 'Nobody'" in err
    code, _, err = deliverydesk(
        env, folder, "export", "onboarding", "--all", "--out-dir", str(tmp_path)
    )
    assert code == 1 and "--all makes progress reports" in err


def test_import_form_shows_the_answers_saves_them_and_refuses_a_foreign_form(
    env: dict[str, str],
    folder: Path,
    tmp_path: Path,
) -> None:
    blank = tmp_path / "intake.pdf"
    assert (
        deliverydesk(env, folder, "export", "intake", "--client", "Ana Souza", "--out", str(blank))[
            0
        ]
        == 0
    )
    fields = PdfReader(blank).get_fields() or {}
    questions = sorted(name for name in fields if name.startswith("q"))
    filled = tmp_path / "filled.pdf"
    first = fields[questions[0]]
    answer = "/c0" if first.get("/FT") == "/Btn" else "Three shops, one brand"
    fill(blank, filled, {questions[0]: answer})

    code, out, err = deliverydesk(env, folder, "import-form", str(filled), "--client", "Ana Souza")
    assert (code, err) == (0, "")
    assert out.startswith("Intake form for Brand Audit:\n1. ")
    assert "(no answer)" in out
    assert out.rstrip().endswith("Saved the answers on the client; the intake step is ticked.")

    code, out, err = deliverydesk(
        env, folder, "import-form", str(filled), "--client", "Zoë <b>Müller</b>"
    )
    assert code == 1 and out == ""
    assert "made for Ana Souza, not for Zoë <b>Müller</b>" in err


def test_strict_names_characters_no_font_prints_in_the_exit_status(
    env: dict[str, str], folder: Path, tmp_path: Path
) -> None:
    out = tmp_path / "progress.pdf"
    args = ["export", "progress", "--client", "Ana Souza", "--out", str(out)]
    note = ["--note", "Well done ✅"]  # no bundled font has U+2705

    code, _, stderr = deliverydesk(env, folder, *args, *note)
    assert code == 0  # without --strict, a note on stderr is all
    assert "✅ (U+2705)" in stderr

    code, stdout, stderr = deliverydesk(env, folder, *args, *note, "--strict")
    assert code == 3
    assert "✅ (U+2705)" in stderr
    assert stdout == f"Wrote {out}\n"  # the document is still written

    assert deliverydesk(env, folder, *args, "--note", "Well done", "--strict")[0] == 0
