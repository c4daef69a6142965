"""BS.1770 loudness without SciPy, against pyloudnorm (the test-only reference) on speech, tones and noise."""

from __future__ import annotations

import numpy as np
import pyloudnorm
import pytest
import soxr

from voicerecorder.quality.loudness import integrated_loudness, k_weighted
from voicerecorder.quality.measure import integrated_lufs

RATE = 48000
TOLERANCE_LU = 0.1
RATES = (8000, 11025, 16000, 22050, 44100, 48000, 96000)


def reference(mono: np.ndarray, samplerate: int) -> float:
    return float(pyloudnorm.Meter(samplerate).integrated_loudness(mono.astype(np.float64)))


def assert_matches_the_reference(mono: np.ndarray, samplerate: int) -> None:
    expected = reference(mono, samplerate)
    assert integrated_loudness(mono, samplerate) == pytest.approx(expected, abs=TOLERANCE_LU)


def tone(hz: float, seconds: float, samplerate: int, level_dbfs: float = -10.0) -> np.ndarray:
    t = np.arange(round(seconds * samplerate)) / samplerate
    return (10 ** (level_dbfs / 20) * np.sin(2 * np.pi * hz * t)).astype(np.float32)


def bursts(noise, seconds: float, samplerate: int) -> np.ndarray:
    """Noise switched on and off at 0.7 Hz: the relative gate drops the quiet blocks."""
    t = np.arange(round(seconds * samplerate)) / samplerate
    return noise(t.size, -14.0, 3) * (np.sin(2 * np.pi * 0.7 * t) > 0.5) + noise(t.size, -60.0, 4)


@pytest.mark.parametrize("voice", ["en", "cn", "en_fast"])
@pytest.mark.parametrize("samplerate", [16000, 44100, 48000])
def test_speech_loudness_matches_the_reference(speech, take, voice, samplerate):
    recorded = take(speech[voice], lead_s=0.7, trail_s=1.3, noise_dbfs=-70.0)
    mono = recorded if samplerate == RATE else soxr.resample(recorded, RATE, samplerate).astype(np.float32)
    assert_matches_the_reference(mono, samplerate)


@pytest.mark.parametrize("samplerate", RATES)
@pytest.mark.parametrize(("hz", "seconds"), [(60.0, 2.0), (997.0, 3.37), (3000.0, 5.0), (9000.0, 1.05)])
def test_tone_loudness_matches_the_reference(samplerate, hz, seconds):
    mono = tone(min(hz, samplerate * 0.45), seconds, samplerate)
    assert_matches_the_reference(mono, samplerate)


@pytest.mark.parametrize("samplerate", RATES)
@pytest.mark.parametrize("seconds", [0.45, 3.37, 7.77])
def test_noise_and_gated_bursts_match_the_reference(noise, samplerate, seconds):
    for mono in (noise(round(seconds * samplerate), -30.0, 1), bursts(noise, seconds, samplerate)):
        assert_matches_the_reference(mono, samplerate)


def test_a_full_scale_1khz_sine_reads_about_minus_3_lufs():
    # BS.1770's own check: a 0 dBFS 997 Hz sine measures -3.01 LKFS (the shelf design is within 0.05).
    assert integrated_loudness(tone(997.0, 5.0, 48000, 0.0), 48000) == pytest.approx(-3.01, abs=0.05)


def test_k_weighting_starts_from_rest_and_keeps_the_length():
    impulse = np.zeros(48000, dtype=np.float32)
    impulse[24000] = 1.0
    weighted = k_weighted(impulse, 48000)
    assert weighted.shape == impulse.shape
    assert np.abs(weighted[:24000]).max() < 1e-6  # FFT rounding only: nothing before the impulse
    assert weighted[24000] == pytest.approx(1.5276, abs=1e-4)  # b0 / a0 of the shelf times the high-pass


def test_silence_and_blocks_under_the_absolute_gate_have_no_loudness(noise):
    assert integrated_loudness(np.zeros(3 * 48000, np.float32), 48000) is None
    assert integrated_loudness(noise(3 * 48000, -75.0), 48000) is None
    assert reference(noise(3 * 48000, -75.0), 48000) == -np.inf


def test_too_short_or_too_slow_input_has_no_loudness(noise):
    assert integrated_lufs(noise(47999, -20.0), 48000, 1.0) is None
    assert integrated_lufs(noise(900, -20.0), 900, 1.0) is None
    assert integrated_lufs(noise(48000, -20.0), 48000, 1.0) == pytest.approx(
        reference(noise(48000, -20.0), 48000), abs=TOLERANCE_LU
    )
