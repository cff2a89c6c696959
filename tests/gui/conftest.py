"""GUI fixtures: a temporary data folder with a real Store, recording fake dialogs, and an AppContext.

Every dialog and file picker goes through `Services`; `FakeServices` records each call and answers from a
script, so no test ever blocks on a modal box.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from iphr_desk.gui.services import Services


class FakeServices(Services):
    """Records `(method, args)` for every call; answers come from `answers[method]` (a list, first first)."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple[Any, ...]]] = []
        self.answers: dict[str, list[Any]] = {}
        self.defaults: dict[str, Any] = {"ask_yes_no": True}

    def _answer(self, method: str, *args: Any) -> Any:
        self.calls.append((method, args))
        queue = self.answers.get(method)
        if queue:
            return queue.pop(0)
        return self.defaults.get(method)

    def called(self, method: str) -> list[tuple[Any, ...]]:
        return [args for name, args in self.calls if name == method]

    def info(self, parent: Any, title: str, text: str) -> None:
        self._answer("info", title, text)

    def warning(self, parent: Any, title: str, text: str) -> None:
        self._answer("warning", title, text)

    def error(self, parent: Any, title: str, text: str, details: str | None = None) -> None:
        self._answer("error", title, text, details)

    def ask_yes_no(self, parent: Any, title: str, text: str) -> bool:
        return bool(self._answer("ask_yes_no", title, text))

    def ask_text(self, parent: Any, title: str, label: str, text: str = "") -> str | None:
        answer = self._answer("ask_text", title, label, text)
        return None if answer is None else str(answer)

    def ask_passphrase(self, parent: Any, title: str, label: str) -> str | None:
        answer = self._answer("ask_passphrase", title, label)
        return None if answer is None else str(answer)

    def open_file(self, parent: Any, caption: str, name_filter: str) -> Path | None:
        return self._answer("open_file", caption, name_filter)  # type: ignore[no-any-return]

    def save_file(self, parent: Any, caption: str, suggested: str, name_filter: str) -> Path | None:
        return self._answer("save_file", caption, suggested, name_filter)  # type: ignore[no-any-return]

    def choose_folder(self, parent: Any, caption: str) -> Path | None:
        return self._answer("choose_folder", caption)  # type: ignore[no-any-return]

    def open_folder(self, path: Path) -> bool:
        self._answer("open_folder", path)
        return True


@pytest.fixture
def fake_services() -> FakeServices:
    return FakeServices()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


#: The profile name of the tests' settings: a stored name means the first start asks nothing.
TEST_USER = "Test User"


@pytest.fixture
def settings(tmp_path: Path) -> Any:
    """Settings in the test's folder, with a name, as after the first start's question."""
    from iphr_desk.gui.settings import Settings

    settings = Settings(tmp_path / "settings.ini")
    settings.user_name = TEST_USER
    return settings


@pytest.fixture
def store(data_dir: Path) -> Iterator[Any]:
    from iphr_desk.core.store.database import Store

    opened = Store.open(data_dir)
    yield opened
    opened.close()


@pytest.fixture
def ctx(store: Any, fake_services: FakeServices, settings: Any, data_dir: Path) -> Any:
    from iphr_desk.gui.context import AppContext

    return AppContext(store=store, services=fake_services, settings=settings, data_dir=data_dir)


@pytest.fixture
def window(qtbot: Any, ctx: Any) -> Iterator[Any]:
    """The main window on the temporary store, shown, lists filled."""
    from iphr_desk.gui.main_window import MainWindow

    win = MainWindow(ctx.settings, ctx.services)
    qtbot.addWidget(win)
    win.show()
    win.attach(ctx)
    yield win
    win.letter_model.wait_for_background()


# A small, fixed data set (independent of the demo data, which may change) ---------------------------------


