"""Three-way merges of letter bodies: each side's changes kept, conflicts kept twice, nothing dropped."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from iphr_desk.core.exchange.merge import CONFLICT_OURS, merge_body, prefer_theirs_merge, replay

BASE = "Premier.\n\nDeuxième.\n\nTroisième.\n"


def test_changes_on_different_paragraphs_are_both_kept() -> None:
    merged = merge_body(
        BASE, BASE.replace("Premier.", "Premier, revu."), BASE.replace("Troisième.", "Fin."), who="R"
    )
    assert merged.text == "Premier, revu.\n\nDeuxième.\n\nFin.\n"
    assert merged.conflicts == ()


def test_the_same_change_on_both_sides_is_no_conflict() -> None:
    changed = BASE.replace("Deuxième.", "Second.")
    assert merge_body(BASE, changed, changed, who="R") == merge_body(BASE, BASE, changed, who="R")
    assert merge_body(BASE, changed, changed, who="R").conflicts == ()


def test_a_paragraph_changed_on_both_sides_keeps_both_texts_under_a_marker() -> None:
    merged = merge_body(
        BASE, BASE.replace("Deuxième.", "App."), BASE.replace("Deuxième.", "Relecteur."), who="Jane"
    )
    assert len(merged.conflicts) == 1 and "Deuxième." in merged.conflicts[0]
    assert merged.text.index(CONFLICT_OURS) < merged.text.index("App.") < merged.text.index("Relecteur.")
    assert "Jane" in merged.text and "Premier." in merged.text and "Troisième." in merged.text


def test_the_reviewers_edit_is_laid_over_the_stored_spelling() -> None:
    stored = "L'eau : claire.\n\nAutre paragraphe.\n"
    exported = "L’eau\u00a0: claire.\n\nAutre paragraphe.\n"  # typography applied at export
    reviewed = "L’eau\u00a0: trouble.\n\nAutre paragraphe.\n"
    assert prefer_theirs_merge(exported, stored, reviewed) == "L'eau : trouble.\n\nAutre paragraphe.\n"
    assert prefer_theirs_merge(exported, stored, exported) == stored


paragraph = st.text(alphabet="abcdefgh ", min_size=1, max_size=12).map(lambda s: s.strip() or "x")
paragraphs = st.lists(paragraph, min_size=1, max_size=6, unique=True)


def _edit(base: list[str], data: st.DataObject, tag: str) -> list[str]:
    """Replace, drop or add some paragraphs; new text carries `tag` so each side's is recognisable."""
    out = []
    for index, text in enumerate(base):
        action = data.draw(st.sampled_from(["keep", "keep", "change", "drop"]), label=f"{tag}{index}")
        if action == "keep":
            out.append(text)
        elif action == "change":
            out.append(f"{tag}{index} {text}")
    if data.draw(st.booleans(), label=f"{tag}-add"):
        out.insert(data.draw(st.integers(0, len(out)), label=f"{tag}-at"), f"{tag}new")
    return out


@given(paragraphs, st.data())
def test_nothing_either_side_wrote_is_dropped(base: list[str], data: st.DataObject) -> None:
    ours, theirs = _edit(base, data, "OURS"), _edit(base, data, "THEIRS")
    merged = merge_body(
        "\n\n".join(base) + "\n", "\n\n".join(ours) + "\n", "\n\n".join(theirs) + "\n", who="R"
    )
    lines = merged.text.split("\n")
    for text in ours + theirs:
        if text not in base:  # every paragraph either side wrote or changed is in the result
            assert text in lines, (text, merged.text)
    for text in base:  # a paragraph neither side touched is kept
        if text in ours and text in theirs:
            assert text in lines
    if merged.conflicts:
        assert CONFLICT_OURS in lines


def test_a_reviewers_bold_next_to_a_typographic_space_keeps_the_stored_space() -> None:
    stored = "Nos demandes :\n"
    exported = "Nos demandes\u00a0:\n"
    reviewed = "**Nos demandes**\u00a0: ajout.\n"
    assert prefer_theirs_merge(exported, stored, reviewed) == "**Nos demandes** : ajout.\n"


letters = st.text(alphabet="ab :'\u00a0’", max_size=30)


@given(letters, letters)
def test_replaying_no_edit_gives_the_stored_text_and_replaying_on_the_base_gives_the_edit(
    base: str, other: str
) -> None:
    assert replay(base, other, base) == other
    assert replay(base, base, other) == other
