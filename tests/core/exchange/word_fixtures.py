"""Reviewed copies in the form Word writes them, built from an exported letter (ECMA-376 Part 1).

Word is not available here, so its markup is made by hand from the specification, on a real export:
- 17.13.5.18 `w:ins` and 17.13.5.14 `w:del` (runs inserted / deleted, `w:delText` for deleted text);
- 17.13.5.22-25 `w:moveFrom` / `w:moveTo` between `w:moveFromRangeStart`/`End` and `w:moveToRangeStart`/`End`;
- 17.13.5.31 `w:rPrChange` (a run made bold, the old properties kept in the change);
- 17.13.5.16 a paragraph mark inserted (`w:pPr/w:rPr/w:ins`) for a new paragraph;
- 17.13.4 comments (`w:commentRangeStart`/`End`, `w:commentReference`, comments.xml) and, from
  [MS-DOCX] 2.5.2, commentsExtended.xml with `w15:paraIdParent` for a reply and `w15:done`.

`word_review(exported, out)` writes such a copy; `accepted_all(exported, out)` the same edits with no
marks at all (what "Accept all changes" then Save leaves). Run as a script to write both next to a file:

    .venv/bin/python tests/core/exchange/word_fixtures.py EXPORTED.docx OUT_DIR
"""

from __future__ import annotations

import copy
import io
import sys
import zipfile
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
JANE = {"author": "Jane Roe", "date": "2024-05-02T09:15:00Z"}
OMAR = {"author": "Omar Haddad", "date": "2024-05-02T11:40:00Z"}


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _attrs(ident: int, who: dict[str, str]) -> dict[str, str]:
    return {w("id"): str(ident), w("author"): who["author"], w("date"): who["date"]}


def _run(text: str, *, deleted: bool = False, bold: bool = False) -> etree._Element:
    r = etree.Element(w("r"))
    if bold:
        rpr = etree.SubElement(r, w("rPr"))
        etree.SubElement(rpr, w("b"))
    t = etree.SubElement(r, w("delText" if deleted else "t"))
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return r


def _styled(document: etree._Element, styles: etree._Element, name: str) -> list[etree._Element]:
    ids = [
        s.get(w("styleId"))
        for s in styles.iter(w("style"))
        if (s.find(w("name")).get(w("val")) or "").casefold() == name.casefold()
    ]
    return [p for p in document.iter(w("p")) if p.find(f"{w('pPr')}/{w('pStyle')}") is not None
            and p.find(f"{w('pPr')}/{w('pStyle')}").get(w("val")) in ids]  # fmt: skip


def _replace_run_text(
    p: etree._Element, old: str, new: str, who: dict[str, str], ids: list[int], marks: bool
) -> None:
    """Replace `old` (inside one run of `p`) by `new`, as a tracked deletion + insertion."""
    for r in p.iter(w("r")):
        t = r.find(w("t"))
        if t is None or old not in (t.text or ""):
            continue
        before, after = t.text.split(old, 1)
        rpr = r.find(w("rPr"))
        pieces: list[etree._Element] = []
        for text in (before,):
            if text:
                pieces.append(_clone_run(rpr, text))
        if marks:
            ids[0] += 1
            deletion = etree.Element(w("del"), _attrs(ids[0], who))
            deletion.append(_clone_run(rpr, old, deleted=True))
            ids[0] += 1
            insertion = etree.Element(w("ins"), _attrs(ids[0], who))
            insertion.append(_clone_run(rpr, new))
            pieces += [deletion, insertion]
        else:
            pieces.append(_clone_run(rpr, new))
        if after:
            pieces.append(_clone_run(rpr, after))
        parent = r.getparent()
        at = parent.index(r)
        parent.remove(r)
        for offset, piece in enumerate(pieces):
            parent.insert(at + offset, piece)
        return
    raise AssertionError(f"{old!r} not found")


def _clone_run(rpr: etree._Element | None, text: str, *, deleted: bool = False) -> etree._Element:
    r = _run(text, deleted=deleted)
    if rpr is not None:
        r.insert(0, copy.deepcopy(rpr))
    return r


