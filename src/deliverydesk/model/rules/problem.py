"""What is wrong with an offer's design, and where: the value a check returns
(model/rules/offer_rules.py) and wording/problems.py words. Apart from the checks so that
the window's words can name it without importing them (a start paints before it needs
them)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class ProblemCode(StrEnum):
    REQUIRED = "required"
    TOO_LONG = "too_long"
    BAD_CHARACTERS = "bad_characters"
    OUT_OF_RANGE = "out_of_range"
    TOO_MANY = "too_many"
    NO_PHASES = "no_phases"
    PHASE_WITHOUT_STEPS = "phase_without_steps"
    HIDDEN_CHECKPOINT = "hidden_checkpoint"
    STEP_PAST_PHASE = "step_past_phase"
    UNKNOWN_PLACEHOLDER = "unknown_placeholder"
    THRESHOLD_UNREACHABLE = "threshold_unreachable"


# Where a problem sits, e.g. ("offer", "name"), ("phase", 1, "steps"),
# ("step", 1, 0, "is_checkpoint"), ("standard", 2, "promise"), ("criterion", 0, "weight").
Where = tuple[str | int, ...]


@dataclass(frozen=True)
class Part:
    """Program words inside a problem's words, with values of their own ("Phase 2", "Step 3
    of 'Discovery'"): translated with the problem (wording/problems.py); str() is English."""

    pattern: str
    values: Mapping[str, object] = field(default_factory=dict, hash=False)

    def __str__(self) -> str:
        return self.pattern.format_map(self.values)


@dataclass(frozen=True)
class Problem:
    """A problem of the design, addressed to its field. Its words are `pattern` (English,
    the key a translation is found by) filled with `values`: names the person typed, numbers,
    and `Part`s; wording/problems.py words them through a translator."""

    where: Where
    code: ProblemCode
    pattern: str
    values: Mapping[str, object] = field(default_factory=dict, hash=False)
    blocks_saving: bool = False

    @property
    def message(self) -> str:
        """Plain English words for the person designing the offer (logs, the command line)."""
        return self.pattern.format_map(self.values)
