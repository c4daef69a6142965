"""Driving the Microphone check page with the virtual microphone (real-audio tests): a room to
speak in, the room-tone measurement and the loud-line headroom test, each as a person does it.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import soundfile
from PySide6.QtCore import Qt

from support.pulse import PrivatePulse
from voicerecorder.quality.report import TakeReport
from voicerecorder.ui.pages.microphone import MicrophonePage
from voicerecorder.ui.widgets.level_meter import FLOOR_DBFS

QUIET_ROOM_RMS = 0.0005  # about -66 dBFS: a quiet room (passes the room-tone check)
NOISY_ROOM_RMS = 0.03  # about -30 dBFS: a fan next to the microphone (fails it)
LOUD_PEAK = 0.6  # about -4.4 dBFS: the loud line read at full voice with the gain set right
LEAD_S = 0.5
ROOM_S = 60.0
SETTLE_MS = 600  # longer than the capture's pre-roll, which every measurement starts with
NOISE_PEAK_OVER_RMS_DB = 15.0  # Gaussian noise peaks stay below this; anything louder is another sound
VERDICT_TIMEOUT_MS = 20000


def in_a_room(speech: Path, peak: float, min_seconds: float = 0.0, noise_rms: float = QUIET_ROOM_RMS) -> Path:
    """The espeak speech scaled to ``peak`` in room noise at ``noise_rms`` (0: none), with a pause
    before and after it (``min_seconds`` long at least): a talent reading in a room."""
    voice, rate = soundfile.read(speech, dtype="float32")
    voice = voice * (peak / max(float(np.abs(voice).max()), 1e-6))
    lead = int(LEAD_S * rate)
    total = max(len(voice) + 2 * lead, int(min_seconds * rate))
    room = np.random.default_rng(len(voice)).normal(0, noise_rms, total).astype(np.float32)
    room[lead : lead + len(voice)] += voice
    path = speech.with_name(f"{speech.stem}-room-{peak:g}.wav")
    soundfile.write(path, room, rate, subtype="PCM_16")
    return path


@contextlib.contextmanager
def room(virtual_mic: PrivatePulse, noise_rms: float) -> Iterator[None]:
    """The virtual microphone sounds like a room with noise at ``noise_rms`` until the block ends
    (a real room is never digital silence, which the app rightly takes for a blocked microphone)."""
    playback = virtual_mic.play(virtual_mic.noise(ROOM_S, noise_rms))
    try:
        yield
    finally:
        playback.stop()


def measure_room_tone(qtbot, page: MicrophonePage, noise_rms: float) -> TakeReport:
    """Inside :func:`room` with ``noise_rms``: wait until only the room is heard, press "Measure
    room tone", and return the report the page shows once its verdict is in."""
    loudest = 20 * math.log10(noise_rms) + NOISE_PEAK_OVER_RMS_DB
    # The meter shows the room alone (earlier sounds have passed) for longer than the pre-roll.
    qtbot.waitUntil(lambda: FLOOR_DBFS < page.meter.peak_dbfs < loudest, timeout=10000)
    qtbot.wait(SETTLE_MS)
    assert FLOOR_DBFS < page.meter.peak_dbfs < loudest, page.meter.peak_dbfs
    qtbot.mouseClick(page.room_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.room_findings.report is not None, timeout=VERDICT_TIMEOUT_MS)
    return page.room_findings.report


def read_loud_line(qtbot, page: MicrophonePage, virtual_mic: PrivatePulse, language: str) -> TakeReport:
    """Press "Test the loud line" and read the line the page shows at full voice (peak
    ``LOUD_PEAK``); returns the report the page shows once its verdict is in. Inside :func:`room`."""
    speech = in_a_room(virtual_mic.speak(page.line_text.text(), language), LOUD_PEAK, noise_rms=0.0)
    qtbot.mouseClick(page.line_button, Qt.MouseButton.LeftButton)
    playback = virtual_mic.play(speech)
    try:
        qtbot.waitUntil(lambda: page.line_findings.report is not None, timeout=VERDICT_TIMEOUT_MS)
    finally:
        playback.stop()
    return page.line_findings.report
