"""What a reader copies out of a PDF is the text that was set, in any script.

Each embedded font carries a ToUnicode map from the codes drawn to the characters they
stand for. reportlab writes it from the glyph each code draws, which goes wrong three ways:
a character beyond the Basic Multilingual Plane (an emoji in DejaVu Sans) is written as
five hex digits, which readers misparse (😀 came out as "ὠ"); a glyph HarfBuzz chose for a
letter's joined form is written as its Arabic presentation form, not the letter; and a
ligature glyph as its ligature character ("ﬃ"). `readable_to_unicode_cmap` replaces
reportlab's `makeToUnicodeCMap` (installed once by fonts.register_fonts): every code maps
to UTF-16, presentation forms and ligatures to the letters they are made of.
"""

from __future__ import annotations

import unicodedata

from reportlab.pdfbase import ttfonts

# Alphabetic presentation forms (ﬁ, ﬃ, Hebrew ligatures) and Arabic presentation forms
# A and B: drawn glyphs, not text; NFKC gives the letters.
_PRESENTATION = ((0xFB00, 0xFDFF), (0xFE70, 0xFEFF))


def text_of(code: int) -> str:
    """The characters a glyph drawn for `code` stands for."""
    if any(low <= code <= high for low, high in _PRESENTATION):
        return unicodedata.normalize("NFKC", chr(code))
    return chr(code)


def utf16_hex(text: str) -> str:
    return text.encode("utf-16-be", "surrogatepass").hex().upper()


def readable_to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap for one 8-bit subset, with readable destinations."""
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(subset)} beginbfchar",
            *(f"<{index:02X}> <{utf16_hex(text_of(code))}>" for index, code in enumerate(subset)),
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


def install() -> None:
    """Make reportlab write readable ToUnicode maps (its subsetting looks the function up
    by name when a document is saved)."""
    ttfonts.makeToUnicodeCMap = readable_to_unicode_cmap
