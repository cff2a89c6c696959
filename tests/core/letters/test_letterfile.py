"""Letter files: parsing, validation messages (exact), and safe writing."""

from __future__ import annotations

import datetime as dt
import errno
import os
from pathlib import Path

import pytest

from iphr_desk.core.errors import ExportError, LetterFileError, OutputPathError
from iphr_desk.core.letters.letter import Letter, Recipient, Signatory
from iphr_desk.core.letters.letterfile import (
    MAX_FILE_BYTES,
    parse_letter_file,
    parse_letter_text,
    write_letter_file,
    write_letter_text,
)

LETTERS = Path(__file__).resolve().parents[2] / "data" / "letters"
SAMPLE = LETTERS / "fr_pre_visit.md"

#: Every malformed file in tests/data/letters/bad and the exact message it gets (after "bad/NAME: ").
MALFORMED = [
    (
        "batch_bad_gender.md",
        "recipients[2].gender: unknown gender 'divers' (use one of female, male, unspecified)",
    ),
    ("cc_not_a_list.md", "cc: must be a list of lines of text (lines starting with '- '), not text"),
    ("binary.md", "this is a binary file, not a letter file (Markdown text with YAML front matter)"),
    ("both_recipient_and_recipients.md", "recipients: use either 'recipient' or 'recipients', not both"),
    ("control_character.md", "line 21: control character U+0007 is not allowed; remove it"),
    ("duplicate_key.md", "line 4: the key 'place' is given twice"),
    (
        "empty_front_matter.md",
        "the front matter is empty; it needs language, place, date, subject, recipient and signatories",
    ),
    ("empty_place.md", "place: is empty; give a value or leave the key out"),
    ("empty_recipients.md", "recipients: the list is empty; give at least one recipient"),
    ("escaped_control_character.md", "subject: control character U+001B is not allowed; remove it"),
    ("front_matter_is_a_list.md", "the front matter must be 'key: value' lines, not a list"),
    ("impossible_date.md", "date: impossible date '2023-02-30' (February 2023 has 28 days)"),
    ("malformed_yaml.md", "line 8: malformed YAML: this line is not indented like the lines above it"),
    ("missing_recipient.md", "recipient: required key is missing (or give a list under 'recipients')"),
    ("missing_subject.md", "subject: required key is missing"),
    ("no_front_matter.md", "the file must start with a line '---' that opens the YAML front matter"),
    ("non_utf8.md", "line 10: the file is not UTF-8 text (byte 0xE9); save it as UTF-8"),
    ("not_iso_date.md", "date: '30/10/2023' is not an ISO date; write it as YYYY-MM-DD, e.g. 2023-10-30"),
    (
        "recipient_is_text.md",
        "recipient: must be a recipient written as indented 'key: value' lines, not text",
    ),
    (
        "signatories_not_a_list.md",
        "signatories: must be a list of signatories (lines starting with '- '), not text",
    ),
    ("signatory_without_name.md", "signatories[0].name: required key is missing"),
    ("unclosed_front_matter.md", "the front matter opened on line 1 is never closed by a line '---'"),
    ("unknown_gender.md", "recipient.gender: unknown gender 'femal' (did you mean 'female'?)"),
    ("unknown_language.md", "language: unknown language 'es' (use one of fr, en, ru, de)"),
    ("unknown_office.md", "recipient.office: unknown office 'presidnet' (did you mean 'head_of_state'?)"),
    ("unknown_recipient_key.md", "recipient.gendre: unknown key (did you mean 'gender'?)"),
    ("unknown_register.md", "register: unknown register 'formel' (did you mean 'formal'?)"),
    ("unknown_signatory_key.md", "signatories[0].titel: unknown key (did you mean 'title'?)"),
    (
        "unknown_top_key.md",
        "author: unknown key (allowed keys are language, place, date, subject, recipient, recipients, "
        "register, voice, signatories, cc, cases, letterhead)",
    ),
    ("utf16.md", "the file is saved as UTF-16; save it as UTF-8"),
]


