"""The UI's foundation: the option registry, background tasks, widgets, the error dialog text, i18n."""

from __future__ import annotations

import errno
import logging
import threading

import numpy as np
import pytest
from PySide6.QtCore import QSettings, QThread
from PySide6.QtWidgets import QMessageBox

from voicerecorder.audio.backend import DeviceRef
from voicerecorder.audio.capture import Level
from voicerecorder.audio.playback import FakePlayer
from voicerecorder.errors import UserFacingError
from voicerecorder.quality.report import Finding, TakeReport
from voicerecorder.quality.report import Level as Verdict
from voicerecorder.text import Bilingual
from voicerecorder.ui import i18n
from voicerecorder.ui.app import application, finish_background_work, show_exception, start_language
from voicerecorder.ui.error_message import error_text
from voicerecorder.ui.pacing import Pacing, clock_text
from voicerecorder.ui.settings import AUTO_ADVANCE, PROMPT_FONT_SIZE, UI_LANGUAGE, Option, Settings
from voicerecorder.ui.widgets.banner import Banner
from voicerecorder.ui.widgets.finding_list import FindingList
from voicerecorder.ui.widgets.level_meter import LevelMeter
from voicerecorder.ui.widgets.waveform import envelope
from voicerecorder.ui.workers import IN_FLIGHT, TaskRunner


def test_settings_are_typed_with_defaults_and_survive_a_restart(settings, tmp_path):
    assert settings.get(PROMPT_FONT_SIZE) == 28
    assert settings.get(AUTO_ADVANCE) is False
    settings.set(PROMPT_FONT_SIZE, 40)
    settings.set(AUTO_ADVANCE, True)
    settings.set(UI_LANGUAGE, "zh_CN")
    settings.set_input_device(DeviceRef("ALSA", "USB Mic"))
    for number in range(12):
        settings.remember_session(f"/s/{number}")
    settings.remember_session("/s/3")
    again = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    assert again.get(PROMPT_FONT_SIZE) == 40
    assert again.get(AUTO_ADVANCE) is True
    assert again.get(UI_LANGUAGE) == "zh_CN"
    assert again.input_device() == DeviceRef("ALSA", "USB Mic")
    recent = again.recent_sessions()
    assert recent[0] == "/s/3"
    assert len(recent) == 10
    assert recent.count("/s/3") == 1
    with pytest.raises(TypeError):
        settings.set(PROMPT_FONT_SIZE, "big")


def test_damaged_settings_fall_back_to_defaults(settings):
    settings._store.setValue(PROMPT_FONT_SIZE.key, "not a number")
    settings._store.setValue("audio/input_device", "{broken")
    assert settings.get(PROMPT_FONT_SIZE) == 28
    assert settings.input_device() is None
    assert settings.get(Option("x/y", list, [])) == []


def test_tasks_run_off_the_gui_thread_and_report_on_it(qtbot):
    runner = TaskRunner()
    seen: dict[str, object] = {}

    def work() -> int:
        seen["worker"] = threading.current_thread() is threading.main_thread()
        return 42

    def done(value: int) -> None:
        seen["value"] = value
        seen["gui"] = QThread.currentThread() is runner.thread()

    runner.start(work, done)
    qtbot.waitUntil(lambda: "value" in seen, timeout=3000)
    assert seen == {"worker": False, "value": 42, "gui": True}
    assert not runner.busy


def test_task_errors_reach_the_error_callback(qtbot):
    runner = TaskRunner()
    errors: list[Exception] = []
    runner.start(lambda: 1 / 0, None, errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=3000)
    assert isinstance(errors[0], ZeroDivisionError)


def test_runners_forget_finished_tasks_and_quit_waits_for_running_ones(qtbot):
    runner = TaskRunner()
    release = threading.Event()
    results: list[str] = []
    runner.start(lambda: release.wait(10) and "written", results.append)
    assert runner.busy
    assert IN_FLIGHT.count >= 1
    assert not finish_background_work(timeout_s=0.05)
    release.set()
    assert finish_background_work(timeout_s=10)
    qtbot.waitUntil(lambda: results == ["written"], timeout=3000)
    assert not runner.busy


def test_a_task_without_error_callback_raises_on_the_gui_thread(qtbot):
    runner = TaskRunner()
    with qtbot.captureExceptions() as raised:
        runner.start(lambda: 1 / 0)
        qtbot.waitUntil(lambda: bool(raised), timeout=3000)
    assert isinstance(raised[0][1], ZeroDivisionError)
    assert not runner.busy


def test_level_meter_holds_the_clip_light_until_reset(qtbot):
    meter = LevelMeter()
    qtbot.addWidget(meter)
    meter.show_level(Level(-0.01, -6.0, True))
    meter.show_level(Level(-30.0, -40.0, False))
    assert meter.clip_held
    assert "clipping" in meter.accessibleDescription()
    meter.reset_clip()
    assert not meter.clip_held
    assert meter.accessibleName() == "Input level meter"
    levels = iter([Level(-12.0, -20.0, False)] * 100)
    meter.set_source(lambda: next(levels))
    qtbot.waitUntil(lambda: meter.peak_dbfs == -12.0, timeout=1000)
    meter.set_source(None)
    assert meter.peak_dbfs == -60.0


