"""Noise floor and signal-to-noise ratio on espeak-ng speech mixed with white noise of known level."""

import pytest

from voicerecorder.quality.checker import check_take
from voicerecorder.quality.context import TakeContext
from voicerecorder.quality.report import Level

RATE = 48000


@pytest.mark.parametrize(
    ("noise", "level"),
    [(-75.0, Level.PASS), (-61.0, Level.PASS), (-59.0, Level.WARN), (-46.0, Level.WARN), (-44.0, Level.FAIL)],
)
def test_noise_floor_levels(speech, take, noise, level):
    finding = check_take(take(speech["en"], noise_dbfs=noise), RATE).finding("noise_floor")
    assert finding.value == pytest.approx(noise, abs=0.5)
    assert finding.level is level


def test_noise_floor_without_silence_is_not_guessed(speech, take):
    middle = speech["en"][24000:-24000]
    report = check_take(take(middle, lead_s=0.0, trail_s=0.0, noise_dbfs=-70.0), RATE)
    finding = report.finding("noise_floor")
    assert finding.level is Level.PASS
    assert finding.value is None
    assert "half a second of silence" in finding.message.en
    assert report.finding("snr").value is None


@pytest.mark.parametrize(("snr", "level"), [(45.0, Level.PASS), (30.0, Level.WARN), (15.0, Level.FAIL)])
def test_known_snr_mixtures_measure_within_two_db(speech, take, snr, level):
    clean = check_take(take(speech["en"], noise_dbfs=None), RATE).metrics["loudness_dbfs"]
    report = check_take(take(speech["en"], noise_dbfs=clean - snr, seed=3), RATE)
    finding = report.finding("snr")
    assert finding.value == pytest.approx(snr, abs=2.0)
    assert finding.level is level


@pytest.mark.parametrize(
    ("snr", "level"), [(37.0, Level.PASS), (33.0, Level.WARN), (22.0, Level.WARN), (18.0, Level.FAIL)]
)
def test_snr_limits_on_both_sides(speech, take, snr, level):
    clean = check_take(take(speech["en"], noise_dbfs=None), RATE).metrics["loudness_dbfs"]
    report = check_take(take(speech["en"], noise_dbfs=clean - snr, seed=5), RATE)
    assert report.finding("snr").level is level


STUDIO = TakeContext(studio=True)


@pytest.mark.parametrize(
    ("noise", "ordinary", "studio"),
    [(-75.0, Level.PASS, Level.PASS), (-61.0, Level.PASS, Level.PASS), (-56.0, Level.WARN, Level.FAIL)],
)
def test_advance_takes_are_held_to_a_studio_noise_floor(speech, take, noise, ordinary, studio):
    audio = take(speech["en"], noise_dbfs=noise)
    assert check_take(audio, RATE).finding("noise_floor").level is ordinary
    finding = check_take(audio, RATE, STUDIO).finding("noise_floor")
    assert finding.level is studio
    if studio is Level.FAIL:
        assert "ADVANCE" in finding.message.en
        assert "高级版" in finding.message.zh


@pytest.mark.parametrize(
    ("snr", "ordinary", "studio"), [(45.0, Level.PASS, Level.PASS), (30.0, Level.WARN, Level.FAIL)]
)
def test_advance_takes_are_held_to_a_studio_snr(speech, take, snr, ordinary, studio):
    clean = check_take(take(speech["en"], noise_dbfs=None), RATE).metrics["loudness_dbfs"]
    audio = take(speech["en"], noise_dbfs=clean - snr, seed=3)
    assert check_take(audio, RATE).finding("snr").level is ordinary
    finding = check_take(audio, RATE, STUDIO).finding("snr")
    assert finding.level is studio
    if studio is Level.FAIL:
        assert "ADVANCE" in finding.message.en
