"""Export a letter as a .docx on the organisation's letterhead (and as PDF through LibreOffice).

Order of the letter, top to bottom (docs/letter-format.md): the letterhead's own page
header and footer, the recipient block (attention line, then address lines), place and date,
subject, salutation, body, closing, one signature block per signatory (several side by side in a
borderless table), cc lines.

Public API (used by the CLI and the GUI):

- `export_letter(letter, output, ...)`: one single-recipient letter to .docx (or .pdf by suffix).
- `export_pdf(letter, output, ...)`: the same, always as PDF.
- `export_batch(letter, out_dir, ...)`: one file per recipient, or one combined document.
- `export_frame(frame, body, output, ...)`: the same from an already computed `Frame`.
- `build_document(...)` / `document_bytes(...)`: the document in memory, for previews and tests.

Nothing is written in place: each file goes to a temporary file in the target folder and is
renamed over the destination only when complete, so a failure leaves any earlier file untouched.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import math
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Final

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.oxml.table import CT_Tbl
from docx.oxml.text.paragraph import CT_P
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import Section
from docx.shared import Emu, Inches, Twips
from docx.table import Table
from lxml import etree

from iphr_desk.core.errors import ExportError, OutputPathError
from iphr_desk.core.export.docx.body import BodyWriter, Story
from iphr_desk.core.export.docx.footnotes import Footnotes
from iphr_desk.core.export.docx.metadata import prune_relationships, set_language, set_properties
from iphr_desk.core.export.docx.numbering import Numbering
from iphr_desk.core.export.docx.ooxml import (
    SECTPR_AFTER_FOOTNOTEPR,
    SECTPR_AFTER_PGNUMTYPE,
    W_R,
    add_paragraph,
    append_text,
    element,
    set_paragraph_style,
)
from iphr_desk.core.export.docx.ooxml import set_spacing_before as _space_before
from iphr_desk.core.export.docx.package import (
    letter_document,
    prepared_of,
)
from iphr_desk.core.export.docx.review_marks import ReviewMarks, apply_marks
from iphr_desk.core.export.docx.signature_image import (
    add_image_paragraph,
    attach_images,
    keep_images,
    tighten_name,
)
from iphr_desk.core.export.docx.styles import StyleIds
from iphr_desk.core.export.docx.template import replace_footer_text
from iphr_desk.core.export.filenames import batch_filename, combined_filename
from iphr_desk.core.export.letterhead import Letterhead, load_letterhead
from iphr_desk.core.letters.letter import Letter
from iphr_desk.core.letters.richtext import Body, parse_body
from iphr_desk.core.protocol.frame import Frame, SignatureBlock
from iphr_desk.core.protocol.housestyle import HouseStyle
from iphr_desk.core.protocol.typography import typeset_body, typeset_frame
from iphr_desk.core.safewrite import (
    check_output_path,
    replace_into_place,
    temporary_sibling,
    write_atomically,
)
from iphr_desk.core.textclean import clean_xml_text, removal_warning

#: Word's language tags for the letter languages (spelling, hyphenation).
LANGUAGE_TAGS: Final = {"fr": "fr-FR", "en": "en-GB", "ru": "ru-RU", "de": "de-DE"}
SIGNATURES_PER_ROW: Final = 3
_SECT_PR: Final = qn("w:sectPr")
CC_SPACE_BEFORE: Final = 360  # twips
Progress = Callable[[int, int], bool]


@dataclass(frozen=True)
class _Piece:
    """One letter to lay out: its frame and parsed body."""

    frame: Frame
    body: Body


@dataclass(frozen=True)
class _ParsedBody:
    """A Markdown body cleaned and parsed once, for every recipient of a batch."""

    body: Body
    removed: int


# --------------------------------------------------------------------------- public API


def export_letter(
    letter: Letter,
    output: Path,
    *,
    letterhead: Letterhead | None = None,
    data_dir: Path | None = None,
    warnings: list[str] | None = None,
    frame: Frame | None = None,
    now: dt.datetime | None = None,
    marks: ReviewMarks | None = None,
) -> Path:
    """Write a single-recipient `letter` to `output` (.docx, or .pdf through LibreOffice).

    `marks`: provenance properties and comments for a .docx sent out for review (`docx.review_marks`).
    """
    head = letterhead or load_letterhead(letter.letterhead, data_dir)
    frame = frame or compute_letter_frame(letter, head)
    return export_frame(frame, letter.body, output, letterhead=head, warnings=warnings, now=now, marks=marks)


def export_pdf(
    letter: Letter,
    output: Path,
    *,
    letterhead: Letterhead | None = None,
    data_dir: Path | None = None,
    warnings: list[str] | None = None,
    frame: Frame | None = None,
    now: dt.datetime | None = None,
) -> Path:
    """Write `letter` as a PDF (through LibreOffice) at `output`, whatever its suffix says."""
    target = output if output.suffix.lower() == ".pdf" else output.with_suffix(".pdf")
    return export_letter(
        letter, target, letterhead=letterhead, data_dir=data_dir, warnings=warnings, frame=frame, now=now
    )


def export_frame(
    frame: Frame,
    body: str,
    output: Path,
    *,
    letterhead: Letterhead | None = None,
    warnings: list[str] | None = None,
    now: dt.datetime | None = None,
    marks: ReviewMarks | None = None,
) -> Path:
    """Write the letter made of `frame` and the Markdown `body` to `output`."""
    head = letterhead or load_letterhead()
    return _write(output, [_piece(frame, body, warnings)], head, now, marks)


def export_batch(
    letter: Letter,
    out_dir: Path,
    *,
    combined: bool = False,
    progress: Progress | None = None,
    letterhead: Letterhead | None = None,
    data_dir: Path | None = None,
    warnings: list[str] | None = None,
    frames: Sequence[Frame] | None = None,
    pdf: bool = False,
    now: dt.datetime | None = None,
    marks: ReviewMarks | None = None,
) -> list[Path]:
    """One letter per recipient into `out_dir` (or one combined document); returns the paths.

    Files are named `YYYY-MM-DD Surname - Subject.docx`. `progress(done, total)` is called after
    each letter; returning False cancels. `marks` (a .docx's provenance) is written into every
    .docx, with the recipient's index in each. A cancelled or failed batch writes nothing at all:
    every file is first written to a temporary file and all are renamed into place at the end.
    A combined document is `out_dir` itself when it ends in .docx/.pdf, else
    `YYYY-MM-DD Subject.docx` inside it. Returns [] when cancelled.
    """
    head = letterhead or load_letterhead(letter.letterhead, data_dir)
    count = len(letter.recipients)
    if frames is None:
        frames = [compute_letter_frame(letter.for_recipient(i), head) for i in range(count)]
    suffix = ".pdf" if pdf else ".docx"
    if combined:
        return _combined(letter, out_dir, frames, head, suffix, progress, warnings, now, marks)
    _check_folder(out_dir)
    taken: set[str] = set()
    targets = [
        out_dir / batch_filename(letter.date, r.effective_surname, letter.subject, taken, suffix=suffix)
        for r in letter.recipients
    ]
    for target in targets:
        check_output_path(target)
    return _write_all(targets, frames, letter.body, head, progress, warnings, now, marks)


def compute_letter_frame(letter: Letter, letterhead: Letterhead) -> Frame:
    """The letter's frame under the letterhead's house style (core.protocol does the work)."""
    try:
        from iphr_desk.core.protocol.address import compute_frame
    except ImportError as exc:  # pragma: no cover - only while the protocol module is missing
        raise ExportError("The forms-of-address module is not available.") from exc
    # Signature images ride on the letter only when it is Signed or Sent (the store decides).
    return attach_images(compute_frame(letter, letterhead.style()), letter.signature_images)


def document_bytes(
    pieces: Sequence[tuple[Frame, str]],
    letterhead: Letterhead | None = None,
    *,
    warnings: list[str] | None = None,
    now: dt.datetime | None = None,
) -> bytes:
    """The .docx for one or more letters (several → one document, a section each), in memory."""
    head = letterhead or load_letterhead()
    built = build_document([_piece(f, b, warnings) for f, b in pieces], head, now)
    stream = io.BytesIO()
    built.save(stream)
    return stream.getvalue()


# --------------------------------------------------------------------------- writing files


def _write(
    output: Path,
    pieces: list[_Piece],
    head: Letterhead,
    now: dt.datetime | None,
    marks: ReviewMarks | None = None,
) -> Path:
    if output.suffix.lower() == ".pdf":
        return _write_pdf(output, pieces, head, now)
    document = build_document(pieces, head, now, marks=marks)
    return write_atomically(output, document.save)


def _write_pdf(output: Path, pieces: list[_Piece], head: Letterhead, now: dt.datetime | None) -> Path:
    from iphr_desk.core.export.pdf import convert_joined, convert_to_pdf

    check_output_path(output)
    with temporary_sibling(output, ".pdf") as temp:
        if len(pieces) > 1:
            # A combined PDF is each letter's own PDF in turn: LibreOffice does not restart footnote
            # numbering per section, nor keep the separator after the first (pdf.convert_joined).
            convert_joined([build_document([piece], head, now).save for piece in pieces], temp)
        else:
            convert_to_pdf(build_document(pieces, head, now).save, temp, stem=output.stem)
        replace_into_place(temp, output)
    return output


def _write_all(
    targets: list[Path],
    frames: Sequence[Frame],
    body: str,
    head: Letterhead,
    progress: Progress | None,
    warnings: list[str] | None,
    now: dt.datetime | None,
    marks: ReviewMarks | None = None,
) -> list[Path]:
    total = len(targets)
    collected: list[str] = []
    parsed = _parse(body)
    with ExitStack() as stack:
        temps: list[Path] = []
        pdf_jobs: list[tuple[Callable[[str], object], Path]] = []
        for index, (target, frame) in enumerate(zip(targets, frames, strict=True)):
            temp = stack.enter_context(temporary_sibling(target, target.suffix))
            own_marks = marks.for_recipient(index) if marks is not None else None
            document = build_document([_piece(frame, parsed, collected)], head, now, marks=own_marks)
            if target.suffix.lower() == ".pdf":
                pdf_jobs.append((document.save, temp))
            else:
                document.save(str(temp))
            temps.append(temp)
            if progress is not None and progress(index + 1, total) is False:
                return []
        if pdf_jobs:
            from iphr_desk.core.export.pdf import convert_many

            convert_many(pdf_jobs)
        for temp, target in zip(temps, targets, strict=True):
            replace_into_place(temp, target)
    _add_unique(warnings, collected)
    return targets


def _add_unique(warnings: list[str] | None, new: list[str]) -> None:
    """Each warning once: a batch repeats the same body for every recipient."""
    if warnings is not None:
        warnings.extend(w for w in dict.fromkeys(new) if w not in warnings)


def _combined(
    letter: Letter,
    out_dir: Path,
    frames: Sequence[Frame],
    head: Letterhead,
    suffix: str,
    progress: Progress | None,
    warnings: list[str] | None,
    now: dt.datetime | None,
    marks: ReviewMarks | None = None,
) -> list[Path]:
    if out_dir.suffix.lower() in (".docx", ".pdf"):
        target = out_dir
    else:
        _check_folder(out_dir)
        target = out_dir / combined_filename(letter.date, letter.subject, suffix)
    check_output_path(target)
    pieces: list[_Piece] = []
    collected: list[str] = []
    parsed = _parse(letter.body)
    for index, frame in enumerate(frames):
        pieces.append(_piece(frame, parsed, collected))
        if progress is not None and progress(index + 1, len(frames)) is False:
            return []
    written = [_write(target, pieces, head, now, marks)]
    _add_unique(warnings, collected)
    return written


def _check_folder(folder: Path) -> None:
    if folder.is_file():
        raise OutputPathError(f"{folder} is a file; a batch needs a folder, one letter per recipient.")
    if not folder.is_dir():
        raise OutputPathError(f"The folder {folder} does not exist; create it first or choose another.")


# --------------------------------------------------------------------------- building


def _parse(body: str) -> _ParsedBody:
    clean_body, removed = clean_xml_text(body)
    return _ParsedBody(parse_body(clean_body), removed)


def _piece(frame: Frame, body: str | _ParsedBody, warnings: list[str] | None) -> _Piece:
    clean_frame, removed_frame = _clean_frame(frame)
    parsed = body if isinstance(body, _ParsedBody) else _parse(body)
    if warnings is not None:
        if removed_frame:
            warnings.append(removal_warning(removed_frame, "the letter's details"))
        if parsed.removed:
            warnings.append(removal_warning(parsed.removed, "the body"))
    return _Piece(clean_frame, parsed.body)


def _clean_frame(frame: Frame) -> tuple[Frame, int]:
    removed = 0

    def clean(value: str) -> str:
        nonlocal removed
        text, count = clean_xml_text(value)
        removed += count
        return text

    changes: dict[str, object] = {}
    for f in fields(frame):
        value = getattr(frame, f.name)
        if isinstance(value, str):
            changes[f.name] = clean(value)
        elif isinstance(value, tuple) and all(isinstance(v, str) for v in value):
            changes[f.name] = tuple(clean(v) for v in value)
    changes["signatures"] = tuple(
        SignatureBlock(
            clean(s.name),
            clean(s.title) if s.title else s.title,
            clean(s.organisation) if s.organisation else s.organisation,
            image=s.image,
        )
        for s in frame.signatures
    )
    return replace(frame, **changes), removed  # type: ignore[arg-type]


def build_document(
    pieces: Sequence[_Piece],
    head: Letterhead,
    now: dt.datetime | None = None,
    *,
    marks: ReviewMarks | None = None,
) -> DocxDocument:
    """The python-docx document for `pieces` on `head`'s template, metadata set.

    The template comes from `docx.package`'s cache: read, sanitised and cleaned once per process and kept
    as bytes; each letter opens its own python-docx document from them and writes only its body.
    """
    document = letter_document(head.template)
    layout = _Layout(document)
    style = head.style()
    for index, piece in enumerate(pieces):
        if index:
            layout.section_break()
        layout.letter(_typeset(piece, style))
    layout.restart_numbering(document.element.body.find(qn("w:sectPr")))
    prune_relationships(document)
    if pieces:
        language = pieces[0].frame.language
        organisation = head.organisation
        replace_footer_text(document, organisation.footer_for(None), organisation.footer_for(language))
        set_language(document, LANGUAGE_TAGS.get(language, "en-GB"))
        title = pieces[0].frame.subject
    else:
        title = ""
    when = now or dt.datetime.now(dt.UTC)
    set_properties(document, title=title, author=head.organisation.name, when=when)
    if marks is not None:
        apply_marks(document, marks)
    return document


def _typeset(piece: _Piece, style: HouseStyle) -> _Piece:
    """The piece with the language's typography (protocol/typography.py): applied here, at output,
    so the letter file and the store keep exactly what the writer typed."""
    typeset = keep_images(typeset_frame(piece.frame, style), piece.frame)
    return _Piece(typeset, typeset_body(piece.body, piece.frame.language, style))


class _Layout:
    """Lays letters out in a document, in docs/letter-format.md's order."""

    def __init__(self, document: DocxDocument) -> None:
        self._document = document
        self._body_el = document.element.body
        self._final_section = self._body_el.find(_SECT_PR)
        prepared = prepared_of(document)
        self._styles = prepared.style_ids if prepared is not None else StyleIds.of(document)
        self._numbering = Numbering(document)
        self._footnotes = Footnotes(document, self._styles["footnote_reference"])
        self._story = Story(document.part, self._add_p)

    def _add_p(self) -> CT_P:
        """A new paragraph at the end of the body, before its final section properties."""
        return add_paragraph(self._body_el, self._final_section)

    def _p(self, role: str, text: str | None = None) -> CT_P:
        p = self._add_p()
        set_paragraph_style(p, self._styles[role])
        if text:
            append_text(_run(p), text)
        return p

    def letter(self, piece: _Piece) -> None:
        frame = piece.frame
        if frame.attention_line:
            self._p("attention", frame.attention_line)
        for line in frame.address_lines:
            self._p("address", line)
        self._p("date", frame.date_line)
        self._p("subject", frame.subject_line)
        self._p("salutation", frame.salutation)
        BodyWriter(self._styles, self._numbering, self._footnotes, piece.body).write(self._story)
        self._p("closing", frame.closing)
        self._signatures(frame.signatures)
        self._cc(frame)

    def _signatures(self, signatures: tuple[SignatureBlock, ...]) -> None:
        if len(signatures) <= 1:
            for block in signatures:
                self._signature_block(block, self._add_p)
            return
        self._signature_table(signatures)

    def _signature_block(self, block: SignatureBlock, add_p: Callable[[], CT_P]) -> None:
        if block.image:
            picture = add_p()
            set_paragraph_style(picture, self._styles["signature"])
            add_image_paragraph(self._document, picture, block.image, block.name)
        for index, line in enumerate(block.lines):
            p = add_p()
            set_paragraph_style(p, self._styles["signature" if index == 0 else "signature_detail"])
            if index == 0 and block.image:
                tighten_name(p)
            run = _run(p)
            if line:
                append_text(run, line)

    def _signature_table(self, signatures: tuple[SignatureBlock, ...]) -> None:
        columns = min(len(signatures), SIGNATURES_PER_ROW)
        rows = math.ceil(len(signatures) / columns)
        final = self._final_section
        section = Section(final, self._document.part) if final is not None else self._document.sections[-1]
        width = (section.page_width or 0) - (section.left_margin or 0) - (section.right_margin or 0)
        # Document.add_table, less its `table.style = None`: that reads the styles part, which the
        # letter otherwise never parses (a new table has no style to remove).
        block_width = Emu(
            (section.page_width or Inches(8.5))
            - (section.left_margin or Inches(1))
            - (section.right_margin or Inches(1))
        )
        tbl = CT_Tbl.new_tbl(rows, columns, block_width)
        self._body_el._insert_tbl(tbl)
        table = Table(tbl, self._document)
        _borderless(table._tbl)
        col_width = Twips(int(width / columns / 635)) if width else None
        if col_width is not None:
            for column in table.columns:
                column.width = col_width
        cells = [cell for row in table.rows for cell in row.cells]  # table.cell(r, c), in one pass
        for index, block in enumerate(signatures):
            cell = cells[index]
            if col_width is not None:
                cell.width = col_width
            tc = cell._tc
            first = tc.find(qn("w:p"))
            used = [False]

            def add_p(tc: BaseOxmlElement = tc, first: CT_P | None = first, used: list[bool] = used) -> CT_P:
                if first is not None and not used[0]:
                    used[0] = True
                    return first
                p: CT_P = tc.add_p()
                return p

            self._signature_block(block, add_p)
        for row in table.rows:
            tr_pr = row._tr.get_or_add_trPr()
            tr_pr.append(element("w:cantSplit"))

    def _cc(self, frame: Frame) -> None:
        if not frame.cc_lines:
            return
        lines = [frame.cc_label, *frame.cc_lines] if frame.cc_label else list(frame.cc_lines)
        for index, line in enumerate(lines):
            p = self._p("cc", line)
            if index == 0:
                _space_before(p, CC_SPACE_BEFORE)

    def section_break(self) -> None:
        """End the current letter with a copy of the page set-up, so the next starts a new page
        with the first-page letterhead again and page numbers restarting at 1."""
        final = self._body_el.find(qn("w:sectPr"))
        p = self._body_el.add_p()
        if final is not None:
            sect = copy.deepcopy(final)
            self.restart_numbering(sect)
            p.get_or_add_pPr().append(sect)

    @staticmethod
    def restart_numbering(sect: BaseOxmlElement | None) -> None:
        """Pages and footnotes of each letter count from 1 (one section per letter)."""
        if sect is None:
            return
        notes = sect.find(qn("w:footnotePr"))
        if notes is None:
            notes = element("w:footnotePr")
            sect.insert_element_before(notes, *SECTPR_AFTER_FOOTNOTEPR)
        restart = notes.find(qn("w:numRestart"))
        if restart is None:
            restart = element("w:numRestart")
            notes.append(restart)
        restart.set(qn("w:val"), "eachSect")
        numbering = sect.find(qn("w:pgNumType"))
        if numbering is None:
            numbering = element("w:pgNumType")
            sect.insert_element_before(numbering, *SECTPR_AFTER_PGNUMTYPE)
        numbering.set(qn("w:start"), "1")


def _run(p: BaseOxmlElement) -> BaseOxmlElement:
    """A new, empty run at the end of paragraph `p`."""
    run: BaseOxmlElement = etree.SubElement(p, W_R)
    return run


def _borderless(tbl: BaseOxmlElement) -> None:
    tbl_pr = tbl.tblPr
    borders = element("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(element(f"w:{side}", val="nil"))
    tbl_pr.insert_element_before(
        borders, "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription"
    )
    width = tbl_pr.find(qn("w:tblW"))
    if width is not None:
        width.set(qn("w:type"), "pct")
        width.set(qn("w:w"), "5000")
