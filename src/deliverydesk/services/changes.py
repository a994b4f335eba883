"""What a mutation touched, so each view refreshes only what it shows (Anki's OpChanges)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Flag, auto


class Aspect(Flag):
    """Which kinds of data changed: a view skips a refresh that cannot concern it."""

    NONE = 0
    STEPS = auto()  # a step done, reopened, retimed, added or removed
    PHASE = auto()  # a journey moved between phases
    NOTES = auto()
    FRICTION = auto()
    FEEDBACK = auto()
    CLIENT = auto()  # a client's details (name, company, contact)
    JOURNEY = auto()  # a journey begun, paused, resumed, ended or archived
    OFFER = auto()  # an offer's design, name or archived state
    PRACTICE = auto()  # practice settings: name, working days, closed dates
    CAPACITY = auto()  # working hours, time off or step effort: the load against capacity
    # What the client's paper carries (colours, logo, contact lines, and the practice's
    # name among them): only the views that show the brand or the name follow it.
    BRAND = auto()
    CONTACT = auto()  # a document sent to a client: the dashboard's clients kept informed

    @classmethod
    def everything(cls) -> Aspect:
        return ~cls.NONE


# What a board card or a client-list row shows; a note or a friction's words do not.
ROW_ASPECTS = (
    Aspect.STEPS
    | Aspect.PHASE
    | Aspect.FRICTION
    | Aspect.FEEDBACK
    | Aspect.CLIENT
    | Aspect.JOURNEY
    | Aspect.OFFER
)


@dataclass(frozen=True)
class Changes:
    journeys: frozenset[int] = field(default_factory=frozenset)
    clients: frozenset[int] = field(default_factory=frozenset)
    offers: frozenset[int] = field(default_factory=frozenset)
    aspects: Aspect = Aspect.NONE
    # After bulk loads (demo, import), where naming each record would be noise.
    everything: bool = False
    # The view that started the change (it may already show the result); None for others.
    source: object | None = field(default=None, compare=False)

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.journeys | other.journeys,
            self.clients | other.clients,
            self.offers | other.offers,
            self.aspects | other.aspects,
            self.everything or other.everything,
            self.source if self.source is not None else other.source,
        )

    def __bool__(self) -> bool:
        return bool(self.journeys or self.clients or self.offers or self.aspects or self.everything)

    def touches(self, aspects: Aspect) -> bool:
        """True when any of `aspects` changed (a bulk change touches them all)."""
        return self.everything or bool(self.aspects & aspects)

    def from_source(self, source: object) -> Changes:
        return replace(self, source=source)

    @classmethod
    def all(cls) -> Changes:
        return cls(aspects=Aspect.everything(), everything=True)


@dataclass(frozen=True)
class Result[T]:
    """What a use case hands back: its value (a new id, or what undoing it needs) and the
    Changes to announce."""

    value: T
    changes: Changes
