"""The open practice as the window sees it: use cases, never an engine or a session.

Widgets hold a Workspace. Its use cases sit in rooms, one per subject (services/rooms/,
as Anki's `col.decks`): `ws.journeys`, `ws.schedule`, `ws.clients`, `ws.offers`,
`ws.paper`, `ws.practice` and `ws.data`; the Workspace itself holds only what the open
practice is (its file, its clock, read-only or not) and its life (open, for_job, close).
Mutations return `Result` or `Changes`, which the window's runner (ui/core/runner.py) announces
on the event bus. A restore or a practice import replaces the database under the same
workspace: views then reload on `Changes.all()`.
"""

from __future__ import annotations

from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from deliverydesk.model.rules.clock import Clock, SystemClock
from deliverydesk.services.context import Context, open_workspace
from deliverydesk.services.views import startup
from deliverydesk.wording import Note

if TYPE_CHECKING:
    from deliverydesk.services.rooms.clients import ClientsRoom
    from deliverydesk.services.rooms.data import DataRoom
    from deliverydesk.services.rooms.feedback import FeedbackRoom
    from deliverydesk.services.rooms.journeys import JourneysRoom
    from deliverydesk.services.rooms.money import MoneyRoom
    from deliverydesk.services.rooms.offers import OffersRoom
    from deliverydesk.services.rooms.paper import PaperRoom
    from deliverydesk.services.rooms.practice import PracticeRoom
    from deliverydesk.services.rooms.schedule import ScheduleRoom


class Workspace:
    """Each room is made, and its use cases imported, when it is first used: the imports
    of the seven then made ~27 % of what a start imports between its first paint and the first
    edit it can take (~100 ms at L on this machine), and the board needs only its own
    two then; the other screens, built after that, bring theirs (docs/architecture.md,
    "The fast-start boundary")."""

    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    @cached_property
    def journeys(self) -> JourneysRoom:
        from deliverydesk.services.rooms.journeys import JourneysRoom

        return JourneysRoom(self._ctx)

    @cached_property
    def schedule(self) -> ScheduleRoom:
        from deliverydesk.services.rooms.schedule import ScheduleRoom

        return ScheduleRoom(self._ctx)

    @cached_property
    def clients(self) -> ClientsRoom:
        from deliverydesk.services.rooms.clients import ClientsRoom

        return ClientsRoom(self._ctx)

    @cached_property
    def offers(self) -> OffersRoom:
        from deliverydesk.services.rooms.offers import OffersRoom

        return OffersRoom(self._ctx)

    @cached_property
    def paper(self) -> PaperRoom:
        from deliverydesk.services.rooms.paper import PaperRoom

        return PaperRoom(self._ctx)

    @cached_property
    def practice(self) -> PracticeRoom:
        from deliverydesk.services.rooms.practice import PracticeRoom

        return PracticeRoom(self._ctx)

    @cached_property
    def data(self) -> DataRoom:
        from deliverydesk.services.rooms.data import DataRoom

        return DataRoom(self._ctx)

    @cached_property
    def feedback(self) -> FeedbackRoom:
        from deliverydesk.services.rooms.feedback import FeedbackRoom

        return FeedbackRoom(self._ctx)

    @cached_property
    def money(self) -> MoneyRoom:
        from deliverydesk.services.rooms.money import MoneyRoom

        return MoneyRoom(self._ctx)

    @classmethod
    def open(cls, data_dir: Path, clock: Clock | None = None) -> Workspace:
        """Open the practice in `data_dir`; DatabaseError carries a message for the person."""
        return cls(open_workspace(data_dir, clock or SystemClock()))

    @property
    def clock(self) -> Clock:
        return self._ctx.clock

    def today(self) -> date:
        return self._ctx.clock.today()

    @property
    def path(self) -> Path:
        """The database file."""
        return self._ctx.path

    @property
    def folder(self) -> Path:
        return self._ctx.path.parent

    def folder_warning(self) -> str:
        """Why the data folder (a cloud-sync folder, a network drive) is a risky home for
        the data file, in plain words; "" when it is not."""
        return startup.data_folder_warning(self.folder)

    @property
    def read_only(self) -> bool:
        """Open for reading only (the file or its folder is read-only): every change is
        refused with `read_only_reason`."""
        return bool(self._ctx.read_only)

    @property
    def read_only_reason(self) -> Note | None:
        """Why the practice can only be read, to be worded (None when it can be changed)."""
        return self._ctx.why_read_only

    def for_job(self) -> Workspace:
        """The open practice for work on another thread of this process (ui/core/jobs.py).

        The same database, never a second opening of it: its engine is thread-safe and each
        transaction takes a connection of its own, and opening again would run more than
        SQLite on a file this process holds locks on (docs/data-safety.md). The window
        closes it, never the job."""
        return Workspace(Context(self._ctx.db, self._ctx.clock))

    def seeding_context(self) -> Context:
        """The context the demo's seeding (seeding/, above the use cases) builds in."""
        return self._ctx

    def close(self) -> None:
        self._ctx.close()
