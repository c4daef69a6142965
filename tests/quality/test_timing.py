"""Duration, leading/trailing silence, cut-off speech and dropouts."""

import numpy as np
import pytest

from voicerecorder.quality.checker import TakeContext, check_take
from voicerecorder.quality.report import Level

RATE = 48000


@pytest.mark.parametrize(
    ("seconds", "level"),
    [
        (0.9, Level.FAIL),
        (1.1, Level.WARN),
        (4.9, Level.WARN),
        (5.1, Level.PASS),
        (12.9, Level.PASS),
        (13.1, Level.WARN),
        (14.9, Level.WARN),
        (15.1, Level.FAIL),
    ],
)
def test_duration_limits_on_both_sides(noise, seconds, level):
    finding = check_take(noise(round(seconds * RATE), -70.0), RATE).finding("duration")
    assert finding.value == pytest.approx(seconds, abs=0.001)
    assert finding.level is level


def test_long_form_recordings_have_no_length_limit(noise):
    report = check_take(noise(20 * RATE, -70.0), RATE, TakeContext(per_sentence=False))
    assert report.finding("duration").level is Level.PASS


def test_empty_take_fails_duration():
    finding = check_take(np.zeros(0, np.float32), RATE).finding("duration")
    assert finding.level is Level.FAIL
    assert "Record the sentence again" in finding.message.en


@pytest.mark.parametrize(
    ("lead", "level"),
    [(0.1, Level.WARN), (0.2, Level.PASS), (1.9, Level.PASS), (2.2, Level.WARN)],
)
def test_leading_and_trailing_silence_on_both_sides(speech, take, lead, level):
    report = check_take(take(speech["en"], lead_s=lead, trail_s=lead), RATE)
    for check_id in ("leading_silence", "trailing_silence"):
        finding = report.finding(check_id)
        assert finding.value == pytest.approx(lead, abs=0.03)
        assert finding.level is level
    assert report.finding("cut_off").level is Level.PASS


@pytest.mark.parametrize(("lead", "level"), [(0.13, Level.WARN), (0.17, Level.PASS)])
def test_leading_silence_limit_is_150_ms(speech, take, lead, level):
    finding = check_take(take(speech["en"], lead_s=lead), RATE).finding("leading_silence")
    assert finding.value == pytest.approx(lead, abs=0.011)
    assert finding.level is level


def test_short_lead_says_to_leave_half_a_second(speech, take):
    finding = check_take(take(speech["en"], lead_s=0.08), RATE).finding("leading_silence")
    assert finding.level is Level.WARN
    assert "half a second of silence before you speak" in finding.message.en


def _loudest_frame(speech: np.ndarray, half: str) -> int:
    """The sample index of the loudest 10 ms frame in the first or second half of the speech."""
    frames = speech[: speech.size // 480 * 480].reshape(-1, 480)
    energy = (frames**2).mean(axis=1)
    middle = energy.size // 2
    if half == "first":
        return int(np.argmax(energy[:middle])) * 480
    return (middle + int(np.argmax(energy[middle:]))) * 480


def test_speech_from_sample_zero_is_cut_off(speech, take):
    cut = speech["en"][_loudest_frame(speech["en"], "first") :]
    finding = check_take(take(cut, lead_s=0.0), RATE).finding("cut_off")
    assert finding.level is Level.FAIL
    assert "first word is cut off" in finding.message.en


@pytest.mark.parametrize(("lead", "level"), [(0.02, Level.FAIL), (0.04, Level.PASS)])
def test_cut_off_edge_is_30_ms(speech, take, lead, level):
    cut = speech["en"][_loudest_frame(speech["en"], "first") :]
    finding = check_take(take(cut, lead_s=lead), RATE).finding("cut_off")
    assert finding.level is level


def test_speech_running_into_the_end_is_cut_off(speech, take):
    cut = speech["en"][: _loudest_frame(speech["en"], "second")]
    finding = check_take(take(cut, trail_s=0.0), RATE).finding("cut_off")
    assert finding.level is Level.FAIL
    assert "last word is cut off" in finding.message.en


def test_zero_run_inside_speech_fails_dropouts(speech, take):
    signal = take(speech["en"])
    start = 24000 + _loudest_frame(speech["en"], "first")
    signal[start : start + round(0.02 * RATE)] = 0.0
    finding = check_take(signal, RATE).finding("dropouts")
    assert finding.level is Level.FAIL
    assert finding.value == 1


@pytest.mark.parametrize(("milliseconds", "level"), [(4.5, Level.PASS), (5.5, Level.FAIL)])
def test_zero_run_limit_is_5_ms(speech, take, milliseconds, level):
    signal = take(speech["en"])
    start = 24000 + _loudest_frame(speech["en"], "first")
    signal[start : start + round(milliseconds / 1000 * RATE)] = 0.0
    assert check_take(signal, RATE).finding("dropouts").level is level


def test_digital_silence_before_speech_is_not_a_dropout(speech, take):
    signal = take(speech["en"], lead_s=0.5)
    signal[:12000] = 0.0
    assert check_take(signal, RATE).finding("dropouts").level is Level.PASS


@pytest.mark.parametrize(
    ("capture", "text"),
    [
        ({"overflows": 2, "lost_frames": 0, "stalls": 0}, "2 overflows"),
        ({"overflows": 0, "lost_frames": 480, "stalls": 0}, "480 lost frames"),
        ({"overflows": 0, "lost_frames": 0, "stalls": 1}, "1 stalls"),
    ],
)
def test_capture_report_losses_fail_dropouts(speech, take, capture, text):
    finding = check_take(take(speech["en"]), RATE, TakeContext(capture=capture)).finding("dropouts")
    assert finding.level is Level.FAIL
    assert finding.value == text
    assert text in finding.message.en


def test_clean_capture_report_passes_dropouts(speech, take):
    capture = {"overflows": 0, "lost_frames": 0, "stalls": 0}
    finding = check_take(take(speech["en"]), RATE, TakeContext(capture=capture)).finding("dropouts")
    assert finding.level is Level.PASS
