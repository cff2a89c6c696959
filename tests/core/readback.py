"""Read exported documents back the way a signatory's software does: LibreOffice and Pandoc.

LibreOffice takes seconds to start, so every document of a test session is converted by ONE
`soffice` call with a private profile; Pandoc is quick and runs per document. The Word-schema
check (`validate-docx`) also takes many files in one call.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

from lxml import etree

REPO = Path(__file__).resolve().parents[2]
VALIDATOR = Path(os.environ.get("IPHR_VALIDATE_DOCX", REPO.parent / "shared" / "tools" / "validate-docx"))


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def libreoffice_text(paths: list[Path], outdir: Path) -> dict[Path, str]:
    """Each document's text as LibreOffice reads it (txt:Text), converted in one soffice call."""
    program = soffice()
    if program is None or not paths:
        return {}
    outdir.mkdir(parents=True, exist_ok=True)
    # Documents from different folders may share a name; convert uniquely named links to them.
    staged = outdir / "in"
    staged.mkdir(exist_ok=True)
    links = []
    for index, path in enumerate(paths):
        link = staged / f"doc{index:04d}.docx"
        link.unlink(missing_ok=True)
        link.symlink_to(path.resolve())
        links.append(link)
    with tempfile.TemporaryDirectory(prefix="iphr-lo-profile-") as profile:
        subprocess.run(
            [
                program,
                f"-env:UserInstallation={Path(profile).as_uri()}",
                "--headless",
                "--norestore",
                "--convert-to",
                "txt:Text",
                "--outdir",
                str(outdir),
                *map(str, links),
            ],
            capture_output=True,
            timeout=600,
            check=False,
        )
    texts: dict[Path, str] = {}
    for path, link in zip(paths, links, strict=True):
        txt = outdir / f"{link.stem}.txt"
        if txt.is_file():
            texts[path] = txt.read_text(encoding="utf-8-sig")
    return texts


def pandoc_markdown(path: Path) -> str:
    result = subprocess.run(
        ["pandoc", "-t", "markdown", "--wrap=none", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return result.stdout


def validate_docx(paths: list[Path]) -> subprocess.CompletedProcess[str]:
    """Run the ECMA-376 schema check on all `paths` in one call (from the repo, for its .venv)."""
    return subprocess.run(
        [str(VALIDATOR), *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=REPO,
        check=False,
    )


def lines(text: str) -> list[str]:
    """Non-empty lines, stripped (list indentation differs between LibreOffice versions)."""
    return [line.strip() for line in text.splitlines() if line.strip()]


SCHEMA = Path(os.environ.get("IPHR_WML_SCHEMA", REPO.parent / "shared" / "ooxml-schemas" / "wml-driver.xsd"))
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_CHECKED_PARTS = re.compile(
    r"word/(document|styles|numbering|footnotes|endnotes|comments|header\d*|footer\d*)\.xml$"
)
_schema: etree.XMLSchema | None = None


def schema_errors(data: bytes) -> list[str]:
    """What validate-docx would report for a .docx held in memory (same schema, same processing).

    For documents a test builds in memory; files on disk go through the validate-docx tool.
    """
    global _schema
    if _schema is None:
        _schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    problems: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if _CHECKED_PARTS.match(name):
                root = _compatibility_processing(etree.fromstring(archive.read(name)))
                if not _schema.validate(root):
                    problems += [f"{name}: line {e.line}: {e.message}" for e in list(_schema.error_log)[:5]]
    return problems


def _compatibility_processing(root: etree._Element) -> etree._Element:
    """ECMA-376 Part 3, as validate-docx does it: drop what the part declares ignorable."""
    ignorable: set[str | None] = set()
    for el in root.iter():
        declared = el.attrib.pop(f"{{{_MC}}}Ignorable", None)
        if declared:
            ignorable |= {el.nsmap.get(prefix) for prefix in declared.split()}
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el.getparent() is None:
            continue
        parent = el.getparent()
        if el.tag == f"{{{_MC}}}AlternateContent":
            fallback = el.find(f"{{{_MC}}}Fallback")
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
