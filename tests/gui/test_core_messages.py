"""The core's English error sentences shown in the interface language (issue 16.5): the common errors
(bad letter file, unknown office, read-only folder, damaged database, passphrase, export paths) read
in French and Russian in a dialog, with their values (paths, names) kept, and the core stays without Qt."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QMessageBox

from iphr_desk.core.errors import IphrError
from iphr_desk.gui.core_messages import translate_core_message, translate_error
from iphr_desk.gui.i18n import install_translators, remove_translators

ENGLISH_WORDS = re.compile(
    r"\b(the|folder|is|not|choose|another|passphrase|store|database|damaged|unknown|office|key|"
    r"missing|file|could|write|save|line|use|give|backup|backups)\b",
    re.IGNORECASE,
)


@pytest.fixture(params=["fr", "ru"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    before = QLocale()
    install_translators(qapp, request.param)
    yield request.param
    remove_translators(qapp)
    QLocale.setDefault(before)  # install_translators sets the default locale: the next test must not see it


def real_errors(tmp_path: Path) -> dict[str, IphrError]:
    """The errors the core raises for the common mistakes, raised by the core itself."""
    from iphr_desk.core.letters.letterfile import parse_letter_text
    from iphr_desk.core.protocol import address
    from iphr_desk.core.safewrite import check_output_path
    from iphr_desk.core.store.database import Store

    errors: dict[str, IphrError] = {}

    def catch(name: str, call: Any) -> None:
        try:
            call()
        except IphrError as error:
            errors[name] = error
        else:
            raise AssertionError(f"{name}: no error")

    catch("no front matter", lambda: parse_letter_text("Dear friends\n", "letter.md"))
    catch(
        "missing key",
        lambda: parse_letter_text("---\nlanguage: fr\n---\nBody\n", "letter.md"),
    )
    catch("unknown office", lambda: address.office_label("emperor", "fr"))
    read_only = tmp_path / "read-only"
    read_only.mkdir()
    read_only.chmod(0o500)
    if os.access(read_only, os.W_OK):  # running as root: every folder is writable
        errors["read-only folder"] = IphrError(f"The folder {read_only} is read-only; choose another folder.")
    else:
        catch("read-only folder", lambda: check_output_path(read_only / "letter.docx"))
    catch("missing folder", lambda: check_output_path(tmp_path / "nowhere" / "letter.docx"))
    catch("a folder given as the file", lambda: check_output_path(tmp_path))
    encrypted = tmp_path / "encrypted"
    Store.open(encrypted, passphrase="correct horse").close()
    catch("no passphrase", lambda: Store.open(encrypted))
    catch("wrong passphrase", lambda: Store.open(encrypted, passphrase="wrong"))
    damaged = tmp_path / "damaged"
    damaged.mkdir()
    (damaged / "iphr-desk.sqlite3").write_bytes(b"SQLite format 3\x00" + b"\x00" * 4000)
    try:
        Store.open(damaged).close()
    except IphrError as error:
        errors["damaged database"] = error
    return errors


def test_the_common_core_errors_read_in_the_interface_language(language: str, tmp_path: Path) -> None:
    errors = real_errors(tmp_path)
    assert {"no front matter", "missing key", "unknown office", "read-only folder", "no passphrase"} <= set(
        errors
    )
    for name, error in errors.items():
        english = str(error)
        shown = translate_error(error)
        assert shown != english, f"{name}: not translated: {english}"
        # What is left in English is values only: paths, file names, keys, office ids.
        without_values = re.sub(r"(/\S*|'[^']*'|«[^»]*»|\S+\.md|[\w-]+(, [\w-]+)+|\([^)]*\))", "", shown)
        leftover = ENGLISH_WORDS.findall(without_values)
        assert not leftover, f"{name}: English left in {shown!r}: {leftover}"


def test_values_are_kept_and_sentences_around_them_translated(language: str) -> None:
    text = (
        "Could not save /home/ana/Lettres/lettre.docx: Permission denied. The previous file is unchanged.\n\n"
        "Nothing was overwritten."
    )
    shown = translate_core_message(text)
    assert "/home/ana/Lettres/lettre.docx" in shown
    assert "Permission denied" in shown  # the system's reason, as the system gave it
    assert "The previous file is unchanged" not in shown
    assert shown.endswith("Nothing was overwritten.")  # not a core sentence: left to its own translation


def test_a_letter_file_error_keeps_its_file_and_key_and_translates_line(language: str) -> None:
    shown = translate_core_message("seed.md: line 3: required key is missing")
    assert shown.startswith("seed.md: ")
    assert "required key is missing" not in shown
    assert ("ligne 3" if language == "fr" else "строка 3") in shown


def test_english_is_left_as_the_core_wrote_it(qapp: QApplication) -> None:
    before = QLocale()
    install_translators(qapp, "en")
    try:
        text = "The folder /tmp/x is read-only; choose another folder."
        assert translate_core_message(text) == text
        assert translate_core_message("seed.md: line 3: required key is missing") == (
            "seed.md: line 3: required key is missing"
        )
    finally:
        remove_translators(qapp)
        QLocale.setDefault(before)


def test_the_error_dialog_shows_the_translation(
    language: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from iphr_desk.gui.services import Services

    shown: list[tuple[str, str]] = []

    def capture(box: QMessageBox) -> int:
        shown.append((box.text(), box.detailedText()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", capture)
    Services().error(None, "Export", "The folder /tmp/x is read-only; choose another folder.", "line 2")
    text, details = shown[0]
    assert text.startswith("Le dossier /tmp/x" if language == "fr" else "Папка /tmp/x")
    assert details == "line 2"  # "line 2" alone is not a letter-file location: left as given


def test_every_template_has_its_translation_and_placeholders(language: str) -> None:
    from iphr_desk.gui import core_messages

    for english, translated in core_messages._templates():
        text = translated()
        assert text != english.replace("{}", "%1"), f"untranslated: {english}"
        for number in range(1, english.count("{}") + 1):
            assert f"%{number}" in text, (english, text)
