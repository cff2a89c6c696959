"""The `iphr-desk` command (docs/cli.md): argparse sub-commands over the Qt-free core.

Why it looks the way it does:
- Every sub-command imports what it needs inside its own function, so `iphr-desk --version` and the
  GUI's first paint never pay for SQLAlchemy, python-docx or babel, and Qt is imported only for `gui`.
  The plain GUI launch (`iphr-desk`, `iphr-desk gui`, with `--data-dir DIR`) does not even build the
  argparse parser (about 10 ms of the start-up the benchmarks measure); every other command line does.
- Errors the user can act on are `IphrError`s: one line on stderr, exit 2 for bad input, 1 otherwise.
  Anything else is a bug: one line with a hint, the traceback only with IPHR_DESK_DEBUG=1.
- The passphrase of an encrypted store comes from IPHR_DESK_PASSPHRASE or a no-echo prompt; it is
  never printed, logged or kept beyond opening the store.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from iphr_desk import __version__
from iphr_desk.core.paths import DATA_DIR_ENV, PASSPHRASE_ENV

if TYPE_CHECKING:
    import argparse

    from iphr_desk.core.letters.letter import Letter
    from iphr_desk.core.store.database import Store
    from iphr_desk.core.store.repository.values import CaseSummary, LetterSummary

DEBUG_ENV = "IPHR_DESK_DEBUG"
IMPORT_AUTHOR = "command line"
EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT, EXIT_INTERRUPTED = 0, 1, 2, 130

Handler = Callable[["argparse.Namespace"], int]


# --------------------------------------------------------------------------- parser


def build_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(prog="iphr-desk", description="Cases and advocacy letters, offline.")
    parser.add_argument("--version", action="version", version=f"iphr-desk {__version__}")
    parser.add_argument(
        "--data-dir", metavar="DIR", help=f"the data folder (default: ${DATA_DIR_ENV}, else the platform's)"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    gui = sub.add_parser("gui", help="open the desktop app (the default)")
    gui.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS, help="the data folder")
    _add_export(sub)
    imp = sub.add_parser("import", help="store letter files; prints each new letter id")
    imp.add_argument("files", nargs="+", type=Path, metavar="LETTER.md")
    lst = sub.add_parser("list", help="list stored letters or cases, one line each")
    lst.add_argument("what", choices=("letters", "cases"))
    sub.add_parser("demo", help="load the demo cases and letters (running it twice changes nothing)")
    _add_letterhead(sub)
    _add_backup(sub)
    sub.add_parser(
        "encrypt", help=f"encrypt the store with a passphrase (from ${PASSPHRASE_ENV} or a prompt)"
    )
    _add_dev(sub)
    return parser


def _add_export(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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


def _add_letterhead(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    head = sub.add_parser("letterhead", help="manage letterheads")
    actions = head.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="register an organisation's own Word letterhead")
    add.add_argument("name", metavar="NAME")
    add.add_argument("file", type=Path, metavar="FILE.docx")


def _add_backup(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    backup = sub.add_parser("backup", help="list, create or restore backups of the store")
    backup.add_argument("action", choices=("list", "create", "restore"))
    backup.add_argument("number", nargs="?", type=int, metavar="N", help="for restore: the backup number")


def _add_dev(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    dev = sub.add_parser("dev", help="developer tools")
    tools = dev.add_subparsers(dest="tool", metavar="TOOL", required=True)
    gen = tools.add_parser("generate", help="fill the store with a synthetic corpus for benchmarks")
    gen.add_argument("--cases", type=_count, default=0, metavar="N")
    gen.add_argument("--letters", type=_count, default=0, metavar="M")
    gen.add_argument("--seed", type=int, default=1, metavar="S")


def _count(text: str) -> int:
    import argparse

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"'{text}' is negative")
    return value


# --------------------------------------------------------------------------- entry points


def main(argv: Sequence[str] | None = None) -> int:
    plain_gui, given = _plain_gui_launch(sys.argv[1:] if argv is None else argv)
    if plain_gui:
        from iphr_desk.gui.app import run_gui

        return run_gui(given or os.environ.get(DATA_DIR_ENV) or None)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command in (None, "gui"):
        from iphr_desk.gui.app import run_gui

        return run_gui(args.data_dir or os.environ.get(DATA_DIR_ENV) or None)
    if args.command == "export" and (args.letter is None) == (args.id is None):
        parser.error("export needs either a letter file or --id N (one of them)")
    return run_command(COMMANDS[args.command], args)


def _plain_gui_launch(argv: Sequence[str]) -> tuple[bool, str | None]:
    """(True, the --data-dir given or None) for the command lines that only open the GUI, as the parser
    reads them: nothing, `gui`, and `--data-dir DIR` / `--data-dir=DIR` before or after it (the last one
    wins). (False, None) for anything else, which the parser handles (help, a typo, an abbreviation).
    """
    given: str | None = None
    seen_gui = False
    index = 0
    while index < len(argv):
        arg = argv[index]
        if arg == "gui" and not seen_gui:
            seen_gui = True
        elif arg == "--data-dir" and index + 1 < len(argv) and not argv[index + 1].startswith("-"):
            index += 1
            given = argv[index]
        elif arg.startswith("--data-dir="):
            given = arg.removeprefix("--data-dir=")
        else:
            return False, None
        index += 1
    return True, given


def gui_main() -> int:
    """The windowed launcher (`iphr-desk-gui`): the same command, whose default is the GUI."""
    return main(sys.argv[1:])


def run_command(handler: Handler, args: argparse.Namespace) -> int:
    """Run one sub-command, turning every failure into one line on stderr and an exit status."""
    from iphr_desk.core.errors import IphrError

    try:
        return handler(args)
    except IphrError as exc:
        _say(str(exc))
        return exc.exit_code
    except KeyboardInterrupt:
        _say("interrupted; nothing was changed")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_OK  # `iphr-desk list letters | head` closed its end: not an error
    except Exception as exc:
        if os.environ.get(DEBUG_ENV):
            raise
        _say(f"unexpected error ({type(exc).__name__}: {exc}); set {DEBUG_ENV}=1 to see the details")
        return EXIT_FAILED


def _say(message: str) -> None:
    """One line on stderr, whatever the message holds."""
    line = " ".join(message.split("\n"))
    print(f"iphr-desk: {line}", file=sys.stderr)


# --------------------------------------------------------------------------- shared helpers


def data_dir(args: argparse.Namespace) -> Path:
    """--data-dir, else $IPHR_DESK_DATA_DIR, else the platform's user data folder."""
    from iphr_desk.core.paths import resolve_data_dir

    return resolve_data_dir(args.data_dir)


