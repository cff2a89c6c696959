"""The encrypted store: nothing readable left in the data folder, passphrase checks, re-keying."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from iphr_desk.core.errors import BadInput, DatabaseLockedError, PassphraseError
from iphr_desk.core.letters.letter import Letter, Recipient, Signatory
from iphr_desk.core.store import backup, crypto, search
from iphr_desk.core.store.database import Store
from iphr_desk.core.store.repository import cases as case_repo
from iphr_desk.core.store.repository import letter_lists
from iphr_desk.core.store.repository import letters as letter_repo
from iphr_desk.core.store.repository.values import CaseData, PersonData

PHRASE = "Zhanbolat-Quillfeather"
PASSPHRASE = "correct horse 'battery' staple"


def secret_letter(subject: str = f"Release of {PHRASE}") -> Letter:
    return Letter(
        language="en",
        place="Brussels",
        date=dt.date(2024, 3, 14),
        subject=subject,
        recipients=(Recipient(name=f"Judge {PHRASE}"),),
        signatories=(Signatory(name="Brigitte Dufour"),),
        body=f"We ask for the release of {PHRASE}.\n",
    )


def files_containing(folder: Path, needle: str) -> list[Path]:
    data = needle.encode("utf-8")
    return sorted(p for p in folder.rglob("*") if p.is_file() and data in p.read_bytes())


def _plain_store_with_secret(folder: Path) -> None:
    with Store.open(folder) as store:
        letter_repo.add_letter(store, secret_letter(), author="t")
        case_id = case_repo.add_case(store, CaseData(reference="KZ-1", title="Case", country="KZ"))
        case_repo.add_person(store, case_id, PersonData(name=PHRASE))
        backup.create_backup(store)


def test_after_encryption_the_phrase_is_in_no_file_of_the_data_folder(tmp_path: Path) -> None:
    _plain_store_with_secret(tmp_path)
    assert files_containing(tmp_path, PHRASE)  # the check can see plain text when it is there
    crypto.encrypt_store(tmp_path, PASSPHRASE)
    assert files_containing(tmp_path, PHRASE) == []
    assert crypto.is_encrypted(tmp_path / "iphr-desk.sqlite3")
    assert all(crypto.is_encrypted(info.path) for info in backup.list_backups(tmp_path))
    with Store.open(tmp_path, passphrase=PASSPHRASE) as store:
        assert store.encrypted
        assert [s.subject for s in letter_lists.letter_summaries(store)] == [f"Release of {PHRASE}"]
        assert len(search.search_letters(store, "quillfeather")) == 1
        letter_repo.add_letter(store, secret_letter("Second letter"), author="t")  # lands in the WAL
        backup.create_backup(store)
        assert files_containing(tmp_path, PHRASE) == []
        assert files_containing(tmp_path, "Second letter") == []
    assert files_containing(tmp_path, PHRASE) == []
    assert files_containing(tmp_path, PASSPHRASE) == []
    leftovers = [p.name for p in tmp_path.rglob("*") if "encrypting" in p.name or "plain-old" in p.name]
    assert leftovers == []
    assert all(backup.verify_backup(info.path, PASSPHRASE) for info in backup.list_backups(tmp_path))


def test_a_missing_or_wrong_passphrase_is_a_clear_error_and_changes_nothing(tmp_path: Path) -> None:
    _plain_store_with_secret(tmp_path)
    crypto.encrypt_store(tmp_path, PASSPHRASE)
    db = tmp_path / "iphr-desk.sqlite3"
    before = db.read_bytes()
    with pytest.raises(PassphraseError, match="encrypted"):
        Store.open(tmp_path)
    with pytest.raises(PassphraseError, match=r"passphrase .* is wrong"):
        Store.open(tmp_path, passphrase="not it")
    assert db.read_bytes() == before


def test_a_new_store_opened_with_a_passphrase_is_encrypted(tmp_path: Path) -> None:
    with Store.open(tmp_path, passphrase=PASSPHRASE) as store:
        letter_repo.add_letter(store, secret_letter(), author="t")
    assert crypto.is_encrypted(tmp_path / "iphr-desk.sqlite3")
    assert files_containing(tmp_path, PHRASE) == []


def test_a_store_in_use_by_another_program_is_not_converted(tmp_path: Path) -> None:
    _plain_store_with_secret(tmp_path)
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD_STORE, str(tmp_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        with pytest.raises(DatabaseLockedError, match="open in another IPHR Desk window"):
            crypto.encrypt_store(tmp_path, PASSPHRASE)
        assert not crypto.is_encrypted(tmp_path / "iphr-desk.sqlite3")
    finally:
        holder.communicate("", timeout=60)
    crypto.encrypt_store(tmp_path, PASSPHRASE)
    assert crypto.is_encrypted(tmp_path / "iphr-desk.sqlite3")


_HOLD_STORE = """
import sys
from iphr_desk.core.store.repository import cases as case_repo
from iphr_desk.core.store.repository import letter_lists
from iphr_desk.core.store.repository import letters as letter_repo
from iphr_desk.core.store.repository.values import CaseData, PersonData
from iphr_desk.core.store.database import Store
store = Store.open(sys.argv[1], daily_backup=False)
letter_lists.count_letters(store)
print("open", flush=True)
sys.stdin.read()
store.close()
"""


def test_encrypting_twice_or_with_an_empty_passphrase_is_refused(tmp_path: Path) -> None:
    _plain_store_with_secret(tmp_path)
    with pytest.raises(BadInput, match="cannot be empty"):
        crypto.encrypt_store(tmp_path, "  ")
    assert not crypto.is_encrypted(tmp_path / "iphr-desk.sqlite3")
    crypto.encrypt_store(tmp_path, PASSPHRASE)
    with pytest.raises(BadInput, match="already encrypted"):
        crypto.encrypt_store(tmp_path, PASSPHRASE)


def test_changing_the_passphrase_rekeys_the_store_and_its_backups(tmp_path: Path) -> None:
    _plain_store_with_secret(tmp_path)
    crypto.encrypt_store(tmp_path, PASSPHRASE)
    with Store.open(tmp_path, passphrase=PASSPHRASE) as store:
        with pytest.raises(PassphraseError, match="current passphrase is wrong"):
            crypto.change_passphrase(store, "guess", "new one")
        crypto.change_passphrase(store, PASSPHRASE, "new one")
        assert letter_lists.count_letters(store) == 1  # still open, now with the new key
    with pytest.raises(PassphraseError):
        Store.open(tmp_path, passphrase=PASSPHRASE)
    with Store.open(tmp_path, passphrase="new one") as store:
        assert letter_repo.get_letter(store, 1) == secret_letter()
    assert all(backup.verify_backup(info.path, "new one") for info in backup.list_backups(tmp_path))
    assert files_containing(tmp_path, "new one") == []


def test_copies_kept_aside_by_a_restore_are_encrypted_too(tmp_path: Path) -> None:
    _plain_store_with_secret(tmp_path)
    kept = backup.restore_backup(tmp_path)  # the newest; the current file is kept aside, in plain text
    assert PHRASE.encode() in kept.read_bytes()
    damaged = tmp_path / "iphr-desk.sqlite3.corrupt-20240101-000000"
    damaged.write_bytes(b"SQLite format 3\x00" + PHRASE.encode() + b"\x00" * 5000)
    crypto.encrypt_store(tmp_path, PASSPHRASE)
    assert crypto.is_encrypted(kept)
    assert files_containing(tmp_path, PHRASE) == [damaged]  # unreadable: kept, and reported
    assert crypto.plain_leftovers(tmp_path) == [damaged]
