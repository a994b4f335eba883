"""Settings → Brand: the form shows the stored brand, the sample page beside it follows
each edit, a logo is checked and copied in, Save is one undoable change that the title and
the exported documents follow, and a bad value is explained beside its field."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from deliverydesk.services.paper.report_export import DocumentKind
from deliverydesk.services.practice.brand import LOGO_FOLDER
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.main_window import MainWindow
from deliverydesk.ui.settings.brand_panel import BrandPanel
from deliverydesk.ui.widgets.paper.pdf_pages import PdfPages
from tests.gui.lifecycle_support import make_window

DEMO_NAME = "Northlight Practice"


@pytest.fixture
def window(qtbot: QtBot, demo_ws: Workspace, events: AppEvents) -> MainWindow:
    main = make_window(qtbot, demo_ws, events)
    main.show_screen("settings")
    main.settings_page.tabs.setCurrentWidget(main.settings_page.brand)
    return main


@pytest.fixture
def panel(window: MainWindow) -> BrandPanel:
    return window.settings_page.brand


def pdf_text(pdf: bytes) -> str:
    return " ".join(
        " ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(pdf)).pages
    )


def shown_pdf(panel: BrandPanel) -> bytes:
    pages = panel.preview.view.pages
    assert pages is not None
    return pages.pdf


def logos_in(ws: Workspace) -> set[str]:
    folder = ws.folder / LOGO_FOLDER
    return {p.name for p in folder.iterdir()} if folder.exists() else set()


def choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(path), "PNG or JPEG images")
    )


def test_the_form_shows_the_stored_brand_and_its_sample(panel: BrandPanel) -> None:
    form = panel.form
    assert form.lines["name"].text() == DEMO_NAME
    assert form.lines["tagline"].text() == "Coaching, brand and editing for small businesses"
    assert form.primary.code.text() == "#2F6F73"
    assert form.logo.shows_logo
    assert form.font_family.currentText() == "Noto Sans (the default)"
    assert form.page_size.currentText().startswith("Follow my computer")
    assert not panel.save_button.isEnabled() and not panel.revert_button.isEnabled()
    assert DEMO_NAME in pdf_text(shown_pdf(panel))
    assert not panel.preview.view.grab().toImage().isNull()


def test_editing_the_tagline_redraws_the_sample_page(qtbot: QtBot, panel: BrandPanel) -> None:
    before = panel.preview.view.grab().toImage()
    tagline = panel.form.lines["tagline"]
    tagline.selectAll()

    with qtbot.waitSignal(panel.preview.updated, timeout=5000):
        qtbot.keyClicks(tagline, "Plans you can hold")

    assert "Plans you can hold" in pdf_text(shown_pdf(panel))
    assert panel.preview.view.grab().toImage() != before  # the page a person sees changed
    assert panel.save_button.isEnabled()
    assert len(panel.preview.timings) == 2  # shown once, redrawn once for the whole word


def test_a_damaged_logo_is_refused_beside_the_field_and_changes_nothing(
    qtbot: QtBot,
    panel: BrandPanel,
    demo_ws: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stored_logo = panel.form.logo.stored
    kept = logos_in(demo_ws)
    broken = tmp_path / "logo.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n" + b"not really a picture" * 20)
    choose_file(monkeypatch, broken)

    qtbot.mouseClick(panel.form.logo.choose_button, Qt.MouseButton.LeftButton)

    problem = panel.form.logo.problem
    assert problem.shown
    assert problem.text() == "The logo file logo.png is damaged; choose another file."
    assert panel.form.logo.stored == stored_logo and panel.form.logo.shows_logo
    assert logos_in(demo_ws) == kept  # nothing copied
    assert not panel.save_button.isEnabled()


def test_a_png_logo_is_copied_into_the_data_folder_and_shown(
    qtbot: QtBot,
    panel: BrandPanel,
    demo_ws: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    picture = QImage(320, 120, QImage.Format.Format_RGB32)
    picture.fill(QColor("#8A2BE2"))
    source = tmp_path / "My logo.png"
    assert picture.save(str(source))
    kept = logos_in(demo_ws)
    choose_file(monkeypatch, source)

    with qtbot.waitSignal(panel.preview.updated, timeout=5000):
        qtbot.mouseClick(panel.form.logo.choose_button, Qt.MouseButton.LeftButton)

    (added,) = logos_in(demo_ws) - kept
    assert (demo_ws.folder / LOGO_FOLDER / added).read_bytes() == source.read_bytes()
    assert added.startswith("logo-") and "My logo" not in added  # a generated name
    assert panel.form.logo.stored == f"{LOGO_FOLDER}/{added}"
    thumbnail = panel.form.logo.thumbnail.pixmap().toImage()
    assert QColor(thumbnail.pixel(thumbnail.width() // 2, thumbnail.height() // 2)) == QColor(
        "#8A2BE2"
    )
    assert not panel.form.logo.problem.shown
    assert panel.save_button.isEnabled()

    panel.form.logo.remove_button.click()
    assert panel.form.logo.stored is None and not panel.form.logo.shows_logo


def test_save_is_one_change_the_title_follows_and_ctrl_z_puts_back(
    qtbot: QtBot, window: MainWindow, panel: BrandPanel, demo_ws: Workspace
) -> None:
    before = demo_ws.practice.brand_settings()
    name = panel.form.lines["name"]
    name.selectAll()
    qtbot.keyClicks(name, "Bright Path Studio")
    panel.form.primary.code.selectAll()
    qtbot.keyClicks(panel.form.primary.code, "8a2be2")
    panel.form.page_size.setCurrentIndex(panel.form.page_size.findData("Letter"))

    qtbot.keyClick(panel.form.lines["tagline"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    saved = demo_ws.practice.brand_settings()
    assert (saved.name, saved.brand_color, saved.page_size) == (
        "Bright Path Studio",
        "#8A2BE2",
        "Letter",
    )
    assert window.windowTitle().startswith("Bright Path Studio")
    assert window.undo_stack.count() == 1 and window.undo_stack.undoText() == "Change the brand"
    assert panel.status.text() == "Saved. Undo with Ctrl+Z."
    assert not panel.save_button.isEnabled()

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    assert demo_ws.practice.brand_settings() == before
    assert window.windowTitle().startswith(DEMO_NAME)
    assert name.text() == DEMO_NAME and panel.form.primary.code.text() == "#2F6F73"
    assert window.settings_page.form.name.text() == DEMO_NAME  # the Practice tab follows too
    window.redo_action.trigger()
    assert demo_ws.practice.brand_settings() == saved


def test_an_exported_progress_report_carries_the_saved_name_and_colour(
    qtbot: QtBot, panel: BrandPanel, demo_ws: Workspace
) -> None:
    name = panel.form.lines["name"]
    name.selectAll()
    qtbot.keyClicks(name, "Bright Path Studio")
    panel.form.primary.set_colour("#8A2BE2")
    panel.form.logo.remove_button.click()
    assert panel.save()

    client_id, _ = demo_ws.paper.report_clients()[0]
    document = demo_ws.paper.make_document(DocumentKind.PROGRESS, client_id=client_id)

    assert "Bright Path Studio" in pdf_text(document.pdf)
    assert DEMO_NAME not in pdf_text(document.pdf)
    page = PdfPages(document.pdf).render(0, 72)
    stripe = page.pixelColor(page.width() // 2, round(30.6 / 25.4 * 72))  # under the band
    assert abs(stripe.red() - 0x8A) + abs(stripe.green() - 0x2B) + abs(stripe.blue() - 0xE2) < 12


def test_a_bad_value_is_explained_beside_its_field_and_save_changes_nothing(
    qtbot: QtBot, panel: BrandPanel, demo_ws: Workspace
) -> None:
    before = demo_ws.practice.brand_settings()
    code = panel.form.primary.code
    code.selectAll()
    qtbot.keyClicks(code, "teal")
    email = panel.form.lines["email"]
    email.selectAll()
    qtbot.keyClicks(email, "maren@")

    assert panel.form.problems["brand_color"].text() == (
        "The primary colour must be written like #2F6F73. Or choose it with the button beside it."
    )
    assert "does not look like an e-mail address" in panel.form.problems["email"].text()

    assert not panel.save()
    assert demo_ws.practice.brand_settings() == before
    assert code.hasFocus()  # the first field at fault, top to bottom

    panel.revert_button.click()
    assert code.text() == "#2F6F73" and not panel.form.problems["brand_color"].shown
    assert not panel.save_button.isEnabled()


def test_a_colour_too_light_for_text_says_what_the_pages_do(
    qtbot: QtBot, panel: BrandPanel
) -> None:
    panel.form.primary.set_colour("#F4D35E")
    assert panel.form.primary_advice.isVisible()
    assert "darker shade" in panel.form.primary_advice.text()
    panel.form.primary.set_colour("#1F4E79")
    assert not panel.form.primary_advice.isVisible()


def test_the_colour_picker_sets_the_code(
    qtbot: QtBot, panel: BrandPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QColorDialog

    monkeypatch.setattr(QColorDialog, "getColor", lambda *_a, **_k: QColor("#1f4e79"))
    panel.form.accent.swatch.click()
    assert panel.form.accent.code.text() == "#1F4E79"
    assert panel.form.values().accent_color == "#1F4E79"
    assert panel.save_button.isEnabled()


def test_user_text_in_the_form_is_shown_literally(panel: BrandPanel) -> None:
    evil = '<img src="/etc/passwd">'
    panel.form.lines["name"].setText(evil)
    panel.preview.draw_now()
    assert evil in pdf_text(shown_pdf(panel))


def test_save_keys_reach_the_tab_they_are_pressed_in(window: MainWindow, qtbot: QtBot) -> None:
    keys = QKeySequence(QKeySequence.StandardKey.Save).toString()
    assert keys == "Ctrl+S"
    page = window.settings_page
    page.tabs.setCurrentIndex(0)
    page.form.owner.setText("Maren H.")
    with qtbot.waitSignal(page.saved, timeout=30_000):  # saved on the job pool
        qtbot.keyClick(page.form.owner, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert window.undo_stack.undoText() == "Change the practice settings"


def test_messages_that_appear_push_the_fields_below_them_down(
    qtbot: QtBot, window: MainWindow, panel: BrandPanel
) -> None:
    from PySide6.QtWidgets import QLabel

    def cramped() -> list[str]:
        return [
            label.text()
            for label in panel.form.findChildren(QLabel)
            if label.isVisible()
            and label.wordWrap()
            and label.height() < label.heightForWidth(label.width())
        ]

    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() == 1024 and not cramped())
    panel.form.primary.set_colour("#F4D35E")  # three lines of advice at this width
    panel.form.accent.set_colour("teal")

    qtbot.waitUntil(lambda: not cramped(), timeout=2000)
    assert panel.form.primary_advice.isVisible() and panel.form.problems["accent_color"].shown


def settle() -> None:
    """Run what is posted (the relayout after an edit runs on the next turn of the loop)."""
    QApplication.processEvents()
    QApplication.processEvents()


def row_tops(panel: BrandPanel) -> list[int]:
    """Where the fields below the colours sit in the form."""
    form = panel.form
    below = (form.accent.code, form.font_family, form.page_size, form.lines["signature"])
    return [w.mapTo(form, w.rect().topLeft()).y() for w in below]


@pytest.mark.parametrize("size", [(1200, 800), (1024, 700)])
def test_typing_a_colour_code_never_moves_the_rows_below(
    qtbot: QtBot, window: MainWindow, panel: BrandPanel, size: tuple[int, int]
) -> None:
    """The colour's problem (a code half typed) and its contrast advice (a light colour)
    come and go in room kept for them."""
    window.resize(*size)
    code = panel.form.primary.code
    code.setFocus()
    code.selectAll()
    qtbot.keyClicks(code, "#1F4E79")  # settled after a first edit, as a person's would be
    settle()
    before = row_tops(panel)
    for typed in ("#F4D35E", "#F4D3", "#1F4E79", "teal"):
        code.selectAll()
        qtbot.keyClicks(code, typed)
        settle()
        assert row_tops(panel) == before, typed
    assert panel.form.problems["brand_color"].shown  # "teal" is said, in the room kept


def test_the_field_typed_in_stays_whole_in_view_after_saving(
    qtbot: QtBot, window: MainWindow, panel: BrandPanel, demo_ws: Workspace
) -> None:
    """Saving shows "Saved." and the window's message bar, which take room from the form:
    the signature line, at its bottom, was cut in half."""
    window.resize(1024, 700)
    signature = panel.form.lines["signature"]
    signature.setFocus()
    panel.scroller.ensureWidgetVisible(signature)
    qtbot.waitUntil(lambda: signature.visibleRegion().boundingRect().height() == signature.height())
    signature.selectAll()
    qtbot.keyClicks(signature, "Warm regards, Maren")
    qtbot.keyClick(signature, Qt.Key.Key_Return)  # Save
    assert demo_ws.practice.brand_settings().signature == "Warm regards, Maren"
    assert window.messages.isVisible()
    settle()
    seen = signature.visibleRegion().boundingRect()
    assert seen.height() == signature.height() and seen.width() == signature.width()
