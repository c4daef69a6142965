"""The audio backend interface: input devices, how a device is remembered, streams and their errors."""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import NamedTuple, Protocol

import numpy as np

from voicerecorder.errors import EXIT_ATTENTION, UserFacingError
from voicerecorder.permissions import microphone_blocked_message
from voicerecorder.text import Bilingual


@dataclass(frozen=True)
class DeviceRef:
    """How a microphone is remembered between runs: its host API and name, never its index."""

    hostapi: str
    name: str

    def to_dict(self) -> dict[str, str]:
        """A JSON-friendly form: ``{"hostapi": ..., "name": ...}``."""
        return {"hostapi": self.hostapi, "name": self.name}

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> DeviceRef:
        """Rebuild from :meth:`to_dict` output; raises UserFacingError when a field is missing."""
        hostapi, name = data.get("hostapi"), data.get("name")
        if not isinstance(hostapi, str) or not isinstance(name, str):
            raise UserFacingError(
                Bilingual(
                    f"A saved microphone entry is damaged ({dict(data)!r}); choose the microphone again.",
                    f"保存的麦克风信息已损坏（{dict(data)!r}），请重新选择麦克风。",
                )
            )
        return cls(hostapi=hostapi, name=name)

    def __str__(self) -> str:
        return f"{self.name} ({self.hostapi})"


@dataclass(frozen=True)
class DeviceInfo:
    """One input device as the backend sees it right now (the index is only valid until a rescan)."""

    index: int
    name: str
    hostapi: str
    max_input_channels: int
    default_samplerate: float
    is_default: bool

    @property
    def ref(self) -> DeviceRef:
        """The stable way to remember this device."""
        return DeviceRef(hostapi=self.hostapi, name=self.name)


class InputRead(NamedTuple):
    """What one read of an input stream returned."""

    samples: np.ndarray
    """Every frame buffered at the read: int16, 1-D, possibly empty."""
    overflowed: bool
    """Input was lost since the previous read (the buffers overflowed)."""
    time: float
    """The stream clock in seconds at the read."""


class InputStreamHandle(Protocol):
    """An open input stream that buffers its audio in native code until it is read.

    Nothing is buffered before ``start()`` or after ``stop()``; there is no Python callback.
    """

    def start(self) -> None: ...

    def stop(self) -> None: ...

    def close(self) -> None:
        """Release the stream; later reads return no audio (safe against a read on another thread)."""
        ...

    @property
    def blocksize(self) -> int:
        """Frames per buffer period: audio becomes readable in steps of this size."""
        ...

    @property
    def latency(self) -> float:
        """Seconds of input buffering: audio can be this late becoming readable."""
        ...

    @property
    def written(self) -> int:
        """A count of the frames buffered since ``start``, modulo a large number (seconds of audio).

        Any thread, at once, without a lock and without touching the audio: when it has not
        changed since the previous look, nothing arrived (a meter's check between arrivals).
        """
        ...

    def read(self) -> InputRead:
        """Everything buffered now; never waits for audio. Any thread, one at a time."""
        ...

    def peek(self, skip: int, visit: Callable[[np.ndarray], None]) -> int:
        """Show ``visit`` the buffered frames no read has returned yet, except the first ``skip``.

        The frames stay buffered: a later read returns them. ``visit`` gets float32 views
        (1.0 = full scale), oldest first, in one or more pieces; it runs before this returns,
        while reads wait, because the views are only valid inside it. Returns how many frames
        it was shown. Any thread, one at a time with reads; never waits for audio.
        """
        ...


class AudioBackend(Protocol):
    """Where input devices and streams come from: sounddevice in the app, a fake one in tests."""

    def list_input_devices(self) -> list[DeviceInfo]: ...

    def rescan(self) -> None:
        """Close every stream this backend opened and re-read the device list."""
        ...

    def check_input_settings(self, index: int, samplerate: int) -> bool:
        """Whether the device can record mono 16-bit at ``samplerate``."""
        ...

    def open_input(self, index: int, samplerate: int) -> InputStreamHandle:
        """Open (not start) a mono int16 input stream."""
        ...


class PortAudioMissingError(UserFacingError):
    """The PortAudio library itself cannot be loaded."""

    exit_code = EXIT_ATTENTION

    def __init__(self, detail: str) -> None:
        super().__init__(
            Bilingual(
                f"The audio library PortAudio could not be loaded ({detail}). On Debian or Ubuntu "
                "install it with: sudo apt-get install libportaudio2 — on Fedora: sudo dnf install "
                "portaudio. On Windows and macOS reinstall voicerecorder.",
                f"无法加载音频库 PortAudio（{detail}）。Debian 或 Ubuntu 请运行：sudo apt-get install "
                "libportaudio2；Fedora 请运行：sudo dnf install portaudio。Windows 和 macOS 请重新安装 "
                "voicerecorder。",
            )
        )


class NoInputDeviceError(UserFacingError):
    """The system offers no input device at all."""

    exit_code = EXIT_ATTENTION

    def __init__(self) -> None:
        super().__init__(
            Bilingual(
                "No microphone was found. Plug in a microphone (or enable the built-in one), then "
                "run `voicerecorder devices` or press Refresh.",
                "没有找到麦克风。请连接麦克风（或启用内置麦克风），"
                "然后运行 `voicerecorder devices` 或点击刷新。",
            )
        )


class DeviceNotFoundError(UserFacingError):
    """The requested device is not in the current device list; the message lists what is."""

    exit_code = EXIT_ATTENTION

    def __init__(self, wanted: str, available: list[DeviceInfo]) -> None:
        names = "; ".join(str(device.ref) for device in available) or "none"
        super().__init__(
            Bilingual(
                f"The microphone '{wanted}' was not found. Available microphones: {names}. "
                "Check that it is plugged in, or pick one of these.",
                f"找不到麦克风“{wanted}”。可用的麦克风：{names}。请确认它已连接，或从中选择一个。",
            )
        )
        self.available = available


class MicrophoneBlockedError(UserFacingError):
    """The operating system refuses access to the microphone (privacy settings)."""

    exit_code = EXIT_ATTENTION

    def __init__(self, detail: str = "", platform: str = sys.platform) -> None:
        super().__init__(microphone_blocked_message(Bilingual(detail, detail) if detail else None, platform))


class AudioDeviceError(UserFacingError):
    """A device could not be opened or used for another reason (busy, unsupported, gone)."""

    exit_code = EXIT_ATTENTION

    def __init__(self, device: str, detail: str) -> None:
        super().__init__(
            Bilingual(
                f"The microphone '{device}' could not be opened: {detail}. Close other programs "
                "that use it, reconnect it, or choose another microphone.",
                f"无法打开麦克风“{device}”：{detail}。请关闭正在使用它的其他程序、重新连接，或选择其他麦克风。",
            )
        )
