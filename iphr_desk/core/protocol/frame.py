"""The computed parts of a letter around its body, and the house style that shapes them.

`core.protocol.compute_frame(letter, style)` fills a `Frame`; the exporter and the GUI preview
both lay out the same frame, so the preview cannot drift from the exported .docx.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SignatureBlock:
    """One signatory's block: name, then title, then organisation, each on its own line."""

    name: str
    title: str | None = None
    organisation: str | None = None
    #: The signature image (PNG) placed above the name: only on a Signed or Sent letter (issue 15).
    image: bytes | None = field(default=None, compare=False, repr=False)

    @property
    def lines(self) -> tuple[str, ...]:
        return tuple(part for part in (self.name, self.title, self.organisation) if part)


@dataclass(frozen=True)
class Frame:
    """Everything the exported letter shows except the letterhead and the body, in the order of the
    letter format (docs/letter-format.md).

    - `attention_line`: e.g. FR house style "À l'attention de :"; None where the style has none.
    - `address_lines`: the recipient block, first line e.g. "Monsieur Emmanuel Macron, Président de
      la République Française", then organisation and address lines.
    - `date_line`: "Bruxelles, 30 octobre 2023".
    - `subject_label` + `subject`: "Objet :" and the subject; the label is None in DE and RU.
    - `salutation`, `closing`: final text, recipient overrides applied.
    - `address_notes`: the address block's uncertain forms, for the GUI to show (see `AddressBlock`).
    """

    language: str
    attention_line: str | None
    address_lines: tuple[str, ...]
    date_line: str
    subject_label: str | None
    subject: str
    salutation: str
    closing: str
    signatures: tuple[SignatureBlock, ...]
    cc_label: str | None
    cc_lines: tuple[str, ...]
    #: Why a computed form in the address block may be wrong (a Russian dative the declension libraries
    #: were unsure of); empty when sure. Last, with a default, so frames built by hand need not name it.
    address_notes: tuple[str, ...] = ()

    @property
    def subject_line(self) -> str:
        """The subject line as one string ("Objet : …", or the bare subject in DE and RU)."""
        return f"{self.subject_label} {self.subject}" if self.subject_label else self.subject
