"""Bandwidth (narrow-band microphones), file format and device consistency."""

import numpy as np
import pytest
import soxr

from voicerecorder.quality.checker import TakeContext, check_take
from voicerecorder.quality.report import Level

RATE = 48000


def through_rate(signal: np.ndarray, rate: int) -> np.ndarray:
    """What a link running at ``rate`` delivers once brought back to 48 kHz."""
    return soxr.resample(soxr.resample(signal, RATE, rate), rate, RATE).astype(np.float32)


@pytest.mark.parametrize(
    ("link_rate", "level", "low", "high"),
    [
        (8000, Level.FAIL, 3500, 4100),
        (9000, Level.FAIL, 4000, 4600),
        (11025, Level.WARN, 5000, 5600),
        (16000, Level.WARN, 7000, 8100),
        (18000, Level.WARN, 8100, 9100),
        (22050, Level.PASS, 10000, 11100),
    ],
)
def test_bandwidth_of_band_limited_speech(speech, take, link_rate, level, low, high):
    finding = check_take(through_rate(take(speech["en"]), link_rate), RATE).finding("bandwidth")
    assert low <= finding.value <= high
    assert finding.level is level


def test_bluetooth_message_names_the_cause(speech, take):
    finding = check_take(through_rate(take(speech["en"]), 8000), RATE).finding("bandwidth")
    assert "Bluetooth" in finding.message.en
    assert "蓝牙" in finding.message.zh


def test_8_khz_file_fails_format_and_bandwidth(speech, take):
    narrow = soxr.resample(take(speech["en"]), RATE, 8000).astype(np.float32)
    report = check_take(narrow, 8000)
    assert report.finding("format").level is Level.FAIL
    assert report.finding("format").value == "8000 Hz, mono"
    assert report.finding("bandwidth").level is Level.FAIL


@pytest.mark.parametrize(
    ("rate", "channels", "level"),
    [(48000, 1, Level.PASS), (44100, 1, Level.WARN), (48000, 2, Level.WARN), (16000, 1, Level.WARN)],
)
def test_format_rule(speech, take, rate, channels, level):
    signal = take(speech["en"])
    if rate != RATE:
        signal = soxr.resample(signal, RATE, rate).astype(np.float32)
    if channels == 2:
        signal = np.stack([signal, signal], axis=1)
    finding = check_take(signal, rate).finding("format")
    assert finding.level is level
    if level is Level.WARN:
        assert "converted to 48 kHz mono at export" in finding.message.en


@pytest.mark.parametrize(("other_dbfs", "dead"), [(None, True), (-90.0, True), (-40.0, False)])
def test_stereo_with_an_empty_channel_says_so(speech, take, noise, other_dbfs, dead):
    left = take(speech["en"], noise_dbfs=-70.0)
    right = np.zeros_like(left) if other_dbfs is None else noise(left.size, other_dbfs, seed=9)
    finding = check_take(np.stack([left, right], axis=1), RATE).finding("format")
    assert finding.level is Level.WARN
    assert ("only one channel carries sound" in finding.message.en) is dead


def test_format_just_below_16_khz_fails(noise):
    assert check_take(noise(15999, -60.0), 15999).finding("format").level is Level.FAIL


USB = {"hostapi": "ALSA", "name": "USB Microphone"}


def _capture(device: dict, rate: int = 48000) -> dict:
    return {"overflows": 0, "lost_frames": 0, "stalls": 0, "samplerate": rate, "device": device}


@pytest.mark.parametrize(
    ("capture", "level"),
    [
        (_capture(USB), Level.PASS),
        (_capture({"hostapi": "ALSA", "name": "Built-in Microphone"}), Level.WARN),
        (_capture({"hostapi": "PulseAudio", "name": "USB Microphone"}), Level.WARN),
        (_capture(USB, rate=44100), Level.WARN),
    ],
)
def test_device_against_the_session(speech, take, capture, level):
    context = TakeContext(capture=capture, session_device=USB, session_samplerate=48000)
    finding = check_take(take(speech["en"]), RATE, context).finding("device")
    assert finding.level is level
    if level is Level.WARN:
        assert "USB Microphone (ALSA), 48000 Hz" in finding.message.en


def test_device_unknown_or_first_take_passes_and_says_why(speech, take):
    signal = take(speech["en"])
    unknown = check_take(signal, RATE).finding("device")
    assert (unknown.level, unknown.value) == (Level.PASS, None)
    assert "not known" in unknown.message.en
    first = check_take(signal, RATE, TakeContext(capture=_capture(USB))).finding("device")
    assert first.level is Level.PASS
    assert first.value == "USB Microphone (ALSA), 48000 Hz"
