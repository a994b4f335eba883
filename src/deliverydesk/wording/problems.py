"""An offer design's problems in words, through a translator.

model/rules/offer_rules.py says what is wrong and where, as English words with their values'
names in braces (the key a translation is found by) and the values themselves; here they
are worded for the window (Qt's translator), the command line and refusals alike.
"""

from __future__ import annotations

from collections.abc import Mapping

from deliverydesk.model.rules.problem import Part, Problem
from deliverydesk.wording.words import Translate, untranslated

__all__ = ["Problems", "problem_text", "problems_text"]


class Problems(tuple[Problem, ...]):
    """Design problems held as a refusal's value: worded one after another."""

    __slots__ = ()


def problem_text(problem: Problem, tr: Translate = untranslated) -> str:
    """`problem` in words, through `tr` (English when none is given)."""
    return _filled(problem.pattern, problem.values, tr)


def problems_text(problems: Problems, tr: Translate = untranslated) -> str:
    return " ".join(problem_text(problem, tr) for problem in problems)


def _filled(pattern: str, values: Mapping[str, object], tr: Translate) -> str:
    shown = {
        key: _filled(value.pattern, value.values, tr) if isinstance(value, Part) else value
        for key, value in values.items()
    }
    try:
        return tr(pattern).format_map(shown)
    except (KeyError, IndexError, ValueError):  # a translation that breaks the pattern
        return pattern.format_map(shown)
