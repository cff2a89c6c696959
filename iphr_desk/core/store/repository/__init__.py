"""What the CLI and the GUI do with the store: plain functions taking a `Store`, returning plain values.

Callers never see ORM objects (they would drag sessions and lazy loads into the GUI thread); they get
`iphr_desk.core.letters.letter` values, the frozen summaries and details of `values`, and `IphrError`s
with one
plain sentence. List pages are windows of rows: one SELECT per page with the first recipient's name
joined in, and a separate COUNT, so a 100,000-letter store costs what a 100-letter page costs.

The review workflow is data (`TRANSITIONS`); letters in `READ_ONLY_STATUSES` refuse edits until reopened.
Every status change and every save point stores a revision: the whole letter as letter-file text.

Callers import this package and call `repository.some_function(...)`; the code lives in one module per
concern, re-exported here:

    vocabularies   statuses, roles, sort keys and the review workflow (data)
    values         the frozen dataclasses callers receive and pass in
    _common        helpers shared by the modules below (lazy ORM import, clock, checks, lookups)
    letters        rows <-> Letter, the public letter API, status changes, the trash
    letter_lists   letter filters, sort keys, pages and counts
    revisions      revision history and restore
    comments       review comments
    cases          cases, their people and events, links between letters and cases
    address_book   reusable recipients and signatories
    letterheads    letterhead records

Importing the package costs no SQLAlchemy: every module imports it inside the functions that use it.
"""

from __future__ import annotations

