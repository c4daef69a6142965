"""Device lists, remembering a device by host API and name, rescans, rates and error mapping."""

from __future__ import annotations

import os

import pytest

from voicerecorder.audio.backend import (
    AudioDeviceError,
    DeviceNotFoundError,
    DeviceRef,
    MicrophoneBlockedError,
    NoInputDeviceError,
)
from voicerecorder.audio.devices import (
    choose_samplerate,
    default_device,
    device_label,
    find_device,
    pulse_source_description,
    resolve_device,
    source_description,
)
from voicerecorder.audio.fake_backend import FakeBackend, fake_device
from voicerecorder.audio.sounddevice_backend import open_error, preferred_devices
from voicerecorder.errors import UserFacingError


def test_device_ref_round_trips_through_a_dict():
    ref = DeviceRef(hostapi="Windows WASAPI", name="Microphone (USB Audio)")
    assert DeviceRef.from_dict(ref.to_dict()) == ref
    assert fake_device(3, "Mic", hostapi="ALSA").ref == DeviceRef("ALSA", "Mic")


def test_damaged_device_ref_asks_to_choose_again():
    with pytest.raises(UserFacingError) as damaged:
        DeviceRef.from_dict({"name": "Mic"})
    assert "choose the microphone again" in damaged.value.message.en


def test_ref_is_resolved_by_hostapi_and_name_after_indices_change():
    backend = FakeBackend(
        devices=[fake_device(0, "Mic", "MME"), fake_device(1, "Mic", "Windows WASAPI", is_default=True)]
    )
    ref = DeviceRef("Windows WASAPI", "Mic")
    assert resolve_device(backend, ref).index == 1
    backend.set_devices(
        [
            fake_device(0, "Headset", "Windows WASAPI", is_default=True),
            fake_device(4, "Mic", "MME"),
            fake_device(5, "Mic", "Windows WASAPI"),
        ]
    )
    assert resolve_device(backend, ref).index == 1  # nothing changes before a rescan
    backend.rescan()
    assert resolve_device(backend, ref).index == 5


def test_rescan_closes_open_streams_and_shows_new_devices():
    backend = FakeBackend()
    stream = backend.open_input(0, 48000)
    stream.start()
    backend.set_devices([fake_device(0, "Fake Microphone", is_default=True), fake_device(1, "USB Mic")])
    assert [device.name for device in backend.list_input_devices()] == ["Fake Microphone"]
    backend.rescan()
    assert stream.closed
    stream.step()
    assert len(stream.read().samples) == 0  # a closed stream reads nothing
    assert [device.name for device in backend.list_input_devices()] == ["Fake Microphone", "USB Mic"]


def test_missing_device_lists_the_available_ones():
    backend = FakeBackend(devices=[fake_device(0, "Built-in", is_default=True), fake_device(1, "USB Mic")])
    with pytest.raises(DeviceNotFoundError) as missing:
        resolve_device(backend, DeviceRef("Fake", "Yeti"))
    assert "Yeti" in missing.value.message.en
    assert "Built-in (Fake)" in missing.value.message.en
    assert "USB Mic (Fake)" in missing.value.message.en
    assert "Yeti" in missing.value.message.zh
    assert missing.value.exit_code == 3


def test_default_device_and_no_device():
    backend = FakeBackend(devices=[fake_device(0, "A"), fake_device(1, "B", is_default=True)])
    assert resolve_device(backend, None).name == "B"
    assert default_device(FakeBackend(devices=[fake_device(2, "Only")])).name == "Only"
    empty = FakeBackend(devices=[])
    with pytest.raises(NoInputDeviceError):
        resolve_device(empty, None)
    with pytest.raises(NoInputDeviceError):
        resolve_device(empty, DeviceRef("Fake", "A"))
    with pytest.raises(NoInputDeviceError):
        find_device(empty, "A")


