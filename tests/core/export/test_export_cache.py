"""The letterhead cache of the exporter (core.docx.package) must never let one letter reach another.

Every check compares letters exported with the cache warm against the same letters exported
right after the cache was emptied (a template read from disk for that letter alone), part by part.
"""

from __future__ import annotations

import io
import os
import threading
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import docx
import pytest
from export_samples import (
    DE_BODY,
    DE_FRAME,
    EN_BODY,
    EN_FRAME,
    FIXED_NOW,
    FR_BODY,
    FR_FRAME,
    RU_BODY,
    RU_FRAME,
    batch_frames,
    batch_letter,
)
from lxml import etree
from readback import validate_docx

from iphr_desk.core import safewrite
from iphr_desk.core.errors import ExportError, LetterheadError
from iphr_desk.core.export.docx import package
from iphr_desk.core.export.docx_export import build_document, document_bytes, export_batch, export_frame
from iphr_desk.core.export.letterhead import Letterhead, load_letterhead, register_letterhead
from iphr_desk.core.protocol.frame import Frame

LETTERS: list[tuple[str, Frame, str]] = [
    ("fr", FR_FRAME, FR_BODY),
    ("en", EN_FRAME, EN_BODY),
    ("ru", RU_FRAME, RU_BODY),
    ("de", DE_FRAME, DE_BODY),
]


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        return {name: archive.read(name) for name in archive.namelist()}


def consistent(got: dict[str, bytes]) -> dict[str, bytes]:
    """Fail unless the parts agree with each other: every list, note and link the document uses is
    defined in this package (a part left over from another letter would not define them)."""
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    r_id = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    document = etree.fromstring(got["word/document.xml"])
    used_lists = {el.get(f"{w}val") for el in document.iter(f"{w}numId")}
    if used_lists:
        numbering = etree.fromstring(got["word/numbering.xml"])
        assert used_lists <= {el.get(f"{w}numId") for el in numbering.iter(f"{w}num")}
    used_notes = {el.get(f"{w}id") for el in document.iter(f"{w}footnoteReference")}
    if used_notes:
        notes = etree.fromstring(got["word/footnotes.xml"])
        defined = {el.get(f"{w}id") for el in notes.iter(f"{w}footnote") if el.get(f"{w}type") is None}
        assert used_notes == defined
    else:
        assert b"footnoteReference" not in got["word/document.xml"]
    rels = etree.fromstring(got["word/_rels/document.xml.rels"])
    assert {el.get(r_id) for el in document.iter() if el.get(r_id)} <= {el.get("Id") for el in rels}
    return got


def cold(frame: Frame, body: str, head: Letterhead | None = None) -> dict[str, bytes]:
    """The letter exported with nothing cached before it."""
    package.clear_cache()
    return consistent(parts(document_bytes([(frame, body)], head, now=FIXED_NOW)))


def _letterhead(folder: Path, name: str, header: str) -> Letterhead:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = header
    document.add_paragraph("Sample body text that must not reach any letter.")
    source = folder / f"{name}-source.docx"
    document.save(str(source))
    register_letterhead(folder, name, source)
    return load_letterhead(name, folder)


def _document_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read("word/document.xml").decode("utf-8")


def _headers(data: bytes) -> str:
    return "".join(v.decode() for k, v in parts(data).items() if k.startswith("word/header"))


def test_letters_in_a_row_are_each_what_they_would_be_alone() -> None:
    expected = {name: cold(frame, body) for name, frame, body in LETTERS}
    package.clear_cache()
    for _round in range(2):
        for name, frame, body in LETTERS:
            got = consistent(parts(document_bytes([(frame, body)], now=FIXED_NOW)))
            assert got == expected[name], name


def test_a_letter_without_footnotes_or_lists_after_one_with_them_has_none(tmp_path: Path) -> None:
    plain = "A single paragraph, no list, no note.\n"
    export_frame(EN_FRAME, EN_BODY, tmp_path / "notes.docx", now=FIXED_NOW)
    got = parts(export_frame(EN_FRAME, plain, tmp_path / "plain.docx", now=FIXED_NOW).read_bytes())
    assert got == cold(EN_FRAME, plain)
    document = got["word/document.xml"].decode()
    assert "footnoteReference" not in document and "numPr" not in document
    assert "Every detained lawyer" not in document and "Sentenced to ten years" not in str(got)
    assert b"iphronline.org/tajikistan" not in got["word/_rels/document.xml.rels"]


