"""Every measurement of one take, computed once; the rules in ``take_rules`` only compare numbers."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from voicerecorder.quality.measure import (
    as_frames,
    channel_means,
    db,
    flat_top_run,
    frame_hop,
    frame_sums,
    integrated_lufs,
    long_term_spectrum,
    peak_amplitude,
    runs,
    spectrum_edge_hz,
)
from voicerecorder.quality.reverb import reverb_seconds
from voicerecorder.quality.rules import limit
from voicerecorder.quality.speech import SpeechActivity, detect_speech

_MIN_NOISE_FRAMES = 10


@dataclass(frozen=True)
class TakeMeasures:
    """The numbers the take rules judge (powers are mean squares, levels are dBFS)."""

    samplerate: int
    channels: int
    frames: int
    peak_dbfs: float
    longest_clip_run: int
    dc_offset: float
    channel_dbfs: tuple[float, ...]
    all_zero: bool
    activity: SpeechActivity
    speech_power: float | None
    noise_power: float | None
    zero_gaps: int
    bandwidth_hz: float | None
    lufs: float | None
    reverb_s: float | None

    @property
    def duration_s(self) -> float:
        return self.frames / self.samplerate

    @property
    def loudness_dbfs(self) -> float | None:
        return db(self.speech_power) if self.speech_power is not None else None

    @property
    def noise_floor_dbfs(self) -> float | None:
        return db(self.noise_power) if self.noise_power is not None else None

    @property
    def snr_db(self) -> float | None:
        if self.speech_power is None or self.noise_power is None:
            return None
        return db(max(self.speech_power - self.noise_power, 1e-12)) - db(self.noise_power)


def analyse_take(samples: np.ndarray, samplerate: int) -> TakeMeasures:
    """Measure a take given as float samples shaped (frames,) or (frames, channels)."""
    if samplerate <= 0:
        raise ValueError(f"sample rate must be positive, not {samplerate}")
    frames = as_frames(samples)
    mono = frames[:, 0] if frames.shape[1] == 1 else frames.mean(axis=1)
    hop = frame_hop(samplerate)
    sums = frame_sums(mono, hop)
    offsets, powers = channel_means(frames, sums, hop) if frames.shape[0] else (np.zeros(1), np.zeros(0))
    activity = detect_speech(mono, samplerate, sums)
    speech_power = float(activity.powers[activity.speech].mean()) if activity.found else None
    noise_frames = activity.powers[activity.noise]
    peak = peak_amplitude(frames)
    return TakeMeasures(
        samplerate=int(samplerate),
        channels=int(frames.shape[1]),
        frames=int(frames.shape[0]),
        peak_dbfs=db(peak**2),
        longest_clip_run=flat_top_run(frames, limit("clipping.near_full_scale"), peak),
        dc_offset=float(np.max(np.abs(offsets))),
        channel_dbfs=tuple(db(float(power)) for power in powers),
        all_zero=peak == 0.0,
        activity=activity,
        speech_power=speech_power,
        noise_power=float(noise_frames.mean()) if noise_frames.size >= _MIN_NOISE_FRAMES else None,
        zero_gaps=_zero_gaps(frames, activity),
        bandwidth_hz=_bandwidth(mono, activity),
        lufs=integrated_lufs(mono, samplerate, limit("lufs.min_duration")),
        reverb_s=reverb_seconds(activity),
    )


def _zero_gaps(frames: np.ndarray, activity: SpeechActivity) -> int:
    """Runs of exact digital zero (all channels) longer than the dropout limit, inside the speech."""
    if not activity.found:
        return 0
    rate = activity.samplerate
    start = round(activity.start_s * rate)
    end = round(activity.end_s * rate)
    silent = np.all(frames[start:end] == 0, axis=1)
    if not silent.any():
        return 0
    lengths = runs(silent)[1]
    return int(np.count_nonzero(lengths > limit("dropouts.zero_run") * rate))


def _bandwidth(mono: np.ndarray, activity: SpeechActivity) -> float | None:
    if not activity.found:
        return None
    spectrum = long_term_spectrum(mono, activity.samplerate, activity.speech, activity.hop)
    return spectrum_edge_hz(spectrum, activity.samplerate, limit("bandwidth.edge_db"))
