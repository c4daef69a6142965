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

    def close(self) -> None:
        """Nothing to release."""

    def record_ringbuffer(self, ring: rtmixer.RingBuffer) -> Action:
        action = Action()
        self.actions = {action}
        return action


def ring_stream() -> tuple[_RingStream, rtmixer.RingBuffer]:
    """A stream over a 1024-frame ring in its own float32 array, as the backend builds it."""
    samples = np.zeros(1024, dtype=np.float32)
    ring = rtmixer.RingBuffer(samples.itemsize, buffer=samples)
    return _RingStream(Recorder(), ring, samples, lambda _: None, lambda error: error), ring


def test_overflows_counted_by_the_callback_are_reported_once():
    stream, ring = ring_stream()
    stream.start()
    ring.write(np.full(100, 0.5, dtype=np.float32))
    first = stream.read()
    assert (len(first.samples), first.overflowed, first.time) == (100, False, 12.5)
    assert first.samples[0] == 16384
    stream._action.stats.input_overflows = 2
    assert stream.read().overflowed
    assert not stream.read().overflowed  # counted once


def test_peek_shows_unread_frames_across_the_wrap_without_consuming_them():
    stream, ring = ring_stream()
    stream.start()
    ring.write(np.zeros(800, dtype=np.float32))
    stream.read()
    written = np.arange(500, dtype=np.float32) / 1000  # 224 frames before the wrap, 276 after
    ring.write(written)
    pieces: list[np.ndarray] = []
    assert stream.peek(100, lambda piece: pieces.append(piece.copy())) == 400
    assert len(pieces) == 2
    np.testing.assert_array_equal(np.concatenate(pieces), written[100:])
    assert stream.peek(300, pieces.append) == 200
    np.testing.assert_array_equal(pieces[-1], written[300:])
    assert stream.peek(500, pieces.append) == 0
    assert len(stream.read().samples) == 500  # peeking consumed nothing
    assert stream.peek(0, pieces.append) == 0
    ring.write(written[:30])  # 500 + 800 frames read so far: these start past the wrap
    assert stream.peek(10, pieces.append) == 20
    np.testing.assert_array_equal(pieces[-1], written[10:30])
    stream.close()
    ring.write(written)
    assert stream.peek(0, pieces.append) == 0  # closed: nothing is shown


def test_written_follows_the_callbacks_writes_without_reading_them():
    stream, ring = ring_stream()
    stream.start()
    assert stream.written == 0
    ring.write(np.zeros(800, dtype=np.float32))
    assert stream.written == 800
    assert len(stream.read().samples) == 800
    assert stream.written == 800  # a read leaves it
    ring.write(np.zeros(500, dtype=np.float32))  # across the wrap of the 1024-frame ring
    assert stream.written == 1300
    stream.read()
    ring.write(np.zeros(1000, dtype=np.float32))
    assert stream.written == 2300 % 2048  # modulo twice the ring's size, as PortAudio counts
