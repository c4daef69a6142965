"""How long ``voicerecorder --version`` takes to start, next to ``python -c pass`` in the same run.

Usage:
    python tests/benchmarks/cli_start_benchmark.py [--runs N]

Each figure is the median wall time of ``--runs`` runs (default 7), run alternately so that a
busy moment of the machine weighs on both. The goal is 0.15 s for ``--version``.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

GOAL_S = 0.15


def wall_s(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def voicerecorder_command() -> list[str]:
    """The installed ``voicerecorder`` script beside this interpreter, else ``python -m voicerecorder``."""
    script = Path(sys.executable).with_name("voicerecorder")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "voicerecorder"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "voicerecorder --version": [*voicerecorder_command(), "--version"],
        "voicerecorder --help": [*voicerecorder_command(), "--help"],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            times[name].append(wall_s(command))
    for name, values in times.items():
        print(f"{name:<26} {statistics.median(values):.3f} s median of {runs} (min {min(values):.3f} s)")
    version = statistics.median(times["voicerecorder --version"])
    verdict = "met" if version <= GOAL_S else "NOT met"
    print(f"goal --version <= {GOAL_S:.2f} s: {verdict}")


if __name__ == "__main__":
    main()
