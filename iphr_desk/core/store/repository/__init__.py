"""What the CLI and the GUI do with the store: plain functions taking a `Store`, returning plain values.

Callers never see ORM objects (they would drag sessions and lazy loads into the GUI thread); they get
`iphr_desk.core.letters.letter` values, the frozen summaries and details of `values`, and `IphrError`s
with one plain sentence. List pages are windows of rows: one SELECT per page with the first recipient's name
joined in, and a separate COUNT, so a 100,000-letter store costs what a 100-letter page costs.

The review workflow is data (`iphr_desk.core.vocabularies.TRANSITIONS`); letters in `READ_ONLY_STATUSES`
refuse edits until reopened.
Every status change and every save point stores a revision: the whole letter as letter-file text.

Callers import the module that owns what they need (`from iphr_desk.core.store.repository import letters
as letter_repo`); one module per concern:

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
