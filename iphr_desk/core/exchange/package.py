"""Exchange packages (`.iphrpkg`): letters with their whole history, carried between offline machines.

A package is a versioned JSON manifest, gzip-compressed, inside an age-encrypted file made with a
passphrase (pyrage: scrypt and ChaCha20-Poly1305, authenticated, so a changed byte is refused; no
cipher code here). What it holds, per letter: the letter's row and child rows, every revision (by
`revisions.uuid`), comment (by uuid, replies by their parent's uuid), status change (by uuid) and
signature record; with `--with-cases` the letters' cases (by reference) with their people and events.

Reading is all or nothing: the file is decrypted, decompressed and every record checked against the
store's own column types (`_check_value`) before `package_merge` writes anything, in one transaction.
The checks are written here because the project carries no schema library and the columns the models
declare are the schema: a newer format (a higher `version`) is refused by number, not guessed at.
Exporting is a save point: a letter whose current text is not yet a revision gets one first, so the
package's newest revision of each letter is always the letter as it was sent (`package_merge` relies
on it to tell what each side changed).
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import uuid as uuid_module
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, cast

from iphr_desk.core.errors import BadInput

if TYPE_CHECKING:
    from sqlalchemy import Column
    from sqlalchemy.orm import Session

    from iphr_desk.core.letters import letter as lt
    from iphr_desk.core.store.database import Store

FORMAT: Final = "iphr-desk-package"
FORMAT_VERSION: Final = 1
SUFFIX: Final = ".iphrpkg"
#: What every age file starts with; anything else is not a package at all.
AGE_MAGIC: Final = b"age-encryption.org/v1\n"
#: A package of a few hundred letters with their history is a few MB; more is not a package.
MAX_PACKAGE_BYTES: Final = 256 * 1024 * 1024
#: The manifest once decompressed (a bound against a small file that inflates without end).
MAX_MANIFEST_BYTES: Final = 256 * 1024 * 1024
#: Deterministic identities for revisions made by exports and merges (same input, same uuid).
NAMESPACE: Final = uuid_module.UUID("5f0b8e7e-3c1a-4b8e-9f57-1a2d3e4f5a6b")

# Columns left out of the records: local row ids and links to the local address book.
_LOCAL: Final = frozenset({"id", "letter_id", "case_id", "parent_id", "recipient_id", "signatory_id"})
LETTER_CHILDREN: Final = ("recipients", "signatories", "cases", "revisions", "comments",
                          "status_changes", "signature_records")  # fmt: skip
CASE_CHILDREN: Final = ("themes", "people", "events")


class PackageError(BadInput):
    """A package cannot be read or used: one sentence naming the file; the store is untouched."""


@dataclass(frozen=True)
class Manifest:
    """A checked package: `letters` and `cases` are records whose values are Python values."""

    version: int
    created_at: dt.datetime
    created_by: str
    letters: tuple[dict[str, Any], ...]
    cases: tuple[dict[str, Any], ...]


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def derived_uuid(*parts: str) -> str:
    """A uuid that the same parts always give: what a second import of the same package recomputes."""
    return str(uuid_module.uuid5(NAMESPACE, "\x1f".join(parts)))


# --------------------------------------------------------------------------- the tables a record mirrors


def tables() -> dict[str, tuple[Any, tuple[Column[Any], ...]]]:
    """record kind -> (model, the columns a record carries)."""
    from iphr_desk.core.store import models as m

    kinds: dict[str, Any] = {
        "letter": m.Letter,
        "recipients": m.LetterRecipient,
        "signatories": m.LetterSignatory,
        "cases": m.LetterCase,
        "revisions": m.Revision,
        "comments": m.Comment,
        "status_changes": m.StatusChange,
        "signature_records": m.SignatureRecord,
        "case": m.Case,
        "people": m.Person,
        "events": m.CaseEvent,
    }
    return {
        kind: (model, tuple(c for c in model.__table__.columns if c.name not in _LOCAL))
        for kind, model in kinds.items()
    }


def _to_json(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _record(row: Mapping[str, Any], columns: Iterable[Column[Any]]) -> dict[str, Any]:
    return {c.name: _to_json(row[c.name]) for c in columns}


# --------------------------------------------------------------------------- export


def build_manifest(
    store: Store, letter_ids: Sequence[int], *, with_cases: bool = False, author: str
) -> dict[str, Any]:
    """The manifest of these letters, as JSON values; makes the save points the package needs.

    One write transaction: the save points and the read see the same letters.
    """
    from sqlalchemy import select

    from iphr_desk.core.store import models as m

    if not letter_ids:
        raise BadInput("Give at least one letter to put in the package.")
    kinds = tables()
    letters: list[dict[str, Any]] = []
    case_ids: list[int] = []
    with store.session() as session:
        for letter_id in dict.fromkeys(letter_ids):
            row = session.get(m.Letter, letter_id)
            if row is None:
                raise BadInput(f"There is no letter with id {letter_id}.")
            if row.deleted_at is not None:
                raise BadInput(
                    f"Letter {letter_id} is in the trash; restore it before putting it in a package."
                )
            _save_point(session, row, author)
            record = _record(_row_mapping(session, m.Letter, m.Letter.id == letter_id)[0], kinds["letter"][1])
            for kind in LETTER_CHILDREN:
                model, columns = kinds[kind]
                order = _order(model)
                rows = _row_mapping(session, model, model.letter_id == letter_id, order)
                record[kind] = [_record(r, columns) for r in rows]
            _comment_parents(session, letter_id, record["comments"])
            letters.append(record)
            case_ids += [c for c in session.scalars(select(m.LetterCase.case_id).where(
                m.LetterCase.letter_id == letter_id)) if c is not None]  # fmt: skip
        cases = [_case_record(session, case_id) for case_id in dict.fromkeys(case_ids)] if with_cases else []
    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "created_at": _to_json(dt.datetime.now(dt.UTC)),
        "created_by": author,
        "letters": letters,
        "cases": cases,
    }


def _order(model: Any) -> tuple[Any, ...]:
    for name in ("position", "created_at", "changed_at", "signed_at"):
        if name in model.__table__.columns:
            return (model.__table__.columns[name], model.__table__.columns["id"])
    return (model.__table__.columns["id"],)


def _row_mapping(
    session: Session, model: Any, where: Any, order: Sequence[Any] = ()
) -> list[Mapping[str, Any]]:
    from sqlalchemy import select

    return [
        dict(r) for r in session.execute(select(model.__table__).where(where).order_by(*order)).mappings()
    ]


def _comment_parents(session: Session, letter_id: int, records: list[dict[str, Any]]) -> None:
    """Replies name their thread's first comment by uuid (row ids mean nothing in another store)."""
    from sqlalchemy import select
    from sqlalchemy.orm import aliased

    from iphr_desk.core.store import models as m

    parent = aliased(m.Comment)
    pairs: dict[str | None, str | None] = dict(
        (row[0], row[1])
        for row in session.execute(
            select(m.Comment.uuid, parent.uuid)
            .join(parent, m.Comment.parent_id == parent.id, isouter=True)
            .where(m.Comment.letter_id == letter_id)
        )
    )
    for record in records:
        record["parent_uuid"] = pairs.get(record["uuid"])


