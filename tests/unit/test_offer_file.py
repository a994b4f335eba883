"""Sharing an offer as a file: the round trip, and every kind of bad file refused cleanly."""

from __future__ import annotations

import json
import random
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from deliverydesk.model.rules.document_messages import DocumentMessages
from deliverydesk.model.rules.enums import Owner, StandardTier, StepKind
from deliverydesk.model.rules.offer_design import OfferSpec, PhaseSpec, StandardSpec, StepSpec
from deliverydesk.model.rules.offer_rules import saving_problems
from deliverydesk.seeding.offer_templates import TEMPLATES
from deliverydesk.services.context import Context
from deliverydesk.services.errors import InvalidInput
from deliverydesk.services.offers.offer_design import offer_design, offer_list
from deliverydesk.services.offers.offer_file import export_offer, import_offer
from deliverydesk.services.offers.offer_format import FORMAT, VERSION, to_document
from deliverydesk.services.offers.offers import create_offer
from tests.builders import SPRINT
from tests.unit.offer_support import dump, new_practice

# Every field set, in scripts and characters that break naive code.
EVERYTHING = replace(
    SPRINT,
    name="Zoë's <b>Coaching</b> & Co 👩🏽‍💻",
    promise="مريم الحسيني: من الفوضى إلى الوضوح",
    description='Quotes " and \\ backslashes\nand a second line\tafter a tab.',
    capacity_note="דנה לוי",
    document_messages=DocumentMessages(
        progress='Hej {client_first_name} 👋, "{offer}" <b>now</b>: {next_step}',
        intake="مرحبا {client_name}",
    ),
    standards=(StandardSpec("Reply 🚀", StandardTier.ORDER_WINNING, "1 day"),),
    phases=(
        PhaseSpec(
            "Fase ünø",
            10,
            (
                StepSpec(
                    "Sesión",
                    StepKind.SESSION,
                    Owner.THIRD_PARTY,
                    offset_days=2,
                    duration_days=3,
                    effort_minutes=75,
                    description="d",
                    is_milestone=True,
                    is_checkpoint=True,
                    is_touchpoint=True,
                    message_template="Hi {client_first_name}, {due_date}",
                    failure_point="f",
                    recovery_protocol="r",
                    client_facing=True,
                    resource_link="https://example.com/ü?q=1&r=2",
                ),
            ),
            "A phase",
        ),
    ),
)


@pytest.fixture
def practice(ctx: Context) -> Context:
    return new_practice(ctx)


def write(tmp_path: Path, content: bytes | str | dict[str, Any], name: str = "offer.json") -> Path:
    path = tmp_path / name
    if isinstance(content, dict):
        content = json.dumps(content)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def document(**offer: Any) -> dict[str, Any]:
    base = to_document(SPRINT)
    base["offer"].update(offer)
    return base


@pytest.mark.parametrize(
    "spec",
    [SPRINT, EVERYTHING, *(t.spec for t in TEMPLATES)],
    ids=["sprint", "everything", *(t.key for t in TEMPLATES)],
)
def test_export_then_import_gives_the_same_design(
    practice: Context, tmp_path: Path, spec: OfferSpec
) -> None:
    offer_id, _ = create_offer(practice, spec)
    path = export_offer(practice, offer_id, tmp_path / "shared.json")
    assert json.loads(path.read_text("utf-8"))["format"] == FORMAT
    imported = import_offer(practice, path)
    design = offer_design(practice, imported.value).spec.without_ids()
    assert design == replace(spec, name=f"{spec.name} (imported)")
    assert imported.changes.offers == {imported.value}


def test_the_file_carries_no_ids_and_is_replaced_whole(practice: Context, tmp_path: Path) -> None:
    offer_id, _ = create_offer(practice, SPRINT)
    (tmp_path / "shared").mkdir()
    path = tmp_path / "shared" / "sprint.json"
    path.write_text("an older file, longer than the new one will be" * 1000)
    export_offer(practice, offer_id, path)
    text = path.read_text("utf-8")
    assert '"id"' not in text
    assert json.loads(text) == to_document(SPRINT)
    assert [p.name for p in path.parent.iterdir()] == ["sprint.json"]  # no temp left


def test_exporting_into_a_missing_folder_says_so(practice: Context, tmp_path: Path) -> None:
    offer_id, _ = create_offer(practice, SPRINT)
    with pytest.raises(InvalidInput, match="no folder"):
        export_offer(practice, offer_id, tmp_path / "nowhere" / "sprint.json")


