"""Hostile letterheads (issue 12, findings 6, 10 and 12): sanitised on import, defended at export.

The hostile packages are built in tests/bad_rows_letterheads.py (python-docx documents edited with
zipfile); the bad-input catalogue runs the same files through the CLI.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import time
import tracemalloc
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from bad_rows_letterheads import (
    LEAKS,
    edit_parts,
    hostile_docx,
    jpeg_with_metadata,
    png_with_metadata,
    with_entity,
    zip_bomb_docx,
)
from docx.oxml import parse_xml
from export_samples import FIXED_NOW, FR_BODY, FR_FRAME
from PIL import Image, ImageChops
from readback import soffice, validate_docx

from iphr_desk.core.errors import LetterheadError
from iphr_desk.core.export.docx import package
from iphr_desk.core.export.docx_export import export_frame
from iphr_desk.core.export.letterhead import load_letterhead, register_letterhead
from iphr_desk.core.export.letterhead_sanitize import MAX_PART_BYTES, sanitise_package
from iphr_desk.resources import resource

LETTER = Path(__file__).resolve().parents[2] / "data" / "letters" / "fr_pre_visit.md"
ON_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


@pytest.fixture(autouse=True)
def _fresh_template_cache() -> Iterator[None]:
    package.clear_cache()
    yield
    package.clear_cache()


@pytest.fixture(scope="module")
def bomb() -> bytes:
    return zip_bomb_docx()


def _parts(path_or_data: Path | bytes) -> dict[str, bytes]:
    data = path_or_data.read_bytes() if isinstance(path_or_data, Path) else path_or_data
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _leaks(parts: dict[str, bytes]) -> list[bytes]:
    """What of the hostile letterhead is left; a letter's own body links (in the document part's
    relationships) are external by nature and not counted."""
    content = b"".join(blob for name, blob in parts.items() if name != "word/_rels/document.xml.rels")
    letter_links = parts.get("word/_rels/document.xml.rels", b"")
    return [leak for leak in LEAKS if leak in content or (b"External" not in leak and leak in letter_links)]


# --------------------------------------------------------------------------- import


def test_a_hostile_letterhead_is_stored_without_what_could_fetch_run_or_leak(tmp_path: Path) -> None:
    source = tmp_path / "hostile.docx"
    source.write_bytes(hostile_docx())
    assert _leaks(_parts(source)) == list(LEAKS)  # the fixture carries every hazard

    stored = register_letterhead(tmp_path / "data", "acme", source)
    parts = _parts(stored)
    assert _leaks(parts) == []
    assert not [name for name in parts if "embeddings" in name or "activeX" in name]
    assert not [name for name, blob in parts.items() if b"OLEObject" in blob or b"<w:object" in blob]
    headers = b"".join(blob for name, blob in parts.items() if name.startswith("word/header"))
    footers = b"".join(blob for name, blob in parts.items() if name.startswith("word/footer"))
    assert b"HOSTILE HEADER" in headers and b"[remote logo]" in headers  # the field's cached result
    assert b"cached footer text" in footers and b" minutes" in footers  # link text kept, link gone
    assert headers.count(b"<a:blip ") == 2  # the two embedded logos stay, the linked pixel goes

    head = load_letterhead("acme", tmp_path / "data")
    out = export_frame(FR_FRAME, FR_BODY, tmp_path / "letter.docx", letterhead=head, now=FIXED_NOW)
    assert _leaks(_parts(out)) == []
    check = validate_docx([out])
    assert check.returncode == 0, check.stdout


def test_images_lose_their_metadata_and_keep_their_pixels_and_format() -> None:
    safe = sanitise_package(hostile_docx(), "hostile.docx")
    media = {name: blob for name, blob in _parts(safe.data).items() if name.startswith("word/media/")}
    assert sorted(name.rsplit(".", 1)[1] for name in media) == ["jpg", "png"]
    for name, blob in media.items():
        assert b"Jane" not in blob and b"jane" not in blob, name
        cleaned = Image.open(io.BytesIO(blob))
        assert len(cleaned.getexif()) == 0 and "xmp" not in cleaned.info and "comment" not in cleaned.info
        original = Image.open(
            io.BytesIO(jpeg_with_metadata() if name.endswith("jpg") else png_with_metadata())
        )
        assert (cleaned.format, cleaned.size, cleaned.mode) == (original.format, original.size, original.mode)
        difference = ImageChops.difference(cleaned.convert("RGB"), original.convert("RGB"))
        worst = max(high for _low, high in difference.getextrema())  # type: ignore[misc]
        assert worst <= (6 if name.endswith("jpg") else 0), name  # JPEG: same tables, rounding only
    assert safe.removed["image metadata"] == 2


def _header_with(*xml: str) -> bytes:
    """A plain letterhead whose header paragraph holds the given runs/fields (w: namespace)."""
    document = docx.Document()
    paragraph = document.sections[0].header.paragraphs[0]
    paragraph.text = "Header "
    for fragment in xml:
        paragraph._p.append(parse_xml(re.sub(r"^<(w:\w+)", rf"<\1 {W_NS}", fragment, count=1)))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _run(inner: str) -> str:
    return f"<w:r>{inner}</w:r>"


def test_nested_and_benign_fields_remote_ones_go_page_numbers_stay() -> None:
    begin, separate, end = (
        _run(f'<w:fldChar w:fldCharType="{kind}"/>') for kind in ("begin", "separate", "end")
    )
    data = _header_with(
        # INCLUDEPICTURE whose path comes from a nested MERGEFIELD, split over several instrText runs
        begin,
        _run('<w:instrText xml:space="preserve"> INCLUDE</w:instrText>'),
        _run('<w:instrText xml:space="preserve">PICTURE "http://x.iphr-test.invalid/</w:instrText>'),
        begin,
        _run("<w:instrText> MERGEFIELD logo </w:instrText>"),
        separate,
        _run("<w:t>nested-result</w:t>"),
        end,
        _run('<w:instrText xml:space="preserve">" \\d </w:instrText>'),
        separate,
        _run("<w:t>picture-result</w:t>"),
        end,
        # a page number: harmless, stays a field
        begin,
        _run("<w:instrText> PAGE </w:instrText>"),
        separate,
        _run("<w:t>1</w:t>"),
        end,
        # DDEAUTO with no cached result, and a LINK as a simple field
        begin,
        _run('<w:instrText> DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe "/k calc" </w:instrText>'),
        end,
        '<w:fldSimple w:instr=" LINK Excel.Sheet.8 &quot;\\\\\\\\server\\\\share\\\\budget.xls&quot; "><w:r>'
        "<w:t>link-result</w:t></w:r></w:fldSimple>",
    )
    safe = sanitise_package(data, "fields.docx")
    header = _parts(safe.data)["word/header1.xml"].decode()
    for gone in (
        "INCLUDE",
        "MERGEFIELD",
        "nested-result",
        "iphr-test",
        "DDEAUTO",
        "cmd.exe",
        "LINK",
        "server",
    ):
        assert gone not in header, gone
    assert "picture-result" in header and "link-result" in header
    assert "PAGE" in header and header.count('w:fldCharType="begin"') == 1
    assert safe.removed["remote field"] == 3


def test_an_image_of_gigantic_dimensions_is_refused(tmp_path: Path) -> None:
    canvas = Image.new("1", (8000, 8000))
    png = io.BytesIO()
    canvas.save(png, "PNG")
    document = docx.Document()
    document.sections[0].header.paragraphs[0].add_run().add_picture(
        io.BytesIO(png.getvalue()), width=docx.shared.Mm(5)
    )
    path = tmp_path / "huge-image.docx"
    document.save(str(path))
    with pytest.raises(LetterheadError) as caught:
        register_letterhead(tmp_path / "data", "acme", path)
    assert str(caught.value) == (
        "huge-image.docx: the image word/media/image1.png is 8000 x 8000 pixels, far more than a letterhead "
        "needs; it cannot be used."
    )
    assert not (tmp_path / "data" / "letterheads").exists()


# --------------------------------------------------------------------------- entities, failed adds


@pytest.mark.parametrize("declared", [True, False], ids=["custom-entity", "undefined-entity"])
def test_xml_entities_are_refused_at_add_time_and_nothing_is_written(tmp_path: Path, declared: bool) -> None:
    source = tmp_path / "entity.docx"
    source.write_bytes(with_entity(declared=declared))
    with pytest.raises(LetterheadError) as caught:
        register_letterhead(tmp_path / "data", "acme", source)
    message = str(caught.value)
    assert "\n" not in message and message.startswith("entity.docx: the part word/header1.xml ")
    assert ("declares a DTD" in message) if declared else ("Entity 'org' not defined" in message)
    assert not (tmp_path / "data" / "letterheads").exists()


def test_a_failed_add_leaves_nothing_and_a_good_file_then_registers(tmp_path: Path) -> None:
    data = tmp_path / "data"
    bad = tmp_path / "bad.docx"
    bad.write_bytes(with_entity(declared=True))
    with pytest.raises(LetterheadError):
        register_letterhead(data, "acme", bad)
    good = tmp_path / "good.docx"
    good.write_bytes(_header_with(_run("<w:t>Acme</w:t>")))
    stored = register_letterhead(data, "acme", good)
    assert sorted(p.name for p in stored.parent.iterdir()) == ["acme.docx", "acme.toml"]
    assert load_letterhead("acme", data).organisation.name == "acme"


def test_a_broken_profile_left_by_an_older_version_is_replaced_on_re_add(tmp_path: Path) -> None:
    folder = tmp_path / "data" / "letterheads"
    folder.mkdir(parents=True)
    (folder / "acme.docx").write_bytes(with_entity(declared=True))  # what an old `add` stored
    (folder / "acme.toml").write_text('[organisation]\nname = "Acme\nLegal"\n', encoding="utf-8")
    good = tmp_path / "good.docx"
    good.write_bytes(_header_with(_run("<w:t>Acme</w:t>")))
    register_letterhead(tmp_path / "data", "acme", good)
    head = load_letterhead("acme", tmp_path / "data")
    assert head.organisation.name == "acme"
    export_frame(FR_FRAME, FR_BODY, tmp_path / "letter.docx", letterhead=head, now=FIXED_NOW)


def test_an_organisation_name_with_a_line_break_makes_a_readable_profile(tmp_path: Path) -> None:
    def company(name: str, blob: bytes) -> bytes:
        if name == "docProps/app.xml":
            return re.sub(
                rb"<Company/>|<Company>.*?</Company>", b'<Company>Acme "Legal"\nClinic\\</Company>', blob
            )
        return blob

    source = tmp_path / "company.docx"
    source.write_bytes(edit_parts(_header_with(), company))
    register_letterhead(tmp_path / "data", "acme", source)
    assert load_letterhead("acme", tmp_path / "data").organisation.name == 'Acme "Legal" Clinic\\'


def test_a_failure_while_storing_leaves_the_folder_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "good.docx"
    source.write_bytes(_header_with())
    real_replace = os.replace

    def fail_on_the_template(src: str | Path, dst: str | Path) -> None:
        if str(dst).endswith(".docx"):
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", fail_on_the_template)
    with pytest.raises(LetterheadError, match="No space left on device"):
        register_letterhead(tmp_path / "data", "acme", source)
    assert list((tmp_path / "data" / "letterheads").iterdir()) == []


def test_letterhead_files_are_private(tmp_path: Path) -> None:
    folder = tmp_path / "data" / "letterheads"
    folder.mkdir(parents=True, mode=0o755)
    folder.chmod(0o755)
    old = folder / "acme.docx"
    old.write_bytes(b"an older, world-readable letterhead")
    old.chmod(0o644)
    source = tmp_path / "good.docx"
    source.write_bytes(_header_with())
    register_letterhead(tmp_path / "data", "acme", source)
    assert folder.stat().st_mode & 0o777 == 0o700
    assert {p.name: p.stat().st_mode & 0o777 for p in folder.iterdir()} == {
        "acme.docx": 0o600,
        "acme.toml": 0o600,
    }


# --------------------------------------------------------------------------- zip bombs


def _peak_mb(action: object) -> tuple[float, float]:
    """Peak Python memory (MB) and seconds taken by `action()`."""
    assert callable(action)
    tracemalloc.start()
    started = time.perf_counter()
    try:
        action()
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return peak / 1e6, time.perf_counter() - started


def test_a_zip_bomb_letterhead_is_refused_at_add_time_in_bounded_memory(tmp_path: Path, bomb: bytes) -> None:
    source = tmp_path / "bomb.docx"
    source.write_bytes(bomb)
    assert len(bomb) < 1_000_000

    def add() -> None:
        with pytest.raises(LetterheadError) as caught:
            register_letterhead(tmp_path / "data", "acme", source)
        assert str(caught.value) == (
            "bomb.docx: the part word/header1.xml unpacks to more than 20 MB, far more than a letterhead "
            "needs; it cannot be used."
        )

    peak, _seconds = _peak_mb(add)
    assert peak < 3 * MAX_PART_BYTES / 1e6, f"{peak:.0f} MB"
    assert not (tmp_path / "data" / "letterheads").exists()


def test_a_zip_bomb_already_in_the_letterhead_folder_is_refused_at_export(
    tmp_path: Path, bomb: bytes
) -> None:
    """A letterhead stored by an older version (or copied in by hand) never went through the import."""
    folder = tmp_path / "data" / "letterheads"
    folder.mkdir(parents=True)
    (folder / "acme.docx").write_bytes(bomb)
    head = load_letterhead("acme", tmp_path / "data")

    def export() -> None:
        with pytest.raises(LetterheadError) as caught:
            export_frame(FR_FRAME, FR_BODY, tmp_path / "letter.docx", letterhead=head, now=FIXED_NOW)
        assert str(caught.value) == (
            "acme.docx: the part word/header1.xml unpacks to more than 20 MB, far more than a letterhead "
            "needs; it cannot be used."
        )

    peak, _seconds = _peak_mb(export)
    assert peak < 3 * MAX_PART_BYTES / 1e6, f"{peak:.0f} MB"
    assert not (tmp_path / "letter.docx").exists()


# --------------------------------------------------------------------------- export-time defence


def test_a_hostile_letterhead_already_in_the_folder_is_cleaned_when_the_exporter_loads_it(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "data" / "letterheads"
    folder.mkdir(parents=True)
    (folder / "acme.docx").write_bytes(hostile_docx())
    head = load_letterhead("acme", tmp_path / "data")
    out = export_frame(FR_FRAME, FR_BODY, tmp_path / "letter.docx", letterhead=head, now=FIXED_NOW)
    parts = _parts(out)
    assert _leaks(parts) == []
    assert not [name for name in parts if "embeddings" in name]
    assert any(b"HOSTILE HEADER" in blob for name, blob in parts.items() if name.startswith("word/header"))
    check = validate_docx([out])
    assert check.returncode == 0, check.stdout


def test_a_clean_template_is_loaded_unchanged() -> None:
    """The built-in letterhead has nothing to remove: the exporter's check hands back its bytes."""
    data = resource("letterheads", "iphr.docx").read_bytes()
    safe = sanitise_package(data, "iphr.docx", reencode_all=False)
    assert safe.data is data and not safe.removed


