"""The run finder behind the speech, dropout and clipping measures, against a plain loop."""

from __future__ import annotations

import numpy as np
import pytest

from voicerecorder.quality.measure import longest_run, runs


def runs_by_loop(mask: np.ndarray) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    for index, marked in enumerate(mask):
        if marked and found and sum(found[-1]) == index:
            found[-1] = (found[-1][0], found[-1][1] + 1)
        elif marked:
            found.append((index, 1))
    return found


@pytest.mark.parametrize("share", [0.0, 0.05, 0.5, 0.95, 1.0])
@pytest.mark.parametrize("size", [0, 1, 2, 7, 300])
def test_runs_are_found_with_their_starts_and_lengths(size, share):
    rng = np.random.default_rng(size)
    for _ in range(10):
        mask = rng.random(size) < share
        starts, lengths = runs(mask)
        assert list(zip(starts.tolist(), lengths.tolist(), strict=True)) == runs_by_loop(mask)
        assert longest_run(mask) == max((length for _, length in runs_by_loop(mask)), default=0)


def test_runs_at_both_ends_of_a_long_mask():
    mask = np.zeros(1_000_000, dtype=bool)
    mask[:3] = mask[500_000:500_010] = mask[-2:] = True
    starts, lengths = runs(mask)
    assert starts.tolist() == [0, 500_000, 999_998]
    assert lengths.tolist() == [3, 10, 2]
