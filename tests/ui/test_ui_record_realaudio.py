"""One sentence recorded on the Record page: PortAudio -> ALSA -> PulseAudio from a virtual microphone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from voicerecorder.audio.wavfile import read_audio
from voicerecorder.session.store import Session
from voicerecorder.ui.take_recorder import State

pytestmark = pytest.mark.realaudio


def test_record_page_records_a_spoken_sentence(qtbot, virtual_mic, real_record_page):
    _, page, session = real_record_page
    speech = virtual_mic.speak(session.sentence(0).text, "EN")
    qtbot.keyClick(page, Qt.Key.Key_Space)
    qtbot.wait(500)
    playback = virtual_mic.play(speech)
    qtbot.waitUntil(lambda: playback.process.poll() is not None, timeout=30000)
    qtbot.wait(700)
    qtbot.keyClick(page, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.recorder.state is State.IDLE and page.report is not None, timeout=20000)

    take = Session.open(session.folder).chosen_take(0)
    assert take is not None
    assert take.capture["device"]["name"]
    assert take.capture["overflows"] == 0
    audio = read_audio(session.take_path(0, take))
    assert audio.samplerate == 48000
    assert audio.duration_s > read_audio(speech).duration_s
    assert float(abs(audio.mono()).max()) > 0.05
    assert page.waveform.has_waveform
    assert page.take_list.status(0) in ("pass", "warn", "fail")
    speaking = page.report.finding("speaking_rate")
    assert speaking.value is not None
