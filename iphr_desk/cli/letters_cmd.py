"""`iphr-desk import` and `iphr-desk list`: letter files into the store, and the store's lists.

A list is tab-separated rows for `cut` and spreadsheets; on a terminal a header row names the columns
first (a pipe gets the rows alone, so scripts need not skip a line).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Final

from iphr_desk.cli.common import EXIT_OK, IMPORT_AUTHOR, close, one_line, open_store

if TYPE_CHECKING:
    import argparse

    from iphr_desk.core.store.database import Store
    from iphr_desk.core.store.repository.values import CaseSummary, LetterSummary


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    imp = sub.add_parser("import", help="store letter files; prints each new letter id")
    imp.add_argument("files", nargs="+", type=Path, metavar="LETTER.md")
    imp.set_defaults(handler=cmd_import)
    lst = sub.add_parser("list", help="list stored letters, cases or a letter's revisions, one line each")
    lst.add_argument("what", choices=("letters", "cases", "revisions"))
    lst.add_argument("--id", type=int, metavar="N", dest="letter_id", help="for revisions: the letter")
    lst.set_defaults(handler=cmd_list, check=check_list)


def cmd_import(args: argparse.Namespace) -> int:
    """Parse every file first and store them in one transaction: one bad file stores none of them."""
    from iphr_desk.core.letters.letterfile import parse_letter_files

    letters = parse_letter_files(args.files)
    from iphr_desk.core.store.repository import letters as letter_repo

    store = open_store(args)
    try:
        for letter_id in letter_repo.add_letters(store, letters, author=IMPORT_AUTHOR, reason="imported"):
            print(letter_id)
    finally:
        close(store)
    return EXIT_OK


LETTER_HEADER: Final = ("id", "date", "language", "status", "recipient", "subject")
CASE_HEADER: Final = ("reference", "country", "status", "people", "letters", "title")
REVISION_HEADER: Final = ("id", "date", "author", "status", "reason", "flagged")


def check_list(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    if args.what == "revisions" and args.letter_id is None:
        parser.error("list revisions needs --id N (the letter)")
    if args.what != "revisions" and args.letter_id is not None:
        parser.error(f"--id is for `list revisions`, not `list {args.what}`")


def cmd_list(args: argparse.Namespace) -> int:
    import sys

    from iphr_desk.core.store.repository import cases as case_repo
    from iphr_desk.core.store.repository import letter_lists

    header = sys.stdout.isatty()
    store = open_store(args, create=False)
    try:
        if args.what == "letters":
            if header:
                print("\t".join(LETTER_HEADER))
            for letter in letter_lists.letter_summaries(store, sort="updated", descending=True):
                print(format_letter_line(letter))
        elif args.what == "cases":
            if header:
                print("\t".join(CASE_HEADER))
            for case in case_repo.case_summaries(store, sort="reference"):
                print(format_case_line(case))
        else:
            lines = revision_lines(store, args.letter_id)
            if header:
                print("\t".join(REVISION_HEADER))
            for line in lines:
                print(line)
    finally:
        close(store)
    return EXIT_OK


def revision_lines(store: Store, letter_id: int) -> list[str]:
    """`id  date  author  status  reason  flagged`, newest first (the ids `show --revision` takes)."""
    from iphr_desk.cli.history_cmd import local_time
    from iphr_desk.core.store.repository import letters as letter_repo
    from iphr_desk.core.store.repository import revisions as revision_repo

    letter_repo.get_letter_info(store, letter_id)  # an unknown id is bad input, not an empty list
    lines = []
    for info in revision_repo.list_revisions(store, letter_id):
        flagged = revision_repo.get_revision_record(store, info.id).flagged
        parts = (str(info.id), local_time(info.created_at), info.author, info.status, info.reason,
                 "flagged" if flagged else "")  # fmt: skip
        lines.append("\t".join(one_line(p) for p in parts))
    return lines


def format_letter_line(row: LetterSummary) -> str:
    """`id  date  language  status  recipient  subject`, tab-separated for `cut` and spreadsheets."""
    parts = (str(row.id), row.date.isoformat(), row.language, row.status, row.recipient, row.subject)
    return "\t".join(one_line(p) for p in parts)


def format_case_line(row: CaseSummary) -> str:
    """`reference  country  status  people  letters  title`, tab-separated."""
    parts = (row.reference, row.country, row.status, str(row.people_count), str(row.letter_count), row.title)
    return "\t".join(one_line(p) for p in parts)
