"""The reviewer's edits to the letter's head and foot, turned into the letter's own fields.

The exporter computes the address block, salutation and closing from the recipient's fields and the
protocol tables (`protocol.address.compute_frame`). An edit to one of them in Word becomes the
recipient's override: `salutation` and `closing` take the new text; in the address block, the lines
below the computed ones are the recipient's `address`, and an edit inside a computed line that
replaces exactly the recipient's `title`, `organisation` or `name` sets that field. An edit that maps
onto no field (a changed date line, a signature) is returned as a note, which the import keeps as a
comment: nothing the reviewer wrote is lost.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from iphr_desk.core.exchange.merge import prefer_theirs_merge
from iphr_desk.core.exchange.review_model import HeaderFields
from iphr_desk.core.letters.letter import Letter, Recipient
from iphr_desk.core.protocol.frame import Frame


@dataclass(frozen=True)
class HeaderEdit:
    field: str  # recipient field, "subject", "cc", or "note"
    before: str | None
    after: str | None


def header_edits(
    exported: HeaderFields, reviewed: HeaderFields, frame: Frame, letter: Letter, index: int
) -> list[HeaderEdit]:
    """What the reviewer changed in the head and foot; `frame` is the letter's frame before typography
    (what the stored fields hold), `exported` the head as the exported document showed it."""
    if not reviewed.salutation and not reviewed.address_lines and not reviewed.closing:
        return []  # the letter's styles were not found: nothing to compare
    recipient = letter.recipients[index]
    edits: list[HeaderEdit] = []

    def untype(before: str | None, stored: str, after: str | None) -> str:
        return prefer_theirs_merge(before or "", stored, after or "")

    for name, ours in (("salutation", frame.salutation), ("closing", frame.closing)):
        before, after = getattr(exported, name), getattr(reviewed, name)
        if before != after and not (after or "").strip():
            edits.append(HeaderEdit("note", before, ""))  # removed: the letter cannot go without one
        elif before != after:
            edits.append(HeaderEdit(name, ours, untype(before, ours, after).strip()))
    if exported.subject_line != reviewed.subject_line and reviewed.subject_line is not None:
        subject = untype(exported.subject_line, frame.subject_line, reviewed.subject_line)
        label = frame.subject_label
        if label and subject.startswith(label):
            subject = subject[len(label) :]
        edits.append(HeaderEdit("subject", letter.subject, subject.strip()))
    if exported.cc_lines != reviewed.cc_lines:
        lines = list(reviewed.cc_lines)
        if frame.cc_label and lines and lines[0].strip() == (exported.cc_lines or ("",))[0].strip():
            lines = lines[1:]
        edits.append(HeaderEdit("cc", "\n".join(letter.cc), "\n".join(lines)))
    for name in ("date_line", "attention_line"):
        if getattr(exported, name) != getattr(reviewed, name):
            edits.append(HeaderEdit("note", getattr(exported, name), getattr(reviewed, name)))
    if exported.signature_lines != reviewed.signature_lines:
        edits.append(
            HeaderEdit("note", "\n".join(exported.signature_lines), "\n".join(reviewed.signature_lines))
        )
    if exported.address_lines != reviewed.address_lines:
        edits.extend(_address_edits(exported.address_lines, reviewed.address_lines, frame, recipient))
    return edits


def _address_edits(
    before: tuple[str, ...], after: tuple[str, ...], frame: Frame, recipient: Recipient
) -> list[HeaderEdit]:
    own = len(recipient.address_lines)
    computed = len(frame.address_lines) - own
    edits: list[HeaderEdit] = []
    if after[:computed] != before[:computed]:
        if len(after) < computed:
            return [HeaderEdit("note", "\n".join(before), "\n".join(after))]
        for line_before, line_after, stored in zip(
            before[:computed], after[:computed], frame.address_lines[:computed], strict=False
        ):
            if line_before == line_after:
                continue
            edit = _field_edit(
                stored, untyped := prefer_theirs_merge(line_before, stored, line_after), recipient
            )
            edits.append(edit or HeaderEdit("note", line_before, untyped))
    tail_before, tail_after = before[computed:], after[computed:]
    if tail_before != tail_after:
        stored_tail = frame.address_lines[computed:]
        lines = [
            prefer_theirs_merge(b, s, a) if b != a else s
            for b, s, a in zip(tail_before, stored_tail, tail_after, strict=False)
        ] if len(tail_before) == len(tail_after) else list(tail_after)  # fmt: skip
        edits.append(HeaderEdit("address", recipient.address, "\n".join(lines)))
    return edits


def _field_edit(stored: str, new: str, recipient: Recipient) -> HeaderEdit | None:
    """The recipient field whose value the edit of one computed address line replaced, if exactly one."""
    for name in ("title", "organisation", "name"):
        value = getattr(recipient, name)
        if not value:
            continue
        at = stored.find(value)
        if at < 0:
            continue
        head, tail = stored[:at], stored[at + len(value) :]
        if new.startswith(head) and new.endswith(tail) and len(new) >= len(head) + len(tail):
            replacement = new[len(head) : len(new) - len(tail)].strip()
            if replacement and replacement != value:
                return HeaderEdit(name, value, replacement)
    return None


def apply_edits(letter: Letter, index: int, edits: list[HeaderEdit]) -> Letter:
    """`letter` with the edits that map onto its fields (notes are left to the caller)."""
    recipients = list(letter.recipients)
    recipient = recipients[index]
    for edit in edits:
        if edit.field in ("salutation", "closing", "title", "organisation", "name", "address"):
            changes: dict[str, Any] = {edit.field: edit.after or None}
            recipient = replace(recipient, **changes)
        elif edit.field == "subject" and edit.after:
            letter = replace(letter, subject=edit.after)
        elif edit.field == "cc":
            letter = replace(
                letter, cc=tuple(line for line in (edit.after or "").split("\n") if line.strip())
            )
    recipients[index] = recipient
    return replace(letter, recipients=tuple(recipients))


def field_value(letter: Letter, index: int, field: str) -> object:
    if field == "subject":
        return letter.subject
    if field == "cc":
        return letter.cc
    return getattr(letter.recipients[index], field, None)
