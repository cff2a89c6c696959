"""The signatory form's "Signature image": a preview, "Choose…" and "Clear" (issue 15).

A PNG is checked and cleaned by the core (`core.signing.images`); an SVG is sanitised by the core first,
then drawn here with Qt's own SVG renderer (QtSvg: the core has none), and the PNG goes through the same
checks. Nothing is stored until the form is saved: `save(record_id)` then writes or clears the image.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

if TYPE_CHECKING:
    from iphr_desk.gui.context import AppContext

PREVIEW_SIZE: Final = QSize(240, 80)


def render_svg(svg: bytes, width: int) -> bytes:
    """A PNG of the (already sanitised) SVG, `width` pixels across, on a transparent background."""
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(svg))
    if not renderer.isValid():
        from iphr_desk.core.errors import BadInput

        raise BadInput("The SVG cannot be drawn.")
    size = renderer.defaultSize()
    if size.width() <= 0 or size.height() <= 0:
        size = QSize(width, width // 3)
    height = max(1, round(width * size.height() / size.width()))
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # PySide6 wants a str, its stubs say bytes
    return bytes(buffer.data().data())


class SignatureImageField(QWidget):
    """The image shown, and what saving the form will do with it."""

    def __init__(self, ctx: AppContext, record_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signatureImageField")
        self.ctx = ctx
        self.changed = False
        self.png: bytes | None = None
        if record_id is not None:
            from iphr_desk.core.store.repository.address_book import get_signature_image

            self.png = get_signature_image(ctx.store, record_id)
        self.preview = QLabel(self)
        self.preview.setObjectName("signaturePreview")
        self.preview.setFixedSize(PREVIEW_SIZE)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setFrameShape(QLabel.Shape.StyledPanel)
        self.choose_button = QPushButton(self.tr("C&hoose…"), self)
        self.choose_button.setObjectName("chooseSignatureImage")
        self.clear_button = QPushButton(self.tr("Clea&r"), self)
        self.clear_button.setObjectName("clearSignatureImage")
        self.choose_button.setAccessibleName(self.tr("Choose a signature image"))
        self.clear_button.setAccessibleName(self.tr("Clear the signature image"))
        self.choose_button.clicked.connect(self.choose)
        self.clear_button.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preview)
        layout.addWidget(self.choose_button)
        layout.addWidget(self.clear_button)
        layout.addStretch(1)
        self.setToolTip(
            self.tr(
                "A PNG or SVG of the handwritten signature. It is printed above the name only on "
                "letters that are signed or sent, never on a draft."
            )
        )
        self._show()

    def _show(self) -> None:
        self.clear_button.setEnabled(self.png is not None)
        if self.png is None:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("No signature image"))
            return
        pixmap = QPixmap()
        pixmap.loadFromData(self.png)
        self.preview.setText("")
        self.preview.setPixmap(
            pixmap.scaled(
                PREVIEW_SIZE, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        )

    def choose(self) -> None:
        path = self.ctx.services.open_file(
            self, self.tr("Choose a Signature Image"), self.tr("Signature images (*.png *.svg)")
        )
        if path is not None:
            self.load(path)

    def load(self, path: Path) -> bool:
        """Check and clean the image at `path` and show it; a refused file is told, not kept."""
        from iphr_desk.core.boundedio import UnreadableFile, read_bounded
        from iphr_desk.core.errors import IphrError
        from iphr_desk.core.signing.images import MAX_FILE_BYTES, prepare_signature_image

        try:
            data = read_bounded(path, MAX_FILE_BYTES, what="an image")
            prepared = prepare_signature_image(data, render_svg=render_svg)
        except UnreadableFile as exc:
            self.ctx.services.warning(self, self.tr("Signature Image"), f"{path.name}: {exc.problem}.")
            return False
        except IphrError as exc:
            self.ctx.services.warning(self, self.tr("Signature Image"), str(exc))
            return False
        self.png = prepared.png
        self.changed = True
        self._show()
        return True

    def clear(self) -> None:
        self.png = None
        self.changed = True
        self._show()

    def save(self, record_id: int) -> None:
        """Store what the form shows (only when it was changed)."""
        if not self.changed:
            return
        from iphr_desk.core.store.repository.address_book import set_signature_image

        set_signature_image(self.ctx.store, record_id, self.png)
        self.changed = False
