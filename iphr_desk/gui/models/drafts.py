"""A new letter's first draft, prefilled from the preferences and, when there is one, from a case."""

from __future__ import annotations

import datetime as dt
import re
import weakref
from typing import TYPE_CHECKING, Any

from iphr_desk.gui.models.labels import ui_language_code

if TYPE_CHECKING:
    from iphr_desk.core.letters.letter import Language, Letter
    from iphr_desk.gui.context import AppContext


def draft_language(ctx: AppContext) -> Language:
    """The interface language when letters can be written in it, else English."""
    from iphr_desk.core.letters.letter import LANGUAGES

    for code in (ctx.settings.ui_language, ui_language_code()):
        if code in LANGUAGES:
            return code  # type: ignore[return-value]
    return "en"


def default_signatory(ctx: AppContext) -> Any:
    """Who signs a new letter: the signatory chosen in Preferences; without one (or once it is deleted),
    the first saved signatory of the letterhead's own organisation (never a partner's chair because
    their name sorts first); else the first saved one; None when nobody is saved yet."""
    from iphr_desk.core.store.repository import address_book

    wanted = ctx.settings.default_signatory_id
    records = address_book.list_signatories(ctx.store)
    for record in records:
        if wanted is not None and record.id == wanted:
            return record.signatory
    organisation = _letterhead_organisation(ctx)
    for record in records:
        if organisation is not None and belongs_to(record.signatory.organisation, organisation):
            return record.signatory
    return records[0].signatory if records else None


def _letterhead_organisation(ctx: AppContext) -> Any:
    from iphr_desk.core.errors import IphrError
    from iphr_desk.core.export.letterhead import load_letterhead

    try:
        return load_letterhead(ctx.settings.default_letterhead or None, ctx.data_dir).organisation
    except IphrError:
        return None


def belongs_to(signatory_organisation: str | None, organisation: Any) -> bool:
    """Whether a signatory's organisation line names the letterhead's organisation: its full name
    ("International Partnership for Human Rights (IPHR)") or its short name as a word ("IPHR")."""
    line = (signatory_organisation or "").casefold()
    if not line:
        return False
    name = str(getattr(organisation, "name", "") or "").casefold()
    short = str(getattr(organisation, "short_name", "") or "").casefold()
    if name and name in line:
        return True
    return bool(short) and re.search(rf"(?<!\w){re.escape(short)}(?!\w)", line) is not None


def draft_place(ctx: AppContext, language: str, letterhead: str | None) -> str:
    """The letterhead's place in `language` ("Bruxelles", "Брюссель"), unless the preferences name
    another place; the preferred place when the letterhead names none."""
    from iphr_desk.core.errors import IphrError
    from iphr_desk.core.export.letterhead import load_letterhead

    preferred = ctx.settings.default_place
    try:
        organisation = load_letterhead(letterhead, ctx.data_dir).organisation
    except IphrError:
        return preferred
    place = organisation.place_for(language)
    if place and (not preferred.strip() or preferred.strip() == organisation.place):
        return place
    return preferred


def build_draft(ctx: AppContext, case: Any | None, today: dt.date) -> Letter:
    from iphr_desk.core.letters.letter import Letter, Recipient, Signatory

    signatory = default_signatory(ctx)
    if signatory is None:  # nobody saved yet: the user signs, and can change it in the editor
        signatory = Signatory(name=ctx.settings.user_name)
    signatories: tuple[Signatory, ...] = (signatory,)
    subject = str(getattr(case, "title", "") or "") if case is not None else ""
    reference = str(getattr(case, "reference", "") or "") if case is not None else ""
    language = draft_language(ctx)
    letterhead = ctx.settings.default_letterhead or None
    return Letter(
        language=language,
        place=draft_place(ctx, language, letterhead),
        date=today,
        subject=subject,
        recipients=(Recipient(name=""),),
        signatories=signatories,
        cases=(reference,) if reference else (),
        letterhead=letterhead,
    )


def create_draft(ctx: AppContext, case_id: int | None, today: dt.date, *, author: str) -> int:
    """Store a new draft and return its id; linked to the case when `case_id` is given.

    `author` is the caller's `profile.current_user()`: the first revision names who started the letter.
    The draft is remembered as new (see `new_draft`) until its editor closes.
    """
    from iphr_desk.core.store.repository import cases as case_repo
    from iphr_desk.core.store.repository import letters as letter_repo

    case = case_repo.get_case_detail(ctx.store, case_id) if case_id is not None else None
    letter = build_draft(ctx, case, today)
    letter_id = int(letter_repo.add_letter(ctx.store, letter, author=author))
    _new_drafts.setdefault(ctx.store, {})[letter_id] = letter_repo.get_letter(ctx.store, letter_id)
    return letter_id


#: Drafts made by `create_draft` in this run, per store: their id and the letter as first stored, which
#: tells an untouched new letter (closed without a change, discarded) from one the user worked on.
_new_drafts: weakref.WeakKeyDictionary[Any, dict[int, Letter]] = weakref.WeakKeyDictionary()


def new_draft(store: Any, letter_id: int) -> Letter | None:
    """The letter as `create_draft` stored it, while it is a new draft of this run; else None."""
    return _new_drafts.get(store, {}).get(letter_id)


def forget_new_draft(store: Any, letter_id: int) -> None:
    _new_drafts.get(store, {}).pop(letter_id, None)
