"""Notices across the top of the window: why edits are off, a risky data folder.

Each is a calm strip of plain text (it may quote a folder name, which is the person's
text) that stays until the reason goes, or the person closes it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from deliverydesk.ui.core.failures import in_words
from deliverydesk.ui.core.text import tr

if TYPE_CHECKING:
    from deliverydesk.services.workspace import Workspace

READ_ONLY = "read-only"
LOCATION = "location"


class NoticeBanner(QFrame):
    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.label = QLabel(text)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton()
        close.setText("×")
        close.setAutoRaise(True)
        close.setToolTip(tr("Hide this notice"))
        close.setAccessibleName(tr("Hide this notice"))
        close.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        em = self.fontMetrics().height()
        row.setContentsMargins(em, em // 3, em // 2, em // 3)
        row.addWidget(self.label, 1)
        row.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.setAccessibleName(text)


class NoticeArea(QWidget):
    """The notices shown now, by key: showing a key again replaces its words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        self.banners: dict[str, NoticeBanner] = {}
        self.hide()

    def show_notice(self, key: str, text: str) -> None:
        self.hide_notice(key)
        banner = NoticeBanner(text, self)
        self.banners[key] = banner
        self._layout.addWidget(banner)
        self.show()

    def hide_notice(self, key: str) -> None:
        banner = self.banners.pop(key, None)
        if banner is not None:
            banner.hide()
            banner.deleteLater()
        self.setVisible(bool(self.banners))

    def text(self, key: str) -> str:
        banner = self.banners.get(key)
        return banner.label.text() if banner is not None and banner.isVisibleTo(self) else ""


def show_workspace_notices(area: NoticeArea, workspace: Workspace) -> None:
    """Why edits are off (a read-only file or folder), and a risky data folder."""
    area.hide_notice(READ_ONLY)
    if workspace.read_only:
        area.show_notice(READ_ONLY, in_words(workspace.read_only_reason))
    warning = workspace.folder_warning()
    if warning:
        area.show_notice(LOCATION, warning)
    else:
        area.hide_notice(LOCATION)
