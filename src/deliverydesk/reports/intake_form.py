"""The intake form: the offer's questions as a fillable PDF (AcroForm fields) the client fills
in any PDF reader and sends back. Labels sit above full-width fields; the client's name is
printed, not a field, so it cannot be changed; a hidden field ties the form to its client,
offer and questions (services/paper/intake.py writes and checks it).

Field names are fixed and plain ("q1", "q2"...; a choice's options are "c0", "c1"...), so
reading the answers back never depends on the words of a question.
"""

from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Table

from deliverydesk.model.rules.enums import QuestionKind
from deliverydesk.model.rules.offer_design import IntakeQuestion
from deliverydesk.reports import theme as t
from deliverydesk.reports.blocks import gap, label, paper_date
from deliverydesk.reports.data import IntakeForm
from deliverydesk.reports.flow import para, table_style, user_paragraph
from deliverydesk.reports.form_font import embed_field_font
from deliverydesk.reports.layout import Page, build, first_page_room, measure
from deliverydesk.reports.markup import clip, para_text

KEY_FIELD = "deliverydesk_form"  # the hidden field
NAME_FIELD = "client_name"  # on the offer's blank form: the client writes their name
FIELD_FILL = HexColor("#F6F8FA")
FIELD_BORDER = HexColor("#8C959F")
HEIGHTS = {
    QuestionKind.SHORT_TEXT: 8 * mm,
    QuestionKind.DATE: 8 * mm,
    QuestionKind.LONG_TEXT: 20 * mm,  # scrolls: a longer answer is never cut at the box
}
# Long answers' boxes, tried in turn until the form fits one page (US Letter is 18 mm
# shorter than A4): each still shows three lines, and scrolls past them.
LONG_HEIGHTS = (20 * mm, 17 * mm, 14 * mm)


def field_name(index: int) -> str:
    """The name of the field answering question `index` (0-based)."""
    return f"q{index + 1}"


def option_value(index: int) -> str:
    return f"c{index}"


def intake_form_pdf(form: IntakeForm, notes: list[str] | None = None) -> bytes:
    page = Page(
        form.brand,
        title=f"Intake form: {form.client_name or form.offer_name}",
        subject=f"Intake form, {form.offer_name}",
        kind_label="Intake form",
        date_label=paper_date(form.today),
    )
    room = first_page_room(page)
    long_height = next(
        (h for h in LONG_HEIGHTS if measure(page, _story(form, page, h, whole=False)) <= room),
        LONG_HEIGHTS[0],  # more than a page even so: the boxes keep their full height
    )
    pdf = build(page, _story(form, page, long_height))
    if notes is not None:
        notes.extend(page.notes)
    return embed_field_font(pdf, _option_tips(form.questions))


def _option_tips(questions: tuple[IntakeQuestion, ...]) -> dict[str, list[str]]:
    """Each radio option's own tooltip, by its group's field name."""
    return {
        field_name(index): [f"{q.text[:150]}: {choice[:100]}" for choice in _choices(q)]
        for index, q in enumerate(questions)
        if _choices(q)
    }


def _choices(question: IntakeQuestion) -> tuple[str, ...]:
    if question.kind is QuestionKind.YES_NO:
        return ("Yes", "No")
    if question.kind is QuestionKind.CHOICE:
        return question.choices
    return ()


def _story(form: IntakeForm, page: Page, long_height: float, whole: bool = True) -> list[Flowable]:
    """The form's flowables; each question kept `whole` on a page (not when measuring:
    a KeepTogether measures as the whole frame)."""
    styles, brand = page.styles, form.brand
    reach = brand.email or brand.phone
    send = f"send it back to {para_text(reach, lines=False)}" if reach else "send it back to us"
    story: list[Flowable] = [
        para("Before we begin", styles.title),
        gap(0.5),
        para(para_text(form.offer_name, lines=False), styles.lead, form.offer_name),
        gap(1.5),
        para(
            "A few questions so the first session starts where you are. Type your answers "
            f"into the boxes in any PDF reader, save the file and {send}.",
            styles.body,
            reach,
        ),
        gap(1),
        HiddenField(KEY_FIELD, form.form_key),
    ]
    name = (
        _printed_box(form.client_name, page)
        if form.client_name
        else TextField(NAME_FIELD, HEIGHTS[QuestionKind.SHORT_TEXT], False, "Your name")
    )
    story += [label("Your name", styles), gap(0.25), name, gap(1)]
    blocks = [
        _question(index, question, page, long_height)
        for index, question in enumerate(form.questions)
    ]
    if not blocks:
        blocks = [[para("This offer has no intake questions yet.", styles.caption)]]
    # The thanks stays with the last question: a page never holds only "Thank you".
    blocks[-1] += [
        gap(0.5),
        para("Thank you. Every answer is read before we meet.", styles.caption),
    ]
    story += [KeepTogether(block) for block in blocks] if whole else sum(blocks, [])
    return story


