"""The whole letter as it will be exported, in a read-only pane.

The HTML comes from the core's HTML format (iphr_desk/core/export/html.py), built from the same frame and
body model as the .docx, so the preview cannot show a salutation or a list the exporter would not write.
"""

from __future__ import annotations

from dataclasses import replace
from html import escape
from pathlib import Path

from PySide6.QtWidgets import QTextBrowser, QWidget

from iphr_desk.core.errors import IphrError
from iphr_desk.core.export.html import letter_html
from iphr_desk.core.export.letterhead import Letterhead, load_letterhead
from iphr_desk.core.export.signature_images import attach_images
from iphr_desk.core.letters.letter import Letter
from iphr_desk.core.letters.richtext import parse_body
from iphr_desk.core.protocol.address import compute_frame
from iphr_desk.gui.editor.name_hint import awaits_name, hint_text

#: Stands for the salutation while it awaits the recipient's name; letters only, so no typography
#: rule or HTML escaping touches it before it is swapped for the hint.
_AWAITING_MARK = "IPHRDESKSALUTATIONAWAITSNAME"


class PreviewPane(QTextBrowser):
    def __init__(self, data_dir: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data_dir = data_dir
        self._heads: dict[str | None, Letterhead] = {}
        self.setReadOnly(True)
        self.setOpenLinks(False)
        self.setAccessibleName(self.tr("Preview of the exported letter"))

    def _letterhead(self, name: str | None) -> Letterhead:
        """Each letterhead is read once per pane, not on every refresh while the writer types."""
        if name not in self._heads:
            self._heads[name] = load_letterhead(name, self._data_dir)
        return self._heads[name]

    def show_letter(self, letter: Letter, recipient_index: int = 0) -> None:
        """Show `letter` as sent to recipient number `recipient_index`."""
        single = letter.for_recipient(min(recipient_index, len(letter.recipients) - 1))
        try:
            head = self._letterhead(letter.letterhead)
            style = head.style()
            awaiting = awaits_name(single.recipient, single.language, single.register, single.voice, style)
            if awaiting:
                single = replace(single, recipients=(replace(single.recipient, salutation=_AWAITING_MARK),))
            frame = attach_images(compute_frame(single, style), single.signature_images)  # Signed, Sent
        except IphrError as exc:
            self._show(f"<p style='color:#a00'>{escape(str(exc))}</p>")
            return
        html = letter_html(frame, parse_body(letter.body), head)
        hint = f"<span style='color:#888;font-style:italic'>{escape(hint_text())}</span>"
        self._show(html.replace(_AWAITING_MARK, hint))

    def _show(self, html: str) -> None:
        """Replace the content but keep the reader's place: the preview follows typing every 300 ms."""
        bar = self.verticalScrollBar()
        position = bar.value()
        self.setHtml(html)
        bar.setValue(min(position, bar.maximum()))
