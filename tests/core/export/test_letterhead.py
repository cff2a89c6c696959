"""Letterheads: the built-in IPHR template, and an organisation's own Word file registered as one."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from export_samples import FIXED_NOW, FR_BODY, FR_FRAME
from readback import validate_docx

from iphr_desk.core.errors import LetterheadError
from iphr_desk.core.export.docx.styles import ALL_STYLE_NAMES
from iphr_desk.core.export.docx_export import export_frame
from iphr_desk.core.export.letterhead import available_letterheads, load_letterhead, register_letterhead
from iphr_desk.resources import resource
from tools.letterhead_build import build, draw_logo_png

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def test_builtin_letterhead_loads_with_its_profile() -> None:
    head = load_letterhead()
    assert head.name == "iphr"
    assert head.template == resource("letterheads", "iphr.docx")
    assert head.organisation.name == "International Partnership for Human Rights"
    assert head.organisation.short_name == "IPHR"
    assert head.organisation.website == "www.iphronline.org"
    assert head.organisation.address_lines[-1] == "1040 Brussels, Belgium"


def test_builtin_template_is_a4_with_a_first_page_letterhead_and_named_styles() -> None:
    document = docx.Document(str(resource("letterheads", "iphr.docx")))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert section.different_first_page_header_footer
    names = {s.name.casefold() for s in document.styles if s.name}
    assert {n.casefold() for n in ALL_STYLE_NAMES} <= names
    fonts = document.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
    assert {k.split("}")[1]: v for k, v in fonts.attrib.items()} == {
        "ascii": "Arial",
        "hAnsi": "Arial",
        "cs": "Arial",
        "eastAsia": "Arial",
    }
    following = section.header._element.xml
    assert "PAGE" in following and 'w:fldCharType="begin"' in following
    first = section.first_page_header._element.xml
    assert "International Partnership for Human Rights" in first and "pic:pic" in first
    footer = section.footer._element.xml
    assert "Rue Belliard 205" in footer


def test_committed_template_is_what_the_build_script_makes(tmp_path: Path) -> None:
    folder = resource("letterheads")
    rebuilt = build(folder / "iphr.toml", tmp_path / "iphr.docx", folder / "logo.png")
    assert rebuilt.read_bytes() == (folder / "iphr.docx").read_bytes()
    with zipfile.ZipFile(rebuilt) as new, zipfile.ZipFile(folder / "iphr.docx") as old:
        assert sorted(new.namelist()) == sorted(old.namelist())
        for name in new.namelist():
            assert new.read(name) == old.read(name), f"{name} differs: run python -m tools.letterhead_build"


def test_logo_drawing_is_a_png_of_the_asked_size() -> None:
    data = draw_logo_png(24)
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(data[16:20], "big") == 24


def _org_letterhead(path: Path, *, company: str | None = "Bishkek Legal Clinic") -> Path:
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "BISHKEK LEGAL CLINIC · Chui Avenue 1"
    section.footer.paragraphs[0].text = "Registered association no. 42"
    document.add_paragraph("Sample body text that must not reach any letter.")
    document.core_properties.author = "Jane Secretary"
    # A template path on the secretary's machine, as Word leaves it behind.
    settings_part = document.part._settings_part
    rel_id = settings_part.relate_to(
        "file:///C:/Users/jane/Templates/Letter.dotm",
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate",
        is_external=True,
    )
    attached = OxmlElement("w:attachedTemplate", attrs={qn("r:id"): rel_id})
    settings = document.settings.element
    settings.find(qn("w:proofState")).addnext(attached)
    buffer = io.BytesIO()
    document.save(buffer)
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "docProps/app.xml" and company:
                data = data.replace(b"<Company/>", f"<Company>{company}</Company>".encode())
            dst.writestr(item, data)
    path.write_bytes(out.getvalue())
    return path


def test_registered_letterhead_keeps_headers_and_styles_and_drops_the_body(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    stored = register_letterhead(data_dir, "bishkek", _org_letterhead(tmp_path / "org.docx"))
    assert stored == data_dir / "letterheads" / "bishkek.docx"
    assert available_letterheads(data_dir) == ["iphr", "bishkek"]
    head = load_letterhead("bishkek", data_dir)
    assert head.organisation.name == "Bishkek Legal Clinic"
    template = docx.Document(str(stored))
    assert [p.text for p in template.paragraphs] == []
    assert "BISHKEK LEGAL CLINIC" in template.sections[0].header._element.xml
    names = {s.name.casefold() for s in template.styles if s.name}
    assert {n.casefold() for n in ALL_STYLE_NAMES} <= names

    out = export_frame(FR_FRAME, FR_BODY, tmp_path / "letter.docx", letterhead=head, now=FIXED_NOW)
    with zipfile.ZipFile(out) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    assert b"Sample body text" not in parts["word/document.xml"]
    assert any(b"BISHKEK LEGAL CLINIC" in v for k, v in parts.items() if k.startswith("word/header"))
    assert b"Bishkek Legal Clinic" in parts["docProps/core.xml"]
    assert b"Jane" not in b"".join(parts.values())
    assert b"Letter.dotm" not in b"".join(parts.values())
    assert b"Monsieur le Pr" in parts["word/document.xml"]
    check = validate_docx([out])
    assert check.returncode == 0, check.stdout


def test_registered_letterhead_without_company_is_named_after_itself(tmp_path: Path) -> None:
    register_letterhead(tmp_path, "partner", _org_letterhead(tmp_path / "o.docx", company=None))
    assert load_letterhead("partner", tmp_path).organisation.name == "partner"


def test_a_word_template_dotx_is_accepted(tmp_path: Path) -> None:
    source = _org_letterhead(tmp_path / "org.docx")
    dotx = tmp_path / "org.dotx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(dotx, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            dst.writestr(item, data)
    stored = register_letterhead(tmp_path, "from-dotx", dotx)
    assert "BISHKEK" in docx.Document(str(stored)).sections[0].header._element.xml


def test_macro_enabled_file_is_refused_by_name(tmp_path: Path) -> None:
    docm = tmp_path / "letterhead.docm"
    _org_letterhead(docm)
    with pytest.raises(LetterheadError, match=r"macro-enabled.*\.docx"):
        register_letterhead(tmp_path, "org", docm)
    assert not (tmp_path / "letterheads").exists()


def test_macro_content_inside_a_docx_is_refused(tmp_path: Path) -> None:
    source = _org_letterhead(tmp_path / "plain.docx")
    sneaky = tmp_path / "sneaky.docx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(sneaky, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"document.macroEnabled.main+xml")
            dst.writestr(item, data)
        dst.writestr("word/vbaProject.bin", b"\x00macro")
    with pytest.raises(LetterheadError, match="contains macros"):
        register_letterhead(tmp_path, "org", sneaky)


@pytest.mark.parametrize(
    "content",
    [b"just some text", b"PK\x03\x04 broken zip", b""],
    ids=["text", "broken-zip", "empty"],
)
def test_a_file_that_is_not_a_word_document_is_refused(tmp_path: Path, content: bytes) -> None:
    fake = tmp_path / "letterhead.docx"
    fake.write_bytes(content)
    with pytest.raises(LetterheadError, match="not a Word document"):
        register_letterhead(tmp_path, "org", fake)


def test_a_spreadsheet_is_refused(tmp_path: Path) -> None:
    sheet = tmp_path / "budget.docx"
    with zipfile.ZipFile(sheet, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            "</Types>",
        )
    with pytest.raises(LetterheadError, match="not a Word document"):
        register_letterhead(tmp_path, "org", sheet)


@pytest.mark.parametrize("name", ["iphr", "Bad Name", "../escape", "", "x" * 41])
def test_letterhead_names_are_checked(tmp_path: Path, name: str) -> None:
    with pytest.raises(LetterheadError):
        register_letterhead(tmp_path, name, _org_letterhead(tmp_path / "o.docx"))


def test_missing_file_and_unknown_letterhead_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(LetterheadError, match="no such file"):
        register_letterhead(tmp_path, "org", tmp_path / "missing.docx")
    with pytest.raises(LetterheadError, match=r"no letterhead called 'nope'.*iphr"):
        load_letterhead("nope", tmp_path)


def test_builtin_house_style_is_iphr_default() -> None:
    from iphr_desk.core.protocol.housestyle import HouseStyle

    assert load_letterhead().style() == HouseStyle.default()


def _without_numbering(source: Path, target: Path) -> Path:
    """The same package minus word/numbering.xml, as Word saves a file that never had a list."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w") as dst:
        for item in src.infolist():
            if item.filename == "word/numbering.xml":
                continue
            data = src.read(item.filename)
            if item.filename == "word/_rels/document.xml.rels":
                data = re.sub(rb"<Relationship [^>]*numbering[^>]*/>", b"", data)
            if item.filename == "[Content_Types].xml":
                data = re.sub(rb"<Override [^>]*numbering[^>]*/>", b"", data)
            dst.writestr(item, data)
    return target


