"""Move the modules into folders that show the house (issue 17), once, on main.

    .venv/bin/python tools/restructure.py            # show what would move
    .venv/bin/python tools/restructure.py --apply    # git mv, rewrite imports, contracts

Run it from the repository's top, on a clean tree, after every branch is merged. It is
rule-based, so a module a branch added today moves with its kind (a new `cli_*.py` joins
`cli/`, a new `offer_*.py` service joins `services/offers/`); a module it cannot place is
reported and left where it is. Running it again moves nothing and rewrites nothing.

What it does:
- `cli.py` and `cli_*.py` become the package `cli/` (`cli/main.py` holds `main`);
- `services/` is grouped by subject; `model/` splits into `entities/` and `rules/`;
- `ui/` splits into `core/` (events, jobs, undo, text), `look/` (theme, icons, style,
  typography), `widgets/` (shared widgets, and `widgets/paper/`: the documents menu and the
  PDF preview every feature opens), the feature packages, and the shell at `ui/` itself
  (app, main window, data menu) which alone may import the features;
- every dotted name and file path of a moved module is rewritten in src/, tests/,
  benchmarks/, tools/, docs/, packaging/, .ci/, pyproject.toml, Makefile and README.md;
- the import-linter contracts for the new folders are added to pyproject.toml.

Afterwards: `make compile lint contracts typecheck` and the tests.
"""

from __future__ import annotations

import argparse
import ast
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

PACKAGE = Path("src/deliverydesk")

# -- where each module goes (names are module stems; the folder they stand in is the key) --

CLI_PACKAGE = "cli"

SERVICES_STAY = {  # the workspace and what every subject shares
    "__init__", "workspace", "context", "changes", "errors", "validation", "worker_life",
}  # fmt: skip
SERVICES_SUBJECTS = {
    "journeys": [
        "journeys", "lifecycle", "journey_restore", "journey_csv", "activity", "records",
        "redate", "reschedule", "under_way", "detail", "nudge",
    ],
    "clients": [
        "clients", "client_lookup", "client_csv", "client_journeys", "trash", "capacity",
    ],
    "offers": [
        "offers", "offer_design", "offer_file", "offer_format", "offer_revisions",
        "offer_apply", "offer_templates",
    ],
    "paper": [
        "report_data", "report_export", "report_packs", "intake", "welcome_letter", "send",
        "mail_composer",
    ],
    "data": [
        "backups", "recovery", "practice_file", "practice_values", "value_check",
        "calendar_export", "csv_out", "spreadsheet_export", "xlsx_out",
    ],
    "practice": ["practice", "practice_settings", "brand"],
    "views": ["dashboard", "timeline", "today", "queries", "rows", "startup"],
}  # fmt: skip
SERVICES_PREFIXES = {  # a module a branch added today, placed by its name
    "journey_": "journeys", "client_": "clients", "offer_": "offers", "report_": "paper",
    "practice_": "practice", "backup": "data",
}  # fmt: skip

MODEL_STAY = {"__init__"}
MODEL_ENTITIES = ["base", "client", "journey", "offer", "practice", "records"]
MODEL_RULES = [
    "calendar", "capacity", "clock", "enums", "fit", "health", "journey_update",
    "offer_design", "offer_rules", "retention", "retime", "summary", "text_fold",
    "text_rules", "timeline", "under_way",
]  # fmt: skip
MODEL_RENAMES = {
    "entities": "entities/__init__",  # the one import of every entity stays that import
    "rules": "rules/delivery",  # the delivery rules; `rules/` is now the folder
}

UI_SHELL = {  # the window and what builds it: the only modules that import the features
    "__init__", "app", "main_window", "data_menu", "welcome", "recovery_dialog",
    "shortcut_sheet",
}  # fmt: skip
UI_CORE = [
    "events", "jobs", "main_thread_gc", "failures", "undo_commands", "day_watcher",
    "single_instance", "auto_backup", "text", "item_values", "journey_words", "search_keys",
    "runner", "refresh", "wait_for_job", "pyside_feature",
]  # fmt: skip
UI_LOOK = ["theme", "icons", "style", "typography"]
UI_WIDGETS = [
    "day_edit", "date_picker", "empty_state", "filter_chip", "message_bar", "notice",
    "notice_banner", "record_table", "wrapping_delegate", "unsaved_prompt", "confirm",
    "import_clients_dialog", "typed_date",
]  # fmt: skip
UI_FEATURES = [
    "board", "clients", "dashboard", "enrol", "offers", "reports", "settings", "timeline",
    "today",
]  # fmt: skip
# What two or more features use leaves its feature for a shared folder.
UI_SHARED_FROM_FEATURES = {
    "offers/elided_label": "widgets/elided_label",
    "settings/field_problem": "widgets/field_problem",
    "reports/answers_view": "widgets/answers_view",
    "enrol/client_choices": "widgets/client_choices",
    "enrol/capacity_chart": "widgets/capacity_chart",
    "clients/step_dialogs": "widgets/step_dialogs",
    "clients/client_dialog": "widgets/client_dialog",
    "clients/client_commands": "core/client_commands",
    "today/today_commands": "core/today_commands",
    "reports/documents_menu": "widgets/paper/documents_menu",
    "reports/preview_dialog": "widgets/paper/preview_dialog",
    "reports/pdf_pages": "widgets/paper/pdf_pages",
    "reports/printing": "widgets/paper/printing",
    "reports/subject": "widgets/paper/subject",
    "reports/zoom": "widgets/paper/zoom",
    "reports/last_folder": "widgets/paper/last_folder",
}

