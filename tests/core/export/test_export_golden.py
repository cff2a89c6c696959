"""Golden files: the exported XML compared with reviewed references, so any change shows as a diff.

Regenerate after an intended change with `IPHR_UPDATE_GOLDEN=1 pytest tests/core/export/test_export_golden.py`
and review the diff of tests/golden/ before committing it.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest
from export_samples import Samples
from lxml import etree

GOLDEN = Path(__file__).resolve().parents[2] / "golden"
PARTS = (
    "word/document.xml",
    "word/footnotes.xml",
    "word/numbering.xml",
    "word/header1.xml",
    "word/header2.xml",
)
VOLATILE_ATTRIBUTES = ("rsid", "paraId", "textId")


def normalise(xml: bytes) -> str:
    """Pretty-printed XML without volatile attributes (revision ids), stable across runs."""
    root = etree.fromstring(xml)
    for el in root.iter():
        for name in list(el.attrib):
            local = etree.QName(name).localname
            if any(local.startswith(prefix) for prefix in VOLATILE_ATTRIBUTES):
                del el.attrib[name]
    etree.indent(root, space="  ")
    return etree.tostring(root, encoding="unicode") + "\n"


@pytest.mark.parametrize("name", ["fr", "en"])
@pytest.mark.parametrize("part", PARTS)
def test_part_matches_golden_file(samples: Samples, name: str, part: str) -> None:
    with zipfile.ZipFile(samples.paths[name]) as archive:
        if part not in archive.namelist():
            pytest.fail(f"{part} missing from the {name} letter")
        got = normalise(archive.read(part))
    golden = GOLDEN / name / Path(part).name
    if os.environ.get("IPHR_UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(got, encoding="utf-8")
    assert golden.is_file(), f"no golden file {golden}; run with IPHR_UPDATE_GOLDEN=1"
    assert got == golden.read_text(encoding="utf-8")
