"""The offer editor: one offer's whole design, edited as a draft and saved as a revision.

Edits change an in-memory draft (its own undo history: Ctrl+Z outside text fields, and the
Undo/Redo buttons). Save (Ctrl+S) stores the draft as the offer's next revision through one
command on the window's undo stack. Problems are checked as the person types and shown
beside what they concern; those that stop saving turn Save off and say why.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon, QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QLineEdit,
    QMessageBox,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.model.rules.offer_rules import Problem, Where, fill_template
from deliverydesk.services.changes import Aspect, Changes
from deliverydesk.services.errors import NotFound
from deliverydesk.services.offers.offer_design import OfferDesign
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.failures import warn
from deliverydesk.ui.core.refresh import Refresher
from deliverydesk.ui.core.text import literal_rich_text, problem_words, tr
from deliverydesk.ui.offers.apply_dialog import ApplyDialog
from deliverydesk.ui.offers.design_forms import (
    DetailsForm,
    RightFitEditor,
    StandardsEditor,
    with_field,
)
from deliverydesk.ui.offers.draft_keys import DraftKeys
from deliverydesk.ui.offers.editor_header import EditorHeader, enrol_refusal
from deliverydesk.ui.offers.intake_questions import IntakeQuestionsEditor
from deliverydesk.ui.offers.journey_editor import JourneyEditor
from deliverydesk.ui.offers.offer_commands import ApplyToJourneysCommand, SaveOfferCommand
from deliverydesk.ui.offers.offer_draft import OfferDraft
from deliverydesk.ui.offers.problem_marks import problem_icon
from deliverydesk.ui.offers.problems_panel import ProblemsPanel
from deliverydesk.ui.offers.revisions_view import RevisionsView, older_followers
from deliverydesk.ui.widgets.unsaved_prompt import Leave, ask_unsaved
from deliverydesk.wording import Problems, Refusal

DETAILS, JOURNEY, STANDARDS, FIT, INTAKE, REVISIONS = range(6)


class OfferEditor(QWidget):
    """Signals:
    back_requested(): the person is done (any unsaved changes were settled).
    enrol_requested(int): "Enrol a client…" in offer `offer_id` (the window opens the wizard).
    """

    back_requested = Signal()
    enrol_requested = Signal(int)

    def __init__(
        self,
        workspace: Workspace,
        events: AppEvents,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ws = workspace
        self._events = events
        self.undo_stack = undo_stack
        self.offer_id: int | None = None
        self.design: OfferDesign | None = None
        self.apply_dialog: ApplyDialog | None = None
        self._saving = False
        self._apply_waiting = 0  # live journeys on older revisions
        self._tab_marks: dict[int, bool] | None = None
        self._sample: dict[str, str] | None = None  # the sample client's values, for previews
        self.draft = OfferDraft(self)

        self.details = DetailsForm(self._welcome_preview)
        self.journey = JourneyEditor(self.draft, self._step_preview)
        self.standards = StandardsEditor()
        self.fit = RightFitEditor()
        self.intake = IntakeQuestionsEditor(self.draft)
        self.revisions = RevisionsView()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        for widget, words in (  # opens on the journey, the heart of an offer
            (self._scrolled(self.details), tr("Offer")),
            (self.journey, tr("Phases and steps")),
            (self.standards, tr("Delivery standards")),
            (self.fit, tr("Right fit")),
            (self.intake, tr("Intake form")),
            (self.revisions, tr("Revisions")),
        ):
            self.tabs.addTab(widget, words)
        self.tabs.setCurrentIndex(JOURNEY)
        self.problems = ProblemsPanel()
        header = self.header = EditorHeader(self.draft.stack)
        # The parts a person (and a test) reaches, by their plain names.
        self.back_button, self.title, self.subtitle = (
            header.back_button,
            header.title,
            header.subtitle,
        )
        self.undo_action, self.redo_action = header.undo_action, header.redo_action
        self.save_action, self.save_button = header.save_action, header.save_button
        self.save_reason, self.apply_button = header.save_reason, header.apply_button
        self.enrol_button = header.enrol_button
        self.addAction(self.save_action)
        self.back_button.clicked.connect(self.request_back)
        self.save_action.triggered.connect(self.save)
        self.save_button.clicked.connect(self.save)
        self.apply_button.clicked.connect(self.apply_to_active)
        self.enrol_button.clicked.connect(self.request_enrol)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.problems)
        layout.addWidget(self.tabs, 1)

        self.draft.changed.connect(self._follow_draft)
        self.draft.stack.cleanChanged.connect(lambda _clean: self._update_state())
        self.details.edited.connect(self._offer_field_edited)
        self.standards.edited.connect(
            lambda standards: self._edit_offer("standards", standards, tr("Edit standards"))
        )
        self.fit.edited.connect(
            lambda fit: self._edit_offer("right_fit", fit, tr("Edit the right-fit checklist"))
        )
        self.problems.chosen.connect(self.go_to)
        self.journey.focus_requested.connect(lambda: self.tabs.setCurrentIndex(JOURNEY))
        self._keys = DraftKeys(self.draft.stack, self)
        for child in [self, *self.findChildren(QWidget)]:
            child.installEventFilter(self._keys)
        # Its offer, the journeys on it, and what fills a template's sample (the practice's
        # name and days, the brand's contact lines).
        self.refresher = Refresher(
            self,
            events,
            Aspect.everything(),
            lambda _changes: self._reload(self.offer_id) if self.offer_id is not None else None,
            concerns=self._concerns,
        )

    def _scrolled(self, form: QWidget) -> QWidget:
        form.setMaximumWidth(self.fontMetrics().horizontalAdvance("M") * 60)  # lines one reads
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        area.setWidget(form)
        return area

    # -- opening and following ---------------------------------------------------------------
    def open_offer(self, offer_id: int, tab: int | None = None) -> None:
        """Show offer `offer_id` as stored, on `tab` (by default the tab last used)."""
        self.offer_id = None
        if not self._reload(offer_id, force=True):
            return
        if tab is not None:
            self.tabs.setCurrentIndex(tab)
        spec = self.draft.spec
        self.journey.select((0,) if spec.phases else None)

    def start_naming(self) -> None:
        """A new offer: its name selected on the first tab, ready to be typed over."""
        self.tabs.setCurrentIndex(DETAILS)
        name = self.details.fields["name"]
        name.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(name, QLineEdit):
            name.selectAll()

    def _reload(self, offer_id: int, *, force: bool = False) -> bool:
        """Read the offer; the draft follows unless it holds unsaved changes (and not
        `force`). False when the offer is gone (an undo removed it): back to the list."""
        try:
            design = self._ws.offers.offer_design(offer_id)
            revisions = self._ws.offers.list_revisions(offer_id)
        except NotFound:
            self.offer_id = self.design = None
            self.back_requested.emit()
            return False
        self.offer_id, self.design = offer_id, design
        self.refresher.settle()
        self._sample = None  # the practice's name or days may have changed: read again
        if force or not self.draft.dirty:
            self.draft.load(design.spec)
        self.revisions.show_revisions(revisions)
        self._apply_waiting = older_followers(revisions)
        self._update_state()
        return True

    def _concerns(self, changes: Changes) -> bool:
        if self.offer_id is None or self._saving:
            return False
        ours = changes.everything or self.offer_id in changes.offers
        return ours or changes.touches(Aspect.JOURNEY | Aspect.PRACTICE | Aspect.BRAND)

    def _follow_draft(self, _select: object = None) -> None:
        state = self.draft.state
        spec, problems = state.spec, state.problems
        self.details.show_design(spec, problems)
        self.standards.show_design(spec, problems)
        self.fit.show_design(spec, problems)
        self.problems.show_problems(problems)
        self._mark_tabs()
        self._update_state()

    def _mark_tabs(self) -> None:
        by_tab: dict[int, list[Problem]] = {}
        for problem in self.draft.state.problems:
            by_tab.setdefault(_tab_of(problem.where), []).append(problem)
        # A tab's mark changes rarely; setting it relays the tab bar, so only on a change.
        marks = {tab: any(p.blocks_saving for p in found) for tab, found in by_tab.items()}
        if marks == self._tab_marks:
            return
        self._tab_marks = marks
        for tab in (DETAILS, JOURNEY, STANDARDS, FIT, INTAKE):
            found = by_tab.get(tab)
            self.tabs.setTabIcon(tab, problem_icon(found, self.palette()) if found else QIcon())

    def _update_state(self) -> None:
        state = self.draft.state
        self.header.show_state(
            state.spec.name, self.design, self.draft.dirty, state.blocking, self._apply_waiting
        )

    # -- editing -----------------------------------------------------------------------------
    def _offer_field_edited(self, field: str, value: object) -> None:
        self._edit_offer(field, value, tr("Edit the offer"), merge=True)

    def _edit_offer(self, field: str, value: object, words: str, merge: bool = False) -> None:
        spec = with_field(self.draft.spec, field, value)
        self.draft.edit(spec, words, merge=("offer", field) if merge else None)

    def _welcome_preview(self, template: str) -> str:
        spec = self.draft.spec
        phase = spec.phases[0] if spec.phases else None
        step = phase.steps[0].title if phase and phase.steps else ""
        return self._preview(template, phase.name if phase else "", step)

    def _step_preview(self, template: str, step: str, phase: str) -> str:
        return self._preview(template, phase, step)

    def _preview(self, template: str, phase: str, step: str) -> str:
        """Filled here from values read once per opening: typing never waits on a read."""
        if not template:
            return ""
        if self._sample is None:
            self._sample = self._ws.offers.preview_values()
        here = {"offer": self.draft.spec.name, "phase": phase, "step": step, "next_step": step}
        values = self._sample | {k: v for k, v in here.items() if v}
        return fill_template(template, values)

    def go_to(self, where: Where) -> None:
        """Show the field a problem concerns, with the cursor in it."""
        kind = where[0]
        tab = _tab_of(where)
        self.tabs.setCurrentIndex(tab)
        numbers = tuple(n for n in where[1:] if isinstance(n, int))
        field = str(where[-1]) if isinstance(where[-1], str) else ""
        if kind in ("phase", "step"):
            self.journey.focus_item(numbers, field)
        elif kind == "standard":
            self.standards.table.select_row(numbers[0])
        elif kind == "criterion":
            self.fit.table.select_row(numbers[0])
        elif kind == "question":
            self.intake.focus_question(numbers[0], field)
        elif tab == FIT:
            self.fit.threshold.focus_field("right_fit_threshold")
        elif tab == DETAILS:
            self.details.focus_field(field)

    # -- saving and leaving ------------------------------------------------------------------
    def save(self) -> bool:
        """Store the draft as the offer's next revision (undoable in the window); True when
        nothing unsaved is left."""
        if self.offer_id is None or not self.draft.dirty:
            return True
        blocking = self.draft.state.blocking
        if blocking:
            QMessageBox.warning(
                self,
                tr("This design cannot be saved yet"),
                literal_rich_text([problem_words(blocking[0])]),
            )
            return False
        name = self.draft.spec.name.strip()
        command = SaveOfferCommand(
            self._ws,
            self._events,
            tr("Save '{offer}'").format(offer=name),
            self.offer_id,
            self.draft.spec,
        )
        self._saving = True
        try:
            self.undo_stack.push(command)
        finally:
            self._saving = False
        if command.error is not None:
            self._save_failed(name, command.error)
            return False
        self._reload(self.offer_id, force=True)  # the saved ids, and a fresh draft history
        return True

    def _save_failed(self, name: str, error: Exception) -> None:
        """Say why, in plain words; the draft stays as it is, on screen and editable, and
        the field the refusal is about gets the cursor."""
        where = _where_refused(error, self.draft.state.problems)
        warn(
            self,
            tr("The offer was not saved"),
            error,
            tr(
                "'{offer}' was not saved. Your changes are still on screen: you can go on "
                "editing and save again."
            ).format(offer=name or tr("This offer")),
        )
        if where is not None:
            self.go_to(where)

    def ask_unsaved(self) -> Leave:
        """Save, discard or stay, asked when leaving a design with unsaved changes."""
        blocking = self.draft.state.blocking
        name = self.draft.spec.name.strip() or tr("this offer")
        return ask_unsaved(self, name, problem_words(blocking[0]) if blocking else "")

    def settle_unsaved(self) -> bool:
        """True when the editor can be left: nothing unsaved, or saved, or discarded."""
        if self.offer_id is None or not self.draft.dirty:
            return True
        answer = self.ask_unsaved()
        if answer is Leave.SAVE:
            return self.save()
        if answer is Leave.DISCARD:
            self.draft.load(self.draft.base)
            return True
        return False

    def request_back(self) -> None:
        if self.settle_unsaved():
            self.back_requested.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape or event.matches(QKeySequence.StandardKey.Back):
            self.request_back()
            return
        super().keyPressEvent(event)

    # -- enrolling and applying --------------------------------------------------------------
    def request_enrol(self) -> None:
        if self.offer_id is None or not self.settle_unsaved():
            return
        if not enrol_refusal(self.design):
            self.enrol_requested.emit(self.offer_id)

    def apply_to_active(self) -> None:
        """Open the apply dialog (non-blocking); Apply runs one undoable command."""
        if self.offer_id is None or not self.settle_unsaved():
            return
        offer_id = self.offer_id
        try:
            diffs = self._ws.offers.preview_apply(offer_id)
        except NotFound:
            return
        if not diffs:
            QMessageBox.information(
                self,
                tr("Apply to active clients"),
                tr("Every active client already follows the current design."),
            )
            return
        design = self.design
        assert design is not None
        dialog = ApplyDialog(design.spec.name, design.revision, diffs, self._ws.today(), self)
        dialog.accepted.connect(lambda: self._apply(offer_id, dialog.chosen()))
        dialog.finished.connect(dialog.deleteLater)
        self.apply_dialog = dialog
        dialog.open()

    def _apply(self, offer_id: int, journey_ids: list[int]) -> None:
        self.apply_dialog = None
        if not journey_ids:
            return
        name = self.design.spec.name if self.design else ""
        words = (
            tr("Apply '{offer}' to 1 client")
            if len(journey_ids) == 1
            else tr("Apply '{offer}' to {n} clients")
        ).format(offer=name, n=len(journey_ids))
        command = ApplyToJourneysCommand(self._ws, self._events, words, offer_id, journey_ids)
        self.undo_stack.push(command)
        if command.error is not None:
            warn(self, tr("Nothing was applied"), command.error)


def _where_refused(error: Exception, problems: Sequence[Problem]) -> Where | None:
    """The field of the first of the draft's `problems` that `error` refused the design
    for (by what and where, not by words, which may be translated); None for none."""
    refused = error.values.get("reasons") if isinstance(error, Refusal) else None
    if not isinstance(refused, Problems):
        return None
    marks = {(p.where, p.code) for p in refused}
    return next((p.where for p in problems if (p.where, p.code) in marks), None)


def _tab_of(where: Where) -> int:
    kind = where[0]
    field = where[-1]
    if kind in ("phase", "step"):
        return JOURNEY
    if kind == "standard" or field == "standards":
        return STANDARDS
    if kind == "criterion" or field in ("right_fit", "right_fit_threshold"):
        return FIT
    if kind == "question" or field == "intake_questions":
        return INTAKE
    return JOURNEY if field == "phases" else DETAILS
