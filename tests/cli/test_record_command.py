"""``voicerecorder record`` and ``devices`` without a microphone: argument checks, partial repair,
a missing PortAudio library, and the meter/table formatting."""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import pytest
import soundfile
from support.session_lock import writing_take

from voicerecorder.audio.backend import DeviceInfo
from voicerecorder.audio.capture import Level
from voicerecorder.audio.repair import find_partials
from voicerecorder.audio.takewriter import writer_alive
from voicerecorder.cli import main
from voicerecorder.cli.devices import format_devices
from voicerecorder.cli.record import format_meter

NO_PORTAUDIO = """
import ctypes.util, sys
real = ctypes.util.find_library
ctypes.util.find_library = lambda name: None if name == "portaudio" else real(name)
from voicerecorder.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_existing_output_is_not_overwritten_without_force(tmp_path, capsys):
    existing = tmp_path / "take.wav"
    existing.write_bytes(b"keep me")
    assert main(["record", str(existing), "--seconds", "1"]) == 4
    assert "--force" in capsys.readouterr().err
    assert existing.read_bytes() == b"keep me"


def test_output_must_be_a_wav_in_an_existing_folder(tmp_path, capsys):
    assert main(["record", str(tmp_path / "take.mp3")]) == 2
    assert ".wav" in capsys.readouterr().err
    assert main(["record", str(tmp_path / "missing" / "take.wav")]) == 1
    assert "does not exist" in capsys.readouterr().err


@pytest.mark.parametrize("seconds", ["0", "-1", "soon"])
def test_seconds_must_be_positive(tmp_path, seconds, capsys):
    with pytest.raises(SystemExit) as usage:
        main(["record", str(tmp_path / "t.wav"), "--seconds", seconds])
    assert usage.value.code == 2
    assert "greater than 0" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "install it with: sudo apt-get install libportaudio2"), ("zh_CN", "无法加载音频库")],
)
def test_missing_portaudio_library_says_what_to_install(language, expected):
    done = subprocess.run(
        [sys.executable, "-c", NO_PORTAUDIO, "devices"],
        capture_output=True,
        text=True,
        env={**os.environ, "VOICERECORDER_LANG": language},
        timeout=60,
    )
    assert done.returncode == 3
    assert expected in done.stderr
    assert "Traceback" not in done.stderr


def test_leftover_partial_next_to_the_output_is_recovered_first(tmp_path, capsys):
    leftover = tmp_path / "earlier.partial.wav"
    soundfile.write(leftover, np.zeros(4800, dtype=np.float32), 48000, subtype="PCM_16", format="WAV")
    code = main(["record", str(tmp_path / "new.wav"), "--device", "no-such-microphone-here"])
    assert code == 3
    err = capsys.readouterr().err
    assert "Recovered an unfinished recording" in err
    assert "earlier.wav" in err
    assert (tmp_path / "earlier.wav").exists()
    assert not leftover.exists()


def test_meter_line():
    line = format_meter(Level(peak_dbfs=-30.0, rms_dbfs=-42.5, clipped=False), 75.25)
    assert line.startswith("[" + "#" * 15 + "." * 15 + "]")
    assert "-30.0 dBFS" in line
    assert "-42.5 dBFS" in line
    assert "01:15.2" in line
    assert "CLIP" not in line
    assert "CLIP" in format_meter(Level(0.0, -3.0, True), 0.0)
    assert format_meter(Level(-120.0, -120.0, False), 0.0).startswith("[" + "." * 30 + "]")


def test_device_table_marks_the_default():
    table = format_devices(
        [
            DeviceInfo(0, "pulse", "ALSA", 32, 44100.0, False),
            DeviceInfo(1, "default", "ALSA", 32, 44100.0, True),
        ],
        "en",
    )
    assert table.splitlines()[1:3] == [
        "  pulse  (ALSA, 32 channels, 44100 Hz)",
        "* default  (ALSA, 32 channels, 44100 Hz)",
    ]
    assert "声道" in format_devices([DeviceInfo(0, "m", "ALSA", 1, 48000.0, True)], "zh_CN")


def test_device_table_names_a_device_as_the_system_does_and_keeps_the_name_device_takes():
    devices = [
        DeviceInfo(1, "default", "ALSA", 32, 44100.0, True),
        DeviceInfo(2, "hw:1", "ALSA", 2, 48000.0, False),
    ]
    table = format_devices(devices, "en", ["Yeti Stereo Microphone", "hw:1"])
    assert table.splitlines()[1:3] == [
        '* Yeti Stereo Microphone, device "default"  (ALSA, 32 channels, 44100 Hz)',
        "  hw:1  (ALSA, 2 channels, 48000 Hz)",
    ]
    assert "Yeti Stereo Microphone，设备 “default”" in format_devices(
        devices, "zh_CN", ["Yeti Stereo Microphone", "hw:1"]
    )


def test_a_take_another_process_is_recording_is_left_alone(tmp_path, capsys):
    with writing_take(tmp_path / "a.wav"):
        [live] = find_partials(tmp_path)
        assert main(["record", str(tmp_path / "b.wav"), "--device", "no-such-microphone-here"]) == 3
        assert "Recovered" not in capsys.readouterr().err
        assert live.exists()
        assert writer_alive(live)
        assert main(["check", str(live)]) == 0
        captured = capsys.readouterr()
        assert "still being recorded; skipped" in captured.err
        assert captured.out == ""
    assert not (tmp_path / "a.wav").exists()
