"""The demo data (`iphr-desk demo`): fictional Central Asian cases, five letters, an address book.

The data lives in `resources/demo/` as YAML and letter files, so it can be read and corrected without
touching code. Loading is idempotent: cases are recognised by reference code, letters by the fixed
UUID of `letters.yaml`, recipients by name and office, signatories by name and organisation, the
letterhead by name. Running it twice adds nothing the second time, and running it after the user
edited a demo letter leaves the edit alone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from iphr_desk.core.errors import IphrError
from iphr_desk.core.letters.letter import Recipient, Signatory, normal_titles
from iphr_desk.core.letters.letterfile import parse_iso_date, parse_letter_file
from iphr_desk.resources import resource

if TYPE_CHECKING:
    from iphr_desk.core.store.database import Store

DEMO_AUTHOR = "demo"


class DemoDataError(IphrError):
    """The shipped demo files are damaged (a packaging fault, not the user's)."""


@dataclass
class DemoResult:
    """What one run added, and how much was already there."""

    added: dict[str, int] = field(default_factory=dict)
    present: dict[str, int] = field(default_factory=dict)

    def count(self, kind: str, added: bool) -> None:
        target = self.added if added else self.present
        target[kind] = target.get(kind, 0) + 1

    def summary(self) -> str:
        kinds = ("cases", "letters", "recipients", "signatories", "letterheads")
        added = ", ".join(f"{self.added.get(k, 0)} {k}" for k in kinds)
        present = sum(self.present.values())
        return f"demo data: added {added}; {present} items were already there"


def demo_dir() -> Path:
    return resource("demo")


def _read_yaml(name: str) -> dict[str, Any]:
    path = demo_dir() / name
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DemoDataError(f"{path}: the demo data cannot be read ({exc}).") from exc
    if not isinstance(data, dict):
        raise DemoDataError(f"{path}: the demo data is not a mapping.")
    return data


def load_demo(store: Store) -> DemoResult:
    """Add whatever part of the demo data the store does not hold yet.

    Two loads at once (the window's button and `iphr-desk demo`, or two commands) would both find a case
    missing and both add it: one load runs at a time per data folder, the next finds everything there.
    """
    import contextlib

    from iphr_desk.core.store import folderlock

    result = DemoResult()
    held = folderlock.acquire(store.data_dir, exclusive=True, timeout=DEMO_WAIT_S, name=DEMO_LOCK)
    with held or contextlib.nullcontext():
        _load_letterhead(store, result)
        _load_cases(store, result)
        _load_letters(store, result)
        _load_recipients(store, result)
        _load_signatories(store, result)
    return result


DEMO_LOCK = ".iphr-desk-demo.lock"
DEMO_WAIT_S = 120.0


def _load_cases(store: Store, result: DemoResult) -> None:
    from iphr_desk.core.store.repository import cases as case_repo
    from iphr_desk.core.store.repository.values import CaseData, EventData, PersonData

    for case in _read_yaml("cases.yaml")["cases"]:
        if case_repo.find_case(store, case["reference"]) is not None:
            result.count("cases", added=False)
            continue
        case_id = case_repo.add_case(
            store,
            CaseData(
                reference=case["reference"],
                title=case["title"],
                country=case["country"],
                status=case.get("status", "open"),
                region=case.get("region"),
                themes=tuple(case.get("themes", ())),
                summary=case.get("summary", ""),
            ),
        )
        for person in case.get("people", ()):
            case_repo.add_person(
                store,
                case_id,
                PersonData(
                    name=person["name"],
                    role=person.get("role", "other"),
                    situation=person.get("situation", "other"),
                    at_risk=bool(person.get("at_risk", False)),
                ),
            )
        for event in case.get("events", ()):
            case_repo.add_event(
                store,
                case_id,
                EventData(
                    date=_date(event["date"], case["reference"]),
                    description=event["description"],
                    source_url=event.get("source"),
                ),
            )
        result.count("cases", added=True)


def _date(value: object, where: str) -> dt.date:
    if isinstance(value, dt.date):
        return value

    def fail(problem: str) -> Exception:
        return DemoDataError(f"demo case {where}: {problem}")

    return parse_iso_date(str(value), fail)


def _load_letters(store: Store, result: DemoResult) -> None:
    from iphr_desk.core.store.repository import letters as letter_repo

    folder = demo_dir() / "letters"
    for entry in _read_yaml("letters.yaml")["letters"]:
        if letter_repo.find_letter_by_uuid(store, entry["uuid"]) is not None:
            result.count("letters", added=False)
            continue
        letter = parse_letter_file(folder / entry["file"])
        letter_repo.add_letter(
            store,
            letter,
            author=DEMO_AUTHOR,
            reason="demo data",
            status=entry.get("status", "draft"),
            uuid=entry["uuid"],
        )
        result.count("letters", added=True)


def _load_recipients(store: Store, result: DemoResult) -> None:
    from iphr_desk.core.store.repository import address_book

    known = {(r.recipient.name, r.recipient.office) for r in address_book.list_recipients(store)}
    for item in _read_yaml("recipients.yaml")["recipients"]:
        values = dict(item)
        language = values.pop("language", None)
        recipient = Recipient(**values)
        if (recipient.name, recipient.office) in known:
            result.count("recipients", added=False)
            continue
        address_book.add_recipient(store, recipient, language=language)
        known.add((recipient.name, recipient.office))
        result.count("recipients", added=True)


def _load_signatories(store: Store, result: DemoResult) -> None:
    from iphr_desk.core.store.repository import address_book

    known = {(s.signatory.name, s.signatory.organisation) for s in address_book.list_signatories(store)}
    for item in _read_yaml("signatories.yaml")["signatories"]:
        signatory = Signatory(**{**item, "titles": normal_titles(item.get("titles"))})
        if (signatory.name, signatory.organisation) in known:
            result.count("signatories", added=False)
            continue
        address_book.add_signatory(store, signatory)
        known.add((signatory.name, signatory.organisation))
        result.count("signatories", added=True)


def _load_letterhead(store: Store, result: DemoResult) -> None:
    """The record of the built-in letterhead, from the same profile the exporter reads."""
    from iphr_desk.core.export.letterhead import BUILTIN, load_letterhead
    from iphr_desk.core.store.repository import letterheads as letterhead_repo

    if any(record.name == BUILTIN for record in letterhead_repo.list_letterheads(store)):
        result.count("letterheads", added=False)
        return
    head = load_letterhead(BUILTIN)
    letterhead_repo.add_letterhead_record(
        store,
        BUILTIN,
        organisation=head.organisation.name,
        address_lines=head.organisation.address_lines,
        website=head.organisation.website,
        house_style=dict(head.house_style),
        template_path=str(head.template),
    )
    result.count("letterheads", added=True)
