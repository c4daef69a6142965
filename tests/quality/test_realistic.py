"""Well-made takes pass every rule; typical mistakes are caught with a message that says what to do."""

import pytest

from voicerecorder.quality.checker import TakeContext, check_take, session_baseline
from voicerecorder.quality.report import Level

RATE = 48000
MIC = {"hostapi": "ALSA", "name": "USB Microphone"}
CAPTURE = {"overflows": 0, "lost_frames": 0, "stalls": 0, "samplerate": RATE, "device": MIC}


@pytest.mark.parametrize(("key", "language"), [("en", "EN"), ("cn", "CN")])
def test_good_take_passes_every_rule(speech, texts, take, key, language):
    text = texts[key]
    context = TakeContext(
        language=language, text=text, capture=CAPTURE, session_device=MIC, session_samplerate=RATE
    )
    first = check_take(take(speech[key], noise_dbfs=-72.0), RATE, context)
    rate, level = session_baseline([first])
    context = TakeContext(
        language=language,
        text=text,
        capture=CAPTURE,
        session_device=MIC,
        session_samplerate=RATE,
        median_units_per_s=rate,
        median_loudness_dbfs=level,
    )
    report = check_take(take(speech[key], noise_dbfs=-72.0, seed=1), RATE, context)
    assert {f.id: f.level for f in report.findings if f.level is not Level.PASS} == {}
    assert report.verdict is Level.PASS


def test_quiet_noisy_take_gets_actionable_advice(speech, take):
    report = check_take(take(speech["en"], gain_db=-10.0, noise_dbfs=-52.0), RATE)
    assert report.finding("loudness").level is Level.WARN
    assert "Move closer to the microphone" in report.finding("loudness").message.en
    assert report.finding("noise_floor").level is Level.WARN
    assert report.finding("snr").level is Level.WARN
