"""Exporter fixtures: every sample letter exported once per session and read back once.

The sample data lives in export_samples.py (a uniquely named module: test files import it by
name, and a bare `import conftest` would resolve to whichever conftest.py was imported first).
"""

from __future__ import annotations

import pytest
from export_samples import (
    DE_BODY,
    DE_FRAME,
    EN_BODY,
    EN_FRAME,
    FIXED_NOW,
    FR_BODY,
    FR_FRAME,
    NASTY_BODY,
    NASTY_FRAME,
    RU_BODY,
    RU_FRAME,
    Samples,
    batch_frames,
    batch_letter,
    design_letter,
)
from readback import libreoffice_text, pandoc_markdown, soffice, validate_docx


@pytest.fixture(scope="session")
def samples(tmp_path_factory: pytest.TempPathFactory) -> Samples:
    from iphr_desk.core.export.docx_export import export_batch, export_frame, export_letter

    folder = tmp_path_factory.mktemp("samples")
    result = Samples(folder)
    for name, frame, body in (
        ("fr", FR_FRAME, FR_BODY),
        ("en", EN_FRAME, EN_BODY),
        ("ru", RU_FRAME, RU_BODY),
        ("de", DE_FRAME, DE_BODY),
        ("nasty", NASTY_FRAME, NASTY_BODY),
    ):
        warnings: list[str] = []
        result.paths[name] = export_frame(
            frame, body, folder / f"{name}.docx", warnings=warnings, now=FIXED_NOW
        )
        result.warnings[name] = warnings
    letter = batch_letter()
    batch_dir = folder / "batch"
    batch_dir.mkdir()
    for i, path in enumerate(export_batch(letter, batch_dir, frames=batch_frames(letter), now=FIXED_NOW)):
        result.paths[f"batch{i}"] = path
    combined = export_batch(
        letter, folder / "combined.docx", combined=True, frames=batch_frames(letter), now=FIXED_NOW
    )
    result.paths["combined"] = combined[0]
    # Straight from a Letter: the forms-of-address module computes the frame.
    result.paths["letter_fr"] = export_letter(design_letter(), folder / "letter_fr.docx", now=FIXED_NOW)
    computed_dir = folder / "computed"
    computed_dir.mkdir()
    for i, path in enumerate(export_batch(letter, computed_dir, now=FIXED_NOW)):
        result.paths[f"computed{i}"] = path
    every = list(result.paths.values())
    if soffice() is not None:
        texts = libreoffice_text(every, folder / "txt")
        result.texts = {name: texts.get(path, "") for name, path in result.paths.items()}
    for name, path in result.paths.items():
        result.markdown[name] = pandoc_markdown(path)
    return result


@pytest.fixture(scope="session")
def validation(samples: Samples) -> str:
    """The Word-schema check's report (tests/ooxml/validate_docx.py) for every sample, from one call."""
    run = validate_docx(list(samples.paths.values()))
    assert run.returncode in (0, 1), run.stderr
    return run.stdout if run.returncode == 0 else "INVALID\n" + run.stdout
