"""The offer's own fields, its delivery standards and its right-fit checklist: three tabs
of the editor, each showing the draft and reporting edits as whole new designs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from deliverydesk.model.rules.document_messages import BUILT_IN, KINDS
from deliverydesk.model.rules.enums import StandardTier
from deliverydesk.model.rules.fit import FitCriterion, RightFit
from deliverydesk.model.rules.offer_design import OfferSpec, StandardSpec
from deliverydesk.model.rules.offer_rules import MAX_WEEKS, MAX_WEIGHT, Problem
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.offers.field_form import FieldForm
from deliverydesk.ui.offers.money_fields import (
    AmountEdit,
    CurrencyCombo,
    invoice_steps,
    plan_summary,
    spread_price,
)
from deliverydesk.ui.offers.offer_words import tier_label
from deliverydesk.ui.offers.problem_marks import fields_of, rows_of
from deliverydesk.ui.offers.rows_table import Column, RowsTable
from deliverydesk.ui.offers.step_form import PreviewBox, placeholder_hint

DETAIL_FIELDS = (
    "name",
    "promise",
    "description",
    "duration_weeks",
    "price",
    "capacity_note",
    "boundaries",
    "welcome_template",
)
MONEY_FIELDS = ("price_minor", "currency")


MESSAGE_PREFIX = "document_messages."  # a document's message: "document_messages.progress"


def with_field(spec: OfferSpec, field: str, value: object) -> OfferSpec:
    """`spec` with the details field `field` (as DetailsForm names it) set to `value`."""
    kind = field.removeprefix(MESSAGE_PREFIX)
    changed: dict[str, Any] = {kind: value}
    if kind != field:
        return replace(spec, document_messages=replace(spec.document_messages, **changed))
    return replace(spec, **changed)


def _message_labels() -> tuple[tuple[str, str], ...]:
    return (
        ("progress", tr("Pro&gress report:")),
        ("onboarding", tr("Welcome pac&k:")),
        ("checklist", tr("C&hecklist:")),
        ("intake", tr("&Intake form:")),
    )


class DetailsForm(FieldForm):
    """Name, promise, description, duration, price, boundaries, the welcome message, the
    message sent with each document."""

    def __init__(self, preview: Callable[[str], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._preview = preview
        self.add_section(tr("The offer"))
        self.add_line("name", tr("&Name:"), tr("e.g. 12-week clarity coaching"))
        self.add_text(
            "promise",
            tr("&Promise:"),
            tr("The transformation, in your client's words: from … to …"),
        )
        self.add_text("description", tr("&Description:"), tr("What the offer is and who it is for"))
        weeks = (tr(" week"), tr(" weeks"))
        self.add_number("duration_weeks", tr("Typical &duration:"), 0, MAX_WEEKS, weeks)
        self.fields["duration_weeks"].setSpecialValueText(tr("Not said"))  # type: ignore[attr-defined]
        self._add_money()
        self.add_text(
            "capacity_note", tr("&Capacity:"), tr("e.g. at most 8 clients at a time"), lines=2
        )
        self.add_section(tr("Working together"))
        self.add_text(
            "boundaries",
            tr("&Boundaries:"),
            tr(
                "Boundaries and communication rules: how and when clients reach you, "
                "what is and is not included"
            ),
            lines=4,
        )
        self.add_text("welcome_template", tr("&Welcome message:"), placeholder_hint(), lines=5)
        self.welcome_preview = PreviewBox()
        self.add_extra("welcome_template", self.welcome_preview)
        self._add_messages()

    def _add_messages(self) -> None:
        """Send to client…'s message for each document; a blank one shows, greyed, the
        built-in message that is sent instead."""
        self.add_section(tr("Messages sent with documents"))
        hint = QLabel(
            tr(
                "The e-mail that goes with each document you send a client. {names} Left blank, "
                "the message shown greyed is sent."
            ).format(names=placeholder_hint())
        )
        hint.setWordWrap(True)
        hint.setTextFormat(Qt.TextFormat.PlainText)
        self.form.addRow(hint)
        for kind, label in _message_labels():
            edit = self.add_text(MESSAGE_PREFIX + kind, label, lines=6)
            edit.setPlaceholderText(getattr(BUILT_IN, kind))

    def _add_money(self) -> None:
        """The price as an amount and a currency, a note beside it, and the payment plan
        its invoice steps make (each step's amount is set on the step, in the journey)."""
        self.price_amount = AmountEdit(tr("Optional, e.g. 2,400"))
        self._add("price_minor", tr("P&rice:"), self.price_amount)
        self.price_amount.problems = self.problem_labels["price_minor"]
        self.price_amount.amount_edited.connect(lambda v: self.edited.emit("price_minor", v))
        self.currency = CurrencyCombo()
        self._add("currency", tr("C&urrency:"), self.currency)
        self.currency.currency_chosen.connect(lambda code: self.edited.emit("currency", code))
        self.add_line("price", tr("Price n&ote:"), tr("Optional: + VAT, or how you charge"))
        self.plan = QLabel()
        self.plan.setTextFormat(Qt.TextFormat.PlainText)  # it quotes step titles
        self.plan.setWordWrap(True)
        self.spread = QPushButton(tr("&Spread the price over the invoice steps"))
        self.spread.setToolTip(
            tr("The first invoice keeps its amount as the deposit; the rest share what is left")
        )
        self.spread.clicked.connect(self._spread)
        plan = QWidget()
        column = QVBoxLayout(plan)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.plan)
        column.addWidget(self.spread, 0, Qt.AlignmentFlag.AlignLeft)
        self._add("payment_plan", tr("Payment plan:"), plan)
        self._spec: OfferSpec | None = None

    def _spread(self) -> None:
        if self._spec is not None:
            self.edited.emit("phases", spread_price(self._spec))

    def show_design(self, spec: OfferSpec, problems: list[Problem]) -> None:
        self._spec = spec
        values = {name: getattr(spec, name) for name in DETAIL_FIELDS}
        messages = spec.document_messages
        values |= {MESSAGE_PREFIX + kind: getattr(messages, kind) for kind in KINDS}
        self.set_values(values)
        self.price_amount.show_amount(spec.price_minor, spec.currency)
        self.currency.show_code(spec.currency)
        self.plan.setText(plan_summary(spec))
        self.spread.setEnabled(spec.price_minor is not None and bool(invoice_steps(spec)))
        found = fields_of(problems, "offer")
        self.set_problems(
            {name: found[name] for name in (*self.fields, *MONEY_FIELDS) if name in found}
        )
        self.welcome_preview.show_message(self._preview(spec.welcome_template))


