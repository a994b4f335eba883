"""Shared by the report tests: a small practice with one offer and an enrolled client, and
looks inside a PDF the way a reader (or an attacker) would."""

from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from pypdf import PdfReader, PdfWriter
from pypdf.generic import IndirectObject, NameObject, TextStringObject

from deliverydesk.model.rules.enums import Owner, QuestionKind, StepKind
from deliverydesk.model.rules.offer_design import IntakeQuestion, OfferSpec, StepSpec
from deliverydesk.services.clients.clients import ClientInput, add_client, enrol_client
from deliverydesk.services.context import Context
from deliverydesk.services.offers.offers import create_offer
from deliverydesk.services.practice.practice import create_practice
from tests.builders import DRAFT_THE_PLAN, FINAL_REVIEW, PROMISE, WELCOME_CALL, phase, sprint

MON_FRI = frozenset({1, 2, 3, 4, 5})
QUESTIONS = (
    IntakeQuestion("What brings you here now?", QuestionKind.LONG_TEXT),
    IntakeQuestion("Your company's name", QuestionKind.SHORT_TEXT),
    IntakeQuestion("Hours a week for your part", QuestionKind.CHOICE, ("1-2", "3-5", "More")),
    IntakeQuestion("Worked with a coach before?", QuestionKind.YES_NO),
    IntakeQuestion("Best start date", QuestionKind.DATE),
)
OFFER = sprint(
    phase(
        "Onboarding",
        3,
        WELCOME_CALL,
        StepSpec("Intake form", StepKind.FORM, Owner.CLIENT, offset_days=1),
        StepSpec("Prepare the workbook", client_facing=False),
        description="Paperwork done, the map in hand.",
    ),
    phase(
        "Deep work",
        5,
        replace(DRAFT_THE_PLAN, is_milestone=True),
        StepSpec("Mark up the draft", StepKind.HOMEWORK, Owner.CLIENT, offset_days=2),
        description="The plan takes shape.",
    ),
    phase(
        "Wrap-up",
        2,
        replace(FINAL_REVIEW, is_milestone=True),
        description="Celebrate, and keep it going.",
    ),
    promise=PROMISE,
    description="Three phases with a call each week.",
    duration_weeks=3,
    boundaries=(
        "Replies within a working day.\nSessions moved with less than a day's notice count as held."
    ),
    welcome_template="Hi {client_first_name}, welcome to {offer}! First: {step} by {due_date}.",
    intake_questions=QUESTIONS,
)


@dataclass(frozen=True)
class Enrolled:
    client_id: int
    offer_id: int
    journey_id: int


def practice(ctx: Context) -> Context:
    create_practice(ctx, "North Star Coaching", 30, MON_FRI, owner_name="Jo Park")
    return ctx


def enrol(
    ctx: Context,
    name: str = "Ana Souza",
    offer: OfferSpec = OFFER,
    start: date | None = None,
    **details: str,
) -> Enrolled:
    offer_id, _ = create_offer(ctx, replace(offer, name=f"{offer.name} {name[:40]}"))
    client_id = add_client(ctx, ClientInput(name, **details)).value
    journey_id = enrol_client(ctx, client_id, offer_id, start or date(2026, 11, 2)).value
    return Enrolled(client_id, offer_id, journey_id)


# -- inside a PDF -----------------------------------------------------------------------------


def reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def text(pdf: bytes) -> str:
    """Every page's text, with runs of white space made one space."""
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader(pdf).pages)


def folded(value: str) -> str:
    """NFKC, without spaces: shaped Arabic comes out as presentation forms, and right-to-left
    words in visual order, so such text is compared letter by letter."""
    return "".join(unicodedata.normalize("NFKC", value).split())


def _resolve(value: Any) -> Any:
    return value.get_object() if isinstance(value, IndirectObject) else value


def fonts(pdf: bytes) -> dict[str, bool]:
    """Each font the pages use: its name, and whether its file is embedded."""
    found: dict[str, bool] = {}
    for page in reader(pdf).pages:
        resources = _resolve(page.get("/Resources")) or {}
        for font in (_resolve(resources.get("/Font")) or {}).values():
            font = _resolve(font)
            descriptor = _resolve(font.get("/FontDescriptor")) or {}
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            found[str(font.get("/BaseFont"))] = embedded
    return found


