"""`python -m benchmarks`: every figure against its floor, one table, benchmarks/results.json."""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Sequence
from pathlib import Path

from benchmarks._corpus import default_cache_root, ensure_corpus
from benchmarks._harness import Context, Figure, Options
from benchmarks._report import load_average, machine_info, machine_line, table, write_json

#: Figure groups in the order they run; each module has `run(ctx) -> list[Figure]`.
GROUPS = ("startup", "search", "export", "autosave", "import", "bounds")
QUICK = Options(
    letters=2_000, cases=400, runs=3, warmup=1, startup_runs=3, batch_recipients=50, batch_runs=1,
    import_files=100, import_runs=2, search_queries=12, search_repeats=3, bounds_kb=150,
)  # fmt: skip
DEFAULT_OUTPUT = Path(__file__).with_name("results.json")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes (2,000 letters) for a quick look")
    parser.add_argument("--letters", type=int, help="letters in the generated store (default 100000)")
    parser.add_argument("--cases", type=int, help="cases in the generated store (default 20000)")
    parser.add_argument("--runs", type=int, help="timed runs per in-process figure (median taken)")
    parser.add_argument("--warmup", type=int, help="untimed runs before timing")
    parser.add_argument("--startup-runs", type=int, help="fresh processes per start-up figure")
    parser.add_argument("--batch", type=int, dest="batch_recipients", help="recipients in the batch export")
    parser.add_argument("--batch-runs", type=int, help="timed runs of the batch export")
    parser.add_argument("--import-files", type=int, help="letter files in the import figure")
    parser.add_argument("--import-runs", type=int, help="timed runs of the import")
    parser.add_argument("--search-queries", type=int, help="distinct full-text queries")
    parser.add_argument("--search-repeats", type=int, help="times each query runs")
    parser.add_argument("--bounds-kb", type=int, help="size of each generated worst-case body (default 600)")
    parser.add_argument("--qpa", choices=("auto", "xvfb", "offscreen"), help="how the GUI is shown")
    parser.add_argument("--only", help=f"comma-separated groups among: {', '.join(GROUPS)}")
    parser.add_argument("--cache-dir", type=Path, help="where the generated store is kept between runs")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="results file (JSON)")
    parser.add_argument("--profile", type=Path, metavar="DIR", help="profile each in-process figure into DIR")
    return parser


def options_from(args: argparse.Namespace) -> Options:
    base = QUICK if args.quick else Options()
    overrides = {
        f.name: getattr(args, f.name)
        for f in dataclasses.fields(Options)
        if getattr(args, f.name, None) is not None
    }
    return dataclasses.replace(base, **overrides)


def run_group(name: str, ctx: Context) -> list[Figure]:
    """One group's figures; a group that cannot run yet is one row saying why, not a crash."""
    start = time.perf_counter()
    try:
        module = importlib.import_module(f"benchmarks.fig_{name}")
        figures: list[Figure] = module.run(ctx)
    except Exception as error:  # a missing or broken part of the app must not hide the other figures
        traceback.print_exc(file=sys.stderr)
        reason = f"{type(error).__name__}: {error}".replace("\n", " ")
        return [Figure(name, name, "app", "floor", "ms", 0.0, skipped=reason)]
    print(f"  {name}: {time.perf_counter() - start:.1f} s", file=sys.stderr)
    return figures


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    options = options_from(args)
    groups = [g.strip() for g in args.only.split(",")] if args.only else list(GROUPS)
    unknown = sorted(set(groups) - set(GROUPS))
    if unknown:
        print(f"unknown figure group(s): {', '.join(unknown)}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    load_at_start = load_average()
    print(f"corpus: {options.letters} letters, {options.cases} cases ...", file=sys.stderr)
    work = Path(tempfile.mkdtemp(prefix="iphr-bench-"))
    ctx = Context(options, work, profile_dir=args.profile)
    corpus_info: dict[str, object] = {"letters": options.letters, "cases": options.cases}
    try:
        corpus = ensure_corpus(
            args.cache_dir or default_cache_root(), options.cases, options.letters, options.seed
        )
    except RuntimeError as error:  # figures that need no store still run
        ctx.corpus_error = str(error)
        corpus_info["error"] = str(error)
        print(f"  corpus: {error}", file=sys.stderr)
    else:
        ctx.corpus_dir = corpus.data_dir
        corpus_info.update(data_dir=str(corpus.data_dir), generated_in_s=corpus.generated_in_s)
        reused = corpus.generated_in_s is None
        print(f"  corpus: {'reused' if reused else f'{corpus.generated_in_s:.1f} s'}", file=sys.stderr)
    try:
        figures = [fig for name in groups for fig in run_group(name, ctx)]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    info = machine_info()
    info["total_run_s"] = round(time.perf_counter() - started, 1)
    info["load_average_at_start"] = load_at_start
    args.output.parent.mkdir(parents=True, exist_ok=True)
    write_json(args.output, info, options, figures, corpus_info)
    print(machine_line(info))
    print(f"Store: {options.letters:,} letters, {options.cases:,} cases; medians of {options.runs} runs "
          f"after {options.warmup} warm-up; whole run {info['total_run_s']} s.")  # fmt: skip
    print()
    print(table(figures))
    print(f"\nWritten: {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
