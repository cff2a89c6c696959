"""Bad-input rows: signatory titles per language and the hand-typed Russian address block (issue 14).

Rows of tests/bad_inputs.md, run by test_bad_inputs.py.
"""

from __future__ import annotations

from collections.abc import Callable

from badinput import GOOD_LETTER, Context, Row, Setup


def _letter_with(change: Callable[[str], str]) -> Setup:
    def setup(ctx: Context) -> None:
        text = change(GOOD_LETTER.read_text(encoding="utf-8"))
        (ctx.work / "letter.md").write_text(text, encoding="utf-8")

    return setup


def _titles(block: str) -> Setup:
    return _letter_with(
        lambda text: text.replace("    title: Directrice\n", f"    title: Directrice\n{block}", 1)
    )


def _dative(block: str) -> Setup:
    return _letter_with(lambda text: text.replace("signatories:\n", f"{block}signatories:\n", 1))


ROWS = [
    Row(
        "signatory title in a misspelt language",
        ["export", "letter.md", "-o", "out/letter.docx"],
        2,
        "iphr-desk: letter.md: signatories[0].titles.fre: unknown letter language 'fre' (did you mean 'fr'?)",
        _titles("    titles:\n      fre: Directrice\n"),
    ),
    Row(
        "signatory titles given as one line instead of one per language",
        ["import", "letter.md"],
        2,
        "iphr-desk: letter.md: signatories[0].titles: must be the title in each language "
        "(e.g. 'fr: Directrice') written as indented 'key: value' lines, not text",
        _titles("    titles: Directrice\n"),
        proof="nothing stored, no data folder created",
    ),
    Row(
        "hand-typed dative address given as a list",
        ["export", "letter.md", "-o", "out/letter.docx"],
        2,
        "iphr-desk: letter.md: recipient.address_dative: must be text, not a list",
        _dative("  address_dative: [Президенту, Ш.М. Мирзиёеву]\n"),
    ),
]
