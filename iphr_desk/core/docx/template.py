"""Letterhead templates: open one as an empty letter, and turn an organisation's .docx into one.

An organisation's own Word letterhead keeps its headers, footers, page set-up and styles; its
body (sample text, a "Dear ..." placeholder) is discarded; the letter styles it lacks are copied
from the default letterhead, so every part of the letter has a named style the NGO can restyle.
"""

from __future__ import annotations

import copy
import io
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.styles.style import BaseStyle

from iphr_desk.core.docx.metadata import remove_leftovers
from iphr_desk.core.docx.safewrite import write_atomically
from iphr_desk.core.docx.styles import ALL_STYLE_NAMES
from iphr_desk.core.errors import LetterheadError


def open_template(path: Path) -> DocxDocument:
    """The template at `path` with its body emptied (the final section properties stay)."""
    try:
        document = docx.Document(str(path))
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

    Ids are made unique and `basedOn`/`next`/`link` are re-pointed by name, since a localised
    Word names its ids differently ("Standard" for "Normal").
    """
    target = document.styles.element
    present = {_name(el).casefold() for el in target.findall(qn("w:style"))}
    target_ids = {el.get(qn("w:styleId")): el for el in target.findall(qn("w:style"))}
    id_by_name = {_name(el).casefold(): el.get(qn("w:styleId")) for el in target.findall(qn("w:style"))}
    source = defaults.styles.element
    source_name_by_id = {el.get(qn("w:styleId")): _name(el) for el in source.findall(qn("w:style"))}
    added: list[str] = []
    for el in source.findall(qn("w:style")):
        name = _name(el)
        if name not in ALL_STYLE_NAMES or name.casefold() in present:
            continue
        new = copy.deepcopy(el)
        style_id = new.get(qn("w:styleId")) or name.replace(" ", "")
        while style_id in target_ids:
            style_id += "X"
        new.set(qn("w:styleId"), style_id)
        for ref_tag in ("w:basedOn", "w:next", "w:link"):
            ref = new.find(qn(ref_tag))
            if ref is None:
                continue
            ref_name = source_name_by_id.get(ref.get(qn("w:val")), "").casefold()
            ref_id = id_by_name.get(ref_name)
            if ref_id:
                ref.set(qn("w:val"), ref_id)
            else:
                new.remove(ref)
        target.append(new)
        target_ids[style_id] = new
        id_by_name[name.casefold()] = style_id
        present.add(name.casefold())
        added.append(name)
    return added


def _name(style: BaseOxmlElement) -> str:
    name = style.find(qn("w:name"))
    return name.get(qn("w:val"), "") if name is not None else ""


def style_names(document: DocxDocument) -> set[str]:
    return {s.name for s in document.styles if isinstance(s, BaseStyle) and s.name}


def import_letterhead(data_dir: Path, name: str, data: bytes, source_name: str) -> Path:
    """Clean `data` (a .docx package) into `<data_dir>/letterheads/NAME.docx` and its profile."""
    from iphr_desk.core.letterhead import BUILTIN, builtin_dir, registered_dir

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:
        raise LetterheadError(f"{source_name}: this Word document cannot be read ({exc}).") from exc
    clear_body(document)
    organisation = _company(document) or name
    defaults = docx.Document(str(builtin_dir() / f"{BUILTIN}.docx"))
    add_missing_styles(document, defaults)
    remove_leftovers(document)
    folder = registered_dir(data_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LetterheadError(f"Cannot create {folder}: {exc.strerror or exc}.") from exc
    target = folder / f"{name}.docx"
    write_atomically(target, document.save)
    profile = folder / f"{name}.toml"
    if not profile.exists():
        write_atomically(profile, lambda stream: stream.write(_profile_text(organisation).encode("utf-8")))
    return target


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
                if etree.QName(el).localname == "Company" and (el.text or "").strip():
                    return (el.text or "").strip()
    return None


def _profile_text(organisation: str) -> str:
    escaped = organisation.replace("\\", "\\\\").replace('"', '\\"')
    return (
        "# Letterhead profile written by `iphr-desk letterhead add`; edit the organisation below.\n"
        "[organisation]\n"
        f'name = "{escaped}"\n'
        "address = []\n\n"
        "[house_style]\n"
    )
