"""The application icon in every form the platforms use, rendered from the one SVG."""

import struct
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray
from PySide6.QtGui import QImage
from support.packaging_files import load_packaging_script

ROOT = Path(__file__).resolve().parents[2]
ICONS = ROOT / "resources" / "icons"


def load_make_icons():
    return load_packaging_script("make_icons.py")


def png_size(data: bytes) -> tuple[int, int]:
    image = QImage.fromData(QByteArray(data), "PNG")
    assert not image.isNull()
    return image.width(), image.height()


def ico_entries(data: bytes) -> list[tuple[int, bytes]]:
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    entries = []
    for index in range(count):
        side, _, _, _, _, _, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * index)
        entries.append((side or 256, data[offset : offset + length]))
    return entries


def icns_entries(data: bytes) -> dict[bytes, bytes]:
    assert data[:4] == b"icns"
    assert struct.unpack_from(">I", data, 4)[0] == len(data)
    entries, offset = {}, 8
    while offset < len(data):
        kind, length = data[offset : offset + 4], struct.unpack_from(">I", data, offset + 4)[0]
        entries[kind] = data[offset + 8 : offset + length]
        offset += length
    return entries


@pytest.mark.parametrize("size", [16, 24, 32, 48, 64, 128, 256, 512])
def test_png_renderings_have_their_size(size):
    assert png_size((ICONS / f"voicerecorder-{size}.png").read_bytes()) == (size, size)


def test_windows_icon_holds_every_size_up_to_256():
    entries = ico_entries((ICONS / "voicerecorder.ico").read_bytes())
    assert [side for side, _ in entries] == [16, 24, 32, 48, 64, 128, 256]
    for side, png in entries:
        assert png_size(png) == (side, side)


def test_macos_icon_holds_the_standard_sizes():
    entries = icns_entries((ICONS / "voicerecorder.icns").read_bytes())
    expected = {b"icp4": 16, b"icp5": 32, b"icp6": 64, b"ic07": 128, b"ic08": 256, b"ic09": 512}
    assert set(entries) == set(expected)
    for kind, side in expected.items():
        assert png_size(entries[kind]) == (side, side)


def test_the_renderer_draws_the_svg_at_any_size(qapp):
    make_icons = load_make_icons()
    png = make_icons.render_png(ICONS / "voicerecorder.svg", 40)
    assert png_size(png) == (40, 40)
    image = QImage.fromData(QByteArray(png), "PNG")
    assert image.pixelColor(0, 0).alpha() == 0
    assert image.pixelColor(20, 20).alpha() == 255


def test_the_renderer_reports_an_unreadable_svg(qapp, tmp_path):
    broken = tmp_path / "broken.svg"
    broken.write_text("<svg")
    with pytest.raises(RuntimeError, match="could not render"):
        load_make_icons().render_png(broken, 32)


def test_icon_containers_round_trip():
    make_icons = load_make_icons()
    pngs = {16: b"\x89PNG-sixteen", 256: b"\x89PNG-two-five-six"}
    assert ico_entries(make_icons.ico_bytes(pngs)) == [(16, pngs[16]), (256, pngs[256])]
    all_sizes = {size: f"png-{size}".encode() for size in (16, 32, 64, 128, 256, 512)}
    assert icns_entries(make_icons.icns_bytes(all_sizes))[b"ic09"] == b"png-512"