NEW_PACKAGE_DOCS = {
    "cli": "The command line: `deliverydesk <command>` without a window (cli/main.py).",
    "services/journeys": "Use cases that change or read one journey.",
    "services/clients": "Use cases of the clients: adding, finding, enrolling, the trash.",
    "services/offers": "Use cases of the offers: designs, revisions, files, applying them.",
    "services/paper": "What the client's paper prints, and exporting it.",
    "services/data": "The practice's data as files: backups, recovery, practice files, CSV.",
    "services/practice": "The practice record and its settings (brand included).",
    "services/views": "Read models of the screens: the board, Today, Timeline, Dashboard.",
    "model/entities": None,  # entities.py becomes this __init__
    "model/rules": "The pure rules of the delivery domain: values and a given today, no I/O.",
    "ui/core": "The window's machinery without a look: events, jobs, undo, text.",
    "ui/look": "How the window looks: theme, icons, style and type.",
    "ui/widgets": "Widgets and dialogs more than one feature uses.",
    "ui/widgets/paper": "The documents menu and the PDF preview every feature opens.",
}

# -- the new contracts (in a layer, "a : b" may import each other, "a | b" may not) --

CONTRACTS = """
[[tool.importlinter.contracts]]
name = "ui/: the shell above the features, the features above widgets, look and core"
type = "layers"
containers = ["deliverydesk.ui"]
layers = [
    "app : main_window : data_menu : welcome : recovery_dialog : shortcut_sheet",
    "{features}",
    "widgets",
    "look | core",
]
exhaustive = false

[[tool.importlinter.contracts]]
name = "ui/ features are rooms: none imports another"
type = "independence"
modules = [
{feature_lines}
]

[[tool.importlinter.contracts]]
name = "model/ rules are plain values: no SQLAlchemy, no entities"
type = "forbidden"
source_modules = ["deliverydesk.model.rules"]
forbidden_modules = ["sqlalchemy", "deliverydesk.model.entities"]
"""
CONTRACTS_MARK = 'name = "ui/ features are rooms: none imports another"'

TEXT_FILES = ["pyproject.toml", "Makefile", "README.md", "setup.py"]
TEXT_FOLDERS = ["src", "tests", "benchmarks", "tools", "docs", ".ci", "packaging"]
TEXT_SUFFIXES = {".py", ".md", ".toml", ".cfg", ".ini", ".txt", ".sh", ".spec", ".yml", ".yaml", ""}


@dataclass
class Plan:
    moves: dict[Path, Path] = field(default_factory=dict)  # old file -> new file
    unplaced: list[Path] = field(default_factory=list)

    def add(self, old: Path, new: Path) -> None:
        if old.exists() and old != new:
            self.moves[old] = new


def plan() -> Plan:
    p = Plan()
    _plan_cli(p)
    _plan_services(p)
    _plan_model(p)
    _plan_ui(p)
    return p


def _plan_cli(p: Plan) -> None:
    root = PACKAGE / CLI_PACKAGE
    p.add(PACKAGE / "cli.py", root / "main.py")
    for old in sorted(PACKAGE.glob("cli_*.py")):
        p.add(old, root / f"{old.stem.removeprefix('cli_')}.py")


def _plan_services(p: Plan) -> None:
    folder = PACKAGE / "services"
    where = {stem: subject for subject, stems in SERVICES_SUBJECTS.items() for stem in stems}
    for old in sorted(folder.glob("*.py")):
        stem = old.stem
        if stem in SERVICES_STAY:
            continue
        subject = where.get(stem) or next(
            (s for prefix, s in SERVICES_PREFIXES.items() if stem.startswith(prefix)), None
        )
        if subject is None:
            p.unplaced.append(old)
        else:
            p.add(old, folder / subject / old.name)


