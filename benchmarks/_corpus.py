"""The synthetic store every figure reads: generated once by the app's own command, then reused.

Generating 100,000 letters takes minutes, so the store is kept in a cache folder and reused while its
parameters and the code that shapes it (generator, models, migrations) are unchanged.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import platformdirs

REPO = Path(__file__).resolve().parent.parent
_SHAPING_SOURCES = (
    "tools/corpus.py",
    "iphr_desk/core/store/models.py",
    "iphr_desk/core/store/database.py",
    "iphr_desk/core/store/search.py",
)
_SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True)
class Corpus:
    data_dir: Path
    generated_in_s: float | None  # None when reused from the cache


def default_cache_root() -> Path:
    return Path(os.environ.get("IPHR_BENCH_CACHE") or platformdirs.user_cache_dir("iphr-desk-bench"))


def _fingerprint(cases: int, letters: int, seed: int) -> str:
    digest = hashlib.sha256(f"{cases}:{letters}:{seed}".encode())
    paths = [REPO / rel for rel in _SHAPING_SOURCES]
    paths += sorted((REPO / "iphr_desk/core/store/migrations").glob("**/*.py"))
    for path in paths:
        if path.is_file():
            digest.update(path.relative_to(REPO).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def ensure_corpus(cache_root: Path, cases: int, letters: int, seed: int) -> Corpus:
    """The cached store for these sizes, generated with `iphr-desk dev generate` when missing or stale."""
    prefix = f"corpus-c{cases}-l{letters}-"
    target = cache_root / (prefix + _fingerprint(cases, letters, seed))
    if (target / "bench-corpus.json").is_file():
        return Corpus(target, None)
    cache_root.mkdir(parents=True, exist_ok=True)
    for stale in cache_root.glob(prefix + "*"):
        shutil.rmtree(stale, ignore_errors=True)
    partial = target.with_name(target.name + ".partial")
    command = [
        sys.executable, "-m", "iphr_desk", "--data-dir", str(partial),
        "dev", "generate", "--cases", str(cases), "--letters", str(letters), "--seed", str(seed),
    ]  # fmt: skip
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        problem = done.stderr.strip()[-800:]
        raise RuntimeError(f"generating the corpus failed ({' '.join(command)}): {problem}")
    stamp = {"cases": cases, "letters": letters, "seed": seed, "generated_in_s": elapsed}
    (partial / "bench-corpus.json").write_text(json.dumps(stamp), encoding="utf-8")
    partial.rename(target)
    return Corpus(target, elapsed)


def find_database(data_dir: Path) -> Path:
    """The store's SQLite file in a data folder (the largest SQLite file outside any backup folder)."""
    candidates = []
    for path in data_dir.rglob("*"):
        if not path.is_file() or "backup" in path.as_posix().lower():
            continue
        with path.open("rb") as handle:
            if handle.read(16) == _SQLITE_MAGIC:
                candidates.append(path)
    if not candidates:
        raise FileNotFoundError(f"no SQLite database under {data_dir}")
    return max(candidates, key=lambda p: p.stat().st_size)
