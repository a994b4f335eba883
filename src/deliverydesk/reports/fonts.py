"""The bundled typefaces: registered once per process, embedded (subset) in every PDF.

Noto Sans sets Latin, Greek and Cyrillic; DejaVu Sans is the fallback for the words Noto
Sans cannot set (Hebrew, Arabic, many symbols), and a family of its own in the practice's
choice. reportlab shapes a word with one font's glyphs only, so a word goes to that
fallback whole, never half of it. Droid Sans Fallback's glyphs (in DeliveryDesk Sans CJK)
set Chinese, Japanese and Korean: the font is registered only when a text needs it
(parsing its 4.3 MB costs about 70 ms), and as Droid lacks ASCII punctuation ("田中書房,")
a word holding CJK is split into runs by font
(`runs`); CJK needs no shaping, so a run may change font mid-word. A character no font has
is reported before export (`missing_characters`) rather than printed as a box. The
standard 14 PDF fonts are never used for text a person typed: they print boxes beyond
Latin-1.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import registerFontFamily
from reportlab.pdfbase.ttfonts import TTFont

from deliverydesk.reports import to_unicode


@dataclass(frozen=True, slots=True)
class Family:
    name: str  # as the brand settings list it
    regular: str  # registered font names
    bold: str
    regular_file: str
    bold_file: str


FAMILIES = (
    Family(
        "Noto Sans", "DD-NotoSans", "DD-NotoSans-Bold", "NotoSans-Regular.ttf", "NotoSans-Bold.ttf"
    ),
    Family(
        "DejaVu Sans",
        "DD-DejaVuSans",
        "DD-DejaVuSans-Bold",
        "DejaVuSans.ttf",
        "DejaVuSans-Bold.ttf",
    ),
)
DEFAULT_FAMILY = FAMILIES[0]
FALLBACK = FAMILIES[1]  # covers Hebrew, Arabic, Greek, Cyrillic and many symbols
FAMILY_NAMES = tuple(f.name for f in FAMILIES)
CJK = "DD-SansCJK"  # not a brand family: Chinese, Japanese, Korean only
# DejaVu Sans and Droid Sans Fallback merged (tools/build_form_font.py): the intake form's
# field font too, so the bundle carries one CJK font, not two.
CJK_FILE = "DeliveryDeskSansCJK.ttf"

# Characters that print nothing and need no glyph: spaces, controls, joiners.
_NO_GLYPH = {"Cc", "Cf", "Zs", "Zl", "Zp"}


def family(name: str) -> Family:
    """The bundled family called `name`; the default for an unknown or empty name."""
    return next((f for f in FAMILIES if f.name == name), DEFAULT_FAMILY)


@cache
def register_fonts() -> None:
    """Register every bundled family with reportlab (about 40 ms, once per process)."""
    # Streams (font subsets, the logo) stay binary rather than ASCII85 text: reportlab
    # encodes ASCII85 in pure Python, a third of a report's time, for a larger file.
    rl_config.useA85 = 0
    to_unicode.install()
    for fam in FAMILIES:
        for font_name, file_name in ((fam.regular, fam.regular_file), (fam.bold, fam.bold_file)):
            _register(font_name, file_name)
        # <b> and a bold style find the bold face; italics fall back to upright.
        registerFontFamily(fam.regular, fam.regular, fam.bold, fam.regular, fam.bold)


@cache
def register_cjk() -> None:
    """Register the CJK font: only once a text holds a character neither family
    has, so a Latin-only report never pays for parsing it."""
    register_fonts()
    _register(CJK, CJK_FILE)
    # There is no bold CJK face: <b> and bold text keep the regular face.
    registerFontFamily(CJK, CJK, CJK, CJK, CJK)


def _register(font_name: str, file_name: str) -> None:
    data = (files("deliverydesk.resources") / "fonts" / file_name).read_bytes()
    pdfmetrics.registerFont(TTFont(font_name, io.BytesIO(data)))


@cache
def coverage(font_name: str) -> frozenset[int]:
    """The code points the bundled font `font_name` has a glyph for (registers it)."""
    if font_name == CJK:
        register_cjk()
    else:
        register_fonts()
    font = pdfmetrics.getFont(font_name)
    return frozenset(font.face.charToGlyph)


def needs_fallback(word: str) -> bool:
    """True when the default family lacks a character of `word`: the word is set in the
    fallback family (or, with CJK, in runs: `runs`)."""
    covered = coverage(DEFAULT_FAMILY.regular)
    return any(ord(ch) not in covered and not _silent(ch) for ch in word)


def in_fallback(ch: str) -> bool:
    """True when the fallback family (DejaVu Sans) has `ch`."""
    return ord(ch) in coverage(FALLBACK.regular)


def runs(word: str, bold: bool = False) -> list[tuple[str | None, str]]:
    """`word` as (font, text) runs: None for the paragraph's own font. A word the default
    family sets is one run in it; one the fallback family sets whole is one run in that
    (Hebrew and Arabic are shaped a word at a time). Any other word (CJK, "田中書房,") is
    split: each character in the first of Noto Sans, DejaVu Sans, Droid Sans Fallback that
    has it, so the comma keeps its glyph."""
    if not needs_fallback(word):
        return [(None, word)]
    fallback = FALLBACK.bold if bold else FALLBACK.regular
    if all(in_fallback(ch) or _silent(ch) for ch in word):
        return [(fallback, word)]
    default, dejavu, cjk = (
        coverage(DEFAULT_FAMILY.regular),
        coverage(FALLBACK.regular),
        coverage(CJK),
    )
    out: list[tuple[str | None, str]] = []
    for ch in word:
        code = ord(ch)
        face: str | None
        if _silent(ch) and out:
            face = out[-1][0]  # a joiner or selector stays with its neighbour
        elif code in default or _silent(ch):
            face = None
        elif code in dejavu or code not in cjk:
            face = fallback  # a character no font has prints DejaVu's box, as before
        else:
            face = CJK  # bold text too: there is no bold face to take
        if out and out[-1][0] == face:
            out[-1] = (face, out[-1][1] + ch)
        else:
            out.append((face, ch))
    return out


def missing_characters(texts: Iterable[str]) -> list[str]:
    """Characters of `texts` that no bundled font can print (emoji beyond DejaVu Sans...),
    each once, in the order met: what the window or the command line warns about before an
    export. Droid Sans Fallback is consulted (and registered) only for what the two
    families lack."""
    default = coverage(DEFAULT_FAMILY.regular)
    fallback = coverage(FALLBACK.regular)
    found: dict[str, None] = {}
    for text in texts:
        for ch in text:
            code = ord(ch)
            if code in default or code in fallback or _silent(ch):
                continue
            found[ch] = None
    if found:
        cjk = coverage(CJK)
        return [ch for ch in found if ord(ch) not in cjk]
    return list(found)


def _silent(ch: str) -> bool:
    code = ord(ch)
    if 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF:  # variation selectors
        return True
    return unicodedata.category(ch) in _NO_GLYPH


def describe_missing(characters: list[str], limit: int = 8) -> str:
    """ "😀 (U+1F600), ✅ (U+2705)": the characters as a message names them."""
    shown = [f"{ch} (U+{ord(ch):04X})" for ch in characters[:limit]]
    more = len(characters) - limit
    return ", ".join(shown) + (f" and {more} more" if more > 0 else "")
