"""`iphr-desk package export|import`: letters with their whole history between offline machines.

The passphrase comes from IPHR_DESK_PACKAGE_PASSPHRASE or a no-echo prompt (asked twice on export, so a
typo does not lock the package); without either, the command refuses instead of waiting for input.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from iphr_desk.cli.common import EXIT_OK, IMPORT_AUTHOR, ask_passphrase, close, open_store, say
from iphr_desk.core.paths import PACKAGE_PASSPHRASE_ENV

if TYPE_CHECKING:
    import argparse


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    pkg = sub.add_parser("package", help="exchange letters with another machine in an encrypted package")
    actions = pkg.add_subparsers(dest="action", metavar="ACTION", required=True)
    exp = actions.add_parser("export", help="write letters with their history to FILE.iphrpkg")
    exp.add_argument(
        "--id",
        type=int,
        action="append",
        required=True,
        metavar="N",
        dest="letter_ids",
        help="a letter (repeat)",
    )
    exp.add_argument("--with-cases", action="store_true", help="add the letters' cases, people and events")
    exp.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.iphrpkg")
    exp.set_defaults(handler=cmd_package_export)
    imp = actions.add_parser("import", help="merge a package into the store")
    imp.add_argument("file", type=Path, metavar="FILE.iphrpkg")
    imp.set_defaults(handler=cmd_package_import)


def package_passphrase(*, confirm: bool) -> str:
    from iphr_desk.core.errors import BadInput

    given = os.environ.get(PACKAGE_PASSPHRASE_ENV)
    if given:
        return given
    if not sys.stdin.isatty():
        raise BadInput(
            f"no package passphrase: set {PACKAGE_PASSPHRASE_ENV} or run the command in a terminal"
        )
    passphrase = ask_passphrase("Package passphrase: ")
    if confirm and ask_passphrase("The same passphrase again: ") != passphrase:
        raise BadInput("the two passphrases differ; nothing was written")
    if not passphrase:
        raise BadInput("an empty passphrase protects nothing; nothing was written")
    return passphrase


def cmd_package_export(args: argparse.Namespace) -> int:
    from iphr_desk.core.exchange.package import SUFFIX, export_package
    from iphr_desk.core.safewrite import check_output_path

    output: Path = args.output
    if output.suffix == "":
        output = output.with_suffix(SUFFIX)
    check_output_path(output, f"letters{SUFFIX}")  # before asking for a passphrase
    passphrase = package_passphrase(confirm=True)
    store = open_store(args, create=False)
    try:
        count = export_package(
            store, args.letter_ids, output, passphrase, with_cases=args.with_cases, author=IMPORT_AUTHOR
        )
    finally:
        close(store)
    print(output)
    say(f"{count} letter(s) written to the package; give the passphrase to its recipient separately")
    return EXIT_OK


def cmd_package_import(args: argparse.Namespace) -> int:
    """The whole package is decrypted and checked before the store is opened for writing."""
    from iphr_desk.core.exchange.package import read_package
    from iphr_desk.core.exchange.package_merge import merge_manifest

    passphrase = package_passphrase(confirm=False)
    manifest = read_package(args.file, passphrase)
    store = open_store(args)
    try:
        report = merge_manifest(store, manifest, author=IMPORT_AUTHOR)
    finally:
        close(store)
    for outcome in report.letters:
        mark = (
            "added"
            if outcome.added
            else "flagged"
            if outcome.concurrent
            else "updated"
            if outcome.changed
            else "same"
        )
        print(f"{outcome.letter_id}\t{mark}\t{outcome.status}")
    say(report.summary())
    return EXIT_OK
