"""Start-up: the real program in a subprocess, store errors at start, and the layout remembered."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.gui.conftest import FakeServices

REPO = Path(__file__).resolve().parents[2]


def _run_app(
    data_dir: Path, home: Path, extra_env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "IPHR_DESK_QUIT_AFTER_MS": "1500",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        **(extra_env or {}),
    }
    env.pop("IPHR_DESK_PASSPHRASE", None)
    return subprocess.run(
        [sys.executable, "-m", "iphr_desk", "--data-dir", str(data_dir)],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_app_starts_creates_its_store_quits_and_prints_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = _run_app(data, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert (data / "iphr-desk.sqlite3").is_file()
    settings = list((tmp_path / ".config").rglob("*.ini"))
    assert settings, "the window layout is saved on quit"
    assert "window" in settings[0].read_text()


def test_nothing_heavy_is_imported_before_the_window_shows(tmp_path: Path, run_app_probe: Any) -> None:
    probe = """
import sys
from PySide6.QtWidgets import QApplication
import iphr_desk.gui.app as app
from iphr_desk.gui.main_window import MainWindow
shown = []
original = MainWindow.show
def show(self):
    original(self)
    heavy_roots = ('sqlalchemy', 'docx', 'babel', 'markdown_it', 'alembic')
    heavy = sorted(m for m in sys.modules if m.split('.')[0] in heavy_roots)
    print('HEAVY', heavy)
    # Modules and Python enums the first paint need not wait for (each costs several ms).
    import PySide6.QtCore
    later = ('PySide6.QtNetwork', 'iphr_desk.gui.models.paged', 'iphr_desk.gui.opener',
             'iphr_desk.core.store.quick_list')
    later = [m for m in later if m in sys.modules]
    later += ['Qt namespace enums'] if 'Qt' in vars(PySide6.QtCore) else []
    print('LATER', later)
    sys.stdout.flush()
    import os; os._exit(0)
MainWindow.show = show
from iphr_desk.cli import main
main(['--data-dir', sys.argv[1]])
"""
    result = run_app_probe(probe, str(tmp_path / "data"))
    assert "HEAVY []" in result.stdout, result.stdout + result.stderr
    assert "LATER []" in result.stdout, result.stdout + result.stderr


def test_the_first_rows_are_painted_before_sqlalchemy_is_imported(tmp_path: Path, run_app_probe: Any) -> None:
    """On a usual start (schema current) the letter list's first rows come before SQLAlchemy."""
    from iphr_desk.core.store.database import Store
    from tests.gui.conftest import seed

    data = tmp_path / "data"
    with Store.open(data) as store:
        seed(store)
    probe = """
import os, sys
from iphr_desk.gui.opener import StoreOpener
original = StoreOpener._quick_rows_painted
def painted(self):
    heavy = sorted(m for m in ('sqlalchemy', 'sqlalchemy.orm', 'alembic') if m in sys.modules)
    print('ROWS', self.window.letter_model.rowCount(), 'CTX', self.window.ctx, 'HEAVY', heavy)
    sys.stdout.flush()
    os._exit(0)
StoreOpener._quick_rows_painted = painted
from iphr_desk.cli import main
main(['--data-dir', sys.argv[1]])
"""
    result = run_app_probe(probe, str(data))
    assert "ROWS 4 CTX None HEAVY []" in result.stdout, result.stdout + result.stderr


def _opener(qtbot: Any, settings: Any, fake_services: FakeServices, data_dir: Path) -> Any:
    from iphr_desk.gui.main_window import MainWindow
    from iphr_desk.gui.opener import StoreOpener

    window = MainWindow(settings, fake_services)
    qtbot.addWidget(window)
    return StoreOpener(window, fake_services, settings, str(data_dir))


def test_a_newer_schema_is_refused_with_a_clear_dialog(
    qtbot: Any, settings: Any, fake_services: FakeServices, data_dir: Path, monkeypatch: Any
) -> None:
    from iphr_desk.core.errors import NewerSchemaError
    from iphr_desk.core.store.database import Store

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise NewerSchemaError("The store was written by a newer version of IPHR Desk (schema 9999).")

    monkeypatch.setattr(Store, "open", refuse)
    opener = _opener(qtbot, settings, fake_services, data_dir)
    opener.open()
    errors = fake_services.called("error")
    assert errors and "newer version" in errors[0][1]
    assert opener.failed
    assert opener.window.ctx is None


