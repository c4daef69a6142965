"""One writer per session: an exclusive OS lock on the session folder, and who holds it.

The lock is a ``filelock`` lock (``flock`` on POSIX, ``LockFileEx`` on Windows) on
``<session>/.session.lock``. The OS drops it when the holding process ends, however it ends,
so a crash never leaves a stale lock. Once it holds the lock, a process writes who it is
(command, process id, since when) to ``.session-holder.json`` beside it, so that a second
writer can name the holder; that file is only information, the OS lock is the truth.

Within one process the lock is shared and counted: every :class:`SessionLock` of the same
folder in a process holds it together, and the last release lets it go.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import filelock

from voicerecorder.errors import EXIT_BUSY, EXIT_FAILED, UserFacingError, file_problem
from voicerecorder.private import PRIVATE_FILE_MODE
from voicerecorder.session.atomicfile import atomic_write_bytes
from voicerecorder.session.manifest import utc_now
from voicerecorder.text import Bilingual

LOCK_NAME = ".session.lock"
HOLDER_NAME = ".session-holder.json"
LOCK_FILES = frozenset({LOCK_NAME, HOLDER_NAME})
# How long a second writer waits for the holder to finish before it gives up.
WAIT_S = 5.0
WAIT_ENV = "VOICERECORDER_LOCK_WAIT_S"
# A new holder writes its name within milliseconds of taking the lock; a refused writer gives it this long.
HOLDER_GRACE_S = 1.0
# Guards the in-process count of the shared lock while it is checked and changed.
_COUNTING = threading.Lock()


@dataclass(frozen=True)
class Holder:
    """Who holds a session's lock: the command (e.g. ``voicerecorder import``), its process id, since when."""

    command: str
    pid: int
    since: str

    def to_json(self) -> bytes:
        return json.dumps({"command": self.command, "pid": self.pid, "since": self.since}).encode("utf-8")

    @classmethod
    def read(cls, path: Path) -> Holder | None:
        """The holder recorded in ``path``, or None when it is missing or unreadable."""
        try:
            data = json.loads(path.read_bytes().decode("utf-8"))
            return cls(str(data["command"]), int(data["pid"]), str(data["since"]))
        except (OSError, ValueError, TypeError, KeyError):
            return None


class SessionBusyError(UserFacingError):
    """Another process holds the session's lock; nothing was changed (exit code ``EXIT_BUSY``)."""

    def __init__(self, folder: Path, holder: Holder | None, waited_s: float) -> None:
        if holder is None:
            who_en, who_zh = "another voicerecorder process", "另一个 voicerecorder 进程"
        else:
            who_en = f"{holder.command} (process {holder.pid}, since {holder.since})"
            who_zh = f"{holder.command}（进程 {holder.pid}，自 {holder.since} 起）"
        super().__init__(
            Bilingual(
                f"The session {folder} is in use by {who_en}; waited {waited_s:g} s. Nothing was changed. "
                "Wait until it finishes (or close the session in the wizard), then try again.",
                f"会话 {folder} 正被 {who_zh} 使用；已等待 {waited_s:g} 秒。未做任何更改。"
                "请等它结束（或在向导中关闭该会话）后重试。",
            ),
            exit_code=EXIT_BUSY,
        )
        self.holder = holder


def _cannot_lock(folder: Path, error: OSError) -> UserFacingError:
    problem = file_problem(error, folder / LOCK_NAME)
    unchanged = Bilingual(" The session was not changed.", "会话未做任何更改。")
    return UserFacingError(
        Bilingual(problem.en + unchanged.en, problem.zh + unchanged.zh), exit_code=EXIT_FAILED
    )


def wait_seconds() -> float:
    """How long to wait for a busy session: ``WAIT_S``, or ``VOICERECORDER_LOCK_WAIT_S`` when set."""
    try:
        return max(0.0, float(os.environ.get(WAIT_ENV, WAIT_S)))
    except ValueError:
        return WAIT_S


class SessionLock:
    """The exclusive lock on one session folder for one writer (see the module doc).

    Acquired and released on any thread; a session keeps it from open until close.
    """

    def __init__(self, folder: Path, command: str) -> None:
        self.folder = folder
        self.command = command
        self._lock = filelock.FileLock(
            folder / LOCK_NAME, mode=PRIVATE_FILE_MODE, thread_local=False, is_singleton=True
        )
        self._held = False

    @property
    def holder_path(self) -> Path:
        return self.folder / HOLDER_NAME

    def acquire(self) -> None:
        """Take the lock, waiting up to :func:`wait_seconds`; raises SessionBusyError."""
        if self._held:
            return
        wait = wait_seconds()
        try:
            self._take(wait)
        except OSError as error:
            raise _cannot_lock(self.folder, error) from error
        self._held = True
        with _COUNTING:
            first = self._lock.lock_counter == 1
        if first:
            try:
                atomic_write_bytes(self.holder_path, Holder(self.command, os.getpid(), utc_now()).to_json())
            except BaseException:
                self.release()
                raise

    def _take(self, wait: float) -> None:
        """Acquire within ``wait`` seconds, then name the holder. Holders come and go while a
        refused writer looks (one finishes, the next has not written its name yet), so for up
        to ``HOLDER_GRACE_S`` it alternates between reading the name and trying the lock once."""
        try:
            self._lock.acquire(timeout=wait)
            return
        except filelock.Timeout:
            deadline = time.monotonic() + HOLDER_GRACE_S
        while (holder := Holder.read(self.holder_path)) is None:
            with contextlib.suppress(filelock.Timeout):
                self._lock.acquire(timeout=0)
                return
            if time.monotonic() >= deadline:
                break
            time.sleep(0.05)
        raise SessionBusyError(self.folder, holder, wait) from None

    def release(self) -> None:
        """Let the lock go (the holder file goes first when this process releases it for the last time)."""
        if not self._held:
            return
        self._held = False
        with _COUNTING:
            if self._lock.lock_counter == 1:
                with contextlib.suppress(OSError):
                    self.holder_path.unlink(missing_ok=True)
            self._lock.release()
