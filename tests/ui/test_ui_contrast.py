"""The app's own colours are readable: text 4.5:1 (WCAG 2.2 SC 1.4.3), icons and marks 3:1 (SC 1.4.11)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QColor, QPalette

from voicerecorder.ui.app import application
from voicerecorder.ui.page_ids import PageId
from voicerecorder.ui.pages.voice import ERROR_STYLE
from voicerecorder.ui.style import contrast_ratio
from voicerecorder.ui.widgets.banner import STYLES
from voicerecorder.ui.widgets.status_icons import COLORS

TEXT = 4.5
NON_TEXT = 3.0


def css_color(style: str, prop: str) -> QColor:
    match = re.search(rf"(?:^|[;{{\s]){prop}\s*:\s*(#[0-9a-fA-F]{{6}})", style)
    assert match, (prop, style)
    return QColor(match.group(1))


@pytest.fixture
def palette(qapp) -> QPalette:
    application()
    return qapp.palette()


@pytest.mark.parametrize("kind", sorted(STYLES))
def test_banner_text_is_readable_on_its_background(kind):
    style = STYLES[kind]
    assert contrast_ratio(css_color(style, "color"), css_color(style, "background")) >= TEXT


def test_form_errors_are_readable_on_the_window(palette):
    window = palette.color(QPalette.ColorRole.Window)
    assert contrast_ratio(css_color(ERROR_STYLE, "color"), window) >= TEXT


def test_microphone_warnings_are_readable_on_the_window(wizard, palette):
    page = wizard.page_of(PageId.MICROPHONE)
    window = palette.color(QPalette.ColorRole.Window)
    assert contrast_ratio(css_color(page.warnings.styleSheet(), "color"), window) >= TEXT


@pytest.mark.parametrize("status", sorted(COLORS))
def test_verdict_icons_stand_out_in_lists_and_tables(palette, status):
    for role in (QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase):
        assert contrast_ratio(COLORS[status], palette.color(role)) >= NON_TEXT, role
