"""Two versions of a letter shown as rendered text, in the manner of Word's "Compare".

The comparison itself is the core's (core/letters/compare.py); this module paints it into a
`QTextBrowser` as HTML that Qt's rich text reads:

- a table of the header values that changed (field, before, after), with translated field names and
  values (a language, a gender, an office are shown by name, not by code);
- the body as the reader sees it: lists, bold, italic, footnotes as formatting; inserted words underlined
  in blue, deleted words struck through in red. "Side by side" puts the old and the new text in two
  aligned columns, one row per paragraph;
- the letter files' source (YAML front matter and Markdown) as a coloured line diff, only behind the
  "Show source" switch.

`CompareView` is used by the revisions panel's "Compare" dialog and by "Import Reviewed Copy…", which
also marks the paragraphs that both the reviewer and the writer changed (`flagged`).
"""

from __future__ import annotations

import difflib
import html
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from iphr_desk.core.letters.compare import BlockDiff, DisplayBlock, FieldChange, LetterDiff, Token
from iphr_desk.gui.models import labels

INSERT_COLOR = "#1a56b0"
DELETE_COLOR = "#b3261e"
FLAG_COLOR = "#8a5a00"
INSERT_STYLE = f"color:{INSERT_COLOR}; text-decoration: underline;"
DELETE_STYLE = f"color:{DELETE_COLOR}; text-decoration: line-through;"
INSERT_BLOCK = "background-color:#eef4fc;"
MOVE_COLOR = "#2e7d32"
MOVE_TO_STYLE = f"color:{MOVE_COLOR}; text-decoration: underline;"
MOVE_FROM_STYLE = f"color:{MOVE_COLOR}; text-decoration: line-through;"
MOVE_BLOCK = "background-color:#edf7ee;"
DELETE_BLOCK = "background-color:#fcefee;"
FLAG_BLOCK = "background-color:#fff4d6;"


def _tr(text: str) -> str:
    return QCoreApplication.translate("CompareView", text)


# --------------------------------------------------------------------------- names of things


def field_label(change: FieldChange, recipients: int = 1) -> str:
    """The header field's name as the header form calls it; "Recipient 2: Name" in a batch letter."""
    names = {
        "language": _tr("Language"),
        "place": _tr("Place"),
        "date": _tr("Date"),
        "subject": _tr("Subject"),
        "register": _tr("Register"),
        "voice": _tr("Voice"),
        "cc": _tr("Copies (cc)"),
        "cases": _tr("Cases"),
        "letterhead": _tr("Letterhead"),
        "signatories": _tr("Signatories"),
        "recipient.name": _tr("Recipient"),
        "recipient.surname": _tr("Surname"),
        "recipient.gender": _tr("Gender"),
        "recipient.office": _tr("Office"),
        "recipient.title": _tr("Title"),
        "recipient.organisation": _tr("Organisation"),
        "recipient.address": _tr("Address"),
        "recipient.address_dative": _tr("Address (dative)"),
        "recipient.salutation": _tr("Salutation"),
        "recipient.closing": _tr("Closing"),
    }
    name = names.get(change.key, change.key.rpartition(".")[2].replace("_", " ").capitalize())
    if change.key.startswith("recipient.") and recipients > 1:
        return _tr("Recipient %1: %2").replace("%1", str(change.index + 1)).replace("%2", name)
    return name


def _value_label(key: str, value: str) -> str | None:
    """A coded value by its name (None: the value is text and is compared word by word)."""
    if not value:
        return None
    if key == "language":
        return labels.language(value)
    if key == "recipient.gender":
        return labels.gender(value)
    if key == "recipient.office":
        return labels.office(value)
    if key == "register":
        return {"house": _tr("House style"), "formal": _tr("Formal (protocol)")}.get(value, value)
    if key == "voice":
        return {"we": _tr("We (the organisation)"), "i": _tr("I (the signatory)")}.get(value, value)
    return None


def summary_text(diff: LetterDiff) -> str:
    if not diff.changed:
        return _tr("No differences: the two versions read the same.")
    inserted, deleted = diff.counts
    parts = [
        QCoreApplication.translate("CompareView", "%n word(s) inserted", "", inserted),
        QCoreApplication.translate("CompareView", "%n word(s) deleted", "", deleted),
        QCoreApplication.translate("CompareView", "%n header field(s) changed", "", len(diff.fields)),
    ]
    moved = sum(1 for block in diff.blocks if block.op == "moved_to")
    if moved:
        parts.append(QCoreApplication.translate("CompareView", "%n paragraph(s) moved", "", moved))
    return " · ".join(parts)


