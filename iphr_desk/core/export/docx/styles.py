"""The named styles every letterhead provides, found by name so localised templates work too.

Word stores a style's English name in `w:name` even when its id is localised (a German Word calls
the id of "footnote text" `Funotentext`), so styles are found by name, never by id.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE

#: The letter's parts and the style names that carry them.
PARAGRAPH_STYLES: Final[dict[str, str]] = {
    "attention": "IPHR Attention",
    "address": "IPHR Address",
    "date": "IPHR Date",
    "subject": "IPHR Subject",
    "salutation": "IPHR Salutation",
    "body": "IPHR Body",
    "heading": "IPHR Heading",
    "quote": "IPHR Quote",
    "list": "IPHR List",
    "code": "IPHR Code",
    "closing": "IPHR Closing",
    "signature": "IPHR Signature",
    "signature_detail": "IPHR Signature Detail",
    "cc": "IPHR Cc",
    "footnote_text": "footnote text",
}
CHARACTER_STYLES: Final[dict[str, str]] = {
    "hyperlink": "Hyperlink",
    "footnote_reference": "footnote reference",
}
ALL_STYLE_NAMES: Final = (*PARAGRAPH_STYLES.values(), *CHARACTER_STYLES.values())


@dataclass(frozen=True)
class StyleIds:
    """The style ids of one template, by role (see PARAGRAPH_STYLES and CHARACTER_STYLES)."""

    ids: dict[str, str]

    def __getitem__(self, role: str) -> str | None:
        return self.ids.get(role)

    @classmethod
    def of(cls, document: DocxDocument) -> StyleIds:
        by_name: dict[tuple[str, WD_STYLE_TYPE], str] = {}
        for style in document.styles:
            if style.name:
                by_name[(style.name.casefold(), style.type)] = style.style_id
        ids: dict[str, str] = {}
        groups = ((PARAGRAPH_STYLES, WD_STYLE_TYPE.PARAGRAPH), (CHARACTER_STYLES, WD_STYLE_TYPE.CHARACTER))
        for roles, kind in groups:
            for role, name in roles.items():
                found = by_name.get((name.casefold(), kind))
                if found:
                    ids[role] = found
        return cls(ids)