STRACE = shutil.which("strace")


@pytest.mark.libreoffice
@pytest.mark.skipif(
    (soffice() is None or STRACE is None) and not ON_CI, reason="needs LibreOffice (soffice) and strace"
)
def test_pdf_export_with_a_hostile_letterhead_opens_no_internet_socket(tmp_path: Path) -> None:
    """The finding: LibreOffice resolved the tracking pixel's host (a DNS query) while making the PDF.

    The hostile file is copied straight into the letterhead folder, as a version without import-time
    checks stored it, so this proves the exporter's own defence; strace follows LibreOffice too.
    """
    assert STRACE is not None and soffice() is not None, "CI must have strace and soffice"
    data = tmp_path / "data"
    (data / "letterheads").mkdir(parents=True)
    (data / "letterheads" / "acme.docx").write_bytes(hostile_docx())
    trace = tmp_path / "network.trace"
    env = {k: v for k, v in os.environ.items() if not k.startswith("IPHR_DESK_")}
    env["IPHR_DESK_DATA_DIR"] = str(data)
    command = [STRACE, "-f", "-e", "trace=network", "-o", str(trace), sys.executable, "-m", "iphr_desk"]
    command += ["export", str(LETTER), "-o", str(tmp_path / "letter.pdf"), "--pdf", "--letterhead", "acme"]
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "letter.pdf").read_bytes().startswith(b"%PDF")
    lines = trace.read_text(encoding="utf-8", errors="replace").splitlines()
    assert len({line.split()[0] for line in lines if line.split()}) > 2  # LibreOffice's processes were traced
    assert [line for line in lines if re.search(r"\bAF_INET6?\b", line)] == []


