"""The editor's money fields: an amount typed as a person writes it, and a currency chosen
from a list. Both convert at their edge: the draft only ever holds whole minor units and
an ISO code (model/rules/money.py), never the text or Qt's item data."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from deliverydesk.model.rules.enums import StepKind
from deliverydesk.model.rules.money import (
    CURRENCIES,
    PlanPart,
    amount_from_text,
    plain_amount,
    plan_parts,
    split_price,
)
from deliverydesk.model.rules.offer_design import OfferSpec, PhaseSpec, StepSpec
from deliverydesk.model.rules.offer_rules import Problem, ProblemCode
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.offers.problem_marks import ProblemLabel
from deliverydesk.wording.money_words import money_text

NOT_AN_AMOUNT = "Write an amount like 1,200 or 1200.50 (no minus sign, no words)."


class AmountEdit(QLineEdit):
    """Signals:
    amount_edited(object): the amount typed, in minor units (None for a blank field); only
    sent for text that is an amount: other text shows what is wrong under the field.
    """

    amount_edited = Signal(object)

    def __init__(self, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.currency = ""
        self.problems: ProblemLabel | None = None  # where a typing mistake is told
        self._amount: int | None = None
        self.textEdited.connect(self._typed)

    def amount(self) -> int | None:
        return self._amount

    def show_amount(self, minor: int | None, currency: str) -> None:
        """Show a stored amount, leaving text that already means it as typed (so the
        cursor of the field being typed in never jumps)."""
        self.currency = currency
        self._amount = minor
        try:
            if amount_from_text(self.text(), currency) == minor:
                return
        except ValueError:
            pass
        self.setText("" if minor is None else plain_amount(minor, currency))

    def _typed(self, text: str) -> None:
        try:
            minor = amount_from_text(text, self.currency)
        except ValueError:
            if self.problems is not None:
                self.problems.set_problems(
                    [Problem(("offer", "amount"), ProblemCode.OUT_OF_RANGE, NOT_AN_AMOUNT)]
                )
            return
        if self.problems is not None:
            self.problems.set_problems([])
        self._amount = minor
        self.amount_edited.emit(minor)


class CurrencyCombo(QComboBox):
    """Signals:
    currency_chosen(str): the ISO code chosen ("" for "not said")."""

    currency_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.addItem(tr("Not said"), "")
        for currency in CURRENCIES:
            self.addItem(f"{currency.code} ({currency.symbol})", currency.code)
        self.currentIndexChanged.connect(lambda _i: self.currency_chosen.emit(self.code()))

    def code(self) -> str:
        """The chosen code as text: Qt may hand item data back in its own types."""
        data = self.currentData()
        return data if isinstance(data, str) else ""

    def show_code(self, code: str) -> None:
        at = self.findData(code)
        if at >= 0 and at != self.currentIndex():
            blocked = self.blockSignals(True)
            self.setCurrentIndex(at)
            self.blockSignals(blocked)


PART_WORDS = {
    PlanPart.FULL: "Full payment",
    PlanPart.DEPOSIT: "Deposit",
    PlanPart.INSTALMENT: "Instalment",
    PlanPart.BALANCE: "Balance",
}


def invoice_steps(spec: OfferSpec) -> list[StepSpec]:
    return [s for p in spec.phases for s in p.steps if s.kind is StepKind.INVOICE]


def plan_summary(spec: OfferSpec) -> str:
    """The payment plan in one paragraph: each invoice step's part and amount, and how
    their sum stands against the price."""
    steps = invoice_steps(spec)
    if not steps:
        return tr(
            "No payment plan yet: add invoice steps to the journey (a deposit, instalments, "
            "a balance), each with its amount."
        )
    currency = spec.currency
    parts = [
        tr("{part} {amount} ('{step}')").format(
            part=tr(PART_WORDS[part]),
            amount=money_text(step.amount_minor, currency)
            if step.amount_minor is not None
            else tr("(no amount)"),
            step=step.title,
        )
        for part, step in zip(plan_parts(len(steps)), steps, strict=True)
    ]
    said = "; ".join(parts) + "."
    total = sum(s.amount_minor or 0 for s in steps)
    if spec.price_minor is None:
        return said + " " + tr("Together {total}.").format(total=money_text(total, currency))
    if total == spec.price_minor:
        return (
            said
            + " "
            + tr("Together the price, {total}.").format(total=money_text(total, currency))
        )
    return (
        said
        + " "
        + tr("Together {total}, not the price of {price}.").format(
            total=money_text(total, currency), price=money_text(spec.price_minor, currency)
        )
    )


def spread_price(spec: OfferSpec) -> tuple[PhaseSpec, ...]:
    """The phases with the price spread over the invoice steps: the first keeps its amount
    as the deposit (a quarter when it has none), the rest shares what is left."""
    steps = invoice_steps(spec)
    price = spec.price_minor or 0
    first = steps[0].amount_minor if steps and steps[0].amount_minor is not None else price // 4
    amounts = iter(split_price(price, first, len(steps)))
    return tuple(
        replace(
            phase,
            steps=tuple(
                replace(s, amount_minor=next(amounts)) if s.kind is StepKind.INVOICE else s
                for s in phase.steps
            ),
        )
        for phase in spec.phases
    )