def test_batch_letters_keep_their_own_recipient(tmp_path: Path) -> None:
    letter = batch_letter()
    frames = batch_frames(letter)
    paths = export_batch(letter, tmp_path, frames=frames, now=FIXED_NOW)
    salutations = [frame.salutation for frame in frames]
    assert len(set(salutations)) == len(paths) == 3
    for index, path in enumerate(paths):
        xml = _document_xml(path)
        assert salutations[index] in xml
        for other, salutation in enumerate(salutations):
            if other != index:
                assert salutation not in xml, (path.name, salutation)
        assert consistent(parts(path.read_bytes())) == cold(frames[index], letter.body)


def test_two_letterheads_in_turn_keep_their_own_headers(tmp_path: Path) -> None:
    first = _letterhead(tmp_path, "first", "FIRST ORGANISATION HEADER")
    second = _letterhead(tmp_path, "second", "SECOND ORGANISATION HEADER")
    expected = {head.name: cold(FR_FRAME, FR_BODY, head) for head in (first, second)}
    package.clear_cache()
    for head in (first, second, first, second):
        data = document_bytes([(FR_FRAME, FR_BODY)], head, now=FIXED_NOW)
        assert parts(data) == expected[head.name]
        other = "SECOND" if head is first else "FIRST"
        assert other not in _headers(data)


def test_a_letterhead_changed_on_disk_is_read_again(tmp_path: Path) -> None:
    head = _letterhead(tmp_path, "org", "OLD ADDRESS, Chui Avenue 1")
    assert "OLD ADDRESS" in _headers(document_bytes([(FR_FRAME, FR_BODY)], head, now=FIXED_NOW))
    before = head.template.stat()
    head = _letterhead(tmp_path, "org", "NEW ADDRESS, Chui Avenue 9")  # replaced in place, same size
    # Even with its old modification time put back, the new file is not mistaken for the old one.
    os.utime(head.template, ns=(before.st_atime_ns, before.st_mtime_ns))
    headers = _headers(document_bytes([(FR_FRAME, FR_BODY)], head, now=FIXED_NOW))
    assert "NEW ADDRESS" in headers and "OLD ADDRESS" not in headers


def test_a_letterhead_rewritten_in_place_is_read_again(tmp_path: Path) -> None:
    head = _letterhead(tmp_path, "org", "Header one")
    document_bytes([(FR_FRAME, FR_BODY)], head, now=FIXED_NOW)
    replacement = _letterhead(tmp_path, "other", "Header two, longer")
    head.template.write_bytes(replacement.template.read_bytes())  # same file (inode), new content
    assert "Header two" in _headers(document_bytes([(FR_FRAME, FR_BODY)], head, now=FIXED_NOW))


def _stored_copy(template: Path, old: bytes, new: bytes) -> bytes:
    """The template as an uncompressed zip with `old` replaced by `new` (same length: same size)."""
    assert len(old) == len(new)
    out = io.BytesIO()
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            target.writestr(fixed, source.read(info).replace(old, new))
    return out.getvalue()


def test_a_same_size_change_within_a_clock_tick_is_seen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # File times move in ticks of a few milliseconds: a file rewritten within one keeps its size and
    # times. Make every status look the same, as it would then.
    real_key = package._key
    monkeypatch.setattr(package, "_key", lambda path: ((str(path),), real_key(path)[1]))
    head = _letterhead(tmp_path, "org", "HEADER VERSION ONE")
    original = head.template.read_bytes()
    first = _stored_copy(head.template, b"VERSION ONE", b"VERSION ONE")
    second = _stored_copy(head.template, b"VERSION ONE", b"VERSION TWO")
    assert len(first) == len(second) and first != second and original
    head.template.write_bytes(first)
    status = head.template.stat()
    assert "VERSION ONE" in _headers(document_bytes([(FR_FRAME, FR_BODY)], head, now=FIXED_NOW))
    with head.template.open("r+b") as stream:  # same file, same size, same times
        stream.write(second)
    os.utime(head.template, ns=(status.st_atime_ns, status.st_mtime_ns))
    headers = _headers(document_bytes([(FR_FRAME, FR_BODY)], head, now=FIXED_NOW))
    assert "VERSION TWO" in headers and "VERSION ONE" not in headers


