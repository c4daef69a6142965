"""Writes one take into ``<name>.partial.wav``, keeping the WAV header valid after every write.

libsndfile rewrites the header after every write (SFC_SET_UPDATE_HEADER_AUTO), so a process
killed mid-take leaves a file any WAV reader opens, missing only the audio not yet handed to
``write`` (the capture engine writes every ``capture.PUMP_INTERVAL_S``). A clean finish closes,
fsyncs and atomically renames the partial file to the final name.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import numpy as np
import soundfile

from voicerecorder.durable import fsync_directory
from voicerecorder.errors import UserFacingError, file_problem
from voicerecorder.text import Bilingual

PARTIAL_SUFFIX = ".partial.wav"
SFC_SET_UPDATE_HEADER_AUTO = 0x1061


def partial_path_for(final_path: Path) -> Path:
    """``take-1.wav`` -> ``take-1.partial.wav``."""
    return final_path.with_name(final_path.stem + PARTIAL_SUFFIX)


def final_path_for(partial_path: Path) -> Path:
    """``take-1.partial.wav`` -> ``take-1.wav``."""
    return partial_path.with_name(partial_path.name[: -len(PARTIAL_SUFFIX)] + ".wav")


def _sf_command(sound_file: soundfile.SoundFile, command: int, value: int) -> int:
    # python-soundfile has no public wrapper for the header command (version pinned).
    return int(soundfile._snd.sf_command(sound_file._file, command, soundfile._ffi.NULL, value))


_KEPT = Bilingual(" The part recorded so far was kept.", "已录制的部分已保留。")


class TakeWriteError(UserFacingError):
    """Writing or finalising a take failed (disk full, file removed, no permission).

    ``error`` is the cause: an OSError gives its own sentence (read-only folder, no permission,
    disk full); a libsndfile error while writing means the disk is full. ``kept`` says whether
    audio was written before it (the message then says it was kept).
    """

    def __init__(self, path: Path, error: BaseException | str, *, kept: bool = True) -> None:
        detail = str(error) or type(error).__name__
        if isinstance(error, OSError):
            message = file_problem(error, path)
        else:
            message = Bilingual(
                f"Could not save the recording to {path}: {detail}. Free some disk space or choose "
                "another folder.",
                f"无法将录音保存到 {path}：{detail}。请释放磁盘空间或选择其他文件夹。",
            )
        if kept:
            message = Bilingual(message.en + _KEPT.en, message.zh + _KEPT.zh)
        super().__init__(message)
        self.detail = detail


class TakeWriter:
    """Writes int16 mono blocks to a crash-safe PCM-16 WAV, synchronously (no conversion).

    Not thread-safe: one thread at a time (the capture engine calls it under its lock).
    ``on_error(error)`` is called once, on the writing thread, when a write fails; later
    blocks are discarded and what was written before stays readable.
    """

    def __init__(self, final_path: Path, samplerate: int, on_error: Callable[[TakeWriteError], None]) -> None:
        self.final_path = final_path
        self.partial_path = partial_path_for(final_path)
        self.samplerate = samplerate
        self.frames_written = 0
        self.error: TakeWriteError | None = None
        self._on_error = on_error
        self._closed = False
        try:
            self._file = soundfile.SoundFile(
                self.partial_path, "x", samplerate=samplerate, channels=1, subtype="PCM_16", format="WAV"
            )
        except (OSError, soundfile.LibsndfileError) as error:
            raise TakeWriteError(
                self.partial_path, _os_cause(error, self.partial_path), kept=False
            ) from error
        _sf_command(self._file, SFC_SET_UPDATE_HEADER_AUTO, 1)

    def write(self, block: np.ndarray) -> None:
        """Append a 1-D int16 block; a failure is reported through ``on_error``, never raised."""
        if self.error is not None or self._closed:
            return
        try:
            self._file.write(block)
            self.frames_written += len(block)
        except Exception as error:
            self._fail(error)

    def finish(self) -> Path:
        """Close, fsync and rename to the final name; returns it (raises TakeWriteError).

        After a write error the partial file still holds everything written before it and is
        renamed too, so the take is kept; ``error`` then says what went wrong.
        """
        self._close()
        try:
            _fsync(self.partial_path)
            os.replace(self.partial_path, self.final_path)
            fsync_directory(self.final_path.parent)
        except OSError as error:
            raise TakeWriteError(self.final_path, error) from error
        return self.final_path

    def abort(self) -> None:
        """Stop writing and delete the partial file."""
        self._close()
        self.partial_path.unlink(missing_ok=True)

    def _close(self) -> None:
        if self._closed:
            return
        self._closed = True
        try:
            self._file.close()
        except (OSError, RuntimeError, soundfile.LibsndfileError) as error:
            self._fail(error)

    def _fail(self, error: BaseException) -> None:
        if self.error is None:
            self.error = TakeWriteError(self.partial_path, error)
            self._on_error(self.error)


def _os_cause(error: BaseException, path: Path) -> BaseException:
    """The OSError behind a libsndfile failure to create ``path`` (libsndfile says only "System
    error."), found by creating the file the same way; ``error`` itself when that works."""
    if isinstance(error, OSError):
        return error
    try:
        with open(path, "xb"):
            pass
    except OSError as cause:
        return cause
    path.unlink(missing_ok=True)
    return error


def _fsync(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())