def _save_point(session: Session, row: Any, author: str) -> None:
    """Give every history row an identity, and make the letter's current text its newest revision."""
    from sqlalchemy import select, update

    from iphr_desk.core.store import models as m
    from iphr_desk.core.store.repository.letters import _letter_from_row

    for model in (m.Revision, m.Comment, m.StatusChange):
        for ident in session.scalars(select(model.id).where(model.letter_id == row.id, model.uuid.is_(None))):
            session.execute(update(model).where(model.id == ident).values(uuid=str(uuid_module.uuid4())))
    text = letter_text_of(_letter_from_row(row))
    newest = session.execute(
        select(m.Revision.text, m.Revision.uuid)
        .where(m.Revision.letter_id == row.id)
        .order_by(m.Revision.created_at.desc(), m.Revision.id.desc())
        .limit(1)
    ).first()
    if newest is None or newest[0] != text:
        session.add(
            m.Revision(
                letter_id=row.id,
                created_at=dt.datetime.now(dt.UTC),
                author=author,
                reason="saved for a package",
                status=row.status,
                text=text,
                parent_uuid=newest[1] if newest else None,
            )
        )
        session.flush()


def _case_record(session: Session, case_id: int) -> dict[str, Any]:
    from sqlalchemy import select

    from iphr_desk.core.store import models as m

    kinds = tables()
    record = _record(_row_mapping(session, m.Case, m.Case.id == case_id)[0], kinds["case"][1])
    record["themes"] = list(
        session.scalars(
            select(m.CaseTheme.theme).where(m.CaseTheme.case_id == case_id).order_by(m.CaseTheme.position)
        )
    )
    record["people"] = [
        _record(r, kinds["people"][1])
        for r in _row_mapping(
            session, m.Person, m.Person.case_id == case_id, (m.Person.position, m.Person.id)
        )
    ]
    record["events"] = [
        _record(r, kinds["events"][1])
        for r in _row_mapping(
            session, m.CaseEvent, m.CaseEvent.case_id == case_id, (m.CaseEvent.date, m.CaseEvent.id)
        )
    ]
    return record


