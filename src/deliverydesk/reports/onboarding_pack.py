"""The onboarding pack (cover + 3-6 pages): the promise, a welcome letter, the journey map
with each phase's purpose and dates, how we work together, the client's checklist and key
contacts; a table of contents and bookmarks. For one client, or an offer as a template."""

from __future__ import annotations

import re

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepInFrame,
    KeepTogether,
    PageBreak,
    PageBreakIfNotEmpty,
    Spacer,
    Table,
)
from reportlab.platypus.tableofcontents import TableOfContents

from deliverydesk.reports import theme as t
from deliverydesk.reports.blocks import Mark, gap, heading, label, paper_date, span_label
from deliverydesk.reports.checklist import phase_blocks
from deliverydesk.reports.data import ChecklistPhase, OnboardingPack
from deliverydesk.reports.flow import para, table_style, user_paragraph
from deliverydesk.reports.journey_map import JourneyMapDrawing
from deliverydesk.reports.layout import BAND_HEIGHT, Page, build
from deliverydesk.reports.markup import clip, para_text
from deliverydesk.reports.styles import Styles, replace_style

# Text longer than this flows as story paragraphs, never in a table cell (which cannot
# split across pages and would stop the export).
LONG_IN_TABLE = 1_200
COVER_PROMISE_LIMIT = 600  # characters on the cover; the whole promise follows inside


def onboarding_pack_pdf(pack: OnboardingPack, notes: list[str] | None = None) -> bytes:
    who = pack.client_name or pack.offer_name
    page = Page(
        pack.brand,
        title=f"Welcome: {who}",
        subject=f"Onboarding pack, {pack.offer_name}",
        kind_label="Welcome pack",
        date_label=paper_date(pack.today),
        cover=True,
    )
    pdf = build(page, _story(pack, page), contents=True)
    if notes is not None:
        notes.extend(page.notes)
    return pdf


def _story(pack: OnboardingPack, page: Page) -> list[Flowable]:
    theme, styles = page.theme, page.styles
    story: list[Flowable] = [_cover(pack, page), PageBreak()]
    story += [*heading("Contents", styles, bookmark=False), _contents(styles), gap(2)]
    # Welcome
    story += heading("Welcome", styles)
    story += _letter(pack, page)
    # The promise and the journey
    # The journey follows the letter on its page when the map and a few phases fit there.
    story += [CondPageBreak(100 * mm), *heading("Your journey", styles)]
    if pack.promise.strip():
        story += [
            label("Our promise to you", styles),
            gap(0.25),
            user_paragraph(pack.promise, styles.lead_ink),
            gap(1),
        ]
    if pack.description.strip():
        story += [user_paragraph(pack.description, styles.body), gap(1)]
    story += [gap(1), JourneyMapDrawing(pack.journey_map, theme, styles, today=pack.today), gap(2)]
    story += _phases(pack, page)
    # How we work together
    story += [CondPageBreak(50 * mm), *heading("How we work together", styles)]
    story += _standards(pack, page)
    if pack.boundaries.strip():
        story += [gap(1), label("Good to know", styles), gap(0.25)]
        story += [_bullet(line, page) for line in _lines(pack.boundaries)]
    # Key contacts close the reading part; the checklist, to print and tick, ends the pack
    # (a short contacts block after it would be left alone on a last page).
    story += [CondPageBreak(45 * mm), *heading("Key contacts", styles), *_contacts(pack, page)]
    story += [PageBreakIfNotEmpty(), *heading("Your checklist", styles)]
    story += [
        para(
            "Tick each step as it is done. The dates are the plan; "
            "we will tell you when one moves.",
            styles.caption,
        ),
        gap(1),
    ]
    story += phase_blocks(
        pack.phases, theme.width, styles, pack.brand, bookmarks=False, weeks=pack.weeks
    )
    return story


def _letter(pack: OnboardingPack, page: Page) -> list[Flowable]:
    """The welcome letter, signed once: a template that ends with the practice's or the
    owner's name has that line printed as the signature, not above a second one."""
    styles, brand = page.styles, pack.brand
    signer = brand.signature or brand.owner_name or brand.name
    paragraphs = [p.strip() for p in pack.welcome_letter.split("\n\n") if p.strip()]
    names = {" ".join(n.split()) for n in (signer, brand.owner_name, brand.name) if n}
    if paragraphs and " ".join(paragraphs[-1].split()) in names:
        paragraphs.pop()
    story: list[Flowable] = [user_paragraph(p, styles.letter) for p in paragraphs]
    story += [gap(0.5), para(para_text(signer, bold=True), styles.item_bold, signer)]
    if brand.name and brand.name not in signer:
        story.append(para(para_text(brand.name), styles.caption, brand.name))
    return story


