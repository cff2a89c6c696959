"""The benchmark harness runs end to end at tiny sizes and reports every figure with its floor and ratio.

No timing is asserted: the figures are for people to read, the harness is what can break.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import __main__ as bench  # noqa: E402
from benchmarks._harness import Figure, percentile  # noqa: E402
from benchmarks._report import table  # noqa: E402

EXPECTED = {
    "first_paint", "ready", "memory", "search_p50", "search_p95", "export", "export_vs_docxtpl",
    "search_replayed_p50", "search_replayed_p95", "search_first_rows_p50", "search_first_rows_p95",
    "batch", "autosave", "import", "bounds_links_growth",
    *(f"bounds_{case}_{kind}" for case in ("links", "short_paragraphs", "footnotes", "long_paragraph",
                                           "deep_lists") for kind in ("time", "memory")),
}  # fmt: skip


def test_ratio_and_target() -> None:
    fig = Figure("x", "x", "app", "floor", "ms", 1.5, project=30.0, floor=20.0)
    assert fig.ratio == pytest.approx(1.5)
    assert fig.meets_target is True
    strict = Figure("y", "y", "app", "floor", "ms", 1.0, project=20.0, floor=20.0, strict=True)
    assert strict.meets_target is False
    assert Figure("z", "z", "app", "floor", "ms", 2.0, project=1.0).ratio is None


def test_percentile_is_a_measured_value() -> None:
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 50) == 50.0
    assert percentile(values, 95) == 95.0
    assert percentile([3.0], 95) == 3.0


def test_table_marks_a_missed_target() -> None:
    text = table([Figure("x", "export", "app", "floor", "ms", 1.3, project=40.0, floor=20.0)])
    row = text.splitlines()[-1]
    assert "2.00" in row and "**no**" in row and "40.0 ms" in row


def test_harness_runs_at_tiny_sizes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "results.json"
    status = bench.main([
        "--letters", "40", "--cases", "8", "--runs", "1", "--warmup", "0", "--startup-runs", "1",
        "--batch", "3", "--batch-runs", "1", "--import-files", "4", "--import-runs", "1",
        "--search-queries", "3", "--search-repeats", "1", "--qpa", "offscreen", "--bounds-kb", "4",
        "--cache-dir", str(tmp_path / "cache"), "--output", str(output),
    ])  # fmt: skip
    assert status == 0
    printed = capsys.readouterr().out
    assert "| figure | project | floor (same run) | ratio | target | met |" in printed
    results = json.loads(output.read_text(encoding="utf-8"))
    assert results["machine"]["cores"] >= 1 and results["machine"]["sqlite"]
    figures = {fig["key"]: fig for fig in results["figures"]}
    not_measured = {key: fig["skipped"] for key, fig in figures.items() if fig["ratio"] is None}
    assert not not_measured, not_measured
    assert set(figures) == EXPECTED
    for fig in figures.values():
        assert fig["project"] > 0 and fig["floor"] > 0
        assert fig["ratio"] == pytest.approx(fig["project"] / fig["floor"])
