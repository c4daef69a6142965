"""The report contract: every id, the worst level as verdict, a JSON form that round-trips; the rule table."""

import json

import numpy as np
import pytest

from voicerecorder.quality.checker import check_take
from voicerecorder.quality.report import TAKE_CHECK_IDS, Finding, Level, TakeReport
from voicerecorder.quality.rules import LIMITS, MESSAGES
from voicerecorder.text import Bilingual

RATE = 48000
EXPECTED_IDS = [
    "duration",
    "clipping",
    "headroom",
    "loudness",
    "noise_floor",
    "snr",
    "reverb",
    "leading_silence",
    "trailing_silence",
    "cut_off",
    "dropouts",
    "dc_offset",
    "bandwidth",
    "format",
    "speaking_rate",
    "consistency",
    "device",
]


def test_every_take_report_holds_every_id_in_order(speech, take):
    report = check_take(take(speech["en"]), RATE)
    assert [f.id for f in report.findings] == EXPECTED_IDS == list(TAKE_CHECK_IDS)


def test_json_form_round_trips(speech, take):
    report = check_take(take(speech["en"]) * np.float32(0.05), RATE)
    data = json.loads(json.dumps(report.to_dict(), allow_nan=False))
    assert set(data) == {"verdict", "checks", "metrics"}
    assert data["verdict"] == report.verdict.value
    assert set(data["checks"][0]) == {"id", "level", "value", "message_en", "message_zh"}
    assert TakeReport.from_dict(data) == report
    for key in ("duration_s", "peak_dbfs", "loudness_dbfs", "lufs", "noise_floor_dbfs", "snr_db"):
        assert key in data["metrics"]
    for key in ("speech_start_s", "speech_end_s", "bandwidth_hz", "dc_offset"):
        assert key in data["metrics"]


def _finding(level: Level) -> Finding:
    return Finding("duration", level, None, Bilingual("a", "甲"))


@pytest.mark.parametrize(
    ("levels", "verdict"),
    [
        ((), Level.PASS),
        ((Level.PASS, Level.PASS), Level.PASS),
        ((Level.PASS, Level.WARN), Level.WARN),
        ((Level.WARN, Level.FAIL, Level.PASS), Level.FAIL),
    ],
)
def test_verdict_is_the_worst_level(levels, verdict):
    assert TakeReport(tuple(_finding(level) for level in levels)).verdict is verdict


def test_level_is_a_string_enum():
    assert Level.FAIL == "fail"
    assert Level("warn") is Level.WARN


def test_missing_finding_raises_key_error():
    with pytest.raises(KeyError):
        TakeReport(()).finding("duration")


def test_every_limit_names_its_source_and_unit():
    for name, entry in LIMITS.items():
        assert entry.source.strip(), name
        assert entry.unit.strip(), name


def test_every_message_is_bilingual():
    for key, text in MESSAGES.items():
        assert text.en.strip(), key
        assert text.zh.strip(), key
        assert any("\u4e00" <= char <= "\u9fff" for char in text.zh), key