def test_a_damaged_database_offers_the_newest_good_backup(
    qtbot: Any, settings: Any, fake_services: FakeServices, data_dir: Path
) -> None:
    from iphr_desk.core.store import backup
    from iphr_desk.core.store.database import Store
    from iphr_desk.core.store.repository import cases as case_repo
    from iphr_desk.core.store.repository.values import CaseData

    store = Store.open(data_dir)
    case_repo.add_case(store, CaseData("KZ-1", "Kept in the backup", "KZ"))
    backup.create_backup(store, reason="manual")
    store.close()
    db = data_dir / "iphr-desk.sqlite3"
    db.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4000)  # the header survives, the pages do not
    opener = _opener(qtbot, settings, fake_services, data_dir)
    opener.open()
    assert fake_services.called("ask_yes_no"), fake_services.calls
    assert opener.window.ctx is not None
    qtbot.waitUntil(lambda: opener.window.case_model.rowCount() == 1, timeout=3000)
    assert any("corrupt" in p.name or "replaced" in p.name for p in data_dir.iterdir())
    opener.window.ctx.store.close()


def test_an_encrypted_store_asks_for_its_passphrase_until_it_is_right(
    qtbot: Any, settings: Any, fake_services: FakeServices, data_dir: Path, monkeypatch: Any
) -> None:
    pytest.importorskip("sqlcipher3")
    from iphr_desk.core.store import crypto
    from iphr_desk.core.store.database import Store

    Store.open(data_dir).close()
    crypto.encrypt_store(data_dir, "correct horse battery")
    monkeypatch.delenv("IPHR_DESK_PASSPHRASE", raising=False)
    fake_services.answers["ask_passphrase"] = ["wrong guess", "correct horse battery"]
    opener = _opener(qtbot, settings, fake_services, data_dir)
    opener.open()
    assert len(fake_services.called("ask_passphrase")) == 2
    assert opener.window.ctx is not None and opener.window.ctx.store.encrypted
    opener.window.ctx.store.close()


def test_cancelling_the_passphrase_quits_without_an_error(
    qtbot: Any, settings: Any, fake_services: FakeServices, data_dir: Path, monkeypatch: Any
) -> None:
    from iphr_desk.core.errors import PassphraseError
    from iphr_desk.core.store.database import Store

    def locked(*args: Any, **kwargs: Any) -> Any:
        raise PassphraseError("The store is encrypted: give its passphrase.")

    monkeypatch.setattr(Store, "open", locked)
    monkeypatch.delenv("IPHR_DESK_PASSPHRASE", raising=False)
    opener = _opener(qtbot, settings, fake_services, data_dir)
    opener.open()
    assert len(fake_services.called("ask_passphrase")) == 1
    assert not fake_services.called("error")
    assert opener.window.ctx is None


def test_geometry_and_splitters_are_restored(qtbot: Any, ctx: Any, tmp_path: Path) -> None:
    from iphr_desk.gui.main_window import MainWindow
    from iphr_desk.gui.settings import Settings

    first = MainWindow(ctx.settings, ctx.services)
    qtbot.addWidget(first)
    first.attach(ctx)
    first.show()
    qtbot.waitUntil(lambda: first.minimumSizeHint().width() < 771, timeout=2000)  # fits a small laptop
    first.resize(771, 633)
    first.splitter.setSizes([200, 571])
    qtbot.waitUntil(lambda: first.width() == 771, timeout=2000)
    sizes = first.splitter.sizes()
    first.close()
    again = MainWindow(Settings(ctx.settings.path), ctx.services)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: again.width() == 771, timeout=2000)
    assert again.height() == 633
    assert again.splitter.sizes() == sizes


def test_settings_round_trip_through_the_ini_file(tmp_path: Path) -> None:
    from iphr_desk.gui.settings import Settings

    settings = Settings(tmp_path / "s.ini")
    settings.user_name = "  Aigerim  "
    settings.default_place = "Bruxelles"
    settings.ui_language = "ru"
    settings.default_signatory_id = 7
    settings.sync()
    again = Settings(tmp_path / "s.ini")
    assert again.user_name == "Aigerim"
    assert again.default_place == "Bruxelles"
    assert again.ui_language == "ru"
    assert again.default_signatory_id == 7
    again.ui_language = "xx"
    assert again.ui_language == ""


def test_the_store_opens_on_a_worker_thread_and_the_lists_fill(
    qtbot: Any, settings: Any, fake_services: FakeServices, data_dir: Path
) -> None:
    from iphr_desk.core.store.database import Store
    from iphr_desk.gui.main_window import MainWindow
    from iphr_desk.gui.opener import StoreOpener
    from tests.gui.conftest import seed

    with Store.open(data_dir) as store:
        seed(store)
    window = MainWindow(settings, fake_services)
    qtbot.addWidget(window)
    opener = StoreOpener(window, fake_services, settings, str(data_dir), threaded=True)
    opener.open()
    qtbot.waitUntil(lambda: window.ctx is not None, timeout=10000)
    assert window.letter_model.rowCount() == 4
    qtbot.waitUntil(lambda: window.case_model.rowCount() == 2, timeout=3000)
    opener.wait()
    window.letter_model.wait_for_background()
    window.ctx.store.close()


