"""The Word-schema check must say no when Word would: otherwise every test that relies on it passes vacuously.

Each case below breaks a valid document the way Word refuses (it reports "unreadable content") while
LibreOffice opens it without a word, and checks that the validator names the part, through every way the
suite and a developer use it: `schema_errors()` for documents in memory, `validate_docx()` of
tests/core/readback.py for files, and the program's exit status.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
import validate_docx as validator

HERE = Path(__file__).resolve().parent
CORE = HERE.parent / "core"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
HEADING_PPR = '<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>'
LIGATURES = f'<w14:ligatures xmlns:w14="{W14}" w14:val="standard"/>'


def valid_document() -> bytes:
    """A small document python-docx writes, with a styled paragraph and an italic run to break."""
    document = docx.Document()
    paragraph = document.add_paragraph("Dear Minister, ", style="Heading 1")
    paragraph.add_run("Ivanov").italic = True
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def rewrite(data: bytes, change: Callable[[str], str], part: str = "word/document.xml") -> bytes:
    """`data` with one part's XML text changed (the change must apply: a no-op would test nothing)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == part:
                text = content.decode("utf-8")
                changed = change(text)
                assert changed != text, "the test's change did not apply"
                content = changed.encode("utf-8")
            dst.writestr(info, content)
    return out.getvalue()


def once(old: str, new: str) -> Callable[[str], str]:
    return lambda text: text.replace(old, new, 1)


# Each case: how to break the document, and what lxml must name in its report (so that a case does not
# pass because of some other, accidental error).
INVALID: dict[str, tuple[Callable[[str], str], str]] = {
    # A paragraph inside run properties: the mistake a careless rich-text writer makes.
    "w:p inside w:rPr": (
        once("<w:i/></w:rPr>", "<w:i/><w:p/></w:rPr>"),
        "main}p': This element is not expected",
    ),
    # Paragraph properties after the paragraph's first run.
    "w:pPr after w:r": (
        lambda text: once(HEADING_PPR, "")(text).replace("</w:p>", HEADING_PPR + "</w:p>", 1),
        "main}pPr': This element is not expected",
    ),
    # Paragraph properties out of order (w:jc comes after w:pStyle).
    "w:pPr children out of order": (
        once(HEADING_PPR, '<w:pPr><w:jc w:val="left"/><w:pStyle w:val="Heading1"/></w:pPr>'),
        "main}pStyle': This element is not expected",
    ),
    "missing required attribute": (
        once('<w:pStyle w:val="Heading1"/>', "<w:pStyle/>"),
        "main}val' is required but missing",
    ),
    "value outside its type": (once("<w:i/>", '<w:i w:val="maybe"/>'), "'maybe' is not a valid value"),
    "element unknown to WordprocessingML": (
        once("<w:body>", "<w:body><w:frobnicate/>"),
        "main}frobnicate': This element is not expected",
    ),
    # A Word 2010 element in a part that does not declare its namespace ignorable.
    "extension not declared ignorable": (
        lambda text: once("<w:i/>", f"<w:i/>{LIGATURES}")(
            re.sub(r' mc:Ignorable="[^"]*"', "", text, count=1)
        ),
        "wordml}ligatures': This element is not expected",
    ),
}


@pytest.fixture(scope="module")
def valid() -> bytes:
    data = valid_document()
    assert validator.schema_errors(data) == [], "python-docx's own document should be valid"
    return data


@pytest.mark.parametrize("case", sorted(INVALID))
def test_a_schema_invalid_document_is_reported(valid: bytes, case: str) -> None:
    change, expected = INVALID[case]
    errors = validator.schema_errors(rewrite(valid, change))
    assert errors, f"{case}: not reported"
    assert all(error.startswith("word/document.xml: line ") for error in errors), errors
    assert expected in errors[0], errors


def test_what_a_part_declares_ignorable_is_dropped_first(valid: bytes) -> None:
    """Markup Compatibility processing: Word's own w14 extensions and mc:AlternateContent are accepted,
    and what is kept of an mc:AlternateContent (its mc:Fallback) is checked like everything else."""

    def extended(fallback: str) -> Callable[[str], str]:
        def change(text: str) -> str:
            text = once("<w:i/></w:rPr>", f"<w:i/>{LIGATURES}</w:rPr>")(text)
            return once(
                "<w:body>",
                f'<w:body><mc:AlternateContent xmlns:mc="{MC}"><mc:Choice Requires="w14"><w14:anything/>'
                f"</mc:Choice><mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent>",
            )(text)

        return change

    assert 'mc:Ignorable="w14' in zipfile.ZipFile(io.BytesIO(valid)).read("word/document.xml").decode()
    assert validator.schema_errors(rewrite(valid, extended("<w:p/>"))) == []
    assert validator.schema_errors(rewrite(valid, extended("<w:frobnicate/>")))


def test_a_broken_part_is_reported_not_raised(valid: bytes) -> None:
    errors = validator.schema_errors(rewrite(valid, once("</w:body>", "")))
    assert errors and "not well-formed" in errors[0]


def test_the_suites_readback_helpers_fail_on_an_invalid_document(valid: bytes, tmp_path: Path) -> None:
    """tests/core/readback.py is what the exporter tests call: it must pass the verdict on unchanged."""
    sys.path.insert(0, str(CORE))
    try:
        import readback
    finally:
        sys.path.remove(str(CORE))
    good = tmp_path / "good.docx"
    good.write_bytes(valid)
    bad = tmp_path / "bad.docx"
    bad.write_bytes(rewrite(valid, INVALID["w:p inside w:rPr"][0]))
    assert readback.schema_errors(bad.read_bytes())
    assert readback.validate_docx([good]).returncode == 0
    run = readback.validate_docx([good, bad])
    assert run.returncode == 1
    assert f"{good}: word/document.xml: valid" in run.stdout
    assert f"{bad}: word/document.xml: INVALID" in run.stdout
    assert "rPrChange" in run.stdout  # lxml's message names what w:rPr may still hold there


def program(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """The validator as a developer runs it on a file: a separate Python, from any folder."""
    return subprocess.run(
        [sys.executable, str(HERE / "validate_docx.py"), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=HERE.parent.parent.parent,  # outside the repository: the program finds its schemas itself
    )


def test_the_program_exit_statuses(valid: bytes, tmp_path: Path) -> None:
    good = tmp_path / "good.docx"
    good.write_bytes(valid)
    bad = tmp_path / "bad.docx"
    bad.write_bytes(rewrite(valid, INVALID["w:p inside w:rPr"][0]))
    not_docx = tmp_path / "notes.docx"
    not_docx.write_text("not a zip archive")

    assert program(good).returncode == 0
    run = program(good, bad)
    assert run.returncode == 1, run.stdout + run.stderr
    assert f"{bad}: word/document.xml: INVALID" in run.stdout
    assert program().returncode == 2  # usage
    assert program(not_docx).returncode == 2  # a wrong name is not an invalid document
    assert program(tmp_path / "missing.docx").returncode == 2


def test_the_schemas_are_in_the_repository() -> None:
    """No path outside the repository: the schema the validator loads is the one beside it."""
    assert validator.SCHEMA.is_relative_to(HERE)
    assert (HERE / "schemas" / "README.md").is_file()