def _plan_model(p: Plan) -> None:
    folder = PACKAGE / "model"
    for old in sorted(folder.glob("*.py")):
        stem = old.stem
        if stem in MODEL_STAY:
            continue
        if stem in MODEL_RENAMES:
            p.add(old, folder / f"{MODEL_RENAMES[stem]}.py")
        elif stem in MODEL_ENTITIES:
            p.add(old, folder / "entities" / old.name)
        elif stem in MODEL_RULES:
            p.add(old, folder / "rules" / old.name)
        else:
            p.unplaced.append(old)


def _plan_ui(p: Plan) -> None:
    folder = PACKAGE / "ui"
    for old in sorted(folder.glob("*.py")):
        stem = old.stem
        if stem in UI_SHELL:
            continue
        target = next(
            (kind for kind, stems in (("core", UI_CORE), ("look", UI_LOOK), ("widgets", UI_WIDGETS))
             if stem in stems),
            None,
        )  # fmt: skip
        if target is None:
            p.unplaced.append(old)
        else:
            p.add(old, folder / target / old.name)
    for old_rel, new_rel in UI_SHARED_FROM_FEATURES.items():
        p.add(folder / f"{old_rel}.py", folder / f"{new_rel}.py")


# -- names ---------------------------------------------------------------------------------


