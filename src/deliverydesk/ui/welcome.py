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
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.seeding.demo import seed_demo
from deliverydesk.services.errors import DatabaseError, InvalidInput
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.failures import in_words
from deliverydesk.ui.core.jobs import Job, JobRunner
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.look.icons import app_icon
from deliverydesk.ui.look.typography import make_heading


class WelcomeDialog(QDialog):
    """Accepted once a practice exists in the workspace; rejected if the person leaves."""

    def __init__(
        self, workspace: Workspace, parent: QWidget | None = None, jobs: JobRunner | None = None
    ) -> None:
        super().__init__(parent)
        self._ws = workspace
        self.jobs = jobs or JobRunner.for_workspace(workspace, self)
        self.demo_job: Job | None = None
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
        self.own_button.clicked.connect(self.show_setup)
        self.choice_error = QLabel()
        self.choice_error.setWordWrap(True)
        self.choice_error.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(logo)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addSpacing(em)
        layout.addWidget(self.demo_button)
        layout.addWidget(self.own_button)
        layout.addWidget(self._demo_progress_row())
        layout.addWidget(self.choice_error)
        return page

    def _demo_progress_row(self) -> QWidget:
        """Shown while the demo is being set up, off the UI thread: progress and Cancel."""
        self.demo_progress = QProgressBar()
        self.demo_progress.setRange(0, 100)
        self.demo_progress.setFormat(tr("Setting up the demo practice… %p%"))
        self.demo_progress.setAccessibleName(tr("Demo set-up progress"))
        self.cancel_demo_button = QPushButton(tr("Cancel"))
        self.cancel_demo_button.setToolTip(tr("Stop; nothing is added to your data folder."))
        self.cancel_demo_button.clicked.connect(self.cancel_demo)
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.demo_progress, 1)
        layout.addWidget(self.cancel_demo_button)
        policy = row.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # room kept, so the choices never get squeezed
        row.setSizePolicy(policy)
        row.hide()
        self.demo_progress_row = row
        return row

    def choose_demo(self) -> None:
        """Seed the demo on a pool thread; the dialog is accepted when it is in place."""
        if self.demo_job is not None:
            return
        self.choice_error.clear()
        self._set_seeding(True)
        job = self.jobs.submit(
            lambda ws, tracker: seed_demo(ws.seeding_context(), tracker.progress, tracker.cancelled)
        )
        job.progressed.connect(self._demo_progressed)
        job.succeeded.connect(lambda _summary: self._demo_ended(job, ""))
        job.cancelled.connect(
            lambda: self._demo_ended(job, tr("Stopped. Nothing was added; start again any time."))
        )
        job.failed.connect(lambda error: self._demo_ended(job, _failure_text(error)))
        self.demo_job = job

    def cancel_demo(self) -> None:
        if self.demo_job is not None:
            self.demo_job.cancel()
            self.cancel_demo_button.setEnabled(False)

    def _demo_progressed(self, done: int, total: int) -> None:
        percent = done * 100 // max(total, 1)
        if percent > 0:  # the first share done: from a busy bar to a measured one
            self.demo_progress.setRange(0, 100)
            self.demo_progress.setValue(percent)

    def _demo_ended(self, job: Job, problem: str) -> None:
        if job is not self.demo_job:  # a job the person walked away from
            return
        self.demo_job = None
        self._set_seeding(False)
        if problem:
            self.choice_error.setText(problem)
        else:
            self.accept()

    def _set_seeding(self, seeding: bool) -> None:
        self.demo_button.setEnabled(not seeding)
        self.own_button.setEnabled(not seeding)
        self.cancel_demo_button.setEnabled(seeding)
        # Busy (a moving bar) until the work reports its first share done.
        self.demo_progress.setRange(0, 0 if seeding else 100)
        self.demo_progress.setValue(0)
        self.demo_progress_row.setVisible(seeding)

    def reject(self) -> None:
        """Leaving while the demo is being set up stops it first (nothing is kept)."""
        job, self.demo_job = self.demo_job, None
        if job is not None:
            job.cancel()
            self.jobs.wait()
        super().reject()

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
        # Enter in a field creates the practice; a message goes once its field is fixed.
        for field in (self.name, self.owner):
            field.returnPressed.connect(self.create_own)
            field.textEdited.connect(lambda _text: self.setup_error.clear())
        heading = QLabel(tr("Your practice"))
        make_heading(heading, 1.4)
        layout = QVBoxLayout(page)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.setup_error)
        layout.addStretch(1)
        layout.addWidget(buttons)
        return page

    def show_setup(self) -> None:
        """The practice form, where Enter creates the practice from any field (the link
        button just pressed would otherwise stay the dialog's default, hidden)."""
        self.pages.setCurrentIndex(1)
        self.own_button.setDefault(False)
        self.create_button.setDefault(True)
        self.name.setFocus()

    def create_own(self) -> None:
        days = frozenset(day for day, box in self.day_boxes.items() if box.isChecked())
        try:
            self._ws.practice.create_practice(
                self.name.text(), self.hours.value(), days, self.owner.text()
            )
        except InvalidInput as error:
            self.setup_error.setText(in_words(error))
            return
        self.accept()


def _failure_text(error: object) -> str:
    if isinstance(error, InvalidInput | DatabaseError):
        return in_words(error)  # written for the person
    return tr("The demo could not be set up: {error}").format(error=error)
