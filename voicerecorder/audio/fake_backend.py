"""A deterministic AudioBackend for tests: generated blocks, injected faults, changing device lists.

Like PortAudio's, a fake stream buffers its audio (float32, like rtmixer's ring) until it is read.
Blocks are buffered either by a feeder thread paced against the wall clock (``auto=True``) or
by the test calling :meth:`FakeInputStream.step`.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Iterable

import numpy as np

from voicerecorder.audio.backend import (
    AudioDeviceError,
    DeviceInfo,
    InputRead,
    MicrophoneBlockedError,
)
from voicerecorder.audio.pcm import to_pcm16

Source = Callable[[int, int, int], np.ndarray]
"""``source(first_frame, frames, samplerate)`` -> float samples, 1-D, ``frames`` long (delivered as int16)."""


def sine(frequency: float = 440.0, amplitude: float = 0.5) -> Source:
    """A continuous sine wave."""

    def generate(first: int, frames: int, samplerate: int) -> np.ndarray:
        t = (np.arange(first, first + frames) / samplerate).astype(np.float64)
        return (amplitude * np.sin(2 * np.pi * frequency * t)).astype(np.float32)

    return generate


def constant(value: float) -> Source:
    """Every sample equal to ``value`` (0.0 is what a privacy-blocked microphone delivers)."""

    def generate(first: int, frames: int, samplerate: int) -> np.ndarray:
        return np.full(frames, value, dtype=np.float32)

    return generate


def fake_device(
    index: int,
    name: str,
    hostapi: str = "Fake",
    default_samplerate: float = 48000.0,
    is_default: bool = False,
) -> DeviceInfo:
    """A mono input DeviceInfo for the fake backend."""
    return DeviceInfo(index, name, hostapi, 1, default_samplerate, is_default)


class FakeInputStream:
    """One fake input stream; see the module docstring for how it is driven."""

    def __init__(self, samplerate: int, source: Source, blocksize: int, auto: bool, speed: float) -> None:
        self.samplerate = samplerate
        self.blocksize = blocksize
        self.source = source
        self.start_error: Exception | None = None
        self.latency = 0.0
        self.closed = False
        self._auto = auto
        self._speed = speed
        self._position = 0
        self.written = 0
        self._buffered: deque[np.ndarray] = deque()
        self._overflowed = False
        self._read_error: Exception = OSError()
        self._failing_reads = 0
        self._pending_stall = 0.0
        self._lock = threading.Lock()
        self._running = threading.Event()
        self._feeder: threading.Thread | None = None

    def start(self) -> None:
        if self.start_error is not None:
            raise self.start_error
        self._running.set()
        if self._auto:
            self._feeder = threading.Thread(target=self._feed, name="fake-audio", daemon=True)
            self._feeder.start()

    def stop(self) -> None:
        self._running.clear()
        if self._feeder is not None and self._feeder is not threading.current_thread():
            self._feeder.join(timeout=5)
        self._feeder = None

    def close(self) -> None:
        self.stop()
        self.closed = True

    def read(self) -> InputRead:
        if self.closed:
            return InputRead(np.zeros(0, dtype=np.int16), False, 0.0)
        with self._lock:
            if self._failing_reads:
                self._failing_reads -= 1
                raise self._read_error
            blocks = list(self._buffered)
            self._buffered.clear()
            overflowed, self._overflowed = self._overflowed, False
            clock = self._position / self.samplerate
        samples = to_pcm16(np.concatenate(blocks)) if blocks else np.zeros(0, dtype=np.int16)
        return InputRead(samples, overflowed, clock)

    def peek(self, skip: int, visit: Callable[[np.ndarray], None]) -> int:
        """Any thread: the buffered blocks after ``skip`` frames, in place (they stay buffered)."""
        shown = 0
        with self._lock:
            if self.closed:
                return 0
            for block in self._buffered:
                piece = block[skip:]
                skip = max(0, skip - len(block))
                if len(piece):
                    visit(piece)
                    shown += len(piece)
        return shown

    @property
    def buffered_frames(self) -> int:
        """Frames buffered and not yet read."""
        with self._lock:
            return sum(len(block) for block in self._buffered)

    def step(self, blocks: int = 1) -> None:
        """Buffer ``blocks`` blocks now, on the calling thread (step mode)."""
        for _ in range(blocks):
            self._buffer_next()

    def inject_overflow(self) -> None:
        """Report an input overflow with the next read."""
        with self._lock:
            self._overflowed = True

    def fail_reads(self, error: Exception, reads: int = 1) -> None:
        """Make the next ``reads`` reads raise ``error`` (what a driver failure looks like)."""
        with self._lock:
            self._read_error, self._failing_reads = error, reads

    @property
    def failing_reads(self) -> int:
        """How many of the reads :meth:`fail_reads` asked to fail are still to come."""
        return self._failing_reads

    def drop(self, frames: int) -> None:
        """Lose ``frames`` frames: the clock moves on, no read ever returns them."""
        with self._lock:
            self._position += frames

    def stall(self, seconds: float) -> None:
        """Auto mode: buffer nothing for ``seconds`` of wall time; that audio is lost."""
        with self._lock:
            self._pending_stall = seconds

    def _buffer_next(self) -> None:
        if not self._running.is_set() or self.closed:
            return
        with self._lock:
            first = self._position
            self._position += self.blocksize
            block = self.source(first, self.blocksize, self.samplerate)
            self._buffered.append(np.asarray(block, dtype=np.float32))
            self.written += self.blocksize

    def _feed(self) -> None:
        """Feeder thread: buffer blocks paced at ``speed`` times real time."""
        started = time.monotonic()
        delivered = 0
        while self._running.is_set():
            with self._lock:
                stall, self._pending_stall = self._pending_stall, 0.0
            if stall:
                time.sleep(stall)
                self.drop(round(stall * self.samplerate))
                started, delivered = time.monotonic(), 0
            due = started + delivered * self.blocksize / self.samplerate / self._speed
            time.sleep(max(0.0, due - time.monotonic()))
            self._buffer_next()
            delivered += 1


class FakeBackend:
    """AudioBackend for tests; device-list changes become visible only after :meth:`rescan`."""

    def __init__(
        self,
        devices: Iterable[DeviceInfo] | None = None,
        source: Source | None = None,
        blocksize: int = 480,
        auto: bool = True,
        speed: float = 1.0,
        unsupported_rates: Iterable[int] = (),
        blocked: Iterable[int] = (),
        start_error: Exception | None = None,
        latency: float = 0.0,
    ) -> None:
        self.source = source or sine()
        self.blocksize = blocksize
        self.auto = auto
        self.speed = speed
        self.unsupported_rates = set(unsupported_rates)
        self.blocked = set(blocked)
        self.start_error = start_error
        self.latency = latency
        self.streams: list[FakeInputStream] = []
        self.rescans = 0
        default = [fake_device(0, "Fake Microphone", is_default=True)]
        initial = list(devices) if devices is not None else default
        self._devices = initial
        self._pending = initial

    def set_devices(self, devices: Iterable[DeviceInfo]) -> None:
        """Change what a later :meth:`rescan` will find (PortAudio only sees changes on re-init)."""
        self._pending = list(devices)

    def list_input_devices(self) -> list[DeviceInfo]:
        return list(self._devices)

    def rescan(self) -> None:
        for stream in self.streams:
            stream.close()
        self._devices = self._pending
        self.rescans += 1

    def check_input_settings(self, index: int, samplerate: int) -> bool:
        return self._device(index) is not None and samplerate not in self.unsupported_rates

    def open_input(self, index: int, samplerate: int) -> FakeInputStream:
        device = self._device(index)
        if device is None:
            raise AudioDeviceError(f"#{index}", "no such device")
        if index in self.blocked:
            raise MicrophoneBlockedError("fake host error -9999")
        stream = FakeInputStream(samplerate, self.source, self.blocksize, self.auto, self.speed)
        stream.start_error = self.start_error
        stream.latency = self.latency
        self.streams.append(stream)
        return stream

    @property
    def last_stream(self) -> FakeInputStream:
        """The most recently opened stream."""
        return self.streams[-1]

    def _device(self, index: int) -> DeviceInfo | None:
        return next((device for device in self._devices if device.index == index), None)
