"""Settings > Brand: what the client's paper carries (name, tagline, colours, logo, font,
contact details, footer, signature, page size).

A logo is checked with Pillow (PNG or JPEG, size capped), then copied into the data folder
under a generated name: the practice never depends on a file elsewhere, and no path a
person typed is ever used to build a file name.

reportlab and Pillow are imported when first needed: the window imports this module at
start, and the brand is looked at long after (if ever).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from deliverydesk.atomic_file import write_atomically
from deliverydesk.model.entities import Practice
from deliverydesk.model.rules.enums import Owner, PhaseStatus
from deliverydesk.reports import data
from deliverydesk.reports.data import Brand
from deliverydesk.services.changes import Aspect, Changes, Result
from deliverydesk.services.context import Context
from deliverydesk.services.errors import InvalidInput, NotFound
from deliverydesk.services.validation import (
    clean_email,
    clean_line,
    clean_text,
    refuse_database_file,
)
from deliverydesk.store.schema import is_database_file
from deliverydesk.wording import ENGLISH, RefusalCode, Term, Translate, refusal_text, untranslated

LOGO_FOLDER = "brand"
# What import_logo stores: a generated name in the data folder's brand folder.
_STORED_LOGO = re.compile(rf"^{LOGO_FOLDER}/logo-[0-9a-f]{{32}}\.(png|jpg)$")
_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
PAGE_SIZES = ("", data.A4, data.LETTER)  # "" follows the computer's locale


# The practice's columns Settings → Brand saves (the owner's name is Settings → Practice's;
# the logo file is the paper's copy of logo_path).
SAVED = tuple(f for f in Brand.__dataclass_fields__ if f not in ("owner_name", "logo_file"))


def brand_settings(ctx: Context) -> Brand:
    with ctx.db.sessions() as session:
        return settings_of(practice_row(session))


def settings_of(practice: Practice) -> Brand:
    """The practice's brand as stored (Brand's fields are named as its columns)."""
    return Brand(owner_name=practice.owner_name, **{f: getattr(practice, f) for f in SAVED})


def practice_row(session: Session) -> Practice:
    practice = session.scalars(select(Practice).order_by(Practice.id).limit(1)).first()
    if practice is None:
        raise NotFound(RefusalCode.NO_PRACTICE_YET)
    return practice


def _colour(label: str) -> Callable[[str], str]:
    def rule(colour: str) -> str:
        colour = colour.strip()
        if not _COLOUR.match(colour):
            raise InvalidInput(RefusalCode.COLOUR_NOT_HEX, label=Term(label))
        return colour.upper()

    return rule


def font_families() -> tuple[str, ...]:
    """The bundled families a practice can choose (the first is the default)."""
    from deliverydesk.reports.fonts import FAMILY_NAMES

    return FAMILY_NAMES


def _font(name: str) -> str:
    families = font_families()
    if name and name not in families:
        raise InvalidInput(RefusalCode.FONT_NOT_IN_LIST, fonts=", ".join(families))
    return name


def _page(size: str) -> str:
    if size not in PAGE_SIZES:
        raise InvalidInput(RefusalCode.PAGE_SIZE_UNKNOWN)
    return size


def clean_logo_path(stored: object) -> str | None:
    """A logo path as import_logo stores it (or none): never a path outside the data
    folder's brand folder, whatever a file or a form says."""
    if stored is None or stored == "":
        return None
    if not isinstance(stored, str) or not _STORED_LOGO.match(stored):
        raise InvalidInput(RefusalCode.LOGO_NOT_COPIED)
    return stored


