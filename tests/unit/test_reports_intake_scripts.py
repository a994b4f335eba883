"""The intake form returns an answer in any script: its fields are set in an embedded font,
so a reader that draws the typed answer again has every glyph, and the value reads back."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader, PdfWriter

from deliverydesk.model.rules.enums import QuestionKind
from deliverydesk.model.rules.offer_design import IntakeQuestion
from deliverydesk.reports.intake_form import NAME_FIELD
from deliverydesk.services.context import Context
from deliverydesk.services.paper.intake import read_filled_form
from deliverydesk.services.paper.report_export import DocumentKind, export_document
from tests.unit.reports_support import OFFER, enrol, practice

ANSWERS = {
    "q1": "Zażółć gęślą jaźń. Œuvre, ŠÐŽ, ğış.\nПривет, мир! Ёлка и щука.",
    "q2": "شركة ليلى للتصميم",
    "q5": "Ελληνικά 2026",
}


def _fill_as_a_reader_does(blank: Path, filled: Path, values: dict[str, str]) -> None:
    """pypdf fills the fields and draws each answer in the field's own font (/DA), as a
    reader does once the client has typed."""
    writer = PdfWriter(clone_from=PdfReader(blank))
    writer.update_page_form_field_values(None, values, auto_regenerate=False)
    with filled.open("wb") as handle:
        writer.write(handle)


@pytest.fixture
def blank(ctx: Context, tmp_path: Path) -> tuple[Context, int, Path]:
    practice(ctx)
    enrolled = enrol(ctx, "Ana Souza")
    path = tmp_path / "intake.pdf"
    export_document(ctx, DocumentKind.INTAKE, path, client_id=enrolled.client_id)
    return ctx, enrolled.client_id, path


def test_every_text_field_is_set_in_an_embedded_font_that_covers_the_answers(
    blank: tuple[Context, int, Path],
) -> None:
    _, _, path = blank
    form = PdfReader(path).trailer["/Root"]["/AcroForm"]
    fonts = form["/DR"]["/Font"]
    texts = [f.get_object() for f in form["/Fields"] if f.get_object().get("/FT") == "/Tx"]
    assert texts
    for field in texts:
        font_name = str(field["/DA"]).split()[0]
        font = fonts[font_name].get_object()
        assert font["/Subtype"] == "/Type0"
        assert "/FontFile2" in font["/DescendantFonts"][0].get_object()["/FontDescriptor"]


def test_latin_cyrillic_greek_and_arabic_answers_read_back_and_print_legibly(
    blank: tuple[Context, int, Path], tmp_path: Path
) -> None:
    ctx, client_id, path = blank
    filled = tmp_path / "filled.pdf"
    _fill_as_a_reader_does(path, filled, ANSWERS)

    form = read_filled_form(ctx, filled, client_id)
    answers = {a.question: a.answer for a in form.answers}
    assert answers["What brings you here now?"] == ANSWERS["q1"]
    assert answers["Your company's name"] == ANSWERS["q2"]
    assert answers["Best start date"] == ANSWERS["q5"]

    # The appearance drawn for each answer uses the embedded font: what pdftotext reads off
    # the drawn page is the answer itself, with no "?" standing for a missing glyph.
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils is not installed")
    drawn = subprocess.run(
        ["pdftotext", "-layout", str(filled), "-"], capture_output=True, text=True, check=True
    ).stdout
    for word in ("Zażółć", "gęślą", "Привет", "щука", "Ελληνικά"):
        assert word in drawn
    assert "?" not in drawn.replace("What brings you here now?", "").replace(
        "Worked with a coach before?", ""
    )


def test_a_filled_field_shows_ink_where_the_answer_is(
    blank: tuple[Context, int, Path], tmp_path: Path
) -> None:
    """Rendered with pdftoppm, the Cyrillic answer's box holds dark pixels (glyphs), where
    Helvetica would have left it empty or printed question marks."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("poppler-utils is not installed")
    _, _, path = blank
    filled = tmp_path / "filled.pdf"
    _fill_as_a_reader_does(path, filled, {"q2": "Ёлка Щука Жук Ёлка Щука Жук"})
    page = PdfReader(filled).pages[0]
    widget = next(
        a.get_object()
        for a in page["/Annots"]
        if a.get_object().get("/Parent", a.get_object()).get_object().get("/T") == "q2"
    )
    x0, y0, x1, y1 = (float(v) for v in widget["/Rect"])
    subprocess.run(
        ["pdftoppm", "-r", "72", "-png", "-f", "1", "-l", "1", str(filled), str(tmp_path / "p")],
        check=True,
    )
    image = Image.open(next(tmp_path.glob("p*.png"))).convert("L")
    height = image.height
    box = image.crop((int(x0) + 2, int(height - y1) + 2, int(x1) - 2, int(height - y0) - 2))
    dark = sum(box.histogram()[:100])
    assert dark > 50
    # ...and that ink is the answer's letters, not question marks or boxes.
    region = ["-x", str(int(x0)), "-y", str(int(height - y1)), "-W", str(int(x1 - x0))]
    region += ["-H", str(int(y1 - y0)), "-r", "72"]
    drawn = subprocess.run(
        ["pdftotext", *region, str(filled), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert drawn.split() == ["Ёлка", "Щука", "Жук", "Ёлка", "Щука", "Жук"]


def test_the_blank_offer_form_has_a_name_field_and_long_answers_scroll(
    ctx: Context, tmp_path: Path
) -> None:
    practice(ctx)
    enrolled = enrol(ctx, "Ana Souza")
    path = tmp_path / "blank.pdf"
    export_document(ctx, DocumentKind.INTAKE, path, offer_id=enrolled.offer_id)
    fields = PdfReader(path).get_fields() or {}
    assert NAME_FIELD in fields
    long_answer = fields["q1"]
    flags = int(long_answer.get("/Ff", 0))
    assert flags & (1 << 12)  # multiline
    assert not flags & (1 << 23)  # scrolls: doNotScroll is off


def test_each_radio_option_has_its_own_tooltip(blank: tuple[Context, int, Path]) -> None:
    _, _, path = blank
    form = PdfReader(path).trailer["/Root"]["/AcroForm"]
    group = next(f.get_object() for f in form["/Fields"] if f.get_object().get("/T") == "q3")
    tips = [str(kid.get_object()["/TU"]) for kid in group["/Kids"]]
    assert tips == [
        "Hours a week for your part: 1-2",
        "Hours a week for your part: 3-5",
        "Hours a week for your part: More",
    ]


def test_six_questions_fit_one_page_with_the_thanks(ctx: Context, tmp_path: Path) -> None:
    six = (
        IntakeQuestion("What made you decide to start now?", QuestionKind.LONG_TEXT),
        IntakeQuestion("What would make this worth it?", QuestionKind.LONG_TEXT),
        IntakeQuestion(
            "Hours a week for your part", QuestionKind.CHOICE, ("1-2", "2-3", "3-5", "More")
        ),
        IntakeQuestion("Worked with a coach before?", QuestionKind.YES_NO),
        IntakeQuestion("When would you like the first session?", QuestionKind.DATE),
        IntakeQuestion("Anything I should know before we meet?", QuestionKind.SHORT_TEXT),
    )
    practice(ctx)
    enrolled = enrol(ctx, "Chidi Eze", replace(OFFER, intake_questions=six))
    path = tmp_path / "intake.pdf"
    export_document(ctx, DocumentKind.INTAKE, path, client_id=enrolled.client_id)
    pages = PdfReader(path).pages
    assert len(pages) == 1
    assert "Thank you" in (pages[0].extract_text() or "")


# One answer per script, typed the way a client would: each mixes in ASCII digits and
# punctuation, which the CJK font of its own lacks and the field font must still have.
SCRIPT_ANSWERS = {
    "latin-extended": "Zażółć gęślą jaźń, Œuvre ŠÐŽ ğış 2026.",
    "cyrillic": "Привет, мир! Ёлка и щука, 12 мая.",
    "chinese": "田中書房，山田花子。2026年3月",
    "japanese": "ひらがな、カタカナ。東京 5-2",
    "korean": "김민준입니다. 서울 10시",
    "arabic": "شركة ليلى للتصميم 2026",
}


@pytest.mark.parametrize("script", SCRIPT_ANSWERS)
def test_every_field_returns_and_prints_an_answer_in_any_script(
    blank: tuple[Context, int, Path], tmp_path: Path, script: str
) -> None:
    """Every text field filled with one script's answer: each reads back as typed, and the
    page drawn by pdftoppm has the answer's ink in its box, and what pdftotext reads off
    that box is the answer, not '?' or a box's missing character."""
    if shutil.which("pdftoppm") is None or shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils is not installed")
    ctx, client_id, path = blank
    answer = SCRIPT_ANSWERS[script]
    texts = [
        str(f.get_object()["/T"])
        for f in PdfReader(path).trailer["/Root"]["/AcroForm"]["/Fields"]
        if f.get_object().get("/FT") == "/Tx" and f.get_object()["/T"] != "deliverydesk_form"
    ]
    assert texts == ["q1", "q2", "q5"]
    filled = tmp_path / "filled.pdf"
    _fill_as_a_reader_does(path, filled, dict.fromkeys(texts, answer))

    answers = [a.answer for a in read_filled_form(ctx, filled, client_id).answers]
    assert answers.count(answer) == len(texts)

    subprocess.run(
        ["pdftoppm", "-r", "72", "-png", "-f", "1", "-l", "1", str(filled), str(tmp_path / "p")],
        check=True,
    )
    image = Image.open(next(tmp_path.glob("p*.png"))).convert("L")
    page = PdfReader(filled).pages[0]
    for name in texts:
        widget = next(
            a.get_object()
            for a in page["/Annots"]
            if a.get_object().get("/Parent", a.get_object()).get_object().get("/T") == name
        )
        x0, y0, x1, y1 = (float(v) for v in widget["/Rect"])
        top = image.height - y1
        box = image.crop((int(x0) + 2, int(top) + 2, int(x1) - 2, int(image.height - y0) - 2))
        assert sum(box.histogram()[:100]) > 50, (name, "no ink in the box")
        region = ["-x", str(int(x0)), "-y", str(int(top)), "-W", str(int(x1 - x0))]
        region += ["-H", str(int(y1 - y0)), "-r", "72"]
        drawn = subprocess.run(
            ["pdftotext", *region, str(filled), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "?" not in drawn and "\ufffd" not in drawn, (name, drawn)
        letters = "".join(ch for ch in drawn if ch.isalnum() or ch in "，。、.,!-")
        if script == "arabic":  # pdftotext orders right-to-left letters its own way
            assert sorted(letters) == sorted("".join(answer.split())), (name, drawn)
        else:
            assert letters == "".join(answer.split()), (name, drawn)
