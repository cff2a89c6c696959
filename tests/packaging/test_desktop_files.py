"""The desktop integration files validate, agree with each other, and the icon renders in every size."""

from __future__ import annotations

import configparser
import os
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from iphr_desk import __version__

REPO = Path(__file__).resolve().parents[2]
PACKAGING = REPO / "packaging"
DESKTOP = PACKAGING / "linux" / "org.iphr.Desk.desktop"
METAINFO = PACKAGING / "linux" / "org.iphr.Desk.metainfo.xml"
INSTALL = PACKAGING / "linux" / "install.sh"
APP_ID = "org.iphr.Desk"


def _desktop_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def _validate_desktop(path: Path) -> None:
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        pytest.skip("desktop-file-validate is not installed (packaging/system-deps.sh test)")
    result = subprocess.run([tool, str(path)], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_desktop_file_validates() -> None:
    _validate_desktop(DESKTOP)


def test_metainfo_validates_offline() -> None:
    tool = shutil.which("appstreamcli")
    if tool is None:
        pytest.skip("appstreamcli is not installed (packaging/system-deps.sh test)")
    result = subprocess.run(
        [tool, "validate", "--no-net", str(METAINFO)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_ids_names_and_version_agree() -> None:
    entry = _desktop_entry(DESKTOP)
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable[@type='desktop-id']") == DESKTOP.name
    assert entry["Icon"] == APP_ID
    assert entry["Exec"].split()[0] == root.findtext("provides/binary") == "iphr-desk"
    assert entry["Name"] == root.findtext("name")
    versions = [release.get("version") for release in root.iter("release")]
    assert __version__ in versions, f"metainfo has no <release> for version {__version__}"


def _run_make_icons(out: Path) -> None:
    """In a child process: the icon script makes its own QGuiApplication, which must not leak into tests."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    script = PACKAGING / "icons" / "make_icons.py"
    subprocess.run([sys.executable, str(script), str(out)], check=True, env=env, timeout=120)


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_icons_render_in_every_size(tmp_path: Path) -> None:
    _run_make_icons(tmp_path)
    for size in (16, 22, 24, 32, 48, 64, 128, 256, 512):
        png = tmp_path / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert _png_size(png.read_bytes()) == (size, size)
    assert (tmp_path / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()

    ico = (tmp_path / "iphr-desk.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1) and count >= 5
    for index in range(count):
        entry = ico[6 + 16 * index : 22 + 16 * index]
        side, _, _, _, _, _, length, offset = struct.unpack("<BBBBHHII", entry)
        width, _ = _png_size(ico[offset : offset + length])
        assert width == (side or 256)

    icns = (tmp_path / "iphr-desk.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    assert b"ic10" in icns  # the 1024-pixel image a Retina Dock asks for


def _fake_bundle(root: Path) -> Path:
    """A folder laid out as the spec lays out dist/iphr-desk on Linux, with a stand-in executable."""
    bundle = root / "iphr-desk"
    (bundle / "_internal").mkdir(parents=True)
    exe = bundle / "iphr-desk"
    exe.write_text("#!/bin/sh\necho iphr-desk 0\n")
    exe.chmod(0o755)
    (bundle / "share" / "applications").mkdir(parents=True)
    (bundle / "share" / "metainfo").mkdir(parents=True)
    shutil.copy2(DESKTOP, bundle / "share" / "applications")
    shutil.copy2(METAINFO, bundle / "share" / "metainfo")
    _run_make_icons(bundle / "share" / "icons")
    shutil.copy2(INSTALL, bundle / "install.sh")
    return bundle


def test_linux_install_and_uninstall_per_user(tmp_path: Path) -> None:
    bundle = _fake_bundle(tmp_path / "unpacked")
    prefix = tmp_path / "prefix with space"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "PREFIX": str(prefix)}
    subprocess.run(["sh", str(bundle / "install.sh")], check=True, env=env, capture_output=True)

    installed = prefix / "share" / "applications" / DESKTOP.name
    _validate_desktop(installed)
    assert _desktop_entry(installed)["Exec"] == f'"{prefix}/bin/iphr-desk" gui'
    assert subprocess.run([prefix / "bin" / "iphr-desk"], capture_output=True, check=True).returncode == 0
    assert (prefix / "share" / "metainfo" / METAINFO.name).is_file()
    assert (prefix / "share" / "icons" / "hicolor" / "48x48" / "apps" / f"{APP_ID}.png").is_file()

    uninstall = ["sh", str(bundle / "install.sh"), "--uninstall"]
    subprocess.run(uninstall, check=True, env=env, capture_output=True)
    left = [p for p in prefix.rglob("*") if p.is_file()]
    assert not [p for p in left if "iphr" in p.name.lower() or APP_ID in p.name], left


def test_windows_installer_script_agrees_with_the_bundle() -> None:
    iss = (PACKAGING / "windows" / "iphr-desk.iss").read_text(encoding="utf-8")
    lines = iss.splitlines()
    defines = dict(line.split(" ", 2)[1:] for line in lines if line.startswith("#define "))
    assert defines["AppVersion"] == f'"{__version__}"'
    assert defines["AppUserModelID"] == '"IPHR.Desk"'
    assert defines["GuiExe"] == '"iphr-desk-gui.exe"'
    shortcuts = [line for line in lines if line.startswith('Name: "{auto')]
    assert shortcuts and all('AppUserModelID: "{#AppUserModelID}"' in line for line in shortcuts)
    assert all('Filename: "{app}\\{#GuiExe}"' in line for line in shortcuts)
    assert "PrivilegesRequired=lowest" in iss and "PrivilegesRequiredOverridesAllowed=dialog" in iss
    assert 'Source: "..\\..\\dist\\iphr-desk\\*"' in iss
