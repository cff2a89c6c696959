"""Check .docx files against the ECMA-376 transitional WordprocessingML schemas, as Word reads them.

Why it lives in the repository: LibreOffice forgives what Word refuses (element order inside
`w:pPr`, a misplaced `w:pPr`, a missing attribute), so a letter that opens in LibreOffice may still be
"unreadable content" in Word; the test suite must be able to tell on any clone, with nothing beside it.
The schemas sit next to this file (schemas/README.md names their source and licence) and are a test
dependency only: they are not in the wheel or the bundle.

Word first applies Markup Compatibility processing (ECMA-376 Part 3): it drops what a part declares
ignorable and keeps the `mc:Fallback` of an `mc:AlternateContent`; only what is left must follow the
schemas. This module does the same, then validates the parts Word validates (document, styles,
numbering, footnotes, endnotes, comments, headers and footers) with lxml.

As a module: `schema_errors(data)` for a document held in memory, `check_file(path)` for one on disk.
As a program, for a developer looking at one export:

    .venv/bin/python tests/ooxml/validate_docx.py FILE.docx [FILE.docx ...]
    .venv/bin/python -m tests.ooxml.validate_docx FILE.docx ...      (from the repository root)

exits 0 when every part of every file is valid, 1 when some part is invalid, 2 on wrong usage or
when a file is not a readable .docx (so a typo in a name is not taken for an invalid document).
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from pathlib import Path

from lxml import etree

SCHEMA = Path(__file__).resolve().parent / "schemas" / "wml-driver.xsd"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
CHECKED_PARTS = re.compile(
    r"word/(document|styles|numbering|footnotes|endnotes|comments|header\d*|footer\d*)\.xml$"
)
MAX_ERRORS_PER_PART = 8

_schema: etree.XMLSchema | None = None


class UnreadableDocx(Exception):
    """The file is not a zip archive (or cannot be read): a usage problem, not a schema verdict."""


def schema() -> etree.XMLSchema:
    """The WordprocessingML schema, loaded once (loading takes about a second)."""
    global _schema
    if _schema is None:
        _schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    return _schema


def compatibility_processing(root: etree._Element) -> etree._Element:
    """ECMA-376 Part 3: remove what the part declares ignorable; keep mc:Fallback of mc:AlternateContent.

    Without it, every w14:/wp14: extension Word itself writes would be reported as invalid.
    """
    ignorable: set[str | None] = set()
    for el in root.iter():
        declared = el.attrib.pop(f"{{{MC}}}Ignorable", None)
        if declared:
            ignorable |= {el.nsmap.get(prefix) for prefix in declared.split()}
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el.getparent() is None:
            continue
        parent = el.getparent()
        assert parent is not None
        if el.tag == f"{{{MC}}}AlternateContent":
            fallback = el.find(f"{{{MC}}}Fallback")
            at = parent.index(el)
            for k, child in enumerate(list(fallback) if fallback is not None else []):
                parent.insert(at + k, child)
            parent.remove(el)
        elif etree.QName(el).namespace in ignorable:
            parent.remove(el)
        else:
            for name in list(el.attrib):
                if name.startswith("{") and name[1:].split("}")[0] in ignorable:
                    del el.attrib[name]
    return root


def part_reports(archive: zipfile.ZipFile) -> list[tuple[str, list[str]]]:
    """(part name, problems) for every checked part, in archive order; no problems means valid."""
    checker = schema()
    reports: list[tuple[str, list[str]]] = []
    for name in archive.namelist():
        if not CHECKED_PARTS.match(name):
            continue
        try:
            root = compatibility_processing(etree.fromstring(archive.read(name)))
        except etree.XMLSyntaxError as exc:  # not even XML: Word refuses it as surely as a schema error
            reports.append((name, [f"line {exc.lineno}: not well-formed XML: {exc.msg}"]))
            continue
        if checker.validate(root):
            reports.append((name, []))
        else:
            errors = list(checker.error_log)[:MAX_ERRORS_PER_PART]
            reports.append((name, [f"line {e.line}: {e.message}" for e in errors]))
    return reports


def _open(source: Path | bytes) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source)
    except (OSError, zipfile.BadZipFile) as exc:
        raise UnreadableDocx(f"not a readable .docx ({exc})") from exc


def schema_errors(data: bytes) -> list[str]:
    """Every problem in a .docx held in memory, as "part: line N: message"; [] when Word would accept it."""
    with _open(data) as archive:
        return [f"{name}: {problem}" for name, problems in part_reports(archive) for problem in problems]


def check_file(path: Path) -> list[tuple[str, list[str]]]:
    """The per-part report for a .docx on disk; raises UnreadableDocx when it is not one."""
    with _open(path) as archive:
        return part_reports(archive)


def main(argv: list[str]) -> int:
    """Print one line per part (and its first errors), return the exit status described above."""
    if not argv or any(arg in ("-h", "--help") for arg in argv):
        print("usage: validate_docx.py FILE.docx [FILE.docx ...]", file=sys.stderr)
        return 2
    invalid = unreadable = 0
    for arg in argv:
        try:
            reports = check_file(Path(arg))
        except UnreadableDocx as exc:
            print(f"{arg}: {exc}")
            unreadable += 1
            continue
        for name, problems in reports:
            if not problems:
                print(f"{arg}: {name}: valid")
                continue
            invalid += 1
            print(f"{arg}: {name}: INVALID")
            for problem in problems:
                print(f"  {problem}")
    if unreadable:
        return 2
    return 1 if invalid else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
