"""The Microphone page's room-tone measurement through PortAudio -> ALSA -> PulseAudio: a noisy room fails."""

from __future__ import annotations

import math

import pytest
from support.mic_check import NOISY_ROOM_RMS, measure_room_tone, room

from voicerecorder.audio.sounddevice_backend import SoundDeviceBackend
from voicerecorder.quality.report import Level
from voicerecorder.ui.page_ids import PageId

pytestmark = pytest.mark.realaudio


def test_room_tone_in_a_noisy_room_says_it_is_too_noisy(
    qtbot, virtual_mic, make_wizard, services, open_page, session
):
    services.backend = SoundDeviceBackend()
    wizard = make_wizard(services)
    open_page(wizard, session, PageId.MICROPHONE)
    page = wizard.page_of(PageId.MICROPHONE)
    with room(virtual_mic, NOISY_ROOM_RMS):
        qtbot.waitUntil(page.input_ready, timeout=10000)
        report = measure_room_tone(qtbot, page, NOISY_ROOM_RMS)
    noise = report.finding("noise_floor")
    assert noise.level is Level.FAIL
    assert noise.value == pytest.approx(20 * math.log10(NOISY_ROOM_RMS), abs=2.0)
    assert report.finding("mic_blocked").level is Level.PASS
    assert page.room_status.text() == "Failed"
    assert page.room_findings.messages()[0].startswith("The room is too noisy")
    assert not page.banner.isVisible()
