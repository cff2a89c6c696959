"""`iphr-desk review import FILE.docx [--id N | --as-new] [--approve]`: take a reviewed copy back.

The copy is matched by the letter UUID its export wrote into it (docProps/custom.xml); one from another
store, or with no identity, is refused (exit 2, nothing stored) unless `--id N` names the letter or
`--as-new` makes a new one. What is stored and why: iphr_desk/core/exchange/review_import.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from iphr_desk.cli.common import EXIT_OK, close, open_store, say

if TYPE_CHECKING:
    import argparse

REVIEW_AUTHOR = "command line"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    review = sub.add_parser("review", help="take a reviewed .docx back into its letter")
    actions = review.add_subparsers(dest="review_command", metavar="ACTION", required=True)
    imp = actions.add_parser(
        "import",
        help="import a reviewed copy (tracked changes, comments) as a new revision",
        description="The letter is found by the identity its export wrote into the .docx. Tracked "
        "insertions are kept and deletions applied; each change is recorded with its author and date; "
        "comments become the letter's comments. The letter moves to changes requested when the copy "
        "has changes or open comments, or to approved with --approve when it has none.",
    )
    imp.add_argument("file", type=Path, metavar="FILE.docx", help="the reviewed copy")
    which = imp.add_mutually_exclusive_group()
    which.add_argument("--id", type=int, metavar="N", help="import into letter N whatever the copy says")
    which.add_argument("--as-new", action="store_true", help="make a new letter of the copy")
    imp.add_argument(
        "--approve", action="store_true", help="approve the letter when the copy asks for nothing"
    )
    imp.add_argument("--dry-run", action="store_true", help="say what would be done, store nothing")
    imp.set_defaults(handler=cmd_review_import)


def cmd_review_import(args: argparse.Namespace) -> int:
    from iphr_desk.core.errors import BadInput
    from iphr_desk.core.exchange.review_import import apply_review_import, plan_review_import

    if args.id is not None and not 0 < args.id < 2**63:
        raise BadInput(f"There is no letter with id {args.id}.")
    store = open_store(args, create=False)
    try:
        plan = plan_review_import(store, args.file, letter_id=args.id, as_new=args.as_new)
        if plan.already_imported:
            where = f"into letter {plan.letter_id}" if plan.letter_id is not None else "as a new letter"
            print(f"{args.file.name}: already imported {where}; nothing changed")
            return EXIT_OK
        if args.dry_run:
            _describe(plan, args.approve)
            return EXIT_OK
        result = apply_review_import(store, plan, author=REVIEW_AUTHOR, approve=args.approve)
    finally:
        close(store)
    for conflict in plan.conflicts:
        say(f"warning: {conflict}")
    for note in plan.notes:
        say(f"notice: {note}")
    if args.approve and not plan.can_approve:
        say("notice: not approved: the copy has changes, open comments or conflicts")
    what = "new letter" if result.created else "letter"
    revision = f"revision {result.revision_id}" if result.revision_id else "no new revision"
    print(
        f"{what} {result.letter_id}: {revision}, {len(plan.changes)} tracked change(s), "
        f"{result.comments_added} comment(s) added, status {result.status.replace('_', ' ')}"
    )
    return EXIT_OK


def _describe(plan: object, approve: bool) -> None:
    import difflib

    from iphr_desk.core.exchange.review_import import ReviewPlan

    assert isinstance(plan, ReviewPlan)
    letter = plan.letter_id if plan.letter_id is not None else "new"
    print(f"letter: {letter}; reviewers: {', '.join(plan.reviewers) or 'none'}")
    for change in plan.changes:
        when = change.date.isoformat() if change.date else "no date"
        print(
            f"change: {change.kind} by {change.author or '?'} ({when}) in the {change.part}: {change.text!r}"
        )
    for comment in plan.comments:
        print(f"comment: {comment.author}: {comment.text!r} on {comment.anchor!r}")
    for conflict in plan.conflicts:
        print(f"conflict: {conflict}")
    before = plan.current_text or plan.base_text
    diff = difflib.unified_diff(
        before.splitlines(True), plan.result_text.splitlines(True), "letter", "imported"
    )
    print("".join(diff), end="")
    status = "approved" if approve and plan.can_approve else plan.new_status
    print(f"status: {status or plan.letter_status or 'draft'}")
