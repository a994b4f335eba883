"""The right-fit checklist (seed 003): weighted criteria, a threshold, and a client's score.

A criterion answered yes adds its weight; a negative weight marks a warning sign that takes
points away. A score under the threshold is a plain warning, never a refusal.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class FitCriterion:
    text: str
    weight: int = 1


@dataclass(frozen=True, slots=True)
class RightFit:
    """An offer's checklist, as stored in Offer.right_fit."""

    criteria: tuple[FitCriterion, ...] = ()
    threshold: int = 0

    @classmethod
    def from_json(cls, stored: Mapping[str, Any] | None) -> RightFit:
        """Read the stored form leniently: a malformed criterion is skipped, not fatal."""
        if not isinstance(stored, Mapping):
            return cls()
        criteria = []
        for item in stored.get("criteria") or ():
            if not isinstance(item, Mapping):
                continue
            text, weight = item.get("text"), item.get("weight", 1)
            if isinstance(text, str) and text.strip():
                ok = isinstance(weight, int) and not isinstance(weight, bool)
                criteria.append(FitCriterion(text, weight if ok else 1))
        threshold = stored.get("threshold", 0)
        ok = isinstance(threshold, int) and not isinstance(threshold, bool)
        return cls(tuple(criteria), threshold if ok else 0)

    def to_json(self) -> dict[str, Any]:
        return {
            "criteria": [{"text": c.text, "weight": c.weight} for c in self.criteria],
            "threshold": self.threshold,
        }


@dataclass(frozen=True, slots=True)
class FitScore:
    score: int
    threshold: int
    maximum: int  # the score with every positive criterion answered yes
    below: bool  # under the threshold: the wizard warns


def fit_score(checklist: RightFit, answers: Mapping[str, bool]) -> FitScore:
    """The score of `answers` (criterion text -> yes/no); criteria not answered count as no,
    answers to criteria the checklist no longer has are ignored."""
    score = sum(c.weight for c in checklist.criteria if answers.get(c.text) is True)
    maximum = sum(c.weight for c in checklist.criteria if c.weight > 0)
    below = bool(checklist.criteria) and score < checklist.threshold
    return FitScore(score, checklist.threshold, maximum, below)


def fit_record(checklist: RightFit, answers: Mapping[str, bool]) -> dict[str, Any]:
    """What a journey keeps of its enrolment's answers: {"answers": {...}, "score": int}."""
    known = {c.text: bool(answers[c.text]) for c in checklist.criteria if c.text in answers}
    return {"answers": known, "score": fit_score(checklist, known).score}
