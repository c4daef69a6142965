import numpy as np
import pytest

from voicerecorder.audio.wavfile import read_audio, write_wav_atomically
from voicerecorder.errors import UserFacingError
from voicerecorder.quality.textunits import estimated_reading_seconds, rate_units, speaking_units
from voicerecorder.text import Bilingual


def test_bilingual_pick_and_format():
    message = Bilingual("Take {n} is too quiet", "第 {n} 条太小声").format(n=3)
    assert message.pick("zh_CN") == "第 3 条太小声"
    assert message.pick("en") == "Take 3 is too quiet"


def test_wav_round_trip_is_atomic(tmp_path):
    tone = (0.5 * np.sin(2 * np.pi * 440 * np.arange(4800) / 48000)).astype(np.float32)
    target = tmp_path / "t.wav"
    write_wav_atomically(target, tone, 48000)
    assert not (tmp_path / "t.wav.partial").exists()
    audio = read_audio(target)
    assert audio.samplerate == 48000
    assert audio.channels == 1
    assert audio.duration_s == pytest.approx(0.1)
    assert np.max(np.abs(audio.mono() - tone)) < 1e-4


def test_unreadable_audio_says_what_to_do(tmp_path):
    junk = tmp_path / "junk.wav"
    junk.write_bytes(b"not audio at all")
    with pytest.raises(UserFacingError) as caught:
        read_audio(junk)
    assert "Check that it is a WAV file" in caught.value.message.en
    assert "WAV" in caught.value.message.zh


@pytest.mark.parametrize(
    ("text", "language", "units"),
    [
        ("今天的天气很好，我们一起去公园散步吧。", "CN", 17),
        ("我买了 iPhone 手机。", "CN", 6),
        ("Don't read the numbers out loud, please.", "EN", 7),
    ],
)
def test_speaking_units(text, language, units):
    assert speaking_units(text, language) == units


def test_reading_time_grows_with_text():
    short = estimated_reading_seconds("Hello there.", "EN")
    long = estimated_reading_seconds("Hello there, this is a much longer sentence to read aloud.", "EN")
    assert 0 < short < long


@pytest.mark.parametrize(
    ("text", "language", "units"),
    [
        ("Please remember to bring your umbrella.", "EN", 10),
        ("The table makes little noise.", "EN", 7),
        ("今天的天气很好。", "CN", 7),
    ],
)
def test_rate_units_count_syllables_for_english(text, language, units):
    assert rate_units(text, language) == units
