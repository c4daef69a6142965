"""Peak memory of ``voicerecorder check`` on long WAV files: it must stay under 300 MB.

Usage:
    python tests/benchmarks/checker_memory_benchmark.py [--hours H] [--folder DIR]

Writes a 48 kHz mono 16-bit WAV of ``--hours`` (default 2, about 690 MB) block by block, and
one of exactly the longest length that is read (``MAX_SAMPLES``), then runs ``voicerecorder
check`` on each in its own process and prints that process's peak resident set size. The long
file is refused with a message; the longest accepted one is checked in full. Exits 1 when a
peak is 300 MB or more.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import soundfile

from voicerecorder.audio.wavfile import MAX_SAMPLES

RATE = 48000
LIMIT_MB = 300.0
BLOCK = RATE * 60


def write_noise(path: Path, frames: int) -> None:
    """A WAV of ``frames`` frames of -40 dBFS noise, written one minute at a time."""
    rng = np.random.default_rng(0)
    with soundfile.SoundFile(str(path), "w", RATE, 1, subtype="PCM_16", format="WAV") as out:
        for start in range(0, frames, BLOCK):
            out.write(rng.normal(0.0, 0.01, min(BLOCK, frames - start)).astype(np.float32))


def peak_mb_of_check(path: Path) -> tuple[float, int, str]:
    """Run ``voicerecorder check PATH`` alone; (its peak RSS in MB, exit code, first stderr line)."""
    script = (
        "import resource, subprocess, sys; "
        "r = subprocess.run([sys.executable, '-m', 'voicerecorder', 'check', sys.argv[1]], "
        "capture_output=True, text=True); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode); "
        "print(r.stderr.strip().splitlines()[0] if r.stderr.strip() else '')"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(path)], capture_output=True, text=True, check=True
    )
    first, message = [*result.stdout.splitlines(), ""][:2]
    kilobytes, code = first.split()
    return int(kilobytes) / 1024.0, int(code), message


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hours", type=float, default=2.0)
    parser.add_argument(
        "--folder", type=Path, default=None, help="where to write the WAVs (default: a temp dir)"
    )
    args = parser.parse_args()
    worst = 0.0
    with tempfile.TemporaryDirectory(dir=args.folder) as tmp:
        cases = (("longest read", MAX_SAMPLES), (f"{args.hours:g} h", round(args.hours * 3600 * RATE)))
        for label, frames in cases:
            path = Path(tmp) / "long.wav"
            write_noise(path, frames)
            peak, code, message = peak_mb_of_check(path)
            worst = max(worst, peak)
            print(
                f"{label:>14}: {frames / RATE / 60:7.1f} min  peak RSS {peak:6.1f} MB  exit {code}  {message}"
            )
            path.unlink()
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print(f"benchmark process itself: {own:.1f} MB; limit {LIMIT_MB:.0f} MB")
    return 0 if worst < LIMIT_MB else 1


if __name__ == "__main__":
    sys.exit(main())
