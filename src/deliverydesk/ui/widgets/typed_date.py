"""A whole date typed into a date field, read the ways a person writes one: 2027-01-12,
"12 Jan 2027" (or "12 January 2027", "Jan 12 2027"), the locale's own short and long forms
("12.01.27", "1/12/27"), and the field's display ("Tue 12 Jan 2027"). Month names are read
in English and in the locale's language, in any case. Two-digit years are this century's.
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate, QLocale

_ENGLISH = ("d MMM yyyy", "d MMMM yyyy", "MMM d yyyy", "MMMM d yyyy", "ddd d MMM yyyy")
_SEPARATORS = re.compile(r"[\s,]+")


def _formats(locale: QLocale) -> list[str]:
    own = [
        locale.dateFormat(kind)
        for kind in (QLocale.FormatType.ShortFormat, QLocale.FormatType.LongFormat)
    ]
    # A short form with a two-digit year ("dd.MM.yy") is often typed with four.
    wider = [f.replace("yy", "yyyy") for f in own if "yy" in f and "yyyy" not in f]
    return [*own, *wider, *_ENGLISH]


def _with_century(day: QDate, pattern: str) -> QDate:
    if "yyyy" not in pattern and "yy" in pattern and day.year() < 2000:
        return day.addYears(100)  # Qt reads "27" as 1927
    return day


def typed_date(written: str, locale: QLocale | None = None) -> date | None:
    """The day `written` names, or None when it names none."""
    text = _SEPARATORS.sub(" ", written).strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    here = locale or QLocale()
    for reader in (here, QLocale.c()):
        for pattern in _formats(reader):
            for candidate in (text, text.title()):
                day = reader.toDate(candidate, _SEPARATORS.sub(" ", pattern))
                if not day.isValid():
                    day = reader.toDate(candidate, pattern)
                if day.isValid():
                    found: date = _with_century(day, pattern).toPython()  # type: ignore[assignment]
                    return found
    return None
