"""A stored letter's text, history and workflow from the command line: `show`, `update`, `comments`,
`status` (and `list revisions`, in letters_cmd).

`show` prints the letter file exactly as the store keeps revisions (letterfile.write_letter_text), so
`show --id N > l.md`, an edit and `update --id N l.md` is a round trip. `show --with-identity` adds one
YAML comment line naming the letter and the revision it was taken from; `update` reads that line (any
letter file may carry it; the parser ignores comments) and refuses a file that names another letter.
The workflow follows the window's rules: the store's `change_status` and `vocabularies.TRANSITIONS`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Final

from iphr_desk.cli.common import EXIT_OK, IMPORT_AUTHOR, close, either, one_line, open_store, say
from iphr_desk.core.vocabularies import LETTER_STATUSES

if TYPE_CHECKING:
    import argparse
    import datetime as dt

    from iphr_desk.core.store.database import Store
    from iphr_desk.core.store.repository.comments import CommentRecord

#: `# iphr-desk letter <uuid> revision <uuid>`: the identity line `show --with-identity` writes.
IDENTITY_RE: Final = re.compile(
    r"^#\s*iphr-desk\s+letter\s+([0-9a-fA-F-]{36})(?:\s+revision\s+([0-9a-fA-F-]{36}))?\s*$", re.MULTILINE
)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    show = sub.add_parser("show", help="print a stored letter as a letter file (now, or as it was)")
    show.add_argument("--id", type=int, required=True, metavar="N", dest="letter_id")
    which = show.add_mutually_exclusive_group()
    which.add_argument("--revision", type=int, metavar="R", help="one revision (ids from `list revisions`)")
    which.add_argument("--all-revisions", action="store_true", help="every revision, newest first")
    show.add_argument(
        "--with-identity", action="store_true", help="add a comment line naming the letter, for `update`"
    )
    show.set_defaults(handler=cmd_show)
    upd = sub.add_parser("update", help="store a letter file as a new revision of letter N")
    upd.add_argument("--id", type=int, required=True, metavar="N", dest="letter_id")
    upd.add_argument("file", type=Path, metavar="FILE.md")
    upd.set_defaults(handler=cmd_update)
    com = sub.add_parser("comments", help="a letter's review comments, one a line")
    com.add_argument("--id", type=int, required=True, metavar="N", dest="letter_id")
    com.set_defaults(handler=cmd_comments)
    status = sub.add_parser("status", help="move a letter through the review workflow")
    status.add_argument("--id", type=int, required=True, metavar="N", dest="letter_id")
    status.add_argument("status", choices=LETTER_STATUSES, metavar="STATUS", help=" | ".join(LETTER_STATUSES))
    status.add_argument("--reason", metavar="TEXT", help="why (a request for changes also becomes a comment)")
    status.set_defaults(handler=cmd_status)


def local_time(moment: dt.datetime) -> str:
    """A stored time as the reader's local time with its offset: unambiguous and sortable."""
    return moment.astimezone().isoformat(timespec="seconds")


def cmd_show(args: argparse.Namespace) -> int:
    import sys

    from iphr_desk.core.store.repository import letters as letter_repo
    from iphr_desk.core.store.repository import revisions as revision_repo
    from iphr_desk.core.store.repository._common import letter_text

    store = open_store(args, create=False)
    try:
        info = letter_repo.get_letter_info(store, args.letter_id)
        if args.all_revisions:
            revisions = revision_repo.list_revisions(store, args.letter_id)
            for i, revision in enumerate(revisions):
                header = " · ".join(
                    one_line(p) for p in (f"revision {revision.id}", local_time(revision.created_at),
                                          revision.author, revision.reason)
                )  # fmt: skip
                separator = "\n" if i else ""
                sys.stdout.write(f"{separator}==> {header} <==\n")
                sys.stdout.write(revision_repo.get_revision_text(store, revision.id))
            return EXIT_OK
        if args.revision is not None:
            _revision_of(store, args.letter_id, args.revision)
            text = revision_repo.get_revision_text(store, args.revision)
            revision_uuid = revision_repo.get_revision_record(store, args.revision).uuid
        else:
            text = letter_text(info.letter)
            latest = revision_repo.latest_revision(store, args.letter_id)
            revision_uuid = latest.uuid if latest is not None and latest.text == text else ""
        if args.with_identity:
            identity = f"# iphr-desk letter {info.uuid}" + (
                f" revision {revision_uuid}" if revision_uuid else ""
            )
            text = text.replace("---\n", f"---\n{identity}\n", 1)
        sys.stdout.write(text)
    finally:
        close(store)
    return EXIT_OK


def _revision_of(store: Store, letter_id: int, revision_id: int) -> None:
    from iphr_desk.core.errors import BadInput
    from iphr_desk.core.store.repository import revisions as revision_repo

    if revision_id not in {r.id for r in revision_repo.list_revisions(store, letter_id)}:
        raise BadInput(
            f"Letter {letter_id} has no revision {revision_id} "
            f"(see `iphr-desk list revisions --id {letter_id}`)."
        )


