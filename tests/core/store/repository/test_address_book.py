"""The address book and letterhead records: recipients, signatories, letterheads."""

from __future__ import annotations

from dataclasses import replace

import pytest

from iphr_desk.core.errors import BadInput
from iphr_desk.core.letters.letter import Recipient, Signatory
from iphr_desk.core.store.database import Store
from iphr_desk.core.store.repository import address_book
from iphr_desk.core.store.repository import letterheads as letterhead_repo
from iphr_desk.core.store.repository.values import (
    RecipientRecord,
    SignatoryRecord,
)


def test_recipients_signatories_and_letterheads(store: Store) -> None:
    who = Recipient(name="Kaja Kallas", gender="female", office="eu_high_representative", organisation="EEAS")
    rid = address_book.add_recipient(store, who, language="en")
    assert address_book.get_recipient(store, rid) == RecipientRecord(rid, who, "en")
    address_book.update_recipient(store, rid, replace(who, title="High Representative"), language="fr")
    assert [r.recipient.title for r in address_book.list_recipients(store, language="fr")] == [
        "High Representative"
    ]
    with pytest.raises(BadInput, match="Unknown office 'presidnet'"):
        address_book.add_recipient(store, Recipient(name="X", office="presidnet"))
    sid = address_book.add_signatory(store, Signatory(name="Brigitte Dufour", title="Director"))
    assert address_book.list_signatories(store) == [
        SignatoryRecord(sid, Signatory("Brigitte Dufour", "Director"))
    ]
    address_book.delete_recipient(store, rid)
    assert address_book.list_recipients(store) == []
    first = letterhead_repo.add_letterhead_record(
        store, "partner", organisation="Partner NGO", address_lines=("Street 1",)
    )
    again = letterhead_repo.add_letterhead_record(
        store, "partner", organisation="Partner NGO", website="https://p.example"
    )
    assert first == again
    [record] = letterhead_repo.list_letterheads(store)
    assert (record.name, record.organisation, record.website, record.address_lines) == (
        "partner",
        "Partner NGO",
        "https://p.example",
        (),
    )
