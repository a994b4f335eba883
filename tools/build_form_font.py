"""Build resources/fonts/DeliveryDeskSansCJK.ttf: DejaVu Sans whole, plus every glyph of
Droid Sans Fallback (Chinese, Japanese, Korean), in one file. It is the intake form's field
font (a field names one font, and neither source font has both ASCII and CJK: Droid Sans
Fallback lacks even the digits) and the reports' CJK fallback (so the bundle carries one
CJK font, not two). Merged once here by a developer, never at run time.

    apt-get install fonts-droid-fallback      # Debian 1:6.0.1r16-1.1, the source file
    python -m venv /tmp/ft && /tmp/ft/bin/pip install fonttools   # 36 MB, not a dependency
    /tmp/ft/bin/python tools/build_form_font.py [--cjk PATH]

The CJK outlines are scaled from 256 to DejaVu's 2048 units per em (exactly 8 times, so
no point moves) and hinting is removed from both (two hinting programs cannot be merged).
DejaVu's glyph wins wherever both fonts have a character. Only the national character
sets (GB 2312, Big5, JIS X 0208/0212, KS X 1001 and all Hangul) would keep 31,258 of
Droid's 33,247 characters for 8 % less: not worth a choice of what a client may type.

Licences: DejaVu Sans (Bitstream Vera licence, DejaVu's changes public domain) requires a
modified font not be named "Bitstream" or "Vera"; Droid Sans Fallback is Apache 2.0, which
asks that changes be stated. The font is called "DeliveryDesk Sans CJK" and its name
table (description) says what it is made of.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from fontTools import subset
from fontTools.merge import Merger
from fontTools.ttLib import TTFont
from fontTools.ttLib.scaleUpem import scale_upem

FONTS = Path(__file__).resolve().parent.parent / "resources" / "fonts"
OUT = FONTS / "DeliveryDeskSansCJK.ttf"
FAMILY = "DeliveryDesk Sans CJK"
DEBIAN_CJK = Path("/usr/share/fonts-droid-fallback/truetype/DroidSansFallback.ttf")


def _options(layout: bool) -> subset.Options:
    options = subset.Options()
    options.hinting = False  # the two fonts' hinting programs cannot be merged
    # DejaVu keeps its tables for Arabic; CJK needs no shaping.
    options.layout_features = ["*"] if layout else []
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.glyph_names = False
    return options


def _subset(font: TTFont, codes: set[int], layout: bool) -> None:
    subsetter = subset.Subsetter(_options(layout))
    subsetter.populate(unicodes=codes)
    subsetter.subset(font)


def build(cjk_path: Path) -> Path:
    latin = TTFont(FONTS / "DejaVuSans.ttf")
    latin_codes = set(latin.getBestCmap())
    created, modified = latin["head"].created, latin["head"].modified  # before a save stamps
    _subset(latin, latin_codes, layout=True)  # every glyph, only the hinting removed
    cjk = TTFont(cjk_path)
    _subset(cjk, set(cjk.getBestCmap()) - latin_codes, layout=False)
    for table in ("vhea", "vmtx"):  # vertical metrics: DejaVu has none, a field needs none
        if table in cjk:
            del cjk[table]
    scale_upem(cjk, latin["head"].unitsPerEm)
    with tempfile.TemporaryDirectory() as work:
        parts = [str(Path(work) / "latin.ttf"), str(Path(work) / "cjk.ttf")]
        latin.save(parts[0])
        cjk.save(parts[1])
        merged = Merger().merge(parts)
    _name(merged)
    # The same sources give the same bytes: the date is DejaVu's, not today's (fontTools
    # stamps a saved font with SOURCE_DATE_EPOCH when set; head counts from 1904).
    os.environ["SOURCE_DATE_EPOCH"] = str(modified - 2_082_844_800)
    merged["head"].created = created
    merged.save(OUT)
    return OUT


def _name(font: TTFont) -> None:
    names = font["name"]
    described = (
        "DejaVu Sans (Bitstream Vera licence, DejaVu changes public domain) merged with "
        "Droid Sans Fallback (Apache 2.0): CJK outlines scaled to 2048 units, hinting "
        "removed, by DeliveryDesk's tools/build_form_font.py."
    )
    for name_id in (1, 3, 4, 6, 16, 17, 21, 22):
        names.removeNames(nameID=name_id)
    for name_id, text in (
        (1, FAMILY),
        (2, "Book"),
        (3, FAMILY),
        (4, FAMILY),
        (6, FAMILY.replace(" ", "")),
        (10, described),
    ):
        names.setName(text, name_id, 3, 1, 0x409)
        names.setName(text, name_id, 1, 0, 0)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cjk", type=Path, default=DEBIAN_CJK)
    args = parser.parse_args()
    if not args.cjk.is_file():
        sys.exit(f"{args.cjk} is missing: apt-get install fonts-droid-fallback, or --cjk PATH")
    out = build(args.cjk)
    font = TTFont(out)
    print(f"{out}: {out.stat().st_size:,} B, {font['maxp'].numGlyphs:,} glyphs", file=sys.stderr)


if __name__ == "__main__":
    main()