def open_store(args: argparse.Namespace, *, create: bool = True) -> Store:
    """Open the store; an encrypted one gets its passphrase from the environment or a prompt.

    Commands that only read (`list`, `export --id`, `backup create`) pass `create=False`: asking about a
    folder that holds no store says so instead of leaving a new, empty store there. Whatever the opening
    put right (an interrupted command finished or undone) is told on stderr, one line each.
    """
    from iphr_desk.core.errors import PassphraseError
    from iphr_desk.core.store.database import Store

    folder = data_dir(args)
    passphrase = os.environ.get(PASSPHRASE_ENV) or None
    try:
        store = Store.open(folder, passphrase=passphrase, create=create)
    except PassphraseError as exc:
        if passphrase is not None:
            raise
        if not sys.stdin.isatty():
            raise PassphraseError(f"{exc} Set {PASSPHRASE_ENV}, or run the command in a terminal.") from None
        store = Store.open(
            folder, passphrase=ask_passphrase("Passphrase for the encrypted store: "), create=create
        )
    for notice in store.notices:
        _say(notice)
    return store


def ask_passphrase(prompt: str) -> str:
    """A passphrase typed at the terminal, never echoed."""
    import getpass

    return getpass.getpass(prompt)


def _close(store: Store) -> None:
    store.close()


# --------------------------------------------------------------------------- commands


