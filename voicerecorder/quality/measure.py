"""Plain numpy measurements of a signal: levels, runs, DC, spectrum edge and mains hum."""

from __future__ import annotations

import numpy as np

from voicerecorder.quality.loudness import forward_spectra, integrated_loudness

FLOOR_DBFS = -120.0
FRAME_S = 0.01
_MAX_HUM_BLOCKS = 20
_MAX_SPECTRUM_BLOCKS = 64


def db(power: float) -> float:
    """A mean-square power as dB relative to full scale, never below :data:`FLOOR_DBFS`."""
    return max(10.0 * float(np.log10(power)) if power > 0 else FLOOR_DBFS, FLOOR_DBFS)


def peak_amplitude(samples: np.ndarray) -> float:
    """The largest absolute sample value over all channels (0 when there is none)."""
    return float(max(samples.max(), -samples.min())) if samples.size else 0.0


def peak_dbfs(samples: np.ndarray) -> float:
    """The sample peak over all channels in dBFS."""
    return db(peak_amplitude(samples) ** 2)


def as_frames(samples: np.ndarray) -> np.ndarray:
    """Any accepted input as a 2-D float32 array (frames, channels) with non-finite values zeroed."""
    array = np.asarray(samples, dtype=np.float32)
    if array.ndim == 1:
        array = array[:, np.newaxis]
    if array.ndim != 2 or array.shape[1] == 0:
        return np.zeros((0, 1), dtype=np.float32)
    if not np.isfinite(array).all():
        array = np.nan_to_num(array, nan=0.0, posinf=1.0, neginf=-1.0)
    return array


