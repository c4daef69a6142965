"""Reverberation: the room's decay after each end of speech, on espeak-ng speech in rooms of known RT60."""

import numpy as np
import pytest
from support.metastudio_zip import echoing, speechlike

from voicerecorder.quality.checker import check_take
from voicerecorder.quality.context import TakeContext
from voicerecorder.quality.report import Level
from voicerecorder.quality.rules import limit

RATE = 48000
STUDIO = TakeContext(studio=True)


def in_room(speech: np.ndarray, take, rt60: float) -> np.ndarray:
    """The espeak-ng sentence, read twice with a pause, in a room of ``rt60`` seconds (given a
    second to ring out), at the dry sentence's peak."""
    pause = np.zeros(RATE // 2, dtype=np.float32)
    dry = np.concatenate([speech, pause, speech, pause, pause])
    wet = dry if rt60 == 0 else echoing(dry, rt60, RATE, np.random.default_rng(3))
    peak = np.abs(dry).max() / np.abs(wet).max()
    return take((wet * peak).astype(np.float32), noise_dbfs=-70.0)


@pytest.mark.parametrize("language", ["en", "cn"])
def test_a_dry_take_measures_well_under_the_studio_limit(speech, take, language):
    finding = check_take(in_room(speech[language], take, 0.0), RATE, STUDIO).finding("reverb")
    assert finding.value < 0.2
    assert finding.level is Level.PASS
    assert "dry enough" in finding.message.en


@pytest.mark.parametrize("rt60", [0.6, 1.2])
def test_the_estimate_follows_the_room(speech, take, rt60):
    value = check_take(in_room(speech["en"], take, rt60), RATE).finding("reverb").value
    assert value == pytest.approx(rt60, rel=0.3)


def test_an_office_passes_an_ordinary_take_and_fails_an_advance_take(speech, take):
    audio = in_room(speech["en"], take, 0.6)
    assert check_take(audio, RATE).finding("reverb").level is Level.PASS
    studio = check_take(audio, RATE, STUDIO)
    finding = studio.finding("reverb")
    assert finding.level is Level.FAIL
    assert finding.value > limit("reverb.studio_fail_above")
    assert "ADVANCE" in finding.message.en
    assert "高级版" in finding.message.zh
    assert studio.verdict is Level.FAIL


def test_an_echoing_room_warns_an_ordinary_take(speech, take):
    finding = check_take(in_room(speech["en"], take, 1.2), RATE).finding("reverb")
    assert finding.level is Level.WARN
    assert finding.value > limit("reverb.warn_above")
    assert "echoes" in finding.message.en
    assert "回声" in finding.message.zh


def test_reverb_is_a_metric_of_the_report(speech, take):
    report = check_take(in_room(speech["en"], take, 0.6), RATE)
    assert report.metrics["reverb_s"] == report.finding("reverb").value


def test_without_a_pause_after_speech_the_room_is_not_judged(take):
    buzz = speechlike(4.0, noise_dbfs=-70.0, tail_s=0.0)
    steady = np.tile(buzz[RATE // 2 : RATE], 6)
    finding = check_take(take(steady, lead_s=0.0, trail_s=0.0, noise_dbfs=-70.0), RATE).finding("reverb")
    assert finding.value is None
    assert finding.level is Level.PASS
    assert "no clear pause" in finding.message.en
