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
    baseline = session_baseline([first])
    context = TakeContext(
        language=language,
        text=text,
        capture=CAPTURE,
        session_device=MIC,
        session_samplerate=RATE,
        median_units_per_s=baseline.units_per_s,
        median_loudness_dbfs=baseline.loudness_dbfs,
        rate_takes=baseline.rate_takes,
    )
    report = check_take(take(speech[key], noise_dbfs=-72.0, seed=1), RATE, context)
    assert {f.id: f.level for f in report.findings if f.level is not Level.PASS} == {}
    assert report.verdict is Level.PASS


def test_quiet_noisy_take_gets_one_actionable_message(speech, take):
    report = check_take(take(speech["en"], gain_db=-10.0, noise_dbfs=-52.0), RATE)
    assert [(f.id, f.level) for f in report.to_fix()] == [("loudness", Level.WARN)]
    assert "Move closer to the microphone" in report.finding("loudness").message.en
    assert {f.id: f.suppressed_by for f in report.suppressed()} == {
        "headroom": "loudness",
        "noise_floor": "loudness",
        "snr": "loudness",
        "reverb": "loudness",
        "speaking_rate": "loudness",
        "consistency": "loudness",
    }


def test_noisy_take_at_the_right_level_still_warns_about_the_noise(speech, take):
    report = check_take(take(speech["en"], gain_db=2.0, noise_dbfs=-52.0), RATE)
    assert report.finding("loudness").level is Level.PASS
    assert report.finding("noise_floor").level is Level.WARN
    assert "Switch off fans" in report.finding("noise_floor").message.en
    assert report.suppressed() == []