def runs(mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Start indices and lengths of the runs of True in a 1-D boolean mask.

    Works on the marked positions only, so a long mask with few marks costs one pass.
    """
    marked = np.flatnonzero(mask)
    breaks = np.flatnonzero(np.diff(marked) != 1) + 1
    starts = marked[np.concatenate(([0], breaks))] if marked.size else marked
    ends = marked[np.concatenate((breaks - 1, [marked.size - 1]))] + 1 if marked.size else marked
    return starts, ends - starts


def longest_run(mask: np.ndarray) -> int:
    """The length of the longest run of True (0 when there is none)."""
    lengths = runs(mask)[1]
    return int(lengths.max()) if lengths.size else 0


def flat_top_run(frames: np.ndarray, level_dbfs: float, peak: float | None = None) -> int:
    """The longest run of identical consecutive samples at or above ``level_dbfs`` in any channel.

    A converter or a built-in limiter that clips leaves such flat tops; natural peaks do not
    repeat a sample value. A lone sample above the level counts as a run of 1. A known
    :func:`peak_amplitude` below the level spares looking.
    """
    level = 10.0 ** (level_dbfs / 20)
    if peak is not None and peak < level:
        return 0
    longest = 0
    for channel in frames.T:
        high = np.abs(channel) >= level
        if not high.any():
            continue
        flat = high[1:] & high[:-1] & (channel[1:] == channel[:-1])
        longest = max(longest, longest_run(flat) + 1)
    return longest


def centred_sum(values: np.ndarray, reach: int) -> np.ndarray:
    """For each element, the sum of ``values`` within ``reach`` elements either side."""
    if values.size == 0:
        return values.astype(np.float64)
    spread = np.convolve(values.astype(np.float64), np.ones(2 * reach + 1), mode="full")
    return spread[reach : reach + values.size]


def frame_hop(samplerate: int) -> int:
    """The length in samples of the 10 ms frames the speech and noise measures work on."""
    return max(1, round(samplerate * FRAME_S))


def frame_sums(mono: np.ndarray, hop: int) -> tuple[np.ndarray, np.ndarray]:
    """The sum and the sum of squares (float64) of each whole frame of ``hop`` samples."""
    count = mono.size // hop
    frames = mono[: count * hop].reshape(count, hop)
    squares = np.einsum("ij,ij->i", frames, frames, dtype=np.float64)
    return np.einsum("ij->i", frames, dtype=np.float64), squares


def frame_powers(
    mono: np.ndarray, samplerate: int, sums: tuple[np.ndarray, np.ndarray] | None = None
) -> tuple[np.ndarray, int]:
    """Power of consecutive 10 ms frames around each frame's own mean, and the frame length.

    Taking out each frame's mean removes DC and slow drift (content below about 50 Hz is
    weakened too) without a filter's start-up transient and without letting the level of one
    frame leak into its neighbours, so silence next to speech measures as silence. ``sums`` are
    the signal's :func:`frame_sums` when the caller has them already.
    """
    hop = frame_hop(samplerate)
    totals, squares = sums if sums is not None else frame_sums(mono, hop)
    means = totals / hop
    return np.maximum(squares / hop - means * means, 0.0), hop


def channel_means(
    frames: np.ndarray, sums: tuple[np.ndarray, np.ndarray], hop: int
) -> tuple[np.ndarray, np.ndarray]:
    """The mean (DC) and the mean square (float64) of each channel of a non-empty (frames,
    channels) array; a single channel's come from its :func:`frame_sums` and the samples after
    the last whole frame."""
    if frames.shape[1] > 1:
        return frames.mean(axis=0), np.mean(np.square(frames, dtype=np.float64), axis=0)
    totals, squares = sums
    tail = frames[totals.size * hop :, 0]
    total = totals.sum() + np.sum(tail, dtype=np.float64)
    square = squares.sum() + np.einsum("i,i->", tail, tail, dtype=np.float64)
    return np.array([total]) / frames.shape[0], np.array([square]) / frames.shape[0]


def powers_db(powers: np.ndarray) -> np.ndarray:
    """Frame powers in dBFS, floored like :func:`db`."""
    return np.maximum(10.0 * np.log10(np.maximum(powers, 1e-30)), FLOOR_DBFS)


def integrated_lufs(mono: np.ndarray, samplerate: int, min_duration_s: float) -> float | None:
    """ITU-R BS.1770 integrated loudness of a mono signal, or None when it is too short or silent."""
    if mono.size < min_duration_s * samplerate or samplerate < 1000:
        return None
    return integrated_loudness(mono, samplerate)


def _block_size(samplerate: int, seconds: float) -> int:
    return max(64, 2 ** round(np.log2(samplerate * seconds)))


def long_term_spectrum(
    mono: np.ndarray, samplerate: int, marked: np.ndarray | None = None, hop: int = 1
) -> np.ndarray:
    """Mean one-sided power spectrum of ~43 ms Hann blocks; with a mask ``marked`` per frame of
    ``hop`` samples (per sample by default) only the blocks that are mostly marked count. At most
    64 blocks (evenly spread) are used."""
    size = _block_size(samplerate, 0.043)
    count = mono.size // size
    rows = np.arange(count)
    if marked is not None:
        rows = rows[2 * marked_in_blocks(marked, hop, size, count) > size]
    if rows.size == 0:
        return np.zeros(size // 2 + 1)
    if rows.size > _MAX_SPECTRUM_BLOCKS:
        rows = rows[np.linspace(0, rows.size - 1, _MAX_SPECTRUM_BLOCKS).astype(int)]
    blocks = mono[: count * size].reshape(count, size)[rows].astype(np.float32, copy=False)
    spectra = np.abs(forward_spectra(blocks * np.hanning(size).astype(np.float32))) ** 2
    return spectra.mean(axis=0) * np.float32(size * size)


def marked_in_blocks(marked: np.ndarray, hop: int, size: int, count: int) -> np.ndarray:
    """For ``count`` consecutive blocks of ``size`` samples, how many of their samples a mask
    given per frame of ``hop`` samples marks (what ``np.repeat(marked, hop)`` would count), from
    the mask's running count at the block edges only."""
    edges = np.arange(count + 1) * size
    frame = np.minimum(edges // hop, marked.size)
    whole = np.concatenate(([0], np.cumsum(marked, dtype=np.int64)))[frame] * hop
    inside = np.zeros(marked.size + 1, dtype=np.int64)
    inside[:-1] = marked
    return np.diff(whole + (edges - frame * hop) * inside[frame])


def spectrum_edge_hz(spectrum: np.ndarray, samplerate: int, edge_db: float) -> float | None:
    """Highest frequency whose smoothed level is within ``edge_db`` of the 200 Hz-4 kHz speech band."""
    if not spectrum.any():
        return None
    freqs = np.linspace(0.0, samplerate / 2, spectrum.size)
    width = max(1, round(200.0 / (freqs[1] - freqs[0])))
    smooth = np.convolve(spectrum, np.ones(width) / width, mode="same")
    band = smooth[(freqs >= 200.0) & (freqs <= 4000.0)]
    if band.size == 0 or not band.any():
        return None
    reference = np.percentile(band, 90)
    above = np.flatnonzero(smooth > reference * 10.0 ** (-edge_db / 10.0))
    return float(freqs[above[-1]])


def hum_line(mono: np.ndarray, samplerate: int) -> tuple[float, float, float]:
    """The stronger mains line (50 or 60 Hz with two harmonics): (frequency, level dBFS, prominence dB)."""
    size = int(samplerate)
    if mono.size < size or samplerate < 400:
        return 50.0, FLOOR_DBFS, 0.0
    count = min(1 + (mono.size - size) // (size // 2), _MAX_HUM_BLOCKS)
    starts = np.arange(count) * (size // 2)
    window = np.hanning(size)
    blocks = np.stack([mono[s : s + size] for s in starts]) * window
    # One-sided spectrum scaled so that its sum is the mean-square power (1 Hz bins).
    psd = 2.0 * np.mean(np.abs(np.fft.rfft(blocks, axis=1)) ** 2, axis=0) / (size * np.sum(window**2))
    background = float(np.median(psd[20:400])) + 1e-30
    best = (50.0, FLOOR_DBFS, 0.0)
    for mains in (50, 60):
        lines = [psd[h * mains - 2 : h * mains + 3] for h in (1, 2, 3)]
        level = db(float(sum(np.sum(line) for line in lines)))
        prominence = db(float(max(np.max(line) for line in lines)) / background)
        if level > best[1]:
            best = (float(mains), level, prominence)
    return best