def _cover(pack: OnboardingPack, page: Page) -> Flowable:
    """The promise in the client's words, large; the client's name and the offer."""
    theme, styles = page.theme, page.styles
    promise = " ".join(pack.promise.split()) or pack.offer_name
    if len(promise) > COVER_PROMISE_LIMIT:
        promise = promise[: COVER_PROMISE_LIMIT - 1].rstrip() + "…"
    # The brief's scale: cover title, page title, section head, by the promise's length.
    size = t.COVER if len(promise) <= 80 else t.TITLE if len(promise) <= 220 else t.SECTION
    big = replace_style(styles.cover, "cover-promise", fontSize=size, leading=size * 1.15)
    upper: list[Flowable] = [
        gap(10),
        label(f"Welcome to {pack.offer_name}", styles),
        gap(1.5),
        _ruled(user_paragraph(promise, big, bold=True), theme),
    ]
    lower = _cover_details(pack, page)
    height = theme.page[1] - BAND_HEIGHT - 8 * mm - t.MARGIN_BOTTOM - 2 * mm
    used = sum(f.wrap(theme.width, height)[1] for f in [*upper, lower])
    # The details sit at the foot of the cover: the lower half is composed, not left empty.
    filler = Spacer(1, max(height - used - 2 * mm, 4 * t.BASELINE))
    return KeepInFrame(theme.width, height, [*upper, filler, lower], mode="shrink")


def _cover_details(pack: OnboardingPack, page: Page) -> Flowable:
    """Who the pack is for, the offer and its length, the start, and who is with them: on
    the grid (4 + 4 + 4 columns) under a rule of the brand's colour."""
    theme, styles, brand = page.theme, page.styles, pack.brand
    practitioner = brand.owner_name or brand.name

    def cell(title: str, *lines: tuple[str, bool]) -> list[Flowable]:
        out: list[Flowable] = [label(title, styles), gap(0.25)]
        for text, strong in lines:
            if text:
                out.append(
                    para(
                        para_text(clip(text, 200), bold=strong),
                        styles.item_bold if strong else styles.caption_ink,
                        text,
                    )
                )
        return out

    weeks = f"About {pack.duration_weeks} weeks" if pack.duration_weeks else ""
    first = (
        cell("Prepared for", (pack.client_name, True))
        if pack.client_name
        else cell("Your offer", (pack.offer_name, True), (weeks, False))
    )
    second = (
        cell("Your offer", (pack.offer_name, True), (weeks, False))
        if pack.client_name
        else cell("Starting", ("The week you begin is week 1", False))
    )
    if pack.client_name and pack.start_on:
        second.append(para(f"Starting {paper_date(pack.start_on)}", styles.caption_ink))
    practice = brand.name if brand.name != practitioner else ""
    third = cell("With you", (practitioner, True), (practice, False))
    table = Table(
        [[first, second, third]], colWidths=[theme.columns(4) + t.GUTTER] * 2 + [theme.columns(4)]
    )
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), t.GUTTER),
                ("RIGHTPADDING", (-1, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 3 * mm),
                ("LINEABOVE", (0, 0), (-1, 0), 1.2, theme.primary),
            ],
            theme.family.regular,
        )
    )
    return table


def _ruled(flowable: Flowable, theme: t.Theme) -> Flowable:
    table = Table([[flowable]], colWidths=[theme.columns(11)])
    table.setStyle(
        table_style(
            [
                ("LINEBEFORE", (0, 0), (0, -1), 3, theme.primary),
                ("LEFTPADDING", (0, 0), (-1, -1), 5 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 1 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2 * mm),
            ],
            theme.family.regular,
        )
    )
    return table


def _contents(styles: Styles) -> Flowable:
    toc = TableOfContents(dotsMinLevel=0)
    entry = replace_style(styles.body, "toc", fontSize=t.LEAD, leading=t.LEAD * 1.8)
    toc.levelStyles = [entry, replace_style(styles.body, "toc-1", leftIndent=6 * mm)]
    toc.tableStyle = table_style(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ],
        styles.body.fontName,
    )
    return toc


