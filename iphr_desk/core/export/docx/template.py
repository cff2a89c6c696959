"""Letterhead templates: open one as an empty letter, and turn an organisation's .docx into one.

An organisation's own Word letterhead keeps its headers, footers, page set-up and styles; its
body (sample text, a "Dear ..." placeholder) is discarded; the letter styles it lacks are copied
from the default letterhead, so every part of the letter has a named style the NGO can restyle.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
from pathlib import Path
from typing import IO, Final

import docx
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.styles.style import BaseStyle

from iphr_desk.core.errors import LetterheadError
from iphr_desk.core.export.docx.metadata import clean_template, remove_leftovers, set_properties
from iphr_desk.core.export.docx.styles import ALL_STYLE_NAMES
from iphr_desk.core.export.letterhead_sanitize import sanitise_package

#: The placeholder date of a prepared template's properties (each letter sets its own).
_PREPARED: Final = dt.datetime(2000, 1, 1)


def open_template(path: Path) -> DocxDocument:
    """The template at `path` with its body emptied (the final section properties stay)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        problem = f"{path.name}: the letterhead cannot be opened as a Word document ({exc})."
        raise LetterheadError(problem) from exc
    return _open(io.BytesIO(data), path)


def open_prepared(source: IO[bytes], path: Path) -> DocxDocument:
    """The template read from `source` (the file at `path`) ready to be shared by letters: body
    emptied, every leftover that does not depend on a letter removed, properties parts in place.

    What remains for each letter is `metadata.prune_relationships` once its body is written.
    The caller caches the result, so the checks of `_open` cost once per template and process.
    """
    document = _open(source, path)
    clean_template(document)
    set_properties(document, title="", author="", when=_PREPARED)
    return document


def _open(source: IO[bytes], path: Path) -> DocxDocument:
    """Open through `sanitise_package` first: a letterhead registered before import-time checks
    existed, or copied into the folder by hand, must not make the export unpack a zip bomb or
    hand LibreOffice a remote picture to fetch."""
    safe = sanitise_package(source.read(), path.name, reencode_all=False)
    try:
        document = docx.Document(io.BytesIO(safe.data))
    except Exception as exc:  # python-docx raises many kinds on a damaged package
        problem = f"{path.name}: the letterhead cannot be opened as a Word document ({exc})."
        raise LetterheadError(problem) from exc
    clear_body(document)
    return document


def clear_body(document: DocxDocument) -> None:
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def add_missing_styles(document: DocxDocument, defaults: DocxDocument) -> list[str]:
    """Copy the letter styles `document` lacks from `defaults`; returns the names added.

    A copied style's `basedOn` chain comes along where the target lacks it too, ids are made
    unique, and `basedOn`/`next`/`link` are re-pointed by name once everything is in, since a
    localised Word names its ids differently ("Standard" for "Normal").
    """
    target = document.styles.element
    present = {_name(el).casefold() for el in target.findall(qn("w:style"))}
    taken_ids = {el.get(qn("w:styleId")) for el in target.findall(qn("w:style"))}
    source_styles = {_name(el): el for el in source_style_elements(defaults)}
    source_name_by_id = {el.get(qn("w:styleId")): name for name, el in source_styles.items()}
    wanted = _with_bases(
        [n for n in ALL_STYLE_NAMES if n.casefold() not in present], source_styles, source_name_by_id, present
    )
    copies: list[tuple[BaseOxmlElement, BaseOxmlElement]] = []
    for name in wanted:
        original = source_styles[name]
        new = copy.deepcopy(original)
        style_id = new.get(qn("w:styleId")) or name.replace(" ", "")
        while style_id in taken_ids:
            style_id += "X"
        taken_ids.add(style_id)
        new.set(qn("w:styleId"), style_id)
        target.append(new)
        copies.append((original, new))
    id_by_name = {_name(el).casefold(): el.get(qn("w:styleId")) for el in target.findall(qn("w:style"))}
    for _original, new in copies:
        for ref_tag in ("w:basedOn", "w:next", "w:link"):
            ref = new.find(qn(ref_tag))
            if ref is None:
                continue
            ref_id = id_by_name.get(source_name_by_id.get(ref.get(qn("w:val")), "").casefold())
            if ref_id:
                ref.set(qn("w:val"), ref_id)
            else:
                new.remove(ref)
    return wanted


