"""``--screenshots``: the committed README pictures are the set the app renders, in both languages,
README shows only pictures that exist, and every page is drawn with the keyboard focus ring."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QImage

from voicerecorder.ui import i18n
from voicerecorder.ui.screenshots import DEMO_PAGES, render_all
from voicerecorder.ui.style import focus_color

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
SHOTS = ROOT / "resources" / "screenshots"
LANGUAGES = ("en", "zh_CN")
IMAGE_LINK = re.compile(r"""(?:src=["']|\]\()(?P<path>[^"')\s]+\.png)""")


@pytest.fixture(scope="module")
def rendered(qapp, tmp_path_factory) -> dict[str, list[Path]]:
    """Both languages rendered once into a temporary folder (short settling: names and focus only)."""
    out = tmp_path_factory.mktemp("screenshots")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("VOICERECORDER_DATA_DIR", str(out / "userdata"))
        try:
            return {language: render_all(out / language, language, settle_s=0.1) for language in LANGUAGES}
        finally:
            i18n.set_language("en")


def readme_images() -> list[str]:
    return [match["path"] for match in IMAGE_LINK.finditer(README.read_text("utf-8"))]


@pytest.mark.parametrize("language", LANGUAGES)
def test_committed_screenshots_are_the_ones_the_app_renders(rendered, language):
    committed = sorted(path.name for path in (SHOTS / language).glob("*.png"))
    assert sorted(path.name for path in rendered[language]) == committed
    for path in rendered[language]:
        image = QImage(str(path))
        assert image.width() >= 600, path.name
        assert image.height() >= 400, path.name


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_is_drawn_with_the_focus_ring(rendered, qapp, language):
    ring = focus_color(qapp.palette()).rgb()
    for path in rendered[language][: len(DEMO_PAGES)]:
        image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB32)
        pixels = np.frombuffer(image.constBits(), np.uint32, image.sizeInBytes() // 4)
        assert np.count_nonzero(pixels == ring) > 100, path.name


def test_readme_shows_screenshots_that_exist():
    images = readme_images()
    assert images
    missing = [image for image in images if not (ROOT / image).is_file()]
    assert not missing


def test_readme_shows_every_committed_screenshot():
    images = set(readme_images())
    committed = {path.relative_to(ROOT).as_posix() for path in SHOTS.glob("*/*.png")}
    assert {image.split("/")[2] for image in committed} == set(LANGUAGES)
    assert committed <= images
