"""An offer design's problems reach the person in the window's language: model/ says what
is wrong and where, the window words it through Qt's translator (a QTranslator installed as
a translation would be), beside the field it concerns; a save the service refuses for a
problem puts the cursor in that field, found by what and where, not by the English words."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from pytestqt.qtbot import QtBot

from deliverydesk.services.errors import InvalidInput
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.offers.offer_editor import DETAILS, JOURNEY, OfferEditor
from deliverydesk.wording import Problems, RefusalCode
from tests.gui.design_support import CTRL_SHIFT, click_row, fill, save_with_ctrl_s, type_over
from tests.gui.offers_support import capture_warnings, new_own_practice, open_offers

GERMAN = {
    "{step} needs a title.": "{step} braucht einen Titel.",
    "Step {number} of {phase}": "Schritt {number} von {phase}",
    "{step} runs to working day {end}, past the {days} working days planned for {phase}: "
    "shorten or move the step, or lengthen the phase.": (
        "{step} dauert bis Arbeitstag {end}, über die {days} Arbeitstage von {phase} hinaus."
    ),
    "Cannot save yet: {why}": "Noch nicht speicherbar: {why}",
}


class German(QTranslator):
    """A translation of a few words; the rest stays as written."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return GERMAN.get(source, source)


@pytest.fixture
def editor(qtbot: QtBot, empty_ws: Workspace, events: AppEvents) -> Iterator[OfferEditor]:
    translator = German()
    QCoreApplication.installTranslator(translator)
    window = open_offers(qtbot, new_own_practice(empty_ws), events)
    qtbot.keyClick(window.offers, Qt.Key.Key_N, CTRL_SHIFT)  # a new offer from scratch
    editor = window.offers.editor
    editor.tabs.setCurrentIndex(JOURNEY)
    click_row(qtbot, editor, (0, 0))
    yield editor
    QCoreApplication.removeTranslator(translator)


def test_a_design_problem_is_said_in_the_windows_language_beside_its_field(
    qtbot: QtBot, editor: OfferEditor
) -> None:
    form = editor.journey.step_form
    type_over(qtbot, form.fields["title"], "")  # a step without a title is named by number

    said = "Schritt 1 von 'Onboarding' braucht einen Titel."
    assert form.problem_labels["title"].message() == said
    assert editor.save_reason.text() == f"Noch nicht speicherbar: {said}"
    assert said in [
        editor.problems.list.item(i).text() for i in range(editor.problems.list.count())
    ]


def test_a_refused_save_is_translated_and_puts_the_cursor_in_the_field(
    qtbot: QtBot, editor: OfferEditor, empty_ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(qtbot, editor.journey.step_form, {"duration_days": 9})  # past the phase's 5 days
    [problem] = [p for p in editor.draft.state.problems if p.where[-1] == "duration_days"]

    def refuse(*_args: object) -> object:  # the service refuses as it does, by code
        raise InvalidInput(RefusalCode.OFFER_DESIGN_PROBLEMS, reasons=Problems((problem,)))

    monkeypatch.setattr(empty_ws.offers, "save_offer", refuse)
    said = capture_warnings(monkeypatch)
    editor.tabs.setCurrentIndex(DETAILS)  # saving from another tab
    save_with_ctrl_s(qtbot)

    german = "dauert bis Arbeitstag 9, über die 5 Arbeitstage von 'Onboarding' hinaus."
    assert len(said) == 1 and german in said[0], said
    assert editor.tabs.currentIndex() == JOURNEY and editor.journey.current_path() == (0, 0)
    assert editor.journey.step_form.fields["duration_days"].hasFocus()
    assert editor.draft.dirty
