"""Paragraph styles on the type scale of the design brief, for one theme."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from deliverydesk.reports import theme as t


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    body_right: ParagraphStyle  # dates and counts in their column
    lead: ParagraphStyle
    lead_ink: ParagraphStyle  # a lead sentence that carries the message (the summary)
    letter: ParagraphStyle  # a letter or a personal note: a touch more air
    caption: ParagraphStyle
    caption_right: ParagraphStyle
    caption_ink: ParagraphStyle
    label: ParagraphStyle  # small capitals above a block ("RECENT WINS")
    section: ParagraphStyle
    title: ParagraphStyle
    cover: ParagraphStyle
    item: ParagraphStyle  # a list entry's title
    item_bold: ParagraphStyle
    phase: ParagraphStyle  # a phase's name in a list


def styles_for(theme: t.Theme) -> Styles:
    return _styles(theme)


@cache
def _styles(theme: t.Theme) -> Styles:
    regular, bold = theme.family.regular, theme.family.bold
    body = ParagraphStyle(
        "body",
        fontName=regular,
        fontSize=t.BODY,
        leading=t.BODY * 1.4,
        textColor=t.INK,
        splitLongWords=1,
        alignment=TA_LEFT,
        embeddedHyphenation=0,
    )
    caption = replace_style(
        body, "caption", fontSize=t.CAPTION, leading=t.CAPTION * 1.4, textColor=t.MUTED
    )
    return Styles(
        body=body,
        body_right=replace_style(body, "body_right", alignment=TA_RIGHT),
        lead=replace_style(body, "lead", fontSize=t.LEAD, leading=t.LEAD * 1.4, textColor=t.MUTED),
        lead_ink=replace_style(body, "lead_ink", fontSize=t.LEAD, leading=t.LEAD * 1.4),
        letter=replace_style(
            body, "letter", fontSize=t.BODY, leading=t.BODY * 1.5, spaceAfter=t.BASELINE
        ),
        caption=caption,
        caption_right=replace_style(caption, "caption_right", alignment=TA_RIGHT),
        caption_ink=replace_style(caption, "caption_ink", textColor=t.INK),
        label=replace_style(
            caption,
            "label",
            fontName=bold,
            textColor=theme.primary_text,
            leading=t.CAPTION * 1.3,
        ),
        section=replace_style(
            body,
            "section",
            fontName=bold,
            fontSize=t.SECTION,
            leading=t.SECTION * 1.15,
            spaceBefore=2 * t.BASELINE,
            spaceAfter=t.BASELINE,
            keepWithNext=1,
        ),
        title=replace_style(body, "title", fontName=bold, fontSize=t.TITLE, leading=t.TITLE * 1.15),
        cover=replace_style(body, "cover", fontName=bold, fontSize=t.COVER, leading=t.COVER * 1.15),
        item=body,
        item_bold=replace_style(body, "item_bold", fontName=bold),
        phase=replace_style(
            body, "phase", fontName=bold, fontSize=t.LEAD, leading=t.LEAD * 1.3, keepWithNext=1
        ),
    )


def replace_style(style: ParagraphStyle, name: str, **changes: object) -> ParagraphStyle:
    return ParagraphStyle(name, parent=style, **changes)


@cache
def shaped(style: ParagraphStyle, right: bool = False) -> ParagraphStyle:
    """The same style with HarfBuzz shaping on (Arabic, Hebrew...), right-aligned with
    `right`: used only for paragraphs that need it, plain Latin stays fast."""
    return ParagraphStyle(
        style.name + ("-shaped-rtl" if right else "-shaped"),
        parent=style,
        shaping=1,
        alignment=TA_RIGHT if right else style.alignment,
    )
