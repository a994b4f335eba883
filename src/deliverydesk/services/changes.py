"""What a mutation touched, so each view refreshes only what it shows."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Changes:
    journeys: frozenset[int] = field(default_factory=frozenset)
    clients: frozenset[int] = field(default_factory=frozenset)
    offers: frozenset[int] = field(default_factory=frozenset)
    practice: bool = False

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.journeys | other.journeys,
            self.clients | other.clients,
            self.offers | other.offers,
            self.practice or other.practice,
        )

    def __bool__(self) -> bool:
        return bool(self.journeys or self.clients or self.offers or self.practice)

    @classmethod
    def everything(cls) -> Changes:
        """Used after bulk loads (demo, import) where naming each record would be noise."""
        return cls(practice=True, journeys=frozenset({-1}), clients=frozenset({-1}))

    @property
    def is_everything(self) -> bool:
        return -1 in self.journeys