def _phases(pack: OnboardingPack, page: Page) -> list[Flowable]:
    """Each phase with a purpose: its name and planned dates, then what it is for (flowing
    text). Phases without one are rows of a dated table, not a run of empty headings."""
    story: list[Flowable] = []
    plain: list[tuple[int, ChecklistPhase]] = []
    for number, phase in enumerate(pack.phases, start=1):
        if not phase.purpose.strip():
            plain.append((number, phase))
            continue
        if plain:
            story += [_phase_table(plain, pack, page), gap(1.5)]
            plain = []
        block: list[Flowable] = [
            _phase_table([(number, phase)], pack, page),
            gap(0.5),
            user_paragraph(phase.purpose, page.styles.body),
            gap(1.5),
        ]
        story += [KeepTogether(block)] if len(phase.purpose) < 1_500 else block
    if plain:
        story += [_phase_table(plain, pack, page), gap(1.5)]
    return story


def _phase_table(
    phases: list[tuple[int, ChecklistPhase]], pack: OnboardingPack, page: Page
) -> Flowable:
    """Numbered phase names with their planned dates, a hairline under each."""
    theme, styles = page.theme, page.styles
    rows = [
        [
            para(
                f"{number}. " + para_text(phase.name, bold=True, lines=False),
                styles.phase,
                phase.name,
            ),
            para(
                span_label(phase.planned_start_on, phase.planned_end_on, pack.weeks),
                styles.caption_right,
            ),
        ]
        for number, phase in phases
    ]
    table = Table(rows, colWidths=[theme.width - 55 * mm, 55 * mm])
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5 * mm),
                ("LINEBELOW", (0, 0), (-1, -1), 0.6, t.RULE),
            ],
            styles.body.fontName,
        )
    )
    table.keepWithNext = len(phases) == 1  # a phase's head stays with its purpose
    return table


def _standards(pack: OnboardingPack, page: Page) -> list[Flowable]:
    theme, styles = page.theme, page.styles
    story: list[Flowable] = []
    for standard in pack.standards:
        if len(standard.promise) + len(standard.target) > LONG_IN_TABLE:
            story += [user_paragraph(standard.promise, styles.item_bold, bold=True)]
            story += [user_paragraph(standard.target, styles.caption)] if standard.target else []
            continue
        cell: list[Flowable] = [
            para(para_text(standard.promise, bold=True), styles.item_bold, standard.promise)
        ]
        if standard.target:
            cell.append(para(para_text(standard.target), styles.caption, standard.target))
        row = Table(
            [[Mark("tick", theme), cell]],  # a diamond means a milestone, nowhere else
            colWidths=[6 * mm, theme.width - 6 * mm],
        )
        row.setStyle(
            table_style(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 1.5 * mm),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5 * mm),
                    ("TOPPADDING", (0, 0), (0, -1), 2.6 * mm),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.4, t.RULE),
                ],
                styles.body.fontName,
            )
        )
        story.append(row)
    return story


def _lines(text: str) -> list[str]:
    """Boundaries as scannable items: one per line, or one per sentence in a paragraph."""
    lines = [line.strip(" -•*\t") for line in text.splitlines() if line.strip(" -•*\t")]
    if len(lines) == 1 and len(lines[0]) < 2_000:
        return [s for s in re.split(r"(?<=\.)\s+", lines[0]) if s]
    return lines


def _bullet(text: str, page: Page) -> Flowable:
    styles, theme = page.styles, page.theme
    if len(text) > LONG_IN_TABLE:  # a table cell cannot split: long text flows instead
        return user_paragraph(text, styles.body)
    table = Table(
        [[Mark("dot", theme), user_paragraph(text, styles.body)]],
        colWidths=[6 * mm, theme.width - 6 * mm],
    )
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0.8 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0.8 * mm),
                ("TOPPADDING", (0, 0), (0, -1), 2.0 * mm),
            ],
            styles.body.fontName,
        )
    )
    return table


def _contacts(pack: OnboardingPack, page: Page) -> list[Flowable]:
    styles = page.styles
    story: list[Flowable] = []
    for contact in pack.contacts:
        cell: list[Flowable] = [
            para(para_text(contact.role.upper()), styles.label),
            para(para_text(contact.name, bold=True), styles.item_bold, contact.name),
        ]
        cell += [para(para_text(line), styles.body, line) for line in contact.lines]
        # Gaps only between contacts: one after the last, pushed past a full page, would
        # start a page of its own before the checklist's page break (a blank page).
        story += [gap(1.5), KeepTogether(cell)] if story else [KeepTogether(cell)]
    return story
