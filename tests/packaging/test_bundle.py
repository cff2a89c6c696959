"""What the PyInstaller spec puts in the bundle, checked without building it; and a built bundle, if present.

Building takes about half a minute to minutes, so `make test` does not build: CI runs `make package` and
packaging/smoke_test.sh after it. The last tests here run only when dist/iphr-desk exists.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from iphr_desk import __version__, resources

REPO = Path(__file__).resolve().parents[2]
BUNDLE = REPO / "dist" / "iphr-desk"


def _load_config() -> ModuleType:
    """packaging/bundle_config.py by path: a `packaging` package name would clash with the PyPI library."""
    spec = importlib.util.spec_from_file_location("bundle_config", REPO / "packaging" / "bundle_config.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


cfg = _load_config()


def test_every_resource_is_found_where_the_frozen_app_looks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pairs = cfg.resource_files(REPO)
    shipped = {Path(src) for src, _ in pairs}
    translations = REPO / "resources" / "translations"
    expected = {
        p
        for p in (REPO / "resources").rglob("*")
        if cfg._shippable(p) and (translations not in p.parents or p.suffix == ".qm")
    }
    assert {p.name for p in shipped if translations in p.parents} == {
        p.name for p in translations.glob("*.qm")
    }
    assert shipped == expected
    for src, dest in pairs:  # lay the files out as PyInstaller will, under a fake _MEIPASS
        target = tmp_path / dest / Path(src).name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(Path(src).read_bytes())
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    for path in expected:
        assert resources.resource(*path.relative_to(REPO / "resources").parts).is_file(), path


def test_translation_sources_and_caches_stay_out() -> None:
    for src, _ in cfg.resource_files(REPO) + cfg.migration_files(REPO):
        assert not src.endswith((".ts", ".pyc")) and "__pycache__" not in src


def test_alembic_scripts_ship_as_source_files() -> None:
    folder = REPO / "iphr_desk" / "core" / "store" / "migrations"
    assert (folder / "env.py").is_file()
    shipped = {(Path(src).relative_to(folder), dest) for src, dest in cfg.migration_files(REPO)}
    for script in [*folder.glob("*.py"), *folder.glob("versions/*.py"), *folder.glob("*.mako")]:
        rel = script.relative_to(folder)
        assert (rel, "/".join(("iphr_desk/core/store/migrations", *rel.parent.parts))) in shipped, rel


def test_babel_keeps_only_the_four_languages_and_root() -> None:
    kept = ["root", "en", "en_GB", "en_001", "fr", "fr_BE", "ru", "ru_KZ", "de", "de_AT"]
    dropped = ["ja", "kk", "uz_Cyrl", "es_419", "frr", "ro"]
    for stem in kept:
        assert cfg.keep_data(f"babel/locale-data/{stem}.dat"), stem
    for stem in dropped:
        assert not cfg.keep_data(f"babel/locale-data/{stem}.dat"), stem
    assert cfg.keep_data("babel/global.dat")


def test_qt_translations_keep_the_four_languages() -> None:
    folder = "PySide6/Qt/translations"
    for name in ("qtbase_fr.qm", "qtbase_ru.qm", "qt_de.qm", "qtbase_en.qm"):
        assert cfg.keep_data(f"{folder}/{name}"), name
    for name in ("qtbase_ja.qm", "qt_zh_CN.qm", "qtbase_pt_BR.qm", "qt_help_fr.qm"):
        assert not cfg.keep_data(f"{folder}/{name}"), name
    assert cfg.keep_data("iphr_desk/resources/translations/iphr_desk_ja.qm")  # ours are never trimmed


def test_only_desktop_qt_plugins_stay() -> None:
    plugins = "PySide6/Qt/plugins"
    for kept in (
        "platforms/libqxcb.so",
        "platforms/libqwayland.so",
        "platforms/libqoffscreen.so",
        "platforms/libqminimal.so",
        "imageformats/libqsvg.so",
        "iconengines/libqsvgicon.so",
    ):
        assert cfg.keep_binary(f"{plugins}/{kept}"), kept
    for dropped in (
        "platforms/libqvnc.so",
        "platforms/libqeglfs.so",
        "platforms/libqminimalegl.so",
        "platformthemes/libqgtk3.so",
        "tls/libqopensslbackend.so",
        "networkinformation/libqnetworkmanager.so",
    ):
        assert not cfg.keep_binary(f"{plugins}/{dropped}"), dropped
    assert cfg.keep_binary("PySide6\\plugins\\platforms\\qwindows.dll")
    assert not cfg.keep_binary("PySide6\\plugins\\platforms\\qvnc.dll")
    assert not cfg.keep_binary("PySide6/Qt/lib/libQt6EglFSDeviceIntegration.so.6")
    assert cfg.keep_binary("PySide6/Qt/lib/libQt6Gui.so.6") and cfg.keep_binary("libssl.so.3")


def _imported_top_modules() -> set[str]:
    """Every `PySide6.X` and top-level package the app's code imports."""
    found: set[str] = set()
    pattern = re.compile(r"^\s*(?:from|import)\s+([\w.]+)", re.MULTILINE)
    for source in (REPO / "iphr_desk").rglob("*.py"):
        for name in pattern.findall(source.read_text(encoding="utf-8")):
            parts = name.split(".")
            found.add(".".join(parts[:2]) if parts[0] == "PySide6" else parts[0])
    return found


