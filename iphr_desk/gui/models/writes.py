"""What the forms save: form values turned into the repository's value types, in one place."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from iphr_desk.gui.context import AppContext


def save_case(ctx: AppContext, case_id: int | None, values: dict[str, Any]) -> int:
    """Create or update a case with its people and events; returns the case id.

    People and events are replaced by the form's rows: the form shows all of them, so what it holds is
    the whole truth about the case.
    """
    from iphr_desk.core.store.repository import cases as case_repo
    from iphr_desk.core.store.repository.values import CaseData, EventData, PersonData

    data = CaseData(
        reference=values["reference"],
        title=values["title"],
        country=values["country"],
        status=values["status"],
        region=values.get("region"),
        themes=tuple(values.get("themes", ())),
        summary=values.get("summary", ""),
    )
    if case_id is None:
        case_id = case_repo.add_case(ctx.store, data)
        old_people: tuple[Any, ...] = ()
        old_events: tuple[Any, ...] = ()
    else:
        case_repo.update_case(ctx.store, case_id, data)
        detail = case_repo.get_case_detail(ctx.store, case_id)
        old_people, old_events = detail.people, detail.events
    _sync(
        old_people,
        [PersonData(**person) for person in values.get("people", [])],
        add=lambda d: case_repo.add_person(ctx.store, case_id, d),
        update=lambda i, d: case_repo.update_person(ctx.store, i, d),
        delete=lambda i: case_repo.delete_person(ctx.store, i),
    )
    _sync(
        old_events,
        [EventData(**event) for event in values.get("events", [])],
        add=lambda d: case_repo.add_event(ctx.store, case_id, d),
        update=lambda i, d: case_repo.update_event(ctx.store, i, d),
        delete=lambda i: case_repo.delete_event(ctx.store, i),
    )
    return case_id


def _sync(old: Any, new: list[Any], *, add: Any, update: Any, delete: Any) -> None:
    """Update rows in place by position, add the extra ones, delete the ones the form dropped."""
    old = list(old)
    for position, data in enumerate(new):
        if position < len(old):
            update(old[position].id, data)
        else:
            add(data)
    for row in old[len(new) :]:
        delete(row.id)


def get_record(ctx: AppContext, kind: str, record_id: int) -> Any:
    from iphr_desk.gui.models.records import record_rows

    return next((row for row in record_rows(ctx.store, kind) if row.id == record_id), None)


def save_record(ctx: AppContext, kind: str, record_id: int | None, values: dict[str, Any]) -> int:
    """Create or update a recipient, signatory or letterhead; returns its id."""
    from iphr_desk.core.letters.letter import Recipient, Signatory
    from iphr_desk.core.store.repository import address_book

    if kind == "recipient":
        language = values.pop("language", None)
        recipient = Recipient(**{key: value for key, value in values.items() if value is not None})
        if record_id is None:
            return int(address_book.add_recipient(ctx.store, recipient, language=language))
        address_book.update_recipient(ctx.store, record_id, recipient, language=language)
        return record_id
    if kind == "signatory":
        signatory = Signatory(**values)
        if record_id is None:
            return int(address_book.add_signatory(ctx.store, signatory))
        address_book.update_signatory(ctx.store, record_id, signatory)
        return record_id
    return save_letterhead(ctx, values)


def save_letterhead(ctx: AppContext, values: dict[str, Any]) -> int:
    """Register a letterhead as the CLI does: its Word file is copied into the data folder and checked.

    Editing an existing letterhead without choosing a new file keeps its template and house style.
    """
    from iphr_desk.core.errors import BadInput
    from iphr_desk.core.export import letterhead as lh
    from iphr_desk.core.store.repository import letterheads as letterhead_repo

    name = str(values["name"])
    existing = next((r for r in letterhead_repo.list_letterheads(ctx.store) if r.name == name), None)
    chosen = values.get("template_path")
    template = existing.template_path if existing is not None else None
    house_style: dict[str, Any] = dict(existing.house_style) if existing is not None else {}
    organisation = values.get("organisation") or ""
    address = [line.strip() for line in (values.get("address") or "").splitlines() if line.strip()]
    website = values.get("website")
    if chosen and chosen != template:
        lh.check_name(name)
        lh.read_word_package(Path(chosen))  # refuse a bad file before anything is copied
        template = str(lh.register_letterhead(Path(ctx.data_dir), name, Path(chosen)))
        head = lh.load_letterhead(name, Path(ctx.data_dir))
        house_style = dict(head.house_style)
        organisation = organisation or head.organisation.name
        address = address or list(head.organisation.address_lines)
        website = website or head.organisation.website
    elif existing is None:
        raise BadInput("Choose the organisation's Word letterhead (.docx) for a new letterhead.")
    return int(
        letterhead_repo.add_letterhead_record(
            ctx.store,
            name,
            organisation=organisation,
            address_lines=address,
            website=website,
            house_style=house_style,
            template_path=template,
        )
    )


def delete_record_row(ctx: AppContext, kind: str, record_id: int) -> None:
    from iphr_desk.core.store.repository import address_book
    from iphr_desk.core.store.repository import letterheads as letterhead_repo

    if kind == "recipient":
        address_book.delete_recipient(ctx.store, record_id)
    elif kind == "signatory":
        address_book.delete_signatory(ctx.store, record_id)
    else:
        from iphr_desk.core.errors import BadInput
        from iphr_desk.core.export.letterhead import BUILTIN

        row = get_record(ctx, kind, record_id)
        if row is not None and row.name == BUILTIN:
            raise BadInput("The built-in letterhead cannot be deleted.")
        if row is not None:
            letterhead_repo.delete_letterhead_record(ctx.store, row.name)
