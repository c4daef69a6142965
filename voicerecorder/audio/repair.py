"""Finding takes left unfinished by a crash (``*.partial.wav``) and repairing their WAV headers.

A repair rewrites the RIFF and ``data`` chunk sizes from the file's length (trimmed to whole
frames), which recovers everything that reached the disk.
"""

from __future__ import annotations

import enum
import os
import struct
from dataclasses import dataclass
from pathlib import Path

from voicerecorder.audio.takewriter import PARTIAL_SUFFIX, claim_abandoned, final_path_for


class RepairStatus(enum.Enum):
    """What was found in a leftover partial file."""

    INTACT = "intact"
    REPAIRED = "repaired"
    UNREPAIRABLE = "unrepairable"


@dataclass(frozen=True)
class RepairResult:
    """The outcome for one partial file; ``path`` is where the file is now."""

    path: Path
    status: RepairStatus
    frames: int
    samplerate: int = 0
    detail: str = ""

    @property
    def duration_s(self) -> float:
        """Seconds of audio recovered."""
        return self.frames / self.samplerate if self.samplerate else 0.0


@dataclass(frozen=True)
class _Layout:
    riff_size: int
    data_size_offset: int
    data_start: int
    data_size: int
    block_align: int
    samplerate: int


def find_partials(folder: Path, recursive: bool = True) -> list[Path]:
    """Every ``*.partial.wav`` under ``folder``, sorted."""
    pattern = f"*{PARTIAL_SUFFIX}"
    found = folder.rglob(pattern) if recursive else folder.glob(pattern)
    return sorted(path for path in found if path.is_file())


def repair_partial(path: Path, finalise: bool = False) -> RepairResult:
    """Fix the header of one partial file; with ``finalise`` also give it its final name.

    A finalised file never overwrites an existing one: it becomes ``<name>.recovered-N.wav``.
    """
    length = path.stat().st_size
    with open(path, "rb+") as handle:
        layout = _read_layout(handle.read(min(length, 1 << 16)))
        if layout is None:
            return RepairResult(path, RepairStatus.UNREPAIRABLE, 0, detail="no WAV format header")
        frames = (length - layout.data_start) // layout.block_align
        data_size = frames * layout.block_align
        end = layout.data_start + data_size
        status = RepairStatus.INTACT
        if layout.data_size != data_size or layout.riff_size != end - 8 or length != end:
            handle.truncate(end)
            handle.seek(4)
            handle.write(struct.pack("<I", end - 8))
            handle.seek(layout.data_size_offset)
            handle.write(struct.pack("<I", data_size))
            handle.flush()
            os.fsync(handle.fileno())
            status = RepairStatus.REPAIRED
    if finalise:
        path = _finalise(path)
    return RepairResult(path, status, frames, layout.samplerate)


def repair_partials(folder: Path, recursive: bool = True, finalise: bool = False) -> list[RepairResult]:
    """Repair every partial file under ``folder`` whose writer is gone (see :func:`repair_partial`);
    takes still being recorded are left alone."""
    results = []
    for path in find_partials(folder, recursive):
        with claim_abandoned(path) as abandoned:
            if abandoned:
                results.append(repair_partial(path, finalise=finalise))
    return results


def _finalise(path: Path) -> Path:
    target = final_path_for(path)
    number = 1
    while target.exists():
        target = target.with_name(f"{final_path_for(path).stem}.recovered-{number}.wav")
        number += 1
    os.replace(path, target)
    return target


def _read_layout(header: bytes) -> _Layout | None:
    if len(header) < 12 or header[:4] != b"RIFF" or header[8:12] != b"WAVE":
        return None
    riff_size = struct.unpack_from("<I", header, 4)[0]
    offset, block_align, samplerate = 12, 0, 0
    while offset + 8 <= len(header):
        chunk_id = header[offset : offset + 4]
        size = struct.unpack_from("<I", header, offset + 4)[0]
        if chunk_id == b"fmt " and offset + 8 + 14 <= len(header):
            samplerate = struct.unpack_from("<I", header, offset + 8 + 4)[0]
            block_align = struct.unpack_from("<H", header, offset + 8 + 12)[0]
        if chunk_id == b"data":
            if block_align == 0:
                return None
            return _Layout(riff_size, offset + 4, offset + 8, size, block_align, samplerate)
        offset += 8 + size + (size & 1)
    return None
