"""What the exchange-package tests share: two data folders, a letter, a sync without the cipher, a hash
of every row (the idempotence check)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from iphr_desk.core.exchange.package import build_manifest, check_manifest
from iphr_desk.core.exchange.package_merge import MergeReport, merge_manifest
from iphr_desk.core.letters.letter import Letter, Recipient, Signatory
from iphr_desk.core.store.database import Store

PASSPHRASE = "correct horse battery staple"


def make_letter(subject: str = "Detention of a blogger", body: str = "") -> Letter:
    return Letter(
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
            ),
        ),
        signatories=(Signatory(name="Brigitte Dufour", title="Director", organisation="IPHR"),),
        body=body or "First paragraph.\n\nSecond paragraph.\n\nThird paragraph.\n",
        cases=("KZ-2022-003",),
    )


def sync(source: Store, target: Store, letter_ids: list[int], *, with_cases: bool = False) -> MergeReport:
    """A package from `source` merged into `target`, through JSON as on disk, without the (slow) cipher."""
    manifest = build_manifest(source, letter_ids, with_cases=with_cases, author="packer")
    checked = check_manifest(json.loads(json.dumps(manifest, ensure_ascii=False)))
    return merge_manifest(target, checked, author="merger")


def rows_hash(store: Store) -> str:
    """A hash of every row of every table: equal before and after means nothing changed."""
    digest = hashlib.sha256()
    with store.read_session() as session:
        conn = session.connection()
        names = [
            r[0]
            for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        ]
        for name in names:
            digest.update(name.encode())
            for row in sorted(repr(tuple(r)) for r in conn.exec_driver_sql(f'SELECT * FROM "{name}"')):
                digest.update(row.encode())
    return digest.hexdigest()


def uuids(store: Store, table: str, letter_uuid: str) -> set[Any]:
    conn = store.raw_connection()
    try:
        return {
            r[0]
            for r in conn.execute(
                f"SELECT t.uuid FROM {table} AS t JOIN letters AS l ON l.id = t.letter_id WHERE l.uuid = ?",
                (letter_uuid,),
            )
        }
    finally:
        conn.close()


def dumps(value: object) -> str:
    return json.dumps(value, sort_keys=True, default=str)
