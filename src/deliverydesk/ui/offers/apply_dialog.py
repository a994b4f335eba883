"""Apply to active clients: what a newer design would change in each journey under way,
with a tick per journey. Nothing happens until Apply; completed steps are never touched."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.model.rules.journey_update import StepChange
from deliverydesk.services.offers.offer_apply import JourneyDiff
from deliverydesk.ui.core import text
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.offers.offer_words import effort

JOURNEY = Qt.ItemDataRole.UserRole


def change_lines(diff: JourneyDiff, today: date) -> list[str]:
    """What applying would do to one journey, one plain line per change."""

    def day(value: date | None) -> str:
        return text.short_date(value, today, relative=False)

    lines = [tr("New phase '{name}'").format(name=name) for name in diff.phases_added]
    lines += [tr("Phase '{name}' removed").format(name=name) for name in diff.phases_removed]
    lines += [
        tr("Phase '{was}' renamed '{now}'").format(was=was, now=now)
        for was, now in diff.phases_renamed
    ]
    lines += [
        tr("Phase '{name}' now ends {now} (was {was})").format(
            name=name, now=day(now), was=day(was)
        )
        for name, was, now in diff.phases_retimed
    ]
    lines += [_step_line(tr("Added"), c) for c in diff.added]
    lines += [_step_line(tr("Removed"), c) for c in diff.removed]
    lines += [_retimed(c, day) for c in diff.retimed]
    lines += [
        tr("Renamed '{was}' to '{now}'").format(was=c.was_title, now=c.title) for c in diff.renamed
    ]
    lines += [_step_line(tr("Details changed"), c) for c in diff.updated]
    lines += [
        tr("'{step}' is done and stays as it is").format(step=title) for title in diff.kept_done
    ]
    return lines or [tr("Nothing a client would notice: only the revision number moves.")]


def _step_line(what: str, change: StepChange) -> str:
    return tr("{what}: '{step}' in {phase}").format(
        what=what, step=change.title, phase=change.phase
    )


def _retimed(change: StepChange, day: Callable[[date | None], str]) -> str:
    if change.due_on is not None and change.was_due is not None and change.due_on != change.was_due:
        return tr("'{step}' now due {now} (was {was})").format(
            step=change.title, now=day(change.due_on), was=day(change.was_due)
        )
    return tr("'{step}' now takes {now} of effort (was {was})").format(
        step=change.title,
        now=effort(change.effort_minutes or 0) or tr("no time"),
        was=effort(change.was_effort or 0) or tr("no time"),
    )


class ApplyDialog(QDialog):
    def __init__(
        self,
        offer_name: str,
        revision: int,
        diffs: Sequence[JourneyDiff],
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Apply to active clients"))
        heading = QLabel(
            tr("Bring clients of '{offer}' up to revision {revision}").format(
                offer=offer_name, revision=revision
            )
        )
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        intro = QLabel(
            tr(
                "Each journey keeps the design it was enrolled with until you apply a newer "
                "one. Tick the clients to bring up to date; below each is what would change. "
                "Completed steps are never touched."
            )
        )
        intro.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(tr("Clients and what would change"))
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        for diff in diffs:
            item = QTreeWidgetItem(
                [
                    tr("{client}: revision {was} → {now}").format(
                        client=diff.client_name, was=diff.from_revision, now=diff.to_revision
                    )
                ]
            )
            item.setData(0, JOURNEY, diff.journey_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Checked)
            for line in change_lines(diff, today):
                child = QTreeWidgetItem([line])
                child.setFlags(Qt.ItemFlag.ItemIsEnabled)
                item.addChild(child)
            self.tree.addTopLevelItem(item)
        self.tree.expandAll()
        self.tree.itemChanged.connect(lambda *_: self._update_button())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = QPushButton(tr("Apply"))
        self.apply_button.setDefault(True)
        self.buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.buttons)
        em = self.fontMetrics().height()
        self.resize(em * 50, em * 32)
        self._update_button()
        self.tree.setFocus()

    def journey_items(self) -> list[QTreeWidgetItem]:
        items = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [item for item in items if item is not None]

    def chosen(self) -> list[int]:
        """The journeys ticked to be brought up to date."""
        return [
            int(item.data(0, JOURNEY))
            for item in self.journey_items()
            if item.checkState(0) == Qt.CheckState.Checked
        ]

    def _update_button(self) -> None:
        count = len(self.chosen())
        self.apply_button.setText(
            tr("Apply to 1 client") if count == 1 else tr("Apply to {n} clients").format(n=count)
        )
        self.apply_button.setEnabled(count > 0)
