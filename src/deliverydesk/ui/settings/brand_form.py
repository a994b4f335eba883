"""Settings → Brand: the fields, grouped as the paper uses them, each with its message
beside it in the words the save would use (services/practice/brand.py brand_problems)."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.reports.data import Brand
from deliverydesk.services.practice.brand import brand_problems, colour_advice
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.look.typography import make_heading
from deliverydesk.ui.settings.colour_field import ColourField
from deliverydesk.ui.settings.logo_field import LogoField
from deliverydesk.ui.settings.message_slot import MessageSlot
from deliverydesk.ui.widgets.field_problem import ProblemLabel

# Mnemonics avoid the menus' letters (File, Edit, Go, Help) and Save/Discard changes.
# The services' limits, so a field stops at the length the save accepts.
LIMITS = {
    "name": 200,
    "tagline": 200,
    "email": 320,
    "website": 300,
    "phone": 60,
    "footer_text": 300,
    "signature": 200,
}
ADDRESS_LIMIT = 1_000


def _hint(words: str) -> QLabel:
    """Muted words under a field: what it is for, where it prints."""
    label = QLabel(words)
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def _or_choose() -> str:
    """Said after a colour's problem."""
    return tr("Or choose it with the button beside it.")


def _column(*parts: QWidget) -> QVBoxLayout:
    column = QVBoxLayout()
    column.setSpacing(2)
    for part in parts:
        column.addWidget(part)
    return column