def seal(manifest: Mapping[str, Any], passphrase: str) -> bytes:
    """The package file's bytes: the manifest as JSON, gzip-compressed, age-encrypted."""
    from pyrage import passphrase as age_passphrase  # type: ignore[import-untyped]

    if not passphrase:
        raise BadInput("An empty passphrase protects nothing; give one to encrypt the package.")
    plain = gzip.compress(json.dumps(manifest, ensure_ascii=False, sort_keys=True).encode("utf-8"), mtime=0)
    sealed: bytes = age_passphrase.encrypt(plain, passphrase)
    return sealed


def export_package(
    store: Store,
    letter_ids: Sequence[int],
    output: Path,
    passphrase: str,
    *,
    with_cases: bool = False,
    author: str,
) -> int:
    """Write a package (atomically, as the user's document: it is encrypted); returns how many letters."""
    from iphr_desk.core.safewrite import write_bytes_atomically

    if not passphrase:
        raise BadInput("An empty passphrase protects nothing; give one to encrypt the package.")
    manifest = build_manifest(store, letter_ids, with_cases=with_cases, author=author)
    write_bytes_atomically(Path(output), seal(manifest, passphrase), example=f"letters{SUFFIX}")
    return len(manifest["letters"])


# --------------------------------------------------------------------------- import: read and check


def read_package(path: Path, passphrase: str) -> Manifest:
    """Decrypt, decompress and check a package file; every failure is one `PackageError` naming it."""
    from iphr_desk.core.boundedio import UnreadableFile, read_bounded

    name = str(path)
    try:
        data = read_bounded(Path(path), MAX_PACKAGE_BYTES, what="a package")
    except UnreadableFile as exc:
        raise PackageError(f"{name}: {exc.problem}.") from None
    return open_package(data, passphrase, name)


def open_package(data: bytes, passphrase: str, name: str = "package") -> Manifest:
    """The checked manifest of a package's bytes (see `read_package`)."""
    import pyrage
    from pyrage import passphrase as age_passphrase

    if not data.startswith(AGE_MAGIC):
        raise PackageError(f"{name}: not an IPHR Desk package (it is not an encrypted package file).")
    try:
        plain = age_passphrase.decrypt(data, passphrase)
    except pyrage.DecryptError as exc:
        raise PackageError(f"{name}: {_decrypt_problem(str(exc))}; nothing was imported.") from None
    try:
        raw = _gunzip(plain)
        manifest = json.loads(raw.decode("utf-8"))
    except (OSError, EOFError, zlib.error, UnicodeDecodeError, ValueError):
        raise PackageError(
            f"{name}: the package's contents are not readable; nothing was imported."
        ) from None
    return check_manifest(manifest, name)


def _decrypt_problem(message: str) -> str:
    # pyrage says which step failed only in its message; the fallback covers any other wording.
    if message in ("Decryption failed", "No matching keys found"):
        return "wrong passphrase (or the file was altered)"
    if "fill whole buffer" in message or "Incomplete header" in message:
        return "the file is truncated"
    if "Header MAC" in message or "decryption error" in message:
        return "the file is damaged, truncated or was altered"
    return f"it could not be decrypted ({message}): wrong passphrase, or a damaged file"


def _gunzip(data: bytes) -> bytes:
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    out = inflater.decompress(data, MAX_MANIFEST_BYTES)
    if inflater.unconsumed_tail:
        raise ValueError("too large")
    if not inflater.eof:
        raise EOFError("truncated")
    return out