def test_an_imported_offer_gets_a_name_of_its_own(practice: Context, tmp_path: Path) -> None:
    path = write(tmp_path, to_document(SPRINT))
    names = [import_offer(practice, path).value for _ in range(3)]
    assert [offer_design(practice, i).spec.name for i in names] == [
        "Clarity Sprint",
        "Clarity Sprint (imported)",
        "Clarity Sprint (imported 2)",
    ]


def test_missing_optional_fields_take_their_defaults(practice: Context, tmp_path: Path) -> None:
    minimal = {
        "format": FORMAT,
        "version": VERSION,
        "offer": {"name": "Minimal", "phases": [{"name": "Only", "steps": [{"title": "Call"}]}]},
    }
    offer_id = import_offer(practice, write(tmp_path, minimal)).value
    assert offer_design(practice, offer_id).spec.without_ids() == OfferSpec(
        "Minimal", phases=(PhaseSpec("Only", 5, (StepSpec("Call"),)),)
    )


TOO_BIG = (
    b'{"format": "deliverydesk-offer", "version": 1, "offer": {"name": "'
    + b"x" * (2 * 1024 * 1024)
    + b'"}}'
)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("{not json", "damaged or not JSON"),
        ("", "damaged or not JSON"),
        (b"\xff\xfe\x00garbage", "not text"),
        ("[1, 2, 3]", "not a DeliveryDesk offer file"),
        ({"format": "something-else", "version": 1, "offer": {}}, "not a DeliveryDesk offer"),
        ({"format": FORMAT, "offer": {}}, "does not say which version"),
        ({"format": FORMAT, "version": "1", "offer": {}}, "does not say which version"),
        ({"format": FORMAT, "version": 2, "offer": {}}, "newer DeliveryDesk"),
        ({"format": FORMAT, "version": 1, "offer": []}, "The offer is not written"),
        (document(name=None), "'name' should be text"),
        (document(name="   "), "needs a name"),
        (document(duration_weeks="12"), "'duration_weeks' should be a whole number"),
        (document(duration_weeks=True), "'duration_weeks' should be a whole number"),
        (document(duration_weeks=1.5), "'duration_weeks' should be a whole number"),
        (document(phases={"a": 1}), "'phases' should be a list"),
        (document(phases=[{"name": "P", "steps": [{"title": "S", "kind": "dance"}]}]), "kind"),
        (document(phases=[{"name": "P", "steps": [{"title": "S", "is_milestone": 1}]}]), "true"),
        (document(phases=[{"name": "P", "planned_days": -3, "steps": []}]), "must last"),
        (document(standards=[{"promise": "x", "tier": "gold"}]), "'tier' should be one of"),
        (document(phases=[{"name": f"P{i}", "steps": []} for i in range(201)]), "at most 200"),
        (document(promise="p" * 10_001), "10,001 characters"),
        (document(document_messages={"progress": 3}), "'progress' should be text"),
        (document(document_messages=["Hi"]), "The set of document messages is not written"),
        (document(document_messages={"checklist": "m" * 10_001}), "10,001 characters"),
        ('{"format": "deliverydesk-offer", "version": 1, "offer": {"name": "\\ud800"}}', "stored"),
        ('{"format": "deliverydesk-offer", "version": 1, "offer": {"name": "a\\u0000"}}', "stored"),
        ('{"format": "deliverydesk-offer", "version": 1, "offer": {"duration_weeks": NaN}}', "NaN"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('{"version": 1' + "0" * 5000 + "}", "damaged or not JSON"),
        (TOO_BIG, "larger than 2 MB"),
    ],
    ids=lambda value: None if not isinstance(value, str) or len(value) > 40 else value,
)
def test_a_bad_file_is_refused_with_its_reason_and_changes_nothing(
    practice: Context, tmp_path: Path, content: Any, reason: str
) -> None:
    path = write(tmp_path, content)
    before = dump(practice)
    with pytest.raises(InvalidInput, match=reason):
        import_offer(practice, path)
    assert dump(practice) == before


def test_a_missing_file_or_a_folder_is_refused(practice: Context, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="no file"):
        import_offer(practice, tmp_path / "absent.json")
    with pytest.raises(InvalidInput, match="is a folder"):
        import_offer(practice, tmp_path)


# Generated garbage ---------------------------------------------------------------------------