def _printed_box(text: str, page: Page) -> Flowable:
    """The client's name as printed text in a field-like box: read-only by nature."""
    box = Table([[user_paragraph(clip(text, 300), page.styles.body)]], colWidths=[page.theme.width])
    box.setStyle(
        table_style(
            [
                ("BOX", (0, 0), (-1, -1), 0.6, FIELD_BORDER),
                ("LEFTPADDING", (0, 0), (-1, -1), 2.5 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 1.6 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2 * mm),
            ],
            page.styles.body.fontName,
        )
    )
    return box


def _question(
    index: int, question: IntakeQuestion, page: Page, long_height: float
) -> list[Flowable]:
    styles = page.styles
    head = para(
        f"{index + 1}. " + para_text(question.text, bold=True), styles.item_bold, question.text
    )
    block: list[Flowable] = [head, gap(0.5)]
    name = field_name(index)
    if _choices(question):
        block.append(Options(name, _choices(question), page))
    else:
        multiline = question.kind is QuestionKind.LONG_TEXT
        tip = (
            "A date, such as 1 Dec 2026"
            if question.kind is QuestionKind.DATE
            else question.text[:200]
        )
        height = long_height if multiline else HEIGHTS[question.kind]
        block.append(TextField(name, height, multiline, tip))
        if question.kind is QuestionKind.DATE:
            block.append(para("A date, such as 1 Dec 2026", styles.caption))
    block.append(gap(1))
    return block


class TextField(Flowable):
    def __init__(self, name: str, height: float, multiline: bool, tooltip: str) -> None:
        super().__init__()
        self.name = name
        self.field_height = height
        self.multiline = multiline
        self.tooltip = tooltip

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = self.field_height
        return self.width, self.height

    def draw(self) -> None:
        self.canv.acroForm.textfieldRelative(
            name=self.name,
            tooltip=self.tooltip,
            x=0,
            y=0,
            width=self.width,
            height=self.height,
            fontSize=10,
            borderWidth=0.6,
            borderColor=FIELD_BORDER,
            fillColor=FIELD_FILL,
            textColor=t.INK,
            # No doNotScroll: an answer longer than its box scrolls rather than being cut.
            fieldFlags="multiline" if self.multiline else "",
            maxlen=10_000 if self.multiline else 500,
        )


class Options(Flowable):
    """Radio buttons, one line each, for a choice or a yes/no question."""

    ROW = 6.5 * mm

    def __init__(self, name: str, choices: tuple[str, ...], page: Page) -> None:
        super().__init__()
        self.name = name
        self.choices = choices
        self.page = page

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.labels = [
            para(para_text(choice, lines=False), self.page.styles.body, choice)
            for choice in self.choices
        ]
        self.heights = [
            max(self.ROW, lb.wrap(available_width - 9 * mm, 1_000)[1] + 2 * mm)
            for lb in self.labels
        ]
        self.height = sum(self.heights)
        return self.width, self.height

    def draw(self) -> None:
        y = self.height
        for index, (text, height) in enumerate(zip(self.labels, self.heights, strict=True)):
            y -= height
            self.canv.acroForm.radioRelative(
                name=self.name,
                value=option_value(index),
                selected=False,
                x=0,
                y=y + height - 5 * mm,
                size=4.5 * mm,
                buttonStyle="circle",
                shape="circle",
                borderWidth=0.6,
                borderColor=FIELD_BORDER,
                fillColor=FIELD_FILL,
                textColor=t.INK,
                tooltip=self.choices[index][:200],
            )
            _, text_height = text.wrap(self.width - 9 * mm, height)
            text.drawOn(self.canv, 7 * mm, y + height - text_height - 0.8 * mm)


class HiddenField(Flowable):
    """A read-only, hidden text field: the form's identity for the import."""

    def __init__(self, name: str, value: str) -> None:
        super().__init__()
        self.name = name
        self.value = value
        self.width = self.height = 0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.acroForm.textfieldRelative(
            name=self.name,
            value=self.value,
            x=0,
            y=0,
            width=1,
            height=1,
            annotationFlags="hidden",
            fieldFlags="readOnly",
            borderWidth=0,
            maxlen=200,
        )
