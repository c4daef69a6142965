"""The take checker's entry points: check one take, and derive a session's baseline from earlier takes."""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from voicerecorder.quality.analysis import TakeMeasures, analyse_take
from voicerecorder.quality.context import TakeContext
from voicerecorder.quality.report import Level, TakeReport, finite_metrics
from voicerecorder.quality.take_rules import TAKE_RULES, units_per_second
from voicerecorder.quality.triage import suppress_spoiled

__all__ = ["SessionBaseline", "TakeContext", "check_take", "session_baseline"]


_NO_CONTEXT = TakeContext()


def check_take(samples: np.ndarray, samplerate: int, context: TakeContext = _NO_CONTEXT) -> TakeReport:
    """Judge one take (float32 samples shaped (frames,) or (frames, channels)) against every rule.

    Pure computation, safe to call from a worker thread. The report holds one finding per id in
    :data:`voicerecorder.quality.report.TAKE_CHECK_IDS`, whatever the input; the measures a level
    problem spoils are left unjudged (:func:`voicerecorder.quality.triage.suppress_spoiled`).
    """
    measures = analyse_take(samples, samplerate)
    findings = suppress_spoiled(tuple(rule(measures, context) for rule in TAKE_RULES))
    return TakeReport(findings=findings, metrics=_metrics(measures, context))


def _metrics(m: TakeMeasures, context: TakeContext) -> dict[str, float]:
    return finite_metrics(
        {
            "duration_s": m.duration_s,
            "samplerate": float(m.samplerate),
            "channels": float(m.channels),
            "peak_dbfs": m.peak_dbfs,
            "longest_clip_run": float(m.longest_clip_run),
            "loudness_dbfs": m.loudness_dbfs,
            "lufs": m.lufs,
            "noise_floor_dbfs": m.noise_floor_dbfs,
            "snr_db": m.snr_db,
            "reverb_s": m.reverb_s,
            "speech_start_s": m.activity.start_s,
            "speech_end_s": m.activity.end_s,
            "units_per_s": units_per_second(m, context),
            "bandwidth_hz": m.bandwidth_hz,
            "dc_offset": m.dc_offset,
            "zero_gaps": float(m.zero_gaps),
        }
    )


@dataclass(frozen=True)
class SessionBaseline:
    """A session's usual pace and level: medians over the earlier takes that did not fail.

    ``rate_takes`` is how many takes the pace median is taken over; either median is None when
    no take has it.
    """

    units_per_s: float | None
    loudness_dbfs: float | None
    rate_takes: int


def session_baseline(reports: Iterable[TakeReport]) -> SessionBaseline:
    """The medians of units per second and speech loudness over the takes that did not fail.

    Failed takes are left out so that a take that is far too quiet does not drag the baseline.
    """
    usable = [report.metrics for report in reports if report.verdict is not Level.FAIL]
    rates = [metrics["units_per_s"] for metrics in usable if "units_per_s" in metrics]
    levels = [metrics["loudness_dbfs"] for metrics in usable if "loudness_dbfs" in metrics]
    return SessionBaseline(
        units_per_s=statistics.median(rates) if rates else None,
        loudness_dbfs=statistics.median(levels) if levels else None,
        rate_takes=len(rates),
    )
