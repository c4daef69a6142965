"""Choosing an input device: resolve a remembered DeviceRef, find one by name, pick a sample rate,
and say which microphone it is in the words the system uses."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Mapping

from voicerecorder.audio.backend import (
    AudioBackend,
    DeviceInfo,
    DeviceNotFoundError,
    DeviceRef,
    NoInputDeviceError,
)

TARGET_SAMPLERATE = 48000
# ALSA devices that are bridges into PulseAudio or PipeWire: they record from a sound server's
# source, whose description ("Blue Yeti Microphone", "Built-in Audio Analog Stereo") is the name
# the system's sound settings show.
PULSE_BRIDGES = frozenset({"default", "pulse", "pipewire"})
PACTL_TIMEOUT_S = 2.0


def device_label(device: DeviceInfo, pulse_source: Callable[[], str | None] | None = None) -> str:
    """The name a person knows the microphone by, as the system's sound settings show it.

    On Linux the ALSA ``default`` / ``pulse`` / ``pipewire`` devices are named by the description
    of the PulseAudio or PipeWire source they record from (``pulse_source``, by default
    :func:`pulse_source_description`). On Windows (WASAPI, the host API this app keeps) and
    macOS (Core Audio) PortAudio's device name already is the endpoint's friendly name and the
    Core Audio device name. Any other device keeps its PortAudio name.
    """
    if device.hostapi == "ALSA" and device.name in PULSE_BRIDGES:
        described = (pulse_source or pulse_source_description)()
        if described:
            return described
    return device.name


def pulse_source_description(env: Mapping[str, str] = os.environ) -> str | None:
    """The description of the sound-server source ALSA's pulse device records from (``PULSE_SOURCE``,
    else the server's default source), asked of ``pactl``; None without pactl or a server."""
    pactl = shutil.which("pactl")
    if pactl is None:
        return None
    plain = {**env, "LC_ALL": "C"}

    def ask(*args: str) -> str:
        try:
            done = subprocess.run(
                [pactl, *args],
                env=plain,
                capture_output=True,
                text=True,
                timeout=PACTL_TIMEOUT_S,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired):
            return ""
        return done.stdout if done.returncode == 0 else ""

    source = env.get("PULSE_SOURCE") or _field(ask("info").splitlines(), "Default Source")
    if not source:
        return None
    return source_description(ask("list", "sources"), source)


def source_description(listing: str, source: str) -> str | None:
    """The ``Description:`` of the source named ``source`` in ``pactl list sources`` output (C locale)."""
    for block in listing.split("\nSource #"):
        lines = block.splitlines()
        if _field(lines, "Name") == source:
            return _field(lines, "Description")
    return None


def _field(lines: list[str], key: str) -> str | None:
    """The value of the first ``key: value`` line (leading whitespace ignored)."""
    prefix = f"{key}: "
    return next((line.strip()[len(prefix) :] for line in lines if line.strip().startswith(prefix)), None)


def default_device(backend: AudioBackend) -> DeviceInfo:
    """The system's default input, else the first input; NoInputDeviceError when there is none."""
    devices = backend.list_input_devices()
    if not devices:
        raise NoInputDeviceError()
    return next((device for device in devices if device.is_default), devices[0])


def resolve_device(backend: AudioBackend, ref: DeviceRef | None) -> DeviceInfo:
    """The current DeviceInfo for ``ref`` (matched by host API and name); None means the default."""
    if ref is None:
        return default_device(backend)
    devices = backend.list_input_devices()
    if not devices:
        raise NoInputDeviceError()
    for device in devices:
        if device.ref == ref:
            return device
    raise DeviceNotFoundError(str(ref), devices)


def find_device(backend: AudioBackend, name: str) -> DeviceInfo:
    """A device by name as a person types it: exact (any case) first, else a unique substring."""
    devices = backend.list_input_devices()
    if not devices:
        raise NoInputDeviceError()
    wanted = name.casefold()
    exact = [device for device in devices if device.name.casefold() == wanted]
    partial = [device for device in devices if wanted in device.name.casefold()]
    for matches in (exact, partial):
        if len(matches) == 1:
            return matches[0]
    raise DeviceNotFoundError(name, devices)


def choose_samplerate(backend: AudioBackend, device: DeviceInfo, target: int = TARGET_SAMPLERATE) -> int:
    """``target`` when the device records mono at it, otherwise the device's own default rate."""
    if backend.check_input_settings(device.index, target):
        return target
    return int(device.default_samplerate)
