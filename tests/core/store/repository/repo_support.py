"""What the repository tests share: a sample letter and hypothesis strategies for letters."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from hypothesis import strategies as st

from iphr_desk.core.letters.letter import GENDERS, LANGUAGES, OFFICE_IDS, Letter, Recipient, Signatory
from iphr_desk.core.store.database import Store
from iphr_desk.core.store.repository import letters as letter_repo


def make_letter(subject: str = "Detention of a blogger", **changes: object) -> Letter:
    letter = Letter(
        language="en",
        place="Brussels",
        date=dt.date(2024, 3, 14),
        subject=subject,
        recipients=(
            Recipient(
                name="Kassym-Jomart Tokayev",
                surname="Tokayev",
                gender="male",
                office="head_of_state",
                title="President of the Republic of Kazakhstan",
                address="Akorda\nAstana",
            ),
        ),
        signatories=(Signatory(name="Brigitte Dufour", title="Director", organisation="IPHR"),),
        body="We write about *Mr X*.\n\n- one\n- two\n\nSee note.[^1]\n\n[^1]: A footnote.\n",
        cc=("EU Delegation",),
        cases=("KZ-2022-003",),
        letterhead="iphr",
    )
    return replace(letter, **changes)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- round trips

text = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
line = st.text(st.characters(exclude_categories=("Cs", "Cc")), min_size=1, max_size=30)
optional = st.none() | line

recipients = st.builds(
    Recipient,
    name=line,
    surname=optional,
    gender=st.sampled_from(GENDERS),
    office=st.sampled_from(OFFICE_IDS),
    title=optional,
    organisation=optional,
    address=optional,
    salutation=optional,
    closing=optional,
)
signatories = st.builds(Signatory, name=line, title=optional, organisation=optional)
letters = st.builds(
    Letter,
    language=st.sampled_from(LANGUAGES),
    place=line,
    date=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 1, 1)),
    subject=line,
    recipients=st.lists(recipients, min_size=1, max_size=4).map(tuple),
    signatories=st.lists(signatories, min_size=1, max_size=3).map(tuple),
    body=text,
    register=st.sampled_from(("house", "formal")),
    voice=st.sampled_from(("we", "i")),
    cc=st.lists(line, max_size=3).map(tuple),
    cases=st.lists(line, max_size=3).map(tuple),
    letterhead=st.none() | st.sampled_from(("iphr", "partner")),
    batch=st.booleans(),
)


def fill(store: Store, count: int) -> list[int]:
    letters = [
        make_letter(
            subject=f"Letter {i:03d}",
            language=LANGUAGES[i % 4],
            date=dt.date(2024, 1, 1) + dt.timedelta(days=i),
            recipients=(Recipient(name=f"Recipient {i:03d}"), Recipient(name="Second"))[: 1 + (i % 2)],
            cases=(),
        )
        for i in range(count)
    ]
    return letter_repo.add_letters(store, letters, author="bulk")
