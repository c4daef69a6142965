"""Speaking rate and loudness consistency against the session, and the shared baseline helper."""

import pytest

from voicerecorder.quality.checker import SessionBaseline, TakeContext, check_take, session_baseline
from voicerecorder.quality.report import Finding, Level, TakeReport
from voicerecorder.quality.rules import LIMITS, limit
from voicerecorder.quality.textunits import TYPICAL_RATE
from voicerecorder.text import Bilingual

RATE = 48000
ENOUGH = int(limit("speaking_rate.min_takes"))


def test_speaking_rate_counts_syllables_per_second_of_speech_for_english(speech, texts, take):
    report = check_take(take(speech["en"]), RATE, TakeContext(language="EN", text=texts["en"]))
    span = report.metrics["speech_end_s"] - report.metrics["speech_start_s"]
    assert report.metrics["units_per_s"] == pytest.approx(27 / span, rel=0.01)
    finding = report.finding("speaking_rate")
    assert finding.level is Level.PASS
    assert "syllables per second" in finding.message.en
    assert "音节/秒" in finding.message.zh
    assert f"after {ENOUGH} takes your own pace is the measure" in finding.message.en


def test_speaking_rate_counts_characters_for_chinese(speech, texts, take):
    report = check_take(take(speech["cn"]), RATE, TakeContext(language="CN", text=texts["cn"]))
    span = report.metrics["speech_end_s"] - report.metrics["speech_start_s"]
    assert report.metrics["units_per_s"] == pytest.approx(30 / span, rel=0.01)
    finding = report.finding("speaking_rate")
    assert "characters per second" in finding.message.en
    assert "字/秒" in finding.message.zh


def test_typical_rates_name_their_unit_and_source():
    assert TYPICAL_RATE == {"CN": 4.6, "EN": 4.0}
    assert LIMITS["speaking_rate.typical_cn"].unit == "characters per second"
    assert LIMITS["speaking_rate.typical_en"].unit == "syllables per second"


def test_fast_reading_warns_against_the_session_median(speech, texts, take):
    context = TakeContext(language="EN", text=texts["en"])
    earlier = [check_take(take(speech["en"], seed=seed), RATE, context) for seed in range(ENOUGH)]
    baseline = session_baseline(earlier)
    assert baseline.rate_takes == ENOUGH
    fast_context = TakeContext(
        language="EN",
        text=texts["en"],
        median_units_per_s=baseline.units_per_s,
        median_loudness_dbfs=baseline.loudness_dbfs,
        rate_takes=baseline.rate_takes,
    )
    finding = check_take(take(speech["en_fast"]), RATE, fast_context).finding("speaking_rate")
    assert finding.level is Level.WARN
    assert "faster than your usual pace" in finding.message.en
    assert "syllables per second" in finding.message.en


@pytest.mark.parametrize("takes", [1, ENOUGH - 1])
def test_too_few_takes_are_no_usual_pace(speech, texts, take, takes):
    """A take read 36 % slower than the one earlier take is judged against the typical pace."""
    measured = check_take(take(speech["en"]), RATE, TakeContext(language="EN", text=texts["en"]))
    rate = measured.metrics["units_per_s"]
    context = TakeContext(language="EN", text=texts["en"], median_units_per_s=rate / 0.64, rate_takes=takes)
    finding = check_take(take(speech["en"]), RATE, context).finding("speaking_rate")
    assert finding.level is Level.PASS
    assert "usual pace" not in finding.message.en
    assert "typical pace is 4.0" in finding.message.en


@pytest.mark.parametrize(
    ("factor", "level", "hint"), [(1.45, Level.PASS, "usual range"), (1.55, Level.WARN, "faster")]
)
def test_typical_pace_limit_on_both_sides(speech, texts, take, factor, level, hint):
    measured = check_take(take(speech["en"]), RATE, TakeContext(language="EN", text=texts["en"]))
    rate = measured.metrics["units_per_s"]
    typical = TYPICAL_RATE["EN"]
    # A text whose count of syllables puts the same take at ``factor`` times the typical pace.
    words = round(factor * typical * 27 / rate)
    text = " ".join(["ba"] * words)
    finding = check_take(take(speech["en"]), RATE, TakeContext(language="EN", text=text)).finding(
        "speaking_rate"
    )
    assert finding.value / typical == pytest.approx(factor, abs=0.03)
    assert finding.level is level
    assert hint in finding.message.en


@pytest.mark.parametrize(
    ("deviation", "level", "hint"),
    [
        (0.2, Level.PASS, "matches"),
        (0.3, Level.WARN, "faster"),
        (-0.2, Level.PASS, "matches"),
        (-0.3, Level.WARN, "slower"),
    ],
)
def test_speaking_rate_limit_on_both_sides(speech, texts, take, deviation, level, hint):
    context = TakeContext(language="EN", text=texts["en"])
    measured = check_take(take(speech["en"]), RATE, context).metrics["units_per_s"]
    context = TakeContext(
        language="EN", text=texts["en"], median_units_per_s=measured / (1 + deviation), rate_takes=ENOUGH
    )
    finding = check_take(take(speech["en"]), RATE, context).finding("speaking_rate")
    assert finding.level is level
    assert hint in finding.message.en


def test_speaking_rate_without_text_passes_and_says_why(speech, take):
    finding = check_take(take(speech["en"]), RATE).finding("speaking_rate")
    assert (finding.level, finding.value) == (Level.PASS, None)
    assert "text is not known" in finding.message.en


@pytest.mark.parametrize(
    ("gain", "level", "hint"),
    [(3.5, Level.PASS, "consistent"), (4.5, Level.WARN, "louder"), (-4.5, Level.WARN, "quieter")],
)
def test_consistency_against_the_median_loudness(speech, take, gain, level, hint):
    median = check_take(take(speech["en"], gain_db=2.0), RATE).metrics["loudness_dbfs"]
    context = TakeContext(median_loudness_dbfs=median)
    finding = check_take(take(speech["en"], gain_db=2.0 + gain), RATE, context).finding("consistency")
    assert finding.value == pytest.approx(gain, abs=0.3)
    assert finding.level is level
    assert hint in finding.message.en


def test_consistency_on_the_first_take_passes_and_says_why(speech, take):
    finding = check_take(take(speech["en"]), RATE).finding("consistency")
    assert (finding.level, finding.value) == (Level.PASS, None)
    assert "first take" in finding.message.en


def _report(level: Level, **metrics: float) -> TakeReport:
    return TakeReport((Finding("duration", level, 1.0, Bilingual("x", "x")),), metrics)


def test_session_baseline_is_the_median_of_takes_that_did_not_fail():
    reports = [
        _report(Level.PASS, units_per_s=3.0, loudness_dbfs=-20.0),
        _report(Level.WARN, units_per_s=4.0, loudness_dbfs=-22.0),
        _report(Level.PASS, units_per_s=5.0, loudness_dbfs=-21.0),
        _report(Level.FAIL, units_per_s=9.0, loudness_dbfs=-40.0),
        _report(Level.PASS, loudness_dbfs=-23.0),
    ]
    assert session_baseline(reports) == SessionBaseline(4.0, -21.5, rate_takes=3)


def test_session_baseline_without_takes_is_unknown():
    assert session_baseline([]) == SessionBaseline(None, None, rate_takes=0)
    failed = [_report(Level.FAIL, units_per_s=3.0, loudness_dbfs=-20.0)]
    assert session_baseline(failed) == SessionBaseline(None, None, rate_takes=0)
