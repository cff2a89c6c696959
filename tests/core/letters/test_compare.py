"""Comparing two versions of a letter as a reader sees them (core/letters/compare.py)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iphr_desk.core.errors import BadInput
from iphr_desk.core.letters.compare import (
    LetterDiff,
    body_text,
    compare_bodies,
    compare_letter_texts,
    compare_letters,
    diff_tokens,
    diff_words,
    tokens_of,
)
from iphr_desk.core.letters.letter import Letter, Recipient, Signatory
from iphr_desk.core.letters.letterfile import write_letter_text


def letter(**changes: object) -> Letter:
    base = Letter(
        language="en",
        place="Brussels",
        date=dt.date(2024, 3, 14),
        subject="Detention of Ivan Petrov",
        recipients=(Recipient(name="Kassym-Jomart Tokayev", gender="male", office="head_of_state"),),
        signatories=(Signatory(name="Brigitte Dufour", title="Director"),),
        body="We write about *Ivan Petrov*.\n",
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def marked(tokens: object) -> list[tuple[str, str]]:
    return [(t.text, t.op) for t in tokens if t.op != "equal"]  # type: ignore[attr-defined]


def test_a_replaced_phrase_reads_as_one_deletion_then_one_insertion() -> None:
    tokens = diff_words("We ask the old authorities to act.", "We ask the new government to act.")
    assert marked(tokens) == [
        ("old", "delete"),
        (" ", "delete"),
        ("authorities", "delete"),
        ("new", "insert"),
        (" ", "insert"),
        ("government", "insert"),
    ]


def test_words_are_never_split() -> None:
    tokens = diff_words("Сейткали detained", "Сейткалиев detained")
    assert marked(tokens) == [("Сейткали", "delete"), ("Сейткалиев", "insert")]


def test_formatting_is_part_of_a_word() -> None:
    blocks = compare_bodies("Free Ivan now.\n", "Free **Ivan** now.\n")
    (block,) = blocks
    assert block.op == "change"
    changed = [(t.text, t.op, t.bold) for t in block.block.tokens if t.op != "equal"]
    assert changed == [("Ivan", "delete", False), ("Ivan", "insert", True)]


def test_body_is_compared_as_rendered_blocks_not_markdown() -> None:
    old = "Intro.\n\n1. first\n2. second\n\nText[^1].\n\n[^1]: Source A.\n"
    new = "Intro.\n\n1. first\n2. inserted item\n3. second\n\nText[^1].\n\n[^1]: Source B.\n"
    blocks = compare_bodies(old, new)
    assert [(b.op, b.block.kind, b.block.marker, b.old_marker) for b in blocks] == [
        ("equal", "paragraph", "", None),
        ("equal", "paragraph", "1.", None),
        ("insert", "paragraph", "2.", None),
        ("equal", "paragraph", "3.", "2."),  # renumbered, not changed
        ("equal", "paragraph", "", None),
        ("change", "footnote", "1", None),
    ]
    footnote_ref = [t for t in blocks[4].block.tokens if t.footnote]
    assert [t.text for t in footnote_ref] == ["1"]
    assert all("*" not in b.block.text and "[^" not in b.block.text for b in blocks)


def test_a_paragraph_moved_whole_is_a_move() -> None:
    old = "First paragraph here.\n\nSecond paragraph stays.\n\nThe closing sentence of the letter.\n"
    new = "The closing sentence of the letter.\n\nFirst paragraph here.\n\nSecond paragraph stays.\n"
    blocks = compare_bodies(old, new)
    assert [(b.op, b.block.text) for b in blocks] == [
        ("moved_to", "The closing sentence of the letter."),
        ("equal", "First paragraph here."),
        ("equal", "Second paragraph stays."),
        ("moved_from", "The closing sentence of the letter."),
    ]
    # Short paragraphs are not moves: two edits that happen to read alike.
    short = compare_bodies("Yes.\n\nNo.\n", "No.\n\nYes.\n")
    assert sorted(b.op for b in short) == ["delete", "equal", "insert"]


def test_unrelated_paragraphs_are_deleted_and_inserted_not_paired() -> None:
    blocks = compare_bodies("Alpha beta gamma.\n", "Completely different words here.\n")
    assert [b.op for b in blocks] == ["delete", "insert"]


def test_header_fields_that_changed() -> None:
    old = letter()
    new = letter(
        subject="Detention of Ivan Petrov and others",
        recipients=(
            Recipient(name="Kassym-Jomart Tokayev", gender="male", office="head_of_state", closing="X"),
        ),
        signatories=(Signatory(name="Brigitte Dufour", title="Director"), Signatory(name="Aigerim T.")),
    )
    changes = compare_letters(old, new).fields
    assert [(c.key, c.before, c.after) for c in changes] == [
        ("subject", "Detention of Ivan Petrov", "Detention of Ivan Petrov and others"),
        ("recipient.closing", "", "X"),
        ("signatories", "Brigitte Dufour, Director", "Brigitte Dufour, Director\nAigerim T."),
    ]
    assert marked(changes[0].tokens()) == [
        (" ", "insert"),
        ("and", "insert"),
        (" ", "insert"),
        ("others", "insert"),
    ]


def test_signatories_read_on_one_line_each_with_their_titles_by_language() -> None:
    old = letter()
    new = letter(
        signatories=(Signatory(name="Brigitte Dufour", title="Director", titles=(("fr", "Directrice"),)),)
    )
    (change,) = compare_letters(old, new).fields
    assert (change.key, change.after) == ("signatories", "Brigitte Dufour, Director, fr: Directrice")


def test_letter_texts_compare_and_bad_text_is_bad_input() -> None:
    old, new = letter(), letter(body="We write about *Ivan Petrov* again.\n")
    diff = compare_letter_texts(write_letter_text(old), write_letter_text(new), "r1", "r2")
    assert diff.changed and diff.fields == ()
    assert diff.counts == (1, 0)
    assert not compare_letters(old, old).changed
    with pytest.raises(BadInput):
        compare_letter_texts("not a letter", write_letter_text(new), "revision 7", "r2")


# --------------------------------------------------------------------------- properties

WORDS = st.sampled_from(
    [
        "the",
        "letter",
        "Ivan",
        "Петров",
        "détenu",
        "2024",
        "court",
        "**bold**",
        "*it*",
        "[link](https://x.org)",
    ]
)
PUNCT = st.sampled_from([" ", " ", " ", ", ", ". ", "; "])
PARAGRAPH = st.lists(st.tuples(WORDS, PUNCT), min_size=1, max_size=12).map(
    lambda parts: "".join(w + p for w, p in parts).strip()
)
BLOCK = st.one_of(
    PARAGRAPH,
    PARAGRAPH.map(lambda p: "- " + p),
    PARAGRAPH.map(lambda p: "1. " + p),
    PARAGRAPH.map(lambda p: "> " + p),
    PARAGRAPH.map(lambda p: p + "[^1]\n\n[^1]: note " + p),
)
BODY = st.lists(BLOCK, min_size=0, max_size=6).map(lambda blocks: "\n\n".join(blocks) + "\n")


@settings(max_examples=150, deadline=None)
@given(BODY, BODY)
def test_kept_and_inserted_give_the_new_body_kept_and_deleted_the_old(old: str, new: str) -> None:
    blocks = compare_bodies(old, new)
    kept_inserted = "\n".join(
        "".join(t.text for t in b.block.tokens if t.op in ("equal", "insert"))
        for b in blocks
        if b.op not in ("delete", "moved_from")  # a moved paragraph reads at its new place
    )
    kept_deleted = "\n".join(
        "".join(t.text for t in b.block.tokens if t.op in ("equal", "delete"))
        for b in blocks
        if b.op not in ("insert", "moved_to")
    )
    assert LetterDiff((), blocks).side_text("new") == kept_inserted
    assert LetterDiff((), blocks).side_text("old") == kept_deleted
    assert kept_inserted == body_text(new)
    assert kept_deleted == body_text(old)
    if old == new:
        assert all(b.op == "equal" for b in blocks)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60), st.text(max_size=60))
def test_word_diff_of_any_text_rebuilds_both_sides(old: str, new: str) -> None:
    tokens = diff_tokens(tokens_of(old), tokens_of(new))
    assert "".join(t.text for t in tokens if t.op != "delete") == new
    assert "".join(t.text for t in tokens if t.op != "insert") == old
    if old == new:
        assert all(t.op == "equal" for t in tokens)
