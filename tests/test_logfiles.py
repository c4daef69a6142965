"""The application log rotates by size; a native crash leaves a crash file beside it."""

import logging
import os
import subprocess
import sys
from pathlib import Path

from voicerecorder.logfiles import (
    CRASHES_KEPT,
    LOG_BACKUPS,
    LOG_MAX_BYTES,
    LOG_NAME,
    last_crash,
    rotating_handler,
)

ROOT = Path(__file__).resolve().parent.parent


def test_the_log_is_capped_in_size_and_keeps_a_few_files(tmp_path):
    handler = rotating_handler(tmp_path / "logs")
    logger = logging.getLogger("voicerecorder.test-rotation")
    logger.propagate = False
    logger.addHandler(handler)
    try:
        line = "x" * 1000
        for _ in range((LOG_BACKUPS + 2) * LOG_MAX_BYTES // len(line)):
            logger.warning(line)
    finally:
        logger.removeHandler(handler)
        handler.close()
    files = sorted(path.name for path in (tmp_path / "logs").iterdir())
    assert files == [LOG_NAME] + [f"{LOG_NAME}.{n}" for n in range(1, LOG_BACKUPS + 1)]
    assert all((tmp_path / "logs" / name).stat().st_size <= LOG_MAX_BYTES for name in files)


def run_child(folder: Path, then: str) -> subprocess.CompletedProcess:
    """A Python process that captures crashes into ``folder`` and then runs ``then``."""
    start = "from pathlib import Path; from voicerecorder.logfiles import capture_crashes"
    code = f"{start}; capture_crashes(Path({str(folder)!r})); {then}"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)


def test_a_segfault_leaves_a_crash_file_with_the_stack(tmp_path):
    child = run_child(tmp_path, "import ctypes; ctypes.string_at(0)")
    assert child.returncode != 0
    crash = last_crash(tmp_path)
    assert crash is not None
    assert crash.path.name.startswith("crash-")
    assert "Segmentation fault" in crash.text
    assert "string_at" in crash.text


def test_a_normal_exit_leaves_no_crash_file(tmp_path):
    assert run_child(tmp_path, "print('fine')").returncode == 0
    assert list(tmp_path.glob("crash-*")) == []
    assert last_crash(tmp_path) is None


def test_only_the_newest_crash_files_are_kept(tmp_path):
    for number in range(CRASHES_KEPT + 2):
        old = tmp_path / f"crash-2026010{number}T000000Z-{number}.log"
        old.write_text(f"Fatal Python error: crash {number}\n", encoding="utf-8")
        os.utime(old, (1_700_000_000 + number, 1_700_000_000 + number))
    assert run_child(tmp_path, "pass").returncode == 0
    kept = sorted(p.name for p in tmp_path.glob("crash-*"))
    assert len(kept) == CRASHES_KEPT
    assert "crash-20260100T000000Z-0.log" not in kept
    assert last_crash(tmp_path).text == f"Fatal Python error: crash {CRASHES_KEPT + 1}\n"
