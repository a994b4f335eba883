"""What every room of the Workspace holds: the open practice's context."""

from __future__ import annotations

from deliverydesk.services.context import Context


class Room:
    """One subject's use cases on the open practice (a room of services/workspace.py)."""

    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx
