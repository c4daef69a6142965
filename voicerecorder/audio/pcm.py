"""16-bit PCM, the format takes are captured and stored in."""

from __future__ import annotations

import numpy as np

# The scale libsndfile and PortAudio read PCM-16 with: full scale 1.0 is 32768.
FULL_SCALE = 32768.0


def to_pcm16(samples: np.ndarray) -> np.ndarray:
    """Float samples (1.0 = full scale) as 16-bit integers, rounded and clipped."""
    scaled = np.rint(np.asarray(samples, dtype=np.float32) * np.float32(FULL_SCALE))  # exact: a power of two
    return np.clip(scaled, -32768, 32767).astype(np.int16)
