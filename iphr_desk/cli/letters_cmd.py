"""`iphr-desk import` and `iphr-desk list`: letter files into the store, and the store's lists."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from iphr_desk.cli.common import EXIT_OK, IMPORT_AUTHOR, close, one_line, open_store

if TYPE_CHECKING:
    import argparse

    from iphr_desk.core.store.repository.values import CaseSummary, LetterSummary


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    imp = sub.add_parser("import", help="store letter files; prints each new letter id")
    imp.add_argument("files", nargs="+", type=Path, metavar="LETTER.md")
    imp.set_defaults(handler=cmd_import)
    lst = sub.add_parser("list", help="list stored letters or cases, one line each")
    lst.add_argument("what", choices=("letters", "cases"))
    lst.set_defaults(handler=cmd_list)


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


def cmd_list(args: argparse.Namespace) -> int:
    from iphr_desk.core.store.repository import cases as case_repo
    from iphr_desk.core.store.repository import letter_lists

    store = open_store(args, create=False)
    try:
        if args.what == "letters":
            for letter in letter_lists.letter_summaries(store, sort="updated", descending=True):
                print(format_letter_line(letter))
        else:
            for case in case_repo.case_summaries(store, sort="reference"):
                print(format_case_line(case))
    finally:
        close(store)
    return EXIT_OK


def format_letter_line(row: LetterSummary) -> str:
    """`id  date  language  status  recipient  subject`, tab-separated for `cut` and spreadsheets."""
    parts = (str(row.id), row.date.isoformat(), row.language, row.status, row.recipient, row.subject)
    return "\t".join(one_line(p) for p in parts)


def format_case_line(row: CaseSummary) -> str:
    """`reference  country  status  people  letters  title`, tab-separated."""
    parts = (row.reference, row.country, row.status, str(row.people_count), str(row.letter_count), row.title)
    return "\t".join(one_line(p) for p in parts)
