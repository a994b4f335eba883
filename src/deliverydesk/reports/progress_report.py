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
from deliverydesk.reports.flow import para, sentence, user_paragraph
from deliverydesk.reports.journey_map import JourneyMapDrawing, ShareDone
from deliverydesk.reports.layout import Page, build, first_page_room, measure
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
    # US Letter is 18 mm shorter than A4: a client with long step names needs these.
    (3, 3, 2),
    (3, 2, 2),
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
    top = _top(report, page)
    room = first_page_room(page) - measure(page, top)
    rows = _Rows(report, page)

    def fits(index: int, whole: bool) -> bool:
        """Whether page 1 holds the lists at CAPS[index]: with the note and the feedback
        box (`whole`), or the lists alone, the note going to page 2."""
        story = _lists(report, page, CAPS[index], rows)
        return measure(page, story if whole else story[: len(story) - len(rows.note)]) <= room

    chosen = 0  # the lists in full, unless shorter ones make it one page
    # When no caps make it one page with the note, the lists are capped to end page 1
    # whole, rather than leaving a row or two of them above the note on page 2.
    for whole in (True, False) if rows.note else (True,):
        if fits(0, whole):
            break
        if fits(len(CAPS) - 1, whole):
            low, high = 1, len(CAPS) - 1  # the longest lists that fit: CAPS[high] does
            while low < high:
                middle = (low + high) // 2
                low, high = (low, middle) if fits(middle, whole) else (middle + 1, high)
            chosen = high
            break
    pdf = build(page, [*top, *_lists(report, page, CAPS[chosen], rows)])
    if notes is not None:
        notes.extend(page.notes)
    return pdf


def _top(report: ProgressReport, page: Page) -> list[Flowable]:
    """The title, the map, the share done and the one sentence: the same at any length."""
    theme, styles = page.theme, page.styles
    who = clip(report.client_name, 300) + (
        f", {clip(report.company, 300)}" if report.company else ""
    )
    return [
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
        blocks.callout([sentence(report.summary, styles.lead_ink)], theme.width, theme),
        gap(2),
    ]


class _Rows:
    """Each list's rows, the note and the feedback box, made once for every try."""

    def __init__(self, report: ProgressReport, page: Page) -> None:
        theme, styles, brand = page.theme, page.styles, report.brand
        longest = [max(caps[n] for caps in CAPS) for n in range(3)]
        self.wins = item_rows(report.wins[: longest[0]], theme, styles, brand, mark="tick")
        self.coming = item_rows(
            report.coming_next[: longest[1]], theme, styles, brand, mark="dot", with_owner=True
        )
        self.needed = item_rows(report.needed[: longest[2]], theme, styles, brand, mark="dot")
        self.feedback: list[Flowable] = [gap(2), _feedback(report, page)]
        self.note = _note(report, page, self.feedback) if report.note.strip() else []


def _lists(
    report: ProgressReport, page: Page, caps: tuple[int, int, int], rows: _Rows
) -> list[Flowable]:
    """The three lists, at most `caps` entries each, the note and the feedback box."""
    theme, styles, brand = page.theme, page.styles, report.brand
    story: list[Flowable] = []
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
            rows=rows.wins[:wins_cap],
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
            rows=rows.coming[:next_cap],
        ),
    ]
    story += blocks.side_by_side(wins_block, coming_block, theme)
    needed = _needed(report, page, rows.needed[:needed_cap], [] if rows.note else rows.feedback)
    story += [gap(2), needed, *rows.note]
    return story


def _needed(
    report: ProgressReport, page: Page, rows: list[list[object]], after: list[Flowable]
) -> Flowable:
    """What we need from the client: a list that splits between rows under a repeated
    heading; its last row stays with `after` (the feedback box when no note follows)."""
    theme, styles = page.theme, page.styles

    def head(continued: bool) -> list[Flowable]:
        title = "What we need from you" + (" (continued)" if continued else "")
        return [label(title, styles), gap(0.25)]

    more = report.more_needed + len(report.needed) - len(rows)
    more_line = [para(f"and {more} more on your checklist", styles.caption)] if more else []
    if not rows:
        empty = para("Nothing right now: you are all caught up.", styles.caption)
        return ContinuedBlock(head, None, [empty, *after])
    body = rows_table(rows[:-1], theme.width, theme, rule_last=True) if len(rows) > 1 else None
    last = rows_table(rows[-1:], theme.width, theme)
    return ContinuedBlock(head, body, [last, *more_line, *after])


def _note(report: ProgressReport, page: Page, after: list[Flowable]) -> list[Flowable]:
    """The personal note as a letter: its paragraphs as typed, the signature, then `after`
    (the feedback box). A short note moves whole to the next page rather than split."""
    styles, brand = page.styles, report.brand
    writer = brand.owner_name or brand.name
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
    reach = " ".join((brand.email or brand.phone or brand.website).split())
    how = f" Reply to {reach}" if reach else " Tell us"
    name = " ".join(brand.name.split())
    text = (
        f"On a scale of 0 to 10, how likely are you to recommend {name} to a friend, and "
        f"what is one thing that would make the next weeks better?{how} \u2014 every "
        "answer is read."
    )
    return blocks.callout(
        [sentence(text, styles.body, lead="How is it going?")],
        page.theme.width,
        page.theme,
        ruled=False,
    )