def check_manifest(manifest: Any, name: str = "package") -> Manifest:
    """Every record checked against the store's columns (types, lengths, required values)."""
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise PackageError(f"{name}: not an IPHR Desk package (no package manifest inside).")
    version = manifest.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise PackageError(f"{name}: the package has no valid format version.")
    if version > FORMAT_VERSION:
        raise PackageError(
            f"{name}: the package was made by a newer IPHR Desk (format {version}; this one reads up to "
            f"{FORMAT_VERSION}); update IPHR Desk to import it. Nothing was imported."
        )
    checker = _Checker(name)
    checker.keys(manifest, {"format", "version", "created_at", "created_by", "letters", "cases"}, "package")
    created_at = checker.value(manifest["created_at"], _DATETIME, "created_at")
    created_by = checker.value(manifest["created_by"], _TEXT, "created_by")
    letters = tuple(
        checker.letter(item, f"letters[{i}]") for i, item in enumerate(checker.items(manifest, "letters"))
    )
    cases = tuple(
        checker.case(item, f"cases[{i}]") for i, item in enumerate(checker.items(manifest, "cases"))
    )
    checker.unique([r["uuid"] for r in letters], "letter")
    checker.unique([r["reference"] for r in cases], "case")
    for kind in ("revisions", "comments", "status_changes", "signature_records"):
        checker.unique([c["uuid"] for r in letters for c in r[kind]], kind.replace("_", " ").rstrip("s"))
    return Manifest(version, created_at, created_by, letters, cases)


_DATETIME: Final = "datetime"
_TEXT: Final = "text"