from iphr_desk.core.errors import StoreError as StoreError
from iphr_desk.core.store.repository._common import letter_text as letter_text
from iphr_desk.core.store.repository.address_book import add_recipient as add_recipient
from iphr_desk.core.store.repository.address_book import add_signatory as add_signatory
from iphr_desk.core.store.repository.address_book import delete_recipient as delete_recipient
from iphr_desk.core.store.repository.address_book import delete_signatory as delete_signatory
from iphr_desk.core.store.repository.address_book import get_recipient as get_recipient
from iphr_desk.core.store.repository.address_book import list_recipients as list_recipients
from iphr_desk.core.store.repository.address_book import list_signatories as list_signatories
from iphr_desk.core.store.repository.address_book import update_recipient as update_recipient
from iphr_desk.core.store.repository.address_book import update_signatory as update_signatory
from iphr_desk.core.store.repository.cases import add_case as add_case
from iphr_desk.core.store.repository.cases import add_event as add_event
from iphr_desk.core.store.repository.cases import add_person as add_person
from iphr_desk.core.store.repository.cases import case_summaries as case_summaries
from iphr_desk.core.store.repository.cases import count_cases as count_cases
from iphr_desk.core.store.repository.cases import delete_case as delete_case
from iphr_desk.core.store.repository.cases import delete_event as delete_event
from iphr_desk.core.store.repository.cases import delete_person as delete_person
from iphr_desk.core.store.repository.cases import find_case as find_case
from iphr_desk.core.store.repository.cases import get_case_detail as get_case_detail
from iphr_desk.core.store.repository.cases import link_letter_case as link_letter_case
from iphr_desk.core.store.repository.cases import list_countries as list_countries
from iphr_desk.core.store.repository.cases import list_themes as list_themes
from iphr_desk.core.store.repository.cases import unlink_letter_case as unlink_letter_case
from iphr_desk.core.store.repository.cases import update_case as update_case
from iphr_desk.core.store.repository.cases import update_event as update_event
from iphr_desk.core.store.repository.cases import update_person as update_person
from iphr_desk.core.store.repository.comments import add_comment as add_comment
from iphr_desk.core.store.repository.comments import list_comments as list_comments
from iphr_desk.core.store.repository.comments import reply as reply
from iphr_desk.core.store.repository.comments import resolve_comment as resolve_comment
from iphr_desk.core.store.repository.letter_lists import _letter_page_query as _letter_page_query
from iphr_desk.core.store.repository.letter_lists import _letter_sort_column as _letter_sort_column
from iphr_desk.core.store.repository.letter_lists import count_letters as count_letters
from iphr_desk.core.store.repository.letter_lists import letter_summaries as letter_summaries
from iphr_desk.core.store.repository.letterheads import add_letterhead_record as add_letterhead_record
from iphr_desk.core.store.repository.letterheads import delete_letterhead_record as delete_letterhead_record
from iphr_desk.core.store.repository.letterheads import list_letterheads as list_letterheads
from iphr_desk.core.store.repository.letters import add_letter as add_letter
from iphr_desk.core.store.repository.letters import add_letters as add_letters
from iphr_desk.core.store.repository.letters import change_status as change_status
from iphr_desk.core.store.repository.letters import empty_trash as empty_trash
from iphr_desk.core.store.repository.letters import find_letter_by_uuid as find_letter_by_uuid
from iphr_desk.core.store.repository.letters import get_letter as get_letter
from iphr_desk.core.store.repository.letters import get_letter_info as get_letter_info
from iphr_desk.core.store.repository.letters import restore_from_trash as restore_from_trash
from iphr_desk.core.store.repository.letters import save_letter as save_letter
from iphr_desk.core.store.repository.letters import status_history as status_history
from iphr_desk.core.store.repository.letters import trash_letter as trash_letter
from iphr_desk.core.store.repository.revisions import get_revision_text as get_revision_text
from iphr_desk.core.store.repository.revisions import list_revisions as list_revisions
from iphr_desk.core.store.repository.revisions import restore_revision as restore_revision
from iphr_desk.core.store.repository.values import CaseData as CaseData
from iphr_desk.core.store.repository.values import CaseDetail as CaseDetail
from iphr_desk.core.store.repository.values import CaseFilter as CaseFilter
from iphr_desk.core.store.repository.values import CaseSummary as CaseSummary
from iphr_desk.core.store.repository.values import CommentInfo as CommentInfo
from iphr_desk.core.store.repository.values import EventData as EventData
from iphr_desk.core.store.repository.values import EventInfo as EventInfo
from iphr_desk.core.store.repository.values import LetterFilter as LetterFilter
from iphr_desk.core.store.repository.values import LetterheadRecord as LetterheadRecord
from iphr_desk.core.store.repository.values import LetterInfo as LetterInfo
from iphr_desk.core.store.repository.values import LetterSummary as LetterSummary
from iphr_desk.core.store.repository.values import PersonData as PersonData
from iphr_desk.core.store.repository.values import PersonInfo as PersonInfo
from iphr_desk.core.store.repository.values import RecipientRecord as RecipientRecord
from iphr_desk.core.store.repository.values import RevisionInfo as RevisionInfo
from iphr_desk.core.store.repository.values import SignatoryRecord as SignatoryRecord
from iphr_desk.core.store.repository.values import StatusChangeInfo as StatusChangeInfo
from iphr_desk.core.vocabularies import CASE_SORT_KEYS as CASE_SORT_KEYS
from iphr_desk.core.vocabularies import CASE_STATUSES as CASE_STATUSES
from iphr_desk.core.vocabularies import LETTER_SORT_KEYS as LETTER_SORT_KEYS
from iphr_desk.core.vocabularies import LETTER_STATUSES as LETTER_STATUSES
from iphr_desk.core.vocabularies import PERSON_ROLES as PERSON_ROLES
from iphr_desk.core.vocabularies import PERSON_SITUATIONS as PERSON_SITUATIONS
from iphr_desk.core.vocabularies import READ_ONLY_STATUSES as READ_ONLY_STATUSES
from iphr_desk.core.vocabularies import STATUSES as STATUSES
from iphr_desk.core.vocabularies import TRANSITIONS as TRANSITIONS
from iphr_desk.core.vocabularies import allowed_transitions as allowed_transitions
from iphr_desk.core.vocabularies import is_read_only as is_read_only

__all__ = [
    "CASE_SORT_KEYS",
    "LETTER_SORT_KEYS",
    "READ_ONLY_STATUSES",
    "STATUSES",
    "TRANSITIONS",
    "CaseData",
    "CaseDetail",
    "CaseFilter",
    "CaseSummary",
    "CommentInfo",
    "EventData",
    "EventInfo",
    "LetterFilter",
    "LetterInfo",
    "LetterSummary",
    "LetterheadRecord",
    "PersonData",
    "PersonInfo",
    "RecipientRecord",
    "RevisionInfo",
    "SignatoryRecord",
    "StatusChangeInfo",
    "StoreError",
]
