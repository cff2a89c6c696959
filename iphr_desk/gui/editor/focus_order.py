"""The header form's Tab order: down the form as it reads (letter, recipient, signatories, copies).

Qt's default order is the order the widgets were made in, which the form's building code need not follow;
written out here it stays right when a field is added. Tab leaves the address and copy boxes too
(widgets/input_guard.py); only the letter body keeps Tab for itself.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

from PySide6.QtWidgets import QWidget

#: Attribute paths on the HeaderForm, in Tab order.
HEADER_FOCUS_ORDER = [
    "language",
    "letterhead",
    "place",
    "date",
    "subject",
    "register",
    "voice",
    "recipient_list",
    "saved_recipient",
    "add_recipient_button",
    "remove_recipient_button",
    "r_name",
    "r_surname",
    "r_gender",
    "r_office",
    "r_title",
    "r_organisation",
    "r_address",
    "salutation.override",
    "salutation.edit",
    "closing.override",
    "closing.edit",
    "signatories",
    "saved_signatory",
    "add_signatory_button",
    "remove_signatory_button",
    "up_button",
    "down_button",
    "cc",
    "cases",
]


def widget_at(owner: object, path: str) -> QWidget:
    target = owner
    for name in path.split("."):
        target = getattr(target, name)
    assert isinstance(target, QWidget), path
    return target


def chain_focus(owner: object, order: Iterable[str]) -> None:
    """Make Tab go through `owner`'s widgets at `order` (attribute paths), one after the other."""
    widgets = [widget_at(owner, path) for path in order]
    for first, second in itertools.pairwise(widgets):
        QWidget.setTabOrder(first, second)
