"""The ADVANCE edition's whole recording: every chosen take, in order, as one long signal with
the sentences separated by pauses of the session's own room tone (never digital silence).

MetaStudio's guide asks for one long WAV with 2–3 s pauses between sentences (the service
splits on them). Each take is cut to its speech plus ``MARGIN_S`` of its own room tone on
either side, and ``PAUSE_S`` of room tone goes between two takes, so the silence between
two sentences lasts ``PAUSE_S + 2 * MARGIN_S`` = 2.7 s. The room tone is what the takes hold
before and after the speech (every take starts with the recorder's pre-roll), gathered from
the first takes into a short bed and repeated with equal-power crossfades. Takes are read and
written one at a time, so memory does not grow with the length of the recording.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np

from voicerecorder.errors import UserFacingError
from voicerecorder.quality.measure import longest_run
from voicerecorder.quality.rules import limit
from voicerecorder.quality.speech import detect_speech
from voicerecorder.text import Bilingual

PAUSE_S = 2.4
MARGIN_S = 0.15
ROOM_TONE_TAKES = 20
ROOM_TONE_MAX_S = 10.0
ROOM_TONE_MIN_S = 0.5
FADE_S = 0.02


@dataclass(frozen=True)
class Span:
    """Where one sentence's take sits in the long recording (seconds from its start)."""

    start_s: float
    end_s: float


def _speech_bounds(samples: np.ndarray, rate: int) -> tuple[int, int]:
    """First and last sample of the speech (the whole take when no speech is found)."""
    activity = detect_speech(samples, rate)
    if activity.start_s is None or activity.end_s is None:
        return 0, samples.size
    return round(activity.start_s * rate), min(samples.size, round(activity.end_s * rate))


def _join(first: np.ndarray, second: np.ndarray, fade: int) -> np.ndarray:
    """``first`` then ``second``, overlapped by an equal-power crossfade of ``fade`` samples."""
    if first.size < fade or second.size < fade or fade == 0:
        return np.concatenate([first, second])
    ramp = np.linspace(0.0, 1.0, fade)
    middle = first[-fade:] * np.sqrt(1.0 - ramp) + second[:fade] * np.sqrt(ramp)
    return np.concatenate([first[:-fade], middle, second[fade:]])


def room_tone(takes: Iterable[np.ndarray], rate: int) -> np.ndarray:
    """The room tone of the takes: what comes before and after their speech (speech kept at
    ``noise.guard`` distance; stretches of digital silence left out), up to ``ROOM_TONE_MAX_S``
    seconds; refuses when there is less than ``ROOM_TONE_MIN_S``."""
    guard, fade = round(limit("noise.guard") * rate), round(FADE_S * rate)
    dropout = round(limit("dropouts.zero_run") * rate)
    bed = np.zeros(0)
    for samples in takes:
        start, end = _speech_bounds(samples, rate)
        for part in (samples[: max(0, start - guard)], samples[min(samples.size, end + guard) :]):
            if part.size > 2 * fade and longest_run(part == 0.0) < dropout:
                bed = _join(bed, part, fade)
        if bed.size >= ROOM_TONE_MAX_S * rate:
            break
    if bed.size < ROOM_TONE_MIN_S * rate:
        raise UserFacingError(
            Bilingual(
                "The takes hold too little room tone to build the pauses of the whole recording "
                f"(at least {ROOM_TONE_MIN_S} s of quiet before or after the speech, not digital silence). "
                "Record the first sentences again, staying silent for a moment before and after speaking.",
                f"录音中的环境底噪太少，无法生成整段录音的停顿（说话前后至少共需 {ROOM_TONE_MIN_S} 秒安静，"
                "且不能是数字静音）。请重新录制前面几句，说话前后各保持片刻安静。",
            )
        )
    return bed[: round(ROOM_TONE_MAX_S * rate)]


class _Pauses:
    """Successive stretches of room tone cut from the bed, each continuing where the last ended."""

    def __init__(self, bed: np.ndarray, rate: int) -> None:
        self.bed, self.fade, self.position = bed, round(FADE_S * rate), 0

    def next(self, count: int) -> np.ndarray:
        tile = self.bed[self.position :]
        while tile.size < count:
            tile = _join(tile, self.bed, self.fade)
        self.position = (self.position + count) % max(1, self.bed.size - self.fade)
        return tile[:count]


def long_recording(
    takes: Iterable[np.ndarray], rate: int, bed: np.ndarray, write: Callable[[np.ndarray], None]
) -> list[Span]:
    """Pass the whole recording to ``write`` piece by piece (each take cut to its speech with
    ``MARGIN_S`` around it, ``PAUSE_S`` of room tone between takes); where each take sits."""
    margin, pause = round(MARGIN_S * rate), round(PAUSE_S * rate)
    pauses, spans, written = _Pauses(bed, rate), [], 0
    for number, samples in enumerate(takes):
        if number:
            write(pauses.next(pause))
            written += pause
        start, end = _speech_bounds(samples, rate)
        first = max(0, start - margin)
        cut = samples[first : min(samples.size, end + margin)]
        write(cut)
        spans.append(Span((written + start - first) / rate, (written + end - first) / rate))
        written += cut.size
    return spans