def test_a_broken_letterhead_is_reported_and_not_remembered(tmp_path: Path) -> None:
    good = _letterhead(tmp_path, "org", "Good header")
    broken = Letterhead(name="org", template=tmp_path / "broken.docx", organisation=good.organisation)
    broken.template.write_bytes(b"not a zip at all")
    with pytest.raises(LetterheadError, match=r"broken\.docx"):
        document_bytes([(FR_FRAME, FR_BODY)], broken, now=FIXED_NOW)
    broken.template.write_bytes(good.template.read_bytes())
    assert "Good header" in _headers(document_bytes([(FR_FRAME, FR_BODY)], broken, now=FIXED_NOW))
    missing = Letterhead(name="org", template=tmp_path / "gone.docx", organisation=good.organisation)
    with pytest.raises(LetterheadError, match=r"gone\.docx"):
        document_bytes([(FR_FRAME, FR_BODY)], missing, now=FIXED_NOW)


def test_concurrent_exports_give_the_same_files_as_one_at_a_time(tmp_path: Path) -> None:
    other = _letterhead(tmp_path, "partner", "PARTNER HEADER")
    jobs = [(name, frame, body, head) for name, frame, body in LETTERS for head in (None, other)]
    expected = {(name, head is None): cold(frame, body, head) for name, frame, body, head in jobs}
    package.clear_cache()
    start = threading.Barrier(4)

    def work(worker: int) -> list[tuple[tuple[str, bool], dict[str, bytes]]]:
        start.wait()
        done = []
        for round_ in range(6):
            name, frame, body, head = jobs[(worker + round_) % len(jobs)]
            out = tmp_path / f"w{worker}-{round_}.docx"
            export_frame(frame, body, out, letterhead=head, now=FIXED_NOW)
            done.append(((name, head is None), consistent(parts(out.read_bytes()))))
        return done

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = [item for chunk in pool.map(work, range(4)) for item in chunk]
    assert len(results) == 24
    for key, got in results:
        assert got == expected[key], key


def test_the_package_is_a_sound_zip(tmp_path: Path) -> None:
    out = export_frame(FR_FRAME, FR_BODY, tmp_path / "letter.docx", now=FIXED_NOW)
    with zipfile.ZipFile(out) as archive:
        assert archive.testzip() is None
    # The same letter gives the same parts (python-docx stamps each zip entry with the time of writing).
    again = export_frame(FR_FRAME, FR_BODY, tmp_path / "again.docx", now=FIXED_NOW)
    assert parts(out.read_bytes()) == parts(again.read_bytes())
    run = validate_docx([out])
    assert run.returncode == 0, run.stdout


def test_a_failure_while_writing_the_package_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "letter.docx"
    target.write_bytes(b"the signed version")

    def broken(self: object, stream: io.BufferedWriter) -> None:
        stream.write(b"PK half a zip")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(docx.document.Document, "save", broken)
    with pytest.raises(ExportError, match="No space left"):
        export_frame(FR_FRAME, FR_BODY, target, now=FIXED_NOW)
    assert target.read_bytes() == b"the signed version"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(safewrite.TEMP_PREFIX)] == []


def test_python_docx_can_read_and_change_a_letter_before_it_is_saved() -> None:
    from iphr_desk.core.export.docx_export import _piece
    from iphr_desk.core.export.letterhead import load_letterhead as load

    head = load()
    document = build_document([_piece(FR_FRAME, FR_BODY, None)], head, FIXED_NOW)
    assert document.paragraphs[0].text == "À l’attention de\u00a0:"  # typeset (protocol/typography.py)
    assert document.styles["IPHR Body"].style_id == "IPHRBody"
    assert document.sections[0].header.paragraphs  # the letterhead's header, parsed on demand
    document.add_paragraph("Added after the export built it.")
    buffer = io.BytesIO()
    document.save(buffer)
    reread = docx.Document(io.BytesIO(buffer.getvalue()))
    assert reread.paragraphs[-1].text == "Added after the export built it."
    # What this document changed stays in this document.
    fresh = parts(document_bytes([(FR_FRAME, FR_BODY)], head, now=FIXED_NOW))
    assert b"Added after" not in fresh["word/document.xml"]
    assert fresh == cold(FR_FRAME, FR_BODY, head)


def test_a_letter_in_another_language_gets_its_own_default_language() -> None:
    for _round in range(2):
        for frame, tag in ((FR_FRAME, b"fr-FR"), (EN_FRAME, b"en-GB"), (RU_FRAME, b"ru-RU")):
            styles = parts(document_bytes([(frame, "Text.\n")], now=FIXED_NOW))["word/styles.xml"]
            assert b'w:lang w:val="' + tag + b'"' in styles
