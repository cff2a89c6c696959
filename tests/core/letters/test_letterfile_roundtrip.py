"""Writing a Letter to a letter file and reading it back gives the same Letter, whatever the text."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from iphr_desk.core.letters.letter import (
    GENDERS,
    LANGUAGES,
    OFFICE_IDS,
    REGISTERS,
    VOICES,
    Letter,
    Recipient,
    Signatory,
)
from iphr_desk.core.letters.letterfile import (
    clear_normalise_cache,
    normalise_body,
    parse_letter_text,
    write_letter_text,
)

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")  # refused in one-line fields (they disguise text)
YAML_SPECIAL = [
    "yes",
    "no",
    "No",
    "null",
    "~",
    "1e3",
    "0x1F",
    "2023-10-30",
    "true",
    ": x",
    "- a",
    "---",
    "...",
    "#not a comment",
    "'quoted'",
    '"dq"',
    "a: b",
    "[1, 2]",
    "{a: 1}",
    "&anchor",
    "*alias",
    "!tag",
    "%",
    "@",
    "`",
    "|",
    ">",
    "=",
    "<<",
    "?",
    "  leading",
    "trailing  ",
    "tab\there",
]

chars = st.characters(exclude_categories=["Cs"], exclude_characters="\r\n")
line = (
    st.one_of(st.sampled_from(YAML_SPECIAL), st.text(chars, min_size=1, max_size=40))
    .map(lambda s: _BIDI.sub("", _CONTROL.sub("", s)))
    .filter(lambda s: s.strip() != "")
)
optional_line = st.none() | line
multiline = st.lists(line, min_size=1, max_size=4).map("\n".join) | line.map(lambda s: s + "\n")
body_text = st.one_of(
    st.text(st.characters(exclude_categories=["Cs"]), max_size=200),
    st.lists(
        st.sampled_from(
            [
                "Para *it* **bold**.",
                "- item",
                "1. one",
                "> quote",
                "text[^1]",
                "",
                "[^1]: note",
                "[link](https://example.org/a)",
                "---",
                "# Title",
                "x  ",
                "\\",
            ]
        ),
        max_size=12,
    ).map("\n".join),
)

recipients = st.builds(
    Recipient,
    name=line,
    surname=optional_line,
    gender=st.sampled_from(GENDERS),
    office=st.sampled_from(OFFICE_IDS),
    title=optional_line,
    organisation=optional_line,
    address=st.none() | multiline,
    salutation=optional_line,
    closing=optional_line,
    address_dative=st.none() | multiline,
)
signatories = st.builds(
    Signatory,
    name=line,
    title=optional_line,
    organisation=optional_line,
    titles=st.dictionaries(st.sampled_from(LANGUAGES), line, max_size=4).map(lambda d: tuple(d.items())),
)


@st.composite
def letters(draw: st.DrawFn) -> Letter:
    batch = draw(st.booleans())
    recips = draw(st.lists(recipients, min_size=1, max_size=3 if batch else 1))
    return Letter(
        language=draw(st.sampled_from(LANGUAGES)),
        place=draw(line),
        date=draw(st.dates(min_value=dt.date(1, 1, 1))),
        subject=draw(line),
        recipients=tuple(recips),
        signatories=tuple(draw(st.lists(signatories, min_size=1, max_size=3))),
        body=draw(body_text),
        register=draw(st.sampled_from(REGISTERS)),
        voice=draw(st.sampled_from(VOICES)),
        cc=tuple(draw(st.lists(line, max_size=3))),
        cases=tuple(draw(st.lists(line, max_size=3))),
        letterhead=draw(optional_line),
        batch=batch,
    )


@given(letters())
def test_write_then_parse_gives_the_same_letter(letter: Letter) -> None:
    expected = replace(letter, body=_CONTROL.sub("", normalise_body(_CONTROL.sub("", letter.body))))
    text = write_letter_text(letter)
    assert parse_letter_text(text, "x.md") == expected
    assert write_letter_text(expected) == text


@given(st.text(st.characters(exclude_categories=["Cs"]), max_size=300))
@example("Text[^1] and more[^note].\n\n[^1]: First.\n[^note]: Second *note*.\n")
def test_body_normalisation_is_idempotent(body: str) -> None:
    once = normalise_body(body)
    clear_normalise_cache()  # run mdformat again rather than trust the memo of canonical bodies
    assert normalise_body(once) == once
    assert normalise_body(once) == once  # and the memo agrees


def test_a_body_already_normalised_is_not_formatted_again(monkeypatch: pytest.MonkeyPatch) -> None:
    import mdformat

    text = (
        "---\nlanguage: en\nplace: Brussels\ndate: 2024-03-14\nsubject: S\nrecipient:\n  name: K\n"
        "signatories:\n- name: A\n---\n\n* one\n* two\n\nSee[^1].\n\n[^1]: Court record.\n"
    )
    clear_normalise_cache()
    calls: list[str] = []
    real = mdformat.text

    def counting(md: str, **kwargs: Any) -> str:
        calls.append(md)
        return real(md, **kwargs)

    monkeypatch.setattr(mdformat, "text", counting)
    letter = parse_letter_text(text, "x.md")
    formatted = len(calls)
    assert formatted >= 1
    written = write_letter_text(letter)
    assert parse_letter_text(written, "x.md") == letter
    assert len(calls) == formatted  # neither the write nor the second parse ran mdformat
    assert letter.body == "- one\n- two\n\nSee[^1].\n\n[^1]: Court record.\n"


def test_forgetting_the_memo_gives_the_same_text() -> None:
    body = "Para *one*  \n\n1) a\n2) b\n"
    first = normalise_body(body)
    clear_normalise_cache()
    assert normalise_body(first) == first
    assert normalise_body(body) == first


def test_footnotes_survive_normalisation_unchanged() -> None:
    body = "Detained since 2022[^1].\n\n[^1]: See the court record.\n"
    assert normalise_body(body) == body


def test_footnotes_survive_even_without_the_footnote_plugin(monkeypatch: pytest.MonkeyPatch) -> None:
    from iphr_desk.core.letters import normalise

    monkeypatch.setattr(normalise, "body_extensions", set)
    body = "Detained since 2022[^1].\n\n[^1]: See the court record.\n"
    assert normalise_body(body) == body
    assert normalise_body("* a\n* b") == "- a\n- b\n"


#: Paragraphs rich in character references and markup characters, the text mdformat escapes (and the
#: plain-text renderer hands back to it).
_MARKUP = (
    "&amp;", "&nbsp;", "&#10;", "&#x1e;", "&copy", "& ", "&", "*", "[^1]", "\\", "_", "<", "`", "!", "  ",
    "\t", "\n", "[a](https://example.org)", "**b**",
)  # fmt: skip
_ENTITY_TEXT = st.lists(
    st.one_of(st.characters(exclude_categories=["Cs"]), st.sampled_from(_MARKUP)), max_size=40
).map("".join)


@given(st.lists(_ENTITY_TEXT, max_size=6).map("\n\n".join))
@example("Fees &amp; costs &nbsp;&#10; AT&T &copy 2024 &#x1e;\n")
@example("Plain  text,\ttabs and spaces!\n\n[a link](https://example.org)\n")
def test_the_plain_text_renderer_formats_exactly_as_mdformat(body: str) -> None:
    import mdformat

    from iphr_desk.core.letters import normalise

    extensions = normalise.body_extensions()
    fast = mdformat.text(body, extensions=extensions | {normalise.plain_text_extension()})
    plain = mdformat.text(body, extensions=extensions)
    assert fast == plain
