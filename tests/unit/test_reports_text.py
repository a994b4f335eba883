"""The escaping helper, right-to-left word order, fonts, colours, page sizes and file names:
the small rules every document relies on."""

from __future__ import annotations

import pytest
from reportlab.lib.colors import HexColor, white

from deliverydesk.reports import bidi
from deliverydesk.reports.fonts import FAMILY_NAMES, describe_missing, family, missing_characters
from deliverydesk.reports.markup import clean_text, clip, para_text, resolved
from deliverydesk.reports.theme import contrast, page_size_for_locale, readable_on_white
from deliverydesk.services.paper.report_export import DocumentKind, file_name_for, safe_file_name


@pytest.mark.parametrize(
    ("typed", "markup"),
    [
        ("<b>Jo & Co", "&lt;b&gt;Jo &amp; Co"),
        ('<img src="/etc/passwd">', '&lt;img src="/etc/passwd"&gt;'),
        ("R&D &copy;", "R&amp;D &amp;copy;"),
        ("two\nlines", "two<br/>lines"),
        ("tab\there", "tab here"),
        ("bell\x07 and nul\x00", "bell and nul"),
        ("broken \ud800 surrogate", "broken \ufffd surrogate"),
        ("spoof \u202egnp.exe", "spoof gnp.exe"),
    ],
)
def test_para_text_escapes_markup_and_drops_what_cannot_print(typed: str, markup: str) -> None:
    assert para_text(typed) == markup


def test_words_the_default_font_lacks_are_set_in_the_fallback_font_whole() -> None:
    # HarfBuzz draws the Hebrew word right to left: the comma, shown after it, goes first.
    # (Text with right-to-left words stays in typed order until it is laid out in lines:
    # `resolved` sets it as one line.)
    assert resolved(para_text("Ana שלום, hi")) == 'Ana <font face="DD-DejaVuSans">,שלום</font> hi'
    assert resolved(para_text("שלום", bold=True)) == '<font face="DD-DejaVuSans-Bold">שלום</font>'
    assert para_text("Łódź Привет Ελλάδα") == "Łódź Привет Ελλάδα"  # Noto Sans has them


@pytest.mark.parametrize(
    ("typed", "rtl", "shown"),
    [
        # A Hebrew name in an English line: the name's words swap, the rest stays.
        ("Client: דנה כהן today", False, ["Client:", "כהן", "דנה", "today"]),
        # A Hebrew sentence with a number and an English word kept in their own order.
        ("פגישה 12 במרץ", True, ["במרץ", "12", "פגישה"]),
        ("שלום Dana Cohen שלום", True, ["שלום", "Dana", "Cohen", "שלום"]),
        ("plain english words", False, ["plain", "english", "words"]),
        # The comma after an Arabic name in an English line shows on the name's right: the
        # word is handed to HarfBuzz, which draws it right to left, with the comma first.
        ("Hi ليلى, ok.", False, ["Hi", ",ليلى", "ok."]),
        # Brackets around English in a Hebrew line enclose it (mirrored at the RTL level).
        ("שלום (Brand Audit) נעם", True, ["נעם", "(Brand", "Audit)", "שלום"]),
    ],
)
def test_right_to_left_words_are_laid_out_in_reading_order(
    typed: str, rtl: bool, shown: list[str]
) -> None:
    assert bidi.is_rtl(typed) is rtl
    assert bidi.display_words(typed.split(), rtl) == shown


def test_missing_characters_names_what_no_bundled_font_can_print() -> None:
    found = missing_characters(["Zoë ✅ 中文 👍🏽", "שלום مرحبا Привет", "\u200d\ufe0f"])
    assert found == ["✅", "👍", "🏽"]  # Droid Sans Fallback sets 中文
    assert describe_missing(["✅"]) == "✅ (U+2705)"
    assert describe_missing(list("abcdefghij"), limit=2) == "a (U+0061), b (U+0062) and 8 more"


def test_the_bundled_families_and_an_unknown_name() -> None:
    assert FAMILY_NAMES == ("Noto Sans", "DejaVu Sans")
    assert family("Comic Sans").name == "Noto Sans"


def test_clean_text_and_clip() -> None:
    assert clean_text("a\r\nb\rc") == "a\nb\nc"
    assert clip("x" * 500, 10) == "x" * 9 + "…"
    assert clip("  two\nlines  ") == "two lines"


def test_a_pale_brand_colour_is_darkened_until_text_in_it_reads() -> None:
    pale = HexColor("#E0A458")
    assert contrast(pale, white) < 4.5
    assert contrast(readable_on_white(pale), white) >= 4.5
    teal = HexColor("#2F6F73")
    assert readable_on_white(teal) == teal


@pytest.mark.parametrize(
    ("environ", "size"),
    [
        ({"LANG": "en_US.UTF-8"}, "Letter"),
        ({"LANG": "en_GB.UTF-8"}, "A4"),
        ({"LANG": "en_US.UTF-8", "LC_PAPER": "de_DE.UTF-8"}, "A4"),
        ({"LC_ALL": "es_MX.UTF-8", "LANG": "de_DE"}, "Letter"),
        ({"LANG": "C"}, "A4"),
        ({}, "A4"),
    ],
)
def test_the_page_size_follows_the_locale(environ: dict[str, str], size: str) -> None:
    assert page_size_for_locale(environ) == size


@pytest.mark.parametrize(
    ("name", "file"),
    [
        ("Zoë Müller", "Zoë Müller.pdf"),
        ('A/B:C*?"<>|D', "A B C D.pdf"),
        ("..\\..\\etc/passwd", "etc passwd.pdf"),
        ("evil\u202eFDP.exe", "evil FDP.exe.pdf"),
        ("CON", "CON file.pdf"),
        ("nul.txt", "nul.txt file.pdf"),
        ("   ", "document file.pdf"),
        ("x" * 500, "x" * 80 + ".pdf"),
        ("line\nbreak\x00", "line break.pdf"),
    ],
)
def test_file_names_from_client_names_are_safe(name: str, file: str) -> None:
    assert safe_file_name(name) == file


def test_a_document_file_name_says_what_it_is() -> None:
    assert file_name_for(DocumentKind.PROGRESS, "Ana Souza") == "Progress report - Ana Souza.pdf"
