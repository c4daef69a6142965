"""Writes one take into ``<name>.<pid>-<random>.partial.wav``, keeping the WAV header valid after every write.

libsndfile rewrites the header after every write (SFC_SET_UPDATE_HEADER_AUTO), so a process
killed mid-take leaves a file any WAV reader opens, missing only the audio not yet handed to
``write`` (the capture engine writes every ``capture.PUMP_INTERVAL_S``). A clean finish closes,
fsyncs and atomically renames the partial file to the final name.

While it writes, the writer holds an OS lock on ``<partial name>.lock`` (``filelock``; the OS
drops it when the process dies), taken before the partial file exists and let go after it is
renamed. Crash recovery only touches a partial file whose lock it can take (:func:`claim_abandoned`),
so a live recording is never taken over. The partial file is private (0600 on POSIX).
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import filelock
import numpy as np
import soundfile

from voicerecorder.durable import fsync_directory
from voicerecorder.errors import UserFacingError, file_problem
from voicerecorder.private import PRIVATE_FILE_MODE, create_private_file, unique_token
from voicerecorder.text import Bilingual

PARTIAL_SUFFIX = ".partial.wav"
LOCK_SUFFIX = ".lock"
SFC_SET_UPDATE_HEADER_AUTO = 0x1061
# ``take-1.1234-0a1b2c3d.partial.wav``; ``take-1.partial.wav`` (no token) is what older versions wrote.
_PARTIAL_NAME = re.compile(r"(?P<stem>.+?)(?:\.\d+-[0-9a-f]{8})?" + re.escape(PARTIAL_SUFFIX))


def partial_path_for(final_path: Path) -> Path:
    """A new partial name for ``final_path``: ``take-1.wav`` -> ``take-1.<pid>-<random>.partial.wav``."""
    return final_path.with_name(f"{final_path.stem}.{unique_token()}{PARTIAL_SUFFIX}")


def final_path_for(partial_path: Path) -> Path:
    """``take-1.<pid>-<random>.partial.wav`` (or ``take-1.partial.wav``) -> ``take-1.wav``."""
    match = _PARTIAL_NAME.fullmatch(partial_path.name)
    stem = match.group("stem") if match else partial_path.name[: -len(PARTIAL_SUFFIX)]
    return partial_path.with_name(stem + ".wav")


def _take_lock(partial_path: Path) -> filelock.BaseFileLock:
    lock_path = partial_path.with_name(partial_path.name + LOCK_SUFFIX)
    # Not thread-local: a take is started, finished or cancelled on different threads.
    return filelock.FileLock(lock_path, mode=PRIVATE_FILE_MODE, thread_local=False)


def writer_alive(partial_path: Path) -> bool:
    """Whether a process is still writing ``partial_path``; creates and changes nothing (a lock
    file this process cannot open counts as no writer: the file is then only read)."""
    lock = _take_lock(partial_path)
    if not Path(lock.lock_file).exists():
        return False
    try:
        lock.acquire(timeout=0)
    except filelock.Timeout:
        return True
    except OSError:
        return False
    lock.release()
    return False


@contextlib.contextmanager
def claim_abandoned(partial_path: Path) -> Iterator[bool]:
    """Yield True while holding the lock of ``partial_path`` when its writer is gone and the file
    is still there (it may be repaired and renamed then); False when a writer still holds it, or
    when its lock cannot be made (a read-only folder, where it cannot be repaired either)."""
    lock = _take_lock(partial_path)
    try:
        lock.acquire(timeout=0)
    except (filelock.Timeout, OSError):
        yield False
        return
    try:
        yield partial_path.exists()
    finally:
        _let_go(lock)


def _let_go(lock: filelock.BaseFileLock) -> None:
    lock.release()
    with contextlib.suppress(OSError):
        Path(lock.lock_file).unlink(missing_ok=True)


def _sf_command(sound_file: soundfile.SoundFile, command: int, value: int) -> int:
    # python-soundfile has no public wrapper for the header command (version pinned).
    return int(soundfile._snd.sf_command(sound_file._file, command, soundfile._ffi.NULL, value))


def _sf_write(sound_file: soundfile.SoundFile, block: np.ndarray) -> None:
    """Hand a contiguous 1-D int16 ``block`` to libsndfile in one call, in place.

    ``SoundFile.write`` adds two seeks and the checks around them to every write; libsndfile's
    ``sf_writef_short`` alone writes the audio and (header auto-update) the header. A short
    write raises LibsndfileError with libsndfile's error code (a full disk).
    """
    if block.dtype != np.int16 or not block.flags.c_contiguous:
        raise TypeError(f"takes are written from contiguous int16 blocks, not {block.dtype} ones")
    data = soundfile._ffi.cast("short *", soundfile._ffi.from_buffer(block))
    written = soundfile._snd.sf_writef_short(sound_file._file, data, len(block))
    if written != len(block):
        code = soundfile._snd.sf_error(sound_file._file)
        raise soundfile.LibsndfileError(code, f"wrote {written} of {len(block)} frames: ")


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
        self._lock = _take_lock(self.partial_path)
        created = False
        try:
            self._lock.acquire(timeout=0)
            os.close(create_private_file(self.partial_path))
            created = True
            self._file = soundfile.SoundFile(
                self.partial_path, "w", samplerate=samplerate, channels=1, subtype="PCM_16", format="WAV"
            )
        except (OSError, soundfile.LibsndfileError, filelock.Timeout) as error:
            if created:
                self.partial_path.unlink(missing_ok=True)
            self._release()
            # Named by the file the person asked for: the partial file's name is ours.
            cause = _os_cause(error, self.partial_path)
            raise TakeWriteError(self.final_path, cause, kept=False) from error
        _sf_command(self._file, SFC_SET_UPDATE_HEADER_AUTO, 1)

    def write(self, block: np.ndarray) -> None:
        """Append a 1-D int16 block; a failure is reported through ``on_error``, never raised."""
        if self.error is not None or self._closed:
            return
        try:
            _sf_write(self._file, block)
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
        finally:
            self._release()
        return self.final_path

    def abort(self) -> None:
        """Stop writing and delete the partial file."""
        self._close()
        self.partial_path.unlink(missing_ok=True)
        self._release()

    def _release(self) -> None:
        if self._lock.is_locked:
            _let_go(self._lock)

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
