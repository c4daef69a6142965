"""Esc during a take on the real stack (PortAudio -> ALSA -> PulseAudio virtual microphone): the take
recorded so far is finished and listed, never deleted."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from support.leaving import Answerer, assert_take_saved

from voicerecorder.audio.wavfile import read_audio

pytestmark = pytest.mark.realaudio


def test_escape_during_a_spoken_take_keeps_it(qtbot, virtual_mic, real_record_page):
    wizard, page, session = real_record_page
    engine = wizard.live.engine
    speech = virtual_mic.speak(session.sentence(0).text, "EN")
    qtbot.keyClick(page, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: engine.recording, timeout=10000)
    playback = virtual_mic.play(speech)
    qtbot.waitUntil(lambda: playback.process.poll() is not None, timeout=30000)
    answer = Answerer("Stop, keep the take and close")
    answer.arm()
    qtbot.keyClick(page, Qt.Key.Key_Escape)

    assert len(answer.asked) == 1
    assert not wizard.isVisible()
    path = assert_take_saved(session)
    audio = read_audio(path)
    assert audio.duration_s >= read_audio(speech).duration_s
    assert float(abs(audio.mono()).max()) > 0.05
