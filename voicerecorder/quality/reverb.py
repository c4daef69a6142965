"""How long the room rings after the voice stops: an RT60 estimate from a take's own speech.

At each end of speech, a straight line is fitted to the 10 ms frame levels (dB) from the last
frame within 10 dB of the median speech level (looking back at most 0.5 s) until the level is
within 3 dB of the noise floor (at most 0.5 s past the offset, never into the next speech);
RT60 = 60 dB / decay rate, at most 3 s; decays spanning less than 10 dB are skipped. The take's
estimate is the median over its ends of speech. A voice stops faster than any room, so a dry
room gives well under 0.2 s and an echoing one about its own RT60.
"""

from __future__ import annotations

import statistics

import numpy as np

from voicerecorder.quality.measure import FRAME_S, powers_db
from voicerecorder.quality.speech import SpeechActivity

_DECAY_WINDOW_S = 0.5
_MIN_DECAY_RANGE_DB = 10.0
_NOISE_MARGIN_DB = 3.0
_LOUD_MARGIN_DB = 10.0
_LONGEST_S = 3.0


def reverb_seconds(activity: SpeechActivity) -> float | None:
    """The median RT60 estimate (seconds) over the ends of speech, or None when none can be measured."""
    if not activity.found or not activity.noise.any():
        return None
    levels = powers_db(activity.powers)
    noise_db = float(np.median(levels[activity.noise]))
    loud_db = float(np.median(levels[activity.speech])) - _LOUD_MARGIN_DB
    estimates = [
        estimate
        for offset in np.flatnonzero(activity.speech[:-1] & ~activity.speech[1:])
        if (estimate := _decay_estimate(levels, activity.speech, int(offset), loud_db, noise_db)) is not None
    ]
    return statistics.median(estimates) if estimates else None


def _decay_estimate(
    levels: np.ndarray, speech: np.ndarray, offset: int, loud_db: float, noise_db: float
) -> float | None:
    """RT60 from the decay after the speech run ending at frame ``offset``; None when too shallow."""
    window = round(_DECAY_WINDOW_S / FRAME_S)
    first = max(0, offset - window)
    loud = np.flatnonzero(levels[first : offset + 1] >= loud_db)
    if not loud.size:
        return None
    onsets = np.flatnonzero(speech[offset + 1 : offset + window])
    tail = levels[first + int(loud[-1]) : offset + 1 + (int(onsets[0]) if onsets.size else window)]
    quiet = np.flatnonzero(tail <= noise_db + _NOISE_MARGIN_DB)
    tail = tail[: int(quiet[0]) + 1] if quiet.size else tail
    if tail[0] - tail[-1] < _MIN_DECAY_RANGE_DB:
        return None
    slope = _slope(tail) if tail.size > 2 else -np.inf
    return min(60.0 / -slope, _LONGEST_S) if slope < 0 else _LONGEST_S


def _slope(levels: np.ndarray) -> float:
    """The least-squares slope (dB per second) of levels one frame apart."""
    times = np.arange(levels.size) * FRAME_S
    times -= times.mean()
    return float(np.dot(times, levels - levels.mean()) / np.dot(times, times))
