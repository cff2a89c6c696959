"""Parsing many letter files at once (imports): worker processes must give what a plain loop gives."""

from __future__ import annotations

import multiprocessing
from dataclasses import replace
from pathlib import Path

import pytest

from iphr_desk.core.errors import LetterFileError
from iphr_desk.core.letters import letterfile as lf
from iphr_desk.core.letters import normalise
from iphr_desk.core.letters.letter import Letter, Recipient, Signatory

SAMPLE = Path(__file__).resolve().parents[3] / "resources" / "demo" / "letters"


def _files(tmp_path: Path, count: int) -> list[Path]:
    sources = sorted(SAMPLE.glob("*.md"))
    paths = []
    for index in range(count):
        text = sources[index % len(sources)].read_text(encoding="utf-8")
        path = tmp_path / f"letter-{index:03d}.md"
        # Each file different, so no body is served from another's memo.
        # "*" bullets are not canonical ("-" is), so every body goes through mdformat, in the workers.
        path.write_text(text.rstrip("\n") + f"\n\n* Point number {index}.\n", encoding="utf-8")
        paths.append(path)
    return paths


def test_workers_give_the_same_letters_in_the_same_order(tmp_path: Path) -> None:
    paths = _files(tmp_path, 40)
    lf.clear_normalise_cache()
    alone = [lf.parse_letter_file(path) for path in paths]
    lf.clear_normalise_cache()
    assert lf.parse_letter_files(paths, processes=2) == alone


def test_bodies_normalised_by_workers_are_known_canonical_here(tmp_path: Path) -> None:
    """Otherwise writing each imported letter's first revision would run mdformat a second time."""
    paths = _files(tmp_path, 6)
    lf.clear_normalise_cache()
    letters = lf.parse_letter_files(paths, processes=2)
    extensions = normalise.body_extensions()
    assert all(
        normalise.is_known_canonical(normalise.canonical_key(letter.body, extensions)) for letter in letters
    )


def test_the_first_bad_file_is_reported_whole(tmp_path: Path) -> None:
    paths = _files(tmp_path, 10)
    paths[3].write_text("---\nlanguage: fr\n---\nno recipients\n", encoding="utf-8")
    paths[7].write_bytes(b"\x00binary")
    with pytest.raises(LetterFileError) as raised:
        lf.parse_letter_files(paths, processes=2)
    with pytest.raises(LetterFileError) as alone:
        lf.parse_letter_file(paths[3])
    assert str(raised.value) == str(alone.value)
    assert raised.value.source == str(paths[3])


def test_spawned_workers_work_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What the window and other platforms use: a fresh interpreter per worker."""
    paths = _files(tmp_path, 4)
    monkeypatch.setattr(lf, "_process_context", lambda: multiprocessing.get_context("spawn"))
    assert lf.parse_letter_files(paths, processes=2) == [lf.parse_letter_file(path) for path in paths]


def test_canonical_bodies_need_no_worker_and_no_mdformat(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What an import of files the app wrote meets: the pool is not even started."""
    paths = _files(tmp_path, 6)
    lf.clear_normalise_cache()
    canonical = lf.parse_letter_files(paths, processes=1)
    for index, (path, letter) in enumerate(zip(paths, canonical, strict=True)):
        body = f"Letter {index}: *emphasis*, **bold**, [a link](https://example.org/)[^1].\n\n[^1]: A note.\n"
        path.write_text(lf.write_letter_text(replace(letter, body=body)), encoding="utf-8")
    canonical = [lf.parse_letter_file(path) for path in paths]
    lf.clear_normalise_cache()
    import mdformat

    def refuse(*_args: object, **_kwargs: object) -> str:
        raise AssertionError("mdformat ran on a canonical body")

    monkeypatch.setattr(mdformat, "text", refuse)
    monkeypatch.setattr(lf, "_process_context", refuse)
    assert lf.parse_letter_files(paths, processes=2) == canonical


def test_small_imports_stay_in_process() -> None:
    assert lf._process_count(lf.PARALLEL_MIN_FILES - 1, None) == 1
    assert lf._process_count(3, 8) == 3
    assert lf._process_count(0, None) == 1


def test_a_letter_file_error_survives_pickling() -> None:
    import pickle

    error = LetterFileError("a.md", "recipient.office", "unknown office 'kingg'")
    again = pickle.loads(pickle.dumps(error))
    assert (again.source, again.key, again.problem, str(again)) == (
        error.source, error.key, error.problem, str(error),
    )  # fmt: skip


def test_letters_cross_processes_intact() -> None:
    import pickle

    letter = Letter(
        language="ru",
        place="Bruxelles",
        date=__import__("datetime").date(2025, 3, 1),
        subject="Тема",
        recipients=(Recipient(name="Садыр Жапаров", office="head_of_state", gender="male"),),
        signatories=(Signatory(name="Brigitte Dufour"),),
        body="Текст[^1].\n\n[^1]: Сноска.\n",
    )
    assert pickle.loads(pickle.dumps(letter)) == letter
