"""Peak, clipping, headroom, loudness and DC offset, on sines and espeak-ng speech of known level."""

import numpy as np
import pytest

from voicerecorder.quality.checker import check_take
from voicerecorder.quality.report import Level

RATE = 48000


def sine(peak_dbfs: float, seconds: float = 1.0, frequency: float = 997.0) -> np.ndarray:
    t = np.arange(round(seconds * RATE)) / RATE
    return (10 ** (peak_dbfs / 20) * np.sin(2 * np.pi * frequency * t)).astype(np.float32)


@pytest.mark.parametrize("peak", [-6.0, -20.0, -1.0])
def test_sine_peak_is_measured_within_a_tenth_of_a_db(peak):
    report = check_take(sine(peak), RATE)
    assert report.metrics["peak_dbfs"] == pytest.approx(peak, abs=0.1)
    assert report.finding("headroom").value == pytest.approx(peak, abs=0.1)


def test_stereo_peak_is_the_louder_channel():
    both = np.stack([sine(-12.0), sine(-6.0)], axis=1)
    assert check_take(both, RATE).metrics["peak_dbfs"] == pytest.approx(-6.0, abs=0.1)


def test_clipped_sine_fails_clipping():
    clipped = np.clip(sine(3.0), -1.0, 1.0)
    finding = check_take(clipped, RATE).finding("clipping")
    assert finding.level is Level.FAIL
    assert finding.value >= 3
    assert "gain" in finding.message.en
    assert "增益" in finding.message.zh


def test_two_samples_at_full_scale_are_a_headroom_failure_not_clipping():
    quiet = sine(-10.0)
    quiet[1000:1002] = 1.0
    report = check_take(quiet, RATE)
    assert (report.finding("clipping").level, report.finding("clipping").value) == (Level.PASS, 2)
    headroom = report.finding("headroom")
    assert headroom.level is Level.FAIL
    assert "no room is left" in headroom.message.en
    assert "clipped" not in headroom.message.en


def test_limiter_flat_tops_below_full_scale_fail_clipping():
    limit = np.float32(10 ** (-0.8 / 20))
    report = check_take(np.clip(sine(0.0), -limit, limit), RATE)
    assert report.metrics["peak_dbfs"] == pytest.approx(-0.8, abs=0.01)
    assert report.finding("clipping").level is Level.FAIL


def with_flat_top(signal: np.ndarray, length: int, level_dbfs: float) -> np.ndarray:
    """``signal`` with ``length`` identical samples at ``level_dbfs`` where it is loudest."""
    out = signal.copy()
    where = int(np.argmax(np.abs(out)))
    out[where : where + length] = np.sign(out[where]) * np.float32(10 ** (level_dbfs / 20))
    return out


@pytest.mark.parametrize(
    ("length", "level_dbfs", "level"),
    [
        (1, -0.8, Level.PASS),
        (2, -0.8, Level.PASS),
        (3, -0.8, Level.FAIL),
        (3, -0.9, Level.FAIL),
        (3, -1.1, Level.PASS),
        (20, -1.1, Level.PASS),
    ],
)
def test_flat_top_runs_near_full_scale(speech, take, length, level_dbfs, level):
    finding = check_take(with_flat_top(take(speech["en"]), length, level_dbfs), RATE).finding("clipping")
    assert finding.level is level
    if level is not Level.PASS:
        assert finding.value == length
        assert "gain" in finding.message.en


@pytest.mark.parametrize(("peak", "level"), [(-0.55, Level.WARN), (-0.45, Level.FAIL)])
def test_peak_limit_without_flat_top_is_headroom_on_both_sides(speech, take, peak, level):
    report = check_take(with_flat_top(take(speech["en"]), 1, peak), RATE)
    assert report.metrics["peak_dbfs"] == pytest.approx(peak, abs=0.01)
    assert report.finding("headroom").level is level
    assert report.finding("clipping").level is Level.PASS


def test_single_peak_at_minus_0_35_dbfs_is_not_called_clipped(speech, take):
    """A real-ish take whose loudest sample (a plosive) reaches -0.35 dBFS with no flat top."""
    report = check_take(with_flat_top(take(speech["en"], noise_dbfs=-72.0), 1, -0.35), RATE)
    to_fix = report.to_fix()
    assert [(f.id, f.level) for f in to_fix] == [("headroom", Level.FAIL)]
    assert not any("clipped" in f.message.en or "声音削波" in f.message.zh for f in report.findings)
    assert "Lower the input gain" in to_fix[0].message.en


@pytest.mark.parametrize(("peak", "level"), [(-3.2, Level.PASS), (-2.8, Level.WARN)])
def test_headroom_limit_on_both_sides(peak, level, speech, take):
    gain = peak - (-4.0)
    assert check_take(take(speech["en"], gain_db=gain), RATE).finding("headroom").level is level


def _loudness_at(speech, take, target_dbfs):
    base = check_take(take(speech["en"], noise_dbfs=None), RATE).metrics["loudness_dbfs"]
    return check_take(take(speech["en"], gain_db=target_dbfs - base, noise_dbfs=-100.0), RATE)


@pytest.mark.parametrize(
    ("target", "level", "hint"),
    [
        (-20.0, Level.PASS, "fine"),
        (-25.5, Level.PASS, "fine"),
        (-26.5, Level.WARN, "closer to the microphone"),
        (-15.5, Level.PASS, "fine"),
        (-14.5, Level.WARN, "Lower the input gain"),
    ],
)
def test_speech_loudness_window(speech, take, target, level, hint):
    finding = _loudness_at(speech, take, target).finding("loudness")
    assert finding.value == pytest.approx(target, abs=0.3)
    assert finding.level is level
    assert hint in finding.message.en


@pytest.mark.parametrize(("peak", "level"), [(-17.5, Level.WARN), (-18.5, Level.FAIL)])
def test_far_too_quiet_is_judged_on_the_peak(speech, take, peak, level):
    report = check_take(take(speech["en"], gain_db=peak + 4.0, noise_dbfs=-110.0), RATE)
    assert report.metrics["peak_dbfs"] == pytest.approx(peak, abs=0.05)
    assert report.finding("loudness").level is level


def test_lufs_is_reported_for_speech(speech, take):
    report = check_take(take(speech["en"]), RATE)
    assert -30.0 < report.metrics["lufs"] < -15.0


@pytest.mark.parametrize(
    ("offset", "level"),
    [(0.009, Level.PASS), (-0.011, Level.WARN), (0.045, Level.WARN), (-0.055, Level.FAIL)],
)
def test_dc_offset_levels(noise, offset, level):
    report = check_take(noise(2 * RATE, -60.0) + np.float32(offset), RATE)
    finding = report.finding("dc_offset")
    assert finding.value == pytest.approx(abs(offset), abs=0.0002)
    assert finding.level is level


def test_dc_offset_does_not_count_as_noise(speech, take):
    report = check_take(take(speech["en"], noise_dbfs=-75.0) + np.float32(0.03), RATE)
    assert report.metrics["noise_floor_dbfs"] == pytest.approx(-75.0, abs=1.0)
    assert report.finding("cut_off").level is Level.PASS
