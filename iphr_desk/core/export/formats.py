"""The export formats: a file suffix, and the function that writes one letter in that format.

A new format is one module with a writer of this shape, plus one `register` call below; the command line
(`export LETTER.md -o OUT.<suffix>`) and the list of accepted suffixes in its messages follow from here.
Batches (one document per recipient, or one combined document) are Word's and PDF's own business
(`docx_export.export_batch`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from iphr_desk.core.export.letterhead import Letterhead
from iphr_desk.core.letters.letter import Letter

#: (letter, output, letterhead, warnings) -> the path written
Writer = Callable[[Letter, Path, Letterhead, "list[str] | None"], Path]


@dataclass(frozen=True)
class ExportFormat:
    name: str
    suffix: str  # with its dot: ".docx"
    write: Writer


_FORMATS: dict[str, ExportFormat] = {}


def register(export_format: ExportFormat) -> None:
    _FORMATS[export_format.suffix] = export_format


def formats() -> list[ExportFormat]:
    return list(_FORMATS.values())


def for_suffix(suffix: str) -> ExportFormat | None:
    return _FORMATS.get(suffix.lower())


def suffixes() -> list[str]:
    return list(_FORMATS)


# The writers import their modules when called: python-docx and LibreOffice's helpers are not loaded by
# asking which formats exist.


def _docx(letter: Letter, output: Path, head: Letterhead, warnings: list[str] | None) -> Path:
    from iphr_desk.core.export.docx_export import export_letter

    return export_letter(letter, output, letterhead=head, warnings=warnings)


def _pdf(letter: Letter, output: Path, head: Letterhead, warnings: list[str] | None) -> Path:
    from iphr_desk.core.export.docx_export import export_pdf

    return export_pdf(letter, output, letterhead=head, warnings=warnings)


def _html(letter: Letter, output: Path, head: Letterhead, warnings: list[str] | None) -> Path:
    from iphr_desk.core.export.html import export_html

    return export_html(letter, output, letterhead=head, warnings=warnings)


register(ExportFormat("Word document", ".docx", _docx))
register(ExportFormat("PDF", ".pdf", _pdf))
register(ExportFormat("Web page", ".html", _html))