def test_letterhead_without_a_numbering_part_still_gets_real_lists(tmp_path: Path) -> None:
    plain = _without_numbering(_org_letterhead(tmp_path / "org.docx"), tmp_path / "plain.docx")
    head = load_letterhead("plain", tmp_path) if register_letterhead(tmp_path, "plain", plain) else None
    assert head is not None
    with zipfile.ZipFile(head.template) as archive:
        assert "word/numbering.xml" not in archive.namelist()
    out = export_frame(FR_FRAME, FR_BODY, tmp_path / "lists.docx", letterhead=head, now=FIXED_NOW)
    with zipfile.ZipFile(out) as archive:
        numbering = archive.read("word/numbering.xml").decode()
        rels = archive.read("word/_rels/document.xml.rels").decode()
    assert numbering.count("<w:abstractNum ") == 1 and "numbering" in rels
    check = validate_docx([out])
    assert check.returncode == 0, check.stdout


def test_missing_styles_follow_a_localised_template(tmp_path: Path) -> None:
    """A German Word: "Normal" has the id "Standard", there is no "Quote", and an id we use is taken."""
    document = docx.Document()
    styles = document.styles.element
    for el in styles.findall(qn("w:style")):
        name = el.find(qn("w:name")).get(qn("w:val"))
        if name == "Quote":
            styles.remove(el)
        elif el.get(qn("w:styleId")) == "Normal":
            el.set(qn("w:styleId"), "Standard")
    for ref in styles.iter(qn("w:basedOn"), qn("w:next")):
        if ref.get(qn("w:val")) == "Normal":
            ref.set(qn("w:val"), "Standard")
    clash = document.styles.add_style("Briefkopf", 1)
    clash.element.set(qn("w:styleId"), "IPHRBody")
    path = tmp_path / "de.docx"
    document.save(str(path))

    stored = docx.Document(str(register_letterhead(tmp_path, "de-org", path)))
    by_name = {s.name: s for s in stored.styles if s.name}
    body = by_name["IPHR Body"]
    assert body.style_id != "IPHRBody" and by_name["Briefkopf"].style_id == "IPHRBody"
    assert body.base_style is not None and body.base_style.style_id == "Standard"
    quote = by_name["IPHR Quote"]
    assert quote.base_style is not None and quote.base_style.name == "Quote"
    assert quote.base_style.base_style is not None and quote.base_style.base_style.name == "IPHR Body"


