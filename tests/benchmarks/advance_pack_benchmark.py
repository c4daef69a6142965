"""Peak memory of packing an ADVANCE session into its whole-recording zip: it stays flat.

Usage:
    python tests/benchmarks/advance_pack_benchmark.py [--minutes M] [--folder DIR]

Builds two ADVANCE sessions of 500 sentences (the edition's minimum): one of 2 s takes
(17 minutes of takes, 34 with the pauses) and one whose takes add up to ``--minutes``
(default 60), then packs each (``voicerecorder pack``) in a process of its own and prints
its peak resident set size, the long WAV's length and the time taken. Exits 1 when the long
session needs 50 MB more than the short one: packing streams take by take, while one array
of an hour would take 345 MB as 16-bit samples and 1.4 GB as floats. Building the sessions
checks every take (a few minutes). Measured: 62 MB for the 34-minute recording, 66 MB
for the hour of takes (a 77-minute recording with the pauses).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import soundfile

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from support.metastudio_zip import RATE, sentence_text, speechlike

from voicerecorder.session.form import VoiceForm
from voicerecorder.session.script import ADVANCE_MIN_SENTENCES, Script, Sentence
from voicerecorder.session.store import Session

SOURCES = 8
GROWTH_LIMIT_MB = 50.0


def build_session(folder: Path, take_s: float) -> Path:
    """An ADVANCE session of the minimum sentence count, every take ``take_s`` long."""
    sources = []
    for seed in range(SOURCES):
        path = folder / f"source-{seed}.wav"
        soundfile.write(path, speechlike(take_s, seed=seed, noise_dbfs=-70.0), RATE, subtype="PCM_16")
        sources.append(path)
    count = ADVANCE_MIN_SENTENCES
    sentences = tuple(Sentence(f"{i + 1:03d}", sentence_text(i, "CN", take_s)) for i in range(count))
    form = VoiceForm("Benchmark", "FEMALE", "NEWS", "CN")
    session = Session.create(
        form, "ADVANCE", Script("CN", sentences, "benchmark"), writer="benchmark", folder=folder / "session"
    )
    for index in range(count):
        session.add_take(index, sources[index % SOURCES])
    return session.folder


def peak_mb_of_pack(folder: Path) -> tuple[float, float]:
    """Run ``voicerecorder pack FOLDER`` alone; (its peak RSS in MB, seconds taken)."""
    script = (
        "import resource, subprocess, sys; "
        "subprocess.run([sys.executable, '-m', 'voicerecorder', 'pack', sys.argv[1]], check=True, "
        "stdout=subprocess.DEVNULL); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", script, str(folder)], capture_output=True, text=True, check=True
    )
    return int(result.stdout.split()[0]) / 1024.0, time.perf_counter() - started


def wav_minutes(folder: Path) -> float:
    [package] = (folder / "exports").glob("*.zip")
    with zipfile.ZipFile(package) as archive, archive.open(archive.namelist()[0]) as wav:
        return soundfile.info(wav).duration / 60.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=60.0)
    parser.add_argument("--folder", type=Path, default=None, help="where to build (default: a temp dir)")
    args = parser.parse_args()
    peaks = []
    with tempfile.TemporaryDirectory(dir=args.folder) as tmp:
        long_take_s = args.minutes * 60.0 / ADVANCE_MIN_SENTENCES
        for label, take_s in (("short", 2.0), ("long", long_take_s)):
            (Path(tmp) / label).mkdir()
            folder = build_session(Path(tmp) / label, take_s)
            peak, seconds = peak_mb_of_pack(folder)
            peaks.append(peak)
            print(
                f"{label:>6}: takes {take_s:4.1f} s  WAV {wav_minutes(folder):6.1f} min  "
                f"peak RSS {peak:6.1f} MB  {seconds:6.1f} s"
            )
    growth = peaks[1] - peaks[0]
    print(f"growth {growth:.1f} MB; limit {GROWTH_LIMIT_MB:.0f} MB")
    return 0 if growth < GROWTH_LIMIT_MB else 1


if __name__ == "__main__":
    raise SystemExit(main())
