"""The body model both the exporter and the GUI preview lay out."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from iphr_desk.core.letters.richtext import (
    Body,
    CodeBlock,
    FootnoteRef,
    Heading,
    LineBreak,
    ListBlock,
    ListItem,
    Paragraph,
    Quote,
    Rule,
    Text,
    parse_body,
)


def test_paragraph_with_emphasis_link_and_hard_break() -> None:
    body = parse_body("Plain *it* **bold** ***both*** [site](https://example.org)  \nnext")
    assert body.blocks == (
        Paragraph(
            (
                Text("Plain "),
                Text("it", italic=True),
                Text(" "),
                Text("bold", bold=True),
                Text(" "),
                Text("both", bold=True, italic=True),
                Text(" "),
                Text("site", href="https://example.org"),
                LineBreak(),
                Text("next"),
            )
        ),
    )


def test_soft_line_breaks_become_spaces() -> None:
    assert parse_body("one\ntwo").blocks == (Paragraph((Text("one two"),)),)


def test_lists_nest_and_keep_their_start() -> None:
    body = parse_body("3. three\n4. four\n   - inner\n\n- other list\n")
    assert body.blocks == (
        ListBlock(
            ordered=True,
            start=3,
            items=(
                ListItem((Paragraph((Text("three"),)),)),
                ListItem(
                    (
                        Paragraph((Text("four"),)),
                        ListBlock(False, 1, (ListItem((Paragraph((Text("inner"),)),)),)),
                    )
                ),
            ),
        ),
        ListBlock(False, 1, (ListItem((Paragraph((Text("other list"),)),)),)),
    )


def test_quotes_headings_code_and_rules() -> None:
    body = parse_body("> quoted\n\n# Title\n\n    code\n\n---\n")
    assert body.blocks == (
        Quote((Paragraph((Text("quoted"),)),)),
        Heading(1, (Text("Title"),)),
        CodeBlock("code"),
        Rule(),
    )


def test_footnotes_are_numbered_in_order_of_first_reference() -> None:
    body = parse_body("A[^b] B[^a] again[^b]\n\n[^a]: First defined.\n[^b]: Second *defined*.\n")
    assert body.blocks == (
        Paragraph((Text("A"), FootnoteRef(1), Text(" B"), FootnoteRef(2), Text(" again"), FootnoteRef(1))),
    )
    assert [(f.number, f.label) for f in body.footnotes] == [(1, "b"), (2, "a")]
    assert body.footnotes[0].blocks == (
        Paragraph((Text("Second "), Text("defined", italic=True), Text("."))),
    )


def test_undefined_footnote_stays_text_and_linkify_is_off() -> None:
    body = parse_body("See [^x] and www.example.org")
    assert body.blocks == (Paragraph((Text("See [^x] and www.example.org"),)),)
    assert body.footnotes == ()


def test_raw_html_and_images_keep_their_text() -> None:
    body = parse_body("<b>kept</b> ![a chart](c.png)\n\n<div>\nblock\n</div>\n")
    assert body.plain_text() == "<b>kept</b> a chart\n<div>\nblock\n</div>"


def test_plain_text_walks_every_block() -> None:
    body = parse_body("p\n\n- a\n- b\n\n> q\n")
    assert body.plain_text() == "p\na\nb\nq"
    assert Body().plain_text() == ""


@given(st.text())
def test_any_text_parses_into_a_model(markdown: str) -> None:
    body = parse_body(markdown)
    assert isinstance(body, Body)
    for block in body.blocks:
        assert isinstance(block, Paragraph | ListBlock | Quote | Heading | CodeBlock | Rule)
    referenced = {
        run.number
        for block in body.blocks
        if isinstance(block, Paragraph)
        for run in block.runs
        if isinstance(run, FootnoteRef)
    }
    assert referenced <= {f.number for f in body.footnotes}
