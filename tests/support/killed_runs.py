"""A process (`voicerecorder submit`, the wizard) killed at a chosen moment, and the sandbox
started again after it.

Shared by the resumption tests of the CLI, the resubmission, the SEGMENT queue and the wizard.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from voicerecorder.sandbox import SandboxServer
from voicerecorder.session.store import Session
from voicerecorder.workflow import records


def training_records_on_disk(session: Session) -> list[dict[str, Any]]:
    """The session's training records as its file holds them. Read the file only: opening the
    session would tidy the running writer's temporary files."""
    return json.loads(session.manifest_path.read_bytes())["jobs"].get(records.TRAINING) or []


def killed_when(command: list[str], ready: Callable[[], bool], timeout: float = 60.0) -> str:
    """Run ``command`` in a child process and SIGKILL it as soon as ``ready()`` holds (or the run
    ended, or ``timeout`` seconds passed). Returns its stderr."""
    process = subprocess.Popen(
        command, env=dict(os.environ), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and process.poll() is None and not ready():
            time.sleep(0.02)
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=30)
    return process.stderr.read().decode()


def submit_killed_when(folder: Path, ready: Callable[[], bool], timeout: float = 60.0) -> str:
    """``voicerecorder submit FOLDER`` killed as soon as ``ready()`` holds (see :func:`killed_when`)."""
    return killed_when([sys.executable, "-m", "voicerecorder", "submit", str(folder)], ready, timeout)


def restarted(
    sandbox: Callable[..., SandboxServer], server: SandboxServer, faults: str = ""
) -> SandboxServer:
    """``server`` stopped and started again on its port and data, with ``faults``."""
    port = int(server.base_url.rsplit(":", 1)[1])
    server.stop()
    return sandbox(faults, data=server.data_dir, port=port)
