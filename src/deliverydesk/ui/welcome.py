"""First run: explore a demo practice, or set up your own."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QCommandLinkButton,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.seeding.demo import seed_demo_in
from deliverydesk.services.errors import InvalidInput
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.icons import app_icon
from deliverydesk.ui.text import tr
from deliverydesk.ui.typography import make_heading


class WelcomeDialog(QDialog):
    """Accepted once a practice exists in the workspace; rejected if the person leaves."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = workspace
        self.setWindowTitle(tr("Welcome to DeliveryDesk"))
        self.setWindowIcon(app_icon())
        self.pages = QStackedWidget()
        self.pages.addWidget(self._choice_page())
        self.pages.addWidget(self._setup_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        em = self.fontMetrics().height()
        self.setMinimumWidth(em * 32)

    # -- page 1: the choice ------------------------------------------------------------------
    def _choice_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        em = self.fontMetrics().height()
        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(em * 4, em * 4))
        logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel(tr("Welcome to DeliveryDesk"))
        make_heading(title, 1.6)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        intro = QLabel(
            tr(
                "Map how you deliver each offer, see every client's phase at a glance, and "
                "keep the promises you made. Everything stays on this computer."
            )
        )
        intro.setWordWrap(True)
        intro.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.demo_button = QCommandLinkButton(
            tr("Explore a demo practice"),
            tr("Three offers and 25 clients at different phases, to look around freely."),
        )
        self.own_button = QCommandLinkButton(
            tr("Start my own practice"),
            tr("Name your practice and say when you work; add offers and clients next."),
        )
        self.demo_button.clicked.connect(self.choose_demo)
        self.own_button.clicked.connect(lambda: self.pages.setCurrentIndex(1))
        self.choice_error = QLabel()
        self.choice_error.setWordWrap(True)
        layout.addWidget(logo)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addSpacing(em)
        layout.addWidget(self.demo_button)
        layout.addWidget(self.own_button)
        layout.addWidget(self.choice_error)
        return page

    def choose_demo(self) -> None:
        try:
            seed_demo_in(self._ws.folder, self._ws.clock)
        except InvalidInput as error:
            self.choice_error.setText(str(error))
            return
        self.accept()

    # -- page 2: my own practice -------------------------------------------------------------
    def _setup_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setPlaceholderText(tr("e.g. Northlight Coaching"))
        self.owner = QLineEdit()
        self.owner.setPlaceholderText(tr("Optional"))
        self.hours = QDoubleSpinBox()
        self.hours.setRange(1, 168)
        self.hours.setDecimals(1)
        self.hours.setValue(30)
        self.hours.setSuffix(tr(" hours a week"))
        self.hours.setToolTip(tr("The time you can give to client delivery each week."))
        days_row = QHBoxLayout()
        locale = QLocale()
        self.day_boxes: dict[int, QCheckBox] = {}
        for day in range(1, 8):
            box = QCheckBox(locale.dayName(day, QLocale.FormatType.ShortFormat))
            box.setChecked(day <= 5)
            box.setAccessibleName(locale.dayName(day))
            self.day_boxes[day] = box
            days_row.addWidget(box)
        form.addRow(tr("Practice &name"), self.name)
        form.addRow(tr("&Your name"), self.owner)
        form.addRow(tr("&Weekly hours"), self.hours)
        form.addRow(tr("Working days"), days_row)
        self.setup_error = QLabel()
        self.setup_error.setWordWrap(True)
        self.setup_error.setAccessibleName(tr("Problem"))
        buttons = QDialogButtonBox()
        self.create_button = buttons.addButton(
            tr("Create practice"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        back = buttons.addButton(tr("Back"), QDialogButtonBox.ButtonRole.RejectRole)
        self.create_button.setDefault(True)
        buttons.accepted.connect(self.create_own)
        back.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        heading = QLabel(tr("Your practice"))
        make_heading(heading, 1.4)
        layout = QVBoxLayout(page)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.setup_error)
        layout.addStretch(1)
        layout.addWidget(buttons)
        return page

    def create_own(self) -> None:
        days = frozenset(day for day, box in self.day_boxes.items() if box.isChecked())
        try:
            self._ws.create_practice(self.name.text(), self.hours.value(), days, self.owner.text())
        except InvalidInput as error:
            self.setup_error.setText(str(error))
            return
        self.accept()