# Each field's rule: its stored form, or InvalidInput saying what to fix (in this order).
# The form, the save and the practice-file import all check by these.
FIELD_RULES: dict[str, Callable[[str], str]] = {
    "brand_color": _colour("The primary colour"),
    "accent_color": _colour("The accent colour"),
    "font_family": _font,
    "page_size": _page,
    "name": lambda v: clean_line(v, "The practice's name", 200, required=True),
    "tagline": lambda v: clean_line(v, "The tagline", 200),
    "email": clean_email,
    "website": lambda v: clean_line(v, "The website", 300),
    "phone": lambda v: clean_line(v, "The phone number", 60),
    "address": lambda v: clean_text(v, "The address", 1_000),
    "footer_text": lambda v: clean_line(v, "The footer text", 300),
    "signature": lambda v: clean_line(v, "The signature line", 200),
}


def brand_problems(settings: Brand, tr: Translate = untranslated) -> dict[str, str]:
    """What is wrong, field by field ({"email": "'x' does not look like..."}; empty when
    nothing is): the form says each beside its field, in the words clean_brand uses,
    through the translator `tr`."""
    problems: dict[str, str] = {}
    for field, rule in FIELD_RULES.items():
        try:
            rule(getattr(settings, field))
        except InvalidInput as error:
            problems[field] = refusal_text(error, tr)
    return problems


def clean_brand(settings: Brand) -> Brand:
    """The settings as they will be stored; raises InvalidInput saying what to fix (the
    first field in FIELD_RULES' order that is refused)."""
    cleaned: dict[str, Any] = {f: rule(getattr(settings, f)) for f, rule in FIELD_RULES.items()}
    return replace(settings, logo_path=clean_logo_path(settings.logo_path), **cleaned)


def colour_advice(colour: str) -> str:
    """What the pages do with `colour` when text set in it would be hard to read on white
    (under WCAG AA, 4.5:1): "" when it reads well or does not parse."""
    from deliverydesk.reports.theme import MIN_CONTRAST, PAPER_WHITE, contrast, parse_colour

    parsed = parse_colour(colour)
    if parsed is None:
        return ""
    ratio = contrast(parsed, PAPER_WHITE)
    if ratio >= MIN_CONTRAST:
        return ""
    return (
        f"Text in this colour would be hard to read on white ({ratio:.1f} to 1; "
        f"{MIN_CONTRAST:g} to 1 is needed). The pages keep it for fills and set headings "
        "in a darker shade of it."
    )


def computer_page_size() -> str:
    """A4 or Letter: what "Follow my computer" means here (the locale's country)."""
    from deliverydesk.reports.theme import page_size_for_locale

    return page_size_for_locale()


def update_brand(ctx: Context, settings: Brand) -> Result[Brand]:
    """Save the brand; the value is the settings before (pass them back to undo)."""
    clean = clean_brand(settings)
    with ctx.transaction() as session:
        practice = practice_row(session)
        before = settings_of(practice)
        for field in SAVED:
            setattr(practice, field, getattr(clean, field))
    return Result(before, Changes(aspects=Aspect.BRAND))


def import_logo(ctx: Context, source: Path) -> str:
    """Copy a PNG or JPEG logo into the data folder under a generated name and return the
    stored path, for Brand.logo_path. Raises InvalidInput for a file that cannot
    be used (not an image, damaged, too large); nothing is copied then."""
    from deliverydesk.reports.theme import check_logo

    refuse_database_file(source)
    logo, problem = check_logo(source)
    if logo is None:
        words = problem.replace("was left out", "cannot be used").replace(
            "the practice name is shown instead", "choose another file"
        )
        if not words:
            raise InvalidInput(RefusalCode.NO_LOGO_FILE)
        raise InvalidInput(RefusalCode.LOGO_UNUSABLE, problem=words)
    with source.open("rb") as handle:
        kind = ".png" if handle.read(8).startswith(b"\x89PNG") else ".jpg"
    folder = ctx.path.parent / LOGO_FOLDER
    folder.mkdir(mode=0o700, exist_ok=True)
    name = f"logo-{uuid.uuid4().hex}{kind}"
    write_atomically(folder / name, source.read_bytes())
    return f"{LOGO_FOLDER}/{name}"


