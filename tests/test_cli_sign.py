"""`iphr-desk sign` and `iphr-desk verify` as a user runs them: one real signing, then the three answers
of `verify` (0 intact, 1 altered, 2 not signed) and the record the store keeps.

The refusals (not approved, wrong passphrase, missing certificate, a FIFO...) are rows of
tests/bad_inputs.md (tests/bad_rows_signing.py).
"""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest
from signing_certs import PASSPHRASE, make_pki

from iphr_desk.cli import main

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "data" / "letters" / "fr_pre_visit.md"

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str], list[str]]:
    status = main(list(argv))
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return status, captured.out.splitlines(), captured.err.splitlines()


@pytest.fixture(autouse=True)
def _no_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (
        "IPHR_DESK_DATA_DIR",
        "IPHR_DESK_PASSPHRASE",
        "IPHR_DESK_DEBUG",
        "IPHR_DESK_CERT_PASSPHRASE",
    ):
        monkeypatch.delenv(name, raising=False)


def test_sign_then_verify_then_alter(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = str(tmp_path / "data")
    pki = make_pki(tmp_path / "pki")
    assert run(capsys, "--data-dir", data, "import", str(SAMPLE))[:2] == (0, ["1"])
    for step in ("in_review", "approved"):
        assert run(capsys, "--data-dir", data, "status", "--id", "1", step)[0] == 0
    monkeypatch.setenv("IPHR_DESK_CERT_PASSPHRASE", PASSPHRASE)
    signed = tmp_path / "signed.pdf"
    status, out, err = run(
        capsys, "--data-dir", data, "sign", "--id", "1", "--cert", str(pki.p12), "-o", str(signed)
    )
    assert (status, err) == (0, [])
    assert len(out) == 1 and re.fullmatch(
        rf"{re.escape(str(signed))}: signed by Brigitte Dufour, on .+ UTC", out[0]
    )
    assert PASSPHRASE not in "\n".join(out + err)

    # The letter is now signed: a second signing is refused, and the list says so.
    status, _, err = run(
        capsys,
        "--data-dir",
        data,
        "sign",
        "--id",
        "1",
        "--cert",
        str(pki.p12),
        "-o",
        str(tmp_path / "again.pdf"),
    )
    assert status == 2 and err == ["iphr-desk: Letter 1 is signed; only an approved letter can be signed."]
    assert "\tsigned\t" in run(capsys, "--data-dir", data, "list", "letters")[1][0]

    # Intact: exit 0, one line; with --record, the store's record is named on the same line.
    status, out, err = run(capsys, "verify", str(signed))
    assert (status, err, len(out)) == (0, [], 1)
    assert out[0].startswith(f"{signed}: signed by Brigitte Dufour, on ")
    assert "unchanged since (certificate not trusted by this system)" in out[0]
    status, out, _ = run(capsys, "verify", str(signed), "--trust", str(pki.ca_pem))
    assert status == 0 and out[0].endswith("unchanged since (certificate trusted)")
    status, out, _ = run(capsys, "--data-dir", data, "verify", str(signed), "--record")
    assert status == 0 and len(out) == 1 and "recorded as letter 1's signed file (signed.pdf, " in out[0]

    from iphr_desk.core.signing.records import records_for_file
    from iphr_desk.core.store.database import Store

    with Store.open(Path(data)) as store:
        (record,) = records_for_file(store, hashlib.sha256(signed.read_bytes()).hexdigest())
        assert record.letter_id == 1 and record.author == "command line"

    # One byte changed inside the signed range: exit 1, one line.
    data_bytes = bytearray(signed.read_bytes())
    position = data_bytes.index(b"stream", 400) + 40
    data_bytes[position] ^= 0x01
    altered = tmp_path / "altered.pdf"
    altered.write_bytes(bytes(data_bytes))
    status, out, err = run(capsys, "verify", str(altered))
    assert status == 1 and len(out) == 1 and "ALTERED since" in out[0]

    # The altered file is no file the store signed: its SHA-256 matches no record.
    status, out, _ = run(capsys, "--data-dir", data, "verify", str(altered), "--record")
    assert status == 1 and out[0].endswith("no signature record in this store has this file's SHA-256")


def test_verify_an_unsigned_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plain = tmp_path / "plain.pdf"
    assert run(capsys, "export", str(SAMPLE), "-o", str(plain))[0] == 0
    status, out, err = run(capsys, "verify", str(plain))
    assert (status, out, err) == (2, [], [f"iphr-desk: {plain}: the PDF is not signed"])


def test_sign_needs_one_kind_of_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--data-dir", str(tmp_path), "sign", "--id", "1", "-o", "x.pdf"])
    assert stopped.value.code == 2
    assert "sign needs either --cert FILE.p12 or --pkcs11-lib" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["--data-dir", str(tmp_path), "sign", "--id", "1", "--pkcs11-lib", "lib.so", "-o", "x.pdf"])
    assert "needs --pkcs11-lib, --token-label and --key-label together" in capsys.readouterr().err


def test_a_pkcs11_token_without_its_module_or_library(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The token path is wired: without python-pkcs11 it says what to install; with it, a missing module
    file is named. (A SoftHSM token, where installed, is signed with in tests/core/signing.)"""
    data = str(tmp_path / "data")
    run(capsys, "--data-dir", data, "import", str(SAMPLE))
    for step in ("in_review", "approved"):
        run(capsys, "--data-dir", data, "status", "--id", "1", step)
    monkeypatch.setenv("IPHR_DESK_CERT_PASSPHRASE", "1234")
    argv = ["--data-dir", data, "sign", "--id", "1", "--pkcs11-lib", str(tmp_path / "none.so")]
    status, _out, err = run(
        capsys, *argv, "--token-label", "t", "--key-label", "k", "-o", str(tmp_path / "s.pdf")
    )
    import importlib.util

    if importlib.util.find_spec("pkcs11") is None:
        assert (status, err) == (1, [err[0]]) and "needs the python-pkcs11 package" in err[0]
    else:
        assert (status, err) == (2, [f"iphr-desk: {tmp_path / 'none.so'}: no such PKCS#11 module."])
    assert not (tmp_path / "s.pdf").exists()
