"""Letter files: one UTF-8 Markdown file with YAML front matter  <->  `Letter` (docs/letter-format.md).

The parser is strict on purpose: a letter file is written by hand, and a typo in `office:` or
`gender:` would otherwise silently give the wrong salutation to a head of state. Every problem is a
`LetterFileError` whose message names the file, the key (`recipients[2].gender`) and what is wrong.

Decisions worth knowing:
- The YAML loader resolves no booleans, numbers or timestamps: the format has no such fields, and
  YAML 1.1 would otherwise turn `place: No` into `False` or `date: 2023-02-30` into a crash. Every
  scalar is text (or empty); dates are checked here, with a message that says what is impossible.
- Control characters (C0 other than tab/newline/carriage return, DEL, C1) are REJECTED, never
  stripped: they mean the file was damaged or pasted from a binary source, and the user should see
  where. `write_letter_text` removes them instead, so the app can always save what it holds.
- A leading byte-order mark and Windows line endings are accepted (Notepad writes both).
- The body is normalised with mdformat (+ mdformat-footnote, so `[^1]` survives) so that a revision
  diff shows only what the writer changed (`normalise`, re-exported here with `clear_normalise_cache`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
import os
import re
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, Final, cast

import yaml

from iphr_desk.core.boundedio import UnreadableFile, read_bounded
from iphr_desk.core.errors import LetterFileError
from iphr_desk.core.letters.canonical import is_plainly_canonical
from iphr_desk.core.letters.letter import (
    GENDERS,
    LANGUAGES,
    OFFICE_IDS,
    REGISTERS,
    VOICES,
    Gender,
    Language,
    Letter,
    Recipient,
    Register,
    Signatory,
    Titles,
    Voice,
    normal_titles,
)
from iphr_desk.core.letters.markdown_depth import MAX_NESTING, too_deep
from iphr_desk.core.letters.normalise import (  # noqa: F401 (clear_normalise_cache: re-exported)
    body_extensions,
    canonical_key,
    clear_normalise_cache,
    normalise_body,
    remember_canonical,
)
from iphr_desk.core.letters.yaml_dialect import (
    LetterDumper,
    LetterLoader,
    describe_value,
    load_front_matter,
)
from iphr_desk.core.safewrite import write_bytes_atomically
from iphr_desk.core.textclean import first_bidi_control, remove_bidi_controls

_LetterLoader = LetterLoader  # the name tests/core/letters/test_letterfile.py imports

#: A letter is a few pages; anything this large is not a letter file (and is not read into memory).
MAX_FILE_BYTES: Final = 5 * 1024 * 1024

TOP_KEYS: Final = (
    "language", "place", "date", "subject", "recipient", "recipients",
    "register", "voice", "signatories", "cc", "cases", "letterhead",
)  # fmt: skip
RECIPIENT_KEYS: Final = (
    "name", "surname", "gender", "office", "title", "organisation", "address", "salutation", "closing",
    "address_dative",
)  # fmt: skip
SIGNATORY_KEYS: Final = ("name", "title", "titles", "organisation")
#: The only fields that may span lines (and so may hold bidi controls); every other field is one line.
MULTILINE_KEYS: Final = frozenset({"address", "address_dative"})

#: Words people write for an office, mapped to the office id, so a typo gets a useful suggestion.
OFFICE_ALIASES: Final[Mapping[str, str]] = {
    "president": "head_of_state",
    "head_of_state": "head_of_state",
    "king": "monarch",
    "queen": "monarch",
    "prime_minister": "head_of_government",
    "premier": "head_of_government",
    "chancellor": "head_of_government",
    "secretary_of_state": "minister",
    "foreign_minister": "minister",
    "high_representative": "eu_high_representative",
    "commissioner": "eu_commissioner",
    "mep": "member_of_parliament",
    "mp": "member_of_parliament",
    "deputy": "member_of_parliament",
    "rapporteur": "un_special_rapporteur",
    "special_rapporteur": "un_special_rapporteur",
    "high_commissioner": "un_high_commissioner",
    "secretary_general": "un_secretary_general",
    "prosecutor_general": "prosecutor",
    "procurator": "prosecutor",
    "court": "judge",
    "ngo": "organisation",
    "organization": "organisation",
}

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


# --------------------------------------------------------------------------- reading


def parse_letter_file(path: Path) -> Letter:
    """Read and validate a letter file; refuses binary, non-UTF-8 and oversized files before parsing."""
    source = str(path)
    text = read_letter_bytes(path, source)
    return parse_letter_text(text, source)


#: Below this many files a pool's start-up costs more than it saves.
PARALLEL_MIN_FILES: Final = 64


def parse_letter_files(paths: Sequence[Path], *, processes: int | None = None) -> list[Letter]:
    """Parse many letter files in order; a big import normalises its bodies on the machine's cores.

    The files are read and checked here, one by one, so the first bad file in the list raises its
    `LetterFileError` as a one-by-one loop would. A body already in canonical form needs nothing more
    (`canonical`), and most bodies an import meets are. The others go through mdformat (about 2 ms for
    a two-page letter, pure Python, so threads would not help): when there are many, in worker
    processes, which get only the bodies. Bodies normalised there are remembered here as canonical,
    so writing the letters' revisions does not run mdformat again. Needed by the import figure
    (benchmarks/README.md, "Fast paths and what they buy").
    """
    parsed = [_parse_front(read_letter_bytes(path, str(path)), str(path)) for path in paths]
    pending = [index for index, (_letter, _body, ready) in enumerate(parsed) if ready is None]
    count = _process_count(len(pending), processes)
    bodies = [parsed[index][1] for index in pending]
    if count <= 1:
        normalised = [normalise_body(body) for body in bodies]
    else:
        from concurrent.futures import ProcessPoolExecutor

        chunk = max(1, len(bodies) // (count * 8))
        with ProcessPoolExecutor(max_workers=count, mp_context=_process_context()) as pool:
            normalised = list(pool.map(normalise_body, bodies, chunksize=chunk))
        extensions = body_extensions()
        for body in normalised:
            remember_canonical(canonical_key(body, extensions))
    done = dict(zip(pending, normalised, strict=True))
    return [
        _with_body(letter, ready if ready is not None else done[index])
        for index, (letter, _body, ready) in enumerate(parsed)
    ]


def _process_count(files: int, wanted: int | None) -> int:
    if wanted is not None:
        return max(1, min(wanted, files))
    if files < PARALLEL_MIN_FILES:
        return 1
    return max(1, min(os.cpu_count() or 1, files // (PARALLEL_MIN_FILES // 2)))


def _process_context() -> Any:
    """Fork where it is safe (a single-threaded process on Linux: no re-import, no start-up cost);
    spawn elsewhere, and always inside the window, whose Qt threads make fork unsafe."""
    import multiprocessing
    import sys

    if sys.platform == "linux" and threading.active_count() == 1 and not getattr(sys, "frozen", False):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def read_letter_bytes(path: Path, source: str) -> str:
    """The file's text, or a `LetterFileError` saying plainly why it is not a letter file.

    The limit counts bytes actually read and devices, pipes and sockets are refused unopened or
    unread (see `boundedio`): `/dev/zero` or a FIFO given as a letter must not fill memory or hang.
    """
    try:
        data = read_bounded(path, MAX_FILE_BYTES, what="a letter file")
    except UnreadableFile as exc:
        raise LetterFileError(source, None, exc.problem) from None
    return decode_letter_bytes(data, source)


def decode_letter_bytes(data: bytes, source: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LetterFileError(source, None, "the file is saved as UTF-16; save it as UTF-8")
    if b"\x00" in data:
        raise LetterFileError(
            source, None, "this is a binary file, not a letter file (Markdown text with YAML front matter)"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        bad = data[exc.start]
        raise LetterFileError(
            source, f"line {line}", f"the file is not UTF-8 text (byte 0x{bad:02X}); save it as UTF-8"
        ) from None


def parse_letter_text(text: str, source: str) -> Letter:
    """Parse a letter file's text; `source` names the file in error messages."""
    letter, body, ready = _parse_front(text, source)
    return _with_body(letter, ready if ready is not None else normalise_body(body))


