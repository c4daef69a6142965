"""Realistic takes for the checker tests: espeak-ng speech at 48 kHz with silence and noise of known level."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
import soundfile
import soxr

RATE = 48000
EN_TEXT = (
    "Please remember to bring your umbrella tomorrow, because the forecast says it will rain all afternoon."
)
CN_TEXT = "今天下午三点，我们将在会议室讨论新产品的推广计划，请大家准时参加。"
SPEECH_PEAK_DBFS = -4.0


def _espeak(folder: Path, voice: str, text: str, speed: int | None = None) -> np.ndarray:
    """Synthesise ``text``, resample to 48 kHz, trim to the speech and set its peak to -4 dBFS."""
    if shutil.which("espeak-ng") is None:
        pytest.fail("espeak-ng is missing: install it (packaging/dev/system-packages.txt lists it)")
    out = folder / f"{voice}-{speed}.wav"
    command = ["espeak-ng", "-v", voice, "-w", str(out), text]
    if speed:
        command[1:1] = ["-s", str(speed)]
    subprocess.run(command, check=True, capture_output=True, timeout=60)
    samples, rate = soundfile.read(str(out), dtype="float32")
    speech = soxr.resample(samples, rate, RATE).astype(np.float32)
    loud = np.flatnonzero(np.abs(speech) > np.abs(speech).max() * 10 ** (-50 / 20))
    speech = speech[loud[0] : loud[-1] + 1]
    return speech * np.float32(10 ** (SPEECH_PEAK_DBFS / 20) / np.abs(speech).max())


@pytest.fixture(scope="session")
def speech(tmp_path_factory) -> dict[str, np.ndarray]:
    """Trimmed espeak-ng speech at 48 kHz, peak -4 dBFS: "en", "cn" and "en_fast" (about 50 % faster)."""
    folder = tmp_path_factory.mktemp("espeak")
    return {
        "en": _espeak(folder, "en", EN_TEXT),
        "cn": _espeak(folder, "cmn", CN_TEXT),
        "en_fast": _espeak(folder, "en", EN_TEXT, speed=260),
    }


def white_noise(frames: int, level_dbfs: float, seed: int = 0) -> np.ndarray:
    """Gaussian white noise whose RMS is ``level_dbfs``."""
    return np.random.default_rng(seed).normal(0.0, 10 ** (level_dbfs / 20), frames).astype(np.float32)


def build_take(
    speech: np.ndarray,
    lead_s: float = 0.5,
    trail_s: float = 0.5,
    noise_dbfs: float | None = -80.0,
    gain_db: float = 0.0,
    seed: int = 0,
) -> np.ndarray:
    """Speech with ``lead_s`` / ``trail_s`` of silence, scaled by ``gain_db``, plus white noise.

    Real microphones never deliver exact zeros, so a little noise is added by default.
    """
    padded = np.concatenate(
        [np.zeros(round(lead_s * RATE), np.float32), speech, np.zeros(round(trail_s * RATE), np.float32)]
    )
    padded *= np.float32(10 ** (gain_db / 20))
    if noise_dbfs is not None:
        padded += white_noise(padded.size, noise_dbfs, seed)
    return padded


@pytest.fixture
def take() -> Callable[..., np.ndarray]:
    """The :func:`build_take` factory."""
    return build_take


@pytest.fixture
def noise() -> Callable[..., np.ndarray]:
    """The :func:`white_noise` factory."""
    return white_noise


@pytest.fixture(scope="session")
def texts() -> dict[str, str]:
    """The sentences spoken in :func:`speech` ("en_fast" reads the English one)."""
    return {"en": EN_TEXT, "cn": CN_TEXT, "en_fast": EN_TEXT}
