"""IPHR Desk never talks to the network: the everyday journey opens no socket, and the code holds no client.

The journey runs in a child process (`tests/crash/offline_journey.py`) whose Python sockets fail and whose
audit hook records every network event, so a library that bypasses `socket.socket` is still seen. Qt's own
network classes do not go through Python: the source check below proves the app uses none but the local-IPC
pair `QLocalServer`/`QLocalSocket` of the single-instance guard, and the journey checks /proc for any TCP/UDP
socket the process holds at the end.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import iphr_desk
from iphr_desk.core.letters.letterfile import parse_letter_file

DRIVER = Path(__file__).parent / "crash" / "offline_journey.py"
LETTER = Path(__file__).parent / "data" / "letters" / "fr_pre_visit.md"
PACKAGE = Path(iphr_desk.__file__).parent
SINGLE_INSTANCE = PACKAGE / "gui" / "single_instance.py"

FORBIDDEN = {
    "an HTTP or socket library": re.compile(
        r"^\s*(?:import|from)\s+(?:requests|httpx|urllib3|aiohttp|socket|ssl|smtplib|ftplib|poplib|imaplib|"
        r"telnetlib|xmlrpc|webbrowser|http\.client|http\.server|urllib\.request|urllib\s+import\s+request)\b",
        re.MULTILINE,
    ),
    "Qt's network clients": re.compile(
        r"\b(?:QNetworkAccessManager|QNetworkRequest|QNetworkReply|QTcpSocket|QTcpServer|QUdpSocket|QSslSocket|"
        r"QHostInfo|QDnsLookup|QWebSocket|QtWebEngine\w*|QHttp\w*)\b"
    ),
    "a direct socket call": re.compile(
        r"\b(?:socket\.(?:socket|create_connection)|asyncio\.open_connection)\b"
    ),
    "a standard-library URL fetch": re.compile(r"\burlopen\s*\("),
}


def test_the_everyday_journey_opens_no_socket(tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("IPHR_DESK_")}
    env.update(QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"))
    done = subprocess.run(
        [sys.executable, str(DRIVER), str(tmp_path / "data"), str(work), str(LETTER)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["attempts"] == []
    assert report["inet_sockets"] == []
    assert set(report["qtnetwork_users"]) <= {"iphr_desk.gui.single_instance"}
    assert (work / "out.docx").is_file(), "the journey ran to its end"
    letter = parse_letter_file(LETTER)
    secrets = [letter.body.split("\n")[0][:40], *(r.name for r in letter.recipients), "Typed offline"]
    for secret in secrets:
        assert secret not in done.stderr + done.stdout, f"{secret!r} reached the console"


def test_the_journey_guard_catches_sockets_that_bypass_socket_socket() -> None:
    """The driver's guard must be able to fail: every way of opening a connection is refused and seen."""
    probe = textwrap.dedent(
        f"""
        import _socket, socket, urllib.request
        guard = __import__("runpy").run_path({str(DRIVER)!r}, run_name="guard")
        for attempt in (
            lambda: socket.socket(socket.AF_INET, socket.SOCK_STREAM),
            lambda: socket.create_connection(("127.0.0.1", 9)),
            lambda: _socket.socket(_socket.AF_INET, _socket.SOCK_DGRAM),
            lambda: urllib.request.urlopen("http://127.0.0.1:9/", timeout=1),
        ):
            try:
                attempt()
            except OSError:
                pass
            else:
                raise SystemExit("not refused")
        local = socket.socket(socket.AF_UNIX)
        local.close()
        print(len(guard["ATTEMPTS"]))
        """
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout.split()[-1]) >= 4


#: The one reading of `ssl`, and what it may call: `verify` reads the system's trusted root certificates
#: from disk the way Python's own TLS does (the OpenSSL default file, the Windows certificate stores).
#: Nothing there makes a context wrap a socket.
SYSTEM_ROOTS = PACKAGE / "core" / "signing" / "verification.py"
SYSTEM_ROOTS_SSL_CALLS = {"ssl.create_default_context", "ssl.enum_certificates"}


def _sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _allowed(what: str, path: Path) -> bool:
    return what == "an HTTP or socket library" and path == SYSTEM_ROOTS


def test_the_system_roots_reader_uses_ssl_only_to_read_certificates() -> None:
    text = SYSTEM_ROOTS.read_text(encoding="utf-8")
    assert re.findall(r"^\s*import\s+ssl\b", text, re.MULTILINE), "the allowance is no longer needed"
    assert set(re.findall(r"\bssl\.\w+", text)) == SYSTEM_ROOTS_SSL_CALLS
    assert "wrap_socket" not in text and "load_verify_locations" not in text
    assert re.findall(r"^\s*(?:import|from)\s+(?!ssl\b)(?:requests|httpx|urllib3|socket|http\.client)\b",
                      text, re.MULTILINE) == []  # fmt: skip


@pytest.mark.parametrize("what", sorted(FORBIDDEN))
def test_the_source_holds_no_network_client(what: str) -> None:
    pattern = FORBIDDEN[what]
    found = [
        f"{path.relative_to(PACKAGE.parent)}:{text[: match.start()].count(chr(10)) + 1}"
        for path in _sources()
        if not _allowed(what, path)
        for text in [path.read_text(encoding="utf-8")]
        for match in pattern.finditer(text)
    ]
    assert found == [], f"{what} in {found}"


def test_qt_network_is_used_only_for_the_local_single_instance_guard() -> None:
    users = [path for path in _sources() if "QtNetwork" in path.read_text(encoding="utf-8")]
    assert users == [SINGLE_INSTANCE]
    imported = re.findall(r"from PySide6\.QtNetwork import ([\w, ]+)", SINGLE_INSTANCE.read_text("utf-8"))
    assert [name.strip() for line in imported for name in line.split(",")] == ["QLocalServer", "QLocalSocket"]


def test_the_forbidden_patterns_do_match_what_they_forbid() -> None:
    samples = {
        "an HTTP or socket library": "import requests\nfrom urllib.request import urlopen\n",
        "Qt's network clients": "manager = QNetworkAccessManager()",
        "a direct socket call": "s = socket.create_connection(('example.org', 80))",
        "a standard-library URL fetch": "urlopen('https://example.org')",
    }
    for what, sample in samples.items():
        assert FORBIDDEN[what].search(sample), what