ODD_TEXT = ["", " ", "\x00", "\ud800", "x" * 10_001, "{nope}", "é", "🚀", "<b>", "\n", "NaN"]


def random_value(rng: random.Random, depth: int = 0) -> Any:
    choice = rng.randrange(9 if depth < 3 else 6)
    if choice == 0:
        return None
    if choice == 1:
        return rng.choice([True, False])
    if choice == 2:
        return rng.choice([0, 1, -1, 5, 2**70, -(2**63)])
    if choice == 3:
        return rng.choice([0.5, -2.0, 1e308])
    if choice in (4, 5):
        return rng.choice(ODD_TEXT)
    if choice in (6, 7):
        return [random_value(rng, depth + 1) for _ in range(rng.randrange(4))]
    keys = ["name", "title", "steps", "phases", "kind", "version", "format", "offer", "id"]
    return {rng.choice(keys): random_value(rng, depth + 1) for _ in range(rng.randrange(4))}


def containers(value: Any) -> list[Any]:
    found = []
    if isinstance(value, dict | list):
        found.append(value)
        for child in value.values() if isinstance(value, dict) else value:
            found.extend(containers(child))
    return found


def mutated(rng: random.Random, base: dict[str, Any]) -> bytes:
    """A valid document with a few random edits to its structure or to its bytes."""
    doc = json.loads(json.dumps(base))
    for _ in range(rng.randrange(1, 4)):
        target = rng.choice(containers(doc))
        if isinstance(target, dict) and target:
            key = rng.choice(list(target))
            if rng.random() < 0.3:
                del target[key]
            else:
                target[key] = random_value(rng)
        elif isinstance(target, list) and target:
            index = rng.randrange(len(target))
            if rng.random() < 0.3:
                target.append(target[index])
            else:
                target[index] = random_value(rng)
    raw = bytearray(
        json.dumps(doc, ensure_ascii=rng.random() < 0.5).encode("utf-8", "surrogatepass")
    )
    if rng.random() < 0.3:  # damage a few bytes, or cut the file short
        for _ in range(rng.randrange(1, 4)):
            raw[rng.randrange(len(raw))] = rng.randrange(256)
    if rng.random() < 0.1:
        del raw[rng.randrange(len(raw)) :]
    return bytes(raw)


FIXED = ("format", "tier", "kind", "owner", "price")  # a choice or a short field


def retouched(rng: random.Random, base: dict[str, Any]) -> bytes:
    """A valid document with texts and numbers changed for others of the same type."""
    doc = json.loads(json.dumps(base))
    texts = ["é", "🚀 launch", "مرحبا", "<b>&amp;</b>", "line\nbreak", "{step} {x}", "t" * 150]
    for target in containers(doc):
        keys = list(target) if isinstance(target, dict) else range(len(target))
        for key in keys:
            value = target[key]
            if rng.random() < 0.2 and isinstance(value, str) and key not in FIXED:
                target[key] = rng.choice(texts)
            elif rng.random() < 0.2 and type(value) is int and key != "version":
                target[key] = rng.randrange(1, 40)
    return json.dumps(doc, ensure_ascii=rng.random() < 0.5).encode("utf-8")


def garbage(rng: random.Random, base: dict[str, Any]) -> bytes:
    kind = rng.randrange(10)
    if kind in (8, 9):
        return retouched(rng, base)
    if kind == 0:
        return rng.randbytes(rng.randrange(200))
    if kind == 1:
        return json.dumps(random_value(rng)).encode("utf-8", "surrogatepass")
    if kind == 2:
        doc = {"format": FORMAT, "version": VERSION, "offer": random_value(rng)}
        return json.dumps(doc).encode("utf-8", "surrogatepass")
    return mutated(rng, base)


def test_generated_garbage_is_imported_or_refused_never_anything_else(
    practice: Context, tmp_path: Path
) -> None:
    rng = random.Random(20261123)
    base = to_document(SPRINT)
    path = tmp_path / "garbage.json"
    imported = refused = 0
    before = dump(practice)
    for _ in range(400):
        path.write_bytes(garbage(rng, base))
        try:
            result = import_offer(practice, path)
        except InvalidInput as error:
            assert str(error)  # a reason, in words
            refused += 1
            assert dump(practice) == before
            continue
        imported += 1
        design = offer_design(practice, result.value)
        assert saving_problems(design.spec) == []
        before = dump(practice)
    assert len(offer_list(practice)) == imported
    assert imported > 50 and refused > 200  # both paths were really exercised