def cmd_update(args: argparse.Namespace) -> int:
    """The checks of `import` first (nothing opened before the file is known good), then the letter's."""
    from iphr_desk.core.errors import BadInput
    from iphr_desk.core.letters.letterfile import parse_letter_text, read_letter_bytes
    from iphr_desk.core.store.repository import letters as letter_repo
    from iphr_desk.core.store.repository import revisions as revision_repo

    source = str(args.file)
    text = read_letter_bytes(args.file, source)
    letter = parse_letter_text(text, source)
    identity = _identity(text)
    store = open_store(args, create=False)
    try:
        info = letter_repo.get_letter_info(store, args.letter_id)
        if identity is not None and identity[0].lower() != info.uuid.lower():
            other = letter_repo.find_letter_by_uuid(store, identity[0].lower())
            which = f"letter {other}" if other is not None else "a letter this store does not hold"
            raise BadInput(f"{source} is {which}, not letter {args.letter_id}; nothing was changed.")
        if info.deleted_at is not None:
            raise BadInput(f"Letter {args.letter_id} is in the trash; restore it before updating it.")
        if info.read_only:
            raise BadInput(
                f"Letter {args.letter_id} is {info.status.replace('_', ' ')} and cannot be changed; "
                f"reopen it first (`iphr-desk status --id {args.letter_id} draft`)."
            )
        latest = revision_repo.latest_revision(store, args.letter_id)
        if identity is not None and identity[1] and latest is not None and identity[1] != latest.uuid:
            say(
                f"notice: letter {args.letter_id} has changed since {source} was taken from it; the "
                "changes made meanwhile stay in its revisions (`iphr-desk list revisions`)"
            )
        name = args.file.name
        letter_repo.save_letter(
            store, args.letter_id, letter, author=IMPORT_AUTHOR, revision_reason=f"updated from {name}"
        )
        latest = revision_repo.latest_revision(store, args.letter_id)
    finally:
        close(store)
    print(f"letter {args.letter_id}: revision {latest.id if latest else '?'} stored")
    return EXIT_OK


def _identity(text: str) -> tuple[str, str | None] | None:
    """(letter uuid, revision uuid or None) from the front matter's identity line, if it has one."""
    front = text.removeprefix("\ufeff").replace("\r\n", "\n").split("\n---", 1)[0]
    found = IDENTITY_RE.search(front)
    return (found.group(1), found.group(2)) if found else None


def cmd_comments(args: argparse.Namespace) -> int:
    """`author  date  anchored text  comment`, tab-separated; a reply's author is marked `↳ `."""
    from iphr_desk.core.store.repository import comments as comment_repo
    from iphr_desk.core.store.repository import letters as letter_repo

    store = open_store(args, create=False)
    try:
        letter_repo.get_letter_info(store, args.letter_id)
        records = comment_repo.comment_records(store, args.letter_id)
    finally:
        close(store)
    for record in records:
        print(format_comment_line(record))
    return EXIT_OK


def format_comment_line(record: CommentRecord) -> str:
    author = ("↳ " if record.parent_id is not None else "") + record.author
    state = " [resolved]" if record.resolved and record.parent_id is None else ""
    parts = (author, local_time(record.created_at), record.anchor or "", record.text + state)
    return "\t".join(one_line(p) for p in parts)


def cmd_status(args: argparse.Namespace) -> int:
    """Checked here against the workflow first, so a refused move is bad input (exit 2) naming the
    allowed ones; the store's `change_status` checks again inside its transaction."""
    from iphr_desk.core.errors import BadInput
    from iphr_desk.core.store.repository import comments as comment_repo
    from iphr_desk.core.store.repository import letters as letter_repo
    from iphr_desk.core.vocabularies import allowed_transitions

    reason = (args.reason or "").strip() or None
    store = open_store(args, create=False)
    try:
        info = letter_repo.get_letter_info(store, args.letter_id)
        if info.deleted_at is not None:
            raise BadInput(f"Letter {args.letter_id} is in the trash; restore it before changing its status.")
        allowed = allowed_transitions(info.status)
        if args.status not in allowed:
            raise BadInput(
                f"Letter {args.letter_id} is {info.status}: it can go to {either(list(allowed))}, "
                f"not {args.status}."
            )
        letter_repo.change_status(store, args.letter_id, args.status, author=IMPORT_AUTHOR, note=reason)
        if reason and args.status == "changes_requested":
            comment_repo.add_comment(store, args.letter_id, reason, author=IMPORT_AUTHOR)
    finally:
        close(store)
    print(f"letter {args.letter_id}: {info.status} → {args.status}")
    return EXIT_OK