class _Checker:
    """Walks the manifest; the first problem is a `PackageError` naming the record and the field."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.kinds = tables()

    def fail(self, where: str, problem: str) -> PackageError:
        return PackageError(f"{self.name}: {where}: {problem}; nothing was imported.")

    def keys(self, record: Mapping[str, Any], wanted: set[str], where: str) -> None:
        missing, extra = wanted - set(record), set(record) - wanted
        if missing or extra:
            what = (
                f"missing {', '.join(sorted(missing))}" if missing else f"unknown {', '.join(sorted(extra))}"
            )
            raise self.fail(where, what)

    def items(self, record: Mapping[str, Any], key: str) -> list[Any]:
        value = record[key]
        if not isinstance(value, list):
            raise self.fail(key, "not a list")
        return value

    def unique(self, values: list[Any], what: str) -> None:
        if len(set(values)) != len(values):
            raise self.fail(f"{what}s", f"the same {what} is given twice")

    def record(self, item: Any, kind: str, where: str, extra: Iterable[str] = ()) -> dict[str, Any]:
        if not isinstance(item, dict):
            raise self.fail(where, "not a record")
        columns = self.kinds[kind][1]
        self.keys(item, {c.name for c in columns} | set(extra), where)
        out = {c.name: self.column(item[c.name], c, f"{where}.{c.name}") for c in columns}
        for key in extra:
            out[key] = item[key]
        return out

    def letter(self, item: Any, where: str) -> dict[str, Any]:
        from iphr_desk.core.vocabularies import LETTER_STATUSES

        record = self.record(item, "letter", where, LETTER_CHILDREN)
        for kind in LETTER_CHILDREN:
            extra = ("parent_uuid",) if kind == "comments" else ()
            record[kind] = [
                self.record(child, kind, f"{where}.{kind}[{i}]", extra)
                for i, child in enumerate(self.items(record, kind))
            ]
        self.require(record["uuid"] is not None, where, "the letter has no uuid")
        for i, comment in enumerate(record["comments"]):
            parent = self.value(
                comment["parent_uuid"], _TEXT, f"{where}.comments[{i}].parent_uuid", optional=True
            )
            comment["parent_uuid"] = parent
            self.require(
                parent is None or parent in {c["uuid"] for c in record["comments"]},
                f"{where}.comments[{i}]",
                "a reply to a comment the package does not hold",
            )
        statuses = [
            record["status"],
            *(s[k] for s in record["status_changes"] for k in ("from_status", "to_status")),
        ]
        statuses += [r["status"] for r in record["revisions"]]
        for status in statuses:
            self.require(status in LETTER_STATUSES, where, f"unknown status '{status}'")
        for kind in ("revisions", "comments", "status_changes"):
            for i, child in enumerate(record[kind]):
                self.require(child["uuid"] is not None, f"{where}.{kind}[{i}]", "no uuid")
        self.require(bool(record["revisions"]), where, "the letter has no revision")
        self.require(
            bool(record["recipients"]) and bool(record["signatories"]), where, "no recipient or signatory"
        )
        self.head(record, where)
        return record

    def head(self, record: dict[str, Any], where: str) -> None:
        """The letter's content must be a valid letter file (the checks `import` applies)."""
        from iphr_desk.core.errors import LetterFileError
        from iphr_desk.core.letters.letterfile import parse_letter_text

        try:
            parse_letter_text(letter_text_of(letter_from_record(record)), where)
        except LetterFileError as exc:
            problem = f"{exc.key}: {exc.problem}" if exc.key else exc.problem
            raise self.fail(where, f"not a valid letter ({problem})") from None
        except (TypeError, ValueError) as exc:
            raise self.fail(where, f"not a valid letter ({exc})") from None

    def case(self, item: Any, where: str) -> dict[str, Any]:
        record = self.record(item, "case", where, CASE_CHILDREN)
        record["themes"] = [self.value(t, _TEXT, f"{where}.themes") for t in self.items(record, "themes")]
        for kind in ("people", "events"):
            record[kind] = [
                self.record(child, kind, f"{where}.{kind}[{i}]")
                for i, child in enumerate(self.items(record, kind))
            ]
        return record

    def require(self, condition: bool, where: str, problem: str) -> None:
        if not condition:
            raise self.fail(where, problem)

    def column(self, value: Any, column: Column[Any], where: str) -> Any:
        from sqlalchemy import JSON, Boolean, Date, Integer, String

        from iphr_desk.core.store.models import UTCDateTime

        kind = column.type
        if value is None:
            if not column.nullable and not column.primary_key:
                raise self.fail(where, "a value is required")
            return None
        if isinstance(kind, UTCDateTime):
            return self.value(value, _DATETIME, where)
        if isinstance(kind, Date):
            try:
                return dt.date.fromisoformat(value) if isinstance(value, str) else _raise()
            except ValueError:
                raise self.fail(where, "not a date (YYYY-MM-DD)") from None
        if isinstance(kind, Boolean):
            self.require(isinstance(value, bool), where, "not true or false")
            return value
        if isinstance(kind, Integer):
            self.require(isinstance(value, int) and not isinstance(value, bool), where, "not a whole number")
            return value
        if isinstance(kind, JSON):
            return self.json(value, column.name, where)
        if isinstance(kind, String):
            self.require(isinstance(value, str), where, "not text")
            length = getattr(kind, "length", None)
            self.require(length is None or len(value) <= length, where, f"longer than {length} characters")
            return value
        raise self.fail(where, f"a column of an unknown type ({kind})")

    def json(self, value: Any, name: str, where: str) -> Any:
        """The JSON columns' shapes: `cc` a list of lines, `titles` language -> title, `details` a mapping."""
        if name == "cc":
            self.require(
                isinstance(value, list) and all(isinstance(v, str) for v in value),
                where,
                "not a list of lines",
            )
        elif name == "titles":
            self.require(
                isinstance(value, dict) and all(isinstance(v, str) for v in value.values()),
                where,
                "not titles by language",
            )
        else:
            self.require(isinstance(value, dict), where, "not a mapping")
        return value

    def value(self, value: Any, kind: str, where: str, *, optional: bool = False) -> Any:
        if value is None and optional:
            return None
        if kind == _TEXT:
            self.require(isinstance(value, str), where, "not text")
            return value
        try:
            moment = dt.datetime.fromisoformat(value) if isinstance(value, str) else _raise()
        except ValueError:
            raise self.fail(where, "not a date and time") from None
        return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)


def _raise() -> Any:
    raise ValueError


def letter_from_record(record: Mapping[str, Any]) -> lt.Letter:
    """The `Letter` a letter record holds, read by the store's own row reader (so every column the
    store knows, such as a signatory's per-language titles, is read the same way)."""
    from iphr_desk.core.store import models as m
    from iphr_desk.core.store.repository.letters import _letter_from_row

    kinds = tables()

    def build(kind: str, values: Mapping[str, Any]) -> Any:
        model, columns = kinds[kind]
        return model(**{c.name: values[c.name] for c in columns})

    row = build("letter", record)
    row.recipients = [build("recipients", r) for r in record["recipients"]]
    row.signatories = [build("signatories", s) for s in record["signatories"]]
    row.case_links = [build("cases", c) for c in record["cases"]]
    letter: lt.Letter = _letter_from_row(cast("m.Letter", row))
    return letter


def letter_text_of(letter: lt.Letter) -> str:
    from iphr_desk.core.letters.letterfile import write_letter_text

    return write_letter_text(letter)
