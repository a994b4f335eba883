"""What a mutation touched, so each view refreshes only what it shows."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Changes:
    journeys: frozenset[int] = field(default_factory=frozenset)
    clients: frozenset[int] = field(default_factory=frozenset)
    offers: frozenset[int] = field(default_factory=frozenset)
    practice: bool = False
    # After bulk loads (demo, import), where naming each record would be noise.
    everything: bool = False

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.journeys | other.journeys,
            self.clients | other.clients,
            self.offers | other.offers,
            self.practice or other.practice,
            self.everything or other.everything,
        )

    def __bool__(self) -> bool:
        return bool(
            self.journeys or self.clients or self.offers or self.practice or self.everything
        )
