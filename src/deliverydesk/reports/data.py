"""What each document prints, as plain frozen values: services/paper/report_data.py reads them
from the database, the builders in this package turn them into pages. Everything a
document shows is here, so a test can compare a PDF's text with the data it was made from.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from deliverydesk.model.rules.enums import Owner, PhaseStatus
from deliverydesk.model.rules.offer_design import IntakeQuestion

A4 = "A4"
LETTER = "Letter"
# The colours a new practice starts with (model/entities/practice.py's column defaults match).
DEFAULT_PRIMARY = "#2F6F73"
DEFAULT_ACCENT = "#E0A458"


@dataclass(frozen=True, slots=True)
class Brand:
    """The practice's brand: what Settings → Brand edits, the practice stores (the fields
    are named as its columns) and the client's paper carries. One type for all three; the
    paper's copy (services/practice/brand.paper_brand) has its logo resolved to a file and
    its page size decided."""

    name: str  # the practice's name
    owner_name: str = ""  # edited in Settings → Practice, never saved with the brand
    tagline: str = ""
    email: str = ""
    website: str = ""
    phone: str = ""
    address: str = ""
    footer_text: str = ""
    signature: str = ""  # under letters; the owner's name when empty
    brand_color: str = DEFAULT_PRIMARY  # hex colours as the practice stores them
    accent_color: str = DEFAULT_ACCENT
    font_family: str = ""  # one of reports.fonts.FAMILY_NAMES; "" = the default
    page_size: str = ""  # A4 or LETTER; "" follows the computer (the paper's copy decides)
    logo_path: str | None = None  # inside the data folder, as import_logo stored it
    logo_file: Path | None = None  # the paper's copy only: the logo to draw, or None

    @property
    def contact_line(self) -> tuple[str, ...]:
        """The ways to reach the practice, in the order the footer prints them."""
        return tuple(part for part in (self.email, self.phone, self.website) if part)


@dataclass(frozen=True, slots=True)
class WeekScale:
    """An offer's template prints weeks, not dates: week 1 starts on `start` (a Monday).
    A design whose steps run past the offer's stated length (`count` weeks) is mapped onto
    those weeks, so a six-week offer reads as weeks 1 to 6."""

    start: date
    end: date  # the last planned day
    count: int = 0  # the offer's length in weeks; 0 when it has none

    def week(self, day: date) -> int:
        days = max((day - self.start).days, 0)
        span = (self.end - self.start).days + 1
        if self.count and span > 7 * self.count:
            return min(days * self.count // span + 1, self.count)
        return days // 7 + 1


@dataclass(frozen=True, slots=True)
class Milestone:
    title: str
    due_on: date
    done: bool


@dataclass(frozen=True, slots=True)
class MapPhase:
    name: str
    status: PhaseStatus
    planned_start_on: date
    planned_end_on: date
    completed_on: date | None = None
    milestones: tuple[Milestone, ...] = ()
    open_steps: int | None = None  # steps still open; None where not known (a sample)


@dataclass(frozen=True, slots=True)
class JourneyMap:
    """Phases as a path: done, the current one ("You are here"), upcoming."""

    phases: tuple[MapPhase, ...]
    steps_done: int = 0
    steps_total: int = 0
    show_position: bool = True  # False for an offer's template: nobody is anywhere yet
    weeks: WeekScale | None = None  # an offer's template: dates print as weeks

    @property
    def share_done(self) -> float:
        return 1.0 if self.steps_total <= 0 else min(self.steps_done / self.steps_total, 1.0)


@dataclass(frozen=True, slots=True)
class Item:
    """One step in a list: a win, something coming next, something the client owes."""

    title: str
    on: date | None  # done on, or due on
    owner: Owner | None = None
    late: bool = False
    milestone: bool = False


@dataclass(frozen=True, slots=True)
class ProgressReport:
    brand: Brand
    client_name: str
    offer_name: str
    today: date
    journey_map: JourneyMap
    summary: str  # one plain sentence: where the client is
    wins: tuple[Item, ...]  # newest first
    wins_since: date
    more_wins: int  # wins since that date not listed
    coming_next: tuple[Item, ...]
    needed: tuple[Item, ...]  # the client's own open steps, late ones first
    more_needed: int
    note: str = ""  # a personal note typed at export
    company: str = ""


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    title: str
    description: str = ""
    owner: Owner | None = None
    due_on: date | None = None
    done: bool = False
    milestone: bool = False


@dataclass(frozen=True, slots=True)
class ChecklistPhase:
    name: str
    purpose: str = ""  # the phase's description
    planned_start_on: date | None = None
    planned_end_on: date | None = None
    items: tuple[ChecklistItem, ...] = ()


@dataclass(frozen=True, slots=True)
class Checklist:
    brand: Brand
    offer_name: str
    today: date
    phases: tuple[ChecklistPhase, ...]
    client_name: str = ""  # "" for an offer's blank checklist
    weeks: WeekScale | None = None  # an offer's template: dates print as weeks


@dataclass(frozen=True, slots=True)
class Standard:
    promise: str
    target: str = ""
    order_winning: bool = False


@dataclass(frozen=True, slots=True)
class Contact:
    role: str  # "Your coach", "Billing"...
    name: str
    lines: tuple[str, ...] = ()  # e-mail, phone, website, address


@dataclass(frozen=True, slots=True)
class OnboardingPack:
    brand: Brand
    offer_name: str
    today: date
    promise: str
    description: str
    welcome_letter: str  # the offer's template, placeholders filled
    journey_map: JourneyMap
    phases: tuple[ChecklistPhase, ...]  # with purposes, planned dates and the checklist
    standards: tuple[Standard, ...]
    boundaries: str
    contacts: tuple[Contact, ...]
    client_name: str = ""  # "" for the offer as a template
    duration_weeks: int = 0
    start_on: date | None = None
    weeks: WeekScale | None = None  # an offer's template: dates print as weeks


@dataclass(frozen=True, slots=True)
class IntakeForm:
    brand: Brand
    offer_name: str
    today: date
    questions: tuple[IntakeQuestion, ...]
    form_key: str  # the hidden field tying the form to its client, offer and questions
    client_name: str = ""  # "" for the offer's blank form
