"""Material for session tests: English test scripts and takes spoken by espeak-ng."""

from __future__ import annotations

import io
import subprocess

import numpy as np
import soundfile
import soxr

from voicerecorder.session.script import Script, Sentence

WORDS = (
    "morning",
    "river",
    "window",
    "garden",
    "silver",
    "market",
    "yellow",
    "gentle",
    "travel",
    "number",
    "quiet",
    "orange",
    "pocket",
    "simple",
    "thunder",
    "village",
    "winter",
    "basket",
    "candle",
    "forest",
)


def english_script(count: int) -> Script:
    """``count`` distinct sentences of fourteen words each, ending with a full stop."""
    sentences = []
    for index in range(count):
        words = [WORDS[(index + step * 3) % len(WORDS)] for step in range(13)]
        sentences.append(Sentence(f"{index + 1:03d}", f"Sentence {index + 1} " + " ".join(words) + "."))
    return Script("EN", tuple(sentences), "test script")


def speak(text: str, voice: str = "en") -> tuple[np.ndarray, int]:
    """espeak-ng's rendering of ``text`` as float32 mono samples and their rate."""
    wav = subprocess.run(
        ["espeak-ng", "-v", voice, "-s", "140", "--stdout", text], capture_output=True, check=True
    ).stdout
    samples, rate = soundfile.read(io.BytesIO(wav), dtype="float32")
    return samples, rate


def studio_take(samples: np.ndarray, rate: int, out_rate: int = 48000, seed: int = 1) -> np.ndarray:
    """Speech as a good microphone take: ``out_rate``, 0.5 s of quiet room before and after,
    peak at -6 dBFS and a -75 dBFS noise floor."""
    speech = soxr.resample(samples.astype(np.float64), rate, out_rate)
    speech = speech / np.max(np.abs(speech)) * 10 ** (-6 / 20)
    pad = np.zeros(out_rate // 2)
    take = np.concatenate([pad, speech, pad])
    noise = np.random.default_rng(seed).normal(0.0, 10 ** (-75 / 20), take.size)
    return (take + noise).astype(np.float32)