# --------------------------------------------------------------------------- HTML


def _span(text: str, style: str) -> str:
    return f'<span style="{style}">{text}</span>' if style else text


def tokens_html(tokens: Iterable[Token], *, hide: str = "", moved: bool = False) -> str:
    """Tokens as HTML, each stretch of one look in one span; tokens whose op is `hide` are left out;
    `moved`: the tokens of a moved paragraph, in the colour of moves."""
    out: list[str] = []
    previous = "equal"
    for token in tokens:
        if token.op == hide:
            continue
        if previous == "delete" and token.op == "insert":
            out.append(" ")  # "~~deep~~ grave", not "~~deep~~grave": a gap to read by, not part of the text
        previous = token.op
        if token.text == "\n":
            out.append("<br/>")
            continue
        text = html.escape(token.text)
        if token.footnote:
            text = f"<sup>{text}</sup>"
        if token.code:
            text = f"<code>{text}</code>"
        if token.italic:
            text = f"<i>{text}</i>"
        if token.bold:
            text = f"<b>{text}</b>"
        if token.href:
            text = f'<a href="{html.escape(token.href, quote=True)}">{text}</a>'
        styles = (
            {"insert": MOVE_TO_STYLE, "delete": MOVE_FROM_STYLE}
            if moved
            else {
                "insert": INSERT_STYLE,
                "delete": DELETE_STYLE,
            }
        )
        out.append(_span(text, styles.get(token.op, "")))
    return "".join(out)


def _marker_html(diff: BlockDiff, side: str) -> str:
    block = diff.block
    marker = diff.old_marker if side == "old" and diff.old_marker is not None else block.marker
    if not marker:
        return ""
    if block.kind == "footnote":
        return f"<sup>{html.escape(marker)}</sup>&nbsp;"
    shown = html.escape(marker)
    if side == "both" and diff.old_marker is not None:
        shown = _span(html.escape(diff.old_marker), DELETE_STYLE) + _span(shown, INSERT_STYLE)
    return shown + "&nbsp;&nbsp;"


def block_html(diff: BlockDiff, side: str = "both", flagged: bool = False) -> str:
    """One block as a paragraph; `side` "old" shows kept and deleted words, "new" kept and inserted."""
    block: DisplayBlock = diff.block
    hide = {"old": "insert", "new": "delete"}.get(side, "")
    backgrounds = {
        "insert": INSERT_BLOCK,
        "delete": DELETE_BLOCK,
        "moved_from": MOVE_BLOCK,
        "moved_to": MOVE_BLOCK,
    }
    background = backgrounds.get(diff.op, "") if side == "both" else ""
    if flagged:
        background = FLAG_BLOCK
    margin = 24 * block.indent + 28 * block.quote
    style = f"margin-left:{margin}px; margin-top:4px; margin-bottom:8px; {background}"
    if block.kind == "rule":
        return "<hr/>"
    moved = diff.op in ("moved_from", "moved_to")
    body = tokens_html(block.tokens, hide=hide, moved=moved)
    if moved:
        where = _tr("Moved from here") if diff.op == "moved_from" else _tr("Moved here")
        body = _span(f"⇅ {html.escape(where)}: ", f"color:{MOVE_COLOR}; font-size:small;") + body
    if block.kind == "code":
        return f'<pre style="{style} white-space: pre-wrap;">{body}</pre>'
    if block.kind == "heading":
        body = f"<b>{body}</b>"
    if block.quote:
        body = f'<span style="color:#444444;">{body}</span>'
    if block.kind == "footnote":
        style += " font-size:small;"
    flag = ""
    if flagged:
        flag = _span("⚑ " + html.escape(_tr("Changed on both sides")) + "<br/>", f"color:{FLAG_COLOR};")
    return f'<p style="{style}">{flag}{_marker_html(diff, side)}{body}</p>'


def _footnote_heading() -> str:
    return f'<hr/><p style="font-size:small; color:#555555;">{html.escape(_tr("Footnotes"))}</p>'


