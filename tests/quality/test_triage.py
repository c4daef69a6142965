"""One problem, one message: a level problem leaves the measures it spoils unjudged; fix order."""

import json

import numpy as np

from voicerecorder.quality.checker import TakeContext, check_take, session_baseline
from voicerecorder.quality.report import Finding, Level, TakeReport
from voicerecorder.quality.triage import suppress_spoiled, suppression_note
from voicerecorder.text import Bilingual

RATE = 48000
MIC = {"hostapi": "ALSA", "name": "USB Microphone"}
CAPTURE = {"overflows": 0, "lost_frames": 0, "stalls": 0, "samplerate": RATE, "device": MIC}


def _session_context(speech, texts, take) -> TakeContext:
    """The context of a take late in a session: ten good earlier takes, same microphone."""
    base = TakeContext(
        language="EN", text=texts["en"], capture=CAPTURE, session_device=MIC, session_samplerate=RATE
    )
    earlier = [check_take(take(speech["en"], noise_dbfs=-72.0, seed=seed), RATE, base) for seed in range(10)]
    baseline = session_baseline(earlier)
    return TakeContext(
        language="EN",
        text=texts["en"],
        capture=CAPTURE,
        session_device=MIC,
        session_samplerate=RATE,
        median_units_per_s=baseline.units_per_s,
        median_loudness_dbfs=baseline.loudness_dbfs,
        rate_takes=baseline.rate_takes,
    )


def _problems(report: TakeReport) -> list[tuple[str, Level]]:
    return [(f.id, f.level) for f in report.to_fix()]


def test_a_take_only_20_db_too_quiet_gives_one_finding(speech, texts, take):
    """Microphone and room turned down together: speech and noise both 20 dB lower."""
    context = _session_context(speech, texts, take)
    report = check_take(take(speech["en"], gain_db=-20.0, noise_dbfs=-92.0), RATE, context)
    assert _problems(report) == [("loudness", Level.FAIL)]
    assert report.finding("consistency").suppressed_by == "loudness"
    note = suppression_note(report)
    assert note is not None
    assert note.en.startswith("Not judged until the speech level is fixed:")
    assert "consistency" in note.en
    assert "语音电平" in note.zh


def test_a_clipped_take_gives_one_finding(speech, texts, take):
    context = _session_context(speech, texts, take)
    clipped = np.clip(take(speech["en"], gain_db=10.0, noise_dbfs=-72.0), -1.0, 1.0)
    report = check_take(clipped, RATE, context)
    assert _problems(report) == [("clipping", Level.FAIL)]
    assert "clipped" in report.finding("clipping").message.en
    assert report.finding("headroom").suppressed_by == "clipping"
    assert report.finding("loudness").suppressed_by == "clipping"
    assert "Fix the clipping first" in report.finding("loudness").message.en


def _finding(check_id: str, level: Level, value: float | None = 1.0) -> Finding:
    return Finding(check_id, level, value, Bilingual(check_id, check_id))


def test_suppressing_never_makes_the_verdict_milder():
    findings = (
        _finding("loudness", Level.WARN),
        _finding("noise_floor", Level.FAIL),
        _finding("snr", Level.WARN),
    )
    kept = {f.id: f for f in suppress_spoiled(findings)}
    assert kept["noise_floor"].level is Level.FAIL
    assert kept["noise_floor"].suppressed_by is None
    assert (kept["snr"].level, kept["snr"].suppressed_by) == (Level.PASS, "loudness")
    assert TakeReport(tuple(kept.values())).verdict is Level.FAIL


def test_no_speech_at_all_suppresses_nothing():
    findings = (_finding("loudness", Level.FAIL, value=None), _finding("noise_floor", Level.WARN))
    assert suppress_spoiled(findings) == findings


def test_findings_are_ordered_by_what_to_fix_first():
    report = TakeReport(
        (
            _finding("duration", Level.FAIL),
            _finding("speaking_rate", Level.WARN),
            _finding("loudness", Level.WARN),
            _finding("device", Level.WARN),
            _finding("format", Level.PASS),
        )
    )
    assert [f.id for f in report.to_fix()] == ["device", "loudness", "duration", "speaking_rate"]


def test_every_id_stays_in_the_json_and_suppressed_ones_say_by_what(speech, take):
    report = check_take(take(speech["en"], gain_db=-20.0, noise_dbfs=-92.0), RATE)
    data = json.loads(json.dumps(report.to_dict()))
    assert [c["id"] for c in data["checks"]] == [f.id for f in report.findings]
    marked = {c["id"]: (c["level"], c["suppressed_by"]) for c in data["checks"] if "suppressed_by" in c}
    assert marked["snr"] == ("pass", "loudness")
    assert "suppressed_by" not in data["checks"][0]
    assert TakeReport.from_dict(data) == report
