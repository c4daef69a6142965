"""``voicerecorder devices [--json]``: list the microphones PortAudio can record from."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict

from voicerecorder.audio.backend import DeviceInfo, NoInputDeviceError
from voicerecorder.audio.sounddevice_backend import SoundDeviceBackend
from voicerecorder.text import Bilingual, current_language

HEADER = Bilingual("Input devices (* = default):", "输入设备（* 为默认）：")
ROW = Bilingual(
    "{mark} {name}  ({hostapi}, {channels} channels, {rate:g} Hz)",
    "{mark} {name}  （{hostapi}，{channels} 声道，{rate:g} Hz）",
)
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
    if args.json:
        print(json.dumps([asdict(device) for device in devices], ensure_ascii=False, indent=2))
    elif devices:
        print(format_devices(devices, current_language()))
    if not devices:
        raise NoInputDeviceError()
    return 0


def format_devices(devices: list[DeviceInfo], language: str) -> str:
    """The human-readable table ``devices`` prints."""
    rows = [
        ROW.pick(language).format(
            mark="*" if device.is_default else " ",
            name=device.name,
            hostapi=device.hostapi,
            channels=device.max_input_channels,
            rate=device.default_samplerate,
        )
        for device in devices
    ]
    return "\n".join([HEADER.pick(language), *rows, HINT.pick(language)])
