"""Refusals: what a person asked cannot be done, said as a code and its values.

A use case (or the store) raises a refusal with a `RefusalCode` and the values its words
need; `refusal_text` words it through a translator, so the window (Qt's translate), the
command line and the PDFs (English) say it alike. `str()` of a refusal is its English
words, for logs and for code that only needs to know what was said.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date

from deliverydesk.model.rules.enums import JourneyStatus
from deliverydesk.model.rules.problem import Problem
from deliverydesk.wording.problems import Problems, problem_text, problems_text
from deliverydesk.wording.refusal_codes import RefusalCode
from deliverydesk.wording.refusal_words import PLURAL_WORDS, REFUSAL_WORDS
from deliverydesk.wording.words import Translate, Words, untranslated

__all__ = [
    "Listed",
    "More",
    "Names",
    "Note",
    "Phrase",
    "Refusal",
    "RefusalCode",
    "Term",
    "error_text",
    "refusal_text",
]


class Term(str):
    """Program words held as a value (a field's name, "Your name"): translated when the
    refusal is worded, unlike a person's own text (a client's name), which is shown as is."""

    __slots__ = ()


class Phrase:
    """Program words with values of their own, held as a refusal's value ("Phase 2, step
    3"): worded, and translated, with the refusal; str() is the English."""

    __slots__ = ("pattern", "values")

    def __init__(self, pattern: str, /, **values: object) -> None:
        self.pattern = pattern
        self.values = values

    def __str__(self) -> str:
        return str(_worded(self, Words()))

    def __repr__(self) -> str:
        return f"Phrase({self.pattern!r}, {self.values!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Phrase) and (self.pattern, self.values) == (
            other.pattern,
            other.values,
        )

    def __hash__(self) -> int:
        return hash(self.pattern)


class Names(tuple[str, ...]):
    """Names a sentence lists, worded with the refusal: "Offer and Start date"."""

    __slots__ = ()


class Listed(tuple[object, ...]):
    """Several values said one after another, "; " between them ("row 3: ...; row 5: ...")."""

    __slots__ = ()


class More(int):
    """How many more there are than a refusal lists: " (and 2 more)", nothing for none."""

    __slots__ = ()


class Refusal(Exception):
    """A refusal a person reads; nothing was changed. `code` says which, `values` fill in
    its words (names, numbers, dates, a file, or the refusal that caused this one)."""

    def __init__(self, code: RefusalCode, /, **values: object) -> None:
        self.code = code
        self.values: dict[str, object] = values
        super().__init__(refusal_text(self))

    def __reduce__(self) -> tuple[Callable[..., Refusal], tuple[object, ...]]:
        # Pickled by code and values (a batch worker's refusal comes back to the window
        # through a process pool): Exception's own way would call __init__ with the words.
        return _rebuilt, (type(self), self.code, self.values, self.__dict__)


class Note:
    """Words a person reads that refuse nothing (why a row of a file is skipped, what it
    will do), held and worded as a refusal is: a code and its values; str() is English."""

    __slots__ = ("code", "values")

    def __init__(self, code: RefusalCode, /, **values: object) -> None:
        self.code = code
        self.values: dict[str, object] = values

    @classmethod
    def of(cls, refusal: Refusal) -> Note:
        """A refusal's words kept as a note (a row of a file that cannot be imported)."""
        return cls(refusal.code, **refusal.values)

    def __str__(self) -> str:
        return refusal_text(self)

    def __repr__(self) -> str:
        return f"Note({self.code!r}, {self.values!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Note) and (self.code, self.values) == (other.code, other.values)

    def __hash__(self) -> int:
        return hash(self.code)


def _rebuilt(
    kind: type[Refusal], code: RefusalCode, values: dict[str, object], state: dict[str, object]
) -> Refusal:
    refusal = kind.__new__(kind)
    Refusal.__init__(refusal, code, **values)
    refusal.__dict__.update(state)
    return refusal


def refusal_text(refusal: Refusal | Note, tr: Translate = untranslated) -> str:
    """`refusal` in words, through `tr` (English when none is given)."""
    words = Words(tr)
    shown = {key: _worded(value, words) for key, value in refusal.values.items()}
    special = _SPECIAL.get(refusal.code)
    if special is not None:
        return special(words, refusal.values, shown)
    english = _pattern(refusal.code, refusal.values)
    try:
        return tr(english).format_map(shown)
    except (KeyError, IndexError, ValueError):  # a translation that breaks the pattern
        return english.format_map(shown)


def error_text(error: BaseException, tr: Translate = untranslated) -> str:
    """Any error a person is told about in words: a refusal through `tr`, anything else
    (an OSError's own words) as it says itself."""
    return refusal_text(error, tr) if isinstance(error, Refusal) else str(error)


def _pattern(code: RefusalCode, values: Mapping[str, object]) -> str:
    plural = PLURAL_WORDS.get(code)
    if plural is not None:
        return plural[0] if values.get("count") == 1 else plural[1]
    return REFUSAL_WORDS[code]


def _worded(value: object, words: Words) -> object:
    if isinstance(value, Term):
        return words.tr(value)
    if isinstance(value, Phrase):
        shown = {key: _worded(inner, words) for key, inner in value.values.items()}
        return words.tr(value.pattern).format_map(shown)
    if isinstance(value, More):
        return words.tr(" (and {n} more)").format(n=int(value)) if value > 0 else ""
    if isinstance(value, JourneyStatus):  # "active", "paused"...
        return words.tr(value.value)
    if isinstance(value, date):
        return words.long_date(value)
    if isinstance(value, BaseException):
        return error_text(value, words.tr)
    if isinstance(value, Problem):  # a design problem of an offer
        return problem_text(value, words.tr)
    if isinstance(value, Problems):
        return problems_text(value, words.tr)
    if isinstance(value, Note):
        return refusal_text(value, words.tr)
    if isinstance(value, Names):
        return words.name_list(value, quote="")
    if isinstance(value, Listed):
        return "; ".join(str(_worded(inner, words)) for inner in value)
    return value


def _not_done(words: Words, values: Mapping[str, object], _shown: Mapping[str, object]) -> str:
    checkpoints = values["checkpoints"]
    assert isinstance(checkpoints, Sequence)
    return f"{words.not_done([str(c) for c in checkpoints])}."  # "'A' and 'B' are not done."


def _still_open(words: Words, values: Mapping[str, object], shown: Mapping[str, object]) -> str:
    titles = values["titles"]
    assert isinstance(titles, Sequence)
    listed = words.name_list([str(t) for t in titles], limit=3)
    return words.tr(_pattern(RefusalCode.STEPS_STILL_OPEN, values)).format(
        count=len(titles), titles=listed
    )


# Refusals whose words are more than a pattern filled in: a list worded as a sentence.
_SPECIAL: dict[RefusalCode, Callable[[Words, Mapping[str, object], Mapping[str, object]], str]] = {
    RefusalCode.CHECKPOINTS_NOT_DONE: _not_done,
    RefusalCode.STEPS_STILL_OPEN: _still_open,
}