def link_targets(pdf: bytes) -> list[str]:
    """Every /URI (or launch) action in the document's annotations."""
    targets = []
    for page in reader(pdf).pages:
        for annotation in _resolve(page.get("/Annots")) or []:
            action = _resolve(_resolve(annotation).get("/A")) or {}
            if action.get("/S") in ("/URI", "/Launch", "/JavaScript"):
                targets.append(str(action.get("/URI") or action.get("/F") or action.get("/JS")))
    return targets


def images(pdf: bytes) -> int:
    """How many images the pages draw."""
    count = 0
    for page in reader(pdf).pages:
        resources = _resolve(page.get("/Resources")) or {}
        for item in (_resolve(resources.get("/XObject")) or {}).values():
            if _resolve(item).get("/Subtype") == "/Image":
                count += 1
    return count


def fill(blank: Path, filled: Path, values: dict[str, str]) -> None:
    """What a PDF reader does when the client types and clicks, then saves."""
    writer = PdfWriter(clone_from=PdfReader(blank))
    for page in writer.pages:
        for annotation in page.get("/Annots") or []:
            widget = annotation.get_object()
            field = widget.get("/Parent", widget).get_object()
            name = str(field.get("/T"))
            if name not in values:
                continue
            value = values[name]
            if value.startswith("/"):  # a radio button: the group's value and the widget's state
                field[NameObject("/V")] = NameObject(value)
                states = widget["/AP"]["/N"].keys()
                widget[NameObject("/AS")] = NameObject(value if value in states else "/Off")
            else:
                field[NameObject("/V")] = TextStringObject(value)
    with filled.open("wb") as handle:
        writer.write(handle)


# -- where things land ------------------------------------------------------------------------


def text_runs(pdf: bytes, page: int) -> list[tuple[str, float, float]]:
    """The text shown on page `page` (0-based), run by run, with where each run starts."""
    runs: list[tuple[str, float, float]] = []

    def visit(shown: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        if shown.strip():
            runs.append((shown.strip(), tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5]))

    reader(pdf).pages[page].extract_text(visitor_text=visit)
    return runs


def outline(pdf: bytes) -> list[tuple[str, int, float]]:
    """Each bookmark: its title, the page (0-based) it opens and the height it opens at."""
    document = reader(pdf)
    found: list[tuple[str, int, float]] = []

    def walk(items: list[Any]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                page = document.get_destination_page_number(item)
                found.append((str(item.title), page, float(item.get("/Top") or 0)))

    walk(document.outline)
    return found


def first_text_below(pdf: bytes, page: int, top: float) -> str:
    """The first line a reader sees when a link opens `page` at `top`."""
    below = [(y, text) for text, _, y in text_runs(pdf, page) if y <= top]
    return max(below)[1] if below else ""


def contents_entries(pdf: bytes, page: int) -> dict[str, tuple[int, int]]:
    """The contents page's lines: title -> (the page number it prints, the page its link
    opens, 1-based)."""
    runs = text_runs(pdf, page)
    document = reader(pdf)
    numbers = {p.indirect_reference.idnum: n for n, p in enumerate(document.pages, start=1)}
    links = []
    for annotation in _resolve(document.pages[page].get("/Annots")) or []:
        annotation = _resolve(annotation)
        target = annotation.get("/Dest")
        if target is not None:
            rect = [float(v) for v in annotation["/Rect"]]
            links.append((rect, numbers.get(target[0].idnum, 0)))
    entries = {}
    for text, _, y in runs:
        printed = [  # the leader dots and the number at their end
            int(t.split()[-1])
            for t, _, ny in runs
            if t.startswith(".") and t.split()[-1].isdigit() and abs(ny - y) < 2
        ]
        opened = [opens for rect, opens in links if rect[1] - 2 <= y <= rect[3] + 2]
        if printed and not text.split()[-1].isdigit():
            entries[text] = (printed[0], opened[0] if opened else 0)
    return entries
