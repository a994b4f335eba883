"""PySide6's import tax, waived.

Once PySide6 is imported, it wraps Python's `__import__` to support its opt-in
`from __feature__ import snake_case, true_property`, and for every module imported after it,
reads the module's whole source (inspect.getsource, through linecache) to see whether it
mentions PySide6. That is SQLAlchemy's ~150 modules and ours, read as text and kept in
memory on every start: 10-20 % of the imports between the first paint and the first edit.
DeliveryDesk uses no such feature, so every module is taken as one that does not: the
setting PySide6 gives a module that never uses features. A module that does import
`__feature__` is still handled, by that import itself.
"""

from __future__ import annotations

import sys
from types import ModuleType

import PySide6.QtCore  # noqa: F401  (loads PySide6's feature support, patched below)


def _uses_no_feature(_module: ModuleType) -> bool:
    return False


def skip_source_scan() -> None:
    feature = sys.modules.get("shibokensupport.feature")
    if feature is not None and hasattr(feature, "_mod_uses_pyside"):
        setattr(feature, "_mod_uses_pyside", _uses_no_feature)  # noqa: B010 (PySide6's own)
