"""The application's log files: a size-capped rotating log, and a crash file per run for native crashes.

Both live in :func:`voicerecorder.paths.log_dir`. ``voicerecorder.log`` rotates at
:data:`LOG_MAX_BYTES` and keeps :data:`LOG_BACKUPS` older files (``voicerecorder.log.1`` …).
Each run opens ``crash-<UTC time>-<pid>.log`` for :mod:`faulthandler`, which writes the Python
stack of every thread into it when the process dies of a native fault (segmentation fault,
abort, bus error…). A run that ends normally removes its empty crash file; only the
:data:`CRASHES_KEPT` newest crash files are kept.
"""

from __future__ import annotations

import atexit
import datetime as dt
import faulthandler
import logging
import os
from dataclasses import dataclass
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import TextIO

LOG_NAME = "voicerecorder.log"
LOG_MAX_BYTES = 2 * 1024 * 1024
LOG_BACKUPS = 4
CRASHES_KEPT = 5
CRASH_GLOB = "crash-*.log"
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

_crash_stream: TextIO | None = None


def rotating_handler(folder: Path) -> RotatingFileHandler:
    """A handler writing ``folder/voicerecorder.log``, rotated by size (the folder is created)."""
    folder.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(
        folder / LOG_NAME, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    return handler


def capture_crashes(folder: Path) -> Path:
    """Let :mod:`faulthandler` write a native crash of this process into a new crash file.

    Returns the file's path. Called once, on the main thread, at start-up; a later call moves
    the capture to a new file.
    """
    global _crash_stream
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    path = folder / f"crash-{stamp}-{os.getpid()}.log"
    stream = open(path, "w", encoding="utf-8")  # noqa: SIM115 (open while the process lives)
    faulthandler.enable(stream, all_threads=True)
    if _crash_stream is not None:
        _crash_stream.close()
    _crash_stream = stream
    atexit.register(_forget_empty, path, stream)
    _prune(folder)
    return path


def _forget_empty(path: Path, stream: TextIO) -> None:
    """At a normal exit: stop capturing and remove the crash file when nothing was written to it."""
    if stream is _crash_stream:
        faulthandler.disable()
    stream.close()
    if path.is_file() and path.stat().st_size == 0:
        path.unlink()


def _crash_files(folder: Path) -> list[Path]:
    """The crash files with something in them, newest first."""
    found = [path for path in folder.glob(CRASH_GLOB) if path.is_file() and path.stat().st_size > 0]
    return sorted(found, key=lambda path: path.stat().st_mtime, reverse=True)


def _prune(folder: Path) -> None:
    for old in _crash_files(folder)[CRASHES_KEPT:]:
        old.unlink(missing_ok=True)


@dataclass(frozen=True)
class Crash:
    """A native crash recorded by :func:`capture_crashes`: the file, when it was written, what it says."""

    path: Path
    when: dt.datetime
    text: str


def last_crash(folder: Path) -> Crash | None:
    """The newest crash file in ``folder`` that holds a crash, or None."""
    for path in _crash_files(folder):
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
            when = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC)
        except OSError:
            continue
        return Crash(path, when, text)
    return None
