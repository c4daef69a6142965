"""Audio longer than the checker reads at once is refused with a message, not read into memory."""

from __future__ import annotations

import numpy as np
import pytest
import soundfile

from voicerecorder.audio.wavfile import MAX_SAMPLES, read_audio
from voicerecorder.cli import main
from voicerecorder.errors import UserFacingError


def silent_wav(path, rate: int, channels: int, frames: int):
    with soundfile.SoundFile(str(path), "w", rate, channels, subtype="PCM_16", format="WAV") as out:
        out.write(np.zeros((frames, channels), np.int16))
    return path


@pytest.mark.parametrize(("rate", "channels"), [(8000, 1), (48000, 2)])
def test_audio_over_the_limit_is_refused_naming_its_length(tmp_path, rate, channels):
    frames = MAX_SAMPLES // channels + 1
    path = silent_wav(tmp_path / "long.wav", rate, channels, frames)
    with pytest.raises(UserFacingError) as caught:
        read_audio(path)
    minutes = frames / rate / 60
    assert f"lasts {minutes:.1f} minutes" in caught.value.message.en
    assert "Cut it into sentences" in caught.value.message.en
    assert "剪成单句" in caught.value.message.zh


def test_audio_at_the_limit_is_read(tmp_path):
    path = silent_wav(tmp_path / "limit.wav", 48000, 2, MAX_SAMPLES // 2)
    assert read_audio(path).samples.shape == (MAX_SAMPLES // 2, 2)


def test_check_on_a_long_file_exits_2_with_the_message(tmp_path, capsys):
    path = silent_wav(tmp_path / "two-hours-at-8k.wav", 8000, 1, MAX_SAMPLES + 8000)
    assert main(["check", str(path)]) == 2
    assert "Cut it into sentences first" in capsys.readouterr().err


def test_a_deleted_file_is_named_missing(tmp_path):
    with pytest.raises(UserFacingError) as caught:
        read_audio(tmp_path / "gone.wav")
    assert "gone.wav is missing (moved or deleted)" in caught.value.message.en
    assert "不见了" in caught.value.message.zh