class StandardsEditor(QWidget):
    """Signals:
    edited(object): the new tuple of StandardSpec.
    """

    edited = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        intro = QLabel(
            tr(
                "Promises about how you deliver. Expected ones every client takes for granted; "
                "order-winning ones are why they chose you. Add a measurable target where "
                "you can, e.g. 'reply within 1 working day'."
            )
        )
        intro.setWordWrap(True)
        tiers = tuple((tier, tier_label(tier)) for tier in StandardTier)
        self.table = RowsTable(
            (
                Column(tr("Promise"), stretch=True),
                Column(
                    tr("Tier"), "choice", tiers, enum=StandardTier, default=StandardTier.EXPECTED
                ),
                Column(tr("Target")),
            ),
            tr("standard"),
            tr("Delivery standards"),
        )
        self.table.table.horizontalHeader().resizeSection(2, self.fontMetrics().height() * 14)
        self.table.rows_edited.connect(self._edited)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)

    def show_design(self, spec: OfferSpec, problems: list[Problem]) -> None:
        rows = [(s.promise, s.tier, s.target) for s in spec.standards]
        self.table.set_rows(rows, rows_of(problems, "standard"))

    def _edited(self, rows: list[tuple[Any, ...]]) -> None:
        self.edited.emit(tuple(StandardSpec(p, t, g) for p, t, g in rows))


class RightFitEditor(QWidget):
    """Signals:
    edited(object): the new RightFit.
    """

    edited = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        intro = QLabel(
            tr(
                "What makes a client right for this offer. At enrolment you answer each "
                "criterion yes or no; a score below the threshold gets a plain warning, "
                "never a refusal."
            )
        )
        intro.setWordWrap(True)
        self.table = RowsTable(
            (
                Column(tr("Criterion"), stretch=True),
                Column(tr("Weight"), "number", low=0, high=MAX_WEIGHT, default=1),
            ),
            tr("criterion"),
            tr("Right-fit criteria"),
        )
        self.table.rows_edited.connect(self._rows_edited)
        self.threshold = FieldForm()
        self.threshold.add_number("right_fit_threshold", tr("&Threshold:"), 0, 100_000)
        self.threshold.edited.connect(self._threshold_edited)
        self.total = QLabel()
        self.total.setTextFormat(Qt.TextFormat.PlainText)
        self.total.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.threshold)
        layout.addWidget(self.total)
        self._fit = RightFit()

    def show_design(self, spec: OfferSpec, problems: list[Problem]) -> None:
        self._fit = spec.right_fit
        rows = [(c.text, c.weight) for c in spec.right_fit.criteria]
        self.table.set_rows(rows, rows_of(problems, "criterion"))
        self.threshold.set_values({"right_fit_threshold": spec.right_fit.threshold})
        found = fields_of(problems, "offer")
        self.threshold.set_problems(
            {name: found[name] for name in ("right_fit_threshold", "right_fit") if name in found}
        )
        top = sum(c.weight for c in spec.right_fit.criteria if c.weight > 0)
        self.total.setText(
            tr("A client who meets every criterion scores {top}.").format(top=top)
            if spec.right_fit.criteria
            else tr("No criteria yet: every client fits.")
        )

    def _rows_edited(self, rows: list[tuple[Any, ...]]) -> None:
        criteria = tuple(FitCriterion(text, int(weight)) for text, weight in rows)
        self.edited.emit(replace(self._fit, criteria=criteria))

    def _threshold_edited(self, _name: str, value: object) -> None:
        self.edited.emit(replace(self._fit, threshold=int(str(value))))