def source_style_elements(document: DocxDocument) -> list[BaseOxmlElement]:
    return list(document.styles.element.findall(qn("w:style")))


def _with_bases(
    names: list[str],
    source: dict[str, BaseOxmlElement],
    name_by_id: dict[str | None, str],
    present: set[str],
) -> list[str]:
    """`names` plus the styles they are based on that the target lacks, bases first."""
    ordered: list[str] = []

    def visit(name: str) -> None:
        if name in ordered or name.casefold() in present or name not in source:
            return
        base = source[name].find(qn("w:basedOn"))
        if base is not None:
            visit(name_by_id.get(base.get(qn("w:val")), ""))
        ordered.append(name)

    for name in names:
        visit(name)
    return ordered


def _name(style: BaseOxmlElement) -> str:
    name = style.find(qn("w:name"))
    return name.get(qn("w:val"), "") if name is not None else ""


def style_names(document: DocxDocument) -> set[str]:
    return {s.name for s in document.styles if isinstance(s, BaseStyle) and s.name}


def build_letterhead(data: bytes, name: str, source_name: str) -> tuple[bytes, str]:
    """`data` (a sanitised .docx package) as a letterhead template, and the organisation it names.

    Nothing is written: the caller stores the result once every check has passed.
    """
    from iphr_desk.core.export.builtin import BUILTIN, builtin_dir

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:
        raise LetterheadError(f"{source_name}: this Word document cannot be read ({exc}).") from exc
    clear_body(document)
    organisation = _company(document) or name
    defaults = docx.Document(str(builtin_dir() / f"{BUILTIN}.docx"))
    add_missing_styles(document, defaults)
    remove_leftovers(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue(), organisation


def _company(document: DocxDocument) -> str | None:
    """The organisation named in the file's own app properties, if any (never a person's name)."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from lxml import etree

    for rel in document.part.package.rels.values():
        if rel.reltype == RT.EXTENDED_PROPERTIES and not rel.is_external:
            try:
                root = etree.fromstring(rel.target_part.blob)
            except etree.XMLSyntaxError:
                return None
            for el in root:
                company = " ".join((el.text or "").split())  # a line break would end up in the profile
                if etree.QName(el).localname == "Company" and company:
                    return company
    return None


def profile_text(organisation: str) -> str:
    """A new letterhead profile naming `organisation` (any text: it is escaped as a TOML string)."""
    escaped = "".join(
        "\\" + ch if ch in '"\\' else f"\\u{ord(ch):04X}" if ord(ch) < 0x20 or ord(ch) == 0x7F else ch
        for ch in organisation
    )
    return (
        "# Letterhead profile written by `iphr-desk letterhead add`; edit the organisation below.\n"
        "[organisation]\n"
        f'name = "{escaped}"\n'
        "address = []\n\n"
        "[house_style]\n"
    )


def replace_footer_text(document: DocxDocument, old: str, new: str) -> int:
    """Write `new` in every footer paragraph whose text is exactly `old`; returns how many changed.

    The letterhead's footer holds its default address (`tools.letterhead_build`); a letter in another
    language gets that language's version here, in its own document, so the cached template stays
    one per letterhead. The first text element takes the new text and the others are emptied, so
    the runs keep their formatting. A footer the organisation wrote differently is left alone.
    """
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    if not old or old == new:
        return 0
    changed = 0
    for rel in document.part.rels.values():
        if rel.is_external or rel.reltype != RT.FOOTER:
            continue
        for paragraph in rel.target_part.element.iter(qn("w:p")):
            texts = list(paragraph.iter(qn("w:t")))
            if not texts or "".join(t.text or "" for t in texts) != old:
                continue
            texts[0].text = new
            for text in texts[1:]:
                text.text = ""
            changed += 1
    return changed
