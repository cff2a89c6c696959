"""What goes into the PyInstaller bundle, in one place: the spec builds from it and tests/packaging checks it.

Kept out of the .spec file so that a quick test can assert the data list (resources, Alembic scripts, plugin
metadata) without running a build that takes minutes.
"""

from __future__ import annotations

import importlib.metadata
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath

APP_NAME = "iphr-desk"  # the one executable: CLI sub-commands and, with none or `gui`, the window
GUI_NAME = "iphr-desk-gui"  # Windows only: the same program without a console window, for the Start menu
APP_ID = "org.iphr.Desk"  # macOS bundle identifier, freedesktop desktop-file id, AppStream id
WINDOWS_APP_USER_MODEL_ID = "IPHR.Desk"
MAC_BUNDLE_NAME = "IPHR Desk.app"

# Only the interface languages (en, fr, ru) and the letter languages (+ de) need locale data; babel ships
# about 1,100 locales (35 MB). "root" is the parent every locale falls back on.
BABEL_LANGUAGES = frozenset({"en", "fr", "ru", "de"})
QT_TRANSLATION_LANGUAGES = frozenset({"en", "fr", "ru", "de"})

# Qt modules a widgets app never needs. PyInstaller collects only what is imported, so these excludes guard
# against a stray import dragging in QML/Quick (tens of MB) or a module with network or device access.
QT_EXCLUDES = [
    f"PySide6.{name}"
    for name in (
        "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
        "QtBluetooth", "QtCharts", "QtDataVisualization", "QtDesigner", "QtGraphs", "QtGraphsWidgets",
        "QtHelp", "QtHttpServer", "QtLabsStyleKit", "QtLocation", "QtMultimedia", "QtMultimediaWidgets",
        "QtNetworkAuth", "QtNfc", "QtOpenGL", "QtOpenGLWidgets", "QtPdf", "QtPdfWidgets", "QtPositioning",
        "QtQml", "QtQmlFeatures", "QtQuick", "QtQuick3D", "QtQuickControls2", "QtQuickTest", "QtQuickWidgets",
        "QtRemoteObjects", "QtScxml", "QtSensors", "QtSerialBus", "QtSerialPort", "QtSpatialAudio", "QtSql",
        "QtStateMachine", "QtTest", "QtTextToSpeech", "QtUiTools", "QtWebChannel", "QtWebEngineCore",
        "QtWebEngineQuick", "QtWebEngineWidgets", "QtWebSockets", "QtWebView", "QtXml",
    )
]  # fmt: skip
# Python packages only the tests, the benchmarks or the developer tools use.
PYTHON_EXCLUDES = [
    "tkinter", "_tkinter", "turtle", "turtledemo", "idlelib", "pydoc_data",
    "pytest", "_pytest", "pytestqt", "hypothesis", "mypy", "ruff", "IPython", "docxtpl", "PyInstaller",
]  # fmt: skip
EXCLUDES = QT_EXCLUDES + PYTHON_EXCLUDES

# Qt plugins for embedded devices (EGLFS, framebuffer, evdev input), the VNC server platform, and the network
# plugins (TLS backends, NetworkManager status): a desktop app that never talks to the network needs none.
DROPPED_QT_PLUGIN_FOLDERS = frozenset({"egldeviceintegrations", "generic", "networkinformation", "tls"})
DROPPED_QT_PLUGINS = {
    "platforms": ("qeglfs", "qlinuxfb", "qminimalegl", "qvkkhrdisplay", "qvnc"),
    # The GTK theme plugin would load the user's GTK 3 against the pango/cairo copied from the build machine
    # (a known cause of crashes); without it Qt uses the XDG portal theme or its own.
    "platformthemes": ("qgtk3",),
}
DROPPED_QT_LIBRARIES = ("Qt6EglFSDeviceIntegration", "Qt6EglFsKmsSupport")

MDFORMAT_EP_GROUPS = ("mdformat.parser_extension", "mdformat.codeformatter")
SKIPPED_NAMES = {"__pycache__", ".DS_Store", ".gitignore"}
SKIPPED_SUFFIXES = {".pyc", ".pyo", ".ts"}  # .ts: translation sources; the bundle needs the compiled .qm


def _shippable(path: Path) -> bool:
    skipped = SKIPPED_NAMES.intersection(path.parts) or path.suffix in SKIPPED_SUFFIXES
    return path.is_file() and not skipped


def _tree(source: Path, dest: str, suffixes: Iterable[str] | None = None) -> list[tuple[str, str]]:
    """(file, destination folder) pairs for every shippable file under `source`, keeping sub-folders."""
    if not source.is_dir():
        return []
    wanted = set(suffixes) if suffixes is not None else None
    pairs = []
    for path in sorted(source.rglob("*")):
        if not _shippable(path) or (wanted is not None and path.suffix not in wanted):
            continue
        folder = PurePosixPath(dest, *path.relative_to(source).parent.parts)
        pairs.append((str(path), str(folder)))
    return pairs


def resource_files(repo: Path) -> list[tuple[str, str]]:
    """resources/ goes to iphr_desk/resources, where iphr_desk.resources looks when frozen.

    Of resources/translations only the compiled catalogs (.qm) ship: the .ts, the YAML sources and the script
    that fills them are for `make translations`.
    """
    translations = str(PurePosixPath("iphr_desk/resources/translations"))
    return [
        (src, dest)
        for src, dest in _tree(repo / "resources", "iphr_desk/resources")
        if not dest.startswith(translations) or src.endswith(".qm")
    ]