def test_a_second_launch_on_the_same_folder_brings_the_first_forward(tmp_path: Path) -> None:
    import time

    data = tmp_path / "data"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "IPHR_DESK_QUIT_AFTER_MS": "30000",
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / ".config"),
    }
    first = subprocess.Popen(
        [sys.executable, "-m", "iphr_desk", "--data-dir", str(data)],
        env=env,
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while (
            not (data / "iphr-desk.sqlite3").exists() and first.poll() is None and time.monotonic() < deadline
        ):
            time.sleep(0.1)
        second_home = tmp_path / "second"
        second = _run_app(data, second_home, {"IPHR_DESK_QUIT_AFTER_MS": "30000"})
        assert second.returncode == 0, second.stderr
        assert not list(second_home.rglob("*.ini")), "the second launch opened no window of its own"
        assert first.poll() is None, "the first window stays open"
    finally:
        first.terminate()
        first.communicate(timeout=30)


def test_a_deferred_window_builds_its_lists_on_demand(qtbot: Any, ctx: Any) -> None:
    """At start-up only menus and toolbar exist at the first paint; everything works before the lists do."""
    from iphr_desk.gui.main_window import MainWindow

    window = MainWindow(ctx.settings, ctx.services, defer_panels=True)
    qtbot.addWidget(window)
    assert not hasattr(window, "letters_page")
    window.app_actions.close_tab.trigger()
    window.app_actions.next_tab.trigger()
    window.show()
    qtbot.waitUntil(lambda: window._painted, timeout=3000)
    window.attach(ctx)
    assert window.letters_page.is_showing_empty_state()
    window.close()


def test_the_quick_rows_give_way_to_the_store_and_the_place_is_kept(
    qtbot: Any, settings: Any, fake_services: FakeServices, data_dir: Path, monkeypatch: Any
) -> None:
    """Before the store is open only the letter table is live; then the same rows come from the store."""
    import threading

    from iphr_desk.core.store.database import Store
    from iphr_desk.gui.main_window import MainWindow
    from iphr_desk.gui.opener import StoreOpener
    from tests.gui.conftest import seed

    with Store.open(data_dir) as store:
        seed(store)
    Store.open(data_dir).close()  # backed up today: the next open checks nothing more
    release = threading.Event()
    real_open = Store.open

    def slow_open(*args: Any, **kwargs: Any) -> Any:
        release.wait(10)
        return real_open(*args, **kwargs)

    monkeypatch.setattr(Store, "open", slow_open)
    window = MainWindow(settings, fake_services, defer_panels=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window._painted, timeout=3000)
    window.build_panels()
    opener = StoreOpener(window, fake_services, settings, str(data_dir), threaded=True, quick=True)
    shown: list[bool] = []
    opener.when_shown(lambda: shown.append(window.ctx is None))
    opener.open()
    qtbot.waitUntil(lambda: window.letter_model.showing_quick, timeout=10000)
    page = window.letters_page
    assert window.ctx is None and window.letter_model.rowCount() == 4
    assert page.table.isEnabled() and not page.search.isEnabled()
    assert not window.app_actions.new_letter.isEnabled()
    qtbot.waitUntil(lambda: shown == [True], timeout=3000)  # painted: the worker may open the store now
    page.table.setCurrentIndex(window.letter_model.index(2, 1))
    chosen = window.letter_model.row_at(2).id  # type: ignore[union-attr]
    release.set()
    qtbot.waitUntil(lambda: window.ctx is not None, timeout=10000)
    assert not window.letter_model.showing_quick
    assert window.letter_model.rowCount() == 4
    assert page.search.isEnabled() and window.app_actions.new_letter.isEnabled()
    assert getattr(page.current_item(), "id", None) == chosen  # the selection stayed on the same letter
    assert type(page.current_item()).__name__ == "LetterSummary"  # now from the repository
    qtbot.waitUntil(lambda: window.case_model.rowCount() == 2, timeout=3000)
    opener.wait()
    window.letter_model.wait_for_background()
    window.ctx.store.close()


def test_a_store_error_after_the_quick_rows_still_ends_in_the_dialog(
    qtbot: Any, settings: Any, fake_services: FakeServices, data_dir: Path, monkeypatch: Any
) -> None:
    from iphr_desk.core.errors import StoreError
    from iphr_desk.core.store.database import Store
    from iphr_desk.gui.main_window import MainWindow
    from iphr_desk.gui.opener import StoreOpener
    from tests.gui.conftest import seed

    with Store.open(data_dir) as store:
        seed(store)
    Store.open(data_dir).close()

    def busy(*args: Any, **kwargs: Any) -> Any:
        raise StoreError("The database is busy: another IPHR Desk window or command is writing to it.")

    monkeypatch.setattr(Store, "open", busy)
    window = MainWindow(settings, fake_services, defer_panels=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window._painted, timeout=3000)
    window.build_panels()
    opener = StoreOpener(window, fake_services, settings, str(data_dir), threaded=True, quick=True)
    opener.open()
    qtbot.waitUntil(lambda: bool(fake_services.called("error")), timeout=10000)
    assert "busy" in fake_services.called("error")[0][1]
    assert opener.failed and window.ctx is None
    assert window.letter_model.rowCount() == 0 and not window.letter_model.showing_quick
    opener.wait()


def test_on_the_days_first_start_the_rows_show_while_the_store_is_checked_and_backed_up(
    qtbot: Any, settings: Any, fake_services: FakeServices, data_dir: Path, monkeypatch: Any
) -> None:
    from iphr_desk.core.store import database as store_module
    from iphr_desk.core.store.backup import made_today
    from iphr_desk.core.store.database import Store
    from iphr_desk.gui.main_window import MainWindow
    from iphr_desk.gui.opener import StoreOpener
    from tests.gui.conftest import seed

    with Store.open(data_dir) as store:
        seed(store)
    assert not made_today(data_dir)
    checks: list[bool] = []
    real_inspect = store_module.inspect_database

    def inspect(*args: Any, quick_check: bool = True, **kwargs: Any) -> Any:
        checks.append(quick_check)
        return real_inspect(*args, quick_check=quick_check, **kwargs)

    monkeypatch.setattr(store_module, "inspect_database", inspect)
    window = MainWindow(settings, fake_services, defer_panels=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window._painted, timeout=3000)
    window.build_panels()
    seen: list[tuple[bool, int]] = []
    window.letter_model.reloaded.connect(lambda count: seen.append((window.ctx is None, count)))
    opener = StoreOpener(window, fake_services, settings, str(data_dir), threaded=True, quick=True)
    opener.open()
    qtbot.waitUntil(lambda: window.ctx is not None, timeout=10000)
    assert seen[0] == (True, 4)  # the quick rows, before the store was open
    assert checks == [False, True]  # the reader's look at the schema, then the store's quick_check
    assert window.ctx.store.backup_made is not None and made_today(data_dir)
    opener.wait()
    window.letter_model.wait_for_background()
    window.ctx.store.close()


def test_sorting_the_quick_rows_reads_the_file_and_the_store_keeps_that_order(
    qtbot: Any, settings: Any, fake_services: FakeServices, data_dir: Path
) -> None:
    from PySide6.QtCore import Qt

    from iphr_desk.core.store.database import Store
    from iphr_desk.core.store.quick_list import open_quick_reader
    from iphr_desk.gui.main_window import MainWindow
    from tests.gui.conftest import seed

    with Store.open(data_dir) as store:
        seed(store)
    reader = open_quick_reader(data_dir, None)
    assert reader is not None
    window = MainWindow(settings, fake_services)
    qtbot.addWidget(window)
    window.show_quick_rows(reader, lambda: None)
    model = window.letter_model
    subject = next(n for n in range(model.columnCount()) if model.column(n).sort_key == "subject")
    window.letters_page.table.sortByColumn(subject, Qt.SortOrder.AscendingOrder)
    quick = [model.row_at(n).subject for n in range(model.rowCount())]  # type: ignore[union-attr]
    assert quick == sorted(quick) and len(quick) == 4
    with Store.open(data_dir) as store:
        from iphr_desk.gui.context import AppContext

        window.attach(AppContext(store=store, services=fake_services, settings=settings, data_dir=data_dir))
        assert not model.showing_quick
        assert [model.row_at(n).subject for n in range(model.rowCount())] == quick  # type: ignore[union-attr]
        window.letter_model.wait_for_background()
    reader.close()


def test_pyside_no_longer_keeps_the_source_of_every_module_imported_after_it() -> None:
    """PySide6's check of each new module for "PySide6" reads the file's bytes, not via linecache."""
    probe = """
import linecache, sys
from PySide6 import QtCore
from iphr_desk.gui.app import spare_the_source_cache
if not spare_the_source_cache():
    print('NO HOOK'); sys.exit(0)
assert not spare_the_source_cache()  # once is enough
import iphr_desk.core.store.quick_list as plain
import iphr_desk.gui.widgets.navigation as with_qt
feature = sys.modules['shibokensupport.feature']
uses = feature._mod_uses_pyside
print('USES', uses(plain), uses(with_qt), uses(sys))
print('CACHED', sorted(k for k in linecache.cache if 'quick_list' in k or 'navigation' in k))
"""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", probe], env=env, cwd=REPO, capture_output=True, text=True, timeout=120
    )
    if "NO HOOK" in result.stdout:
        pytest.skip("this PySide6 has no __feature__ source check")
    assert "USES False True False" in result.stdout, result.stdout + result.stderr
    assert "CACHED []" in result.stdout, result.stdout + result.stderr
