"""Write deliverydesk(1) from the command line's own help, so the two never disagree.

python packaging/linux/manpage.py OUT.1
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def roff(text: str) -> str:
    """Text as troff reads it literally: backslashes, hyphens, and a leading dot or quote."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\\&" + text if text.startswith((".", "'")) else text


def options(parser: argparse.ArgumentParser) -> list[str]:
    lines: list[str] = []
    for action in parser._actions:
        if not action.option_strings or action.help == argparse.SUPPRESS:
            continue
        names = ", ".join(action.option_strings)
        if action.metavar or action.nargs != 0:
            names += f" {action.metavar or action.dest.upper()}"
        lines += [".TP", f"\\fB{roff(names)}\\fR", roff(action.help or "")]
    return lines


def manpage(version: str) -> str:
    from deliverydesk.cli.main import build_parser

    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    helps = {choice.dest: choice.help or "" for choice in commands._choices_actions}
    lines = [
        f'.TH DELIVERYDESK 1 "" "DeliveryDesk {version}" "User Commands"',
        ".SH NAME",
        "deliverydesk \\- " + roff(parser.description or ""),
        ".SH SYNOPSIS",
        "\\fBdeliverydesk\\fR [\\fIOPTIONS\\fR] [\\fICOMMAND\\fR [\\fIARGUMENTS\\fR]]",
        ".SH DESCRIPTION",
        roff(
            "Without a command, deliverydesk opens the window. The commands work on the "
            "same data without a window. Each command's own options are listed by "
            "deliverydesk COMMAND --help."
        ),
        ".SH OPTIONS",
        *options(parser),
        ".SH COMMANDS",
    ]
    for name in commands.choices:
        lines += [".TP", f"\\fB{roff(name)}\\fR", roff(helps.get(name, ""))]
    lines += [
        ".SH ENVIRONMENT",
        ".TP",
        "\\fBDELIVERYDESK_HOME\\fR",
        roff("the data folder, when --data-dir is not given"),
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    from deliverydesk import __version__

    Path(sys.argv[1]).write_text(manpage(__version__), encoding="utf-8")
