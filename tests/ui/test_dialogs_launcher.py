"""The wizard's Settings, Jobs and About buttons and shortcuts open their dialogs."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard
from support.memory_keyring import memory_keyring  # noqa: F401 (fixtures)

from voicerecorder.ui.dialogs.diagnostics_dialog import DiagnosticsDialog
from voicerecorder.ui.dialogs.jobs_window import JobsWindow
from voicerecorder.ui.dialogs.settings_dialog import SettingsDialog
from voicerecorder.ui.page_ids import PageId


@pytest.fixture(autouse=True)
def clean(memory_keyring, monkeypatch, tmp_path):  # noqa: F811
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))


def shown(wizard, kind):
    return [widget for widget in wizard.findChildren(kind) if widget.isVisible()]


def test_buttons_open_the_dialogs(qtbot, wizard, open_page):
    open_page(wizard, None, PageId.START)
    settings = wizard.button(QWizard.WizardButton.CustomButton1)
    assert settings.text() == "S&ettings…"
    assert settings.accessibleName() == "Settings"
    settings.click()
    qtbot.waitUntil(lambda: len(shown(wizard, SettingsDialog)) == 1)
    shown(wizard, SettingsDialog)[0].reject()
    wizard.button(QWizard.WizardButton.CustomButton2).click()
    qtbot.waitUntil(lambda: len(shown(wizard, JobsWindow)) == 1)
    window = shown(wizard, JobsWindow)[0]
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=15000)
    wizard.button(QWizard.WizardButton.CustomButton2).click()
    assert wizard.findChildren(JobsWindow) == [window]
    window.close()
    wizard.button(QWizard.WizardButton.CustomButton3).click()
    qtbot.waitUntil(lambda: len(shown(wizard, DiagnosticsDialog)) == 1)
    about = shown(wizard, DiagnosticsDialog)[0]
    qtbot.waitUntil(lambda: about.copy_button.isEnabled(), timeout=15000)
    about.accept()


def test_shortcuts_open_settings_and_about(qtbot, wizard, open_page):
    open_page(wizard, None, PageId.START)
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard)
    page = wizard.currentPage()
    qtbot.keyClick(page, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(shown(wizard, SettingsDialog)) == 1)
    shown(wizard, SettingsDialog)[0].reject()
    qtbot.keyClick(page, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: len(shown(wizard, DiagnosticsDialog)) == 1)
    about = shown(wizard, DiagnosticsDialog)[0]
    qtbot.waitUntil(lambda: about.copy_button.isEnabled(), timeout=15000)
    about.accept()
