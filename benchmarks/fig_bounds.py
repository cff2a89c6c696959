"""Bounded work: export time and memory on generated worst cases, against bare python-docx.

Five bodies stress what a Markdown letter can have too much of: links, very short paragraphs,
footnotes, one long paragraph of many lines, deep lists. Each is exported in a fresh child process
(`python -m benchmarks.fig_bounds CASE KB app|extract|floor|normalise OUT`) so that one case's memory never
counts in another's. The child measures its own wall time and its peak memory above what it held
before the work (Linux: VmHWM after resetting it through /proc/self/clear_refs, minus VmRSS).

The floor writes the paragraphs, runs and links the app's export produced (read back from the
app's own file by another child), into the same letterhead with python-docx, and nothing else:
that is the least any exporter must do for the same output. The growth figure compares the time
per 1,000 links at the largest and the smallest size of the same run: 1.0 is linear.
"""

from __future__ import annotations

import gc
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks._harness import Context, Figure

#: Link count per KB of the "links" case and footnotes per KB of the "footnotes" case, so that the
#: default 600 KB gives the reported 8,000 links and 4,000 footnotes.
LINKS_PER_KB = 8000 / 600
FOOTNOTES_PER_KB = 4000 / 600
#: Peak memory (MB per MB of body) the export must stay under on every case; see README.
MEMORY_TARGET = 4.0


def links(count: int) -> str:
    """`count` links, eight to a paragraph, each to its own address."""
    paragraphs = []
    for first in range(0, count, 8):
        paragraphs.append(
            " ".join(
                f"See [source {k}](https://example.org/reports/{k}) for details."
                for k in range(first, min(count, first + 8))
            )
        )
    return "\n\n".join(paragraphs) + "\n"


