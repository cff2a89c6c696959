"""Review a .docx in LibreOffice Writer through UNO, as a signatory would: with change tracking on,
insert a sentence, delete a word, make words bold, add a comment on a phrase, and save as Word 2007 XML.

Runs with the system Python, which has LibreOffice's `uno` module (the project's venv does not):

    /usr/bin/python3 tests/exchange_uno/review_in_writer.py IN.docx OUT.docx "Jane Roe"

LibreOffice is started headless with a private profile (a fresh folder, removed afterwards) and listens
on a named pipe only, so nothing is opened on any network interface. Every wait has a limit, and the
office process is killed whatever happens.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]
from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found]

CONNECT_SECONDS = 90
#: The whole review may take this long; then LibreOffice is killed (a UNO call blocked in the office
#: fails once the office is gone, and the script ends).
OVERALL_SECONDS = 180
INSERTED = " Le relecteur ajoute cette phrase."
DELETED = "reconnue"
COMMENT = "Please check the spelling of this name."
ANCHOR = "Mme Aliyeva"
PARAGRAPH = "Nos demandes"


def prop(name: str, value: object) -> PropertyValue:
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def set_user_name(context: object, author: str) -> None:
    """Tracked changes and comments carry the profile's user name."""
    provider = context.ServiceManager.createInstanceWithContext(  # type: ignore[attr-defined]
        "com.sun.star.configuration.ConfigurationProvider", context
    )
    access = provider.createInstanceWithArguments(
        "com.sun.star.configuration.ConfigurationUpdateAccess",
        (prop("nodepath", "/org.openoffice.UserProfile/Data"),),
    )
    given, _, family = author.partition(" ")
    access.setPropertyValue("givenname", given)
    access.setPropertyValue("sn", family)
    access.commitChanges()


def review(source: Path, target: Path, author: str) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("soffice not found")
    profile = Path(tempfile.mkdtemp(prefix="iphr-uno-profile-"))
    pipe = f"iphr_review_{uuid.uuid4().hex}"
    office = subprocess.Popen(
        [soffice, "--headless", "--invisible", "--nologo", "--norestore", "--nodefault", "--nolockcheck",
         f"-env:UserInstallation={profile.as_uri()}",
         f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    watchdog = threading.Timer(OVERALL_SECONDS, _kill, (office,))
    watchdog.daemon = True
    watchdog.start()
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.monotonic() + CONNECT_SECONDS
        while True:
            try:
                context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except NoConnectException:
                if time.monotonic() > deadline or office.poll() is not None:
                    raise SystemExit("LibreOffice did not start") from None
                time.sleep(0.5)
        set_user_name(context, author)
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        doc = desktop.loadComponentFromURL(source.resolve().as_uri(), "_blank", 0, (prop("Hidden", True),))
        doc.RecordChanges = True
        text = doc.getText()
        # an insertion at the end of a paragraph
        search = doc.createSearchDescriptor()
        search.SearchString = PARAGRAPH
        found = doc.findFirst(search)
        if found is None:
            raise SystemExit(f"{PARAGRAPH!r} not found")
        cursor = text.createTextCursorByRange(found.getStart())
        cursor.gotoEndOfParagraph(False)
        text.insertString(cursor, INSERTED, False)
        # a deletion
        search.SearchString = DELETED
        found = doc.findFirst(search)
        if found is None:
            raise SystemExit(f"{DELETED!r} not found")
        found.setString("")
        # a formatting change: the paragraph's first words made bold
        search.SearchString = PARAGRAPH
        found = doc.findFirst(search)
        found.CharWeight = 150.0  # com.sun.star.awt.FontWeight.BOLD
        # a comment on a phrase
        search.SearchString = ANCHOR
        found = doc.findFirst(search)
        annotation = doc.createInstance("com.sun.star.text.textfield.Annotation")
        annotation.Author = author
        annotation.Content = COMMENT
        found.getText().insertTextContent(found, annotation, True)
        doc.storeToURL(
            target.resolve().as_uri(), (prop("FilterName", "MS Word 2007 XML"), prop("Overwrite", True))
        )
        doc.close(True)
        with contextlib.suppress(Exception):  # the bridge goes away as the office quits
            desktop.terminate()
    finally:
        watchdog.cancel()
        try:
            office.wait(timeout=20)
        except subprocess.TimeoutExpired:
            _kill(office)
            office.wait(timeout=10)
        shutil.rmtree(profile, ignore_errors=True)


def _kill(office: subprocess.Popen[bytes]) -> None:
    """The office and every process it started (it runs in a session of its own)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(office.pid, signal.SIGKILL)


if __name__ == "__main__":
    review(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3] if len(sys.argv) > 3 else "Jane Roe")
    print(sys.argv[2])
