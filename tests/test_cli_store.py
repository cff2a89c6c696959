"""The command line against a real store and the real exporter."""

from __future__ import annotations

import re
import sys
import zipfile
from pathlib import Path

import pytest

from iphr_desk.cli import main
from iphr_desk.core.paths import db_path_for

ROOT = Path(__file__).resolve().parent.parent
LETTERS = ROOT / "tests" / "data" / "letters"
SAMPLE = LETTERS / "fr_pre_visit.md"
BATCH = LETTERS / "batch_three.md"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str], list[str]]:
    status = main(list(argv))
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return status, captured.out.splitlines(), captured.err.splitlines()


def document_text(path: Path) -> str:
    with zipfile.ZipFile(path) as package:
        return package.read("word/document.xml").decode("utf-8")


@pytest.fixture(autouse=True)
def _no_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("IPHR_DESK_DATA_DIR", "IPHR_DESK_PASSPHRASE", "IPHR_DESK_DEBUG"):
        monkeypatch.delenv(name, raising=False)


def test_import_prints_the_id_and_list_shows_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    status, out, err = run(capsys, "--data-dir", str(data), "import", str(SAMPLE))
    assert (status, out, err) == (0, ["1"], [])
    assert db_path_for(data).is_file()
    status, out, _ = run(capsys, "--data-dir", str(data), "list", "letters")
    assert status == 0
    assert out == [
        "1\t2023-10-30\tfr\tdraft\tEmmanuel Macron\t"
        "Questions relatives aux droits humains en vue de votre visite au Kazakhstan"
    ]


def test_environment_variable_chooses_the_data_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IPHR_DESK_DATA_DIR", str(tmp_path / "env"))
    assert run(capsys, "import", str(SAMPLE), str(BATCH))[:2] == (0, ["1", "2"])
    assert db_path_for(tmp_path / "env").is_file()
    assert len(run(capsys, "list", "letters")[1]) == 2


