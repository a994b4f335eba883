"""The printable checklist: vector tick boxes, who acts, due dates right-aligned, lines to
write on. Pure black on white, so any office printer prints it as it was meant."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Table

from deliverydesk.reports import theme as t
from deliverydesk.reports.blocks import gap, owner_for_client, paper_date
from deliverydesk.reports.data import Brand, Checklist, ChecklistItem, ChecklistPhase
from deliverydesk.reports.flow import Bookmark, TickBox, marked, para, table_style
from deliverydesk.reports.layout import Page, build
from deliverydesk.reports.markup import clip, para_text
from deliverydesk.reports.styles import Styles, replace_style

BOX = 3.6 * mm
DUE_WIDTH = 25 * mm
WHO_WIDTH = 22 * mm


def checklist_pdf(checklist: Checklist, notes: list[str] | None = None) -> bytes:
    page = Page(
        checklist.brand,
        title=f"Checklist: {checklist.client_name or checklist.offer_name}",
        subject=f"Checklist, {checklist.offer_name}",
        band=False,
        date_label=paper_date(checklist.today),
    )
    pdf = build(page, _story(checklist, page), first_top=t.MARGIN_TOP + 18 * mm)
    if notes is not None:
        notes.extend(page.notes)
    return pdf


def _story(checklist: Checklist, page: Page) -> list[Flowable]:
    styles = page.styles
    black = replace_style(styles.title, "title-black", textColor=t.INK)
    names = [clip(n, 300) for n in (checklist.client_name, checklist.offer_name) if n]
    meta_markup = " &#183; ".join(para_text(n, lines=False) for n in names)
    story: list[Flowable] = [
        para("Checklist", black),
        gap(0.5),
        para(
            meta_markup,
            replace_style(styles.lead, "lead-black", textColor=t.INK),
            checklist.client_name,
            checklist.offer_name,
        ),
        gap(2),
    ]
    story += phase_blocks(checklist.phases, page.theme.width, styles, checklist.brand)
    story += [gap(1), *writing_lines("Notes", 4, page.theme.width, styles)]
    return story


def phase_blocks(
    phases: Sequence[ChecklistPhase],
    width: float,
    styles: Styles,
    brand: Brand,
    *,
    bookmarks: bool = True,
) -> list[Flowable]:
    """Each phase: its name and dates, then a row per step. A phase is kept on one page
    when it fits; a longer one splits between rows."""
    story: list[Flowable] = []
    for phase in phases:
        if not phase.items:
            continue
        head = _phase_head(phase, width, styles, Bookmark(phase.name) if bookmarks else None)
        rows = [_row(item, styles, brand) for item in phase.items]
        table = Table(
            rows,
            colWidths=[
                BOX + 3 * mm,
                width - BOX - 3 * mm - WHO_WIDTH - DUE_WIDTH,
                WHO_WIDTH,
                DUE_WIDTH,
            ],
        )
        table.setStyle(
            table_style(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 1.3 * mm),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1.3 * mm),
                    ("TOPPADDING", (0, 0), (0, -1), 1.7 * mm),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.4, t.INK),
                ],
                styles.body.fontName,
            )
        )
        block = [*head, table, gap(1.5)]
        # A short phase stays on one page; a long one keeps only its head with its rows.
        story += [KeepTogether(block)] if len(phase.items) <= 25 else block
    return story


def _phase_head(
    phase: ChecklistPhase, width: float, styles: Styles, bookmark: Bookmark | None
) -> list[Flowable]:
    name_style = replace_style(styles.phase, "phase-black", textColor=t.INK)
    when = ""
    if phase.planned_start_on and phase.planned_end_on:
        when = f"{paper_date(phase.planned_start_on)} &#8211; {paper_date(phase.planned_end_on)}"
    right = replace_style(styles.caption_right, "when-black", textColor=t.INK)
    head = Table(
        [
            [
                marked(
                    para_text(phase.name, bold=True, lines=False), name_style, bookmark, phase.name
                ),
                para(when, right),
            ]
        ],
        colWidths=[width - 50 * mm, 50 * mm],
    )
    head.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5 * mm),
                ("LINEBELOW", (0, 0), (-1, -1), 1.2, t.INK),
            ],
            styles.body.fontName,
        )
    )
    head.keepWithNext = 1
    return [head]


def _row(item: ChecklistItem, styles: Styles, brand: Brand) -> list[object]:
    ink = replace_style(styles.caption, "caption-black", textColor=t.INK)
    title_style = styles.item_bold if item.milestone else styles.item
    cell: list[Flowable] = [
        para(para_text(item.title, lines=False, bold=item.milestone), title_style, item.title)
    ]
    if item.description:
        text = _short(item.description)
        cell.append(para(para_text(text), ink, text))
    who = owner_for_client(item.owner, brand)
    return [
        TickBox(BOX, item.done),
        cell,
        para(para_text(who, lines=False), ink, who),
        para(paper_date(item.due_on), styles.body_right),
    ]


def _short(text: str, limit: int = 280) -> str:
    """A step's description on the checklist: its first lines (the whole text lives in the
    onboarding pack and the app); never enough to outgrow a page."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def writing_lines(title: str, count: int, width: float, styles: Styles) -> list[Flowable]:
    """A heading and ruled lines to write on."""
    name_style = replace_style(styles.phase, "notes-black", textColor=t.INK)
    rows = [[""] for _ in range(count)]
    lines = Table(rows, colWidths=[width], rowHeights=[7 * mm] * count)
    lines.setStyle(table_style([("LINEBELOW", (0, 0), (-1, -1), 0.5, t.INK)], styles.body.fontName))
    return [KeepTogether([para(title, name_style), lines])]
