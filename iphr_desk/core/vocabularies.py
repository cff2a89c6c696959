"""The vocabularies and the review workflow, as data.

Data rather than code, so the checks, the ORM (`models` imports these vocabularies) and the GUI's
menus (`allowed_transitions`) agree by construction; reading them costs no SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

# --------------------------------------------------------------------------- vocabularies (data)

LETTER_STATUSES: Final[tuple[str, ...]] = (
    "draft",
    "in_review",
    "changes_requested",
    "approved",
    "signed",
    "sent",
)
CASE_STATUSES: Final[tuple[str, ...]] = ("open", "monitoring", "closed")
PERSON_ROLES: Final[tuple[str, ...]] = (
    "human_rights_defender",
    "journalist",
    "lawyer",
    "blogger",
    "activist",
    "relative",
    "other",
)
PERSON_SITUATIONS: Final[tuple[str, ...]] = (
    "detained",
    "charged",
    "convicted",
    "harassed",
    "released",
    "missing",
    "other",
)


# --------------------------------------------------------------------------- the review workflow (data)

#: Which status may follow which. "Reopen" (back to draft) is the only way out of a read-only status.
TRANSITIONS: Final[Mapping[str, tuple[str, ...]]] = {
    "draft": ("in_review",),
    "in_review": ("changes_requested", "approved", "draft"),
    "changes_requested": ("in_review", "draft"),
    "approved": ("signed", "draft"),
    "signed": ("sent", "draft"),
    "sent": ("draft",),
}
#: Statuses in which a letter's content cannot be changed (reopen it first).
READ_ONLY_STATUSES: Final[frozenset[str]] = frozenset({"approved", "signed", "sent"})
STATUSES: Final = LETTER_STATUSES

LETTER_SORT_KEYS: Final[tuple[str, ...]] = (
    "updated",
    "created",
    "date",
    "subject",
    "status",
    "language",
    "recipient",
    "place",
    "id",
    "deleted",
)
CASE_SORT_KEYS: Final[tuple[str, ...]] = (
    "updated",
    "created",
    "reference",
    "title",
    "country",
    "region",
    "status",
    "id",
)


def allowed_transitions(status: str) -> tuple[str, ...]:
    """The statuses a letter in `status` may move to, in the order a menu should offer them."""
    return TRANSITIONS.get(status, ())


def is_read_only(status: str) -> bool:
    return status in READ_ONLY_STATUSES
