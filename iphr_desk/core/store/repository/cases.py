"""Cases: their people and events, the case list, and links between letters and cases.

Letters name cases by reference code, and a case created or renamed later is linked to the letters
that already named it: case writes and letter-case links share that bookkeeping, so they live together.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any, Final, cast

from iphr_desk.core.errors import BadInput
from iphr_desk.core.store.repository._common import _get, _live_letter, _now, _require
from iphr_desk.core.store.repository.letter_lists import letter_summaries
from iphr_desk.core.store.repository.letters import _resolve_case
from iphr_desk.core.store.repository.values import (
    CaseData,
    CaseDetail,
    CaseFilter,
    CaseSummary,
    EventData,
    EventInfo,
    LetterFilter,
    PersonData,
    PersonInfo,
)
from iphr_desk.core.vocabularies import (
    CASE_SORT_KEYS,
    CASE_STATUSES,
    PERSON_ROLES,
    PERSON_SITUATIONS,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from iphr_desk.core.store import models as m
    from iphr_desk.core.store.database import Store


def _check_case(data: CaseData) -> None:
    _require(bool(data.reference.strip()), "A case needs a reference code.")
    _require(bool(data.title.strip()), "A case needs a title.")
    _require(
        len(data.country) == 2 and data.country.isalpha() and data.country.isupper(),
        f"'{data.country}' is not an ISO 3166 country code (two capital letters such as KZ).",
    )
    _require(data.status in CASE_STATUSES, f"Unknown case status '{data.status}'.")


def _fill_case_row(session: Session, row: m.Case, data: CaseData) -> None:
    from sqlalchemy import select

    from iphr_desk.core.store import models as mm

    with session.no_autoflush:
        clash = session.scalar(select(mm.Case.id).where(mm.Case.reference == data.reference.strip()))
    if clash is not None and clash != row.id:
        raise BadInput(f"There is already a case with the reference {data.reference}.")
    row.reference = data.reference.strip()
    row.title = data.title.strip()
    row.country = data.country
    row.region = data.region
    row.status = data.status
    row.summary = data.summary
    themes = list(dict.fromkeys(t.strip() for t in data.themes if t.strip()))
    if themes != [t.theme for t in row.themes]:
        row.themes.clear()
        session.flush()
        row.themes.extend(mm.CaseTheme(theme=t, position=i) for i, t in enumerate(themes))


def _relink_dangling_references(session: Session, case: m.Case) -> None:
    """Letters that named this case before it existed get linked now."""
    from sqlalchemy import or_, update

    from iphr_desk.core.store import models as mm

    session.execute(
        update(mm.LetterCase)
        .where(mm.LetterCase.case_id.is_(None))
        .where(or_(mm.LetterCase.reference == case.reference, mm.LetterCase.reference == str(case.id)))
        .values(case_id=case.id)
    )


def add_case(store: Store, data: CaseData) -> int:
    from iphr_desk.core.store import models as mm

    _check_case(data)
    with store.session() as session:
        now = _now()
        row = mm.Case(created_at=now, updated_at=now)
        _fill_case_row(session, row, data)
        session.add(row)
        session.flush()
        _relink_dangling_references(session, row)
        return row.id


def update_case(store: Store, case_id: int, data: CaseData) -> None:
    from iphr_desk.core.store import models as mm

    _check_case(data)
    with store.session() as session:
        row = _get(session, mm.Case, case_id, "case")
        _fill_case_row(session, row, data)
        row.updated_at = _now()
        session.flush()
        _relink_dangling_references(session, row)


def delete_case(store: Store, case_id: int) -> None:
    """Delete a case with its people and events; letters keep their `cases:` text, unlinked."""
    from iphr_desk.core.store import models as mm

    with store.session() as session:
        session.delete(_get(session, mm.Case, case_id, "case"))


def find_case(store: Store, reference: str) -> int | None:
    """The id of the case with this reference code, if any."""
    from sqlalchemy import select

    from iphr_desk.core.store import models as mm

    with store.read_session() as session:
        return cast("int | None", session.scalar(select(mm.Case.id).where(mm.Case.reference == reference)))


def _case_filter_clauses(filters: CaseFilter) -> list[Any]:
    from sqlalchemy import select

    from iphr_desk.core.store import models as mm
    from iphr_desk.core.store import search

    clauses: list[Any] = []
    if filters.country:
        clauses.append(mm.Case.country == filters.country)
    if filters.status:
        clauses.append(mm.Case.status == filters.status)
    if filters.theme:
        clauses.append(
            mm.Case.id.in_(select(mm.CaseTheme.case_id).where(mm.CaseTheme.theme == filters.theme))
        )
    if filters.text and filters.text.strip():
        clauses.append(search.case_match_clause(filters.text))
    return clauses


def _case_sort_column(sort: str | None) -> Any:
    from iphr_desk.core.store import models as mm

    columns = {
        "updated": mm.Case.updated_at,
        "updated_at": mm.Case.updated_at,
        "created": mm.Case.created_at,
        "created_at": mm.Case.created_at,
        "reference": mm.Case.reference,
        "title": mm.Case.title,
        "country": mm.Case.country,
        "region": mm.Case.region,
        "status": mm.Case.status,
        "id": mm.Case.id,
    }
    key = sort or "updated"
    if key not in columns:
        raise BadInput(f"Cases cannot be sorted by '{key}' (use one of: {', '.join(CASE_SORT_KEYS)}).")
    return columns[key]


_THEME_SEPARATOR: Final = "\x1f"


def case_summaries(
    store: Store,
    *,
    offset: int = 0,
    limit: int | None = None,
    filters: CaseFilter | None = None,
    sort: str | None = "reference",
    descending: bool = False,
) -> list[CaseSummary]:
    """One page of the case list in a single query (themes and counts as correlated subqueries)."""
    from sqlalchemy import func, select

    from iphr_desk.core.store import models as mm

    themes = (
        select(func.aggregate_strings(mm.CaseTheme.theme, _THEME_SEPARATOR))
        .where(mm.CaseTheme.case_id == mm.Case.id)
        .correlate(mm.Case)
        .scalar_subquery()
    )
    people = (
        select(func.count(mm.Person.id))
        .where(mm.Person.case_id == mm.Case.id)
        .correlate(mm.Case)
        .scalar_subquery()
    )
    at_risk = (
        select(func.count(mm.Person.id))
        .where(mm.Person.case_id == mm.Case.id, mm.Person.at_risk.is_(True))
        .correlate(mm.Case)
        .scalar_subquery()
    )
    letters = (
        select(func.count(func.distinct(mm.LetterCase.letter_id)))
        .join(mm.Letter, mm.Letter.id == mm.LetterCase.letter_id)
        .where(mm.LetterCase.case_id == mm.Case.id, mm.Letter.deleted_at.is_(None))
        .correlate(mm.Case)
        .scalar_subquery()
    )
    order = _case_sort_column(sort)
    query = (
        select(
            mm.Case.id,
            mm.Case.reference,
            mm.Case.title,
            mm.Case.country,
            mm.Case.region,
            mm.Case.status,
            themes,
            people,
            at_risk,
            letters,
            mm.Case.created_at,
            mm.Case.updated_at,
        )
        .where(*_case_filter_clauses(filters or CaseFilter()))
        .order_by(
            order.desc() if descending else order.asc(), mm.Case.id.desc() if descending else mm.Case.id
        )
        .offset(max(0, offset))
    )
    if limit is not None:
        query = query.limit(max(0, limit))
    with store.read_session() as session:
        return [
            CaseSummary(
                id=row[0],
                reference=row[1],
                title=row[2],
                country=row[3],
                region=row[4],
                status=row[5],
                themes=tuple(sorted(row[6].split(_THEME_SEPARATOR))) if row[6] else (),
                people_count=row[7],
                at_risk_count=row[8],
                letter_count=row[9],
                created_at=row[10],
                updated_at=row[11],
            )
            for row in session.execute(query)
        ]


def count_cases(store: Store, filters: CaseFilter | None = None) -> int:
    from sqlalchemy import func, select

    from iphr_desk.core.store import models as mm

    query = select(func.count(mm.Case.id)).where(*_case_filter_clauses(filters or CaseFilter()))
    with store.read_session() as session:
        return int(session.scalar(query) or 0)


def list_themes(store: Store) -> list[str]:
    """Every theme in use, for a filter menu."""
    from sqlalchemy import select

    from iphr_desk.core.store import models as mm

    with store.read_session() as session:
        return list(session.scalars(select(mm.CaseTheme.theme).distinct().order_by(mm.CaseTheme.theme)))


def list_countries(store: Store) -> list[str]:
    from sqlalchemy import select

    from iphr_desk.core.store import models as mm

    with store.read_session() as session:
        return list(session.scalars(select(mm.Case.country).distinct().order_by(mm.Case.country)))


def _person_info(p: m.Person) -> PersonInfo:
    return PersonInfo(
        id=p.id,
        case_id=p.case_id,
        name=p.name,
        role=p.role,
        situation=p.situation,
        at_risk=p.at_risk,
        notes=p.notes,
    )


def _event_info(e: m.CaseEvent) -> EventInfo:
    return EventInfo(
        id=e.id, case_id=e.case_id, date=e.date, description=e.description, source_url=e.source_url
    )


def get_case_detail(store: Store, case_id: int) -> CaseDetail:
    """A case with its people, events (by date) and linked letters (live ones, newest first)."""

    from iphr_desk.core.store import models as mm

    with store.read_session() as session:
        row = _get(session, mm.Case, case_id, "case")
        detail = CaseDetail(
            id=row.id,
            reference=row.reference,
            title=row.title,
            country=row.country,
            region=row.region,
            status=row.status,
            themes=tuple(t.theme for t in row.themes),
            summary=row.summary,
            created_at=row.created_at,
            updated_at=row.updated_at,
            people=tuple(_person_info(p) for p in row.people),
            events=tuple(_event_info(e) for e in row.events),
        )
    letters = letter_summaries(store, filters=LetterFilter(case_id=case_id), sort="date", descending=True)
    return replace(detail, letters=tuple(letters))


def _check_person(data: PersonData) -> None:
    _require(bool(data.name.strip()), "A person needs a name.")
    _require(
        data.role in PERSON_ROLES, f"Unknown role '{data.role}' (use one of: {', '.join(PERSON_ROLES)})."
    )
    _require(
        data.situation in PERSON_SITUATIONS,
        f"Unknown situation '{data.situation}' (use one of: {', '.join(PERSON_SITUATIONS)}).",
    )


def add_person(store: Store, case_id: int, data: PersonData) -> int:
    from sqlalchemy import func, select

    _check_person(data)
    from iphr_desk.core.store import models as mm

    with store.session() as session:
        case = _get(session, mm.Case, case_id, "case")
        position = session.scalar(
            select(func.coalesce(func.max(mm.Person.position) + 1, 0)).where(mm.Person.case_id == case_id)
        )
        row = mm.Person(case_id=case_id, position=position or 0, **data.__dict__)
        session.add(row)
        case.updated_at = _now()
        session.flush()
        return row.id


def update_person(store: Store, person_id: int, data: PersonData) -> None:
    from iphr_desk.core.store import models as mm

    _check_person(data)
    with store.session() as session:
        row = _get(session, mm.Person, person_id, "person")
        for key, value in data.__dict__.items():
            setattr(row, key, value)
        row.case.updated_at = _now()


def delete_person(store: Store, person_id: int) -> None:
    from iphr_desk.core.store import models as mm

    with store.session() as session:
        row = _get(session, mm.Person, person_id, "person")
        row.case.updated_at = _now()
        session.delete(row)


def add_event(store: Store, case_id: int, data: EventData) -> int:
    _require(bool(data.description.strip()), "An event needs a description.")
    from iphr_desk.core.store import models as mm

    with store.session() as session:
        case = _get(session, mm.Case, case_id, "case")
        row = mm.CaseEvent(case_id=case_id, **data.__dict__)
        session.add(row)
        case.updated_at = _now()
        session.flush()
        return row.id


def update_event(store: Store, event_id: int, data: EventData) -> None:
    from iphr_desk.core.store import models as mm

    _require(bool(data.description.strip()), "An event needs a description.")
    with store.session() as session:
        row = _get(session, mm.CaseEvent, event_id, "event")
        for key, value in data.__dict__.items():
            setattr(row, key, value)
        row.case.updated_at = _now()


def delete_event(store: Store, event_id: int) -> None:
    from iphr_desk.core.store import models as mm

    with store.session() as session:
        row = _get(session, mm.CaseEvent, event_id, "event")
        row.case.updated_at = _now()
        session.delete(row)


def link_letter_case(store: Store, letter_id: int, case_id: int) -> None:
    """Add the case to the letter's `cases:` (by its reference code); linking twice changes nothing."""
    from iphr_desk.core.store import models as mm

    with store.session() as session:
        row = _live_letter(session, letter_id)
        case = _get(session, mm.Case, case_id, "case")
        if any(link.case_id == case_id for link in row.case_links):
            return
        position = max((link.position for link in row.case_links), default=-1) + 1
        row.case_links.append(mm.LetterCase(position=position, reference=case.reference, case_id=case_id))
        row.updated_at = _now()


def unlink_letter_case(store: Store, letter_id: int, case_id: int) -> None:
    with store.session() as session:
        row = _live_letter(session, letter_id)
        kept = [link for link in row.case_links if link.case_id != case_id]
        if len(kept) == len(row.case_links):
            return
        references = [link.reference for link in kept]
        row.case_links.clear()
        session.flush()
        from iphr_desk.core.store import models as mm

        row.case_links.extend(
            mm.LetterCase(position=i, reference=ref, case_id=_resolve_case(session, ref))
            for i, ref in enumerate(references)
        )
        row.updated_at = _now()