def test_excludes_spare_every_module_the_app_imports() -> None:
    clash = _imported_top_modules() & set(cfg.EXCLUDES)
    assert not clash, f"the app imports {sorted(clash)}: remove them from packaging/bundle_config.py excludes"


@pytest.fixture(scope="module")
def collected() -> tuple[list[tuple[str, str]], list[str]]:
    pytest.importorskip("PyInstaller")
    return cfg.data_files(REPO), cfg.hidden_imports()


def test_mdformat_plugins_keep_their_entry_points(collected: tuple[list[tuple[str, str]], list[str]]) -> None:
    datas, hidden = collected
    folders = {Path(dest).name.lower() for _, dest in datas}
    for dist in cfg.mdformat_plugin_distributions():
        stem = dist.lower().replace("-", "_")
        assert any(f.startswith(stem + "-") and f.endswith(".dist-info") for f in folders), dist
    for module in cfg.mdformat_plugin_modules():
        assert module in hidden, module


def test_lazy_imports_and_docx_template_are_collected(
    collected: tuple[list[tuple[str, str]], list[str]],
) -> None:
    datas, hidden = collected
    needed = {
        "iphr_desk.cli",
        "iphr_desk.core.letters.letterfile",
        "sqlalchemy.dialects.sqlite",
        "sqlcipher3",
    }
    assert needed <= set(hidden)
    gui_modules = {
        p.relative_to(REPO).with_suffix("").as_posix().replace("/", ".")
        for p in (REPO / "iphr_desk" / "gui").glob("*.py")
        if p.name != "__init__.py"
    }
    assert gui_modules <= set(hidden), gui_modules - set(hidden)
    assert not [m for m in hidden if m.startswith("alembic.testing")]
    assert any(src.endswith("default.docx") and dest.startswith("docx") for src, dest in datas)


needs_bundle = pytest.mark.skipif(
    not (BUNDLE / "iphr-desk").is_file(), reason="no built bundle in dist/ (make package)"
)


@needs_bundle
def test_built_bundle_prints_its_version() -> None:
    result = subprocess.run(
        [str(BUNDLE / "iphr-desk"), "--version"], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"iphr-desk {__version__}"


@needs_bundle
def test_built_bundle_holds_resources_and_leaves_out_tests_and_unused_qt() -> None:
    internal = BUNDLE / "_internal"
    assert (internal / "iphr_desk" / "resources").is_dir()
    for absent in ("pytest", "_pytest", "hypothesis", "tkinter", "PyInstaller"):
        assert not (internal / absent).exists(), absent
    libraries = " ".join(p.name for p in internal.rglob("*Qt6*"))
    for module in ("Qml", "Quick", "WebEngine", "Multimedia", "3D", "Pdf"):
        assert f"Qt6{module}" not in libraries, module
    locales = list((internal / "babel" / "locale-data").glob("*.dat"))
    assert locales and all(cfg.keep_data(f"babel/locale-data/{p.name}") for p in locales)


def test_dropping_a_plugin_drops_the_libraries_only_it_needed() -> None:
    gtk = "PySide6/Qt/plugins/platformthemes/libqgtk3.so"
    xcb = "PySide6/Qt/plugins/platforms/libqxcb.so"
    links = {
        gtk: ["libpango-1.0.so.0", "libglib-2.0.so.0", "libc.so.6"],
        "libpango-1.0.so.0": ["libharfbuzz.so.0", "libglib-2.0.so.0"],
        "libharfbuzz.so.0": [],
        xcb: ["libglib-2.0.so.0", "libxcb-cursor.so.0"],
        "libglib-2.0.so.0": ["libpcre2-8.so.0"],
        "libxcb-cursor.so.0": [],
        "libpcre2-8.so.0": [],
        "libpython3.11.so.1.0": [],
    }
    binaries = [(dest, dest, "BINARY") for dest in links]
    kept = {dest for dest, _, _ in cfg.drop_unused_binaries(binaries, lambda source: links[source])}
    assert kept == {xcb, "libglib-2.0.so.0", "libxcb-cursor.so.0", "libpcre2-8.so.0", "libpython3.11.so.1.0"}