def test_demo_twice_gives_the_same_lists(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = ("--data-dir", str(tmp_path))
    status, out, _ = run(capsys, *base, "demo")
    assert status == 0
    assert out == [
        "demo data: added 10 cases, 5 letters, 8 recipients, 5 signatories, 1 letterheads; "
        "0 items were already there"
    ]
    letters, cases = run(capsys, *base, "list", "letters")[1], run(capsys, *base, "list", "cases")[1]
    assert (len(letters), len(cases)) == (5, 10)
    assert run(capsys, *base, "demo")[1][0].endswith("29 items were already there")
    assert run(capsys, *base, "list", "letters")[1] == letters
    assert run(capsys, *base, "list", "cases")[1] == cases


def test_dev_generate_small_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = ("--data-dir", str(tmp_path))
    status, out, err = run(capsys, *base, "dev", "generate", "--cases", "6", "--letters", "25", "--seed", "3")
    assert status == 0
    assert out[0].startswith("generated 6 cases (") and " and 25 letters in " in out[0]
    assert err[-1] == "31/31"  # one progress line per chunk when stderr is not a terminal
    assert len(run(capsys, *base, "list", "letters")[1]) == 25
    assert len(run(capsys, *base, "list", "cases")[1]) == 6
    from iphr_desk.core.store.database import Store
    from iphr_desk.core.store.search import search_letters

    with Store.open(tmp_path) as store:
        assert search_letters(store, "detention")


def test_export_a_letter_file_to_docx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "letter.docx"
    status, lines, err = run(
        capsys, "--data-dir", str(tmp_path / "data"), "export", str(SAMPLE), "-o", str(out)
    )
    assert (status, lines, err) == (0, [str(out)], [])
    text = document_text(out)
    assert "Questions relatives aux droits humains" in text
    assert "Emmanuel Macron" in text
    assert not (tmp_path / "data").exists()  # a letter file is exported without any store


def test_export_a_stored_letter_by_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = ("--data-dir", str(tmp_path / "data"))
    run(capsys, *base, "demo")
    out = tmp_path / "stored.docx"
    assert run(capsys, *base, "export", "--id", "2", "-o", str(out))[0] == 0
    assert "Helena Varga" in document_text(out)
    status, _, err = run(capsys, *base, "export", "--id", "99", "-o", str(out))
    assert (status, err) == (2, ["iphr-desk: There is no letter with id 99."])


def test_export_a_batch_to_a_folder_and_combined(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    status, lines, err = run(capsys, "export", str(BATCH), "-o", f"{folder}/")
    assert status == 0
    assert sorted(Path(line).name for line in lines) == [
        "2024-03-14 Berg - Release of detained journalists in Kyrgyzstan.docx",
        "2024-03-14 Novak - Release of detained journalists in Kyrgyzstan.docx",
        "2024-03-14 Roth - Release of detained journalists in Kyrgyzstan.docx",
    ]
    assert err == ["1/3", "2/3", "3/3"]
    assert "Anna Roth" in document_text(
        folder / "2024-03-14 Roth - Release of detained journalists in Kyrgyzstan.docx"
    )
    combined = tmp_path / "all.docx"
    assert run(capsys, "export", str(BATCH), "-o", str(combined), "--combined")[0] == 0
    text = document_text(combined)
    assert all(name in text for name in ("Anna Roth", "Jan Novak", "Kai Berg"))
    status, _, err = run(capsys, "export", str(BATCH), "-o", str(tmp_path / "one.docx"))
    assert status == 2
    assert err == [
        f"iphr-desk: {tmp_path / 'one.docx'}: this letter has several recipients; "
        "give a folder (OUT_DIR/) or add --combined"
    ]


def test_backup_create_list_and_restore(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = ("--data-dir", str(tmp_path))
    run(capsys, *base, "import", str(SAMPLE))
    status, out, _ = run(capsys, *base, "backup", "create")
    assert status == 0 and Path(out[0]).is_file()
    run(capsys, *base, "import", str(BATCH))
    listing = run(capsys, *base, "backup", "list")[1]
    backup_id = listing[0].split("\t")[0]
    assert re.fullmatch(r"\d{8}-\d{6}-\d{3}", backup_id) and "manual" in listing[0]
    assert Path(listing[0].split("\t")[-1]).name.startswith(f"iphr-desk-{backup_id}-")
    run(capsys, *base, "backup", "create")  # a newer backup: the id still names the first one
    assert backup_id in [line.split("\t")[0] for line in run(capsys, *base, "backup", "list")[1]]
    status, out, _ = run(capsys, *base, "backup", "restore", backup_id)
    assert status == 0 and out[0].startswith(f"restored backup {backup_id} (made ")
    assert "the database it replaced was kept as " in out[0]
    assert len(run(capsys, *base, "list", "letters")[1]) == 1
    status, _, err = run(capsys, *base, "backup", "restore", "42")
    assert status == 2 and err == [
        "iphr-desk: There is no backup '42'; `iphr-desk backup list` shows their ids "
        f"(the newest is {run(capsys, *base, 'backup', 'list')[1][0].split(chr(9))[0]})."
    ]
    status, out, _ = run(capsys, *base, "backup", "restore")  # no id: the newest, as before
    assert status == 0 and out[0].startswith("restored backup ")


def test_encrypt_then_passphrase_from_the_environment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    base = ("--data-dir", str(tmp_path))
    run(capsys, *base, "import", str(SAMPLE))
    monkeypatch.setenv("IPHR_DESK_PASSPHRASE", "correct horse battery staple")
    status, out, err = run(capsys, *base, "encrypt")
    assert status == 0 and err == []
    assert "correct horse" not in "".join(out)
    assert len(run(capsys, *base, "list", "letters")[1]) == 1
    monkeypatch.setenv("IPHR_DESK_PASSPHRASE", "wrong")
    status, _, err = run(capsys, *base, "list", "letters")
    assert (status, len(err)) == (2, 1)
    assert "wrong" not in err[0].split(":", 1)[1].replace("is wrong", "")
    monkeypatch.delenv("IPHR_DESK_PASSPHRASE")
    monkeypatch.setattr(sys, "stdin", open("/dev/null"))  # noqa: SIM115 - not a terminal: no prompt
    status, _, err = run(capsys, *base, "list", "letters")
    assert status == 2
    assert err == [
        f"iphr-desk: The store in {tmp_path} is encrypted (or its file is damaged): give its passphrase. "
        "Set IPHR_DESK_PASSPHRASE, or run the command in a terminal."
    ]


def test_letterhead_add_then_export_with_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from docx import Document

    template = tmp_path / "acme.docx"
    document = Document()
    document.sections[0].header.paragraphs[0].text = "ACME Human Rights Centre"
    document.save(str(template))
    base = ("--data-dir", str(tmp_path / "data"))
    status, out, _ = run(capsys, *base, "letterhead", "add", "acme", str(template))
    assert status == 0 and out[0].startswith("letterhead 'acme' registered: ")
    out_file = tmp_path / "acme-letter.docx"
    assert run(capsys, *base, "export", str(SAMPLE), "-o", str(out_file), "--letterhead", "acme")[0] == 0
    with zipfile.ZipFile(out_file) as package:
        headers = [package.read(n).decode() for n in package.namelist() if n.startswith("word/header")]
    assert any("ACME Human Rights Centre" in h for h in headers)
