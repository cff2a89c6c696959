"""Metadata hygiene: the properties are set on purpose and nothing else travels with the letter."""

from __future__ import annotations

import getpass
import zipfile

from export_samples import FR_FRAME, IPHR, Samples
from lxml import etree

CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
DC = "http://purl.org/dc/elements/1.1/"
DCTERMS = "http://purl.org/dc/terms/"
EP = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"


def _core(samples: Samples, name: str) -> dict[str, str]:
    with zipfile.ZipFile(samples.paths[name]) as archive:
        root = etree.fromstring(archive.read("docProps/core.xml"))
    return {etree.QName(el).localname: el.text or "" for el in root}


def test_core_properties_are_exactly_the_chosen_ones(samples: Samples) -> None:
    assert _core(samples, "fr") == {
        "title": FR_FRAME.subject,
        "creator": IPHR,
        "lastModifiedBy": IPHR,
        "created": "2024-05-02T10:30:00Z",
        "modified": "2024-05-02T10:30:00Z",
        "revision": "1",
    }


def test_app_properties_name_no_template_and_no_company(samples: Samples) -> None:
    with zipfile.ZipFile(samples.paths["en"]) as archive:
        root = etree.fromstring(archive.read("docProps/app.xml"))
    assert {etree.QName(el).localname: el.text for el in root} == {
        "Application": "IPHR Desk",
        "DocSecurity": "0",
    }


def test_no_leftover_parts_or_traces(samples: Samples) -> None:
    user = getpass.getuser()
    for name in ("fr", "en", "combined", "batch0"):
        with zipfile.ZipFile(samples.paths[name]) as archive:
            names = archive.namelist()
            assert not [n for n in names if "comments" in n or n.startswith("customXml") or "thumbnail" in n]
            assert not [n for n in names if "custom.xml" in n or "people" in n or "glossary" in n]
            settings = archive.read("word/settings.xml").decode()
            assert "attachedTemplate" not in settings and "rsid" not in settings
            for part in names:
                data = archive.read(part)
                assert b"python-docx" not in data, part
                assert b"Normal.dotm" not in data, part
                if part.startswith("docProps/"):
                    assert user.encode() not in data, part
            content_types = archive.read("[Content_Types].xml").decode()
            assert "macroEnabled" not in content_types


def test_document_language_follows_the_letter(samples: Samples) -> None:
    for name, tag in (("fr", "fr-FR"), ("en", "en-GB"), ("ru", "ru-RU"), ("de", "de-DE")):
        with zipfile.ZipFile(samples.paths[name]) as archive:
            styles = archive.read("word/styles.xml").decode()
        assert f'<w:lang w:val="{tag}"' in styles, name


def test_letterhead_is_in_the_page_headers_and_footer(samples: Samples) -> None:
    with zipfile.ZipFile(samples.paths["fr"]) as archive:
        rels = archive.read("word/_rels/document.xml.rels").decode()
        document = archive.read("word/document.xml").decode()
        headers = {n: archive.read(n).decode() for n in archive.namelist() if n.startswith("word/header")}
        footers = [archive.read(n).decode() for n in archive.namelist() if n.startswith("word/footer")]
    assert 'w:type="first"' in document and "<w:titlePg/>" in document
    first = [xml for xml in headers.values() if IPHR in xml and "<pic:pic" in xml]
    following = [xml for xml in headers.values() if "PAGE" in xml and "IPHR" in xml]
    assert first and following, "first-page header with logo and name; later pages with the page number"
    assert all("Rue Belliard 205" in xml and "www.iphronline.org" in xml for xml in footers)
    assert "footnotes" in rels