def test_envelope_keeps_the_extremes():
    samples = np.zeros(48000, np.float32)
    samples[1000] = 0.9
    samples[30000] = -0.7
    mins, maxs = envelope(samples, 100)
    assert len(mins) == len(maxs) == 100
    assert maxs.max() == pytest.approx(0.9)
    assert mins.min() == pytest.approx(-0.7)
    assert envelope(np.zeros(0, np.float32))[0].size == 0


def test_finding_list_shows_problems_first_in_the_ui_language(qtbot):
    report = TakeReport(
        findings=(
            Finding("loudness", Verdict.PASS, -20.0, Bilingual("Loud enough.", "音量合适。")),
            Finding("clipping", Verdict.FAIL, 1.0, Bilingual("Lower the gain.", "请调低增益。")),
            Finding("snr", Verdict.WARN, 30.0, Bilingual("Move closer.", "请靠近一些。")),
        )
    )
    view = FindingList()
    qtbot.addWidget(view)
    view.set_report(report)
    assert view.messages() == ["Lower the gain.", "Move closer."]
    i18n.set_language("zh_CN")
    try:
        qtbot.waitUntil(lambda: view.messages() == ["请调低增益。", "请靠近一些。"], timeout=2000)
    finally:
        i18n.set_language("en")


def test_error_dialog_text_is_actionable_and_never_shows_exception_details(qapp):
    assert error_text(UserFacingError(Bilingual("Plug it in.", "请插上。"))) == "Plug it in."
    text = error_text(RuntimeError("token=SECRET123"))
    assert "RuntimeError" in text
    assert "SECRET123" not in text
    assert "log file" in text


def test_error_dialog_names_the_file_of_an_os_error(qapp):
    full = OSError(errno.ENOSPC, "No space left on device", "/data/s/session.json")
    assert (
        error_text(full)
        == "Could not write /data/s/session.json: the disk is full. Free some disk space, then try again."
    )
    i18n.set_language("zh_CN")
    try:
        assert error_text(PermissionError(errno.EACCES, "Permission denied", "/x")) == (
            "没有权限使用 /x。请为当前用户开放其访问权限，或选择其他文件夹。"
        )
    finally:
        i18n.set_language("en")


def test_pacing_reminds_once_per_stretch():
    now = [0.0]
    pacing = Pacing(break_after_s=60, clock=lambda: now[0])
    pacing.note_activity()
    now[0] = 30
    assert not pacing.break_due()
    now[0] = 61
    assert pacing.break_due()
    assert not pacing.break_due()
    now[0] = 61 + 600
    pacing.note_activity()  # after a long pause: a new stretch
    assert not pacing.break_due()
    assert clock_text(3725) == "1:02:05"
    assert clock_text(65) == "1:05"


def test_language_codes_are_normalised():
    assert i18n.normalise("zh-CN") == "zh_CN"
    assert i18n.normalise("zh_Hans") == "zh_CN"
    assert i18n.normalise("de_DE") == "en"
    assert i18n.normalise(None) == "en"


def test_fake_player_remembers_what_it_played():
    player = FakePlayer(speed=1000.0)
    player.play(np.ones((480, 2), np.float32), 48000)
    assert player.played[0][0].shape == (480,)
    player.stop()
    assert not player.playing


def test_application_identity_and_start_language(qapp, settings, monkeypatch):
    app = application()
    assert app.applicationName() == "voicerecorder"
    assert app.organizationName() == "voicerecorder"
    assert not app.windowIcon().isNull()
    settings.set(UI_LANGUAGE, "zh_CN")
    assert start_language(settings) == "zh_CN"
    assert start_language(settings, "en") == "en"
    settings.set(UI_LANGUAGE, "")
    monkeypatch.setattr(i18n, "system_language", lambda: "zh_CN")
    assert start_language(settings) == "zh_CN"
    i18n.set_language("en")


def test_unhandled_errors_are_logged_and_shown(qapp, monkeypatch, caplog):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append((title, text)))
    try:
        raise UserFacingError(Bilingual("The disk is full. Free some space.", "磁盘已满。"))
    except UserFacingError as error:
        show_exception(type(error), error, error.__traceback__)
    assert shown == [("Voice Recorder — error", "The disk is full. Free some space.")]
    assert "The disk is full" in caplog.text


def test_every_error_goes_through_the_banner_with_details_only_for_unexpected_ones(qtbot, caplog):
    banner = Banner()
    qtbot.addWidget(banner)
    banner.show_error(UserFacingError(Bilingual("Plug it in.", "请插上。")))
    assert (banner.text, banner.details_text, banner.kind) == ("Plug it in.", "", "error")
    assert not banner.details.isVisibleTo(banner)
    with caplog.at_level(logging.ERROR):
        banner.show_error(OSError("disk gone, X-Auth-Token: SECRETTOKEN123"), ("&Retry", lambda: None))
    assert "OSError" in banner.text
    assert "log file" in banner.text
    assert "disk gone" in banner.details_text
    assert "SECRETTOKEN123" not in banner.details_text + banner.text
    assert banner.details.isVisibleTo(banner)
    assert banner.action.text() == "&Retry"
    assert "unexpected error" in caplog.text
