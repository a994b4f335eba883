"""The progress report (1-2 pages): where the client is, what was done, what comes next,
what we need from them, a personal note and a feedback request."""

from __future__ import annotations

import re

from reportlab.platypus import Flowable, KeepTogether

from deliverydesk.reports import blocks
from deliverydesk.reports.blocks import (
    ContinuedBlock,
    gap,
    heading,
    item_list,
    item_rows,
    label,
    paper_date,
    rows_table,
)
from deliverydesk.reports.data import ProgressReport
from deliverydesk.reports.flow import para, user_paragraph
from deliverydesk.reports.journey_map import JourneyMapDrawing, ShareDone
from deliverydesk.reports.layout import Page, build, fits_first_page
from deliverydesk.reports.markup import clip, para_text

# How many entries each list shows, tried in turn until the report fits one page; a list
# longer than its cap ends with "and 3 more".
CAPS = (  # recent wins, what comes next, what we need
    (5, 4, 5),
    (5, 4, 4),
    (4, 4, 4),
    (4, 3, 4),
    (4, 3, 3),
    (3, 3, 3),
)
SHORT_NOTE = 2_500  # characters: a note this short moves whole rather than split


def progress_report_pdf(report: ProgressReport, notes: list[str] | None = None) -> bytes:
    """The report's PDF bytes; what the person should be told (a logo left out) is appended
    to `notes`. The lists are shortened until the report fits one page, when they can be."""
    page = Page(
        report.brand,
        title=f"Your progress: {report.client_name}",
        subject=f"Progress report, {report.offer_name}",
        kind_label="Progress report",
        date_label=paper_date(report.today),
    )
    story = _story(report, page, CAPS[0])
    for caps in CAPS[1:]:
        if fits_first_page(page, story):
            break
        shorter = _story(report, page, caps)
        if fits_first_page(page, shorter):
            story = shorter  # else the lists in full: it takes two pages anyway
    pdf = build(page, story)
    if notes is not None:
        notes.extend(page.notes)
    return pdf


def _story(report: ProgressReport, page: Page, caps: tuple[int, int, int]) -> list[Flowable]:
    theme, styles, brand = page.theme, page.styles, report.brand
    who = clip(report.client_name, 300) + (
        f", {clip(report.company, 300)}" if report.company else ""
    )
    story: list[Flowable] = [
        para("Your progress", styles.title),
        gap(0.5),
        para(
            para_text(who, lines=False) + " &#183; " + para_text(report.offer_name, lines=False),
            styles.lead,
            who,
            report.offer_name,
        ),
        gap(2),
        JourneyMapDrawing(report.journey_map, theme, styles, today=report.today),
        gap(1),
        ShareDone(report.journey_map, theme, styles),
        gap(2),
        blocks.callout(
            [para(para_text(report.summary), styles.lead_ink, report.summary)], theme.width, theme
        ),
        gap(2),
    ]
    half = theme.columns(6)
    wins_cap, next_cap, needed_cap = caps
    wins = report.wins[:wins_cap]
    more_wins = report.more_wins + len(report.wins) - len(wins)
    since = paper_date(report.wins_since)
    wins_block = [
        label("Recent wins", styles),
        gap(0.25),
        *item_list(
            wins,
            half,
            theme,
            styles,
            brand,
            mark="tick",
            empty=f"Nothing finished since {since} yet.",
            more=f"and {more_wins} more since {since}" if more_wins else "",
        ),
    ]
    coming = report.coming_next[:next_cap]
    coming_block = [
        label("What comes next", styles),
        gap(0.25),
        *item_list(
            coming,
            half,
            theme,
            styles,
            brand,
            mark="dot",
            with_owner=True,
            empty="Every step is done.",
            more="and more after that" if len(report.coming_next) > len(coming) else "",
        ),
    ]
    story += blocks.side_by_side(wins_block, coming_block, theme)
    feedback = [gap(2), _feedback(report, page)]
    note = _note(report, page, feedback) if report.note.strip() else []
    story += [gap(2), _needed(report, page, needed_cap, [] if note else feedback), *note]
    return story


def _needed(report: ProgressReport, page: Page, cap: int, after: list[Flowable]) -> Flowable:
    """What we need from the client: a list that splits between rows under a repeated
    heading; its last row stays with `after` (the feedback box when no note follows)."""
    theme, styles = page.theme, page.styles

    def head(continued: bool) -> list[Flowable]:
        title = "What we need from you" + (" (continued)" if continued else "")
        return [label(title, styles), gap(0.25)]

    needed = report.needed[:cap]
    more = report.more_needed + len(report.needed) - len(needed)
    more_line = [para(f"and {more} more on your checklist", styles.caption)] if more else []
    if not needed:
        empty = para("Nothing right now: you are all caught up.", styles.caption)
        return ContinuedBlock(head, None, [empty, *after])
    rows = item_rows(needed, theme, styles, report.brand, mark="dot")
    body = rows_table(rows[:-1], theme.width, theme, rule_last=True) if len(rows) > 1 else None
    last = rows_table(rows[-1:], theme.width, theme)
    return ContinuedBlock(head, body, [last, *more_line, *after])


def _note(report: ProgressReport, page: Page, after: list[Flowable]) -> list[Flowable]:
    """The personal note as a letter: its paragraphs as typed, the signature, then `after`
    (the feedback box). A short note moves whole to the next page rather than split."""
    styles, brand = page.styles, report.brand
    writer = brand.owner_name or brand.practice_name
    signature = brand.signature or brand.owner_name
    paragraphs = [user_paragraph(p.strip(), styles.letter) for p in _paragraphs(report.note)]
    closing: list[Flowable] = [gap(0.5)] if signature else []
    if signature:
        closing.append(para(para_text(signature, bold=True), styles.item_bold, signature))
    closing += after
    head = heading(f"A note from {writer}", styles)
    if len(report.note) <= SHORT_NOTE:
        return [KeepTogether([*head, *paragraphs, *closing])]
    return [*head, *paragraphs[:-1], KeepTogether([paragraphs[-1], *closing])]


def _paragraphs(text: str) -> list[str]:
    """A typed text's paragraphs: split at blank lines."""
    return [p for p in re.split(r"\n\s*\n", text) if p.strip()]


def _feedback(report: ProgressReport, page: Page) -> Flowable:
    styles, brand = page.styles, report.brand
    reach = brand.email or brand.phone or brand.website
    how = f" Reply to {para_text(reach, lines=False)}" if reach else " Tell us"
    text = (
        "<b>How is it going?</b> On a scale of 0 to 10, how likely are you to recommend "
        f"{para_text(brand.practice_name, lines=False)} to a friend, and what is one thing "
        f"that would make the next weeks better?{how} &#8212; every answer is read."
    )
    return blocks.callout(
        [para(text, styles.body, brand.practice_name, reach)],
        page.theme.width,
        page.theme,
        ruled=False,
    )