@pytest.mark.parametrize("kind", ["GIF", "TIFF", "PNG"])
def test_other_image_formats_keep_their_format_and_lose_their_tags(kind: str) -> None:
    image = Image.new("P" if kind == "GIF" else "RGB", (30, 20), 3 if kind == "GIF" else (9, 99, 199))
    exif = Image.Exif()
    exif[0x013B] = "Jane Secretary"  # Artist
    out = io.BytesIO()
    extra: dict[str, object] = {"comment": b"jane.secretary"} if kind == "GIF" else {"exif": exif.tobytes()}
    if kind == "TIFF":
        extra["compression"] = "tiff_lzw"
    image.save(out, kind, **extra)
    assert re.search(rb"[Jj]ane", out.getvalue())  # the tag is really there to remove
    document = docx.Document()
    document.sections[0].header.paragraphs[0].add_run().add_picture(io.BytesIO(out.getvalue()))
    packed = io.BytesIO()
    document.save(packed)
    safe = sanitise_package(packed.getvalue(), "formats.docx")
    (media,) = [blob for name, blob in _parts(safe.data).items() if name.startswith("word/media/")]
    assert b"Jane" not in media and b"jane" not in media
    cleaned = Image.open(io.BytesIO(media))
    assert (cleaned.format, cleaned.size) == (kind, (30, 20))
    assert cleaned.convert("RGB").tobytes() == image.convert("RGB").tobytes()
    assert safe.removed["image metadata"] == 1
