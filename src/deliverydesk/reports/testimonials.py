"""Testimonials: a branded one-page sheet of what clients said, for the practitioner's
website or a proposal. Each quote sits on a light tint of the brand colour with a rule of
it at the left (a callout), who said it and when beneath; as many quotes as fit one page,
newest first, a long one cut with an ellipsis (a callout cannot split across pages)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.platypus import Flowable

from deliverydesk.reports import blocks
from deliverydesk.reports.blocks import gap, paper_date
from deliverydesk.reports.data import Brand
from deliverydesk.reports.flow import para, sentence, user_paragraph
from deliverydesk.reports.layout import Page, build, first_page_room, measure
from deliverydesk.reports.markup import clip, para_text

QUOTE_LIMIT = 700  # characters: about eight lines of a quote on the sheet


@dataclass(frozen=True, slots=True)
class Quote:
    words: str
    attribution: str  # "Ana Souza, Acme"
    offer_name: str
    day: str  # as worded for the person ("Mon 23 Nov 2026")


def quotes_pdf(
    brand: Brand, quotes: list[Quote], today: date, notes: list[str] | None = None
) -> bytes:
    """The sheet's PDF bytes; what the person should be told (a logo left out, quotes that
    did not fit) is appended to `notes`."""
    page = Page(
        brand,
        title=f"What clients say: {brand.name}",
        subject="Testimonials",
        kind_label="Testimonials",
        date_label=paper_date(today),
    )
    styles = page.styles
    story: list[Flowable] = [
        para("What clients say", styles.title),
        gap(0.5),
        sentence(f"In their own words, about working with {brand.name}.", styles.lead),
        gap(2),
    ]
    room = first_page_room(page) - measure(page, story)
    placed = 0
    for quote in quotes:
        block = [_quote(quote, page), gap(1)]
        height = measure(page, block)
        if height > room:
            break
        story += block
        room -= height
        placed += 1
    if not quotes:
        story.append(para("No testimonials yet.", styles.caption))
    pdf = build(page, story)
    if notes is not None:
        notes.extend(page.notes)
        if placed < len(quotes):
            notes.append(f"{placed} of {len(quotes)} quotes fit on the page, the newest.")
    return pdf


def _quote(quote: Quote, page: Page) -> Flowable:
    styles = page.styles
    said = f"“{clip(quote.words, QUOTE_LIMIT)}”"
    by = f"— {clip(quote.attribution, 200)} · {clip(quote.offer_name, 200)} · {quote.day}"
    return blocks.callout(
        [
            user_paragraph(said, styles.lead_ink),
            gap(0.25),
            para(para_text(by, lines=False), styles.caption, by),
        ],
        page.theme.width,
        page.theme,
    )
