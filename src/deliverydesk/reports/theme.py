"""The brand as a page uses it: colours checked for contrast, the logo checked before it is
placed, the page size, the grid and the type scale of docs/PAPER (the design brief).
"""

from __future__ import annotations

import os
import re
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.lib.colors import Color, HexColor, white
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm

from deliverydesk.reports import data
from deliverydesk.reports.fonts import Family, family

INK = HexColor("#1F2328")  # body text: near-black, never brand-coloured
MUTED = HexColor("#57606A")  # captions and meta lines (6.4:1 on white)
RULE = HexColor("#D0D7DE")  # hairlines
PAPER_WHITE = white
MIN_CONTRAST = 4.5  # WCAG AA for body-size text

# The grid (mm): margins, 12 columns with 4 mm gutters, a 4 mm baseline.
MARGIN_X: float = 18 * mm
MARGIN_TOP: float = 20 * mm
MARGIN_BOTTOM: float = 22 * mm
GUTTER: float = 4 * mm
BASELINE: float = 4 * mm
COLUMNS = 12

# The type scale (pt).
CAPTION, BODY, LEAD, SECTION, TITLE, COVER = 8.5, 10, 12, 15, 22, 34

# Countries that print on US Letter; the rest of the world uses A4.
_LETTER_COUNTRIES = {"US", "CA", "MX", "PH", "CL", "CO", "VE", "PR", "GT", "CR", "PA", "DO", "SV"}
_LOCALE = re.compile(r"^[a-z]{2,3}_([A-Z]{2})")
_HEX = re.compile(r"^#?([0-9A-Fa-f]{6})$")


def page_size_for_locale(environ: Mapping[str, str] = os.environ) -> str:
    """A4 or Letter from the locale's country (LC_ALL, then LC_PAPER, then LANG)."""
    for variable in ("LC_ALL", "LC_PAPER", "LANG"):
        value = environ.get(variable, "")
        if value:
            match = _LOCALE.match(value)
            if match:
                return data.LETTER if match.group(1) in _LETTER_COUNTRIES else data.A4
    return data.A4


def page_size(name: str) -> tuple[float, float]:
    width, height = LETTER if name == data.LETTER else A4
    return float(width), float(height)


@dataclass(frozen=True)
class Theme:
    """Colours and faces one document is drawn with."""

    primary: Color  # fills: the band's stripe, progress, the current phase
    primary_text: Color  # the primary colour darkened until it reads on white
    tint: Color  # 12% of the primary on white: callouts, the band
    accent: Color
    family: Family
    page: tuple[float, float]

    @property
    def width(self) -> float:
        return self.page[0] - 2 * MARGIN_X

    def columns(self, span: int) -> float:
        """The width of `span` of the 12 grid columns, gutters between them included."""
        column = (self.width - (COLUMNS - 1) * GUTTER) / COLUMNS
        return span * column + (span - 1) * GUTTER


def theme_for(brand: data.Brand) -> Theme:
    return _theme(brand.brand_color, brand.accent_color, brand.font_family, brand.page_size)


@cache
def _theme(primary_hex: str, accent_hex: str, family_name: str, page: str) -> Theme:
    primary = parse_colour(primary_hex) or HexColor(data.DEFAULT_PRIMARY)
    accent = parse_colour(accent_hex) or primary
    return Theme(
        primary=primary,
        primary_text=readable_on_white(primary),
        tint=mix(primary, PAPER_WHITE, 0.12),
        accent=accent,
        family=family(family_name),
        page=page_size(page),
    )


def parse_colour(text: str) -> Color | None:
    match = _HEX.match(text.strip()) if text else None
    return HexColor("#" + match.group(1)) if match else None


def mix(colour: Color, base: Color, share: float) -> Color:
    """`share` of `colour` over `base`: a tint when base is white."""
    return Color(
        *(share * c + (1 - share) * b for c, b in zip(colour.rgb(), base.rgb(), strict=True))
    )


def luminance(rgb: Sequence[float]) -> float:
    """WCAG 2's relative luminance of sRGB channels from 0 to 1, with the spec's constants
    (the one copy: the window's contrast test measures with it too)."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(one: Sequence[float], other: Sequence[float]) -> float:
    """The WCAG contrast ratio (1 to 21) of two sRGB colours, channels from 0 to 1."""
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def contrast(one: Color, other: Color) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""
    return contrast_ratio(one.rgb(), other.rgb())


def readable_on_white(colour: Color, background: Color = PAPER_WHITE) -> Color:
    """`colour`, darkened step by step until text in it reaches AA on `background`."""
    shade = colour
    for step in range(1, 21):
        if contrast(shade, background) >= MIN_CONTRAST:
            return shade
        shade = mix(colour, INK, 1 - step * 0.05)
    return INK


def text_on(fill: Color) -> Color:
    """White or ink, whichever reads better on `fill`."""
    return PAPER_WHITE if contrast(PAPER_WHITE, fill) >= contrast(INK, fill) else INK


# -- the logo ---------------------------------------------------------------------------------

MAX_LOGO_BYTES = 5 * 1024 * 1024
MAX_LOGO_PIXELS = 25_000_000  # a decompression bomb is refused before it is decoded
TOO_LARGE = "The logo image is too large to place; it was left out."


@dataclass(frozen=True)
class Logo:
    path: Path
    width_px: int
    height_px: int


def check_logo(path: Path | None) -> tuple[Logo | None, str]:
    """The logo if it can be placed, else None and why not (for a message; "" when no logo
    was set). Only PNG and JPEG files are placed; they are checked with Pillow first."""
    if path is None:
        return None, ""
    from PIL import Image, UnidentifiedImageError

    try:
        if path.stat().st_size > MAX_LOGO_BYTES:
            return None, f"The logo file is over {MAX_LOGO_BYTES // 1_048_576} MB; it was left out."
        with warnings.catch_warnings():  # Pillow's own size alarm, raised rather than printed
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                if image.format not in ("PNG", "JPEG"):
                    return None, "The logo is not a PNG or JPEG image; it was left out."
                width, height = image.size
                if width * height > MAX_LOGO_PIXELS or width < 1 or height < 1:
                    return None, TOO_LARGE
                image.verify()
            with Image.open(path) as image:
                image.load()  # verify() does not decode: a truncated file fails here
    except FileNotFoundError:
        return None, f"The logo file {path.name} is missing; the practice name is shown instead."
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):  # too many pixels
        return None, TOO_LARGE
    except (OSError, UnidentifiedImageError, ValueError):
        return None, f"The logo file {path.name} is damaged; the practice name is shown instead."
    return Logo(path, width, height), ""


def logo_size(logo: Logo, height: float, max_width: float) -> tuple[float, float]:
    """Drawn size at `height` (aspect kept), never wider than `max_width` and never
    upscaled past the image's pixels at 300 dpi."""
    native_height = logo.height_px / 300 * 72
    scale = min(height, native_height) / logo.height_px
    width, drawn = logo.width_px * scale, logo.height_px * scale
    if width > max_width:
        drawn, width = drawn * max_width / width, max_width
    return width, drawn
