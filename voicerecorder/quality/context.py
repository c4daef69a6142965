"""What the checker knows about a take besides its samples: text, capture report, session baseline."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class TakeContext:
    """Inputs for the rules that compare a take with its sentence, its capture and its session.

    ``capture`` is the capture engine's report: ``overflows``, ``lost_frames``, ``stalls``,
    ``samplerate`` and ``device`` (``{"hostapi", "name"}``). ``session_device`` /
    ``session_samplerate`` are what the session was recorded with so far, and the two medians
    come from :func:`voicerecorder.quality.checker.session_baseline` over earlier takes;
    ``rate_takes`` is how many takes the speaking-rate median is taken over (below
    ``speaking_rate.min_takes`` the language's typical pace is the measure instead).
    ``per_sentence`` is False for long-form recordings (no 5-15 s limit).
    ``studio`` is True for the ADVANCE edition: noise floor and SNR are held to studio limits
    (quality/rules.py).
    """

    language: str = "CN"
    text: str | None = None
    capture: dict[str, Any] | None = None
    session_device: dict[str, Any] | None = None
    session_samplerate: int | None = None
    median_units_per_s: float | None = None
    median_loudness_dbfs: float | None = None
    rate_takes: int = 0
    per_sentence: bool = True
    studio: bool = False
