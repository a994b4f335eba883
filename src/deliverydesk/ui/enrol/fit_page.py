"""The wizard's right-fit page: the offer's checklist, ticked, with a live score.

A score under the threshold is a plain warning, never a refusal (seed 003: the
practitioner decides). Criteria the client's profile already answers start ticked.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from deliverydesk.model.rules.fit import FitCriterion, RightFit, fit_score
from deliverydesk.services.errors import NotFound
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.enrol.pick_page import PickPage
from deliverydesk.ui.look.typography import make_heading
from deliverydesk.ui.widgets.notice import Notice


def criterion_label(criterion: FitCriterion) -> str:
    """The check box's words; "&" doubled so a criterion never grows a keyboard shortcut."""
    words = criterion.text.replace("&", "&&")
    if criterion.weight < 0:
        return tr("{criterion} ({weight}, a warning sign)").format(
            criterion=words, weight=f"−{-criterion.weight}"
        )
    return tr("{criterion} (+{weight})").format(criterion=words, weight=criterion.weight)


class FitPage(QWizardPage):
    def __init__(self, workspace: Workspace, pick: PickPage) -> None:
        super().__init__()
        self._ws = workspace
        self._pick = pick
        self._key: tuple[int | None, int | None] | None = None
        self.checklist = RightFit()
        self.boxes: list[QCheckBox] = []
        self.setTitle(tr("Right fit"))
        self.intro = QLabel()
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.intro.setWordWrap(True)
        self.holder = QWidget()
        self.box_layout = QVBoxLayout(self.holder)
        self.box_layout.setContentsMargins(0, 0, 0, 0)
        self.score = QLabel()
        make_heading(self.score, 1.1)
        self.score.setAccessibleName(tr("Right-fit score"))
        self.warning = Notice("warning")
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.holder)  # a checklist is a handful of lines: no scrolling
        layout.addSpacing(self.fontMetrics().height() // 2)
        layout.addWidget(self.score)
        layout.addWidget(self.warning)
        layout.addStretch(1)

    def initializePage(self) -> None:
        key = (self._pick.client_id, self._pick.offer_id)
        if key == self._key:
            return  # back and forth: the ticks stay
        self._key = key
        self.checklist = self._pick.checklist()
        choice = self._pick.choice()
        name = choice.name if choice else ""
        profile: dict[str, bool] = {}
        if choice is not None:
            try:
                profile = self._ws.clients.client_details(choice.id).right_fit
            except NotFound:
                profile = {}
        self.intro.setText(
            tr(
                "Is {name} a right fit for {offer}? Tick what is true. The score is kept "
                "with the journey; a low score is a warning, not a refusal."
            ).format(name=name, offer=self._pick.offer_name())
        )
        for box in self.boxes:
            box.deleteLater()
        self.boxes = []
        while self.box_layout.count():
            self.box_layout.takeAt(0)
        for criterion in self.checklist.criteria:
            box = QCheckBox(criterion_label(criterion))
            box.setChecked(profile.get(criterion.text) is True)
            box.toggled.connect(lambda _on: self.rescore())
            self.box_layout.addWidget(box)
            self.boxes.append(box)
        self.rescore()
        if self.boxes:
            self.boxes[0].setFocus()

    def answers(self) -> dict[str, bool]:
        return {
            c.text: box.isChecked()
            for c, box in zip(self.checklist.criteria, self.boxes, strict=True)
        }

    def rescore(self) -> None:
        result = fit_score(self.checklist, self.answers())
        self.score.setText(
            tr("Score: {score} of {maximum}, threshold {threshold}").format(
                score=result.score, maximum=result.maximum, threshold=result.threshold
            )
        )
        self.warning.set_text(
            tr(
                "Below the threshold: this client may not be a right fit for the offer. "
                "You can still enrol them."
            )
            if result.below
            else ""
        )

    def nextId(self) -> int:
        from deliverydesk.ui.enrol.enrol_wizard import START

        return START
