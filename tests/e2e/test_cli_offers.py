"""`deliverydesk offer list | export | import`, run as the real program."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from tests.e2e.test_cli import SRC, run

pytestmark = pytest.mark.e2e

# A practice with the built-in brand audit and one client enrolled in it, made through the
# services the window uses (the demo would take seconds to seed).
SETUP = """
import sys
from datetime import date
from pathlib import Path
from deliverydesk.paths import data_dir
from deliverydesk.seeding.offer_templates import OFFERS
from deliverydesk.services.clients.clients import ClientInput, add_client, enrol_client
from deliverydesk.services.context import open_workspace
from deliverydesk.services.offers.offer_design import add_offer
from deliverydesk.services.practice.practice import create_practice

ctx = open_workspace(data_dir(Path(sys.argv[1])))
create_practice(ctx, "Northlight", 25, frozenset({1, 2, 3, 4}))
offer_id = add_offer(ctx, OFFERS["brand"]).value
client_id = add_client(ctx, ClientInput("Ana Souza")).value
enrol_client(ctx, client_id, offer_id, date(2026, 11, 23))
add_offer(ctx, OFFERS["coaching"])
ctx.close()
"""


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    environ = {k: v for k, v in os.environ.items() if k != "DELIVERYDESK_HOME"}
    environ["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(SRC), environ.get("PYTHONPATH", "")) if p
    )
    environ["HOME"] = str(tmp_path / "home")
    environ["XDG_DATA_HOME"] = str(tmp_path / "home" / "data")
    return environ


@pytest.fixture(scope="module")
def made_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    practice = tmp_path_factory.mktemp("made") / "practice"
    environ = {k: v for k, v in os.environ.items() if k != "DELIVERYDESK_HOME"}
    environ["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(SRC), environ.get("PYTHONPATH", "")) if p
    )
    result = run(environ, str(practice), code=SETUP)
    assert result.returncode == 0, result.stderr
    return practice


@pytest.fixture
def folder(made_once: Path, tmp_path: Path) -> Path:
    """A copy of the practice for each test (made once: each run of the program takes a
    second or two)."""
    return Path(shutil.copytree(made_once, tmp_path / "practice"))


def offer(env: dict[str, str], folder: Path, *args: str) -> tuple[int, str, str]:
    result = run(env, "offer", *args, "--data-dir", str(folder))
    assert "Traceback" not in result.stderr
    return result.returncode, result.stdout, result.stderr


def test_list_shows_each_offer_with_its_clients(env: dict[str, str], folder: Path) -> None:
    code, out, err = offer(env, folder, "list")
    assert (code, err) == (0, "")
    brand, coaching = out.splitlines()
    assert brand.startswith("Brand Audit ")
    assert "active  1 active of 1 client  revision 1  ready to enrol" in brand
    assert coaching.startswith("12-Week Clarity Coaching")
    assert "0 active of 0 clients" in coaching


def test_list_on_an_empty_folder(env: dict[str, str], tmp_path: Path) -> None:
    code, out, _ = offer(env, tmp_path / "empty", "list")
    assert (code, out) == (0, "No offers yet.\n")


@pytest.mark.slow  # many runs of the program
def test_export_then_import_shares_an_offer(
    env: dict[str, str], folder: Path, tmp_path: Path
) -> None:
    shared = tmp_path / "brand audit.json"
    code, out, err = offer(env, folder, "export", "brand audit", "--out", str(shared))
    assert (code, err) == (0, "")
    assert out == f"Exported 'Brand Audit' to {shared}\n"
    document = json.loads(shared.read_text("utf-8"))
    assert (document["format"], document["version"]) == ("deliverydesk-offer", 1)
    assert document["offer"]["name"] == "Brand Audit"

    # Into the same practice: a name of its own. Into a new one: the name as it was.
    code, out, _ = offer(env, folder, "import", str(shared))
    assert (code, out) == (0, f"Imported 'Brand Audit (imported)' from {shared}\n")
    peer = tmp_path / "peer"
    code, out, _ = offer(env, peer, "import", str(shared))
    assert (code, out) == (0, f"Imported 'Brand Audit' from {shared}\n")
    again = tmp_path / "again.json"
    assert offer(env, peer, "export", "Brand Audit", "--out", str(again))[0] == 0
    assert json.loads(again.read_text("utf-8")) == document


def test_an_unknown_name_fails_and_lists_the_offers(
    env: dict[str, str], folder: Path, tmp_path: Path
) -> None:
    code, out, err = offer(env, folder, "export", "Yoga", "--out", str(tmp_path / "y.json"))
    assert code == 1 and out == ""
    assert "no offer named 'Yoga'" in err
    assert "'Brand Audit' and '12-Week Clarity Coaching'." in err  # a sentence
    assert not (tmp_path / "y.json").exists()


BAD_FILES = [
    (None, "There is no file"),
    ("{oops", "damaged or not JSON"),
    ('{"format": "something-else"}', "not a DeliveryDesk offer file"),
    ('{"format": "deliverydesk-offer", "version": 9, "offer": {}}', "newer DeliveryDesk"),
]


@pytest.mark.slow  # many runs of the program
def test_a_bad_file_is_refused_and_changes_nothing(
    env: dict[str, str], folder: Path, tmp_path: Path
) -> None:
    _, before, _ = offer(env, folder, "list")
    for index, (content, reason) in enumerate(BAD_FILES):
        path = tmp_path / f"bad{index}.json"
        if content is not None:
            path.write_text(content)
        code, out, err = offer(env, folder, "import", str(path))
        assert code == 1 and out == "", content
        assert reason in err
    assert offer(env, folder, "list")[1] == before


def test_offer_needs_an_action(env: dict[str, str], folder: Path) -> None:
    code, _, err = offer(env, folder)
    assert code == 2
    assert "ACTION" in err


def test_offer_commands_run_without_qt(env: dict[str, str], folder: Path) -> None:
    code = (
        "import sys; sys.modules['PySide6'] = None; "
        "from deliverydesk.cli.main import main; sys.exit(main(sys.argv[1:]))"
    )
    result = run(env, "offer", "list", "--data-dir", str(folder), code=code)
    assert result.returncode == 0, result.stderr
    assert "Brand Audit" in result.stdout


def test_an_offer_named_with_a_line_break_and_bidi_controls_is_found_by_its_name(
    env: dict[str, str], folder: Path, tmp_path: Path
) -> None:
    shared = tmp_path / "brand audit.json"
    assert offer(env, folder, "export", "Brand Audit", "--out", str(shared))[0] == 0
    document = json.loads(shared.read_text("utf-8"))
    document["offer"]["name"] = "Launch\n\u202ePlan\u202c\t"
    shared.write_text(json.dumps(document), "utf-8")

    code, out, _ = offer(env, folder, "import", str(shared))
    assert (code, out) == (0, f"Imported 'Launch Plan' from {shared}\n")
    again = tmp_path / "again.json"
    code, out, err = offer(env, folder, "export", "launch plan", "--out", str(again))
    assert (code, err) == (0, "")
    assert json.loads(again.read_text("utf-8"))["offer"]["name"] == "Launch Plan"
    pack = tmp_path / "pack.pdf"
    result = run(
        env,
        "export",
        "onboarding",
        "--offer",
        "Launch Plan",
        "--out",
        str(pack),
        "--data-dir",
        str(folder),
    )
    assert result.returncode == 0, result.stderr
