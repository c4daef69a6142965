"""Reading any audio file into float samples, and writing finished WAV files atomically."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soundfile

from voicerecorder.errors import UserFacingError, file_error
from voicerecorder.private import create_private_file, unique_name
from voicerecorder.text import Bilingual

# The longest audio read at once: 1 minute of 48 kHz mono (2.88 million samples, any rate or
# channel count). A training sentence lasts at most 15 s; checking 1 minute peaks near 200 MB,
# and the checker's memory grows with the length (tests/benchmarks/checker_memory_benchmark.py).
MAX_SAMPLES = 60 * 48000


@dataclass(frozen=True)
class AudioData:
    """Samples as float32 in [-1, 1], shaped (frames, channels), with their sample rate."""

    samples: np.ndarray
    samplerate: int

    @property
    def channels(self) -> int:
        return int(self.samples.shape[1])

    @property
    def duration_s(self) -> float:
        return self.samples.shape[0] / self.samplerate

    def mono(self) -> np.ndarray:
        """The channels averaged into one 1-D float32 array."""
        return self.samples.mean(axis=1, dtype=np.float32)


def read_audio(path: Path) -> AudioData:
    """Read a WAV (or any libsndfile format) of at most :data:`MAX_SAMPLES` samples; raise
    UserFacingError if it cannot be read or is longer."""
    try:
        with soundfile.SoundFile(str(path)) as audio:
            _refuse_long(path, audio.frames, audio.channels, audio.samplerate)
            samples, rate = audio.read(dtype="float32", always_2d=True), audio.samplerate
    except (soundfile.LibsndfileError, RuntimeError, OSError) as error:
        raise _unreadable(path, error) from error
    return AudioData(samples=samples, samplerate=int(rate))


def missing_audio(path: Path) -> UserFacingError:
    """The error for an audio file that is not there (any more)."""
    return UserFacingError(
        Bilingual(
            f"The audio file {path} is missing (moved or deleted). Put it back, or record or "
            "import that sentence again.",
            f"音频文件 {path} 不见了（被移动或删除）。请放回原处，或重新录制或导入该句。",
        )
    )


def _unreadable(path: Path, error: Exception) -> UserFacingError:
    if isinstance(error, FileNotFoundError) or not path.exists():
        return missing_audio(path)
    # libsndfile reports a file it may not open as "System error."; opening it says why.
    try:
        open(path, "rb").close()
    except OSError as cause:
        return file_error(cause, path)
    return UserFacingError(
        Bilingual(
            f"Cannot read the audio file {path}: {error}. Check that it is a WAV file "
            "and that it is not still being written.",
            f"无法读取音频文件 {path}：{error}。请确认它是 WAV 文件，且没有正在被写入。",
        )
    )


def _refuse_long(path: Path, frames: int, channels: int, samplerate: int) -> None:
    if frames * channels <= MAX_SAMPLES:
        return
    minutes = frames / max(samplerate, 1) / 60
    limit = MAX_SAMPLES / 48000
    raise UserFacingError(
        Bilingual(
            f"The audio file {path} lasts {minutes:.1f} minutes; takes are read up to {limit:.0f} s "
            "of 48 kHz mono audio (a training sentence lasts at most 15 s). Cut it into sentences first.",
            f"音频文件 {path} 长 {minutes:.1f} 分钟；录音最多读取 {limit:.0f} 秒的 48 kHz 单声道音频"
            "（一句训练语句最长 15 秒）。请先把它剪成单句。",
        )
    )


def write_wav_atomically(path: Path, samples: np.ndarray, samplerate: int, subtype: str = "PCM_16") -> None:
    """Write ``samples`` to ``path`` through a private temporary file of its own, fsync and rename."""
    partial = path.with_name(unique_name(path, ".partial"))
    with open(create_private_file(partial), "wb") as raw:
        soundfile.write(raw, samples, samplerate, subtype=subtype, format="WAV")
        raw.flush()
        os.fsync(raw.fileno())
    os.replace(partial, path)