def fields_html(diff: LetterDiff, recipients: int = 1) -> str:
    if not diff.fields:
        return ""
    rows = [
        "<tr>"
        f'<th align="left" width="22%">{html.escape(_tr("Field"))}</th>'
        f'<th align="left" width="39%">{html.escape(_tr("Before"))}</th>'
        f'<th align="left" width="39%">{html.escape(_tr("After"))}</th>'
        "</tr>"
    ]
    for change in diff.fields:
        before_label = _value_label(change.key, change.before)
        after_label = _value_label(change.key, change.after)
        if before_label is not None or after_label is not None or change.key in ("date", "language"):
            before = _span(html.escape(before_label or change.before), DELETE_STYLE if change.before else "")
            after = _span(html.escape(after_label or change.after), INSERT_STYLE if change.after else "")
        else:
            tokens = change.tokens()
            before = tokens_html(tokens, hide="insert")
            after = tokens_html(tokens, hide="delete")
        empty = f'<span style="color:#777777;">{html.escape(_tr("(empty)"))}</span>'
        rows.append(
            "<tr>"
            f'<td valign="top"><b>{html.escape(field_label(change, recipients))}</b></td>'
            f'<td valign="top">{before if change.before else empty}</td>'
            f'<td valign="top">{after if change.after else empty}</td>'
            "</tr>"
        )
    header = f"<h3>{html.escape(_tr('Header'))}</h3>"
    table = '<table width="100%" cellspacing="0" cellpadding="4" border="1" style="border-color:#cccccc;">'
    return header + table + "".join(rows) + "</table>"


def _flagged(diff: BlockDiff, flags: Sequence[str]) -> bool:
    text = diff.block.text.strip()
    return bool(text) and any(flag.strip() and (flag.strip() in text or text in flag) for flag in flags)


def inline_html(diff: LetterDiff, *, recipients: int = 1, flags: Sequence[str] = ()) -> str:
    """The comparison in one column: what Word's "Compare" shows."""
    parts = [fields_html(diff, recipients), f"<h3>{html.escape(_tr('Letter'))}</h3>"]
    in_footnotes = False
    for block in diff.blocks:
        if block.block.kind == "footnote" and not in_footnotes:
            parts.append(_footnote_heading())
            in_footnotes = True
        parts.append(block_html(block, "both", _flagged(block, flags)))
    return "".join(parts)


def side_by_side_html(
    diff: LetterDiff, old_label: str, new_label: str, *, recipients: int = 1, flags: Sequence[str] = ()
) -> str:
    """The old and the new text in two columns, one row per block, so a paragraph faces its new form."""
    rows = [
        "<tr>"
        f'<th align="left" width="50%">{html.escape(old_label)}</th>'
        f'<th align="left" width="50%">{html.escape(new_label)}</th>'
        "</tr>"
    ]
    in_footnotes = False
    for block in diff.blocks:
        if block.block.kind == "footnote" and not in_footnotes:
            note = html.escape(_tr("Footnotes"))
            rows.append(f'<tr><td colspan="2" style="color:#555555; font-size:small;">{note}</td></tr>')
            in_footnotes = True
        flagged = _flagged(block, flags)
        left = block_html(block, "old") if block.op not in ("insert", "moved_to") else ""
        right = block_html(block, "new", flagged) if block.op not in ("delete", "moved_from") else ""
        left_bg = {"delete": DELETE_BLOCK, "change": DELETE_BLOCK, "moved_from": MOVE_BLOCK}.get(block.op, "")
        right_bg = {"insert": INSERT_BLOCK, "change": INSERT_BLOCK, "moved_to": MOVE_BLOCK}.get(block.op, "")
        rows.append(
            f'<tr><td valign="top" style="{left_bg}">{left}</td>'
            f'<td valign="top" style="{right_bg}">{right}</td></tr>'
        )
    table = '<table width="100%" cellspacing="0" cellpadding="4" border="0">' + "".join(rows) + "</table>"
    return fields_html(diff, recipients) + f"<h3>{html.escape(_tr('Letter'))}</h3>" + table


def source_html(old_text: str, new_text: str, old_label: str, new_label: str) -> str:
    """The letter files' lines, removed and added lines coloured (a unified diff with all the context)."""
    lines = difflib.unified_diff(
        old_text.splitlines(),
        new_text.splitlines(),
        old_label,
        new_label,
        n=max(3, len(old_text)),
        lineterm="",
    )
    out: list[str] = []
    for line in lines:
        style = ""
        if line.startswith(("+++", "---")):
            style = "font-weight:bold;"
        elif line.startswith("+"):
            style = f"color:{INSERT_COLOR}; {INSERT_BLOCK}"
        elif line.startswith("-"):
            style = f"color:{DELETE_COLOR}; {DELETE_BLOCK}"
        elif line.startswith("@@"):
            continue
        out.append(f'<div style="{style}">{html.escape(line) or "&nbsp;"}</div>')
    if not out:
        out.append(html.escape(_tr("The two letter files are identical.")))
    return '<div style="white-space: pre-wrap;">' + "".join(out) + "</div>"


