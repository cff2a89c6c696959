"""Import of letter files into the 100k store, against reading them and parsing their YAML alone.

The app's path is the `iphr-desk import` command's, minus the process start: `parse_letter_files`
(files read and checked in process; bodies not already canonical normalised with mdformat, in worker
processes when there are many), then `letter_repo.add_letters` (one transaction, as the command does),
into an open store.
The letter-file module remembers bodies it has already normalised; that memo is cleared before every
run so each run parses as a fresh process would.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from benchmarks import _letters
from benchmarks._harness import Context, Figure, close_store, interleaved, median_ms, samples


def write_files(folder: Path, count: int) -> list[Path]:
    from iphr_desk.core.letters.letterfile import write_letter_text

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index, letter in enumerate(_letters.import_letters(count)):
        path = folder / f"letter-{index:04d}.md"
        path.write_text(write_letter_text(letter), encoding="utf-8")
        paths.append(path)
    return paths


def yaml_floor(paths: list[Path]) -> None:
    """Read each file and parse its front matter with PyYAML's safe loader: the least an import does."""
    for path in paths:
        text = path.read_text(encoding="utf-8")
        _, front, _body = text.split("---\n", 2)
        yaml.safe_load(front)


def app_import(store: Any, paths: list[Path]) -> None:
    from iphr_desk.core.letters.letterfile import clear_normalise_cache, parse_letter_files
    from iphr_desk.core.store.repository import letters as letter_repo

    clear_normalise_cache()
    letters = parse_letter_files(paths)
    letter_repo.add_letters(store, letters, author="benchmark", reason="imported")


def run(ctx: Context) -> list[Figure]:
    from iphr_desk.core.store.database import Store

    opts = ctx.options
    paths = write_files(ctx.work_dir / "import", opts.import_files)
    store = Store.open(ctx.writable_store(), daily_backup=False)
    try:
        for _ in range(opts.warmup):  # imports and caches warm on a few files: the whole set takes long
            app_import(store, paths[:10])
            yaml_floor(paths)
        times = interleaved(
            {"app": lambda: app_import(store, paths), "floor": lambda: yaml_floor(paths)}, opts.import_runs, 0
        )
        app_s, floor_s = times["app"], times["floor"]
        ctx.profile("import", lambda: app_import(store, paths[:100]))
    finally:
        close_store(store)
    c_loader = getattr(yaml, "CSafeLoader", None)
    extra: dict[str, Any] = {
        "files": len(paths), "bytes": sum(p.stat().st_size for p in paths), "runs": len(app_s),
    }  # fmt: skip
    if c_loader is not None:

        def c_floor() -> None:
            for path in paths:
                yaml.load(path.read_text(encoding="utf-8").split("---\n", 2)[1], Loader=c_loader)

        extra["floor_with_libyaml_ms"] = median_ms(samples(c_floor, opts.runs, opts.warmup))
    figure = Figure(
        "import", f"import: {len(paths):,} letter files", "app parse + add_letters",
        "PyYAML safe_load of the same files", "ms", 2.0,
        project=median_ms(app_s), floor=median_ms(floor_s), extra=extra,
    )  # fmt: skip
    return [figure]