def _edit(data: bytes, *, marks: bool, answer_app_comment: bool = False, in_footnote: bool = False) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    parts = {name: source.read(name) for name in source.namelist()}
    document = etree.fromstring(parts["word/document.xml"])
    styles = etree.fromstring(parts["word/styles.xml"])
    ids = [100]
    body_paras = _styled(document, styles, "IPHR Body")
    first, second, last = body_paras[0], body_paras[1], body_paras[-1]
    # 1. a word replaced in the first paragraph (deletion + insertion), by Jane
    _replace_run_text(first, "reconnue", "renommée", JANE, ids, marks)
    # 2. a sentence inserted at the end of the second paragraph, by Omar
    if marks:
        ids[0] += 1
        insertion = etree.SubElement(second, w("ins"), _attrs(ids[0], OMAR))
        insertion.append(_run(" Nous insistons."))
    else:
        second.append(_run(" Nous insistons."))
    # 3. the last paragraph's text moved to a new paragraph before the first body paragraph, by Jane
    moved = "".join(t.text or "" for t in last.iter(w("t")))
    new_p = etree.Element(w("p"))
    new_p.append(copy.deepcopy(last.find(w("pPr"))))
    first.addprevious(new_p)
    if marks:
        rpr = new_p.find(w("pPr")).find(w("rPr"))
        if rpr is None:
            rpr = etree.SubElement(new_p.find(w("pPr")), w("rPr"))
        ids[0] += 1
        etree.SubElement(rpr, w("ins"), _attrs(ids[0], JANE))  # the new paragraph's mark
        ids[0] += 1
        etree.SubElement(new_p, w("moveToRangeStart"), {**_attrs(ids[0], JANE), w("name"): "move1"})
        ids[0] += 1
        move_to = etree.SubElement(new_p, w("moveTo"), _attrs(ids[0], JANE))
        move_to.append(_run(moved))
        etree.SubElement(new_p, w("moveToRangeEnd"), {w("id"): str(ids[0] - 1)})
        runs = [r for r in last if r.tag == w("r")]
        for r in runs:
            last.remove(r)
        ids[0] += 1
        last.append(etree.Element(w("moveFromRangeStart"), {**_attrs(ids[0], JANE), w("name"): "move1"}))
        ids[0] += 1
        move_from = etree.SubElement(last, w("moveFrom"), _attrs(ids[0], JANE))
        for r in runs:
            for t in r.iter(w("t")):
                t.tag = w("delText")
            move_from.append(r)
        etree.SubElement(last, w("moveFromRangeEnd"), {w("id"): str(ids[0] - 1)})
        # the emptied paragraph's mark goes too (Word deletes the mark of a paragraph moved whole)
        rpr = last.find(w("pPr")).find(w("rPr"))
        if rpr is None:
            rpr = etree.SubElement(last.find(w("pPr")), w("rPr"))
        ids[0] += 1
        etree.SubElement(rpr, w("del"), _attrs(ids[0], JANE))
    else:
        new_p.append(_run(moved))
        last.getparent().remove(last)
    # 4. "Nos demandes" made bold, with the old properties in w:rPrChange, by Omar
    for r in second.iter(w("r")):
        t = r.find(w("t"))
        if t is not None and (t.text or "").startswith("Nos demandes"):
            rpr = r.find(w("rPr"))
            if rpr is None:
                rpr = etree.Element(w("rPr"))
                r.insert(0, rpr)
            etree.SubElement(rpr, w("b"))
            if marks:
                ids[0] += 1
                change = etree.SubElement(rpr, w("rPrChange"), _attrs(ids[0], OMAR))
                etree.SubElement(change, w("rPr"))
    # 5. the salutation changed, by Jane
    salutation = _styled(document, styles, "IPHR Salutation")[0]
    _replace_run_text(salutation, "Monsieur le Président", "Excellence", JANE, ids, marks)
    if marks:
        _add_comments(parts, document, first, answer_app_comment=answer_app_comment)
    if in_footnote:  # 6. words added at the end of the first footnote, by Omar
        notes = etree.fromstring(parts["word/footnotes.xml"])
        note = next(n for n in notes.iter(w("footnote")) if n.get(w("type")) is None)
        target = note.findall(w("p"))[-1]
        if marks:
            ids[0] += 1
            etree.SubElement(target, w("ins"), _attrs(ids[0], OMAR)).append(_run(" (p. 12)"))
        else:
            target.append(_run(" (p. 12)"))
        parts["word/footnotes.xml"] = etree.tostring(
            notes, xml_declaration=True, encoding="UTF-8", standalone=True
        )
    parts["word/document.xml"] = etree.tostring(
        document, xml_declaration=True, encoding="UTF-8", standalone=True
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, blob in parts.items():
            target.writestr(name, blob)
    return out.getvalue()


def _add_comments(
    parts: dict[str, bytes], document: etree._Element, paragraph: etree._Element, *, answer_app_comment: bool
) -> None:
    """Two comments on the first body paragraph (one on "Mme Aliyeva"), and a reply to the first."""
    anchor_run = next(
        r for r in paragraph.iter(w("r")) if "Mme Aliyeva" in "".join(t.text or "" for t in r.iter(w("t")))
    )
    parent = anchor_run.getparent()
    at = parent.index(anchor_run)
    for ident in ("101", "102"):  # comment 102 is the reply: Word puts a reply on its parent's range
        parent.insert(at, etree.Element(w("commentRangeStart"), {w("id"): ident}))
        at += 1
    at = parent.index(anchor_run) + 1
    for ident in ("101", "102"):
        parent.insert(at, etree.Element(w("commentRangeEnd"), {w("id"): ident}))
        reference = etree.Element(w("r"))
        etree.SubElement(reference, w("commentReference"), {w("id"): ident})
        parent.insert(at + 1, reference)
        at += 2
    paragraph.insert(1, etree.Element(w("commentRangeStart"), {w("id"): "103"}))
    paragraph.append(etree.Element(w("commentRangeEnd"), {w("id"): "103"}))
    reference = etree.SubElement(paragraph, w("r"))
    etree.SubElement(reference, w("commentReference"), {w("id"): "103"})
    if "word/comments.xml" in parts:  # the app's own comments, exported: the reviewer adds to them
        comments = etree.fromstring(parts["word/comments.xml"])
    else:
        comments = etree.Element(w("comments"), nsmap={"w": W, "w14": W14, "mc": MC})
        comments.set(f"{{{MC}}}Ignorable", "w14")
    texts = [
        ("101", JANE, "Is the spelling of the name checked?", "10000001"),
        ("102", OMAR, "Yes, with her lawyer.", "10000002"),
        ("103", OMAR, "Too long: shorten this paragraph.", "10000003"),
    ]
    for ident, who, text, para_id in texts:
        attributes = {w("id"): ident, w("author"): who["author"], w("date"): who["date"]}
        comment = etree.SubElement(comments, w("comment"), {**attributes, w("initials"): who["author"][:1]})
        p = etree.SubElement(comment, w("p"), {f"{{{W14}}}paraId": para_id})
        r = etree.SubElement(p, w("r"))
        etree.SubElement(r, w("annotationRef"))
        p.append(_run(text))
    if "word/commentsExtended.xml" in parts:
        extended = etree.fromstring(parts["word/commentsExtended.xml"])
    else:
        extended = etree.Element(f"{{{W15}}}commentsEx", nsmap={"w15": W15, "mc": MC})
        extended.set(f"{{{MC}}}Ignorable", "w15")
    etree.SubElement(extended, f"{{{W15}}}commentEx", {f"{{{W15}}}paraId": "10000001", f"{{{W15}}}done": "0"})
    etree.SubElement(extended, f"{{{W15}}}commentEx", {f"{{{W15}}}paraId": "10000002",
                     f"{{{W15}}}paraIdParent": "10000001", f"{{{W15}}}done": "0"})  # fmt: skip
    etree.SubElement(extended, f"{{{W15}}}commentEx", {f"{{{W15}}}paraId": "10000003", f"{{{W15}}}done": "0"})
    if answer_app_comment:
        _reply_to_the_apps_comment(comments, extended, document)
    parts["word/comments.xml"] = etree.tostring(
        comments, xml_declaration=True, encoding="UTF-8", standalone=True
    )
    parts["word/commentsExtended.xml"] = etree.tostring(
        extended, xml_declaration=True, encoding="UTF-8", standalone=True
    )
    types = etree.fromstring(parts["[Content_Types].xml"])
    for name, kind in (("comments", "comments"), ("commentsExtended", "commentsExtended")):
        if not any(o.get("PartName") == f"/word/{name}.xml" for o in types):
            content_type = f"application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}+xml"
            etree.SubElement(
                types, f"{{{CT}}}Override", PartName=f"/word/{name}.xml", ContentType=content_type
            )
    parts["[Content_Types].xml"] = etree.tostring(
        types, xml_declaration=True, encoding="UTF-8", standalone=True
    )
    rels = etree.fromstring(parts["word/_rels/document.xml.rels"])
    targets = {r.get("Target") for r in rels}
    if "comments.xml" not in targets:
        kind = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
        rels.append(etree.Element(f"{{{REL}}}Relationship", Id="rIdC1", Target="comments.xml", Type=kind))
    if "commentsExtended.xml" not in targets:
        kind = "http://schemas.microsoft.com/office/2011/relationships/commentsExtended"
        rels.append(
            etree.Element(f"{{{REL}}}Relationship", Id="rIdC2", Target="commentsExtended.xml", Type=kind)
        )
    parts["word/_rels/document.xml.rels"] = etree.tostring(
        rels, xml_declaration=True, encoding="UTF-8", standalone=True
    )


def _reply_to_the_apps_comment(
    comments: etree._Element, extended: etree._Element, document: etree._Element
) -> None:
    """When the export carried the app's comments, Jane answers the first one and marks it done."""
    entries = [e for e in extended if not e.get(f"{{{W15}}}paraIdParent")]
    first = next((c for c in comments if c.get(w("id")) not in ("101", "102", "103")), None)
    if first is None or not entries:
        return
    parent_para = first.findall(w("p"))[-1].get(f"{{{W14}}}paraId")
    for entry in entries:
        if entry.get(f"{{{W15}}}paraId") == parent_para:
            entry.set(f"{{{W15}}}done", "1")
    reply = etree.SubElement(
        comments, w("comment"), {w("id"): "104", w("author"): JANE["author"], w("date"): JANE["date"]}
    )
    p = etree.SubElement(reply, w("p"), {f"{{{W14}}}paraId": "10000004"})
    p.append(_run("Answered in the text."))
    entry = etree.SubElement(extended, f"{{{W15}}}commentEx", {f"{{{W15}}}paraId": "10000004"})
    entry.set(f"{{{W15}}}paraIdParent", parent_para or "")
    entry.set(f"{{{W15}}}done", "1")
    reference = next(r for r in document.iter(w("commentReference")) if r.get(w("id")) == first.get(w("id")))
    run = reference.getparent()
    answer = etree.Element(w("r"))
    etree.SubElement(answer, w("commentReference"), {w("id"): "104"})
    run.addnext(answer)


def word_review(
    exported: Path, out: Path, *, answer_app_comment: bool = False, in_footnote: bool = False
) -> Path:
    """The copy with tracked changes and comments; with `answer_app_comment`, Jane also replies to the
    first of the app's exported comments and marks that thread done; with `in_footnote`, Omar adds
    words to the first footnote."""
    data = _edit(
        exported.read_bytes(), marks=True, answer_app_comment=answer_app_comment, in_footnote=in_footnote
    )
    out.write_bytes(data)
    return out


def accepted_all(exported: Path, out: Path) -> Path:
    out.write_bytes(_edit(exported.read_bytes(), marks=False))
    return out


if __name__ == "__main__":
    source, folder = Path(sys.argv[1]), Path(sys.argv[2])
    print(word_review(source, folder / "word-review.docx"))
    print(accepted_all(source, folder / "accepted-all.docx"))
