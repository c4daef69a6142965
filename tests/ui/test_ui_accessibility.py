"""Keyboard-only use: every control a screen reader reaches has a name, and the focus starts on the page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QFocusFrame,
    QLabel,
    QTabBar,
    QWidget,
    QWizard,
)

from voicerecorder.ui.dialogs.diagnostics_dialog import DiagnosticsDialog
from voicerecorder.ui.dialogs.jobs_window import JobsWindow
from voicerecorder.ui.dialogs.settings_dialog import SettingsDialog
from voicerecorder.ui.page_ids import PageId
from voicerecorder.ui.wizard import PAGES


def _inner_part(widget: QWidget) -> bool:
    """The text field inside a spin box or combo box: the outer widget carries the name."""
    return isinstance(widget.parentWidget(), QAbstractSpinBox | QComboBox)


def interactive(root: QWidget) -> list[QWidget]:
    """Every widget in ``root``'s window that Tab reaches itself (not through a focus proxy), now or
    once its panel is shown. A control hidden by itself (a banner's unused action button) is skipped;
    popups are windows of their own."""
    return [
        widget
        for widget in root.findChildren(QWidget)
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        and widget.window() is root.window()
        and not widget.isHidden()
        and widget.focusProxy() is None
        and not isinstance(widget, QFocusFrame)
        and not _inner_part(widget)
    ]


def named(widget: QWidget, window: QWidget) -> bool:
    """An accessible name, a button's (or every tab's) own text, or a label that is its buddy."""
    if widget.accessibleName().strip():
        return True
    if isinstance(widget, QTabBar):
        return widget.count() > 0 and all(
            widget.tabText(tab).replace("&", "").strip() for tab in range(widget.count())
        )
    if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
        return True
    return any(label.buddy() is widget and label.text().strip() for label in window.findChildren(QLabel))


def describe(widget: QWidget) -> str:
    return f"{type(widget).__name__} {widget.objectName()!r} under {type(widget.parentWidget()).__name__}"


@pytest.mark.parametrize(("page_id", "page_class"), PAGES, ids=[page_id.name for page_id, _ in PAGES])
def test_every_control_on_every_page_has_a_name(wizard, session, open_page, page_id, page_class):
    open_page(wizard, session, page_id)
    page = wizard.page_of(page_id)
    assert isinstance(page, page_class)
    controls = interactive(page)
    assert controls
    assert [describe(widget) for widget in controls if not named(widget, wizard)] == []


def test_every_wizard_button_has_a_name(wizard, session, open_page):
    open_page(wizard, session, PageId.START)
    buttons = [
        widget
        for widget in interactive(wizard)
        if not any(page.isAncestorOf(widget) for page in _pages(wizard))
    ]
    assert wizard.button(QWizard.WizardButton.NextButton) in buttons
    assert [describe(widget) for widget in buttons if not named(widget, wizard)] == []


def _pages(wizard: QWizard) -> list[QWidget]:
    return [wizard.page(page_id) for page_id in wizard.pageIds()]


@pytest.mark.parametrize("make", [SettingsDialog, JobsWindow, DiagnosticsDialog])
def test_every_control_in_the_dialogs_has_a_name(qtbot, services, make):
    dialog = make(services)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    controls = interactive(dialog)
    assert controls
    assert [describe(widget) for widget in controls if not named(widget, dialog)] == []


def test_the_focus_goes_to_the_page_not_to_cancel(wizard, make_session, qtbot):
    """A wizard opened on a page whose Next is disabled: Qt's window activation would put the focus
    on Cancel, where Enter quits."""
    wizard.holder.set(make_session())
    wizard.setStartId(int(PageId.SUBMIT))
    wizard.show()
    wizard.restart()
    qtbot.waitExposed(wizard)
    qtbot.waitUntil(lambda: wizard.focusWidget() is not None, timeout=2000)
    qtbot.wait(50)
    assert wizard.focusWidget() is not wizard.button(QWizard.WizardButton.CancelButton)
    assert wizard.currentPage().isAncestorOf(wizard.focusWidget())


def test_the_record_page_starts_with_the_focus_on_record(wizard, session, open_page, qtbot):
    open_page(wizard, session, PageId.RECORD)
    page = wizard.page_of(PageId.RECORD)
    wizard.button(QWizard.WizardButton.CancelButton).setFocus()
    wizard.focus_page()
    assert wizard.focusWidget() is page.buttons["record"]
