"""Choosing an input device: resolve a remembered DeviceRef, find one by name, pick a sample rate."""

from __future__ import annotations

from voicerecorder.audio.backend import (
    AudioBackend,
    DeviceInfo,
    DeviceNotFoundError,
    DeviceRef,
    NoInputDeviceError,
)

TARGET_SAMPLERATE = 48000


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
