"""One refresh protocol for every view (Anki's `op_executed` / `refresh_if_needed`).

A view says which aspects it shows and how it catches up; a `Refresher` does the rest:
a change touching none of those aspects costs the view nothing; a change made while the
view is hidden is only gathered (the Changes merged); the view catches up once, with all
it missed, when it is shown again, and at once while it shows. A new day gathers
`Changes.all()`: everything dated is read again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from deliverydesk.services.changes import Aspect, Changes
from deliverydesk.ui.core.events import AppEvents

CatchUp = Callable[[Changes], object]


class Refresher(QObject):
    """Keeps `view` true to the data by calling `catch_up(changes)` with what it missed.

    aspects: what the view shows; other changes are ignored.
    concerns: a further test of a change (the one journey a page shows, a save of its own).
    showing: when the view counts as shown (default: visible; a stacked page narrows it).
    on_show: how to catch up when shown again, if not as `catch_up` does while showing.
    stale: nothing read yet: the view reads in full when first shown.
    day: a new day gathers everything (the view's dates, "late" and health read anew).
    """

    def __init__(
        self,
        view: QWidget,
        events: AppEvents | None,
        aspects: Aspect,
        catch_up: CatchUp,
        *,
        concerns: Callable[[Changes], bool] | None = None,
        showing: Callable[[], bool] | None = None,
        on_show: CatchUp | None = None,
        stale: bool = False,
        day: bool = False,
    ) -> None:
        super().__init__(view)
        self._view = view
        self._aspects = aspects
        self._catch_up = catch_up
        self._concerns = concerns
        self._showing = showing or view.isVisible
        self._on_show = on_show or catch_up
        self.missed: Changes | None = Changes.all() if stale else None
        view.installEventFilter(self)
        if events is not None:
            events.changed.connect(self.changed)
            if day:
                events.day_changed.connect(self._new_day)

    @property
    def stale(self) -> bool:
        return self.missed is not None

    def changed(self, changes: Changes) -> None:
        """A change was announced: gather it if the view shows any of it; catch up if shown."""
        if not changes.touches(self._aspects):
            return
        if self._concerns is not None and not self._concerns(changes):
            return
        self._gather(changes)

    def mark_stale(self) -> None:
        """Everything is to be read again (a new day, another client followed)."""
        self._gather(Changes.all())

    def _new_day(self, _today: object = None) -> None:
        self.mark_stale()

    def settle(self) -> None:
        """The view has just read everything: nothing is missed any more."""
        self.missed = None

    def catch_up(self) -> None:
        """Catch up now if anything was missed (a stacked page brought to the front)."""
        self._run(self._catch_up)

    def _gather(self, changes: Changes) -> None:
        self.missed = changes if self.missed is None else self.missed | changes
        if self._showing():
            self.catch_up()

    def _run(self, catch_up: CatchUp) -> None:
        missed, self.missed = self.missed, None
        if missed is not None:
            catch_up(missed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Before the view's own showEvent, and so before its first paint: never a stale
        # figure on screen.
        # getattr: a Refresher the collector is tearing down (its attributes cleared first)
        # can still be handed an event before Qt drops it as a filter: seen once, in a full
        # GUI run on a fresh clone. It then has no view to look after.
        view = getattr(self, "_view", None)
        if watched is view and event.type() == QEvent.Type.Show and self._showing():
            self._run(self._on_show)
        return super().eventFilter(watched, event)
