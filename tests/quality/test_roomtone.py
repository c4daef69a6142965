"""The microphone page: room tone (blocked microphone, noise, hum) and the loud-line headroom test."""

import numpy as np
import pytest

from voicerecorder.permissions import microphone_access_steps
from voicerecorder.quality.report import Level
from voicerecorder.quality.roomtone import (
    HEADROOM_LINE_IDS,
    ROOM_TONE_IDS,
    check_headroom_line,
    check_room_tone,
)

RATE = 48000


def hum(frequency: float, level_dbfs: float, seconds: float = 5.0) -> np.ndarray:
    t = np.arange(round(seconds * RATE)) / RATE
    return (10 ** (level_dbfs / 20) * np.sqrt(2) * np.sin(2 * np.pi * frequency * t)).astype(np.float32)


@pytest.mark.parametrize(
    ("level", "verdict"),
    [(-75.0, Level.PASS), (-61.0, Level.PASS), (-59.0, Level.WARN), (-51.0, Level.WARN), (-49.0, Level.FAIL)],
)
def test_room_noise_levels(noise, level, verdict):
    report = check_room_tone(noise(5 * RATE, level), RATE)
    assert [f.id for f in report.findings] == list(ROOM_TONE_IDS)
    finding = report.finding("noise_floor")
    assert finding.value == pytest.approx(level, abs=0.3)
    assert finding.level is verdict
    assert report.finding("mic_blocked").level is Level.PASS
    assert report.finding("hum").level is Level.PASS


@pytest.mark.parametrize("frames", [5 * RATE, 0])
def test_all_zero_input_means_the_microphone_is_blocked(frames):
    report = check_room_tone(np.zeros(frames, np.float32), RATE)
    blocked = report.finding("mic_blocked")
    assert blocked.level is Level.FAIL
    assert "operating system is blocking" in blocked.message.en
    assert microphone_access_steps().en in blocked.message.en
    assert microphone_access_steps().zh in blocked.message.zh
    assert report.verdict is Level.FAIL


@pytest.mark.parametrize("mains", [50.0, 60.0])
def test_mains_hum_warns(noise, mains):
    room = noise(5 * RATE, -78.0) + hum(mains, -60.0) + hum(3 * mains, -68.0)
    finding = check_room_tone(room, RATE).finding("hum")
    assert finding.level is Level.WARN
    assert f"{mains:.0f} Hz" in finding.value
    assert "charger" in finding.message.en


def test_faint_hum_under_the_limit_passes(noise):
    room = noise(5 * RATE, -85.0) + hum(50.0, -75.0)
    assert check_room_tone(room, RATE).finding("hum").level is Level.PASS


def test_a_tone_off_the_mains_frequencies_is_not_hum(noise):
    room = noise(5 * RATE, -78.0) + hum(440.0, -60.0)
    assert check_room_tone(room, RATE).finding("hum").level is Level.PASS


@pytest.mark.parametrize(
    ("peak", "clipping", "headroom", "loudness"),
    [
        (-4.5, Level.PASS, Level.PASS, Level.PASS),
        (-2.0, Level.PASS, Level.WARN, Level.PASS),
        (-0.2, Level.PASS, Level.FAIL, Level.PASS),
        (-11.0, Level.PASS, Level.PASS, Level.PASS),
        (-13.0, Level.PASS, Level.PASS, Level.WARN),
        (-20.0, Level.PASS, Level.PASS, Level.FAIL),
    ],
)
def test_headroom_line(speech, peak, clipping, headroom, loudness):
    line = speech["en"] * np.float32(10 ** ((peak + 4.0) / 20))
    report = check_headroom_line(line, RATE)
    assert [f.id for f in report.findings] == list(HEADROOM_LINE_IDS)
    assert report.metrics["peak_dbfs"] == pytest.approx(peak, abs=0.05)
    assert report.finding("clipping").level is clipping
    assert report.finding("headroom").level is headroom
    assert report.finding("loudness").level is loudness


def test_clipped_loud_line_fails(speech):
    clipped = np.clip(speech["en"] * np.float32(4.0), -1.0, 1.0)
    finding = check_headroom_line(clipped, RATE).finding("clipping")
    assert finding.level is Level.FAIL
    assert "Lower the input gain" in finding.message.en


@pytest.mark.parametrize(("hum_dbfs", "level"), [(-66.0, Level.WARN), (-68.0, Level.PASS)])
def test_hum_must_stand_15_db_above_the_noise_around_it(noise, hum_dbfs, level):
    """-40 dBFS white noise puts the 1 Hz-bin background 42 dB below a line of equal level."""
    room = noise(5 * RATE, -40.0) + hum(50.0, hum_dbfs)
    report = check_room_tone(room, RATE)
    assert report.metrics["hum_prominence_db"] == pytest.approx(hum_dbfs + 82.0, abs=1.0)
    assert report.finding("hum").level is level
