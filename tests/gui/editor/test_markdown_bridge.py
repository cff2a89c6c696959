"""The editor's document <-> CommonMark bridge: round trips, escaping, footnotes, lists, paste."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QMimeData
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication

from iphr_desk.core.letters.body_markdown import normalise_runs
from iphr_desk.core.letters.richtext import (
    Block,
    Body,
    Footnote,
    FootnoteRef,
    Paragraph,
    Quote,
    Text,
    parse_body,
)
from iphr_desk.gui.editor.markdown_bridge import (
    FOOTNOTE_TEXT,
    LINE_SEPARATOR,
    MARKDOWN_MIME,
    body_from_html,
    body_from_mime,
    char_format,
    document_from_markdown,
    footnote_format,
    to_markdown,
)


@pytest.fixture(autouse=True)
def _app(qapp: QApplication) -> None:
    """Every test needs a QGuiApplication for fonts and palettes."""


def roundtrip(markdown: str) -> str:
    return to_markdown(document_from_markdown(markdown))


def semantic(markdown: str) -> Body:
    """The parsed body with footnote labels dropped (the writer renumbers them 1, 2, 3) and adjacent
    quotes joined (the editor shows them as one quote)."""
    body = parse_body(markdown)
    return Body(_join_quotes(body.blocks), tuple(Footnote(f.number, "", f.blocks) for f in body.footnotes))


def _join_quotes(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Quote):
            block = Quote(_join_quotes(block.blocks))
            if out and isinstance(out[-1], Quote):
                out[-1] = Quote(_join_quotes(out[-1].blocks + block.blocks))
                continue
        out.append(block)
    return tuple(out)


CASES = [
    "Plain paragraph.\n",
    "One *italic* word and a **bold** one.\n",
    "**Bold with *italic* inside** then text.\n",
    "A [link](https://example.org/path?a=1&b=2) here.\n",
    "A [link with *emphasis*](https://example.org) here.\n",
    "A [link](<https://example.org/a b>) with a space.\n",
    "A [link](https://example.org/(x)) with parentheses.\n",
    "Stars \\* and underscores \\_ and brackets \\[x\\] in plain text.\n",
    "Backslash \\\\ and backtick \\` and \\<tag> in text.\n",
    "Entity-like \\&amp; text and a bare & ampersand.\n",
    "Caret \\^\\[not an inline note\\] and \\[\\^1\\] not a reference.\n",
    "\\# not a heading\n",
    "\\- not a list\n",
    "1984\\. was a year\n",
    "\\> not a quote\n",
    "First line\\\nsecond line after a hard break.\n",
    "Footnote here[^1] and there[^2].\n\n[^1]: First note.\n\n[^2]: Second *note* with a [link](https://x.org).\n",
    "- one\n- two\n- three\n",
    "1. one\n2. two\n3. three\n",
    "3. starts at three\n4. four\n",
    "- outer\n  - inner\n    - deepest\n  - inner two\n- outer two\n",
    "1. first\n   - bullet inside\n2. second\n",
    "- item\n\n  continued paragraph\n- next\n",
    "> A quote with *italic*.\n>\n> Second paragraph.\n",
    "> - a list\n> - in a quote\n",
    "> outer\n>\n> > nested quote\n",
    "- a\n- b\n\n* c\n* d\n",
    "Text with `code span` inside.\n",
    "# Heading\n\nParagraph.\n",
    "```\ncode block\n  indented\n```\n",
    "Above\n\n---\n\nBelow\n",
    "Madame la Ministre, l'*Union* « européenne » : 30 %.\n",
    "Уважаемый господин *Президент*!\n",
    "Sehr geehrte Frau **Ministerin**,\n",
]


@pytest.mark.parametrize("markdown", CASES)
def test_round_trip_is_stable_and_keeps_meaning(markdown: str) -> None:
    once = roundtrip(markdown)
    assert roundtrip(once) == once
    assert semantic(once) == semantic(markdown)


CANONICAL = [c for c in CASES if "[^" not in c and "```" not in c and "a b" not in c]


@pytest.mark.parametrize("markdown", CANONICAL)
def test_canonical_markdown_is_a_fixed_point(markdown: str) -> None:
    assert roundtrip(markdown) == markdown


def test_footnote_labels_are_renumbered_in_order() -> None:
    text = "B[^b] then A[^a].\n\n[^a]: Note A.\n\n[^b]: Note B.\n"
    assert roundtrip(text) == "B[^1] then A[^2].\n\n[^1]: Note B.\n\n[^2]: Note A.\n"


def test_footnote_is_a_superscript_number_carrying_its_text() -> None:
    doc = document_from_markdown("Text[^x].\n\n[^x]: The *note*.\n")
    block = doc.begin()
    fragments = []
    it = block.begin()
    while not it.atEnd():
        fragments.append(it.fragment())
        it += 1
    notes = [f for f in fragments if f.charFormat().hasProperty(FOOTNOTE_TEXT)]
    assert [f.text() for f in notes] == ["1"]
    assert notes[0].charFormat().property(FOOTNOTE_TEXT) == "The *note*."
    assert "[^" not in doc.toPlainText()


def test_neighbouring_footnotes_stay_two_notes() -> None:
    doc = QTextDocument()
    cursor = QTextCursor(doc)
    cursor.insertText("Claim", char_format(Text("")))
    cursor.insertText("1", footnote_format("Same text."))
    cursor.insertText("2", footnote_format("Same text."))
    assert to_markdown(doc) == "Claim[^1][^2]\n\n[^1]: Same text.\n\n[^2]: Same text.\n"


def test_link_target_with_a_space_is_percent_encoded_once() -> None:
    assert roundtrip("A [link](<https://example.org/a b>).\n") == "A [link](https://example.org/a%20b).\n"


def test_link_title_is_dropped_but_target_and_text_kept() -> None:
    once = roundtrip('See [the report](https://example.org/r "Report title").\n')
    assert once == "See [the report](https://example.org/r).\n"


def test_hard_break_is_a_line_separator_in_the_document() -> None:
    doc = document_from_markdown("a\\\nb\n")
    assert doc.begin().text() == f"a{LINE_SEPARATOR}b"


def test_empty_paragraphs_and_edge_spaces_are_dropped() -> None:
    doc = QTextDocument()
    cursor = QTextCursor(doc)
    cursor.insertText("  hello  ")
    cursor.insertBlock()
    cursor.insertBlock()
    cursor.insertText("world ")
    assert to_markdown(doc) == "hello\n\nworld\n"


def test_list_created_in_the_editor_is_written_as_a_list() -> None:
    from PySide6.QtGui import QTextListFormat

    doc = QTextDocument()
    cursor = QTextCursor(doc)
    cursor.insertText("intro")
    cursor.insertBlock()
    cursor.insertText("first")
    cursor.createList(QTextListFormat.Style.ListDecimal)
    cursor.insertBlock()
    cursor.insertText("second")
    assert to_markdown(doc) == "intro\n\n1. first\n2. second\n"


# Property tests ---------------------------------------------------------------------------------------

WORDS = st.sampled_from(
    [
        "letter",
        "Minister",
        "droits",
        "human",
        "rights",
        "l'Union",
        "30",
        "%",
        "«",
        "»",
        "défenseur",
        "Президент",
        "Grüße",
        "a*b",
        "snake_case",
        "[x]",
        "#1",
        "&",
        "<b>",
        "back\\slash",
        "1.",
        "-",
        "+",
    ]
)


def _escape(word: str) -> str:
    return "".join("\\" + c if c in "\\*_[]<>`#&-+.!" else c for c in word)


@st.composite
def inline(draw: st.DrawFn, notes: bool = True) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 6))):
        word = _escape(draw(WORDS))
        style = draw(st.sampled_from(["plain", "plain", "em", "strong", "link", "note" if notes else "em"]))
        if style == "em":
            word = f"*{word}*"
        elif style == "strong":
            word = f"**{word}**"
        elif style == "link":
            target = draw(st.sampled_from(["https://example.org/a", "https://x.org/?q=1&r=2", "mailto:a@b"]))
            word = f"[{word}]({target})"
        elif style == "note":
            word = f"{word}[^{draw(st.sampled_from(['1', '2', 'n']))}]"
        parts.append(word)
    return " ".join(parts)


@st.composite
def block(draw: st.DrawFn, depth: int = 0, in_list: bool = False) -> str:
    """A block; quotes inside list items are left out (the editor keeps their text, not the quote)."""
    kinds = ["p", "p", "ul", "ol"] if in_list else ["p", "p", "ul", "ol", "quote"]
    kind = draw(st.sampled_from(kinds if depth < 2 else ["p"]))
    if kind == "p":
        return draw(inline())
    if kind == "quote":
        inner = draw(st.lists(block(depth + 1), min_size=1, max_size=2))
        return "\n>\n".join("\n".join("> " + line if line else ">" for line in b.split("\n")) for b in inner)
    items = []
    for index in range(draw(st.integers(1, 3))):
        marker = f"{index + 1}. " if kind == "ol" else "- "
        first = draw(inline())
        item = marker + first
        if depth < 1 and draw(st.booleans()):
            nested = draw(block(depth + 1, in_list=True))
            item += "\n" + "\n".join(" " * len(marker) + line if line else "" for line in nested.split("\n"))
        items.append(item)
    return "\n".join(items)


@st.composite
def documents(draw: st.DrawFn) -> str:
    blocks = draw(st.lists(block(), min_size=1, max_size=4))
    notes = [f"[^{label}]: {draw(inline(notes=False))}" for label in ("1", "2", "n")]
    return "\n\n".join([*blocks, *notes]) + "\n"


@given(documents())
def test_generated_markdown_round_trips(markdown: str) -> None:
    once = roundtrip(markdown)
    assert roundtrip(once) == once
    # Footnote definitions are written only once referenced; compare bodies and the referenced notes.
    assert semantic(once) == semantic(markdown)


STYLED_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp", "Co", "Cn")),
    min_size=1,
    max_size=12,
)


@st.composite
def runs(draw: st.DrawFn) -> list[Text]:
    out = []
    for _ in range(draw(st.integers(1, 5))):
        text = draw(
            STYLED_TEXT | st.sampled_from(["*", "_", "**", "\\", "[", "]", "^", "`", "<a>", "&amp;", " "])
        )
        out.append(
            Text(
                text,
                bold=draw(st.booleans()),
                italic=draw(st.booleans()),
                href=draw(st.sampled_from([None, None, "https://example.org/x"])),
            )
        )
    return out


@given(runs())
def test_any_typed_text_survives_the_trip(typed: list[Text]) -> None:
    """Whatever the writer types reads back as the same text; emphasis never eats characters."""
    doc = QTextDocument()
    cursor = QTextCursor(doc)
    for run in typed:
        cursor.insertText(run.text.replace("\ufffc", ""), char_format(run))
    markdown = to_markdown(doc)
    expected = normalise_runs(tuple(replace(r, text=r.text.replace("\ufffc", "")) for r in typed))
    parsed = parse_body(markdown)
    got = parsed.blocks[0].runs if parsed.blocks else ()
    assert isinstance(parsed.blocks[0] if parsed.blocks else Paragraph(()), Paragraph)

    def text_of(items: tuple[object, ...]) -> str:
        return "".join(r.text for r in items if isinstance(r, Text))

    assert text_of(got) == text_of(expected)
    assert roundtrip(markdown) == markdown
    assert not [r for r in got if isinstance(r, FootnoteRef)]


# Paste ------------------------------------------------------------------------------------------------

WORD_HTML = """<html><head><style>p.MsoNormal{font-family:Calibri}</style></head><body>
<p class=MsoNormal style='color:#ff0000;font-family:"Comic Sans MS";font-size:18pt'>
Dear <b>Minister</b>, we write about <i>Mr Ivanov</i> and
<a href="https://example.org/report">the report</a>.</p>
<table border=1><tr><td>cell one</td><td>cell two</td></tr></table>
<img src="file:///tmp/logo.png" alt="logo">
<ul><li>first point</li><li>second <span style="font-weight:700">point</span></li></ul>
<h1>A heading</h1>
</body></html>"""


def test_pasted_word_html_keeps_only_what_a_letter_supports() -> None:
    body = body_from_html(WORD_HTML)
    markdown = to_markdown(document_from_markdown(_render(body)))
    assert "Dear **Minister**, we write about *Mr Ivanov* and [the report](https://example.org/report)." in (
        markdown
    )
    assert "- first point\n- second **point**" in markdown
    assert "cell one" in markdown and "cell two" in markdown
    assert "**A heading**" in markdown and "# " not in markdown
    for junk in ("Comic", "color", "ff0000", "<", "logo.png", "18pt", "|"):
        assert junk not in markdown


def test_markdown_on_the_clipboard_is_preferred_over_html() -> None:
    mime = QMimeData()
    mime.setData(MARKDOWN_MIME, b"Note[^1].\n\n[^1]: Kept.\n")
    mime.setHtml("<p>Note1.</p>")
    body = body_from_mime(mime)
    assert body is not None
    assert body.footnotes and _render(body).endswith("[^1]: Kept.\n")


def test_plain_text_clipboard_is_left_to_qt() -> None:
    mime = QMimeData()
    mime.setText("just text")
    assert body_from_mime(mime) is None


def _render(body: Body) -> str:
    from iphr_desk.core.letters.body_markdown import render

    return render(body)
