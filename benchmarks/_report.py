"""The machine a run was measured on, the printed table and results.json."""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import sqlite3
import subprocess
from importlib import metadata
from pathlib import Path
from typing import Any

from benchmarks._harness import Figure, Options

REPO = Path(__file__).resolve().parent.parent


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory_gib() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return None


def _version(dist: str) -> str | None:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def _git_commit() -> str | None:
    try:
        command = ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError:
        return None
    return done.stdout.strip() or None


def load_average() -> list[float] | None:
    """The 1/5/15-minute load: other work on the machine during the run makes every figure noisier."""
    try:
        return [round(value, 2) for value in os.getloadavg()]
    except OSError:
        return None


def machine_info() -> dict[str, Any]:
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    return {
        "date_utc": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "memory_gib": _memory_gib(),
        "os": platform.platform(),
        "python": platform.python_version(),
        "pyside6": pyside_version,
        "qt": qVersion(),
        "sqlite": sqlite3.sqlite_version,
        "sqlalchemy": _version("SQLAlchemy"),
        "python_docx": _version("python-docx"),
        "docxtpl": _version("docxtpl"),
        "pyyaml": _version("PyYAML"),
        "commit": _git_commit(),
        "load_average_at_end": load_average(),
    }


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "–"
    if unit == "MiB":
        return f"{value:.1f} MiB"
    if value >= 10_000:
        return f"{value / 1000:.2f} s"
    return f"{value:.1f} ms" if value >= 10 else f"{value:.2f} ms"


def table(figures: list[Figure]) -> str:
    """A Markdown table, so it can be pasted as it is into the README."""
    lines = [
        "| figure | project | floor (same run) | ratio | target | met |",
        "|---|---|---|---|---|---|",
    ]
    for fig in figures:
        if fig.skipped and fig.ratio is None:
            target = f"≤ {fig.target:g}" if fig.target else ""
            lines.append(f"| {fig.title} | not measured: {fig.skipped[:160]} | | | {target} | |")
            continue
        ratio = "–" if fig.ratio is None else f"{fig.ratio:.2f}"
        target = f"< {fig.target:g}" if fig.strict else f"≤ {fig.target:g}"
        met = {True: "yes", False: "**no**", None: "–"}[fig.meets_target]
        lines.append(
            f"| {fig.title} | {_fmt(fig.project, fig.unit)} ({fig.project_label}) | "
            f"{_fmt(fig.floor, fig.unit)} ({fig.floor_label}) | {ratio} | {target} | {met} |"
        )
    return "\n".join(lines)


def machine_line(info: dict[str, Any]) -> str:
    return (
        f"Measured {info['date_utc']} on {info['cpu']}, {info['cores']} cores, {info['memory_gib']} GiB, "
        f"{info['os']}; Python {info['python']}, PySide6 {info['pyside6']} (Qt {info['qt']}), "
        f"SQLite {info['sqlite']}, commit {info['commit']}; load average {info.get('load_average_at_start')} "
        f"at the start, {info.get('load_average_at_end')} at the end."
    )


def write_json(path: Path, info: dict[str, Any], options: Options, figures: list[Figure],
               corpus: dict[str, Any]) -> None:  # fmt: skip
    payload = {
        "machine": info,
        "options": options.__dict__,
        "corpus": corpus,
        "figures": [fig.as_json() for fig in figures],
    }
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
