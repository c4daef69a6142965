"""The real audio backend: PortAudio through python-sounddevice, imported only when first needed."""

from __future__ import annotations

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
    InputCallback,
    InputStreamHandle,
    MicrophoneBlockedError,
    PortAudioMissingError,
    StreamStatus,
)

# PortAudio error codes Windows returns when the privacy settings deny the microphone.
BLOCKED_ERROR_CODES = (-9999, -9985)
# On Windows every microphone appears once per host API; show the first of these that has inputs.
WINDOWS_HOSTAPI_PREFERENCE = ("Windows WASAPI", "MME")
# Input buffering and callback size. PortAudio's "high" latency is only ~35 ms on ALSA with
# ~130 callbacks/s; 0.2 s of buffering and 50 ms blocks (20 callbacks/s, still a smooth meter)
# cost about a sixth of that CPU, and latency does not matter when recording then reviewing.
LATENCY = 0.2
BLOCK_S = 0.05
# Takes are stored as 16-bit PCM, so the stream delivers exactly that: no conversion in Python
# (PortAudio converts in C where the device's native format differs). Dither stays off so a
# privacy-blocked microphone's digital silence arrives as exact zeros.
SAMPLE_FORMAT = "int16"


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
        return MicrophoneBlockedError(detail)
    return AudioDeviceError(device, detail)


class _SoundDeviceStream:
    """An InputStream wrapper; the sounddevice callback runs on PortAudio's audio thread."""

    def __init__(
        self,
        stream: Any,
        on_close: Callable[[_SoundDeviceStream], None],
        start_error: Callable[[Exception], Exception],
    ) -> None:
        self._stream = stream
        self._on_close = on_close
        self._start_error = start_error

    def start(self) -> None:
        try:
            self._stream.start()
        except Exception as error:
            raise self._start_error(error) from error

    def stop(self) -> None:
        self._stream.stop()

    def close(self) -> None:
        self._stream.close()
        self._on_close(self)

    def time(self) -> float:
        return float(self._stream.time)

    @property
    def latency(self) -> float:
        return float(self._stream.latency)


class SoundDeviceBackend:
    """AudioBackend over python-sounddevice (PortAudio)."""

    def __init__(self, platform: str = sys.platform) -> None:
        self._platform = platform
        self._streams: set[_SoundDeviceStream] = set()
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

    def open_input(self, index: int, samplerate: int, callback: InputCallback) -> InputStreamHandle:
        sd = load_sounddevice()

        def on_block(indata: np.ndarray, frames: int, time: Any, status: Any) -> None:
            """PortAudio's audio thread: translate the status and hand the block on."""
            flags = StreamStatus.NONE
            if status:
                if status.input_overflow:
                    flags |= StreamStatus.INPUT_OVERFLOW
                if status.input_underflow:
                    flags |= StreamStatus.INPUT_UNDERFLOW
            callback(indata, time.currentTime, flags)

        name = str(sd.query_devices(index)["name"])

        def failure(error: Exception) -> Exception:
            code = error.args[1] if len(error.args) > 1 else None
            return open_error(name, code if isinstance(code, int) else None, str(error), self._platform)

        try:
            stream = sd.InputStream(
                device=index,
                samplerate=samplerate,
                channels=1,
                dtype=SAMPLE_FORMAT,
                latency=LATENCY,
                blocksize=round(BLOCK_S * samplerate),
                dither_off=True,
                callback=on_block,
                extra_settings=self._extra_settings(sd, index),
            )
        except sd.PortAudioError as error:
            raise failure(error) from error
        handle = _SoundDeviceStream(stream, self._forget, failure)
        with self._lock:
            self._streams.add(handle)
        return handle

    def _forget(self, stream: _SoundDeviceStream) -> None:
        with self._lock:
            self._streams.discard(stream)

    def _extra_settings(self, sd: ModuleType, index: int) -> Any:
        hostapi = sd.query_hostapis(sd.query_devices(index)["hostapi"])["name"]
        if hostapi == "Windows WASAPI":
            return sd.WasapiSettings(auto_convert=True)
        return None