def _parse_front(text: str, source: str) -> tuple[Letter, str, str | None]:
    """The letter (body left empty), its body as written, and the normalised body when the body is
    already canonical (else None: `normalise_body` is still to run). Every check that can refuse the
    file is done here."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    _reject_control_characters(text, source)
    front, body = _split_front_matter(text, source)
    data = load_front_matter(front, source)
    letter = _LetterBuilder(source).build(data)
    trimmed = body.strip("\n") + "\n"
    if "footnote" in body_extensions() and is_plainly_canonical(trimmed):
        # What `normalise_body` returns for such a body, without a second look; the subset nests two
        # levels at most, so the depth check's Markdown parse is not needed either.
        remember_canonical(canonical_key(trimmed, body_extensions()))
        return letter, body, trimmed
    _refuse_deep_nesting(body, text[: len(text) - len(body)].count("\n") + 1, source)
    return letter, body, None


def _refuse_deep_nesting(body: str, first_line: int, source: str) -> None:
    """Refuse emphasis or links nested past `MAX_NESTING`: normalising or exporting such a body
    would exhaust Python's recursion limit (see `markdown_depth`)."""
    deep = too_deep(body)
    if deep is not None:
        raise LetterFileError(
            source,
            f"line {first_line + deep.line}",
            f"emphasis or links are nested {deep.depth} levels deep; a letter can nest at most "
            f"{MAX_NESTING} (check for unpaired '*' or '_')",
        )


