"""Self-test probes of the quality layer: NumPy's build, and the take checker on a made-up take.

Each probe returns a one-line detail or raises; ``voicerecorder.cli.selftest`` runs them. The
made-up take runs the checker's NumPy paths a frozen bundle must carry: the FFTs (loudness's
K-weighting, the bandwidth), the frame powers and the reverberation's least-squares fit.
"""

from __future__ import annotations

import numpy as np

from voicerecorder.quality.checker import check_take

RATE = 48000
_ROOM_RT60_S = 0.5
_PHRASES = ((0.5, 2.5), (3.3, 5.3))  # seconds of "speech", a pause between and a second after


def numpy_build() -> str:
    """NumPy's version and the BLAS it was built with ("none" for NumPy's own loops)."""
    blas = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
    name = blas.get("name", "none") if blas.get("found") else "none"
    return f"numpy {np.__version__}, BLAS {name}"


def _syllables(frames: int) -> np.ndarray:
    """A gain envelope: 0.2 s syllables 0.05 s apart within each phrase of :data:`_PHRASES`."""
    envelope = np.zeros(frames)
    syllable, gap = round(0.2 * RATE), round(0.05 * RATE)
    for start_s, end_s in _PHRASES:
        for start in range(round(start_s * RATE), round(end_s * RATE) - syllable, syllable + gap):
            envelope[start : start + syllable] = np.hanning(syllable) ** 0.5
    return envelope


def made_up_take(seconds: float = 6.5) -> np.ndarray:
    """A mono float32 take: a voice-like buzz (140 Hz and its harmonics) in syllables, two phrases
    in a room of :data:`_ROOM_RT60_S` seconds, over a -70 dBFS noise floor."""
    rng = np.random.default_rng(0)
    frames = round(seconds * RATE)
    t = np.arange(frames) / RATE
    buzz = sum(np.sin(2 * np.pi * 140.0 * k * t) / k for k in range(1, 40))
    dry = buzz * _syllables(frames)
    ring = round(_ROOM_RT60_S * RATE)
    impulse = rng.standard_normal(ring) * np.exp(-6.91 * np.arange(ring) / ring) * 0.3
    impulse[0] = 1.0
    size = frames + ring
    wet = np.fft.irfft(np.fft.rfft(dry, size) * np.fft.rfft(impulse, size), size)[:frames]
    wet *= 0.3 / np.abs(wet).max()
    return (wet + rng.standard_normal(frames) * 10 ** (-70 / 20)).astype(np.float32)


def check_checker() -> str:
    """Check a made-up take; fail unless loudness and reverberation were both measured."""
    metrics = check_take(made_up_take(), RATE).metrics
    missing = [name for name in ("lufs", "reverb_s", "snr_db") if name not in metrics]
    if missing:
        raise RuntimeError(f"the checker measured no {', '.join(missing)} on a made-up take")
    return f"{metrics['lufs']:.1f} LUFS, reverb {metrics['reverb_s']:.2f} s; {numpy_build()}"
