"""Real processes around a session: one that holds its lock, one that is writing a take, and many
commands started at once."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

HOLD_SCRIPT = """
import sys, time
from pathlib import Path
from voicerecorder.session.store import Session
session = Session.open(Path(sys.argv[1]), writer=sys.argv[2])
print("held", flush=True)
time.sleep(120)
"""


TAKE_WRITER_SCRIPT = """
import sys, time
from pathlib import Path
import numpy as np
from voicerecorder.audio.pcm import to_pcm16
from voicerecorder.audio.takewriter import TakeWriter
writer = TakeWriter(Path(sys.argv[1]), 48000, on_error=print)
block = to_pcm16(0.5 * np.sin(np.arange(4800) / 48000 * 2 * np.pi * 440))
for n in range(1000):
    writer.write(block)
    if n == 25:
        print("written", flush=True)
    time.sleep(0.01)
"""


def start_take_writer(final: Path) -> subprocess.Popen:
    """A process writing the take ``final`` (through its partial file); returns once some audio is written."""
    process = subprocess.Popen(
        [sys.executable, "-c", TAKE_WRITER_SCRIPT, str(final)], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout.readline().strip() == "written"
    return process


@contextlib.contextmanager
def writing_take(final: Path) -> Iterator[subprocess.Popen]:
    """A process writing the take ``final`` for the block; killed on exit."""
    process = start_take_writer(final)
    try:
        yield process
    finally:
        process.kill()
        process.wait(30)
        process.stdout.close()


@contextlib.contextmanager
def holding_process(folder: Path, command: str = "voicerecorder import") -> Iterator[subprocess.Popen]:
    """A separate process that holds ``folder``'s lock as ``command`` until it is killed (on exit)."""
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD_SCRIPT, str(folder), command], stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout.readline().strip() == "held"
        yield process
    finally:
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
        process.wait(30)
        process.stdout.close()


@dataclass(frozen=True)
class Finished:
    """One command's exit code and its stderr."""

    code: int
    stderr: str


def run_at_once(commands: Sequence[Sequence[str]], env: dict[str, str] | None = None) -> list[Finished]:
    """Start every ``voicerecorder`` command line in ``commands`` at once and wait for them all."""
    environment = dict(os.environ, **(env or {}))
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "voicerecorder", *command],
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for command in commands
    ]
    finished = []
    for process in processes:
        _, stderr = process.communicate(timeout=300)
        finished.append(Finished(process.returncode, stderr))
    return finished