@pytest.mark.parametrize(("name", "message"), MALFORMED, ids=[m[0] for m in MALFORMED])
def test_malformed_file_gets_its_exact_message(
    name: str, message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(LETTERS)
    with pytest.raises(LetterFileError) as caught:
        parse_letter_file(Path("bad") / name)
    assert str(caught.value) == f"bad/{name}: {message}"
    assert caught.value.exit_code == 2


def test_every_malformed_file_is_in_the_table() -> None:
    on_disk = sorted(p.name for p in (LETTERS / "bad").glob("*.md"))
    assert on_disk == sorted(name for name, _ in MALFORMED)


def test_sample_file_parses_to_the_expected_letter() -> None:
    letter = parse_letter_file(SAMPLE)
    assert letter.language == "fr"
    assert letter.date == dt.date(2023, 10, 30)
    assert letter.recipient == Recipient(
        name="Emmanuel Macron",
        gender="male",
        office="head_of_state",
        title="Président de la République française",
        address="55 rue du Faubourg Saint-Honoré\n75008 Paris\n",
    )
    assert letter.signatories == (
        Signatory("Brigitte Dufour", "Directrice", "International Partnership for Human Rights (IPHR)"),
    )
    assert letter.cases == ("KZ-2022-003",)
    assert not letter.batch
    assert "[^1]: Voir notre rapport de 2023." in letter.body
    assert "- premier point" in letter.body


def test_yaml_booleans_and_numbers_are_text() -> None:
    text = _minimal("place: No\nsubject: 1e3\ncases: [12, KZ-2022-003]\n")
    letter = parse_letter_text(text, "x.md")
    assert (letter.place, letter.subject, letter.cases) == ("No", "1e3", ("12", "KZ-2022-003"))


def test_quoted_date_is_accepted() -> None:
    letter = parse_letter_text(_minimal("", date="'2024-02-29'"), "x.md")
    assert letter.date == dt.date(2024, 2, 29)


def test_byte_order_mark_and_windows_line_endings_are_accepted() -> None:
    text = "\ufeff" + _minimal("").replace("\n", "\r\n")
    assert parse_letter_text(text, "x.md") == parse_letter_text(_minimal(""), "x.md")


def test_recipients_list_makes_a_batch() -> None:
    text = _minimal("", recipient="recipients:\n- name: Anna Roth\n  gender: female\n- name: Jan Novak\n")
    letter = parse_letter_text(text, "x.md")
    assert letter.batch
    assert [r.name for r in letter.recipients] == ["Anna Roth", "Jan Novak"]
    assert "recipients:" in write_letter_text(letter)


def test_defaults_are_filled_and_left_out_when_written() -> None:
    letter = parse_letter_text(_minimal(""), "x.md")
    assert (letter.register, letter.voice, letter.cc, letter.letterhead) == ("house", "we", (), None)
    assert letter.recipient.gender == "unspecified"
    assert letter.recipient.office == "official"
    text = write_letter_text(letter)
    assert "register:" not in text and "voice:" not in text


def test_one_line_field_refuses_a_line_break() -> None:
    with pytest.raises(LetterFileError) as caught:
        parse_letter_text(_minimal('subject: "a\\nb"\n'), "x.md")
    assert str(caught.value) == "x.md: subject: must be one line (found a line break)"


def test_written_file_has_canonical_key_order() -> None:
    text = write_letter_text(parse_letter_file(SAMPLE))
    keys = [line.split(":")[0] for line in text.split("---\n")[1].splitlines() if line[:1].isalpha()]
    assert keys == ["language", "place", "date", "subject", "recipient", "signatories", "cases"]
    assert "  address: |\n    55 rue" in text


def test_write_removes_control_characters_so_the_file_reopens() -> None:
    letter = _letter(subject="Bell\x07 here", body="Body\x0b text.")
    again = parse_letter_text(write_letter_text(letter), "x.md")
    assert (again.subject, again.body) == ("Bell here", "Body text.\n")


def test_oversized_file_is_refused_without_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.md"
    with big.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(LetterFileError) as caught:
        parse_letter_file(big)
    assert str(caught.value) == f"{big}: the file is 5.0 MB; a letter file can be at most 5 MB"


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(LetterFileError, match=r"no such file$"):
        parse_letter_file(tmp_path / "nope.md")
    with pytest.raises(LetterFileError, match=r"this is a folder, not a letter file$"):
        parse_letter_file(tmp_path)


def test_write_letter_file_replaces_atomically(tmp_path: Path) -> None:
    target = tmp_path / "letter.md"
    write_letter_file(_letter(subject="First"), target)
    write_letter_file(_letter(subject="Second"), target)
    assert parse_letter_file(target).subject == "Second"
    assert [p.name for p in tmp_path.iterdir()] == ["letter.md"]


def test_disk_full_leaves_the_old_file_and_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "letter.md"
    write_letter_file(_letter(subject="Kept"), target)
    before = target.read_bytes()

    def full(*_: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(ExportError) as caught:
        write_letter_file(_letter(subject="Lost"), target)
    assert str(caught.value) == f"Could not write {target}: No space left on device. Nothing was changed."
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["letter.md"]


def test_write_to_missing_folder_or_onto_a_folder(tmp_path: Path) -> None:
    with pytest.raises(OutputPathError) as caught:
        write_letter_file(_letter(), tmp_path / "nope" / "x.md")
    missing = tmp_path / "nope"
    assert str(caught.value) == f"The folder {missing} does not exist; create it first or choose another."
    with pytest.raises(OutputPathError) as caught:
        write_letter_file(_letter(), tmp_path)
    assert str(caught.value) == f"{tmp_path} is a folder; give a file name such as {tmp_path / 'letter.md'}."


def test_a_replaced_letter_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "letter.md"
    old = os.umask(0o077)
    try:
        write_letter_file(_letter(subject="First"), target)
    finally:
        os.umask(old)
    assert target.stat().st_mode & 0o777 == 0o600  # a new file follows the umask (here a private one)
    target.chmod(0o644)
    write_letter_file(_letter(subject="Second"), target)
    assert target.stat().st_mode & 0o777 == 0o644
    assert parse_letter_file(target).subject == "Second"


def _letter(subject: str = "Subject", body: str = "Body.") -> Letter:
    return Letter(
        language="en",
        place="Brussels",
        date=dt.date(2024, 3, 14),
        subject=subject,
        recipients=(Recipient(name="Kaja Kallas", gender="female", office="eu_high_representative"),),
        signatories=(Signatory(name="Anna Roth"),),
        body=body,
    )


def _minimal(
    extra: str, date: str = "2024-03-14", recipient: str = "recipient:\n  name: Kaja Kallas\n"
) -> str:
    base = {"place": "place: Brussels\n", "subject": "subject: Detained bloggers\n"}
    for key in list(base):
        if extra.startswith(key + ":") or f"\n{key}:" in extra:
            base.pop(key)
    return (
        "---\nlanguage: en\n" + "".join(base.values()) + f"date: {date}\n" + recipient
        + "signatories:\n- name: Anna Roth\n" + extra + "---\n\nBody.\n"
    )  # fmt: skip


def test_pure_python_yaml_gives_the_same_messages() -> None:
    """PyYAML without libyaml (some platforms' wheels) must word every YAML problem the same way."""
    import subprocess
    import sys

    names = ["duplicate_key.md", "impossible_date.md", "malformed_yaml.md", "unknown_office.md"]
    code = (
        "import sys, yaml\n"
        "del yaml.CSafeLoader, yaml.CSafeDumper\n"
        "from pathlib import Path\n"
        "from iphr_desk.core.letters.letterfile import parse_letter_file, parse_letter_text, _LetterLoader\n"
        "assert _LetterLoader.__mro__[1] is yaml.SafeLoader\n"
        "for name in sys.argv[1:]:\n"
        "    try:\n"
        "        parse_letter_file(Path('bad') / name)\n"
        "    except Exception as exc:\n"
        "        print(exc)\n"
        "for text in ('---\\n\\tname: x\\n---\\n', '---\\nsubject: @x\\n---\\n'):\n"
        "    try:\n"
        "        parse_letter_text(text, 'x.md')\n"
        "    except Exception as exc:\n"
        "        print(exc)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, *names],
        capture_output=True,
        text=True,
        cwd=LETTERS,
        timeout=120,
        check=False,
    )
    expected = [f"bad/{name}: {message}" for name, message in MALFORMED if name in names]
    expected += [
        "x.md: line 2: malformed YAML: a tab is used for indentation; use spaces",
        "x.md: line 2: malformed YAML: '@' cannot start a value; put the text in quotes",
    ]
    assert result.stdout.splitlines() == expected, result.stderr


def test_replacing_a_file_keeps_its_permissions_and_a_new_file_follows_the_umask(tmp_path: Path) -> None:
    target = tmp_path / "shared.md"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o600)
    write_letter_file(_letter(), target)
    assert target.stat().st_mode & 0o777 == 0o600
    old = os.umask(0o022)
    try:
        fresh = tmp_path / "new.md"
        write_letter_file(_letter(), fresh)
    finally:
        os.umask(old)
    assert fresh.stat().st_mode & 0o777 == 0o644  # the user's document, as any file they create
