"""Commands on the store as a whole: demo data, letterheads, backups, encryption and developer tools."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from iphr_desk.cli.common import (
    EXIT_OK,
    Progress,
    ask_passphrase,
    close,
    count,
    data_dir,
    open_store,
    say,
)
from iphr_desk.core.paths import PASSPHRASE_ENV

if TYPE_CHECKING:
    import argparse


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    sub.add_parser(
        "demo", help="load the demo cases and letters (running it twice changes nothing)"
    ).set_defaults(handler=cmd_demo)
    head = sub.add_parser("letterhead", help="manage letterheads")
    actions = head.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="register an organisation's own Word letterhead")
    add.add_argument("name", metavar="NAME")
    add.add_argument("file", type=Path, metavar="FILE.docx")
    head.set_defaults(handler=cmd_letterhead)
    backup = sub.add_parser("backup", help="list, create or restore backups of the store")
    backup.add_argument("action", choices=("list", "create", "restore"))
    backup.add_argument(
        "backup_id",
        nargs="?",
        metavar="ID",
        help="for restore: the backup's id from `backup list` (default: the newest)",
    )
    backup.set_defaults(handler=cmd_backup)
    sub.add_parser(
        "encrypt", help=f"encrypt the store with a passphrase (from ${PASSPHRASE_ENV} or a prompt)"
    ).set_defaults(handler=cmd_encrypt)
    dev = sub.add_parser("dev", help="developer tools")
    tools = dev.add_subparsers(dest="tool", metavar="TOOL", required=True)
    gen = tools.add_parser("generate", help="fill the store with a synthetic corpus for benchmarks")
    gen.add_argument("--cases", type=count, default=0, metavar="N")
    gen.add_argument("--letters", type=count, default=0, metavar="M")
    gen.add_argument("--seed", type=int, default=1, metavar="S")
    dev.set_defaults(handler=cmd_dev)


def cmd_demo(args: argparse.Namespace) -> int:
    from iphr_desk.core.demo import load_demo

    store = open_store(args)
    try:
        result = load_demo(store)
    finally:
        close(store)
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
        close(store)
    removed = f" (removed: {prepared.removed})" if prepared.removed else ""
    print(f"letterhead '{args.name}' registered: {path}{removed}")
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    from iphr_desk.core.store import backup

    folder = data_dir(args)
    if args.action == "list":
        if sys.stdout.isatty():
            print("id\tmade\treason\tsize\tpath")
        for info in backup.list_backups(folder):
            print(f"{info.id}\t{info.label}\t{info.reason}\t{_size(info.size)}\t{info.path}")
        return EXIT_OK
    if args.action == "create":
        store = open_store(args, create=False)
        try:
            print(backup.create_backup(store, reason="manual"))
        finally:
            close(store)
        return EXIT_OK
    chosen = backup.find_backup(folder, args.backup_id)
    aside = backup.restore_backup(folder, chosen.id)
    print(f"restored backup {chosen.id} (made {chosen.label}); the database it replaced was kept as {aside}")
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
        say(note)
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
        close(store)
    print(result.summary())
    return EXIT_OK


def _corpus_generator() -> Callable[..., Any]:
    """The benchmark corpus generator, from the source checkout's tools/ (it is not shipped in the app)."""
    import importlib

    from iphr_desk.core.errors import BadInput

    checkout = Path(__file__).resolve().parent.parent.parent
    if not (checkout / "tools" / "corpus.py").is_file():
        raise BadInput("`dev generate` is a developer command: it needs a source checkout of IPHR Desk.")
    if str(checkout) not in sys.path:
        sys.path.insert(0, str(checkout))
    module = importlib.import_module("tools.corpus")
    generate: Callable[..., Any] = module.generate_corpus
    return generate
