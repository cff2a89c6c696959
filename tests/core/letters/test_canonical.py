"""The cheap canonical-form test must never accept a body mdformat would change (issue 17, deliverable 4).

`is_plainly_canonical` lets an import skip mdformat for bodies already in canonical form. A wrong True
would store a body that is not canonical, and the next save would show changes nobody made, so every
True it gives here is checked against mdformat itself: on bodies built from the grammar it accepts
(with every near miss a writer could type), and on arbitrary text.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import mdformat
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from iphr_desk.core.letters.canonical import is_plainly_canonical
from iphr_desk.core.letters.letterfile import parse_letter_text, write_letter_text
from iphr_desk.core.letters.normalise import body_extensions, clear_normalise_cache, plain_text_extension

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
from benchmarks import _letters


def mdformat_once(text: str) -> str:
    """One pass of mdformat exactly as `normalise_body` runs it (options and extensions)."""
    extensions = body_extensions() | {plain_text_extension()}
    return str(mdformat.text(text, options={"number": True}, extensions=extensions))


def mdformat_plain(text: str) -> str:
    """mdformat without our faster text renderer: the reference it must match."""
    return str(mdformat.text(text, options={"number": True}, extensions=body_extensions()))


def check(body: str) -> bool:
    accepted = is_plainly_canonical(body)
    if accepted:
        assert mdformat_once(body) == body
        assert mdformat_plain(body) == body
    return accepted


# --------------------------------------------------------------------------- bodies from the grammar

#: Characters a letter holds, with the ones that sit next to markup on purpose: punctuation before and
#: after emphasis, Unicode spaces (no-break, narrow), quotes, digits that look like list numbers.
LETTERS = st.sampled_from(list("abcxyzÉéàçßДжЁё0123456789"))
OTHERS = st.sampled_from([*".,;:!?()'\"«»—-+=|/%$@°", "\u00a0", "\u202f", "\u2009"])
#: Mostly words of letters; one in four also holds punctuation or a Unicode space.
word = st.integers(0, 3).flatmap(
    lambda n: (
        st.text(st.one_of(LETTERS, OTHERS), min_size=1, max_size=8)
        if n == 3
        else st.text(LETTERS, min_size=1, max_size=8)
    )
)
plain = st.lists(word, min_size=1, max_size=4).map(" ".join)
label = st.sampled_from(["1", "2", "3", "a", "A", "note", "10"])
url = st.sampled_from(
    ["https://example.org/", "https://x.org/a?b=1", "http://ex.org/p,q;r@s", "https://é.org/"]
)
clean_token = st.one_of(
    plain,
    plain.map(lambda t: f"*{t}*"),
    plain.map(lambda t: f"**{t}**"),
    st.tuples(plain, url).map(lambda p: f"[{p[0]}]({p[1]})"),
    label.map(lambda lab: f"[^{lab}]"),
)
#: Near misses a writer could type: stray delimiters, images, reference links, escapes, tabs.
junk_token = st.sampled_from(
    [
        "*",
        "**",
        "[",
        "]",
        "!",
        "![x](https://e.org/)",
        "[x]",
        "  ",
        "\t",
        "\\",
        "_a_",
        "#",
        "***b***",
        "&amp;",
    ]
)
#: One token in twenty is a near miss, so that most bodies are accepted and each is checked.
token = st.integers(0, 19).flatmap(lambda n: junk_token if n == 19 else clean_token)
separator = st.sampled_from([" "] * 12 + ["", "\u00a0"])
REFERENCE = re.compile(r"\[\^([^\]]+)\](?!:)")


@st.composite
def inline_line(draw: st.DrawFn) -> str:
    parts = draw(st.lists(token, min_size=1, max_size=6))
    line = draw(st.text(LETTERS, min_size=1, max_size=6)) if draw(st.integers(0, 3)) < 3 else parts.pop(0)
    for part in parts:
        line += draw(separator) + part
    return line


@st.composite
def block(draw: st.DrawFn) -> str:
    kind = draw(
        st.sampled_from(["paragraph"] * 8 + ["bullets"] * 2 + ["numbers"] * 2 + ["definition", "odd"])
    )
    lines = draw(st.lists(inline_line(), min_size=1, max_size=3))
    if kind == "bullets":
        marker = draw(st.sampled_from(["- "] * 6 + ["* ", "+ ", "-  "]))
        return "\n".join(marker + line for line in lines)
    if kind == "numbers":
        start = draw(st.sampled_from([1] * 6 + [2, 0]))
        step = draw(st.sampled_from([1] * 6 + [0]))
        return "\n".join(f"{start + i * step}. {line}" for i, line in enumerate(lines))
    if kind == "definition":
        return f"[^{draw(label)}]: {lines[0]}"
    if kind == "odd":
        return draw(
            st.sampled_from(["# Title", "> quote", "---", "===", "    code", "1) x", "<b>x</b>", "a\\"])
        )
    return "\n".join(lines)


@st.composite
def grammar_body(draw: st.DrawFn) -> str:
    blocks = draw(st.lists(block(), min_size=1, max_size=6))
    referenced = list(dict.fromkeys(REFERENCE.findall("\n\n".join(blocks))))
    if draw(st.integers(0, 4)) < 4:  # mostly the definitions mdformat wants, in its order, at the end
        blocks += [f"[^{name}]: {draw(plain)}" for name in referenced]
    else:
        blocks += [f"[^{name}]: {draw(plain)}" for name in draw(st.permutations(referenced))]
    joiner = draw(st.sampled_from(["\n\n"] * 8 + ["\n", "\n\n\n"]))
    ending = draw(st.sampled_from(["\n"] * 8 + ["", "\n\n"]))
    return joiner.join(blocks) + ending


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(grammar_body())
@example("Nous souhaitons **attirer** votre attention[^1].\n\n[^1]: Selon nos partenaires.\n")
@example("a[^2] b[^1]\n\n[^1]: one\n\n[^2]: two\n")
@example("a[^1]\n\n[^1]: one\n\n[^2]: unused\n")
@example("x **«a»** y\n")
@example("x**«a»**y\n")
@example("*a*b\n")
@example("1. a\n2. b\n3. c\n4. d\n5. e\n6. f\n7. g\n8. h\n9. i\n10. j\n")
@example("- a\n- b\n\n- c\n")
@example("- a\n\n1. b\n")
@example("a\u00a0**b**\n")
@example("[x](https://e.org/)[^1]\n\n[^1]: n\n")
@example("a [^1](x)\n\n[^1]: n\n")
@example("a[^a] b[^A]\n\n[^a]: one\n\n[^A]: two\n")
def test_a_body_built_from_the_grammar_is_accepted_only_if_mdformat_keeps_it(body: str) -> None:
    check(body)


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(exclude_categories=["Cs"]), max_size=300))
def test_arbitrary_text_is_accepted_only_if_mdformat_keeps_it(body: str) -> None:
    check(body)


@settings(max_examples=400, deadline=None)
@given(st.text(st.sampled_from([*"ab *[]()^:-1.!\n_#", "\u00a0"]), max_size=80))
def test_markup_soup_is_accepted_only_if_mdformat_keeps_it(body: str) -> None:
    """Short strings dense in markup characters: where the flanking and block-start rules bite."""
    check(body)


@settings(max_examples=100, deadline=None)
@given(grammar_body())
def test_the_checks_answer_is_a_property_of_the_canonical_form(body: str) -> None:
    """Whatever the check says about a body, it never changes what an import stores: the parsed letter
    holds exactly what mdformat makes of the body, fast path or not."""
    clear_normalise_cache()
    template = _letters.import_letters(1)[0]
    from dataclasses import replace

    letter = parse_letter_text(write_letter_text(replace(template, body="")) + "\n" + body, "x.md")
    expected = body.strip("\n") + "\n"
    for _ in range(3):
        formatted = mdformat_once(expected)
        if formatted == expected:
            break
        expected = formatted
    if expected.strip():
        assert letter.body == expected


# --------------------------------------------------------------------------- what it is for


def test_the_import_figures_letters_are_all_recognised() -> None:
    """The fast path must actually serve: every letter the import benchmark writes skips mdformat."""
    bodies = [
        write_letter_text(letter).split("---\n", 2)[2].lstrip("\n") for letter in _letters.import_letters(200)
    ]
    assert all(check(body) for body in bodies)


@pytest.mark.parametrize(
    "body",
    [
        "Plain paragraph.\n",
        "Line one\nline two.\n",
        "Dear *Minister*, the **report**: see [here](https://www.ohchr.org/en).\n",
        "- first\n- second\n\nAfter the list.\n",
        "1. one\n2. two\n\nBetween.\n\n- a\n\nText[^1].\n\n[^1]: Note.\n",
        "Уважаемый господин Министр!\n\nТекст «в кавычках» — 1 ноября.\n",
    ],
)
def test_common_canonical_bodies_are_recognised(body: str) -> None:
    assert check(body)


@pytest.mark.parametrize(
    "body",
    [
        "Two  spaces.\n",
        "Trailing space \n",
        "* star bullet\n",
        "1. one\n3. three\n",
        "_under_\n",
        "a[^1]\n",  # a reference with no definition is literal text to the parser
        "[^1]: before\n\na[^1]\n",
        "no newline at the end",
        "two\n\n\nblank lines\n",
        "# heading\n",
        "x**«a»**y\n",
        "1. one\n2. two\n\n- a\n",  # two lists in a row are one list to the parser
    ],
)
def test_near_misses_are_left_to_mdformat(body: str) -> None:
    assert not is_plainly_canonical(body)
