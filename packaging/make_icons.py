"""Render resources/icons/voicerecorder.svg into the PNG, .ico and .icns files the installers use.

Run after changing the SVG:  QT_QPA_PLATFORM=offscreen python packaging/make_icons.py
The PNGs are drawn by Qt's SVG image reader; the .ico (Windows) and .icns (macOS) files
hold those PNGs unchanged, which both formats allow.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QGuiApplication, QImage, QImageReader

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element types that hold PNG data, by pixel size (macOS 10.7 and later).
ICNS_TYPES = ((b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256), (b"ic09", 512))


def render_png(svg: Path, size: int) -> bytes:
    """Draw ``svg`` at ``size`` x ``size`` pixels and return it as PNG data."""
    reader = QImageReader(str(svg))
    reader.setScaledSize(QSize(size, size))
    image = reader.read()
    if image.isNull():
        raise RuntimeError(f"Qt could not render {svg}: {reader.errorString()}")
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows icon file holding one PNG per size (sizes up to 256)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, images = b"", b""
    for size, png in sorted(pngs.items()):
        side = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(images))
        images += png
    return header + entries + images


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS icon file holding the PNGs for the standard sizes."""
    body = b"".join(kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    """Write every rendering next to the SVG."""
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # Qt renders only with one
    svg = ICONS / "voicerecorder.svg"
    pngs = {size: render_png(svg, size) for size in PNG_SIZES}
    for size, png in pngs.items():
        (ICONS / f"voicerecorder-{size}.png").write_bytes(png)
    (ICONS / "voicerecorder.ico").write_bytes(ico_bytes({size: pngs[size] for size in ICO_SIZES}))
    (ICONS / "voicerecorder.icns").write_bytes(icns_bytes(pngs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
