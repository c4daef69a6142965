"""Every page fits a laptop: at 1280×640 and 1024×600 the wizard's buttons and each page's main controls
are inside the window; what does not fit scrolls inside the page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractScrollArea, QWidget, QWizard

from voicerecorder.ui.page_ids import PageId
from voicerecorder.ui.placement import TITLE_BAR, placement
from voicerecorder.ui.wizard import PAGES

SIZES = [(1280, 640), (1024, 600)]
SHOWN_HEIGHT = 60
WIZARD_BUTTONS = (
    QWizard.WizardButton.BackButton,
    QWizard.WizardButton.NextButton,
    QWizard.WizardButton.FinishButton,
    QWizard.WizardButton.CancelButton,
    QWizard.WizardButton.CustomButton1,
)
MAIN_CONTROLS = {
    PageId.START: ("new_radio", "resume_radio", "sessions", "open_folder", "language"),
    PageId.VOICE: ("voice_name", "sex", "tag", "language", "edition", "builtin_radio", "import_radio"),
    PageId.MICROPHONE: ("devices", "meter", "refresh_button"),
    PageId.RECORD: (
        "prompt",
        "buttons.record",
        "buttons.rerecord",
        "meter",
        "take_list",
        "history.play_button",
    ),
    PageId.REVIEW: ("summary", "table", "play_button", "rerecord_button"),
    PageId.QUALITY: ("start_button", "table"),
    PageId.SUBMIT: ("submit_button", "settings_button"),
    PageId.TRACK: ("timeline", "refresh_button"),
}


def control(page: QWidget, name: str) -> QWidget:
    first, _, key = name.partition(".")
    widget = getattr(page, first)
    if not key:
        return widget
    return widget[key] if isinstance(widget, dict) else getattr(widget, key)


def shown_inside(widget: QWidget, window: QWidget) -> bool:
    """``widget`` is on screen, inside ``window`` and not scrolled out of any page: its full width and
    (a list or table may continue below) at least ``SHOWN_HEIGHT`` of its height are visible."""
    if not widget.isVisible():
        return False
    area = window.rect()
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent.parentWidget(), QAbstractScrollArea):  # a viewport hides what is scrolled out
            area &= QRect(parent.mapTo(window, QPoint(0, 0)), parent.size())
        parent = parent.parentWidget()
    rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    shown = area & rect
    return shown.width() == rect.width() and shown.height() >= min(rect.height(), SHOWN_HEIGHT)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("page_id", [page_id for page_id, _ in PAGES], ids=lambda page_id: page_id.name)
def test_buttons_and_main_controls_fit(qtbot, wizard, open_page, session, page_id, size):
    wizard.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, page_id == PageId.START)
    open_page(wizard, None if page_id == PageId.START else session, page_id)
    wizard.resize(*size)
    qtbot.waitUntil(lambda: (wizard.width(), wizard.height()) == size, timeout=2000)
    qtbot.wait(50)
    page = wizard.currentPage()
    for which in WIZARD_BUTTONS:
        button = wizard.button(which)
        if button.isVisible():
            assert shown_inside(button, wizard), (which, button.text(), button.geometry())
    for name in MAIN_CONTROLS[page_id]:
        assert shown_inside(control(page, name), wizard), name


SCREEN = QRect(0, 0, 1366, 728)  # 1366×768 less a 40-pixel taskbar


@pytest.mark.parametrize(
    ("saved", "expected"),
    [
        (None, QRect(42, TITLE_BAR, 1280, 728 - TITLE_BAR)),
        (QRect(100, 120, 1100, 600), QRect(100, 120, 1100, 600)),
        (QRect(900, 500, 1100, 600), QRect(266, 128, 1100, 600)),
        (QRect(-300, -50, 2000, 1200), QRect(0, TITLE_BAR, 1366, 728 - TITLE_BAR)),
    ],
    ids=["first-start", "as-left", "moved-back-inside", "shrunk-to-fit"],
)
def test_the_window_opens_inside_the_available_area(saved, expected):
    placed = placement(saved, SCREEN)
    assert SCREEN.adjusted(0, TITLE_BAR, 0, 0).contains(placed)
    assert placed == expected


def test_the_window_reopens_where_it_was_left(qtbot, make_wizard, services):
    first = make_wizard(services)
    first.place()
    first.show()
    qtbot.waitExposed(first)
    first.setGeometry(QRect(30, 70, 700, 500))
    qtbot.waitUntil(lambda: first.geometry() == QRect(30, 70, 700, 500), timeout=2000)
    first.close()
    assert services.settings.window_geometry() == QRect(30, 70, 700, 500)
    again = make_wizard(services)
    again.place()
    assert again.geometry() == QRect(30, 70, 700, 500)
