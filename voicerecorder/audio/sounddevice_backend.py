"""The real audio backend: PortAudio through python-sounddevice and python-rtmixer, imported when needed."""

from __future__ import annotations

import math
import sys
import threading
from collections.abc import Callable
from dataclasses import replace
from types import ModuleType
from typing import Any

import numpy as np

from voicerecorder.audio.backend import (
    AudioDeviceError,
    DeviceInfo,
    InputRead,
    InputStreamHandle,
    MicrophoneBlockedError,
    PortAudioMissingError,
)
from voicerecorder.audio.pcm import to_pcm16

# PortAudio error codes Windows returns when the privacy settings deny the microphone.
BLOCKED_ERROR_CODES = (-9999, -9985)
# On Windows every microphone appears once per host API; show the first of these that has inputs.
WINDOWS_HOSTAPI_PREFERENCE = ("Windows WASAPI", "MME")
# The stream's callback is rtmixer's, in C: it copies each block into a ring buffer of RING_S
# seconds and counts overflows, so no Python runs at audio rate and a busy interpreter (the GIL,
# a garbage collection) delays a read by up to RING_S without losing audio. PortAudio buffers
# LATENCY seconds and calls back every BLOCK_S (the meter's steps: 20 a second); latency does not
# matter when recording then reviewing.
LATENCY = 0.2
BLOCK_S = 0.05
RING_S = 5.0
# rtmixer records float32 (PortAudio converts in C, exactly for 16-bit devices); takes are 16-bit
# PCM. Dither stays off so a privacy-blocked microphone's digital silence arrives as exact zeros.
SAMPLE_FORMAT = "float32"
NO_AUDIO = np.zeros(0, dtype=np.int16)


def ring_frames(samplerate: int) -> int:
    """The ring buffer's size: a power of two (rtmixer's rule) holding at least RING_S seconds."""
    return 1 << math.ceil(math.log2(RING_S * samplerate))


def load_sounddevice() -> ModuleType:
    """Import sounddevice; a missing PortAudio library becomes PortAudioMissingError."""
    try:
        import sounddevice
    except OSError as error:
        raise PortAudioMissingError(str(error)) from error
    return sounddevice


def preferred_devices(devices: list[DeviceInfo], platform: str) -> list[DeviceInfo]:
    """Keep one host API on Windows (WASAPI, else MME); elsewhere keep every input device."""
    if not platform.startswith("win"):
        return devices
    for hostapi in WINDOWS_HOSTAPI_PREFERENCE:
        chosen = [device for device in devices if device.hostapi == hostapi]
        if chosen:
            return chosen
    return devices


def open_error(device: str, code: int | None, detail: str, platform: str) -> Exception:
    """The user-facing error for a PortAudio failure to open ``device``."""
    if platform.startswith("win") and code in BLOCKED_ERROR_CODES:
        return MicrophoneBlockedError(detail, platform)
    return AudioDeviceError(device, detail)


class _RingStream:
    """An rtmixer Recorder and its ring buffer; reads, peeks, clock queries and close hold a lock.

    The ring's memory is ``samples``, a float32 array, and this stream is the ring's only
    reader, so it knows where the unread frames are (its count of frames read, modulo the size):
    a peek slices ``samples`` and asks the ring nothing but how many frames are readable.
    """

    def __init__(
        self,
        recorder: Any,
        ring: Any,
        samples: np.ndarray,
        on_close: Callable[[_RingStream], None],
        start_error: Callable[[Exception], Exception],
    ) -> None:
        self._recorder = recorder
        self._ring = ring
        self._ring_state = ring._ptr  # PortAudio's PaUtilRingBuffer: the callback moves writeIndex
        self._samples = samples
        self._consumed = 0
        self._on_close = on_close
        self._start_error = start_error
        self._lock = threading.Lock()
        self._closed = False
        self._action: Any = None
        self._overflows = 0
        self._full_at = ring.write_available - recorder.blocksize

    @property
    def blocksize(self) -> int:
        return int(self._recorder.blocksize)

    @property
    def latency(self) -> float:
        return float(self._recorder.latency)

    @property
    def written(self) -> int:
        """The ring's write index (frames modulo twice its size), read from its C struct."""
        return int(self._ring_state.writeIndex)

    def start(self) -> None:
        try:
            self._recorder.start()
        except Exception as error:
            raise self._start_error(error) from error
        with self._lock:
            self._record()

    def stop(self) -> None:
        self._recorder.stop()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._recorder.close()
        self._on_close(self)

    def read(self) -> InputRead:
        with self._lock:
            if self._closed or self._action is None:
                return InputRead(NO_AUDIO, False, 0.0)
            overflowed = self._count_overflows()
            frames = self._ring.read_available
            # rtmixer ends the recording when a block no longer fits: the ring was (nearly) full.
            ring_was_full = frames > self._full_at and self._action not in self._recorder.actions
            if not frames and not overflowed and not ring_was_full:
                return InputRead(NO_AUDIO, False, 0.0)
            data = self._ring.read(frames)
            self._consumed += frames
            clock = float(self._recorder.time)
            if ring_was_full:
                self._record()
        samples = to_pcm16(np.frombuffer(data, dtype=np.float32))
        return InputRead(samples, overflowed or ring_was_full, clock)

    def peek(self, skip: int, visit: Callable[[np.ndarray], None]) -> int:
        """Any thread: the ring's unread frames after ``skip``, in place (the read index stays)."""
        with self._lock:
            if self._closed or self._action is None:
                return 0
            frames = self._ring.read_available
            if frames <= skip:
                return 0
            size = len(self._samples)
            start = (self._consumed + skip) % size
            end = start + frames - skip
            visit(self._samples[start : min(end, size)])
            if end > size:
                visit(self._samples[: end - size])
        return frames - skip

    def _record(self) -> None:
        """Hand the callback a (new) recording into the ring; it ends by itself if the ring fills up."""
        self._action = self._recorder.record_ringbuffer(self._ring)
        self._overflows = 0

    def _count_overflows(self) -> bool:
        """Whether the callback saw input overflows since the previous read (lock held)."""
        overflows = int(self._action.stats.input_overflows)
        new, self._overflows = overflows > self._overflows, overflows
        return new


