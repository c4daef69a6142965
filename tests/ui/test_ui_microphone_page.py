"""Microphone check: device picker, meter, room tone, headroom, warnings, and a blocked microphone."""

from __future__ import annotations

import pytest

from voicerecorder.audio.fake_backend import FakeBackend, constant, fake_device, sine
from voicerecorder.ui.page_ids import PageId
from voicerecorder.ui.pages.microphone import MicrophonePage, loud_line, privacy_settings_url


def mic_page(qtbot, wizard, open_page, session) -> MicrophonePage:
    open_page(wizard, session, PageId.MICROPHONE)
    return wizard.page_of(PageId.MICROPHONE)


def test_opens_the_microphone_and_the_meter_moves(qtbot, wizard, open_page, session):
    page = mic_page(qtbot, wizard, open_page, session)
    qtbot.waitUntil(page.isComplete, timeout=5000)
    assert page.devices.currentText() == "USB Mic (ALSA)"
    assert "48000 Hz" in page.rate_label.text()
    qtbot.waitUntil(lambda: page.meter.peak_dbfs > -40, timeout=3000)
    assert page.device_warnings() == []


def test_room_tone_and_loud_line_verdicts_are_shown(qtbot, wizard, open_page, session):
    page = mic_page(qtbot, wizard, open_page, session)
    qtbot.waitUntil(page.isComplete, timeout=5000)
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
    qtbot.waitUntil(page.isComplete, timeout=5000)
    backend.set_devices(
        [fake_device(0, "USB Mic", "ALSA", is_default=True), fake_device(1, "Desk Mic", "ALSA")]
    )
    page.refresh_button.click()
    qtbot.waitUntil(lambda: page.devices.count() == 2 and page.isComplete(), timeout=5000)
    assert backend.rescans == 1


def test_choosing_a_device_remembers_it(qtbot, wizard, open_page, session, backend, services):
    backend.set_devices(
        [fake_device(0, "USB Mic", "ALSA", is_default=True), fake_device(1, "Desk Mic", "ALSA")]
    )
    backend.rescan()
    page = mic_page(qtbot, wizard, open_page, session)
    qtbot.waitUntil(page.isComplete, timeout=5000)
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
    qtbot.waitUntil(page.isComplete, timeout=5000)
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
    assert not page.isComplete()
    assert page.banner.action.isVisibleTo(page) is has_button
    if has_button:
        page.banner.action.click()
        assert opened[0].toString() == privacy_settings_url(platform)
    else:
        assert "pavucontrol" in page.banner.text


def test_all_zero_input_is_reported_as_blocked(qtbot, make_wizard, services, open_page, session):
    services.backend = FakeBackend(source=constant(0.0), speed=4.0)
    wizard = make_wizard(services)
    page = mic_page(qtbot, wizard, open_page, session)
    qtbot.waitUntil(lambda: page.banner.isVisible(), timeout=8000)
    assert "blocking the microphone" in page.banner.text
    assert not page.isComplete()
    services.backend.last_stream.source = sine()  # the person allowed the microphone
    qtbot.waitUntil(lambda: page.isComplete(), timeout=5000)
    assert not page.banner.isVisible()


def test_no_microphone_at_all(qtbot, make_wizard, services, open_page, session):
    services.backend = FakeBackend(devices=[])
    wizard = make_wizard(services)
    page = mic_page(qtbot, wizard, open_page, session)
    qtbot.waitUntil(lambda: page.banner.isVisible(), timeout=5000)
    assert "No microphone was found" in page.banner.text
    assert not page.isComplete()


def test_privacy_urls_and_loud_line():
    assert privacy_settings_url("win32") == "ms-settings:privacy-microphone"
    assert privacy_settings_url("darwin").startswith("x-apple.systempreferences:")
    assert privacy_settings_url("linux") is None
    assert (
        loud_line(["Calm.", "Wow, look at that!", "A much longer but calm sentence."]) == "Wow, look at that!"
    )
    assert loud_line(["Short.", "The longest sentence here."]) == "The longest sentence here."
