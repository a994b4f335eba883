"""Every CSV file DeliveryDesk writes, through one helper: raw, or safe for spreadsheets.

A spreadsheet runs a cell as a formula when its text starts with = + - or @, and many
also when invisible characters come first (a zero-width space, a byte-order mark, a
space, a tab, a line break) or when the sign is a full-width or small form (＝ ＋ － ＠),
which they fold to the plain one. So the spreadsheet-safe file:

- quotes every value, so a separator inside one ("Acme;=1+1") never starts a new cell,
  whichever separator (",", ";" or tab) the spreadsheet splits on;
- puts a ' before a value whose first visible character, folded to its plain form (NFKC),
  could start a formula, or that starts with a tab, CR or line break (OWASP's list); the '
  tells the spreadsheet the cell is text, and shows nothing;
- does the same after each separator, quote or line break inside a value: a spreadsheet
  that splits on ";" a file written with "," reads the line's later quotes as plain
  characters (OWASP's '=1+2";=1+2' escapes that way), so any of them may start a cell.
  There the ' stays visible ("Acme;'=1+1"): the price of a file no spreadsheet runs;
- starts with a byte-order mark, so accented letters survive Excel.

The raw file is plain RFC 4180 CSV that the importer reads back unchanged.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Iterable, Sequence

__all__ = ["csv_bytes", "spreadsheet_safe"]

_FORMULA_STARTS = ("=", "+", "-", "@")
# Minus signs and dashes NFKC keeps as they are, but that a spreadsheet may read as minus.
_MINUS_LIKE = {"\u2212", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\ufe63", "\uff0d"}
# What shows as nothing before the first visible character: spaces, line breaks, tabs,
# zero-width and format characters (the BOM among them), combining marks.
_INVISIBLE = {"Zs", "Zl", "Zp", "Cc", "Cf", "Mn", "Me"}
# Where a spreadsheet splitting on another separator, or lost in the quotes, may start a
# new cell inside a value.
_BOUNDARIES = frozenset(',;\t\r\n"')


def _starts_formula(ch: str) -> bool:
    return unicodedata.normalize("NFKC", ch)[:1] in _FORMULA_STARTS or ch in _MINUS_LIKE


def spreadsheet_safe(value: str) -> str:
    """The value as text a spreadsheet never runs: a ' first when it could start a formula,
    and a ' before a sign that follows a separator, a quote or a line break inside it."""
    out: list[str] = []
    segment = 0  # where the text after the last boundary starts in `out`
    leading = True  # nothing visible since that boundary
    for ch in value:
        if leading and _starts_formula(ch):
            out.insert(segment, "'")
        out.append(ch)
        if ch in _BOUNDARIES:
            segment, leading = len(out), True
        elif unicodedata.category(ch) not in _INVISIBLE:
            leading = False
    if value[:1] and unicodedata.category(value[0]) == "Cc" and out[0] != "'":
        out.insert(0, "'")  # a tab, CR or line break first: OWASP's rule, whatever follows
    return "".join(out)


def csv_bytes(
    headers: Sequence[str], rows: Iterable[Sequence[object]], *, spreadsheet: bool = False
) -> bytes:
    """The file's bytes: CRLF line ends; for a spreadsheet every value quoted and
    defused, and a byte-order mark first."""
    out = io.StringIO(newline="")
    writer = csv.writer(
        out, lineterminator="\r\n", quoting=csv.QUOTE_ALL if spreadsheet else csv.QUOTE_MINIMAL
    )
    for row in (headers, *rows):
        cells = ["" if value is None else str(value) for value in row]
        writer.writerow([spreadsheet_safe(c) for c in cells] if spreadsheet else cells)
    return out.getvalue().encode("utf-8-sig" if spreadsheet else "utf-8")
