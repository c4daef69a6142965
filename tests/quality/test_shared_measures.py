"""The shortcuts the take checker takes through its measures, against the plain computation."""

from __future__ import annotations

import numpy as np
import pytest

from voicerecorder.quality.measure import marked_in_blocks


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
