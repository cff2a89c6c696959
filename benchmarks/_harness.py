"""What every figure shares: the result record, timing by medians, the options and the run context.

A figure never stands alone: its project number is always read next to a floor measured in the same
process run on the same machine, so the ratio means something on any laptop.
"""

from __future__ import annotations

import shutil
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Figure:
    """One row of the table. Times are in milliseconds, memory in MiB; `target` is the ratio to meet.

    `strict` marks the rows whose target must be beaten, not just met (ratio < target), e.g. the
    exporter against docxtpl, which it must outrun.
    """

    key: str
    title: str
    project_label: str
    floor_label: str
    unit: str
    target: float
    project: float | None = None
    floor: float | None = None
    skipped: str | None = None
    strict: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        if self.project is None or self.floor is None or self.floor <= 0:
            return None
        return self.project / self.floor

    @property
    def meets_target(self) -> bool | None:
        ratio = self.ratio
        if ratio is None:
            return None
        return ratio < self.target if self.strict else ratio <= self.target

    def as_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "title": self.title,
            "project_label": self.project_label,
            "floor_label": self.floor_label,
            "unit": self.unit,
            "project": self.project,
            "floor": self.floor,
            "ratio": self.ratio,
            "target": self.target,
            "target_is_strict": self.strict,
            "meets_target": self.meets_target,
            "skipped": self.skipped,
            "extra": self.extra,
        }


@dataclass(frozen=True)
class Options:
    """The sizes and repetitions of one run (`python -m benchmarks --help` documents each)."""

    letters: int = 100_000
    cases: int = 20_000
    seed: int = 1
    runs: int = 5
    warmup: int = 1
    startup_runs: int = 5
    batch_recipients: int = 1_000
    batch_runs: int = 2
    import_files: int = 1_000
    import_runs: int = 3
    search_queries: int = 24
    search_repeats: int = 3
    autosave_pages: int = 20
    bounds_kb: int = 600
    qpa: str = "auto"
    ready_timeout_s: float = 60.0


@dataclass
class Context:
    """Where one run keeps its files. `corpus_dir` is the cached generated store and is never written to:
    figures that change a store ask for `writable_store()`, a copy made once per run."""

    options: Options
    work_dir: Path
    corpus_dir: Path | None = None
    corpus_error: str | None = None
    profile_dir: Path | None = None
    _writable: Path | None = None

    def profile(self, name: str, fn: Callable[[], object]) -> None:
        """With `--profile DIR`: one more, untimed call under cProfile, saved as DIR/name.prof and a
        DIR/name.txt of the 30 costliest calls, so the owner of a missed target sees where time goes."""
        if self.profile_dir is None:
            return
        import cProfile
        import io
        import pstats

        self.profile_dir.mkdir(parents=True, exist_ok=True)
        profiler = cProfile.Profile()
        profiler.runcall(fn)
        profiler.dump_stats(str(self.profile_dir / f"{name}.prof"))
        text = io.StringIO()
        pstats.Stats(profiler, stream=text).sort_stats("cumulative").print_stats(30)
        (self.profile_dir / f"{name}.txt").write_text(text.getvalue(), encoding="utf-8")

    def corpus(self) -> Path:
        """The generated store's data folder (read only); raises when it could not be generated."""
        if self.corpus_dir is None:
            raise RuntimeError(self.corpus_error or "no corpus")
        return self.corpus_dir

    def writable_store(self) -> Path:
        if self._writable is None:
            target = self.work_dir / "store-copy"
            shutil.copytree(self.corpus(), target, ignore=shutil.ignore_patterns("backups"))
            self._writable = target
        return self._writable


def time_once(fn: Callable[[], object]) -> float:
    """Seconds one call takes, by the monotonic high-resolution clock."""
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def samples(fn: Callable[[], object], runs: int, warmup: int) -> list[float]:
    """Seconds per call for `runs` calls after `warmup` untimed ones (imports, caches, page cache)."""
    for _ in range(warmup):
        fn()
    return [time_once(fn) for _ in range(max(1, runs))]


def interleaved(fns: dict[str, Callable[[], object]], runs: int, warmup: int) -> dict[str, list[float]]:
    """Seconds per call of each function, taking turns (a, b, a, b, ...), so that a busy moment of the
    machine (other processes on two cores) slows the project and its floor alike."""
    for _ in range(warmup):
        for fn in fns.values():
            fn()
    times: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(max(1, runs)):
        for name, fn in fns.items():
            times[name].append(time_once(fn))
    return times


def median_ms(values: list[float]) -> float:
    return statistics.median(values) * 1000.0


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile (no interpolation), so p95 is always a time that was measured."""
    ordered = sorted(values)
    if not ordered:
        raise ValueError("no samples")
    rank = max(1, round(pct / 100.0 * len(ordered) + 0.4999))
    return ordered[min(rank, len(ordered)) - 1]


def skipped(figure: Figure, reason: str) -> Figure:
    figure.skipped = reason
    return figure


def store_engine(store: Any) -> Any:
    """The SQLAlchemy engine behind an open app store, to watch or ask it without changing it."""
    from sqlalchemy.engine import Engine

    for name in ("engine", "_engine"):
        value = getattr(store, name, None)
        if isinstance(value, Engine):
            return value
    for value in vars(store).values():
        if isinstance(value, Engine):
            return value
    raise RuntimeError("could not find the store's SQLAlchemy engine")


def close_store(store: Any) -> None:
    close = getattr(store, "close", None)
    if callable(close):
        close()
