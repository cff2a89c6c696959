"""`iphr-desk export`: a letter file or a stored letter to .docx, .pdf or .html, one file or a batch."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from iphr_desk.cli.common import EXIT_OK, Progress, close, data_dir, either, open_store, say

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable

    from iphr_desk.core.export.docx.review_marks import ReviewMarks
    from iphr_desk.core.letters.letter import Letter


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    exp = sub.add_parser(
        "export",
        help="export a letter file or a stored letter to .docx or .pdf",
        description="OUT ending in .docx or .pdf writes one file; an existing folder or a path ending "
        "in '/' writes one file per recipient.",
    )
    exp.add_argument("letter", nargs="?", type=Path, metavar="LETTER.md", help="a letter file")
    exp.add_argument("--id", type=int, metavar="N", help="a stored letter instead of a file")
    exp.add_argument("-o", "--output", required=True, metavar="OUT", help="OUT.docx, OUT.pdf or OUT_DIR/")
    exp.add_argument("--letterhead", metavar="NAME", help="a registered letterhead (default: the letter's)")
    exp.add_argument("--combined", action="store_true", help="a batch as one document with page breaks")
    exp.add_argument("--pdf", action="store_true", help="write PDF (through LibreOffice)")
    exp.add_argument(
        "--comments",
        action="store_true",
        help="with --id: write the letter's open comments into the .docx as Word comments",
    )
    exp.set_defaults(handler=cmd_export, check=check_export_args)


def check_export_args(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    if (args.letter is None) == (args.id is None):
        parser.error("export needs either a letter file or --id N (one of them)")
    if args.comments and args.id is None:
        parser.error("--comments needs --id N: a letter file has no comments")


def cmd_export(args: argparse.Namespace) -> int:
    from iphr_desk.core.errors import OutputPathError

    letter, marks_of = _load_letter_for_export(args)
    out = Path(args.output)
    # A name ending in a format's suffix always means a file: if a folder has that name, the exporter says so.
    from iphr_desk.core.export import formats

    to_folder = args.output.endswith(("/", os.sep)) or (
        out.is_dir() and out.suffix.lower() not in formats.suffixes()
    )
    if letter.batch and not to_folder and not args.combined:
        raise OutputPathError(
            f"{out}: this letter has several recipients; give a folder (OUT_DIR/) or add --combined"
        )
    if not to_folder:
        out = _output_file(out, args.pdf)
        if letter.batch and out.suffix.lower() not in (".docx", ".pdf"):
            raise OutputPathError(f"{out}: a combined letter is written as .docx or .pdf, not {out.suffix}")
    _remove_stale_temporaries(out if to_folder else out.parent)
    from iphr_desk.core.export import docx_export
    from iphr_desk.core.export.letterhead import load_letterhead

    folder = data_dir(args)
    head = load_letterhead(args.letterhead or letter.letterhead, folder)
    warnings: list[str] = []
    # A stored letter's .docx names the letter and the stored revision it shows (review round trips).
    marks = (
        marks_of() if marks_of is not None and not args.pdf and out.suffix.lower() in ("", ".docx") else None
    )
    if to_folder or letter.batch:
        written = docx_export.export_batch(
            letter,
            out,
            combined=args.combined,
            progress=Progress(sys.stderr),
            letterhead=head,
            pdf=args.pdf,
            warnings=warnings,
            marks=marks,
        )
    elif marks is not None and out.suffix.lower() == ".docx":
        written = [docx_export.export_letter(letter, out, letterhead=head, warnings=warnings, marks=marks)]
    else:
        export_format = formats.for_suffix(out.suffix)
        assert export_format is not None  # _output_file accepted only registered suffixes
        written = [export_format.write(letter, out, head, warnings)]
    for warning in warnings:
        say(f"warning: {warning}")
    for path in written:
        print(path)
    return EXIT_OK


def _output_file(out: Path, pdf: bool) -> Path:
    """OUT.docx or OUT.pdf; a name without a suffix gets the one the format asks for.

    A name with another extension (`letter.txt`, `letter.odt`) is refused rather than becoming
    `letter.txt.docx`, which the user would not find; a dot inside a name (`v1.2`, `Mr. Smith`) is
    not an extension. An existing device or pipe (`/dev/full`) is refused, not written beside.
    """
    import re

    from iphr_desk.core.errors import OutputPathError
    from iphr_desk.core.safewrite import check_not_special

    check_not_special(out)
    from iphr_desk.core.export import formats

    suffix = out.suffix.lower()
    known = formats.suffixes()
    if suffix not in known:
        if re.fullmatch(r"\.(?=[0-9]*[a-z])[a-z0-9]{1,10}", suffix):
            wanted = "OUT.pdf" if pdf else either([f"OUT{known_suffix}" for known_suffix in known])
            raise OutputPathError(
                f"{out}: an export is written as {either(known)}, not {out.suffix}; give {wanted} "
                "(or a folder, OUT_DIR/)"
            )
        return out.with_name(out.name + (".pdf" if pdf else ".docx"))
    if pdf and suffix != ".pdf":
        raise OutputPathError(f"{out}: --pdf asks for a PDF but the name ends in {out.suffix}; use OUT.pdf")
    return out


def _remove_stale_temporaries(folder: Path) -> None:
    """Clear what a killed export left in `folder` (it holds a whole letter) and say so, once."""
    from iphr_desk.core.safewrite import remove_stale_temporaries

    removed = remove_stale_temporaries(folder)
    if removed:
        files = "a temporary file" if len(removed) == 1 else f"{len(removed)} temporary files"
        say(f"notice: removed {files} left in {folder} by an export that was killed ({removed[0].name})")


#: SQLite's integer range: a larger id cannot name a letter (and would not even reach the query).
_SQLITE_INT = range(-(2**63), 2**63)


def _load_letter_for_export(args: argparse.Namespace) -> tuple[Letter, Callable[[], ReviewMarks] | None]:
    """The letter, and for a stored one what makes its .docx's provenance (and comments, asked).

    The provenance is made only for a .docx (it may add a revision: the text exported must be a
    stored revision), after the output was checked, and reads the store again then.
    """
    if args.letter is not None:
        from iphr_desk.core.letters.letterfile import parse_letter_file

        return parse_letter_file(args.letter), None
    from iphr_desk.core.store.repository import letters as letter_repo

    if args.id not in _SQLITE_INT:
        from iphr_desk.core.errors import BadInput

        raise BadInput(f"There is no letter with id {args.id}.")

    store = open_store(args, create=False)
    try:
        letter = letter_repo.get_letter(store, args.id)
    finally:
        close(store)

    def marks() -> ReviewMarks:
        from iphr_desk.cli.common import IMPORT_AUTHOR
        from iphr_desk.core.exchange.review_import import review_marks

        again = open_store(args, create=False)
        try:
            return review_marks(again, args.id, with_comments=args.comments, author=IMPORT_AUTHOR)
        finally:
            close(again)

    return letter, marks
