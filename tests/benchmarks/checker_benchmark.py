"""How long the take checker needs for a 10 s take, next to ``sox FILE -n stats`` on the same files.

Usage:
    python tests/benchmarks/checker_benchmark.py [--runs N] [FILE.wav ...]

Without files it synthesises takes with espeak-ng (English and Chinese), resampled to 48 kHz,
looped to about 10 s with half a second of silence at each end and a -70 dBFS noise floor.
Each figure is the median (and minimum) wall time over ``--runs`` runs: the checker's includes
reading the WAV; sox's includes starting the process, which is what a user of sox pays too. The
checker's CPU time is printed beside its wall time, and the load average at the end: on a busy
machine the wall time grows with the wait for a core.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import soundfile
import soxr

from voicerecorder.audio.wavfile import read_audio
from voicerecorder.quality.checker import check_take

RATE = 48000
SENTENCES = (
    ("en", "Our new store opens on Saturday morning, and the first fifty visitors receive a free gift."),
    ("en", "Could you tell me whether the train to the airport still leaves every twenty minutes?"),
    ("cmn", "欢迎来到我们的直播间，今天为大家带来一款轻便耐用的旅行背包。"),
    ("cmn", "请问明天上午的会议是否改到了三楼的大会议室？"),
)


def synthesise(folder: Path) -> list[Path]:
    """Write one ~10 s 48 kHz mono take per sentence into ``folder``."""
    files = []
    rng = np.random.default_rng(0)
    for index, (voice, text) in enumerate(SENTENCES):
        raw = folder / f"raw-{index}.wav"
        subprocess.run(["espeak-ng", "-v", voice, "-w", str(raw), text], check=True, capture_output=True)
        samples, rate = soundfile.read(str(raw), dtype="float32")
        speech = soxr.resample(samples, rate, RATE).astype(np.float32)
        speech *= np.float32(0.5 / np.abs(speech).max())
        body = np.tile(speech, int(np.ceil(9.0 * RATE / speech.size)))[: 9 * RATE]
        silence = np.zeros(RATE // 2, np.float32)
        take = np.concatenate([silence, body, silence])
        take += rng.normal(0.0, 10 ** (-70 / 20), take.size).astype(np.float32)
        path = folder / f"take-{index}.wav"
        soundfile.write(str(path), take, RATE, subtype="PCM_24")
        files.append(path)
    return files


def time_checker(path: Path, runs: int) -> tuple[list[float], list[float]]:
    """Wall and CPU time of each read + check: on a shared machine the wall time also counts
    waiting for a core, the CPU time does not."""
    timings, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        audio = read_audio(path)
        check_take(audio.samples, audio.samplerate)
        timings.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return timings, cpu


def time_sox(path: Path, runs: int) -> list[float] | None:
    sox = shutil.which("sox")
    if sox is None:
        return None
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sox, str(path), "-n", "stats"], check=True, capture_output=True)
        timings.append(time.perf_counter() - start)
    return timings


def _ms(timings: list[float] | None) -> str:
    if not timings:
        return "      n/a"
    return f"{statistics.median(timings) * 1000:7.1f} ms (min {min(timings) * 1000:6.1f})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="WAV files (default: synthesised takes)")
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        files = args.files or synthesise(Path(scratch))
        audio = read_audio(files[0])
        check_take(audio.samples, audio.samplerate)  # first call loads filters and the VAD
        columns = ("read + check_take", "its CPU time", "sox FILE -n stats")
        print(f"{'file':<16} {'seconds':>7}  " + " ".join(f"{column:<28}" for column in columns))
        for path in files:
            seconds = soundfile.info(str(path)).duration
            checker, cpu = time_checker(path, args.runs)
            sox = time_sox(path, args.runs)
            print(f"{path.name:<16} {seconds:7.2f}  {_ms(checker):<28} {_ms(cpu):<28} {_ms(sox):<28}")
        print(f"load average (1 min): {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    sys.exit(main())
