"""Letterhead records: what the store knows of the letterheads kept as files in the data folder.

The files themselves are handled by `iphr_desk.core.export.letterhead`; this is only their catalogue.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from iphr_desk.core.store.repository._common import _now, _require
from iphr_desk.core.store.repository.values import LetterheadRecord

if TYPE_CHECKING:
    from iphr_desk.core.store import models as m
    from iphr_desk.core.store.database import Store


def _letterhead_record(row: m.Letterhead) -> LetterheadRecord:
    return LetterheadRecord(
        id=row.id,
        name=row.name,
        organisation=row.organisation,
        address_lines=tuple(line for line in (row.address or "").splitlines() if line.strip()),
        website=row.website,
        house_style=dict(row.house_style or {}),
        template_path=row.template_path,
    )


def add_letterhead_record(
    store: Store,
    name: str,
    *,
    organisation: str = "",
    address_lines: Sequence[str] = (),
    website: str | None = None,
    house_style: Mapping[str, Any] | None = None,
    template_path: str | None = None,
) -> int:
    """Record a letterhead (its files live in the data folder; see `letterhead.register_letterhead`).

    Registering a name again updates the record, so re-registering a letterhead is idempotent.
    """
    from sqlalchemy import select

    _require(bool(name.strip()), "A letterhead needs a name.")
    from iphr_desk.core.store import models as mm

    with store.session() as session:
        row = session.scalar(select(mm.Letterhead).where(mm.Letterhead.name == name))
        if row is None:
            row = mm.Letterhead(name=name, created_at=_now())
            session.add(row)
        row.organisation = organisation
        row.address = "\n".join(address_lines)
        row.website = website
        row.house_style = dict(house_style or {})
        row.template_path = template_path
        session.flush()
        return row.id


def list_letterheads(store: Store) -> list[LetterheadRecord]:
    from sqlalchemy import select

    from iphr_desk.core.store import models as mm

    with store.read_session() as session:
        return [
            _letterhead_record(row)
            for row in session.scalars(select(mm.Letterhead).order_by(mm.Letterhead.name))
        ]


def delete_letterhead_record(store: Store, name: str) -> None:
    from sqlalchemy import delete

    from iphr_desk.core.store import models as mm

    with store.session() as session:
        session.execute(delete(mm.Letterhead).where(mm.Letterhead.name == name))