def migration_files(repo: Path) -> list[tuple[str, str]]:
    """Alembic reads env.py, versions/*.py and script.py.mako from disk: they ship as files, not bytecode."""
    source = repo / "iphr_desk" / "core" / "store" / "migrations"
    return _tree(source, "iphr_desk/core/store/migrations", {".py", ".mako", ".ini"})


def mdformat_plugin_distributions() -> list[str]:
    """Installed distributions that register mdformat plugins (mdformat finds them through entry points)."""
    names = {"mdformat"}
    for dist in importlib.metadata.distributions():
        if any(ep.group in MDFORMAT_EP_GROUPS for ep in dist.entry_points):
            names.add(dist.metadata["Name"])
    return sorted(names)


def mdformat_plugin_modules() -> list[str]:
    """The modules the mdformat entry points name, which no import statement reaches."""
    modules = set()
    for group in MDFORMAT_EP_GROUPS:
        for ep in importlib.metadata.entry_points(group=group):
            modules.add(ep.module)
    return sorted(modules)


def data_files(repo: Path) -> list[tuple[str, str]]:
    """Every non-Python file the frozen app reads, plus the metadata entry-point discovery needs."""
    from PyInstaller.utils.hooks import collect_data_files, copy_metadata

    datas = resource_files(repo) + migration_files(repo)
    datas += collect_data_files("docx")  # python-docx's default template, used by Document()
    datas += collect_data_files("pytrovich")  # its declension rules (pymorphy3's dictionaries: its own hook)
    # German nouns (core/protocol/german.py): nouns.csv and its prebuilt index.txt (without the index the
    # library would try to write one into the read-only bundle).
    datas += collect_data_files("german_nouns")
    for dist in mdformat_plugin_distributions():
        datas += copy_metadata(dist)
    return datas


def hidden_imports() -> list[str]:
    """Modules reached only at run time: lazy GUI imports, SQLAlchemy dialects, Alembic ops, plugins."""
    from PyInstaller.utils.hooks import collect_submodules

    modules = collect_submodules("iphr_desk")
    modules += collect_submodules("alembic", filter=lambda name: not name.startswith("alembic.testing"))
    modules += collect_submodules("mdit_py_plugins")
    modules += collect_submodules("platformdirs")
    modules += [
        "sqlalchemy.dialects.sqlite",
        "sqlalchemy.dialects.sqlite.pysqlite",
        "sqlalchemy.dialects.sqlite.pysqlcipher",
        "sqlcipher3",
        "sqlcipher3.dbapi2",
        "babel.dates",
        "babel.numbers",
        "babel.languages",
        "yaml",
        "lxml.etree",
        "lxml._elementpath",
    ]
    modules += mdformat_plugin_modules()
    return sorted(set(modules))


def keep_data(dest: str) -> bool:
    """Whether a collected data file stays: drops babel locales and Qt translations of unused languages."""
    path = PurePosixPath(dest.replace("\\", "/"))
    if path.parts[:2] == ("babel", "locale-data") and path.suffix == ".dat":
        return path.stem == "root" or path.stem.split("_")[0] in BABEL_LANGUAGES
    if "translations" in path.parts and path.parts[0] == "PySide6" and path.suffix == ".qm":
        # qtbase_fr.qm, qt_zh_CN.qm, qtmultimedia_pt_BR.qm: the language follows the first underscore
        _, _, locale = path.stem.partition("_")
        return locale.split("_")[0] in QT_TRANSLATION_LANGUAGES
    return True


def keep_binary(dest: str) -> bool:
    """Whether a collected library stays: drops Qt plugins (and their libraries) a desktop app never loads."""
    path = PurePosixPath(dest.replace("\\", "/"))
    if path.parts[:1] != ("PySide6",):
        return True
    if "plugins" in path.parts and path.parts[-1] != "plugins":
        folder = path.parts[path.parts.index("plugins") + 1]
        if folder in DROPPED_QT_PLUGIN_FOLDERS:
            return False
        if path.name.removeprefix("lib").startswith(DROPPED_QT_PLUGINS.get(folder, ())):
            return False
    return not path.name.removeprefix("lib").startswith(DROPPED_QT_LIBRARIES)


Entry = tuple[str, str, str]  # PyInstaller's TOC entry: destination, source, type


def drop_unused_binaries(binaries: list[Entry], imports_of: Callable[[str], Iterable[str]]) -> list[Entry]:
    """The binaries minus the dropped plugins and the libraries that only those plugins linked to.

    PyInstaller resolves link-time dependencies before the spec can filter, so dropping a plugin leaves its
    libraries behind; `imports_of(source)` (the names a binary links to) tells which nothing else needs.
    """
    kept = [entry for entry in binaries if keep_binary(entry[0])]
    removed = [entry for entry in binaries if not keep_binary(entry[0])]
    by_name = {_basename(dest): source for dest, source, _ in kept}

    def reached(sources: Iterable[str]) -> set[str]:
        seen: set[str] = set()
        stack = list(sources)
        while stack:
            for name in imports_of(stack.pop()):
                base = _basename(name)
                if base in by_name and base not in seen:
                    seen.add(base)
                    stack.append(by_name[base])
        return seen

    candidates = reached(source for _, source, _ in removed)
    needed = reached(source for dest, source, _ in kept if _basename(dest) not in candidates)
    orphans = candidates - needed
    return [entry for entry in kept if _basename(entry[0]) not in orphans]


def _basename(name: str) -> str:
    return PurePosixPath(name.replace("\\", "/")).name