def cmd_export(args: argparse.Namespace) -> int:
    from iphr_desk.core.errors import OutputPathError

    letter = _load_letter_for_export(args)
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
    if to_folder or letter.batch:
        written = docx_export.export_batch(
            letter,
            out,
            combined=args.combined,
            progress=Progress(sys.stderr),
            letterhead=head,
            pdf=args.pdf,
            warnings=warnings,
        )
    else:
        export_format = formats.for_suffix(out.suffix)
        assert export_format is not None  # _output_file accepted only registered suffixes
        written = [export_format.write(letter, out, head, warnings)]
    for warning in warnings:
        _say(f"warning: {warning}")
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
            wanted = "OUT.pdf" if pdf else _either([f"OUT{known_suffix}" for known_suffix in known])
            raise OutputPathError(
                f"{out}: an export is written as {_either(known)}, not {out.suffix}; give {wanted} "
                "(or a folder, OUT_DIR/)"
            )
        return out.with_name(out.name + (".pdf" if pdf else ".docx"))
    if pdf and suffix != ".pdf":
        raise OutputPathError(f"{out}: --pdf asks for a PDF but the name ends in {out.suffix}; use OUT.pdf")
    return out


def _either(items: list[str]) -> str:
    """`a`, `a or b`, `a, b or c`."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def _remove_stale_temporaries(folder: Path) -> None:
    """Clear what a killed export left in `folder` (it holds a whole letter) and say so, once."""
    from iphr_desk.core.safewrite import remove_stale_temporaries

    removed = remove_stale_temporaries(folder)
    if removed:
        files = "a temporary file" if len(removed) == 1 else f"{len(removed)} temporary files"
        _say(f"notice: removed {files} left in {folder} by an export that was killed ({removed[0].name})")


#: SQLite's integer range: a larger id cannot name a letter (and would not even reach the query).
_SQLITE_INT = range(-(2**63), 2**63)


def _load_letter_for_export(args: argparse.Namespace) -> Letter:
    if args.letter is not None:
        from iphr_desk.core.letters.letterfile import parse_letter_file

        return parse_letter_file(args.letter)
    from iphr_desk.core.store.repository import letters as letter_repo

    if args.id not in _SQLITE_INT:
        from iphr_desk.core.errors import BadInput

        raise BadInput(f"There is no letter with id {args.id}.")

    store = open_store(args, create=False)
    try:
        return letter_repo.get_letter(store, args.id)
    finally:
        _close(store)


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
        _close(store)
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
        _close(store)
    return EXIT_OK


def format_letter_line(row: LetterSummary) -> str:
    """`id  date  language  status  recipient  subject`, tab-separated for `cut` and spreadsheets."""
    parts = (str(row.id), row.date.isoformat(), row.language, row.status, row.recipient, row.subject)
    return "\t".join(_one_line(p) for p in parts)


def format_case_line(row: CaseSummary) -> str:
    """`reference  country  status  people  letters  title`, tab-separated."""
    parts = (row.reference, row.country, row.status, str(row.people_count), str(row.letter_count), row.title)
    return "\t".join(_one_line(p) for p in parts)


def _one_line(text: str) -> str:
    """One cell of a row: whitespace collapsed, and controls (ESC, bidi overrides such as U+202E)
    shown as `\u202e`, so that a subject cannot rewrite or disguise what the terminal shows."""
    from iphr_desk.core.textclean import escape_for_terminal

    return escape_for_terminal(" ".join(text.split()))


def cmd_demo(args: argparse.Namespace) -> int:
    from iphr_desk.core.demo import load_demo

    store = open_store(args)
    try:
        result = load_demo(store)
    finally:
        _close(store)
    print(result.summary())
    return EXIT_OK


def cmd_letterhead(args: argparse.Namespace) -> int:
    """Keep the template in the data folder (the exporter reads it there) and list it in the store."""
    from iphr_desk.core.export.letterhead import install_letterhead, load_letterhead, prepare_letterhead
    from iphr_desk.core.store.repository import letterheads as letterhead_repo

    prepared = prepare_letterhead(args.name, args.file)  # every check, before anything is created
    folder = data_dir(args)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    store = open_store(args)  # a wrong passphrase must not leave letterhead files behind either
    try:
        path = install_letterhead(folder, prepared)
        head = load_letterhead(args.name, folder)
        letterhead_repo.add_letterhead_record(
            store,
            args.name,
            organisation=head.organisation.name,
            address_lines=head.organisation.address_lines,
            website=head.organisation.website,
            house_style=dict(head.house_style),
            template_path=str(path),
        )
    finally:
        _close(store)
    removed = f" (removed: {prepared.removed})" if prepared.removed else ""
    print(f"letterhead '{args.name}' registered: {path}{removed}")
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    from iphr_desk.core.store import backup

    folder = data_dir(args)
    if args.action == "list":
        for info in backup.list_backups(folder):
            print(f"{info.number}\t{info.label}\t{info.reason}\t{_size(info.size)}\t{info.path}")
        return EXIT_OK
    if args.action == "create":
        store = open_store(args, create=False)
        try:
            print(backup.create_backup(store, reason="manual"))
        finally:
            _close(store)
        return EXIT_OK
    number = 1 if args.number is None else args.number
    aside = backup.restore_backup(folder, number)
    print(f"restored backup {number}; the database it replaced was kept as {aside}")
    return EXIT_OK


def _size(size: int) -> str:
    return f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / (1024 * 1024):.1f} MB"


def cmd_encrypt(args: argparse.Namespace) -> int:
    from iphr_desk.core.errors import PassphraseError
    from iphr_desk.core.store import crypto

    passphrase = os.environ.get(PASSPHRASE_ENV)
    if not passphrase:
        if not sys.stdin.isatty():
            raise PassphraseError(f"no passphrase: set {PASSPHRASE_ENV} or run the command in a terminal")
        passphrase = ask_passphrase("New passphrase: ")
        if ask_passphrase("The same passphrase again: ") != passphrase:
            raise PassphraseError("the two passphrases differ; nothing was changed")
    if not passphrase:
        raise PassphraseError("an empty passphrase protects nothing; nothing was changed")
    crypto.encrypt_store(data_dir(args), passphrase)
    for note in crypto.encrypt_notes():
        _say(note)
    print("the store is now encrypted; keep the passphrase safe: without it the data cannot be read")
    return EXIT_OK


def cmd_dev(args: argparse.Namespace) -> int:
    generate_corpus = _corpus_generator()
    store = open_store(args)
    try:
        result = generate_corpus(
            store, cases=args.cases, letters=args.letters, seed=args.seed, progress=Progress(sys.stderr)
        )
    finally:
        _close(store)
    print(result.summary())
    return EXIT_OK


def _corpus_generator() -> Callable[..., Any]:
    """The benchmark corpus generator, from the source checkout's tools/ (it is not shipped in the app)."""
    import importlib

    from iphr_desk.core.errors import BadInput

    checkout = Path(__file__).resolve().parent.parent
    if not (checkout / "tools" / "corpus.py").is_file():
        raise BadInput("`dev generate` is a developer command: it needs a source checkout of IPHR Desk.")
    if str(checkout) not in sys.path:
        sys.path.insert(0, str(checkout))
    module = importlib.import_module("tools.corpus")
    generate: Callable[..., Any] = module.generate_corpus
    return generate


COMMANDS: dict[str, Handler] = {
    "export": cmd_export,
    "import": cmd_import,
    "list": cmd_list,
    "demo": cmd_demo,
    "letterhead": cmd_letterhead,
    "backup": cmd_backup,
    "encrypt": cmd_encrypt,
    "dev": cmd_dev,
}


# --------------------------------------------------------------------------- progress


class Progress:
    """A progress callback: a redrawn bar on a terminal, one plain line per step otherwise."""

    WIDTH = 30

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.tty = stream.isatty()

    def __call__(self, done: int, total: int, label: object = None) -> bool:
        if self.tty:
            filled = self.WIDTH * done // total if total else self.WIDTH
            bar = "#" * filled + "-" * (self.WIDTH - filled)
            end = "\n" if done >= total else ""
            self.stream.write(f"\r[{bar}] {done}/{total}{end}")
        else:
            suffix = f" {label}" if label is not None else ""
            self.stream.write(f"{done}/{total}{suffix}\n")
        self.stream.flush()
        return True  # never cancels: the command line has no cancel button (Ctrl+C interrupts)
