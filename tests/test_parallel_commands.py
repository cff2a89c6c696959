"""Commands started at the same moment on one data folder: each one works or waits, none fails.

Before the fix three `iphr-desk demo` runs on one folder ended in "There is already a case with the
reference …" (both found the case missing, both added it) or "database is busy" (two processes creating
and migrating the same new store).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from iphr_desk.core.store.database import Store
from iphr_desk.core.store.repository import cases as case_repo
from iphr_desk.core.store.repository import letter_lists

REPEAT = int(os.environ.get("IPHR_SOAK_REPEAT", "1"))


def start(folder: Path, *args: str) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("IPHR_DESK_")}
    return subprocess.Popen(
        [sys.executable, "-m", "iphr_desk", "--data-dir", str(folder), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


@pytest.mark.parametrize("round_", range(max(1, REPEAT // 4)))
@pytest.mark.parametrize("existing", [False, True], ids=["new folder", "existing store"])
def test_three_demo_loads_at_once_all_succeed_and_add_everything_once(
    tmp_path: Path, existing: bool, round_: int
) -> None:
    folder = tmp_path / "data"
    if existing:
        Store.open(folder).close()
    runs = [start(folder, "demo") for _ in range(3)]
    results = [(run.wait(timeout=300), *run.communicate()) for run in runs]
    for status, out, err in results:
        assert status == 0, err
        assert out.startswith("demo data:"), out
    assert sum("added 10 cases" in out for _, out, _ in results) == 1
    with Store.open(folder) as store:
        references = [case.reference for case in case_repo.case_summaries(store)]
        assert len(references) == len(set(references)) == 10
        assert letter_lists.count_letters(store) == 5