def short_paragraphs(size: int) -> str:
    """As many paragraphs as fit: two characters each, the most paragraphs a byte can make."""
    count = max(1, size // 4)
    return "".join(f"p{k % 10}\n\n" for k in range(count))


def footnotes(count: int) -> str:
    claims = [f"Claim number {k} is documented.[^{k}]" for k in range(1, count + 1)]
    notes = [f"[^{k}]: Source {k}, report of 2023." for k in range(1, count + 1)]
    return "\n\n".join(claims + notes) + "\n"


def long_paragraph(size: int) -> str:
    """One paragraph of many short lines, each with an escape (many runs of the same look)."""
    count = max(1, size // 12)
    return "".join(f"w{k} a\\*b\n" for k in range(count))


def deep_lists(size: int, depth: int = 8) -> str:
    """Lists nested `depth` deep, over and over: every nested list is a new numbering definition."""
    out: list[str] = []
    total = 0
    k = 0
    while total < size:
        for level in range(depth):
            line = "   " * level + f"- item {k} at depth {level}\n"
            out.append(line)
            total += len(line)
            k += 1
        out.append("\n")
        total += 1
    return "".join(out)


CASES: dict[str, Callable[[int], str]] = {
    "links": lambda kb: links(max(8, round(kb * LINKS_PER_KB))),
    "short_paragraphs": lambda kb: short_paragraphs(kb * 1024),
    "footnotes": lambda kb: footnotes(max(2, round(kb * FOOTNOTES_PER_KB))),
    "long_paragraph": lambda kb: long_paragraph(kb * 1024),
    "deep_lists": lambda kb: deep_lists(kb * 1024),
}


# --------------------------------------------------------------------------- the child process


def _status_mb(field: str) -> float | None:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def _reset_peak() -> bool:
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as refs:
            refs.write("5")
    except OSError:
        return False
    return True


def _peak_mb() -> float:
    hwm = _status_mb("VmHWM")
    if hwm is not None:
        return hwm
    import resource

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def _measure(work: Callable[[], object]) -> dict[str, Any]:
    gc.collect()
    exact = _reset_peak()
    before = _status_mb("VmRSS") or 0.0
    start = time.perf_counter()
    work()
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "peak_mb": _peak_mb() - before, "peak_exact": exact}


def extract(path: Path) -> list[tuple[str | None, list[tuple[str, bool, bool, str | None]]]]:
    """Every paragraph of the app's file (body, table cells, then footnotes): its style id and its
    runs (text, bold, italic, link target). The floor writes exactly these."""
    import zipfile

    from lxml import etree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    r_id = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    out: list[tuple[str | None, list[tuple[str, bool, bool, str | None]]]] = []
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        for part in ("word/document.xml", "word/footnotes.xml"):
            if part not in names:
                continue
            rels_name = part.replace("word/", "word/_rels/") + ".rels"
            targets = {}
            if rels_name in names:
                for rel in etree.fromstring(archive.read(rels_name)):
                    targets[rel.get("Id")] = rel.get("Target")
            for p in etree.fromstring(archive.read(part)).iter(f"{w}p"):
                style = p.find(f"{w}pPr/{w}pStyle")
                runs = []
                for run in p.iter(f"{w}r"):
                    text = "".join(t.text or "" for t in run.iter(f"{w}t"))
                    link = run.getparent()
                    href = targets.get(link.get(r_id)) if link.tag == f"{w}hyperlink" else None
                    bold = run.find(f"{w}rPr/{w}b") is not None
                    runs.append((text, bold, run.find(f"{w}rPr/{w}i") is not None, href))
                out.append((style.get(f"{w}val") if style is not None else None, runs))
    return out


def floor_writer(template: Path | None) -> Callable[[list[Any], Path], None]:
    """The least an exporter must do: python-docx opens the letterhead, each paragraph and run is
    added with its OXML layer at the end of the body (python-docx's `add_paragraph` searches the
    body for its section properties each time, which is itself quadratic), links get their
    relationship with the next id, and the document is saved."""
    from docx import Document
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def write(paragraphs: list[Any], output: Path) -> None:
        doc = Document(str(template)) if template else Document()
        body = doc.element.body
        end = body.find(qn("w:sectPr"))
        rels = doc.part.rels
        next_id = len(rels) + 1
        links: dict[str, str] = {}
        for style, runs in paragraphs:
            p = OxmlElement("w:p")
            if style:
                ppr = OxmlElement("w:pPr")
                ppr.append(OxmlElement("w:pStyle", attrs={qn("w:val"): style}))
                p.append(ppr)
            for text, bold, italic, href in runs:
                r = OxmlElement("w:r")
                if bold or italic:
                    rpr = OxmlElement("w:rPr")
                    if bold:
                        rpr.append(OxmlElement("w:b"))
                    if italic:
                        rpr.append(OxmlElement("w:i"))
                    r.append(rpr)
                t = OxmlElement("w:t")
                t.text = text
                r.append(t)
                if href:
                    if href not in links:
                        while f"rId{next_id}" in rels:
                            next_id += 1
                        links[href] = f"rId{next_id}"
                        rels.add_relationship(RT.HYPERLINK, href, links[href], True)
                    link = OxmlElement("w:hyperlink", attrs={qn("r:id"): links[href]})
                    link.append(r)
                    p.append(link)
                else:
                    p.append(r)
            if end is not None:
                end.addprevious(p)
            else:
                body.append(p)
        doc.save(str(output))

    return write


def _child(case: str, kb: int, mode: str, out: Path) -> dict[str, Any]:
    from benchmarks import _letters
    from benchmarks.fig_export import letterhead_template
    from iphr_desk.core.export.docx_export import compute_letter_frame, export_frame
    from iphr_desk.core.export.letterhead import load_letterhead

    body = CASES[case](kb)
    size_mb = len(body.encode("utf-8")) / (1024 * 1024)
    result: dict[str, Any] = {"case": case, "kb": kb, "mode": mode, "input_mb": size_mb}
    paragraphs_file = out.with_suffix(".json")
    if mode == "extract":
        paragraphs_file.write_text(json.dumps(extract(out)), encoding="utf-8")
        return result
    if mode == "floor":
        paragraphs = json.loads(paragraphs_file.read_text(encoding="utf-8"))
        write = floor_writer(letterhead_template())
        write(paragraphs[:50], out.with_name(out.stem + "-warm.docx"))
        del body
        result.update(_measure(lambda: write(paragraphs, out.with_name(out.stem + "-floor.docx"))))
        return _per_mb(result, size_mb)
    letter = _letters.letter()
    head = load_letterhead()
    frame = compute_letter_frame(letter, head)
    export_frame(frame, _letters.body(2), out.with_name(out.stem + "-warm.docx"), letterhead=head)
    if mode == "app":
        result.update(_measure(lambda: export_frame(frame, body, out, letterhead=head)))
    else:
        from iphr_desk.core.letters.letterfile import normalise_body

        result.update(_measure(lambda: normalise_body(body)))
    return _per_mb(result, size_mb)


def _per_mb(result: dict[str, Any], size_mb: float) -> dict[str, Any]:
    """Peak MiB per MiB of body, at least 1: any program holds its input once, and at small sizes
    the work fits in memory the process had already freed, so its resident size does not grow."""
    result["mb_per_mb"] = max(1.0, result["peak_mb"] / size_mb) if size_mb else 1.0
    return result


def _run_child(case: str, kb: int, mode: str, folder: Path) -> dict[str, Any]:
    out = folder / f"{case}-{kb}.docx"
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.fig_bounds", case, str(kb), mode, str(out)],
        cwd=root, capture_output=True, text=True, check=False,
        env={**os.environ, "PYTHONPATH": str(root)},
    )  # fmt: skip
    if done.returncode != 0:
        raise RuntimeError(f"{case} {mode}: {done.stderr.strip().splitlines()[-1:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# --------------------------------------------------------------------------- the figures


def run(ctx: Context) -> list[Figure]:
    kb = max(1, ctx.options.bounds_kb)
    folder = ctx.work_dir / "bounds"
    folder.mkdir(parents=True, exist_ok=True)
    pairs = max(1, ctx.options.runs // 2)
    figures: list[Figure] = []
    for case in CASES:
        app: list[dict[str, Any]] = []
        floor: list[dict[str, Any]] = []
        for _ in range(pairs):  # app first: the floor writes what the app wrote
            app.append(_run_child(case, kb, "app", folder))
            _run_child(case, kb, "extract", folder)
            floor.append(_run_child(case, kb, "floor", folder))
        normalised = _run_child(case, kb, "normalise", folder)
        size = app[0]["input_mb"]
        extra = {
            "input_mb": size,
            "app": app,
            "floor": floor,
            "normalise_s": normalised["seconds"],
            "normalise_mb_per_mb": normalised["mb_per_mb"],
        }
        figures.append(
            Figure(
                f"bounds_{case}_time", f"worst case {case} ({size * 1024:,.0f} KB): export time",
                "app export_frame", "bare python-docx, same paragraphs", "ms", 4.0,
                project=_median(app, "seconds") * 1000, floor=_median(floor, "seconds") * 1000, extra=extra,
            )
        )  # fmt: skip
        figures.append(
            Figure(
                f"bounds_{case}_memory", f"worst case {case}: peak memory per MiB of body",
                "app export_frame", "bare python-docx, same paragraphs", "MiB", MEMORY_TARGET,
                project=_median(app, "mb_per_mb"), floor=_median(floor, "mb_per_mb"), extra=extra,
            )
        )  # fmt: skip
    figures.append(_growth(kb, folder))
    return figures


def _growth(kb: int, folder: Path) -> Figure:
    """Time per 1,000 links at the largest size against the smallest: linear work gives 1.0."""
    sizes = [max(1, kb // 8), max(1, kb // 4), max(1, kb // 2), kb]
    per_thousand: dict[int, float] = {}
    for size in sizes:
        result = _run_child("links", size, "app", folder)
        count = max(8, round(size * LINKS_PER_KB))
        per_thousand[count] = result["seconds"] * 1000 / (count / 1000)
    smallest, largest = min(per_thousand), max(per_thousand)
    return Figure(
        "bounds_links_growth", f"links: ms per 1,000 links at {largest:,} vs at {smallest:,}",
        f"at {largest:,} links", f"at {smallest:,} links", "ms", 1.5,
        project=per_thousand[largest], floor=per_thousand[smallest],
        extra={"ms_per_1000_links": per_thousand},
    )  # fmt: skip


def _median(results: list[dict[str, Any]], key: str) -> float:
    return float(statistics.median(r[key] for r in results))


if __name__ == "__main__":
    print(json.dumps(_child(sys.argv[1], int(sys.argv[2]), sys.argv[3], Path(sys.argv[4]))))
