"""A real review round trip: LibreOffice Writer, driven through UNO, records an insertion, a deletion and
a formatting change with change tracking and adds a comment, then saves as .docx; the import takes it
back (issue 15).

The UNO script runs under the system Python (python3-uno is not in the venv): tests/exchange_uno/.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from review_support import AUTHOR, store_with_letter

from iphr_desk.core.exchange.review_import import apply_review_import, export_for_review, plan_review_import
from iphr_desk.core.store.repository import comments as comment_repo
from iphr_desk.core.store.repository import letters as letter_repo
from iphr_desk.core.store.repository import revisions as revision_repo

ROOT = Path(__file__).resolve().parents[3]
SCRIPT = ROOT / "tests" / "exchange_uno" / "review_in_writer.py"
SYSTEM_PYTHON = Path("/usr/bin/python3")


def _uno_available() -> bool:
    if shutil.which("soffice") is None or not SYSTEM_PYTHON.exists():
        return False
    probe = subprocess.run([str(SYSTEM_PYTHON), "-c", "import uno"], capture_output=True, timeout=60)
    return probe.returncode == 0


pytestmark = pytest.mark.skipif(not _uno_available(), reason="LibreOffice with python3-uno is not installed")


def test_a_copy_reviewed_in_libreoffice_comes_back_with_its_changes_and_comment(tmp_path: Path) -> None:
    store, letter_id = store_with_letter(tmp_path / "data", comment=False)
    try:
        exported = export_for_review(store, letter_id, tmp_path / "for-review.docx")
        reviewed = tmp_path / "reviewed.docx"
        run = subprocess.run(
            [str(SYSTEM_PYTHON), str(SCRIPT), str(exported), str(reviewed), "Jane Roe"],
            capture_output=True, text=True, timeout=240,
        )  # fmt: skip
        assert run.returncode == 0, run.stderr
        plan = plan_review_import(store, reviewed)
        assert plan.letter_id == letter_id and plan.reviewers == ("Jane Roe",)
        kinds = {(c.kind, c.author, c.text.strip()) for c in plan.changes}
        assert ("deletion", "Jane Roe", "reconnue") in kinds
        assert ("insertion", "Jane Roe", "Le relecteur ajoute cette phrase.") in kinds
        assert ("formatting", "Jane Roe", "Nos demandes") in kinds  # LibreOffice writes w:rPrChange
        result = apply_review_import(store, plan, author=AUTHOR)
        body = letter_repo.get_letter(store, letter_id).body
        assert "**Nos demandes** : Le relecteur ajoute cette phrase." in body
        assert "reconnue" not in body and "une *journaliste*" in body
        assert "**Mme Aliyeva**" in body and "[^1]: Voir le rapport de 2023." in body
        base = revision_repo.find_revision_by_uuid(store, plan.base_revision_uuid or "")
        assert base is not None
        assert revision_repo.get_revision_record(store, result.revision_id or 0).parent_uuid == base.uuid
        # the diff against the exported revision is the reviewer's two changes, nothing else
        changed = set(plan.result_text.splitlines()) ^ set(base.text.splitlines())
        assert len(changed) == 4, changed
        comments = comment_repo.comment_records(store, letter_id)
        assert [(c.author, c.anchor, c.origin) for c in comments] == [("Jane Roe", "Mme Aliyeva", "word")]
        assert comments[0].text == "Please check the spelling of this name."
        assert result.status == "changes_requested"
    finally:
        store.close()
