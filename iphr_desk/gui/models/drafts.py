"""A new letter's first draft, prefilled from the preferences and, when there is one, from a case."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from iphr_desk.gui.models.labels import ui_language_code

if TYPE_CHECKING:
    from iphr_desk.core.letter import Language, Letter
    from iphr_desk.gui.context import AppContext


def draft_language(ctx: AppContext) -> Language:
    """The interface language when letters can be written in it, else English."""
    from iphr_desk.core.letter import LANGUAGES

    for code in (ctx.settings.ui_language, ui_language_code()):
        if code in LANGUAGES:
            return code  # type: ignore[return-value]
    return "en"


def default_signatory(ctx: AppContext) -> Any:
    """The preferred signatory, or the first saved one, or None when none is saved yet."""
    from iphr_desk.core import repository

    wanted = ctx.settings.default_signatory_id
    rows = list(repository.signatories(ctx.store, limit=1000))
    for row in rows:
        if wanted is not None and int(row.id) == wanted:
            return row
    return rows[0] if rows else None


def build_draft(ctx: AppContext, case: Any | None, today: dt.date) -> Letter:
    from iphr_desk.core.letter import Letter, Recipient, Signatory

    signatory = default_signatory(ctx)
    signatories: tuple[Signatory, ...] = ()
    if signatory is not None:
        signatories = (
            Signatory(name=signatory.name, title=signatory.title, organisation=signatory.organisation),
        )
    subject = str(getattr(case, "title", "") or "") if case is not None else ""
    reference = str(getattr(case, "reference", "") or "") if case is not None else ""
    return Letter(
        language=draft_language(ctx),
        place=ctx.settings.default_place,
        date=today,
        subject=subject,
        recipients=(Recipient(name=""),),
        signatories=signatories,
        cases=(reference,) if reference else (),
        letterhead=ctx.settings.default_letterhead or None,
    )


def create_draft(ctx: AppContext, case_id: int | None, today: dt.date) -> int:
    """Store a new draft and return its id; linked to the case when `case_id` is given."""
    from iphr_desk.core import repository

    case = None
    if case_id is not None:
        detail = repository.get_case_detail(ctx.store, case_id)
        case = getattr(detail, "case", detail)
    letter = build_draft(ctx, case, today)
    author = ctx.settings.user_name or QCoreApplication.translate("Drafts", "IPHR Desk")
    return int(repository.add_letter(ctx.store, letter, author=author))
