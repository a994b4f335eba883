"""The window reaches the database through the workspace only (issue 17). From services
it imports the workspace, types (results, changes, refusals), constants, and pure helpers
of plain values; never a use case that takes a context, a session or a practice's folder,
and never a whole use-case module. An import contract lists the use-case modules; this
check catches a use case imported from a module that also holds result types."""

from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path
from types import ModuleType

import deliverydesk

UI = Path(deliverydesk.__file__).parent / "ui"  # read, never imported: unit tests run without Qt
# A use case names one of these among its parameters' annotations.
STORAGE = ("Context", "Session", "Workspace", "Path")
# The one door before a workspace exists: the first board painted from the file and the
# damaged file put right (services/startup.py).
BEFORE_A_WORKSPACE = "deliverydesk.services.startup"


def _imported_from_services() -> list[tuple[str, str, object]]:
    found = []
    for source in sorted(UI.rglob("*.py")):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.ImportFrom) and node.module or "").startswith(
                "deliverydesk.services"
            ):
                continue
            assert isinstance(node, ast.ImportFrom) and node.module is not None
            module = importlib.import_module(node.module)
            for alias in node.names:
                value = getattr(module, alias.name, None)
                if value is None:  # a submodule: `from deliverydesk.services.data import x`
                    value = importlib.import_module(f"{node.module}.{alias.name}")
                if BEFORE_A_WORKSPACE in (node.module, f"{node.module}.{alias.name}"):
                    continue
                where = f"{source.relative_to(UI)}: {node.module}.{alias.name}"
                found.append((where, alias.name, value))
    return found


def _use_case(value: object) -> bool:
    if isinstance(value, ModuleType):
        return True
    if not inspect.isfunction(value):
        return False  # a class, an enum, a constant
    annotations = " ".join(str(a) for a in inspect.get_annotations(value).values())
    return any(word in annotations for word in STORAGE)


def test_the_window_imports_no_use_case_from_services() -> None:
    imported = _imported_from_services()
    assert len(imported) > 100  # the scan sees the window's imports
    assert [where for where, _name, value in imported if _use_case(value)] == []