def seed(store: Any) -> dict[str, int]:
    """Two cases with people and events, four letters, one signatory, one recipient; returns their ids."""
    from iphr_desk.core.letters.letter import Letter, Recipient, Signatory
    from iphr_desk.core.store.repository import address_book
    from iphr_desk.core.store.repository import cases as case_repo
    from iphr_desk.core.store.repository import letters as letter_repo
    from iphr_desk.core.store.repository.values import CaseData, EventData, PersonData

    ids: dict[str, int] = {}
    ids["case_kz"] = case_repo.add_case(
        store,
        CaseData(
            reference="KZ-2022-003",
            title="Trial of peaceful protesters in Almaty",
            country="KZ",
            region="Almaty",
            themes=("freedom of assembly", "fair trial"),
            summary="Five residents were charged after a peaceful rally.",
        ),
    )
    case_repo.add_person(
        store, ids["case_kz"], PersonData("Yerlan Sarsenbayev", "activist", "detained", True)
    )
    case_repo.add_person(store, ids["case_kz"], PersonData("Marat Iskakov", "lawyer", "harassed", False))
    case_repo.add_event(
        store,
        ids["case_kz"],
        EventData(dt.date(2022, 9, 14), "Rally dispersed; 23 people detained.", "https://example.org/rally"),
    )
    case_repo.add_event(store, ids["case_kz"], EventData(dt.date(2022, 9, 16), "Five protesters charged."))
    ids["case_uz"] = case_repo.add_case(
        store,
        CaseData(
            reference="UZ-2022-009",
            title="Journalist convicted in Nukus",
            country="UZ",
            status="monitoring",
            themes=("freedom of expression",),
        ),
    )
    ids["signatory"] = address_book.add_signatory(store, Signatory("Brigitte Dufour", "Director", "IPHR"))
    ids["recipient"] = address_book.add_recipient(
        store, Recipient("Kaja Kallas", gender="female", office="eu_high_representative"), language="en"
    )
    signatory = Signatory("Brigitte Dufour", "Director", "IPHR")
    letters = [
        (
            "fr",
            "Questions relatives aux droits humains",
            "Laurent Mercier",
            dt.date(2023, 10, 30),
            ("KZ-2022-003",),
        ),
        ("en", "Zebra crossing of human rights concerns", "Kaja Kallas", dt.date(2024, 3, 14), ()),
        (
            "ru",
            "Обращение по делу журналиста",
            "Генеральный прокурор",
            dt.date(2023, 11, 1),
            ("UZ-2022-009",),
        ),
        ("de", "Anliegen zur Menschenrechtslage", "Annalena Weber", dt.date(2024, 5, 2), ()),
    ]
    for number, (language, subject, name, date, cases) in enumerate(letters):
        letter = Letter(
            language=language,  # type: ignore[arg-type]
            place="Brussels",
            date=date,
            subject=subject,
            recipients=(Recipient(name),),
            signatories=(signatory,),
            body=f"Letter number {number} about detention of protesters and the blogger Seitkali.",
            cases=cases,
        )
        ids[f"letter_{language}"] = letter_repo.add_letter(store, letter, author="test")
    return ids


@pytest.fixture
def seeded(store: Any) -> dict[str, int]:
    return seed(store)


AppProbe = Callable[..., "subprocess.CompletedProcess[str]"]


@pytest.fixture
def run_app_probe(tmp_path: Path) -> AppProbe:
    """Run a probe script in a fresh interpreter (what a start imports is only seen from a new process),
    offscreen, with its settings in the test's folder; returns the finished process, output as text."""

    def run(probe: str, *args: str) -> subprocess.CompletedProcess[str]:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "HOME": str(tmp_path),
            "XDG_CONFIG_HOME": str(tmp_path),
        }
        repo = Path(__file__).resolve().parents[2]
        return subprocess.run(
            [sys.executable, "-c", probe, *args],
            env=env,
            cwd=repo,
            capture_output=True,
            text=True,
            timeout=120,
        )

    return run
