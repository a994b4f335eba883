"""`feedback add|list` on the command line: the same use cases as the window's feedback
dialog, and `feedback testimonials FILE` and `feedback review FILE`, the exports of the
Testimonials screen and the dashboard's Practice review. cli/main.py only hooks these in;
the services are imported when a command runs, so `deliverydesk --help` stays quick."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from deliverydesk.cli.clients import iso_date
from deliverydesk.cli.workspace import run

if TYPE_CHECKING:
    from deliverydesk.services.context import Context
    from deliverydesk.services.journeys.feedback_list import FeedbackLine

QUOTE_SUFFIXES = (".txt", ".csv", ".pdf")


def _score(text: str) -> int:
    try:
        score = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError("a score is a whole number from 0 to 10") from None
    if not 0 <= score <= 10:
        raise argparse.ArgumentTypeError("a score runs from 0 to 10")
    return score


def add_commands(commands: Any, data: argparse.ArgumentParser) -> None:
    """Add `feedback` and its actions to the subcommands of the main parser."""
    feedback = commands.add_parser(
        "feedback",
        parents=[data],
        help="record and list what clients said; save testimonials and the practice review",
    )
    actions = feedback.add_subparsers(dest="feedback_action", metavar="ACTION", required=True)
    add = actions.add_parser("add", parents=[data], help="record what a client said")
    add.add_argument("journey", type=int, metavar="JOURNEY", help="the journey's number")
    add.add_argument("--score", type=_score, metavar="0-10", help="how likely to recommend you")
    add.add_argument("--words", default="", metavar="TEXT", help="what the client said")
    add.add_argument("--step", default="", metavar="STEP", help="the checkpoint it answers")
    add.add_argument("--testimonial", action="store_true", help="their words may be quoted")
    add.add_argument("--referral-asked", action="store_true", help="you asked for a referral")
    add.add_argument("--referral-given", action="store_true", help="they referred someone")
    add.add_argument("--referred", default="", metavar="NAME", help="who they referred")
    add.add_argument(
        "--follow-up", action="store_true", help="the answer to the follow-up after completion"
    )
    add.add_argument(
        "--on", type=iso_date, metavar="YYYY-MM-DD", help="when it was said (default today)"
    )
    listed = actions.add_parser("list", parents=[data], help="list feedback, oldest first")
    listed.add_argument("--journey", type=int, metavar="JOURNEY", help="of one journey only")
    listed.add_argument("--testimonials", action="store_true", help="only words to quote")
    quotes = actions.add_parser(
        "testimonials", parents=[data], help="save the testimonials as FILE.txt, .csv or .pdf"
    )
    quotes.add_argument("file", type=Path, metavar="FILE")
    review = actions.add_parser(
        "review", parents=[data], help="save the practice review of a period as FILE.pdf"
    )
    review.add_argument("file", type=Path, metavar="FILE")
    review.add_argument("--since", type=iso_date, metavar="YYYY-MM-DD", help="default: 90 days")
    review.add_argument("--until", type=iso_date, metavar="YYYY-MM-DD", help="default: today")


def feedback(folder: Path, args: argparse.Namespace) -> int:
    act = {"add": _add, "list": _list, "testimonials": _testimonials, "review": _review}
    return run(folder, args, lambda ctx: act[args.feedback_action](ctx, args))


def _add(ctx: Context, args: argparse.Namespace) -> int:
    from deliverydesk.services.journeys.feedback import FeedbackEntry, add_feedback
    from deliverydesk.services.journeys.friction_list import step_named

    if args.score is None and not args.words.strip():
        print("deliverydesk: Give a --score, or the client's --words.", file=sys.stderr)
        return 2
    step_id = step_named(ctx, args.journey, args.step) if args.step.strip() else None
    entry = FeedbackEntry(
        args.score,
        args.words,
        step_id,
        args.testimonial,
        args.referral_asked,
        args.referral_given,
        args.referred,
        args.on,
        args.follow_up,
    )
    made = add_feedback(ctx, args.journey, entry)
    print(f"Recorded feedback {made.value} on journey {args.journey}.")
    return 0


def _list(ctx: Context, args: argparse.Namespace) -> int:
    from deliverydesk.services.journeys.feedback_list import feedback_lines

    lines = feedback_lines(ctx, journey_id=args.journey, testimonials=args.testimonials)
    if not lines:
        print("No testimonials yet." if args.testimonials else "No feedback recorded.")
        return 0
    for line in lines:
        print(_line(line))
    return 0


def _line(line: FeedbackLine) -> str:
    from deliverydesk.wording import ENGLISH

    score = "no score" if line.score is None else f"{line.score}/10"
    step = f", at '{line.step}'" if line.step else ""
    marks = [
        *(["follow-up"] if line.follow_up else []),
        *(["may be quoted"] if line.testimonial_ok else []),
        *(["referral asked"] if line.referral_asked else []),
        *(
            [f"referred {line.referral_name}" if line.referral_name else "referral given"]
            if line.referral_given
            else []
        ),
    ]
    said = f": {' '.join(line.words.split())}" if line.words else ""
    return (
        f"{line.id}  {ENGLISH.long_date(line.received_on)}  {line.client} ({line.offer}, "
        f"journey {line.journey_id}{step})  {score}{said}"
        + (f"  [{', '.join(marks)}]" if marks else "")
    )


def _testimonials(ctx: Context, args: argparse.Namespace) -> int:
    from deliverydesk.services.views.testimonials import QuotesFormat, export_testimonials
    from deliverydesk.wording import ENGLISH

    suffix = args.file.suffix.lower()
    if suffix not in QUOTE_SUFFIXES:
        print(
            "deliverydesk: Name a .txt, .csv or .pdf file: the testimonials are saved as its kind.",
            file=sys.stderr,
        )
        return 2
    kind = {".txt": QuotesFormat.TEXT, ".csv": QuotesFormat.CSV, ".pdf": QuotesFormat.PDF}
    count, notes = export_testimonials(ctx, args.file, kind[suffix], ENGLISH)
    print(f"Saved {count} testimonials to {args.file}.")
    for note in notes:
        print(note)
    return 0


def _review(ctx: Context, args: argparse.Namespace) -> int:
    from datetime import timedelta

    from deliverydesk.services.paper.practice_review import save_practice_review
    from deliverydesk.services.views.dashboard import WINDOW_DAYS

    until = args.until or ctx.clock.today()
    since = args.since or until - timedelta(days=WINDOW_DAYS - 1)
    for note in save_practice_review(ctx, args.file, since, until):
        print(note)
    print(f"Saved the practice review of {since} to {until} to {args.file}.")
    return 0


HANDLERS = {"feedback": feedback}
