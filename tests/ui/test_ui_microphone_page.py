"""Microphone check: device picker, meter, room tone, headroom, warnings, and a blocked microphone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from voicerecorder.audio.fake_backend import FakeBackend, constant, fake_device, sine
from voicerecorder.session.store import Session
from voicerecorder.ui.page_ids import PageId
from voicerecorder.ui.pages.microphone import MicrophonePage, loud_line, privacy_settings_url


def mic_page(qtbot, wizard, open_page, session) -> MicrophonePage:
    open_page(wizard, session, PageId.MICROPHONE)
    return wizard.page_of(PageId.MICROPHONE)


def test_opens_the_microphone_and_the_meter_moves(qtbot, wizard, open_page, session):
    page = mic_page(qtbot, wizard, open_page, session)
    qtbot.waitUntil(page.input_ready, timeout=5000)
    assert page.devices.currentText() == "USB Mic"
    assert "48000 Hz" in page.rate_label.text()
    qtbot.waitUntil(lambda: page.meter.peak_dbfs > -40, timeout=3000)
    assert page.device_warnings() == []


def test_room_tone_and_loud_line_verdicts_are_shown(qtbot, wizard, open_page, session):
    page = mic_page(qtbot, wizard, open_page, session)
    qtbot.waitUntil(page.input_ready, timeout=5000)
    page.measure_room_tone()
    qtbot.waitUntil(lambda: page.room_findings.report is not None, timeout=8000)
    ids = {finding.id for finding in page.room_findings.report.findings}
    assert ids == {"mic_blocked", "noise_floor", "hum"}
    assert page.room_status.text() in ("Passed", "Passed with warnings", "Failed")
    assert page.room_findings.count() == 3
    page.test_loud_line()
    qtbot.waitUntil(lambda: page.line_findings.report is not None, timeout=10000)
    assert {f.id for f in page.line_findings.report.findings} == {"clipping", "headroom", "loudness"}
    assert "!" in page.line_text.text() or "！" in page.line_text.text()


def test_refresh_rescans_and_reopens(qtbot, wizard, open_page, session, backend):
    page = mic_page(qtbot, wizard, open_page, session)
    qtbot.waitUntil(page.input_ready, timeout=5000)
    backend.set_devices(
        [fake_device(0, "USB Mic", "ALSA", is_default=True), fake_device(1, "Desk Mic", "ALSA")]
    )
    page.refresh_button.click()
    qtbot.waitUntil(lambda: page.devices.count() == 2 and page.input_ready(), timeout=5000)
    assert backend.rescans == 1


def test_choosing_a_device_remembers_it(qtbot, wizard, open_page, session, backend, services):
    backend.set_devices(
        [fake_device(0, "USB Mic", "ALSA", is_default=True), fake_device(1, "Desk Mic", "ALSA")]
    )
    backend.rescan()
    page = mic_page(qtbot, wizard, open_page, session)
    qtbot.waitUntil(page.input_ready, timeout=5000)
    page.devices.setCurrentIndex(1)
    page.devices.activated.emit(1)
    qtbot.waitUntil(
        lambda: wizard.live.engine is not None and wizard.live.engine.device.name == "Desk Mic", timeout=5000
    )
    assert services.settings.input_device().name == "Desk Mic"


def test_bluetooth_and_narrow_band_and_other_device_warnings(
    qtbot, make_wizard, services, open_page, session
):
    services.backend = FakeBackend(
        devices=[
            fake_device(0, "WH-1000XM4 Bluetooth Headset", "ALSA", default_samplerate=16000, is_default=True)
        ],
        unsupported_rates=[48000],
        speed=4.0,
    )
    session.set_device({"hostapi": "ALSA", "name": "USB Mic"}, 48000)
    wizard = make_wizard(services)
    page = mic_page(qtbot, wizard, open_page, session)
    qtbot.waitUntil(page.input_ready, timeout=5000)
    text = page.warnings.text()
    assert "16000 Hz" in text
    assert "Bluetooth" in text
    assert "USB Mic (ALSA)" in text


@pytest.mark.parametrize(("platform", "has_button"), [("win32", True), ("darwin", True), ("linux", False)])
def test_os_blocked_microphone_is_explained_with_the_settings_page(
    qtbot, make_wizard, services, open_page, session, platform, has_button, monkeypatch
):
    services.backend = FakeBackend(blocked=[0])
    wizard = make_wizard(services)
    page = wizard.page_of(PageId.MICROPHONE)
    page.platform = platform
    opened = []
    monkeypatch.setattr(
        "voicerecorder.ui.pages.microphone.QDesktopServices.openUrl", lambda url: opened.append(url)
    )
    open_page(wizard, session, PageId.MICROPHONE)
    qtbot.waitUntil(lambda: page.banner.isVisible(), timeout=5000)
    assert "blocking the microphone" in page.banner.text
    assert not page.input_ready()
    assert page.banner.action.isVisibleTo(page) is has_button
    if has_button:
        page.banner.action.click()
        assert opened[0].toString() == privacy_settings_url(platform)
    else:
        assert "sound settings" in page.banner.text
    assert "Linux:" not in page.banner.text
    assert page.banner.text.count("Then restart the app") == 1


def test_all_zero_input_is_reported_as_blocked(qtbot, make_wizard, services, open_page, session):
    services.backend = FakeBackend(source=constant(0.0), speed=4.0)
    wizard = make_wizard(services)
    page = mic_page(qtbot, wizard, open_page, session)
    qtbot.waitUntil(lambda: page.banner.isVisible(), timeout=8000)
    assert "blocking the microphone" in page.banner.text
    assert not page.input_ready()
    services.backend.last_stream.source = sine()  # the person allowed the microphone
    qtbot.waitUntil(page.input_ready, timeout=5000)
    assert not page.banner.isVisible()


def test_no_microphone_at_all(qtbot, make_wizard, services, open_page, session):
    services.backend = FakeBackend(devices=[])
    wizard = make_wizard(services)
    page = mic_page(qtbot, wizard, open_page, session)
    qtbot.waitUntil(lambda: page.banner.isVisible(), timeout=5000)
    assert "No microphone was found" in page.banner.text
    assert not page.input_ready()


def test_privacy_urls_and_loud_line():
    assert privacy_settings_url("win32") == "ms-settings:privacy-microphone"
    assert privacy_settings_url("darwin").startswith("x-apple.systempreferences:")
    assert privacy_settings_url("linux") is None
    assert (
        loud_line(["Calm.", "Wow, look at that!", "A much longer but calm sentence."]) == "Wow, look at that!"
    )
    assert loud_line(["Short.", "The longest sentence here."]) == "The longest sentence here."


def test_record_is_reached_after_the_room_tone_and_loud_line_tests(qtbot, wizard, open_page, session):
    page = mic_page(qtbot, wizard, open_page, session)
    qtbot.waitUntil(page.input_ready, timeout=5000)
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert not page.isComplete()
    assert not next_button.isEnabled()
    page.measure_room_tone()
    qtbot.waitUntil(lambda: page.room_findings.report is not None, timeout=8000)
    assert not page.isComplete()
    page.test_loud_line()
    qtbot.waitUntil(lambda: page.line_findings.report is not None, timeout=10000)
    qtbot.waitUntil(next_button.isEnabled, timeout=5000)
    assert page.isComplete()
    assert Session.open(session.folder).microphone_check == "done"


def test_skip_the_checks_goes_to_record_and_the_session_remembers_it(qtbot, wizard, open_page, session):
    page = mic_page(qtbot, wizard, open_page, session)
    qtbot.waitUntil(page.input_ready, timeout=5000)
    assert page.skip_button.text() == "S&kip the checks"
    qtbot.mouseClick(page.skip_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentId() == int(PageId.MICROPHONE) + 1, timeout=5000)
    assert wizard.currentId() == int(PageId.RECORD)
    assert Session.open(session.folder).microphone_check == "skipped"
    wizard.back()
    assert wizard.currentId() == int(PageId.MICROPHONE)
    qtbot.waitUntil(page.isComplete, timeout=5000)


def test_the_loud_line_test_shows_its_total_time_and_can_be_stopped(qtbot, wizard, open_page, session):
    page = mic_page(qtbot, wizard, open_page, session)
    qtbot.waitUntil(page.input_ready, timeout=5000)
    page.test_loud_line()
    qtbot.waitUntil(lambda: page.line_status.text().startswith("Recording… "), timeout=5000)
    total = page.line_recording.total_s
    assert page.line_status.text().endswith(f" s of {total:.0f} s")
    assert page.line_button.text() == "■ St&op the loud line"
    assert not page.room_button.isEnabled()
    qtbot.mouseClick(page.line_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.line_status.text() == "Stopped.", timeout=5000)
    assert not page.line_recording.running
    assert page.line_findings.report is None
    assert page.line_button.text() == "Test the &loud line"
    assert page.room_button.isEnabled()
    assert not wizard.live.engine.recording
    assert not page.isComplete()


def test_devices_are_named_as_the_system_names_them(
    qtbot, make_wizard, services, open_page, session, monkeypatch
):
    monkeypatch.setattr(
        "voicerecorder.ui.live_input.pulse_source_description", lambda: "Blue Yeti Microphone"
    )
    services.backend = FakeBackend(
        devices=[fake_device(0, "default", "ALSA", is_default=True), fake_device(1, "USB Mic", "ALSA")],
        speed=4.0,
    )
    wizard = make_wizard(services)
    page = mic_page(qtbot, wizard, open_page, session)
    qtbot.waitUntil(page.input_ready, timeout=5000)
    assert [page.devices.itemText(row) for row in range(page.devices.count())] == [
        "Blue Yeti Microphone",
        "USB Mic",
    ]
