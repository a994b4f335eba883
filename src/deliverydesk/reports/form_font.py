"""The intake form's fields set in an embedded font, so an answer in any script survives.

reportlab's AcroForm writes every field with `/DA (/Helv ...)`: Helvetica, unembedded, in
an 8-bit encoding. A reader that draws an answer again (after typing, or when asked to by
on opening) then has no glyph for Cyrillic, Arabic or Hebrew and prints "?" or
nothing. reportlab cannot name another font in a field, so after drawing, `embed_field_font`
adds DejaVu Sans to the form's resources with pypdf: the whole font (the client may type
any of its characters, so a subset would not do), as a composite font with Identity
encoding, its widths and a ToUnicode map, and points every text field's `/DA` at it.
DejaVu Sans sets Latin (extended), Greek, Cyrillic, Hebrew and Arabic; CJK answers keep
their value and are drawn by the reader's own fonts (docs/reports.md says why).
"""

from __future__ import annotations

import io
import zlib
from functools import cache
from importlib.resources import files

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
    StreamObject,
    TextStringObject,
)
from reportlab.pdfbase.ttfonts import TTFontFile

FONT_FILE = "DejaVuSans.ttf"
RESOURCE_NAME = "/DDSans"  # the name fields use in their /DA
FIELD_FONT_SIZE = 10


@cache
def _font_bytes() -> bytes:
    return files("deliverydesk.resources").joinpath("fonts", FONT_FILE).read_bytes()


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
    """DejaVu Sans as a Type0 font: CIDs are glyph ids (Identity), so any glyph is reachable."""
    data = _font_bytes()
    font = TTFontFile(io.BytesIO(data))
    scale = 1000 / font.unitsPerEm
    name = NameObject("/DejaVuSans")
    file_stream = StreamObject()
    file_stream._data = zlib.compress(data, 9)
    file_stream[NameObject("/Filter")] = NameObject("/FlateDecode")
    file_stream[NameObject("/Length1")] = NumberObject(len(data))
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
            ArrayObject(NumberObject(round(advance * scale)) for advance in _advances(font)),
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
            NameObject("/ToUnicode"): writer._add_object(_to_unicode(font.charToGlyph)),
        }
    )


def _advances(font: TTFontFile) -> list[float]:
    metrics = font.hmetrics
    return [metrics[min(gid, len(metrics) - 1)][0] for gid in range(font.numGlyphs)]


def _to_unicode(char_to_glyph: dict[int, int]) -> DecodedStreamObject:
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
    stream = DecodedStreamObject()
    stream.set_data(
        (
            "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
            "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
            + "\n".join(lines)
            + "\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
        ).encode("ascii")
    )
    return stream
