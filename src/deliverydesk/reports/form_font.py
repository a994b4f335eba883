"""The intake form's fields set in an embedded font, so an answer in any script survives.

reportlab's AcroForm writes every field with `/DA (/Helv ...)`: Helvetica, unembedded, in
an 8-bit encoding. A reader that draws an answer again (after typing, or when asked to by
on opening) then has no glyph for Cyrillic, Arabic or Hebrew and prints "?" or
nothing. reportlab cannot name another font in a field, so after drawing, `embed_field_font`
adds DeliveryDesk Sans CJK to the form's resources with pypdf: the whole font (the client
may type any of its characters, so a subset would not do), as a composite font with
Identity encoding, its widths and a ToUnicode map, and points every text field's `/DA` at
it. That font is DejaVu Sans and Droid Sans Fallback merged once by
tools/build_form_font.py (a field names one font, and neither has both ASCII and CJK), so
it sets Latin (extended), Greek, Cyrillic, Hebrew, Arabic, Chinese, Japanese and Korean.
"""

from __future__ import annotations

import io
import zlib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
    StreamObject,
    TextStringObject,
)
from reportlab.pdfbase.ttfonts import TTFontFile

FONT_FILE = "DeliveryDeskSansCJK.ttf"
RESOURCE_NAME = "/DDSans"  # the name fields use in their /DA
FIELD_FONT_SIZE = 10


@dataclass(frozen=True, slots=True)
class _FontFacts:
    """What the PDF needs of the font, read and deflated once per process (about 1 s for
    its 4 MB and 56,000 glyphs), not once per form."""

    deflated: bytes
    length: int
    face: TTFontFile
    widths: tuple[int, ...]
    to_unicode: bytes  # deflated


@cache
def _font_facts() -> _FontFacts:
    data = files("deliverydesk.resources").joinpath("fonts", FONT_FILE).read_bytes()
    face = TTFontFile(io.BytesIO(data))
    scale = 1000 / face.unitsPerEm
    return _FontFacts(
        deflated=zlib.compress(data, 6),  # level 9: 0.4 % smaller, twice the time
        length=len(data),
        face=face,
        widths=tuple(round(advance * scale) for advance in _advances(face)),
        to_unicode=zlib.compress(_to_unicode(face.charToGlyph), 9),
    )


def embed_field_font(pdf: bytes, tooltips: dict[str, list[str]] | None = None) -> bytes:
    """`pdf` with every text field set in the embedded font, and each radio option carrying
    its own tooltip (`tooltips`: a radio group's name to its options' tooltips, in order)."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    form = writer._root_object.get("/AcroForm")
    if form is None:
        return pdf
    form = form.get_object()
    font_ref = writer._add_object(_font_resource(writer))
    resources = form.setdefault(NameObject("/DR"), DictionaryObject()).get_object()
    fonts = resources.setdefault(NameObject("/Font"), DictionaryObject()).get_object()
    fonts[NameObject(RESOURCE_NAME)] = font_ref
    appearance = TextStringObject(f"{RESOURCE_NAME} {FIELD_FONT_SIZE} Tf 0 g")
    form[NameObject("/DA")] = appearance
    for field in form.get("/Fields", ArrayObject()):
        field = field.get_object()
        if field.get("/FT") == "/Tx":
            field[NameObject("/DA")] = appearance
        elif field.get("/FT") == "/Btn" and tooltips and field.get("/T") in tooltips:
            _tip_each_option(field, tooltips[str(field["/T"])])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _tip_each_option(field: DictionaryObject, tips: list[str]) -> None:
    kids = field.get("/Kids", ArrayObject())
    for kid, tip in zip(kids, tips, strict=False):
        kid.get_object()[NameObject("/TU")] = TextStringObject(tip)


def _font_resource(writer: PdfWriter) -> DictionaryObject:
    """The font as a Type0 font: CIDs are glyph ids (Identity), so any glyph is reachable."""
    facts = _font_facts()
    font = facts.face
    name = NameObject("/DeliveryDeskSansCJK")
    file_stream = _deflated_stream(facts.deflated, facts.length)
    descriptor = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/FontDescriptor"),
            NameObject("/FontName"): name,
            NameObject("/Flags"): NumberObject(font.flags),
            NameObject("/FontBBox"): ArrayObject(FloatObject(round(v, 2)) for v in font.bbox),
            NameObject("/ItalicAngle"): FloatObject(font.italicAngle),
            NameObject("/Ascent"): FloatObject(round(font.ascent, 2)),
            NameObject("/Descent"): FloatObject(round(font.descent, 2)),
            NameObject("/CapHeight"): FloatObject(round(font.capHeight, 2)),
            NameObject("/StemV"): NumberObject(font.stemV),
            NameObject("/FontFile2"): writer._add_object(file_stream),
        }
    )
    widths = ArrayObject(
        [
            NumberObject(0),
            ArrayObject(NumberObject(width) for width in facts.widths),
        ]
    )
    descendant = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/CIDFontType2"),
            NameObject("/BaseFont"): name,
            NameObject("/CIDSystemInfo"): DictionaryObject(
                {
                    NameObject("/Registry"): TextStringObject("Adobe"),
                    NameObject("/Ordering"): TextStringObject("Identity"),
                    NameObject("/Supplement"): NumberObject(0),
                }
            ),
            NameObject("/FontDescriptor"): writer._add_object(descriptor),
            NameObject("/W"): widths,
            NameObject("/DW"): NumberObject(round(font.defaultWidth)),
            NameObject("/CIDToGIDMap"): NameObject("/Identity"),
        }
    )
    return DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type0"),
            NameObject("/BaseFont"): name,
            NameObject("/Encoding"): NameObject("/Identity-H"),
            NameObject("/DescendantFonts"): ArrayObject([writer._add_object(descendant)]),
            NameObject("/ToUnicode"): writer._add_object(_deflated_stream(facts.to_unicode)),
        }
    )


def _advances(font: TTFontFile) -> list[float]:
    metrics = font.hmetrics
    return [metrics[min(gid, len(metrics) - 1)][0] for gid in range(font.numGlyphs)]


def _deflated_stream(deflated: bytes, length: int | None = None) -> StreamObject:
    stream = StreamObject()
    stream._data = deflated
    stream[NameObject("/Filter")] = NameObject("/FlateDecode")
    if length is not None:
        stream[NameObject("/Length1")] = NumberObject(length)
    return stream


def _to_unicode(char_to_glyph: dict[int, int]) -> bytes:
    """Glyph id to character: a reader extracts and a filler encodes answers through it."""
    first: dict[int, int] = {}
    for code, gid in sorted(char_to_glyph.items()):
        if gid and code <= 0xFFFF:
            first.setdefault(gid, code)
    lines: list[str] = []
    pairs = sorted(first.items())
    for start in range(0, len(pairs), 100):  # a CMap's bfchar section holds 100 at most
        chunk = pairs[start : start + 100]
        lines.append(f"{len(chunk)} beginbfchar")
        lines += [f"<{gid:04X}> <{code:04X}>" for gid, code in chunk]
        lines.append("endbfchar")
    return (
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        + "\n".join(lines)
        + "\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
    ).encode("ascii")