def legend_html() -> str:
    return (
        _span(html.escape(_tr("Inserted")), INSERT_STYLE)
        + " &nbsp; "
        + _span(html.escape(_tr("Deleted")), DELETE_STYLE)
        + " &nbsp; "
        + _span(html.escape(_tr("Moved")), MOVE_TO_STYLE)
    )


# --------------------------------------------------------------------------- the widget


class CompareView(QWidget):
    """A comparison of two letter versions; `set_texts` takes two letter files (revision snapshots)."""

    def __init__(self, parent: QWidget | None = None, *, side_by_side: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("compareView")
        self.labels = QLabel(self)
        self.labels.setWordWrap(True)
        self.labels.setTextFormat(Qt.TextFormat.RichText)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.legend = QLabel(legend_html(), self)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.side_by_side = QCheckBox(self.tr("Side by side"), self)
        self.side_by_side.setChecked(side_by_side)
        self.show_source = QCheckBox(self.tr("Show source"), self)
        self.show_source.setToolTip(
            self.tr("Show the letter files' text (front matter and Markdown) line by line")
        )
        self.text = QTextBrowser(self)
        self.text.setOpenLinks(False)
        self.text.setAccessibleName(self.tr("Differences between the versions"))
        self.source = QTextBrowser(self)
        self.source.setOpenLinks(False)
        self.source.setAccessibleName(self.tr("Differences between the letter files"))
        self.source.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.source.hide()
        switches = QHBoxLayout()
        switches.addWidget(self.legend)
        switches.addStretch(1)
        switches.addWidget(self.side_by_side)
        switches.addWidget(self.show_source)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.labels)
        layout.addWidget(self.summary)
        layout.addLayout(switches)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.source, 1)
        self.side_by_side.toggled.connect(lambda _on: self._render())
        self.show_source.toggled.connect(self._show_source)
        self.diff: LetterDiff | None = None
        self._texts = ("", "")
        self._names = ("", "")
        self._flags: tuple[str, ...] = ()
        self._recipients = 1

    def set_texts(
        self, old_text: str, new_text: str, old_label: str, new_label: str, *, flags: Sequence[str] = ()
    ) -> LetterDiff | None:
        """Compare two letter files; a file that does not read as a letter shows the source diff instead."""
        from iphr_desk.core.errors import IphrError
        from iphr_desk.core.letters.compare import compare_letter_texts
        from iphr_desk.core.letters.letterfile import parse_letter_text

        self._texts, self._names, self._flags = (old_text, new_text), (old_label, new_label), tuple(flags)
        try:
            self.diff = compare_letter_texts(old_text, new_text, old_label, new_label)
            self._recipients = len(parse_letter_text(new_text, new_label).recipients)
        except IphrError as error:
            self.diff = None
            self.summary.setText(
                self.tr("This version cannot be shown as text (%1); here is its source.").replace(
                    "%1", str(error)
                )
            )
        self.labels.setText(
            self.tr("<b>From:</b> %1<br/><b>To:</b> %2")
            .replace("%1", html.escape(old_label))
            .replace("%2", html.escape(new_label))
        )
        if self.diff is not None:
            self.summary.setText(summary_text(self.diff))
        self.show_source.setEnabled(self.diff is not None)
        if self.diff is None:
            self.show_source.setChecked(True)
        self._render()
        self._show_source(self.show_source.isChecked())
        return self.diff

    def _render(self) -> None:
        if self.diff is None:
            self.text.clear()
        elif self.side_by_side.isChecked():
            self.text.setHtml(
                side_by_side_html(self.diff, *self._names, recipients=self._recipients, flags=self._flags)
            )
        else:
            self.text.setHtml(inline_html(self.diff, recipients=self._recipients, flags=self._flags))
        self.source.setHtml(source_html(*self._texts, *self._names))

    def _show_source(self, on: bool) -> None:
        self.source.setVisible(on)
        self.text.setVisible(not on)

    def shown_text(self) -> str:
        """What a reader sees now (the rendered comparison, or the source when it is switched on)."""
        return (self.source if self.show_source.isChecked() else self.text).toPlainText()


class CompareDialog(QDialog):
    """The comparison in a window of its own, sized to read at 1024 pixels wide (non-modal)."""

    def __init__(self, parent: QWidget | None = None, *, title: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareDialog")
        self.setWindowTitle(title or self.tr("Compare Versions"))
        self.view = CompareView(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(940, 640)

    def set_texts(self, old_text: str, new_text: str, old_label: str, new_label: str) -> LetterDiff | None:
        return self.view.set_texts(old_text, new_text, old_label, new_label)
