"""The shortcuts the take checker takes through its measures, against the plain computation."""

from __future__ import annotations

import numpy as np
import pytest

from voicerecorder.quality.loudness import block_powers, k_weighted
from voicerecorder.quality.measure import (
    channel_means,
    flat_top_run,
    frame_powers,
    frame_sums,
    marked_in_blocks,
    peak_amplitude,
)


@pytest.mark.parametrize(
    ("frames", "hop", "size", "count"),
    [(100, 480, 2048, 23), (7, 3, 4, 5), (0, 10, 8, 3), (50, 441, 2048, 10)],
)
def test_marked_samples_per_block_match_the_mask_spread_over_its_frames(frames, hop, size, count):
    rng = np.random.default_rng(frames + hop)
    for share in (0.0, 0.3, 0.7, 1.0):
        marked = rng.random(frames) < share
        spread = np.zeros(count * size, dtype=np.int64)
        per_sample = np.repeat(marked, hop)[: spread.size]
        spread[: per_sample.size] = per_sample
        expected = spread.reshape(count, size).sum(axis=1)
        assert marked_in_blocks(marked, hop, size, count).tolist() == expected.tolist()


@pytest.mark.parametrize("size", [1, 479, 480, 481, 48_007])
@pytest.mark.parametrize("channels", [1, 2])
def test_channel_means_from_frame_sums_match_the_plain_means(size, channels):
    rng = np.random.default_rng(size)
    frames = (rng.normal(0.01, 0.2, (size, channels))).astype(np.float32)
    mono = frames[:, 0] if channels == 1 else frames.mean(axis=1)
    offsets, powers = channel_means(frames, frame_sums(mono, 480), 480)
    assert offsets == pytest.approx(frames.astype(np.float64).mean(axis=0), abs=1e-6)
    assert powers == pytest.approx(np.mean(np.square(frames, dtype=np.float64), axis=0), rel=1e-12)


def test_frame_sums_and_powers_of_whole_frames():
    mono = np.concatenate([np.full(480, 0.5), np.tile([0.25, -0.25], 240), [1.0]]).astype(np.float32)
    totals, squares = frame_sums(mono, 480)
    assert totals.tolist() == [240.0, 0.0]
    assert squares.tolist() == [120.0, 30.0]
    powers, hop = frame_powers(mono, 48000, (totals, squares))
    assert hop == 480
    assert powers.tolist() == [0.0, 0.0625]
    assert frame_powers(mono, 48000)[0].tolist() == [0.0, 0.0625]


@pytest.mark.parametrize("samples", [[0.0], [0.5, -0.75], [-0.1, 0.2, 0.05]])
def test_peak_amplitude_is_the_largest_absolute_sample(samples):
    array = np.array(samples, dtype=np.float32)[:, np.newaxis]
    assert peak_amplitude(array) == np.abs(array).max()
    assert peak_amplitude(np.zeros((0, 1), dtype=np.float32)) == 0.0


def test_flat_top_search_is_spared_only_below_the_level():
    frames = np.array([0.1, 0.99, 0.99, 0.99, 0.2], dtype=np.float32)[:, np.newaxis]
    assert flat_top_run(frames, -1.0) == 3
    assert flat_top_run(frames, -1.0, peak_amplitude(frames)) == 3
    assert flat_top_run(frames, -1.0, 0.5) == 0


@pytest.mark.parametrize(
    ("seconds", "rate"), [(0.45, 48000), (2.5, 48000), (10.0001, 48000), (7.3, 11025), (3.0, 44100)]
)
def test_block_powers_summed_pass_by_pass_match_the_plain_block_means(seconds, rate):
    mono = np.random.default_rng(rate).normal(0.0, 0.1, round(seconds * rate)).astype(np.float32)
    mono[: mono.size // 3] *= 0.01
    squares = np.square(k_weighted(mono, rate), dtype=np.float64)
    count = round((mono.size / rate - 0.4) / 0.1) + 1
    expected = [
        squares[int(k * 0.1 * rate) : min(int((k * 0.1 + 0.4) * rate), mono.size)].sum() / (0.4 * rate)
        for k in range(count)
    ]
    assert block_powers(mono, rate) == pytest.approx(expected, rel=1e-6)


def test_k_weighting_in_passes_is_the_same_filter_everywhere_in_a_long_take():
    # The filter runs a few segments at a time: an impulse anywhere, across every pass boundary,
    # comes out as the same response as one at the start, and nothing precedes it.
    rate, length = 48000, 4000
    first = np.zeros(6 * rate, dtype=np.float32)
    first[0] = 1.0
    response = k_weighted(first, rate)[:length]
    for position in range(1, first.size - length, round(0.173 * rate)):
        impulse = np.zeros_like(first)
        impulse[position] = 1.0
        weighted = k_weighted(impulse, rate)
        assert np.abs(weighted[:position]).max() < 1e-6
        assert np.abs(weighted[position : position + length] - response).max() < 1e-6
