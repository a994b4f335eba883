"""Spreadsheets as real .xlsx workbooks (openpyxl), every cell written as text.

A CSV file leaves each cell's type to the spreadsheet's guess: "=1+1" runs, "+49 170 5551234"
becomes a number or a formula, "0049" loses its zeros, "1/2" turns into a date. The
spreadsheet-safe CSV defuses that with a ' the spreadsheet then shows. A workbook says the
type itself: each value is stored as a string (never a formula, a number or a date) in a
column formatted as text, so it shows exactly as typed and nothing in it can run.

Characters XML 1.0 cannot hold (control characters other than tab and line breaks) are
dropped: a workbook holding one would not open.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = ["Sheet", "xlsx_bytes"]

# What openpyxl refuses to write (openpyxl.cell.cell.ILLEGAL_CHARACTERS_RE), and the
# surrogates and non-characters XML forbids as well.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_TEXT_FORMAT = "@"  # a column formatted as text: what a person types there stays text
_WIDEST = 60  # characters: wider columns wrap in the spreadsheet rather than run on


@dataclass(frozen=True, slots=True)
class Sheet:
    title: str  # at most 31 characters, no []:*?/\ (Excel's rules for a sheet's name)
    headers: Sequence[str]
    rows: Iterable[Sequence[object]]


def _text(value: object) -> str:
    return _NOT_XML.sub("", "" if value is None else str(value))


def xlsx_bytes(sheets: Sequence[Sheet]) -> bytes:
    """The workbook's bytes: one sheet per `Sheet`, a bold header row kept in view."""
    # Imported here: openpyxl takes about 0.2 s to load, which only an export should pay.
    from openpyxl import Workbook
    from openpyxl.cell.cell import TYPE_STRING
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]  # the default sheet; ours follow
    for sheet in sheets:
        page = book.create_sheet(sheet.title)
        widths = [len(h) for h in sheet.headers]
        for row_number, values in enumerate((sheet.headers, *sheet.rows), start=1):
            for column, value in enumerate(values, start=1):
                cell = page.cell(row=row_number, column=column)
                cell.number_format = _TEXT_FORMAT
                words = _text(value)
                if words:  # an empty value leaves the cell empty, as a CSV's would
                    cell.value = words
                    # openpyxl reads a leading "=" as a formula; this stores the text.
                    cell.data_type = TYPE_STRING
                if row_number == 1:
                    cell.font = Font(bold=True)
                elif column <= len(widths):
                    longest = max((len(line) for line in words.splitlines()), default=0)
                    widths[column - 1] = max(widths[column - 1], longest)
        for column, width in enumerate(widths, start=1):
            page.column_dimensions[get_column_letter(column)].width = min(width + 2, _WIDEST)
        page.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