def dotted(path: Path) -> str:
    parts = list(path.relative_to("src").with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def package_relative(path: Path) -> str:
    return path.relative_to(PACKAGE).as_posix()


DOTTED = re.compile(r"\bdeliverydesk(?:\.[A-Za-z_][A-Za-z0-9_]*)+")


def rewrite_dotted(text: str, names: dict[str, str]) -> str:
    """Each dotted name whose longest known prefix moved, moved (`a.b.c.attr` too)."""

    def swap(match: re.Match[str]) -> str:
        name = match.group(0)
        parts = name.split(".")
        for cut in range(len(parts), 1, -1):
            head = ".".join(parts[:cut])
            if head in names:
                return ".".join([names[head], *parts[cut:]])
        return name

    return DOTTED.sub(swap, text)


def rewrite_paths(text: str, paths: dict[str, str]) -> str:
    """File paths of moved modules (`ui/jobs.py`, `src/deliverydesk/cli.py`) in prose and
    configuration; matched whole, from a package folder down."""
    if not paths:
        return text
    pattern = re.compile(
        r"(?<![\w/.-])((?:src/)?(?:deliverydesk/)?)("
        + "|".join(re.escape(old) for old in sorted(paths, key=len, reverse=True))
        + r")(?![\w/])"
    )
    return pattern.sub(lambda m: m.group(1) + paths[m.group(2)], text)


def rewrite_from_imports(source: str, names: dict[str, str]) -> str:
    """`from deliverydesk.ui import text` names a moved module as an attribute of its old
    package: it becomes `from deliverydesk.ui.core import text`."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return source
    lines = source.splitlines(keepends=True)
    edits: list[tuple[int, int, str]] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.ImportFrom) or node.level or not node.module:
            continue
        if not node.module.startswith("deliverydesk"):
            continue
        moved = [a for a in node.names if f"{node.module}.{a.name}" in names]
        if not moved:
            continue
        indent = re.match(r"\s*", lines[node.lineno - 1]).group(0)  # type: ignore[union-attr]
        statements = []
        kept = [a for a in node.names if a not in moved]
        if kept:
            statements.append(f"from {node.module} import {_aliases(kept)}")
        for alias in moved:
            new = names[f"{node.module}.{alias.name}"]
            parent, _, leaf = new.rpartition(".")
            local = alias.asname or alias.name
            statements.append(
                f"from {parent} import {leaf}" + (f" as {local}" if local != leaf else "")
            )
        text = "".join(f"{indent}{s}\n" for s in statements)
        assert node.end_lineno is not None
        edits.append((node.lineno - 1, node.end_lineno, text))
    for start, end, text in sorted(edits, reverse=True):
        lines[start:end] = [text]
    return _rewrite_import_lines("".join(lines), names)


FROM_IMPORT_LINE = re.compile(
    r"^(?P<indent>[ \t]*)from (?P<module>deliverydesk[\w.]*) import (?P<names>\w+(?: as \w+)?"
    r"(?:, \w+(?: as \w+)?)*)[ \t]*$",
    re.MULTILINE,
)


def _rewrite_import_lines(source: str, names: dict[str, str]) -> str:
    """The same for one-line imports the parser cannot see: code in a string, run by a
    test in a subprocess (`python -c`)."""

    def swap(match: re.Match[str]) -> str:
        module, indent = match["module"], match["indent"]
        aliases = [
            ast.alias(*(part.split(" as ") + [None])[:2])  # type: ignore[arg-type]
            for part in match["names"].split(", ")
        ]
        moved = [a for a in aliases if f"{module}.{a.name}" in names]
        if not moved:
            return match.group(0)
        kept = [a for a in aliases if a not in moved]
        statements = [f"from {module} import {_aliases(kept)}"] if kept else []
        for alias in moved:
            parent, _, leaf = names[f"{module}.{alias.name}"].rpartition(".")
            local = alias.asname or alias.name
            statements.append(
                f"from {parent} import {leaf}" + (f" as {local}" if local != leaf else "")
            )
        return "\n".join(indent + s for s in statements)

    return FROM_IMPORT_LINE.sub(swap, source)


def _aliases(names: list[ast.alias]) -> str:
    return ", ".join(a.name + (f" as {a.asname}" if a.asname else "") for a in names)


# -- doing it ------------------------------------------------------------------------------


def git(*args: str) -> None:
    subprocess.run(["git", *args], check=True)


def text_files() -> list[Path]:
    listed = subprocess.run(
        ["git", "ls-files", *TEXT_FOLDERS, *TEXT_FILES],
        check=True, capture_output=True, text=True,
    ).stdout.split()  # fmt: skip
    return [
        Path(name) for name in listed
        if Path(name).suffix in TEXT_SUFFIXES and Path(name).is_file()
        and Path(name) != Path(__file__).relative_to(Path.cwd())
    ]  # fmt: skip


def apply(p: Plan) -> None:
    names = {dotted(old): dotted(new) for old, new in p.moves.items()}
    paths = {package_relative(old): package_relative(new) for old, new in p.moves.items()}
    for old, new in sorted(p.moves.items()):
        new.parent.mkdir(parents=True, exist_ok=True)
        git("mv", str(old), str(new))
    _add_package_files()
    for path in text_files():
        try:
            before = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # not text: names nothing
        # Dotted names first: the `from package import module` lines it leaves are then
        # rewritten to names it must not see again (`services.clients` is both the old
        # module and the new folder).
        after = rewrite_dotted(before, names)
        if path.suffix == ".py":
            after = rewrite_from_imports(after, names)
        after = rewrite_paths(after, paths)
        if path.name == "pyproject.toml":
            after = after.replace('"deliverydesk.cli:main"', '"deliverydesk.cli.main:main"')
        if after != before:
            path.write_text(after, encoding="utf-8")
    _install_contracts()
    _tidy()


def _tidy() -> None:
    """Imports sorted again under their new names, lines wrapped: what `make lint` checks."""
    ruff = Path(sys.executable).with_name("ruff")
    if not ruff.exists():
        print("ruff not found beside this Python: run `ruff check --fix` and `ruff format`.")
        return
    folders = [f for f in ("src", "tests", "benchmarks", "tools") if Path(f).is_dir()]
    subprocess.run([str(ruff), "check", "--fix", "--quiet", *folders], check=False)
    subprocess.run([str(ruff), "format", "--quiet", *folders], check=False)


def _add_package_files() -> None:
    for rel, doc in NEW_PACKAGE_DOCS.items():
        folder = PACKAGE / rel
        init = folder / "__init__.py"
        if doc is None or not folder.is_dir() or init.exists():
            continue
        init.write_text(f'"""{doc}"""\n', encoding="utf-8")
        git("add", str(init))


def _install_contracts() -> None:
    pyproject = Path("pyproject.toml")
    text = pyproject.read_text(encoding="utf-8")
    if CONTRACTS_MARK in text:
        return
    features = [f for f in UI_FEATURES if (PACKAGE / "ui" / f).is_dir()]
    block = CONTRACTS.format(
        features=" | ".join(features),
        feature_lines="\n".join(f'    "deliverydesk.ui.{f}",' for f in features),
    )
    pyproject.write_text(text.rstrip("\n") + "\n" + block, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--apply", action="store_true", help="move and rewrite (else: show)")
    args = parser.parse_args(argv)
    if not (PACKAGE.is_dir() and Path(".git").exists()):
        print("Run this from the repository's top folder.", file=sys.stderr)
        return 2
    p = plan()
    for old, new in sorted(p.moves.items()):
        print(f"move  {package_relative(old)} -> {package_relative(new)}")
    for old in p.unplaced:
        print(f"LEFT  {package_relative(old)} (no rule places it: add it to a map)")
    if not p.moves:
        print("Nothing to move: the folders are in place.")
    if args.apply:
        apply(p)
        print(f"Moved {len(p.moves)} modules; now run make compile lint contracts typecheck.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
