"""``voicerecorder devices [--json]``: list the microphones PortAudio can record from."""

from __future__ import annotations

import argparse
import functools
import json
from dataclasses import asdict

from voicerecorder.audio.backend import DeviceInfo, NoInputDeviceError
from voicerecorder.audio.devices import device_label, pulse_source_description
from voicerecorder.audio.sounddevice_backend import SoundDeviceBackend
from voicerecorder.text import Bilingual, current_language

HEADER = Bilingual("Input devices (* = default):", "输入设备（* 为默认）：")
ROW = Bilingual(
    "{mark} {label}  ({hostapi}, {channels} channels, {rate:g} Hz)",
    "{mark} {label}  （{hostapi}，{channels} 声道，{rate:g} Hz）",
)
# How a device the system names differently from PortAudio is listed: both names, the second
# being what --device takes.
LABELLED = Bilingual('{label}, device "{name}"', "{label}，设备 “{name}”")
HINT = Bilingual(
    "Record from one with: voicerecorder record OUT.wav --device NAME",
    "指定设备录音：voicerecorder record OUT.wav --device 名称",
)


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``devices`` command."""
    parser = subparsers.add_parser(
        "devices",
        help="list input devices",
        description="List the input devices (microphones) with host API, channels and default rate.",
    )
    parser.add_argument("--json", action="store_true", help="print a JSON list instead of a table")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the input devices; exit 3 when there are none."""
    devices = SoundDeviceBackend().list_input_devices()
    pulse_source = functools.cache(pulse_source_description)
    labels = [device_label(device, pulse_source) for device in devices]
    if args.json:
        listed = [{**asdict(device), "label": label} for device, label in zip(devices, labels, strict=True)]
        print(json.dumps(listed, ensure_ascii=False, indent=2))
    elif devices:
        print(format_devices(devices, current_language(), labels))
    if not devices:
        raise NoInputDeviceError()
    return 0


def format_devices(devices: list[DeviceInfo], language: str, labels: list[str] | None = None) -> str:
    """The human-readable table ``devices`` prints; ``labels`` are the system's names of the devices
    (:func:`voicerecorder.audio.devices.device_label`), the PortAudio names when not given."""
    rows = [
        ROW.pick(language).format(
            mark="*" if device.is_default else " ",
            label=device.name
            if label == device.name
            else LABELLED.pick(language).format(label=label, name=device.name),
            hostapi=device.hostapi,
            channels=device.max_input_channels,
            rate=device.default_samplerate,
        )
        for device, label in zip(devices, labels or [device.name for device in devices], strict=True)
    ]
    return "\n".join([HEADER.pick(language), *rows, HINT.pick(language)])
