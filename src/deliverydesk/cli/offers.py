"""`deliverydesk offer list | export NAME --out FILE | import FILE`.

The services are imported inside each command, so building the parser (every start of the
program, the window's included) does not import SQLAlchemy.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from deliverydesk.cli.workspace import run
from deliverydesk.wording import ENGLISH

if TYPE_CHECKING:
    from deliverydesk.services.context import Context
    from deliverydesk.services.offers.offer_design import OfferListRow


def add_parser(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], data: argparse.ArgumentParser
) -> None:
    offer = commands.add_parser("offer", parents=[data], help="list, export or import offers")
    actions = offer.add_subparsers(dest="offer_command", metavar="ACTION", required=True)
    actions.add_parser("list", parents=[data], help="list the offers, with their clients")
    export = actions.add_parser(
        "export", parents=[data], help="write an offer's design to a file to share"
    )
    export.add_argument("name", metavar="NAME", help="the offer's name, as the list shows it")
    export.add_argument("--out", metavar="FILE", required=True, type=Path, help="file to write")
    load = actions.add_parser("import", parents=[data], help="add an offer from a shared file")
    load.add_argument("file", metavar="FILE", type=Path)


def offer(folder: Path, args: argparse.Namespace) -> int:
    action = {"list": _list, "export": _export, "import": _import}[args.offer_command]
    return run(folder, args, lambda ctx: action(ctx, args))


def _list(ctx: Context, args: argparse.Namespace) -> int:
    from deliverydesk.services.offers.offer_design import offer_list

    rows = offer_list(ctx)
    if not rows:
        print("No offers yet.")
        return 0
    width = min(max(len(row.name) for row in rows), 40)
    for row in rows:
        print(f"{_clip(row.name, width):<{width}}  {_describe(row)}")
    return 0


def _describe(row: OfferListRow) -> str:
    state = "archived" if row.archived else "active"
    clients = f"{row.active_clients} active of {row.total_clients} client" + (
        "" if row.total_clients == 1 else "s"
    )
    if row.is_valid:
        validity = "ready to enrol"
    else:
        problems = "1 problem" if row.problem_count == 1 else f"{row.problem_count} problems"
        validity = f"{problems}: {row.first_problem}"
    return f"{state}  {clients}  revision {row.revision}  {validity}"


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _export(ctx: Context, args: argparse.Namespace) -> int:
    from deliverydesk.services.offers.offer_file import export_offer

    offer = _find(ctx, args.name)
    if offer is None:
        return 1
    path = export_offer(ctx, offer.id, args.out)
    print(f"Exported '{offer.name}' to {path}")
    return 0


def _import(ctx: Context, args: argparse.Namespace) -> int:
    from deliverydesk.services.offers.offer_design import offer_design
    from deliverydesk.services.offers.offer_file import import_offer

    result = import_offer(ctx, args.file)
    design = offer_design(ctx, result.value)
    print(f"Imported '{design.spec.name}' from {args.file}")
    for problem in design.problems[:3]:
        print(f"  to fix before enrolling: {problem.message}")
    return 0


def _find(ctx: Context, name: str) -> OfferListRow | None:
    """The one offer called `name` (any case, read as one line: model/text_rules), or None
    after saying why not."""
    from deliverydesk.model.rules.text_rules import single_line
    from deliverydesk.services.offers.offer_design import offer_list

    rows = offer_list(ctx)
    wanted = single_line(name).casefold()
    found = [row for row in rows if single_line(row.name).casefold() == wanted]
    if len(found) == 1:
        return found[0]
    if found:
        print(
            f"deliverydesk: {len(found)} offers are named '{name}'; rename one in the window "
            "first.",
            file=sys.stderr,
        )
    else:
        known = ENGLISH.name_list([row.name for row in rows]) or "none yet"
        print(f"deliverydesk: there is no offer named '{name}'. Offers: {known}.", file=sys.stderr)
    return None
