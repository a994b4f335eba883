"""The progress report (1-2 pages): where the client is, what was done, what comes next,
what we need from them, a personal note and a feedback request."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether

from deliverydesk.reports import blocks
from deliverydesk.reports.blocks import gap, heading, item_list, label, paper_date
from deliverydesk.reports.data import ProgressReport
from deliverydesk.reports.flow import Stack, para, user_paragraph
from deliverydesk.reports.journey_map import JourneyMapDrawing, ShareDone
from deliverydesk.reports.layout import Page, build
from deliverydesk.reports.markup import clip, para_text


def progress_report_pdf(report: ProgressReport, notes: list[str] | None = None) -> bytes:
    """The report's PDF bytes; what the person should be told (a logo left out) is appended
    to `notes`."""
    page = Page(
        report.brand,
        title=f"Your progress: {report.client_name}",
        subject=f"Progress report, {report.offer_name}",
        kind_label="Progress report",
        date_label=paper_date(report.today),
    )
    pdf = build(page, _story(report, page))
    if notes is not None:
        notes.extend(page.notes)
    return pdf


def _story(report: ProgressReport, page: Page) -> list[Flowable]:
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
        JourneyMapDrawing(report.journey_map, theme, styles),
        gap(1),
        ShareDone(report.journey_map, theme, styles),
        gap(2),
        blocks.callout(
            [para(para_text(report.summary), styles.lead_ink, report.summary)], theme.width, theme
        ),
        gap(2),
    ]
    half = theme.columns(6)
    wins = [
        label("Recent wins", styles),
        gap(0.25),
        *item_list(
            report.wins,
            half,
            theme,
            styles,
            brand,
            mark="tick",
            empty=f"Nothing finished since {paper_date(report.wins_since)} yet.",
            more=f"and {report.more_wins} more since {paper_date(report.wins_since)}"
            if report.more_wins
            else "",
        ),
    ]
    coming = [
        label("What comes next", styles),
        gap(0.25),
        *item_list(
            report.coming_next,
            half,
            theme,
            styles,
            brand,
            mark="dot",
            with_owner=True,
            empty="Every step is done.",
        ),
    ]
    story += blocks.side_by_side(wins, coming, theme)
    needed = [label("What we need from you", styles), gap(0.25)]
    needed += item_list(
        report.needed,
        theme.width,
        theme,
        styles,
        brand,
        mark="dot",
        empty="Nothing right now: you are all caught up.",
        more=f"and {report.more_needed} more on your checklist" if report.more_needed else "",
    )
    # A short list stays whole rather than leaving one row on the next page.
    story += [gap(2), KeepTogether(needed) if len(report.needed) <= 6 else Stack(needed)]
    if report.note.strip():
        writer = brand.owner_name or brand.practice_name
        signature = brand.signature or brand.owner_name
        story += [
            *heading(f"A note from {writer}", styles),
            user_paragraph(report.note, styles.letter),
        ]
        if signature:
            story.append(para(para_text(signature, bold=True), styles.item_bold, signature))
    story += [gap(2), _feedback(report, page)]
    return story


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
