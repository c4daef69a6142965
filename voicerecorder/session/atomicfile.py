"""Replace a file so that readers and crashes only ever see the old or the new content."""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from voicerecorder.durable import fsync_directory
from voicerecorder.private import create_private_file, unique_name

TEMP_SUFFIX = ".tmp"
# A save takes milliseconds; a temporary file this old belongs to no live writer.
STALE_AFTER_S = 600.0


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[BinaryIO]:
    """Yield a binary file that becomes ``path`` only when the block finishes without error.

    The data goes to a new private (0600) temporary file in the same folder, named
    ``.<name>.<pid>-<random>.tmp`` so that no two writers share it, is fsynced, renamed over
    ``path`` with ``os.replace`` and the folder is fsynced. On any error the temporary file is
    removed and ``path`` is untouched.
    """
    temp = path.with_name(unique_name(path, TEMP_SUFFIX))
    try:
        with open(create_private_file(temp), "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    fsync_directory(path.parent)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (see :func:`atomic_output`)."""
    with atomic_output(path) as stream:
        stream.write(data)


def remove_stale_temps(path: Path, now: float | None = None) -> None:
    """Delete temporary files a crashed :func:`atomic_output` left beside ``path``.

    Only files older than ``STALE_AFTER_S`` go: another process may be saving right now.
    """
    cutoff = (time.time() if now is None else now) - STALE_AFTER_S
    for stale in path.parent.glob(f".{path.name}.*{TEMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            if stale.stat().st_mtime < cutoff:
                stale.unlink()
