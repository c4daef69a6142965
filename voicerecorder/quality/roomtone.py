"""The microphone page's checks: room tone (silence) and the loud-line headroom test.

``check_room_tone`` reports the ids ``mic_blocked``, ``noise_floor`` and ``hum``;
``check_headroom_line`` (the talent reads the loudest line of the script) reports
``clipping``, ``headroom`` and ``loudness`` (judged on the peak: the line is meant to be loud).
"""

from __future__ import annotations

import numpy as np

from voicerecorder.quality.measure import as_frames, db, flat_top_run, frame_powers, hum_line, peak_dbfs
from voicerecorder.quality.report import Finding, Level, TakeReport, finite_metrics
from voicerecorder.quality.rules import limit, message
from voicerecorder.quality.take_rules import clipping_finding, headroom_finding

ROOM_TONE_IDS: tuple[str, ...] = ("mic_blocked", "noise_floor", "hum")
HEADROOM_LINE_IDS: tuple[str, ...] = ("clipping", "headroom", "loudness")


def check_room_tone(samples: np.ndarray, samplerate: int) -> TakeReport:
    """Judge a few seconds of silence: is the microphone blocked, is the room quiet, is there hum?

    Pure computation, safe to call from a worker thread.
    """
    frames = as_frames(samples)
    if not frames.any():
        return TakeReport(
            findings=(
                Finding("mic_blocked", Level.FAIL, 0.0, message("mic_blocked.blocked")),
                Finding("noise_floor", Level.PASS, None, message("room.noise_unmeasured")),
                Finding("hum", Level.PASS, None, message("hum.ok")),
            ),
            metrics=finite_metrics({"duration_s": frames.shape[0] / samplerate}),
        )
    mono = frames.mean(axis=1)
    powers = frame_powers(mono, samplerate)[0]
    noise = db(float(powers.mean())) if powers.size else peak_dbfs(frames)
    mains, hum_level, prominence = hum_line(mono, samplerate)
    return TakeReport(
        findings=(
            Finding("mic_blocked", Level.PASS, 1.0, message("mic_blocked.ok")),
            _room_noise(noise),
            _hum(mains, hum_level, prominence),
        ),
        metrics=finite_metrics(
            {
                "duration_s": frames.shape[0] / samplerate,
                "noise_floor_dbfs": noise,
                "hum_hz": mains,
                "hum_dbfs": hum_level,
                "hum_prominence_db": prominence,
            }
        ),
    )


def check_headroom_line(samples: np.ndarray, samplerate: int) -> TakeReport:
    """Judge the peak of the loudest line read at full voice: no clipping, -6...-3 dBFS of headroom,
    and not so quiet that normal sentences will be far too quiet.

    Pure computation, safe to call from a worker thread.
    """
    frames = as_frames(samples)
    peak = peak_dbfs(frames)
    run = flat_top_run(frames, limit("clipping.near_full_scale"))
    return TakeReport(
        findings=(
            clipping_finding(run),
            headroom_finding(peak, frames.shape[0] > 0),
            _line_level(peak),
        ),
        metrics=finite_metrics({"peak_dbfs": peak, "longest_clip_run": float(run)}),
    )


def _room_noise(level: float) -> Finding:
    if level > limit("room.noise_fail_above"):
        return Finding(
            "noise_floor", Level.FAIL, round(level, 2), message("room.noise_too_high", value=level)
        )
    if level > limit("room.noise_warn_above"):
        return Finding("noise_floor", Level.WARN, round(level, 2), message("room.noise_high", value=level))
    return Finding("noise_floor", Level.PASS, round(level, 2), message("room.noise_ok", value=level))


def _hum(mains: float, level: float, prominence: float) -> Finding:
    if level > limit("room.hum_warn_above") and prominence > limit("room.hum_prominence"):
        text = f"{mains:.0f} Hz ({level:.0f} dBFS)"
        return Finding("hum", Level.WARN, text, message("hum.found", value=text))
    return Finding("hum", Level.PASS, None, message("hum.ok"))


def _line_level(peak: float) -> Finding:
    if peak < limit("loudness.fail_peak_below"):
        return Finding("loudness", Level.FAIL, round(peak, 2), message("line.too_quiet", value=peak))
    if peak < limit("line.warn_peak_below"):
        return Finding("loudness", Level.WARN, round(peak, 2), message("line.quiet", value=peak))
    return Finding("loudness", Level.PASS, round(peak, 2), message("line.ok", value=peak))