class SoundDeviceBackend:
    """AudioBackend over python-sounddevice (PortAudio)."""

    def __init__(self, platform: str = sys.platform) -> None:
        self._platform = platform
        self._streams: set[_RingStream] = set()
        self._lock = threading.Lock()

    def list_input_devices(self) -> list[DeviceInfo]:
        sd = load_sounddevice()
        hostapis = sd.query_hostapis()
        default_input = sd.default.device[0]
        devices = [
            DeviceInfo(
                index=int(entry["index"]),
                name=str(entry["name"]),
                hostapi=str(hostapis[entry["hostapi"]]["name"]),
                max_input_channels=int(entry["max_input_channels"]),
                default_samplerate=float(entry["default_samplerate"]),
                is_default=int(entry["index"]) == default_input,
            )
            for entry in sd.query_devices()
            if entry["max_input_channels"] > 0
        ]
        devices = preferred_devices(devices, self._platform)
        if devices and not any(device.is_default for device in devices):
            hostapi_default = hostapis[sd.query_devices(devices[0].index)["hostapi"]]["default_input_device"]
            devices = [replace(device, is_default=device.index == hostapi_default) for device in devices]
        return devices

    def rescan(self) -> None:
        sd = load_sounddevice()
        with self._lock:
            streams = list(self._streams)
        for stream in streams:
            stream.close()
        sd._terminate()
        sd._initialize()

    def check_input_settings(self, index: int, samplerate: int) -> bool:
        sd = load_sounddevice()
        try:
            sd.check_input_settings(
                device=index,
                samplerate=samplerate,
                channels=1,
                dtype=SAMPLE_FORMAT,
                extra_settings=self._extra_settings(sd, index),
            )
        except sd.PortAudioError:
            return False
        return True

    def open_input(self, index: int, samplerate: int) -> InputStreamHandle:
        sd = load_sounddevice()
        import rtmixer

        name = str(sd.query_devices(index)["name"])

        def failure(error: Exception) -> Exception:
            code = error.args[1] if len(error.args) > 1 else None
            return open_error(name, code if isinstance(code, int) else None, str(error), self._platform)

        try:
            recorder = rtmixer.Recorder(
                device=index,
                samplerate=samplerate,
                channels=1,
                latency=LATENCY,
                blocksize=round(BLOCK_S * samplerate),
                dither_off=True,
                extra_settings=self._extra_settings(sd, index),
            )
        except sd.PortAudioError as error:
            raise failure(error) from error
        samples = np.zeros(ring_frames(samplerate), dtype=np.float32)
        ring = rtmixer.RingBuffer(samples.itemsize, buffer=samples)
        handle = _RingStream(recorder, ring, samples, self._forget, failure)
        with self._lock:
            self._streams.add(handle)
        return handle

    def _forget(self, stream: _RingStream) -> None:
        with self._lock:
            self._streams.discard(stream)

    def _extra_settings(self, sd: ModuleType, index: int) -> Any:
        hostapi = sd.query_hostapis(sd.query_devices(index)["hostapi"])["name"]
        if hostapi == "Windows WASAPI":
            return sd.WasapiSettings(auto_convert=True)
        return None