def _reject_control_characters(text: str, source: str) -> None:
    match = _CONTROL.search(text)
    if match:
        line = text.count("\n", 0, match.start()) + 1
        raise LetterFileError(source, f"line {line}", _control_problem(match.group()))


def _control_problem(char: str) -> str:
    return f"control character U+{ord(char):04X} is not allowed; remove it"


def _split_front_matter(text: str, source: str) -> tuple[str, str]:
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        raise LetterFileError(
            source, None, "the file must start with a line '---' that opens the YAML front matter"
        )
    for number, line in enumerate(lines[1:], start=1):
        if line.rstrip() == "---":
            return "\n".join(lines[1:number]) + "\n", "\n".join(lines[number + 1 :])
    raise LetterFileError(source, None, "the front matter opened on line 1 is never closed by a line '---'")


def _suggest(word: str, choices: Mapping[str, str] | tuple[str, ...]) -> str | None:
    """The closest allowed value to a misspelt one (difflib does the fuzzy matching)."""
    candidates = dict(choices) if isinstance(choices, Mapping) else {c: c for c in choices}
    normal = word.strip().lower().replace(" ", "_").replace("-", "_")
    if normal in candidates and candidates[normal] != word:
        return candidates[normal]
    close = difflib.get_close_matches(normal, list(candidates), n=1, cutoff=0.6)
    return candidates[close[0]] if close else None


