"""The checker never crashes and always answers with every id, whatever it is handed."""

import json

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from voicerecorder.quality.checker import TakeContext, check_take
from voicerecorder.quality.report import TAKE_CHECK_IDS, Level
from voicerecorder.quality.roomtone import (
    HEADROOM_LINE_IDS,
    ROOM_TONE_IDS,
    check_headroom_line,
    check_room_tone,
)

RATES = [8000, 11025, 16000, 22050, 44100, 48000, 96000]


def _assert_complete(report, ids):
    assert [f.id for f in report.findings] == list(ids)
    json.dumps(report.to_dict(), allow_nan=False)


sample_values = st.one_of(
    st.floats(min_value=-4.0, max_value=4.0, width=32),
    st.sampled_from([0.0, 1.0, -1.0, float("nan"), float("inf"), -float("inf")]),
)
shapes = st.one_of(
    st.tuples(st.integers(0, 6000)),
    st.tuples(st.integers(0, 3000), st.integers(1, 3)),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(samples=arrays(np.float32, shapes, elements=sample_values), rate=st.sampled_from(RATES))
def test_any_samples_give_a_complete_report(samples, rate):
    _assert_complete(check_take(samples, rate, TakeContext(text="你好，世界。")), TAKE_CHECK_IDS)
    _assert_complete(check_room_tone(samples, rate), ROOM_TONE_IDS)
    _assert_complete(check_headroom_line(samples, rate), HEADROOM_LINE_IDS)


@settings(max_examples=25, deadline=None)
@given(
    capture=st.fixed_dictionaries(
        {},
        optional={
            "overflows": st.one_of(st.none(), st.integers(0, 5)),
            "lost_frames": st.one_of(st.none(), st.integers(0, 5)),
            "samplerate": st.one_of(st.none(), st.sampled_from(RATES)),
            "device": st.one_of(st.none(), st.fixed_dictionaries({"name": st.text(max_size=8)})),
        },
    ),
    session_device=st.one_of(st.none(), st.fixed_dictionaries({"name": st.text(max_size=8)})),
    text=st.one_of(st.none(), st.text(max_size=30)),
    language=st.sampled_from(["CN", "EN"]),
)
def test_any_context_gives_a_complete_report(capture, session_device, text, language):
    signal = np.random.default_rng(0).normal(0.0, 0.01, 4800).astype(np.float32)
    context = TakeContext(language=language, text=text, capture=capture, session_device=session_device)
    _assert_complete(check_take(signal, 48000, context), TAKE_CHECK_IDS)


def test_empty_take_fails_duration_and_loudness():
    report = check_take(np.zeros(0, np.float32), 48000)
    assert report.finding("duration").level is Level.FAIL
    assert report.verdict is Level.FAIL


def test_one_sample_fails_duration():
    report = check_take(np.array([0.3], np.float32), 48000)
    assert report.finding("duration").level is Level.FAIL


def test_all_zero_take_points_at_the_microphone_permission():
    finding = check_take(np.zeros(6 * 48000, np.float32), 48000).finding("loudness")
    assert finding.level is Level.FAIL
    assert "blocking the microphone" in finding.message.en


def test_take_without_speech_says_no_speech_was_found(noise):
    finding = check_take(noise(6 * 48000, -70.0), 48000).finding("loudness")
    assert finding.level is Level.FAIL
    assert "No speech was found" in finding.message.en


def test_full_scale_square_wave_fails_clipping():
    t = np.arange(6 * 48000)
    square = np.sign(np.sin(2 * np.pi * 200 * t / 48000)).astype(np.float32)
    report = check_take(square, 48000)
    assert report.finding("clipping").level is Level.FAIL
    assert report.verdict is Level.FAIL


def test_stereo_speech_is_judged_like_mono(speech, take):
    mono = take(speech["en"])
    stereo = check_take(np.stack([mono, mono], axis=1), 48000)
    single = check_take(mono, 48000)
    assert stereo.metrics["loudness_dbfs"] == pytest.approx(single.metrics["loudness_dbfs"], abs=0.01)
    assert stereo.finding("format").level is Level.WARN


def test_very_long_file_is_checked(speech, take):
    long_take = np.concatenate([take(speech["en"], seed=seed) for seed in range(20)])
    report = check_take(long_take, 48000, TakeContext(per_sentence=False))
    assert report.metrics["duration_s"] > 100
    assert report.finding("duration").level is Level.PASS
    assert report.finding("loudness").level is Level.PASS


def test_non_finite_samples_are_tolerated():
    samples = np.array([np.nan, np.inf, -np.inf, 0.1] * 12000, np.float32)
    _assert_complete(check_take(samples, 48000), TAKE_CHECK_IDS)


def test_samplerate_must_be_positive():
    with pytest.raises(ValueError, match="sample rate"):
        check_take(np.zeros(10, np.float32), 0)
