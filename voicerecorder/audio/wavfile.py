"""Reading any audio file into float samples, and writing finished WAV files atomically."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soundfile

from voicerecorder.errors import UserFacingError
from voicerecorder.private import create_private_file, unique_name
from voicerecorder.text import Bilingual


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
    """Read a WAV (or any libsndfile format); raise UserFacingError if it cannot be read."""
    try:
        samples, rate = soundfile.read(str(path), dtype="float32", always_2d=True)
    except (soundfile.LibsndfileError, RuntimeError, OSError) as error:
        raise UserFacingError(
            Bilingual(
                f"Cannot read the audio file {path}: {error}. Check that it is a WAV file "
                "and that it is not still being written.",
                f"无法读取音频文件 {path}：{error}。请确认它是 WAV 文件，且没有正在被写入。",
            )
        ) from error
    return AudioData(samples=samples, samplerate=int(rate))


def write_wav_atomically(path: Path, samples: np.ndarray, samplerate: int, subtype: str = "PCM_16") -> None:
    """Write ``samples`` to ``path`` through a private temporary file of its own, fsync and rename."""
    partial = path.with_name(unique_name(path, ".partial"))
    with open(create_private_file(partial), "wb") as raw:
        soundfile.write(raw, samples, samplerate, subtype=subtype, format="WAV")
        raw.flush()
        os.fsync(raw.fileno())
    os.replace(partial, path)
