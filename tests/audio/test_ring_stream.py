"""The rtmixer stream wrapper's bookkeeping: overflow counts from the C callback's statistics.

(The real stack never overflows under PulseAudio, so this part of the wrapper is tested against a
stand-in recorder; the full-ring path runs for real in test_capture_realaudio.py.)
"""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import rtmixer

from voicerecorder.audio.sounddevice_backend import _RingStream


class Action:
    """An rtmixer action: its statistics are written by the callback."""

    def __init__(self) -> None:
        self.stats = SimpleNamespace(input_overflows=0)


class Recorder:
    """Stands in for rtmixer.Recorder: the test writes the ring and sets the statistics."""

    blocksize = 480
    latency = 0.2
    time = 12.5

    def __init__(self) -> None:
        self.actions: set[Action] = set()

    def start(self) -> None:
        """Nothing to start: the test is the callback."""

    def record_ringbuffer(self, ring: rtmixer.RingBuffer) -> Action:
        action = Action()
        self.actions = {action}
        return action


def test_overflows_counted_by_the_callback_are_reported_once():
    ring = rtmixer.RingBuffer(4, 1024)
    stream = _RingStream(Recorder(), ring, lambda _: None, lambda error: error)
    stream.start()
    ring.write(np.full(100, 0.5, dtype=np.float32))
    first = stream.read()
    assert (len(first.samples), first.overflowed, first.time) == (100, False, 12.5)
    assert first.samples[0] == 16384
    stream._action.stats.input_overflows = 2
    assert stream.read().overflowed
    assert not stream.read().overflowed  # counted once
