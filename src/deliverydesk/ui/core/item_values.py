"""Values read back from Qt, as the Python types the rest of the program expects.

PySide6 keeps a value stored as item data (a combo box's item, a model's role) only as
far as Qt has a type for it: a StrEnum member comes back from `currentData()` or
`data(role)` as its plain str, so `.value` or `is` on it fails far from where it was read
(a design that cannot be saved). Every widget that stores an enum or a date reads it back
through here, at the widget's edge, and hands on the real member or date.
"""

from __future__ import annotations

from datetime import date
from enum import Enum

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox


def enum_data[E: Enum](kind: type[E], data: object) -> E:
    """The member of `kind` that item data `data` stands for (the member itself, or the
    plain value Qt handed back for it). Raises ValueError for anything else."""
    if isinstance(data, kind):
        return data
    return kind(data)


def current_enum[E: Enum](combo: QComboBox, kind: type[E]) -> E:
    """The member of `kind` stored as the data of the combo box's current item."""
    return enum_data(kind, combo.currentData())


def date_data(data: object) -> date:
    """The date that item data `data` stands for (a date, or the QDate Qt made of it)."""
    if isinstance(data, QDate):
        data = data.toPython()
    if not isinstance(data, date):
        raise ValueError(f"not a date: {data!r}")
    return data
