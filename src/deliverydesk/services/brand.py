"""Settings > Brand: what the client's paper carries (name, tagline, colours, logo, font,
contact details, footer, signature, page size).

A logo is checked with Pillow (PNG or JPEG, size capped), then copied into the data folder
under a generated name: the practice never depends on a file elsewhere, and no path a
person typed is ever used to build a file name.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from deliverydesk.model.entities import Practice
from deliverydesk.reports import data
from deliverydesk.reports.fonts import FAMILY_NAMES
from deliverydesk.reports.theme import check_logo
from deliverydesk.services.changes import Aspect, Changes, Result
from deliverydesk.services.context import Context
from deliverydesk.services.errors import InvalidInput, NotFound
from deliverydesk.services.report_data import logo_file
from deliverydesk.services.validation import clean_email, clean_line, clean_text

LOGO_FOLDER = "brand"
_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
PAGE_SIZES = ("", data.A4, data.LETTER)  # "" follows the computer's locale


@dataclass(frozen=True)
class BrandSettings:
    name: str
    tagline: str = ""
    email: str = ""
    website: str = ""
    phone: str = ""
    address: str = ""
    footer_text: str = ""
    signature: str = ""
    brand_color: str = "#2F6F73"
    accent_color: str = "#E0A458"
    font_family: str = ""
    page_size: str = ""
    logo_path: str | None = None  # inside the data folder, as import_logo stored it


def brand_settings(ctx: Context) -> BrandSettings:
    with ctx.db.sessions() as session:
        p = _practice(session)
        return BrandSettings(
            p.name, p.tagline, p.email, p.website, p.phone, p.address, p.footer_text,
            p.signature, p.brand_color, p.accent_color, p.font_family, p.page_size, p.logo_path,
        )  # fmt: skip


def _practice(session: Session) -> Practice:
    practice = session.scalars(select(Practice).order_by(Practice.id).limit(1)).first()
    if practice is None:
        raise NotFound("There is no practice yet; create one first.")
    return practice


def clean_brand(settings: BrandSettings) -> BrandSettings:
    """The settings as they will be stored; raises InvalidInput saying what to fix."""
    for label, colour in (
        ("The primary colour", settings.brand_color),
        ("The accent colour", settings.accent_color),
    ):
        if not _COLOUR.match(colour):
            raise InvalidInput(f"{label} must be written like #2F6F73.")
    if settings.font_family and settings.font_family not in FAMILY_NAMES:
        raise InvalidInput(f"Choose a font from the list: {', '.join(FAMILY_NAMES)}.")
    if settings.page_size not in PAGE_SIZES:
        raise InvalidInput("The page size is A4 or Letter (or the computer's choice).")
    return BrandSettings(
        name=clean_line(settings.name, "The practice's name", 200, required=True),
        tagline=clean_line(settings.tagline, "The tagline", 200),
        email=clean_email(settings.email),
        website=clean_line(settings.website, "The website", 300),
        phone=clean_line(settings.phone, "The phone number", 60),
        address=clean_text(settings.address, "The address", 1_000),
        footer_text=clean_line(settings.footer_text, "The footer text", 300),
        signature=clean_line(settings.signature, "The signature line", 200),
        brand_color=settings.brand_color.upper(),
        accent_color=settings.accent_color.upper(),
        font_family=settings.font_family,
        page_size=settings.page_size,
        logo_path=settings.logo_path,
    )


def update_brand(ctx: Context, settings: BrandSettings) -> Result[BrandSettings]:
    """Save the brand; the value is the settings before (pass them back to undo)."""
    clean = clean_brand(settings)
    with ctx.transaction() as session:
        practice = _practice(session)
        before = BrandSettings(
            practice.name, practice.tagline, practice.email, practice.website, practice.phone,
            practice.address, practice.footer_text, practice.signature, practice.brand_color,
            practice.accent_color, practice.font_family, practice.page_size, practice.logo_path,
        )  # fmt: skip
        for field in BrandSettings.__dataclass_fields__:  # named as the practice's columns
            setattr(practice, field, getattr(clean, field))
    return Result(before, Changes(aspects=Aspect.PRACTICE))


def import_logo(ctx: Context, source: Path) -> str:
    """Copy a PNG or JPEG logo into the data folder under a generated name and return the
    stored path, for BrandSettings.logo_path. Raises InvalidInput for a file that cannot
    be used (not an image, damaged, too large); nothing is copied then."""
    logo, problem = check_logo(source)
    if logo is None:
        raise InvalidInput(
            problem.replace("was left out", "cannot be used") or "No logo file was given."
        )
    with source.open("rb") as handle:
        kind = ".png" if handle.read(8).startswith(b"\x89PNG") else ".jpg"
    folder = ctx.path.parent / LOGO_FOLDER
    folder.mkdir(mode=0o700, exist_ok=True)
    name = f"logo-{uuid.uuid4().hex}{kind}"
    handle_fd, temporary = tempfile.mkstemp(dir=folder, suffix=".part")
    os.close(handle_fd)
    try:
        shutil.copyfile(source, temporary)
        os.replace(temporary, folder / name)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
        raise
    return f"{LOGO_FOLDER}/{name}"


def logo_path(ctx: Context, stored: str | None) -> Path | None:
    """Where a stored logo is on disk (None when none is set or it points outside)."""
    return logo_file(ctx, stored)
