"""On CI, the tools the read-back and packaging tests need must be present, not silently skipped.

Several tests skip when LibreOffice, Pandoc or the desktop validators are missing, so that a developer
without them can still run the rest. `make test` installs them; on CI (`CI=true`) their absence is a
failure, so a broken install step cannot turn the read-back tests into skips.
"""

from __future__ import annotations

import os
import shutil

import pytest

from iphr_desk.core.export.pdf import find_soffice

TOOLS = ("pandoc", "desktop-file-validate", "appstreamcli", "Xvfb", "strace", "softhsm2-util")


@pytest.mark.skipif(os.environ.get("CI", "").lower() not in ("1", "true", "yes"), reason="only on CI")
def test_ci_has_every_tool_the_read_back_tests_need() -> None:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if find_soffice() is None:
        missing.append("soffice")
    assert missing == [], f"missing on CI: {missing} (packaging/system-deps.sh test installs them)"


@pytest.mark.skipif(os.environ.get("CI", "").lower() not in ("1", "true", "yes"), reason="only on CI")
def test_ci_has_the_uno_bridge_and_pkcs11() -> None:
    """The review round trip drives LibreOffice through UNO (system Python) and signing is tested on a
    SoftHSM token through python-pkcs11: both would otherwise be skipped quietly."""
    import subprocess

    import pkcs11  # noqa: F401  (the test extra installs it)

    subprocess.run(["/usr/bin/python3", "-c", "import uno"], check=True)