def logo_path(ctx: Context, stored: str | None) -> Path | None:
    """The logo the practice set, as a path inside the data folder (a stored path that
    points outside it, or at the data file itself, is ignored: the app only ever copies
    logos in, and nothing but SQLite may read the data file, docs/data-safety.md)."""
    if not stored:
        return None
    folder = ctx.path.parent.resolve()
    path = (folder / stored).resolve()
    return path if path.is_relative_to(folder) and not is_database_file(path) else None


def paper_brand(ctx: Context, settings: Brand) -> Brand:
    """What the client's paper carries for `settings`: the logo as a file in the data
    folder, the page size the computer's locale's unless set."""
    from deliverydesk.reports.theme import page_size_for_locale

    page = settings.page_size if settings.page_size in (data.A4, data.LETTER) else ""
    return replace(
        settings,
        logo_file=logo_path(ctx, settings.logo_path),
        page_size=page or page_size_for_locale(),
    )


# -- the sample page beside the form ------------------------------------------------------------


def sample_page(ctx: Context, settings: Brand) -> bytes:
    """One page as the client would hold it, drawn with `settings` as they stand in the form
    (unsaved, perhaps half-typed): the progress report's builder set with a made-up client,
    so the sample is the real page furniture (band, logo, map, note, signature, footer).

    Nothing is checked or stored: a colour that does not parse is drawn in the default, a
    missing or damaged logo is left out (the name takes its place) as it would be on paper.
    """
    from deliverydesk.reports.progress_report import progress_report_pdf

    the_brand = paper_brand(ctx, _trimmed(settings))
    return progress_report_pdf(_sample_report(the_brand, ctx.clock.today()))


# What a person types into the form: the sample trims it (the stored brand is as saved).
_TYPED = (
    "name", "tagline", "email", "website", "phone", "address", "footer_text", "signature",
    "brand_color", "accent_color",
)  # fmt: skip


def _trimmed(settings: Brand) -> Brand:
    return replace(settings, **{f: getattr(settings, f).strip() for f in _TYPED})


def _sample_report(the_brand: Brand, today: date) -> data.ProgressReport:
    """A made-up client three phases into a four-phase offer: enough of everything the
    brand touches (the band, the map's fills, a list, a signed note) on one page."""

    def day(offset: int) -> date:
        return today + timedelta(days=offset)

    phases = (
        data.MapPhase("Discover", PhaseStatus.DONE, day(-42), day(-29), day(-29)),
        data.MapPhase(
            "Plan",
            PhaseStatus.DONE,
            day(-28),
            day(-11),
            day(-12),
            (data.Milestone("Plan agreed", day(-12), True),),
        ),
        data.MapPhase(
            "Build",
            PhaseStatus.CURRENT,
            day(-10),
            day(17),
            milestones=(data.Milestone("First draft", day(4), False),),
        ),
        data.MapPhase("Launch", PhaseStatus.UPCOMING, day(18), day(31)),
    )
    summary = (
        f"You are in phase 3 of 4, Build: 9 of 16 steps done; "
        f"next milestone: First draft, {ENGLISH.paper_date(day(4))}."
    )
    return data.ProgressReport(
        brand=the_brand,
        client_name="Sam Rivera",
        offer_name="Sample offer",
        today=today,
        journey_map=data.JourneyMap(phases, steps_done=9, steps_total=16),
        summary=summary,
        wins=(
            data.Item("Plan agreed", day(-12), milestone=True),
            data.Item("Interviews summarised", day(-5)),
        ),
        wins_since=day(-28),
        more_wins=0,
        coming_next=(
            data.Item("First draft", day(4), Owner.ME, milestone=True),
            data.Item("Review call", day(9), Owner.CLIENT),
        ),
        needed=(data.Item("Send the photos for the draft", day(2), Owner.CLIENT),),
        more_needed=0,
        note="This is a sample page: your clients see their own journey here.",
    )
