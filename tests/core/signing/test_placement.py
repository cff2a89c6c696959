"""Finding the signatory's name among a page's text pieces, as pypdf's visitor reports them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from iphr_desk.core.signing.placement import TextPiece, find_name, normalise


def test_a_name_drawn_in_pieces_is_found_at_its_first_piece() -> None:
    pieces = [TextPiece("Valéry", 71.0, 437.5, 10.5), TextPiece("Giscard d’Estaing", 104.0, 437.5, 10.5)]
    found = find_name(pieces, "Valéry Giscard d'Estaing")
    assert found == pieces[0]


def test_the_signature_line_wins_over_a_mention_in_the_body() -> None:
    body = TextPiece("as Brigitte Dufour said in 2022, the situation", 71.0, 600.0, 10.5)
    block = TextPiece("Brigitte Dufour", 71.0, 437.5, 10.5)
    assert find_name([body, block], "Brigitte Dufour") == block
    assert find_name([block, body], "Brigitte Dufour") == block


def test_two_signatories_side_by_side_are_told_apart() -> None:
    left = TextPiece("Brigitte Dufour", 71.0, 437.5, 10.5)
    right = TextPiece("Jean Martin", 300.0, 437.5, 10.5)
    assert find_name([left, right], "Jean Martin") == right
    assert find_name([left, right], "Brigitte Dufour") == left


def test_a_name_that_is_not_there_is_not_found() -> None:
    assert find_name([TextPiece("Brigitte", 71.0, 437.5, 10.5)], "Brigitte Dufour") is None
    assert find_name([], "Brigitte Dufour") is None
    assert find_name([TextPiece("x", 1, 1, 1)], "   ") is None


@given(st.lists(st.text(min_size=1, max_size=8).filter(lambda t: t.strip()), min_size=1, max_size=4))
def test_any_name_split_anywhere_into_pieces_is_found(words: list[str]) -> None:
    name = " ".join(w.strip() for w in words)
    pieces = [TextPiece(word, 71.0 + 30 * index, 400.0, 10.0) for index, word in enumerate(words)]
    found = find_name(pieces, name)
    if normalise(name):
        assert found is not None and found.x == 71.0
