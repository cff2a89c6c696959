"""Render the application icon (SVG) to the PNG sizes, .ico and .icns each platform wants.

Usage: python packaging/icons/make_icons.py OUT_DIR [SVG]

Writes OUT_DIR/hicolor/<N>x<N>/apps/org.iphr.Desk.png for the freedesktop sizes, the SVG as
OUT_DIR/hicolor/scalable/apps/org.iphr.Desk.svg, OUT_DIR/iphr-desk.ico (Windows) and OUT_DIR/iphr-desk.icns
(macOS). The source is resources/icons/iphr-desk.svg, the icon the window itself shows, so the launcher,
the taskbar and the window title bar agree.

Qt's SVG renderer (QtSvg is part of PySide6-Essentials) does the drawing, so no extra tool is needed on any of
the three build platforms. The .ico and .icns containers are written by hand below: Qt's image writers store
one image per file, Pillow would be a dependency for this one job, and both formats are a header plus a table
of PNG images.
"""

from __future__ import annotations

import os
import shutil
import struct
import sys
from pathlib import Path

APP_ID = "org.iphr.Desk"
HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element types holding PNG data, by pixel size (Apple's icns format, types since macOS 10.7).
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09", 1024: b"ic10"}


def source_svg() -> Path:
    return REPO / "resources" / "icons" / "iphr-desk.svg"


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn on a transparent square of `size` pixels, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: {svg} is not a valid SVG file")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; PySide6 wants str
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICO file whose images are PNG-compressed (read by Windows Vista and later)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = 6 + 16 * len(sizes)
    entries, blobs = [], []
    for size in sizes:
        blob = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256 in the directory entry
        entries.append(struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset))
        blobs.append(blob)
        offset += len(blob)
    return header + b"".join(entries) + b"".join(blobs)


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICNS file: big-endian 'icns' header, then one (type, length, PNG) element per size."""
    elements = b"".join(
        ICNS_TYPES[size] + struct.pack(">I", 8 + len(blob)) + blob for size, blob in sorted(pngs.items())
    )
    return b"icns" + struct.pack(">I", 8 + len(elements)) + elements


def make_icons(out: Path, svg: Path) -> None:
    from PySide6.QtGui import QGuiApplication

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication.instance() or QGuiApplication([])
    sizes = sorted({*PNG_SIZES, *ICO_SIZES, *ICNS_TYPES})
    pngs = {size: render_png(svg, size) for size in sizes}
    for size in PNG_SIZES:
        target = out / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pngs[size])
    scalable = out / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(svg, scalable)
    (out / "iphr-desk.ico").write_bytes(ico_bytes({s: pngs[s] for s in ICO_SIZES}))
    (out / "iphr-desk.icns").write_bytes(icns_bytes({s: pngs[s] for s in ICNS_TYPES}))


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    make_icons(Path(argv[1]), Path(argv[2]) if len(argv) == 3 else source_svg())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
