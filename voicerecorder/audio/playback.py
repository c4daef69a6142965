"""Playing a take back: the real player (PortAudio output through sounddevice) and a fake for tests.

Threads: ``play`` and ``stop`` may be called from any one thread at a time (the UI calls them
from a worker, never the GUI thread); the sounddevice callback runs on PortAudio's audio thread
and only copies the next slice of the samples into the output buffer.
"""

from __future__ import annotations

import threading
import time
from typing import Any, Protocol

import numpy as np

from voicerecorder.audio.backend import AudioDeviceError
from voicerecorder.audio.sounddevice_backend import load_sounddevice


class Player(Protocol):
    """Plays mono float32 samples on the default output; a new ``play`` replaces the current one."""

    def play(self, samples: np.ndarray, samplerate: int) -> None: ...

    def stop(self) -> None: ...

    @property
    def playing(self) -> bool: ...


def _mono(samples: np.ndarray) -> np.ndarray:
    array = np.asarray(samples, dtype=np.float32)
    return array.mean(axis=1).astype(np.float32) if array.ndim == 2 else array


class SoundDevicePlayer:
    """Plays through the system's default output device with a sounddevice OutputStream."""

    def __init__(self) -> None:
        self._stream: Any = None
        self._lock = threading.Lock()

    @property
    def playing(self) -> bool:
        stream = self._stream
        return stream is not None and bool(stream.active)

    def play(self, samples: np.ndarray, samplerate: int) -> None:
        """Start playing ``samples`` (returns at once); raises AudioDeviceError when no output opens."""
        sd = load_sounddevice()
        data = _mono(samples)
        position = 0

        def callback(outdata: np.ndarray, frames: int, _time: Any, _status: Any) -> None:
            """Audio thread: copy the next slice, then stop at the end."""
            nonlocal position
            chunk = data[position : position + frames]
            outdata[: len(chunk), 0] = chunk
            outdata[len(chunk) :, 0] = 0.0
            position += frames
            if position >= len(data):
                raise sd.CallbackStop

        self.stop()
        try:
            stream = sd.OutputStream(samplerate=samplerate, channels=1, dtype="float32", callback=callback)
            stream.start()
        except sd.PortAudioError as error:
            raise AudioDeviceError("default output", str(error)) from error
        with self._lock:
            self._stream = stream

    def stop(self) -> None:
        """Stop and close the current playback, if any."""
        with self._lock:
            stream, self._stream = self._stream, None
        if stream is not None:
            stream.abort()
            stream.close()


class FakePlayer:
    """A Player for tests: remembers what it was asked to play and "plays" for its duration / speed."""

    def __init__(self, speed: float = 1.0) -> None:
        self.speed = speed
        self.played: list[tuple[np.ndarray, int]] = []
        self._until = 0.0

    @property
    def playing(self) -> bool:
        return time.monotonic() < self._until

    def play(self, samples: np.ndarray, samplerate: int) -> None:
        data = _mono(samples)
        self.played.append((data, samplerate))
        self._until = time.monotonic() + len(data) / samplerate / self.speed

    def stop(self) -> None:
        self._until = 0.0
