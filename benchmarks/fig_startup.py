"""First paint, ready and peak memory: the app and the bare window, each started as a fresh process.

Runs alternate (bare, app, bare, app, ...) so a slow moment of the machine hits both alike.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from benchmarks._harness import Context, Figure
from benchmarks._probe_gui import RESULT_PREFIX

PROBE = Path(__file__).with_name("_probe_gui.py")


@contextmanager
def display(qpa: str) -> Iterator[dict[str, str]]:
    """Environment for the GUI processes: a private Xvfb server when there is one, else offscreen."""
    use_xvfb = qpa == "xvfb" or (qpa == "auto" and shutil.which("Xvfb") is not None)
    if not use_xvfb:
        yield {"QT_QPA_PLATFORM": "offscreen"}
        return
    number = next(n for n in range(91, 200) if not Path(f"/tmp/.X{n}-lock").exists())
    server = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while not Path(f"/tmp/.X11-unix/X{number}").exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        yield {"QT_QPA_PLATFORM": "xcb", "DISPLAY": f":{number}"}
    finally:
        server.terminate()
        server.wait(timeout=10)


def probe(mode: str, data_dir: Path | None, env: dict[str, str], timeout_s: float) -> dict[str, Any]:
    """One fresh process of the app or the floor, as `_probe_gui.py` reports it."""
    command = [sys.executable, str(PROBE), mode]
    if data_dir is not None:
        command.append(str(data_dir))
    full_env = {**os.environ, **env, "IPHR_BENCH_READY_TIMEOUT_S": str(timeout_s)}
    full_env.pop("IPHR_DESK_QUIT_AFTER_MS", None)
    full_env["IPHR_BENCH_LAUNCH_NS"] = str(time.time_ns())
    done = subprocess.run(
        command, env=full_env, capture_output=True, text=True, timeout=timeout_s + 60, check=False
    )
    for line in done.stdout.splitlines():
        if line.startswith(RESULT_PREFIX):
            result: dict[str, Any] = json.loads(line[len(RESULT_PREFIX) :])
            if "error" in result:
                result["stderr"] = done.stderr.strip()[-600:]
            return result
    return {"mode": mode, "error": f"exit status {done.returncode}", "stderr": done.stderr.strip()[-600:]}


def _median(results: list[dict[str, Any]], key: str) -> float | None:
    values = [r[key] for r in results if r.get(key) is not None]
    return statistics.median(values) if values else None


def run(ctx: Context) -> list[Figure]:
    opts = ctx.options
    first = Figure(
        "first_paint", "first paint: process start → main window visible",
        "iphr-desk", "bare PySide6 QMainWindow", "ms", 1.5,
    )  # fmt: skip
    ready = Figure(
        "ready", "ready: process start → letter list painted with rows",
        "iphr-desk", "bare PySide6 QMainWindow (first paint)", "ms", 4.0,
    )  # fmt: skip
    memory = Figure(
        "memory", "memory: peak RSS after start",
        "iphr-desk", "bare PySide6 QMainWindow", "MiB", 2.0,
    )  # fmt: skip
    figures = [first, ready, memory]
    data_dir = ctx.corpus()
    bare_runs: list[dict[str, Any]] = []
    app_runs: list[dict[str, Any]] = []
    warmup_runs: list[dict[str, Any]] = []
    with display(opts.qpa) as env:
        for index in range(opts.warmup + opts.startup_runs):
            bare = probe("bare", None, env, opts.ready_timeout_s)
            app = probe("app", data_dir, env, opts.ready_timeout_s)
            if index >= opts.warmup:
                bare_runs.append(bare)
                app_runs.append(app)
            else:
                warmup_runs.append(app)
        platform = env["QT_QPA_PLATFORM"]
    errors = [r for r in app_runs + bare_runs if "error" in r]
    for figure in figures:
        figure.extra = {"qpa": platform, "runs": len(app_runs)}
    first.floor = ready.floor = _median(bare_runs, "first_paint_ms")
    memory.floor = _median(bare_runs, "peak_rss_mib")
    first.project = _median(app_runs, "first_paint_ms")
    ready.project = _median(app_runs, "ready_ms")
    memory.project = _median(app_runs, "peak_rss_mib")
    kinds = sorted({str(r.get("ready_kind")) for r in app_runs})
    ready.extra["ready_kind"] = kinds
    ready.extra["rows_in_first_page"] = _median(app_runs, "rows")
    ready.extra["samples_ms"] = [r.get("ready_ms") for r in app_runs]
    # The first start of a day also makes the daily backup before the lists fill: the warm-up shows it.
    ready.extra["warmup_ready_ms"] = [r.get("ready_ms") for r in warmup_runs]
    first.extra["samples_ms"] = [r.get("first_paint_ms") for r in app_runs]
    first.extra["floor_samples_ms"] = [r.get("first_paint_ms") for r in bare_runs]
    if app_runs:
        first.extra["heavy_modules_at_first_paint"] = app_runs[-1].get("heavy_modules_at_first_paint")
        first.extra["modules_at_first_paint"] = app_runs[-1].get("modules_at_first_paint")
        first.extra["floor_modules_at_first_paint"] = bare_runs[-1].get("modules_at_first_paint")
    memory.extra["samples_mib"] = [r.get("peak_rss_mib") for r in app_runs]
    if app_runs:
        memory.extra["heavy_modules_at_ready"] = app_runs[-1].get("heavy_modules_at_ready")
    if errors:
        error = errors[0]
        message = f"{len(errors)} probe run(s) failed: {error.get('error')}: {error.get('stderr', '')}"
        for figure in figures:
            figure.extra["errors"] = message
            if figure.project is None:
                figure.skipped = message
    if ready.project is None and ready.skipped is None:
        ready.skipped = "no list with rows was painted within the time limit"
    return figures
