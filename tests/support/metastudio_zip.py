"""Build MetaStudio upload zips for tests: 48 kHz mono PCM 16 WAVs of speech-like sound plus texts.

The sound is a harmonic complex (a voice-like buzz with a falling pitch) shaped into
syllables of about 0.2 s with short pauses, so the take checker finds speech in it and
measures level, noise, rate and bandwidth the way it does for a voice.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

import numpy as np
import soundfile
from scipy.signal import fftconvolve

RATE = 48000
CN_SYLLABLES = "我们今天一起来学习如何录制清晰自然的声音样本请保持稳定语速"
EN_WORDS = ("please", "read", "every", "sentence", "clearly", "and", "calmly", "at", "an", "even", "natural")


def speechlike(
    seconds: float,
    *,
    samplerate: int = RATE,
    seed: int = 0,
    level_dbfs: float = -20.0,
    noise_dbfs: float = -75.0,
    reverb_s: float = 0.0,
    tail_s: float = 0.3,
) -> np.ndarray:
    """A mono float32 signal: 0.3 s of room tone, syllables, ``tail_s`` of room tone.

    ``reverb_s`` adds an exponentially decaying echo tail with that RT60.
    """
    rng = np.random.default_rng(seed)
    n = round(seconds * samplerate)
    t = np.arange(n) / samplerate
    pitch = 140.0 + 30.0 * np.sin(2 * np.pi * 0.3 * t)
    phase = 2 * np.pi * np.cumsum(pitch) / samplerate
    cycle = np.linspace(0.0, 2 * np.pi, 4096, endpoint=False)
    harmonics = [k for k in range(1, 90) if k * 170 < samplerate / 2]
    table = sum(np.sin(k * cycle) / k for k in harmonics)
    voice = np.interp(np.mod(phase, 2 * np.pi), cycle, table)
    envelope = np.zeros(n)
    edge = round(0.3 * samplerate)
    position = edge
    stop = n - round(tail_s * samplerate)
    while position < stop:
        length = round(rng.uniform(0.15, 0.25) * samplerate)
        end = min(position + length, stop)
        envelope[position:end] = np.hanning(end - position) ** 0.5
        position = end + round(rng.uniform(0.03, 0.08) * samplerate)
    signal = voice * envelope
    if reverb_s > 0:
        signal = echoing(signal, reverb_s, samplerate, rng)
    active = signal[envelope > 0.5]
    signal *= 10 ** (level_dbfs / 20) / np.sqrt(np.mean(active**2))
    signal += rng.standard_normal(n) * 10 ** (noise_dbfs / 20)
    return signal.astype(np.float32)


def echoing(signal: np.ndarray, reverb_s: float, samplerate: int, rng: np.random.Generator) -> np.ndarray:
    """``signal`` in a room whose RT60 is ``reverb_s``: the direct sound plus an exponentially
    decaying noise tail (60 dB down after ``reverb_s``), the same length as ``signal``."""
    decay = np.exp(-6.91 * np.arange(round(reverb_s * samplerate)) / (reverb_s * samplerate))
    impulse = rng.standard_normal(decay.size) * decay * 0.3
    impulse[0] = 1.0
    return fftconvolve(signal, impulse)[: signal.size]


def sentence_text(index: int, language: str, seconds: float) -> str:
    """A transcript that reads in about ``seconds`` (CN: 4.6 characters/s, EN: 2.3 words/s)."""
    if language == "CN":
        count = max(2, round((seconds - 0.6) * 4.6))
        chars = [CN_SYLLABLES[(index + i) % len(CN_SYLLABLES)] for i in range(count)]
        return "".join(chars) + "。"
    count = max(2, round((seconds - 0.6) * 2.3))
    words = [EN_WORDS[(index + i) % len(EN_WORDS)] for i in range(count)]
    return " ".join(words).capitalize() + "."


def wav_bytes(samples: np.ndarray, samplerate: int = RATE, subtype: str = "PCM_16") -> bytes:
    """``samples`` as WAV file bytes."""
    buffer = io.BytesIO()
    soundfile.write(buffer, samples, samplerate, subtype=subtype, format="WAV")
    return buffer.getvalue()


@lru_cache(maxsize=512)
def clip_bytes(seconds: float, seed: int) -> bytes:
    """A WAV of :func:`speechlike` sound (cached: packages reuse the same clips)."""
    return wav_bytes(speechlike(seconds, seed=seed))


def training_zip(
    path: Path,
    count: int = 20,
    *,
    language: str = "CN",
    seconds: float = 3.0,
    seed: int = 0,
    audio: Mapping[int, bytes] | None = None,
    texts: Mapping[int, str] | None = None,
    skip: frozenset[int] = frozenset(),
) -> Path:
    """Write a package of ``0.wav``…``count-1.wav`` and ``0.txt``…: the export layout.

    ``audio`` / ``texts`` replace the file of an index; ``skip`` leaves indices out.
    """
    audio, texts = audio or {}, texts or {}
    with zipfile.ZipFile(path, "w") as archive:
        for index in range(count):
            if index in skip:
                continue
            wav = audio.get(index) or clip_bytes(seconds, seed * 1000 + index)
            archive.writestr(f"{index}.wav", wav)
            archive.writestr(f"{index}.txt", texts.get(index, sentence_text(index, language, seconds)))
    return path


def assess_zip(
    path: Path, count: int = 2, *, language: str = "CN", seconds: float = 3.0, **sound: float
) -> Path:
    """A quality-check package of ``count`` recordings with texts; ``sound`` goes to :func:`speechlike`."""
    with zipfile.ZipFile(path, "w") as archive:
        for index in range(count):
            archive.writestr(f"{index}.wav", wav_bytes(speechlike(seconds, seed=index, **sound)))
            archive.writestr(f"{index}.txt", sentence_text(index, language, seconds))
    return path