class _LetterBuilder:
    """Walks the loaded front matter, checking each key, and builds the Letter (body left empty)."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, key: str | None, problem: str) -> LetterFileError:
        return LetterFileError(self.source, key, problem)

    def build(self, data: dict[str, Any]) -> Letter:
        self.check_keys(data, TOP_KEYS, "")
        recipients, batch = self.recipients(data)
        return Letter(
            language=cast(Language, self.choice(data, "language", LANGUAGES, "language", required=True)),
            place=self.required_text(data, "place", ""),
            date=self.date(data),
            subject=self.required_text(data, "subject", ""),
            recipients=recipients,
            signatories=self.signatories(data),
            register=cast(Register, self.choice(data, "register", REGISTERS, "register") or "house"),
            voice=cast(Voice, self.choice(data, "voice", VOICES, "voice") or "we"),
            cc=self.text_list(data, "cc"),
            cases=self.text_list(data, "cases"),
            letterhead=self.optional_text(data, "letterhead", ""),
            batch=batch,
        )

    # -- structure

    def check_keys(self, data: dict[Any, Any], allowed: tuple[str, ...], prefix: str) -> None:
        for key in data:
            if key in allowed:
                continue
            shown = str(key)
            hint = _suggest(shown, allowed)
            detail = f"did you mean '{hint}'?" if hint else "allowed keys are " + ", ".join(allowed)
            raise self.fail(prefix + shown, f"unknown key ({detail})")

    def mapping(self, value: object, key: str, what: str) -> dict[Any, Any]:
        if not isinstance(value, dict):
            got = describe_value(value)
            raise self.fail(key, f"must be {what} written as indented 'key: value' lines, not {got}")
        return value

    def sequence(self, value: object, key: str, what: str) -> list[Any]:
        if not isinstance(value, list):
            got = describe_value(value)
            raise self.fail(key, f"must be a list of {what} (lines starting with '- '), not {got}")
        return value

    def recipients(self, data: dict[str, Any]) -> tuple[tuple[Recipient, ...], bool]:
        single, many = data.get("recipient"), data.get("recipients")
        if "recipient" in data and "recipients" in data:
            raise self.fail("recipients", "use either 'recipient' or 'recipients', not both")
        if "recipients" in data:
            items = self.sequence(many, "recipients", "recipients")
            if not items:
                raise self.fail("recipients", "the list is empty; give at least one recipient")
            return tuple(self.recipient(item, f"recipients[{i}]") for i, item in enumerate(items)), True
        if single is None:
            raise self.fail("recipient", "required key is missing (or give a list under 'recipients')")
        return (self.recipient(single, "recipient"),), False

    def recipient(self, value: object, key: str) -> Recipient:
        data = self.mapping(value, key, "a recipient")
        prefix = key + "."
        self.check_keys(data, RECIPIENT_KEYS, prefix)
        office = self.optional_text(data, "office", prefix)
        if office is not None and office not in OFFICE_IDS:
            hint = _suggest(office, {**{o: o for o in OFFICE_IDS}, **OFFICE_ALIASES})
            detail = f"did you mean '{hint}'?" if hint else "use one of " + ", ".join(OFFICE_IDS)
            raise self.fail(prefix + "office", f"unknown office '{office}' ({detail})")
        return Recipient(
            name=self.required_text(data, "name", prefix),
            surname=self.optional_text(data, "surname", prefix),
            gender=cast(Gender, self.choice(data, "gender", GENDERS, "gender", prefix) or "unspecified"),
            office=office or "official",
            title=self.optional_text(data, "title", prefix),
            organisation=self.optional_text(data, "organisation", prefix),
            address=self.optional_text(data, "address", prefix, multiline=True),
            salutation=self.optional_text(data, "salutation", prefix),
            closing=self.optional_text(data, "closing", prefix),
            address_dative=self.optional_text(data, "address_dative", prefix, multiline=True),
        )

    def signatories(self, data: dict[str, Any]) -> tuple[Signatory, ...]:
        if data.get("signatories") is None:
            raise self.fail("signatories", "required key is missing (list who signs, in signing order)")
        items = self.sequence(data["signatories"], "signatories", "signatories")
        if not items:
            raise self.fail("signatories", "the list is empty; give at least one signatory")
        result = []
        for i, item in enumerate(items):
            key = f"signatories[{i}]"
            entry = self.mapping(item, key, "a signatory")
            self.check_keys(entry, SIGNATORY_KEYS, key + ".")
            result.append(
                Signatory(
                    name=self.required_text(entry, "name", key + "."),
                    title=self.optional_text(entry, "title", key + "."),
                    organisation=self.optional_text(entry, "organisation", key + "."),
                    titles=self.titles(entry, key + "."),
                )
            )
        return tuple(result)

    def titles(self, entry: dict[Any, Any], prefix: str) -> Titles:
        """`titles:` as {language: title}; a misspelt language gets a suggestion like any other key."""
        value = entry.get("titles")
        if value is None:
            return ()
        key = prefix + "titles"
        mapping = self.mapping(value, key, "the title in each language (e.g. 'fr: Directrice')")
        for lang in mapping:
            if lang not in LANGUAGES:
                hint = _suggest(str(lang), LANGUAGES)
                detail = f"did you mean '{hint}'?" if hint else "use " + ", ".join(LANGUAGES)
                raise self.fail(f"{key}.{lang}", f"unknown letter language '{lang}' ({detail})")
        return normal_titles({lang: self.required_text(mapping, lang, key + ".") for lang in mapping})

    # -- scalars

    def optional_text(
        self, data: dict[Any, Any], name: str, prefix: str, multiline: bool = False
    ) -> str | None:
        value = data.get(name)
        if value is None:
            return None
        key = prefix + name
        if not isinstance(value, str):
            raise self.fail(key, f"must be text, not {describe_value(value)}")
        match = _CONTROL.search(value)
        if match:
            raise self.fail(key, _control_problem(match.group()))
        if not multiline and ("\n" in value or "\r" in value):
            raise self.fail(key, "must be one line (found a line break)")
        bidi = None if multiline else first_bidi_control(value)
        if bidi is not None:
            raise self.fail(
                key,
                f"the bidirectional control character U+{ord(bidi):04X} is not allowed: it can make the "
                "text display in a misleading order; remove it (Arabic or Hebrew text needs none)",
            )
        if not value.strip():
            raise self.fail(key, "is empty; give a value or leave the key out")
        return value

    def required_text(self, data: dict[Any, Any], name: str, prefix: str) -> str:
        value = self.optional_text(data, name, prefix)
        if value is None:
            raise self.fail(prefix + name, "required key is missing")
        return value

    def choice(
        self, data: dict[Any, Any], name: str, allowed: tuple[str, ...], what: str, prefix: str = "",
        required: bool = False,
    ) -> str | None:  # fmt: skip
        value = self.optional_text(data, name, prefix)
        if value is None:
            if required:
                raise self.fail(prefix + name, f"required key is missing (use one of {', '.join(allowed)})")
            return None
        if value not in allowed:
            hint = _suggest(value, allowed)
            detail = f"did you mean '{hint}'?" if hint else "use one of " + ", ".join(allowed)
            raise self.fail(prefix + name, f"unknown {what} '{value}' ({detail})")
        return value

    def date(self, data: dict[str, Any]) -> dt.date:
        value = self.required_text(data, "date", "")
        return parse_iso_date(value, lambda problem: self.fail("date", problem))

    def text_list(self, data: dict[str, Any], name: str) -> tuple[str, ...]:
        value = data.get(name)
        if value is None:
            return ()
        items = self.sequence(value, name, "lines of text")
        return tuple(self._list_item(item, f"{name}[{i}]") for i, item in enumerate(items))

    def _list_item(self, item: object, key: str) -> str:
        if isinstance(item, str | None) and not (item or "").strip():
            raise self.fail(key, "is empty; remove the line or give a value")
        return cast(str, self.optional_text({key: item}, key, ""))


def parse_iso_date(value: str, fail: Callable[[str], Exception]) -> dt.date:
    """A YYYY-MM-DD date; an impossible one (2023-02-30) says what the month allows."""
    match = _ISO_DATE.fullmatch(value.strip())
    if not match:
        raise fail(f"'{value}' is not an ISO date; write it as YYYY-MM-DD, e.g. 2023-10-30")
    year, month, day = (int(part) for part in match.groups())
    if not 1 <= month <= 12:
        raise fail(f"impossible date '{value}' (there is no month {month})")
    if year < 1:
        raise fail(f"impossible date '{value}' (there is no year 0)")
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        month_name = calendar.month_name[month]
        raise fail(f"impossible date '{value}' ({month_name} {year} has {days} days)")
    return dt.date(year, month, day)


def _with_body(letter: Letter, body: str) -> Letter:
    return replace(letter, body=body)


# --------------------------------------------------------------------------- writing


def letter_front_matter(letter: Letter) -> dict[str, Any]:
    """The front matter in canonical key order, optional keys left out when at their default."""
    data: dict[str, Any] = {
        "language": letter.language,
        "place": letter.place,
        "date": letter.date,
        "subject": letter.subject,
    }
    recipients = [_recipient_dict(r) for r in letter.recipients]
    if letter.batch or len(recipients) != 1:
        data["recipients"] = recipients
    else:
        data["recipient"] = recipients[0]
    if letter.register != "house":
        data["register"] = letter.register
    if letter.voice != "we":
        data["voice"] = letter.voice
    data["signatories"] = [
        _without_none(
            {
                "name": s.name,
                "title": s.title,
                "titles": dict(s.titles) or None,
                "organisation": s.organisation,
            }
        )
        for s in letter.signatories
    ]
    if letter.cc:
        data["cc"] = list(letter.cc)
    if letter.cases:
        data["cases"] = list(letter.cases)
    if letter.letterhead:
        data["letterhead"] = letter.letterhead
    cleaned: dict[str, Any] = _strip_controls(data)
    return cleaned


def _recipient_dict(recipient: Recipient) -> dict[str, Any]:
    return _without_none(
        {
            "name": recipient.name,
            "surname": recipient.surname,
            "gender": recipient.gender,
            "office": recipient.office,
            "title": recipient.title,
            "organisation": recipient.organisation,
            "address": recipient.address,
            "salutation": recipient.salutation,
            "closing": recipient.closing,
            "address_dative": recipient.address_dative,
        }
    )


def _without_none(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if value is not None}


def _strip_controls(value: Any, one_line: bool = True) -> Any:
    """What reading refuses, removed: control characters, and bidi controls in one-line fields.

    A value left blank goes too (reading refuses an empty value; an optional key can be left out).
    """
    if isinstance(value, str):
        value = _CONTROL.sub("", value)
        return remove_bidi_controls(value) if one_line else value
    if isinstance(value, dict):
        cleaned = {key: _strip_controls(item, key not in MULTILINE_KEYS) for key, item in value.items()}
        return {key: item for key, item in cleaned.items() if not _blank(item)}
    if isinstance(value, list):
        return [item for item in (_strip_controls(item, one_line) for item in value) if not _blank(item)]
    return value


def _blank(value: Any) -> bool:
    return isinstance(value, str) and not value.strip()


def write_letter_text(letter: Letter) -> str:
    """The letter as a letter file: canonical front matter, then the normalised body."""
    front = yaml.dump(
        letter_front_matter(letter),
        Dumper=LetterDumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=1_000_000,  # never fold a long subject across lines
    )
    body = normalise_body(_CONTROL.sub("", letter.body))
    return f"---\n{front}---\n\n{body}" if body else f"---\n{front}---\n"


def write_letter_file(letter: Letter, path: Path) -> None:
    """Write atomically (see `safewrite`): the old file survives any failure intact."""
    write_bytes_atomically(path, write_letter_text(letter).encode("utf-8"), example="letter.md")
