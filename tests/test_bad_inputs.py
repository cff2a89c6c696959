"""The bad-input catalogue (tests/bad_inputs.md): one test per row.

Each row runs the real command (`main([...])` in process) inside a private working folder that
already holds an exported letter (`out/letter.docx`) and, for store rows, a data folder. The test
asserts the exit status, the exact one-line message on stderr, and that nothing was lost or
half-written: every file in the working folder has the same bytes afterwards and no file appeared
(no temporary file left behind).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from iphr_desk.cli import main

ROOT = Path(__file__).resolve().parent.parent
LETTERS = ROOT / "tests" / "data" / "letters"
GOOD_LETTER = LETTERS / "fr_pre_visit.md"
EXISTING_OUTPUT = b"an earlier export the user wants to keep\n"

Setup = Callable[[Path, pytest.MonkeyPatch], None]


def _nothing(_: Path, __: pytest.MonkeyPatch) -> None:
    pass


@dataclass(frozen=True)
class Row:
    """One line of tests/bad_inputs.md."""

    name: str
    argv: list[str]
    status: int
    message: str
    setup: Setup = field(default=_nothing)
    proof: str = "working folder byte for byte the same: out/letter.docx kept, no temporary file"


def _copy_bad(name: str, target: str = "letter.md") -> Setup:
    def setup(work: Path, _: pytest.MonkeyPatch) -> None:
        (work / target).write_bytes((LETTERS / "bad" / name).read_bytes())

    return setup


def _huge_letter(work: Path, _: pytest.MonkeyPatch) -> None:
    with (work / "letter.md").open("wb") as handle:
        handle.write(GOOD_LETTER.read_bytes())
        handle.truncate(50 * 1024 * 1024)


EXPORT = ["export", "letter.md", "-o", "out/letter.docx"]


def _letter_row(name: str, bad_file: str, message: str) -> Row:
    return Row(name, EXPORT, 2, f"iphr-desk: letter.md: {message}", _copy_bad(bad_file))


ROWS: list[Row] = [
    _letter_row("malformed YAML", "malformed_yaml.md",
                "line 8: malformed YAML: this line is not indented like the lines above it"),
    _letter_row("missing required key", "missing_subject.md", "subject: required key is missing"),
    _letter_row("unknown key", "unknown_recipient_key.md",
                "recipient.gendre: unknown key (did you mean 'gender'?)"),
    _letter_row("unknown office", "unknown_office.md",
                "recipient.office: unknown office 'presidnet' (did you mean 'head_of_state'?)"),
    _letter_row("unknown gender", "batch_bad_gender.md",
                "recipients[2].gender: unknown gender 'divers' (use one of female, male, unspecified)"),
    _letter_row("unknown language", "unknown_language.md",
                "language: unknown language 'es' (use one of fr, en, ru, de)"),
    _letter_row("impossible date", "impossible_date.md",
                "date: impossible date '2023-02-30' (February 2023 has 28 days)"),
    _letter_row("binary file", "binary.md",
                "this is a binary file, not a letter file (Markdown text with YAML front matter)"),
    _letter_row("file not in UTF-8", "non_utf8.md",
                "line 10: the file is not UTF-8 text (byte 0xE9); save it as UTF-8"),
    _letter_row("file in UTF-16", "utf16.md", "the file is saved as UTF-16; save it as UTF-8"),
    _letter_row("control character in the text", "control_character.md",
                "line 21: control character U+0007 is not allowed; remove it"),
    _letter_row("control character escaped in YAML", "escaped_control_character.md",
                "subject: control character U+001B is not allowed; remove it"),
    Row("50 MB letter file", EXPORT, 2,
        "iphr-desk: letter.md: the file is 50.0 MB; a letter file can be at most 5 MB", _huge_letter),
    Row("letter file missing", ["export", "nope.md", "-o", "out/letter.docx"], 2,
        "iphr-desk: nope.md: no such file"),
    Row("letter file is a folder", ["export", "out", "-o", "out/letter.docx"], 2,
        "iphr-desk: out: this is a folder, not a letter file"),
    Row("import of a bad file among good ones", ["import", "good.md", "letter.md"], 2,
        "iphr-desk: letter.md: this is a binary file, not a letter file "
        "(Markdown text with YAML front matter)",
        _copy_bad("binary.md")),
]  # fmt: skip


def snapshot(root: Path) -> dict[str, str]:
    """Every file under `root` with a digest of its bytes (sparse huge files included, cheaply)."""
    result = {}
    for path in sorted(root.rglob("*")):
        if path.is_file():
            digest = hashlib.sha256()
            with path.open("rb") as handle:
                while chunk := handle.read(1 << 20):
                    digest.update(chunk)
            result[str(path.relative_to(root))] = digest.hexdigest()
        else:
            result[str(path.relative_to(root))] = "folder"
    return result


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "letter.docx").write_bytes(EXISTING_OUTPUT)
    (tmp_path / "good.md").write_bytes(GOOD_LETTER.read_bytes())
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("IPHR_DESK_DEBUG", raising=False)
    monkeypatch.setenv("IPHR_DESK_DATA_DIR", str(tmp_path / "data"))
    return tmp_path


@pytest.mark.parametrize("row", ROWS, ids=[row.name for row in ROWS])
def test_bad_input(
    row: Row, work: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    row.setup(work, monkeypatch)
    before = snapshot(work)
    status = main(row.argv)
    captured = capsys.readouterr()
    assert status == row.status
    assert captured.err.splitlines() == [row.message]
    assert "Traceback" not in captured.err
    assert captured.out == ""
    assert snapshot(work) == before
    assert (work / "out" / "letter.docx").read_bytes() == EXISTING_OUTPUT


def render_table(rows: list[Row]) -> str:
    """The catalogue table of tests/bad_inputs.md (regenerate: `python tests/test_bad_inputs.py`)."""
    lines = [
        "| # | bad input | command | exit | exact message on stderr | proof that nothing was lost |",
        "|---|---|---|---|---|---|",
    ]
    for number, row in enumerate(rows, start=1):
        command = "iphr-desk " + " ".join(row.argv)
        cells = [str(number), row.name, f"`{command}`", str(row.status), f"`{row.message}`", row.proof]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def test_catalogue_is_the_table_these_tests_run() -> None:
    text = (ROOT / "tests" / "bad_inputs.md").read_text(encoding="utf-8")
    start = text.index("| # |")
    end = text.find("\n\n", start)
    table = text[start:] if end < 0 else text[start : end + 1]
    assert table == render_table(ROWS)


if __name__ == "__main__":
    catalogue = ROOT / "tests" / "bad_inputs.md"
    head, _, rest = catalogue.read_text(encoding="utf-8").partition("| # |")
    tail = rest[rest.find("\n\n") :] if "\n\n" in rest else "\n"
    catalogue.write_text(head + render_table(ROWS) + tail.removeprefix("\n"), encoding="utf-8")
