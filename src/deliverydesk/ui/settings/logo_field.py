"""The logo: a thumbnail, "Choose logo…" and "Remove logo".

A chosen file is checked and copied into the data folder at once (Workspace.practice.import_logo):
the form then holds the stored name, and a save points the practice at it. A file that
cannot be used is refused beside the field, and the logo shown stays as it was.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, QStandardPaths, Qt, Signal
from PySide6.QtGui import QColor, QImageReader, QPalette, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.services.errors import InvalidInput
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.failures import in_words
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.widgets.field_problem import ProblemLabel

IMAGE_FILTER = "PNG or JPEG images (*.png *.jpg *.jpeg *.PNG *.JPG *.JPEG)"


class LogoField(QWidget):
    """Signals: changed(): a logo was chosen or removed."""

    changed = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = workspace
        self.stored: str | None = None
        self._folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.PicturesLocation
        )
        em = self.fontMetrics().height()
        self.thumbnail = QLabel()
        self.thumbnail.setTextFormat(Qt.TextFormat.PlainText)
        self.thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumbnail.setWordWrap(True)
        self.thumbnail.setFrameShape(QFrame.Shape.StyledPanel)
        self.thumbnail.setFixedSize(QSize(em * 9, em * 4))
        self.thumbnail.setAccessibleName(tr("Logo"))
        self.choose_button = QPushButton(tr("Choose &logo…"))
        self.choose_button.setToolTip(tr("A PNG or JPEG image, up to 5 MB"))
        self.choose_button.clicked.connect(lambda: self.choose())
        self.remove_button = QPushButton(tr("Remove logo"))
        self.remove_button.clicked.connect(self.remove)
        self.problem = ProblemLabel()
        buttons = QVBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.thumbnail)
        row.addLayout(buttons)
        row.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(row)
        column.addWidget(self.problem)
        self.setFocusProxy(self.choose_button)
        self._show()

    def set_logo(self, stored: str | None) -> None:
        """Show a stored logo (as loaded), without saying changed."""
        self.stored = stored
        self.problem.clear()
        self._show()

    def choose(self, path: Path | None = None) -> bool:
        """Ask for a file (or take `path`), check it and copy it in. True when the logo
        changed; a file that cannot be used is explained beside the field instead."""
        if path is None:
            name, _ = QFileDialog.getOpenFileName(
                self, tr("Choose a logo"), self._folder, tr(IMAGE_FILTER)
            )
            if not name:
                return False
            path = Path(name)
        self._folder = str(path.parent)
        try:
            stored = self._ws.practice.import_logo(path)
        except (InvalidInput, OSError) as error:
            words = (
                in_words(error)
                if isinstance(error, InvalidInput)
                else tr("The file {name} could not be read or copied ({why}).").format(
                    name=path.name, why=error.strerror or error
                )
            )
            self.problem.say(words, self.choose_button)
            return False
        self.stored = stored
        self.problem.clear()
        self._show()
        self.changed.emit()
        return True

    def remove(self) -> None:
        if self.stored is None:
            return
        self.stored = None
        self.problem.clear()
        self._show()
        self.changed.emit()
        self.choose_button.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- the thumbnail -----------------------------------------------------------------------
    @property
    def shows_logo(self) -> bool:
        pixmap = self.thumbnail.pixmap()
        return pixmap is not None and not pixmap.isNull()

    def _show(self) -> None:
        self.remove_button.setEnabled(self.stored is not None)
        self.thumbnail.clear()
        self._on_paper(False)
        if self.stored is None:
            self.thumbnail.setText(tr("No logo: the name is printed instead"))
            self.thumbnail.setToolTip("")
            return
        path = self._ws.practice.logo_file(self.stored)
        reader = QImageReader(str(path)) if path is not None else None
        if reader is not None:
            reader.setAutoTransform(True)
            box = self.thumbnail.contentsRect().size() - QSize(8, 8)
            ratio = self.devicePixelRatioF()
            size = reader.size()
            if size.isValid():
                reader.setScaledSize(size.scaled(box * ratio, Qt.AspectRatioMode.KeepAspectRatio))
            image = reader.read()
            if not image.isNull():
                pixmap = QPixmap.fromImage(image)
                pixmap.setDevicePixelRatio(ratio)
                self.thumbnail.setPixmap(pixmap)
                self._on_paper(True)
                self.thumbnail.setToolTip(tr("The logo as your documents print it"))
                return
        self.thumbnail.setText(tr("The logo file is missing or damaged"))
        self.thumbnail.setToolTip(
            tr("Your documents print the practice's name instead. Choose the logo again.")
        )

    def _on_paper(self, paper: bool) -> None:
        """A logo is shown on white, as it prints (a dark theme would hide a dark logo
        with a transparent background); words are shown on the window's own colours."""
        self.thumbnail.setAutoFillBackground(paper)
        palette = self.palette()
        if paper:
            palette.setColor(QPalette.ColorRole.Window, QColor("white"))
        self.thumbnail.setPalette(palette)