def test_find_device_by_typed_name():
    backend = FakeBackend(
        devices=[
            fake_device(0, "USB Mic", is_default=True),
            fake_device(1, "USB Mic Pro"),
            fake_device(2, "Yeti"),
        ]
    )
    assert find_device(backend, "usb mic").index == 0  # exact, any case, wins over substrings
    assert find_device(backend, "yet").index == 2
    with pytest.raises(DeviceNotFoundError):
        find_device(backend, "Mic P r o")
    with pytest.raises(DeviceNotFoundError):
        find_device(backend, "US")  # ambiguous


def test_samplerate_probe_prefers_48k_and_falls_back_to_the_device_rate():
    device = fake_device(0, "Mic", default_samplerate=44100.0, is_default=True)
    assert choose_samplerate(FakeBackend(devices=[device]), device) == 48000
    assert choose_samplerate(FakeBackend(devices=[device], unsupported_rates=[48000]), device) == 44100


def test_windows_shows_one_host_api():
    devices = [
        fake_device(0, "Microphone (USB Audio Devic", "MME"),
        fake_device(1, "Microphone (USB Audio Device)", "Windows DirectSound"),
        fake_device(2, "Microphone (USB Audio Device)", "Windows WASAPI"),
    ]
    assert [device.index for device in preferred_devices(devices, "win32")] == [2]
    assert [device.index for device in preferred_devices(devices[:2], "win32")] == [0]
    assert preferred_devices(devices, "linux") == devices


def test_windows_privacy_errors_become_the_blocked_message():
    blocked = open_error("Mic", -9999, "Unanticipated host error", "win32")
    assert isinstance(blocked, MicrophoneBlockedError)
    assert "Let desktop apps access your microphone" in blocked.message.en
    assert "System Settings" not in blocked.message.en
    assert isinstance(open_error("Mic", -9985, "Device unavailable", "win32"), MicrophoneBlockedError)
    other = open_error("Mic", -9999, "Unanticipated host error", "linux")
    assert isinstance(other, AudioDeviceError)
    assert "Close other programs" in other.message.en


PACTL_SOURCES = """Source #0
	State: SUSPENDED
	Name: alsa_output.pci.monitor
	Description: Monitor of Built-in Audio Analog Stereo
Source #1
	State: RUNNING
	Name: alsa_input.usb-Blue_Yeti
	Description: Yeti Stereo Microphone Analog Stereo
"""


def test_pactl_listing_gives_the_source_description():
    assert (
        source_description(PACTL_SOURCES, "alsa_input.usb-Blue_Yeti")
        == "Yeti Stereo Microphone Analog Stereo"
    )
    assert (
        source_description(PACTL_SOURCES, "alsa_output.pci.monitor")
        == "Monitor of Built-in Audio Analog Stereo"
    )
    assert source_description(PACTL_SOURCES, "absent") is None
    assert source_description("", "absent") is None


@pytest.mark.parametrize(
    ("name", "hostapi", "label"),
    [
        ("default", "ALSA", "Yeti Stereo Microphone"),
        ("pulse", "ALSA", "Yeti Stereo Microphone"),
        ("pipewire", "ALSA", "Yeti Stereo Microphone"),
        ("USB Audio: #0 (hw:1,0)", "ALSA", "USB Audio: #0 (hw:1,0)"),
        ("Microphone (Yeti Stereo Microphone)", "Windows WASAPI", "Microphone (Yeti Stereo Microphone)"),
        ("Yeti Stereo Microphone", "Core Audio", "Yeti Stereo Microphone"),
    ],
)
def test_devices_are_named_as_the_system_names_them(name, hostapi, label):
    asked = []

    def pulse_source() -> str:
        asked.append(True)
        return "Yeti Stereo Microphone"

    assert device_label(fake_device(0, name, hostapi), pulse_source) == label
    assert bool(asked) == (hostapi == "ALSA" and name in ("default", "pulse", "pipewire"))


def test_without_a_sound_server_the_portaudio_name_stays():
    assert device_label(fake_device(0, "default", "ALSA"), lambda: None) == "default"
    assert (
        pulse_source_description({"PULSE_SERVER": "unix:/nonexistent/native", "PATH": os.environ["PATH"]})
        is None
    )
