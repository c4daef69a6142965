"""Where the speech is in a take: webrtcvad on 16 kHz audio, refined by frame energy.

webrtcvad marks a few frames as speech while its noise model settles and keeps a hangover
after each word; both sit at the noise level, so a frame only counts as speech when the
VAD says so and it is clearly above the noise and not far below the loudest speech.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import repeat

import numpy as np
import soxr
import webrtcvad

from voicerecorder.quality.measure import FRAME_S, centred_sum, frame_powers, powers_db, runs
from voicerecorder.quality.rules import limit

_VAD_RATE = 16000
_VAD_FRAME = _VAD_RATE // 100
_MIN_NOISE_FRAMES = 20


@dataclass(frozen=True)
class SpeechActivity:
    """Per 10 ms frame: power, whether it is speech, whether it measures the noise."""

    powers: np.ndarray
    speech: np.ndarray
    noise: np.ndarray
    hop: int
    samplerate: int

    @property
    def found(self) -> bool:
        return bool(self.speech.sum() * self.frame_s >= limit("speech.min_total"))

    @property
    def frame_s(self) -> float:
        return self.hop / self.samplerate

    @property
    def start_s(self) -> float | None:
        """Time of the first speech frame, or None when no speech was found."""
        return float(np.flatnonzero(self.speech)[0] * self.frame_s) if self.found else None

    @property
    def end_s(self) -> float | None:
        """Time just after the last speech frame, or None when no speech was found."""
        return float((np.flatnonzero(self.speech)[-1] + 1) * self.frame_s) if self.found else None


def detect_speech(
    mono: np.ndarray, samplerate: int, sums: tuple[np.ndarray, np.ndarray] | None = None
) -> SpeechActivity:
    """Find the speech frames and the noise frames (speech kept at a distance) of a mono signal
    (``sums``: its :func:`~voicerecorder.quality.measure.frame_sums`, when already known)."""
    powers, hop = frame_powers(mono, samplerate, sums)
    levels = powers_db(powers)
    flags = _webrtc_flags(mono, samplerate, powers.size, hop)
    gate = _gate(levels, flags)
    speech = _drop_short_runs(flags & (levels > gate), round(limit("speech.min_run") / FRAME_S))
    if speech.sum() * hop / samplerate < limit("speech.min_total"):
        speech = np.zeros_like(speech)
    else:
        speech = _extend_edges(speech, levels > gate)
    noise = ~_dilate(speech, round(limit("noise.guard") / FRAME_S))
    return SpeechActivity(powers=powers, speech=speech, noise=noise, hop=hop, samplerate=samplerate)


def _webrtc_flags(mono: np.ndarray, samplerate: int, count: int, hop: int) -> np.ndarray:
    """webrtcvad's decision for each 10 ms frame of the original signal."""
    resampled = mono if samplerate == _VAD_RATE else soxr.resample(mono, samplerate, _VAD_RATE, quality="LQ")
    pcm = (np.clip(resampled, -1.0, 1.0) * 32767.0).astype("<i2")
    total = pcm.size // _VAD_FRAME
    if total == 0 or count == 0:
        return np.zeros(count, dtype=bool)
    vad = webrtcvad.Vad(int(limit("speech.vad_mode")))
    data = pcm[: total * _VAD_FRAME].tobytes()
    step = 2 * _VAD_FRAME
    chunks = (data[start : start + step] for start in range(0, total * step, step))
    decided = np.fromiter(map(vad.is_speech, chunks, repeat(_VAD_RATE), repeat(_VAD_FRAME)), bool, total)
    positions = np.minimum((np.arange(count) * hop * 100) // samplerate, total - 1)
    return decided[positions]


def _gate(levels: np.ndarray, flags: np.ndarray) -> float:
    """The level (dBFS) a frame must exceed to be speech."""
    if levels.size == 0:
        return 0.0
    quiet = levels[~flags]
    noise = float(np.median(quiet)) if quiet.size >= _MIN_NOISE_FRAMES else float(np.percentile(levels, 10))
    loudest = float(np.percentile(levels[flags], 95)) if flags.any() else float(levels.max())
    return max(noise + limit("speech.above_noise"), loudest - limit("speech.below_loudest"))


def _dilate(mask: np.ndarray, reach: int) -> np.ndarray:
    """Mark every frame within ``reach`` frames of a marked one."""
    return centred_sum(mask, reach) > 0


def _drop_short_runs(mask: np.ndarray, shortest: int) -> np.ndarray:
    kept = np.zeros_like(mask)
    for start, length in zip(*runs(mask), strict=True):
        if length >= shortest:
            kept[start : start + length] = True
    return kept


def _extend_edges(speech: np.ndarray, loud: np.ndarray) -> np.ndarray:
    """Grow the first and last speech run outwards over adjacent loud frames (onsets the VAD missed)."""
    marked = np.flatnonzero(speech)
    first, last = int(marked[0]), int(marked[-1])
    quiet_before = np.flatnonzero(~loud[:first])
    quiet_after = np.flatnonzero(~loud[last + 1 :])
    grown = speech.copy()
    grown[(quiet_before[-1] + 1 if quiet_before.size else 0) : first] = True
    grown[last + 1 : (last + 1 + quiet_after[0] if quiet_after.size else speech.size)] = True
    return grown