def test_pictures_in_a_letterhead_body_do_not_travel_with_the_letters(tmp_path: Path) -> None:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].add_run().add_picture(
        str(resource("letterheads", "logo.png")), width=docx.shared.Mm(10)
    )
    signature_scan = draw_logo_png(16)
    document.add_paragraph("Signed:").add_run().add_picture(io.BytesIO(signature_scan))
    path = tmp_path / "with-picture.docx"
    document.save(str(path))
    head = load_letterhead("pic", tmp_path) if register_letterhead(tmp_path, "pic", path) else None
    assert head is not None
    out = export_frame(FR_FRAME, FR_BODY, tmp_path / "out.docx", letterhead=head, now=FIXED_NOW)
    for package in (head.template, out):
        with zipfile.ZipFile(package) as archive:
            media = [n for n in archive.namelist() if n.startswith("word/media/")]
            assert len(media) == 1, media  # the header's logo only
            assert archive.read(media[0]) != signature_scan
            rels = archive.read("word/_rels/document.xml.rels").decode()
            assert "media/" not in rels


def test_a_mistake_in_a_profile_names_the_profile(tmp_path: Path) -> None:
    register_letterhead(tmp_path, "typo", _org_letterhead(tmp_path / "o.docx"))
    profile = tmp_path / "letterheads" / "typo.toml"
    profile.write_text('[organisation]\nname = "X"\n[house_style]\ncolon_spacin = "eu"\n', encoding="utf-8")
    with pytest.raises(LetterheadError, match=r"typo\.toml: .*colon_spacin"):
        load_letterhead("typo", tmp_path).style()


def test_tracked_changes_in_a_letterhead_are_accepted_without_their_authors(tmp_path: Path) -> None:
    document = docx.Document()
    header_p = document.sections[0].header.paragraphs[0]
    header_p.add_run("Partner NGO ")
    inserted = OxmlElement("w:ins", attrs={qn("w:id"): "1", qn("w:author"): "Jane Secretary"})
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "Bishkek"
    run.append(text)
    inserted.append(run)
    header_p._p.append(inserted)
    deleted = OxmlElement("w:del", attrs={qn("w:id"): "2", qn("w:author"): "Jane Secretary"})
    gone = OxmlElement("w:r")
    gone_text = OxmlElement("w:delText")
    gone_text.text = "Old address, do not use"
    gone.append(gone_text)
    deleted.append(gone)
    header_p._p.append(deleted)
    path = tmp_path / "tracked.docx"
    document.save(str(path))
    head = load_letterhead("tracked", tmp_path) if register_letterhead(tmp_path, "tracked", path) else None
    assert head is not None
    out = export_frame(FR_FRAME, FR_BODY, tmp_path / "out.docx", letterhead=head, now=FIXED_NOW)
    with zipfile.ZipFile(out) as archive:
        headers = "".join(archive.read(n).decode() for n in archive.namelist() if n.startswith("word/header"))
    assert "Bishkek" in headers
    assert "Jane" not in headers and "Old address" not in headers and "<w:ins" not in headers


def test_old_doc_or_password_protected_file_is_refused_with_advice(tmp_path: Path) -> None:
    locked = tmp_path / "letterhead.docx"
    locked.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504))
    with pytest.raises(LetterheadError, match=r"password-protected.*save it as a Word Document"):
        register_letterhead(tmp_path, "org", locked)
