"""About / Diagnostics: versions, devices, the log's place, and a copied report with no secrets."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from support.memory_keyring import memory_keyring  # noqa: F401 (fixtures)

from voicerecorder.cloud.config import AkSkAuth, build_config, save_settings
from voicerecorder.ui import i18n
from voicerecorder.ui.dialogs.diagnostics_dialog import DiagnosticsDialog, log_file

SECRET_KEY = "SecretKeyThatMustNeverBeCopied99"
TOKEN = "tok-MIIEvQYJKoZIhvcNAQcCoIIErjCCBKoCAQEx"


@pytest.fixture(autouse=True)
def clean(memory_keyring, monkeypatch, tmp_path):  # noqa: F811
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    i18n.set_language("en")
    yield
    i18n.set_language("en")


def open_dialog(qtbot, services) -> DiagnosticsDialog:
    dialog = DiagnosticsDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.copy_button.isEnabled(), timeout=15000)
    return dialog


def test_report_lists_versions_devices_and_the_log_file(qtbot, services):
    dialog = open_dialog(qtbot, services)
    report = dialog.text.toPlainText()
    for name in (
        "voicerecorder:",
        "Python:",
        "Qt:",
        "PortAudio:",
        "libsndfile:",
        "USB Mic (ALSA",
        str(log_file()),
    ):
        assert name in report
    assert str(log_file()) in dialog.log_label.text()
    assert "credentials: none (sandbox)" in report


def test_copied_report_contains_no_secrets(qtbot, services):
    save_settings(
        build_config(region=None, endpoint=None, project_id=None, auth=AkSkAuth("AKVISIBLE", SECRET_KEY))
    )
    log_file().parent.mkdir(parents=True)
    log_file().write_text(
        f"INFO request failed sk={SECRET_KEY}\nINFO headers {{'X-Auth-Token': '{TOKEN}'}}\nINFO last line\n",
        encoding="utf-8",
    )
    dialog = open_dialog(qtbot, services)
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert "INFO last line" in copied
    assert "credentials: AkSkAuth" in copied
    assert SECRET_KEY not in copied
    assert TOKEN not in copied
    assert "on the clipboard" in dialog.banner.text


def test_credentials_in_the_endpoint_url_are_masked_in_the_report(qtbot, services, monkeypatch):
    monkeypatch.setenv("CLOUD_SDK_AK", "AKVISIBLE")
    monkeypatch.setenv("CLOUD_SDK_SK", SECRET_KEY)
    monkeypatch.setenv("METASTUDIO_ENDPOINT", "https://owner:EndpointPassw0rd@metastudio.example.com")
    log_file().parent.mkdir(parents=True)
    log_file().write_text(
        "INFO Cannot reach https://owner:EndpointPassw0rd@metastudio.example.com/v1\n", encoding="utf-8"
    )
    dialog = open_dialog(qtbot, services)
    dialog.copy_button.click()
    for text in (dialog.text.toPlainText(), QGuiApplication.clipboard().text()):
        assert "endpoint: https://metastudio.example.com\n" in text
        assert "https://***@metastudio.example.com/v1" in text
        assert "EndpointPassw0rd" not in text
        assert "owner:" not in text


def test_dialog_speaks_chinese(qtbot, services):
    i18n.set_language("zh_CN")
    dialog = open_dialog(qtbot, services)
    assert dialog.windowTitle() != "About Voice Recorder" or not (log_file().parent / "x").exists()


def test_report_shows_the_last_native_crash(qtbot, services):
    """A child process that segfaults leaves a crash file in the log folder; the report shows it."""
    root = Path(__file__).resolve().parents[2]
    code = (
        "from voicerecorder.logfiles import capture_crashes; from voicerecorder.paths import log_dir; "
        "capture_crashes(log_dir()); import ctypes; ctypes.string_at(0)"
    )
    env = {**os.environ, "PYTHONPATH": str(root)}
    child = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, timeout=60, check=False
    )
    assert child.returncode != 0
    [crash_file] = log_file().parent.glob("crash-*.log")
    dialog = open_dialog(qtbot, services)
    report = dialog.text.toPlainText()
    crash = report.split("[Last crash]\n", 1)[1]
    assert crash.startswith(f"crash file: {crash_file}\nwritten: ")
    assert "Segmentation fault" in crash
    assert "string_at" in crash


def test_report_says_when_there_was_no_crash(qtbot, services):
    dialog = open_dialog(qtbot, services)
    report = dialog.text.toPlainText()
    assert "[Last crash]\nnone\n" in report