class BrandForm(QWidget):
    """Signals:
    edited(): a field changed (the panel compares with what is stored, and redraws).
    submitted(): Enter in a one-line field: save.
    """

    edited = Signal()
    submitted = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self._loaded = Brand(name="")
        self._default_font = ""  # the stored value meaning "the default family"
        self.lines: dict[str, QLineEdit] = {}
        self.problems: dict[str, ProblemLabel] = {}
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # Flush with the buttons below the form; room at the right for the scroll bar.
        form.setContentsMargins(0, 0, self.fontMetrics().height() // 2, 0)
        self._form = form

        self._section(tr("Name and logo"), first=True)
        self._line("name", tr("Practice &name:"), tr("Practice name"))
        self._line("tagline", tr("&Tagline:"), tr("Tagline"), tr("Optional: a line under the name"))
        self.logo = LogoField(workspace)
        self.logo.changed.connect(self._on_edit)
        form.addRow(self._label(tr("Logo:"), self.logo.choose_button), self.logo)

        self._section(tr("Colours and type"))
        self.primary = ColourField(tr("Primary colour"))
        self.primary_advice = _hint("")
        self.primary_advice.hide()
        self.problems["brand_color"] = ProblemLabel()
        form.addRow(
            self._label(tr("&Primary colour:"), self.primary.code),
            _column(
                self.primary,
                self._slot(
                    "brand_color",
                    _hint(tr("The band at the top, the journey map, headings and progress.")),
                    self.problems["brand_color"],
                    self.primary_advice,
                ),
            ),
        )
        self.accent = ColourField(tr("Accent colour"))
        self.problems["accent_color"] = ProblemLabel()
        form.addRow(
            self._label(tr("&Accent colour:"), self.accent.code),
            _column(
                self.accent,
                self._slot(
                    "accent_color",
                    _hint(tr("Milestones reached on the journey map.")),
                    self.problems["accent_color"],
                ),
            ),
        )
        for field in (self.primary, self.accent):
            field.changed.connect(self._on_edit)
        self.font_family = QComboBox()
        self.font_family.setAccessibleName(tr("Font"))
        self.problems["font_family"] = ProblemLabel()
        form.addRow(
            self._label(tr("F&ont:"), self.font_family),
            _column(self.font_family, self.problems["font_family"]),
        )
        self.page_size = QComboBox()
        self.page_size.setAccessibleName(tr("Page size"))
        self.problems["page_size"] = ProblemLabel()
        form.addRow(
            self._label(tr("Page si&ze:"), self.page_size),
            _column(self.page_size, self.problems["page_size"]),
        )
        for combo in (self.font_family, self.page_size):
            combo.currentIndexChanged.connect(self._on_edit)

        self._section(tr("Contact details"))
        self._line("email", tr("E-&mail:"), tr("E-mail"), "name@example.com")
        self._line("website", tr("&Website:"), tr("Website"), "example.com")
        self._line("phone", tr("Phone:"), tr("Phone"))
        self.address = QPlainTextEdit()
        self.address.setTabChangesFocus(True)  # Tab moves on, as in every other field
        self.address.setAccessibleName(tr("Address"))
        self.address.setFixedHeight(self.address.fontMetrics().lineSpacing() * 4 + 12)
        self.address.textChanged.connect(self._on_edit)
        self.problems["address"] = ProblemLabel()
        form.addRow(
            self._label(tr("Add&ress:"), self.address),
            _column(
                self.address,
                self.problems["address"],
                _hint(tr("Printed under Key contacts in the onboarding pack.")),
            ),
        )

        self._section(tr("Footer and signature"))
        self._line(
            "footer_text",
            tr("Footer te&xt:"),
            tr("Footer text"),
            tr("Optional: under the contact line of every page"),
        )
        self._line(
            "signature",
            tr("Signat&ure line:"),
            tr("Signature line"),
            tr("Under notes and letters; your name when empty"),
        )

    # -- building ----------------------------------------------------------------------------
    @staticmethod
    def _label(words: str, buddy: QWidget) -> QLabel:
        label = QLabel(words)
        label.setBuddy(buddy)
        return label

    def _slot(
        self, field: str, hint: QLabel, problem: QLabel, advice: QLabel | None = None
    ) -> MessageSlot:
        """Room for a colour's problem (a code that is no colour) or its contrast advice,
        kept while neither is said (the hint shows then): typing a code never moves the
        rows below."""

        def longest() -> list[str]:
            typo: dict[str, Any] = {field: "#"}
            wrong = dataclasses.replace(self.values(), **typo)
            words = [brand_problems(wrong).get(field, "") + " " + _or_choose()]
            if advice is not None:  # white's is the longest (1.0 to 1); reportlab loads late
                words.append(colour_advice("#FFFFFF"))
            return words

        labels = [problem] if advice is None else [problem, advice]
        return MessageSlot(labels, longest, hint)

    def _section(self, words: str, *, first: bool = False) -> None:
        heading = QLabel(words)
        make_heading(heading, 1.0)
        if not first:
            heading.setContentsMargins(0, heading.fontMetrics().height() // 2, 0, 0)
        self._form.addRow(heading)

    def _line(self, field: str, label: str, name: str, placeholder: str = "") -> None:
        edit = QLineEdit()
        edit.setMaxLength(LIMITS[field])
        edit.setAccessibleName(name)
        edit.setPlaceholderText(placeholder)
        edit.textChanged.connect(self._on_edit)
        edit.returnPressed.connect(self.submitted)
        problem = ProblemLabel()
        self.lines[field] = edit
        self.problems[field] = problem
        self._form.addRow(self._label(label, edit), _column(edit, problem))

    # -- values ------------------------------------------------------------------------------
    def load(self, settings: Brand, families: tuple[str, ...], computer_size: str) -> None:
        """Show `settings`; `families` are the bundled fonts (the first is the default)."""
        self._loading = True
        self._loaded = settings
        try:
            for field, edit in self.lines.items():
                edit.setText(getattr(settings, field))
            self.address.setPlainText(settings.address)
            self.primary.set_colour(settings.brand_color)
            self.accent.set_colour(settings.accent_color)
            self.logo.set_logo(settings.logo_path)
            # "" and the default family's name both mean the default: keep what is stored.
            default_value = settings.font_family if settings.font_family == families[0] else ""
            self._default_font = default_value
            self.font_family.clear()
            self.font_family.addItem(
                tr("{name} (the default)").format(name=families[0]), default_value
            )
            for name in families[1:]:
                self.font_family.addItem(name, name)
            if settings.font_family not in (families[0], "", *families[1:]):
                self.font_family.addItem(settings.font_family, settings.font_family)  # said below
            self.font_family.setCurrentIndex(
                max(0, self.font_family.findData(settings.font_family))
            )
            self.page_size.clear()
            self.page_size.addItem(
                tr("Follow my computer ({size} here)").format(size=computer_size), ""
            )
            self.page_size.addItem("A4", "A4")
            self.page_size.addItem(tr("Letter"), "Letter")
            self.page_size.setCurrentIndex(max(0, self.page_size.findData(settings.page_size)))
        finally:
            self._loading = False
        for problem in self.problems.values():
            problem.clear()
        self._advise()
        QTimer.singleShot(0, self, self._relayout)

    def values(self) -> Brand:
        address = self.address.toPlainText()
        return dataclasses.replace(
            self._loaded,  # what the form does not show (the owner's name) as loaded
            name=self.lines["name"].text().strip(),
            tagline=self.lines["tagline"].text().strip(),
            email=self.lines["email"].text().strip(),
            website=self.lines["website"].text().strip(),
            phone=self.lines["phone"].text().strip(),
            address=address if address.strip() else "",
            footer_text=self.lines["footer_text"].text().strip(),
            signature=self.lines["signature"].text().strip(),
            brand_color=self.primary.colour(),
            accent_color=self.accent.colour(),
            font_family=str(self.font_family.currentData() or ""),
            page_size=str(self.page_size.currentData() or ""),
            logo_path=self.logo.stored,
        )

    # -- validation --------------------------------------------------------------------------
    def fields(self) -> dict[str, QWidget]:
        """The widget each Brand field is typed in (the one a message points at)."""
        lines = self.lines
        return {
            "name": lines["name"],
            "tagline": lines["tagline"],
            "brand_color": self.primary.code,
            "accent_color": self.accent.code,
            "font_family": self.font_family,
            "page_size": self.page_size,
            "email": lines["email"],
            "website": lines["website"],
            "phone": lines["phone"],
            "address": self.address,
            "footer_text": lines["footer_text"],
            "signature": lines["signature"],
        }

    def check(self, *, focus: bool = False) -> bool:
        """Say beside each field what is wrong; True when nothing is. With `focus`, the
        first field at fault (top to bottom) takes the focus."""
        found = brand_problems(self.values(), tr)
        first = True
        for field, widget in self.fields().items():
            words = found.get(field, "")
            if words and field in ("brand_color", "accent_color"):
                words += " " + _or_choose()
            self.problems[field].say(words, widget, focus=focus and first)
            first = first and not words
        return not found

    def _advise(self) -> None:
        advice = colour_advice(self.primary.colour())
        self.primary_advice.setText(advice)
        self.primary_advice.setVisible(bool(advice))

    def _on_edit(self) -> None:
        if self._loading:
            return
        self.check()  # what was stored is valid: a message appears only for the person's edit
        self._advise()
        QTimer.singleShot(0, self, self._relayout)
        self.edited.emit()

    def _relayout(self) -> None:
        """Lay the rows out again once the messages have settled: a wrapped label shown or
        reworded keeps the height it had for the old words until the next full layout (the
        words would overlap the field above until the window was resized)."""
        self._form.invalidate()
        self._form.activate()
