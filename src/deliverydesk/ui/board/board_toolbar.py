"""The Board's toolbar: offer, filter box, quick filters and sort, on one row at any width.

At 1024 px the row is too narrow for all of it; the quick filters then fold into one
"Show only" menu instead of squeezing the filter box to three letters or pushing the
window wider (a second row would cost the board a lane's worth of height).
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QWidget,
)

from deliverydesk.ui.board.board_index import Quick, SortBy
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.look.icons import icon
from deliverydesk.ui.look.typography import make_heading
from deliverydesk.ui.widgets.filter_chip import FilterChip, FilterMenuChip

SEARCH_WIDTH_EM = 14  # the filter box never gets narrower than this
PICKER_MOST_EM = 22  # the offer picker never gets wider than this


def quick_labels() -> dict[Quick, str]:
    return {
        Quick.OVERDUE: tr("Overdue"),
        Quick.WAITING_ON_CLIENT: tr("Waiting on client"),
        Quick.AT_RISK: tr("At risk"),
        Quick.FEEDBACK_DUE: tr("Feedback due"),
        Quick.PAUSED: tr("Paused"),
    }


def quick_tips() -> dict[Quick, str]:
    """What each quick filter keeps, in the words the cards' badges use."""
    return {
        Quick.OVERDUE: tr("Show only cards with a step of yours past its due date"),
        Quick.WAITING_ON_CLIENT: tr("Show only cards whose next step is the client's"),
        Quick.AT_RISK: tr("Show only cards that are at risk or off track"),
        Quick.FEEDBACK_DUE: tr("Show only cards with feedback due after a checkpoint"),
        Quick.PAUSED: tr("Show only paused journeys, in the phase where they stopped"),
    }


class BoardToolbar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        em = self.fontMetrics().height()
        self.title = QLabel(tr("Board"))
        make_heading(self.title, 1.5)
        self.offer_picker = QComboBox()
        self.offer_picker.setAccessibleName(tr("Offer shown"))
        # As wide as its longest offer name when there is room (the filter box gives way
        # first); 14 characters when there is none, and never wider than PICKER_MOST_EM.
        self.offer_picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        narrow = self.offer_picker.fontMetrics().horizontalAdvance("x") * 14
        self.offer_picker.setMinimumWidth(narrow + em * 2)  # and the arrow
        self.offer_picker.setMaximumWidth(em * PICKER_MOST_EM)
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Filter cards…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(tr("Filter cards"))
        # A fixed floor: the clear button appearing as one types must not widen the row.
        self.search.setMinimumWidth(em * SEARCH_WIDTH_EM)
        find = self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        find.setToolTip(tr("Filter (Ctrl+F)"))
        self.chips = QWidget()
        chips_row = QHBoxLayout(self.chips)
        chips_row.setContentsMargins(0, 0, 0, 0)
        self.quick: dict[Quick, FilterChip] = {}
        tips = quick_tips()
        for quick, label in quick_labels().items():
            chip = FilterChip(label)
            chip.setAccessibleName(tr("Show only: {what}").format(what=label))
            chip.setToolTip(tips[quick])
            self.quick[quick] = chip
            chips_row.addWidget(chip)
        self.quick_menu = FilterMenuChip(tr("Show only"), list(self.quick.values()))
        self.quick_menu.setAccessibleName(tr("Show only cards that are…"))
        self.quick_menu.setToolTip(tr("Quick filters"))
        self.quick_menu.hide()
        self.sort_picker = QComboBox()
        self.sort_picker.setAccessibleName(tr("Sort cards by"))
        for key, label in (
            (SortBy.URGENCY, tr("Most urgent first")),
            (SortBy.NAME, tr("Name")),
            (SortBy.ENTERED, tr("Date entered the phase")),
        ):
            self.sort_picker.addItem(label, key.value)
        self.sort_picker.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.sort_picker.setMinimumContentsLength(12)

        self.top = QHBoxLayout(self)
        self.top.setContentsMargins(0, 0, 0, 0)
        # The layout must not pin the toolbar's minimum width to the row with every chip:
        # it would then never get narrow enough to fold them (see minimumSizeHint).
        self.top.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.top.addWidget(self.title)
        self.top.addWidget(self.offer_picker)
        self.top.addWidget(self.search, 1)
        self.top.addWidget(self.chips)
        self.top.addWidget(self.quick_menu)
        self.top.addWidget(self.sort_picker)
        self.trailing: list[QWidget] = []  # buttons after the sort picker (Enrol…)
        self.folded = False

    def add_trailing(self, widget: QWidget) -> None:
        self.top.addWidget(widget)
        self.trailing.append(widget)

    def _row_width(self, parts: tuple[QWidget, ...]) -> int:
        spacing = self.top.spacing() * (len(parts) - 1)
        # As a layout counts: a minimum width set on a widget stands for its size hint's.
        return sum(w.minimumWidth() or w.minimumSizeHint().width() for w in parts) + spacing

    def one_row_width(self) -> int:
        """The narrowest the toolbar can be with every quick filter showing."""
        return self._row_width(
            (
                self.title,
                self.offer_picker,
                self.search,
                self.chips,
                self.sort_picker,
                *self.trailing,
            )
        )

    def folded_width(self) -> int:
        """The narrowest it can be at all: the quick filters folded into their menu."""
        return self._row_width(
            (
                self.title,
                self.offer_picker,
                self.search,
                self.quick_menu,
                self.sort_picker,
                *self.trailing,
            )
        )

    def _arrange(self, width: int) -> None:
        fold = width < self.one_row_width()
        if fold == self.folded:
            return
        self.folded = fold
        self.chips.setVisible(not fold)
        self.quick_menu.setVisible(fold)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange(event.size().width())
        super().resizeEvent(event)

    def minimumSizeHint(self) -> QSize:
        return QSize(self.folded_width(), super().minimumSizeHint().height())
