"""The one exception type that carries an actionable, bilingual message to a person."""

from __future__ import annotations

import contextlib
import errno
from collections.abc import Iterator

from voicerecorder.text import Bilingual

# The command line's exit codes (README, "Exit codes"); every layer's errors carry one of them.
EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
# A microphone problem, or something that waits for the person (a job in AUDIT_FAILED, metrics out of range).
EXIT_ATTENTION = 3
# Refused before doing anything: the output exists, or the session is not ready.
EXIT_REFUSED = 4
# Another process is changing the session (it holds the session's lock); nothing was changed.
EXIT_BUSY = 5
EXIT_INTERRUPTED = 130


class UserFacingError(Exception):
    """Something a person can fix; ``message`` says what went wrong and what to do.

    ``exit_code`` is what the command line exits with (see README, "Exit codes").
    """

    exit_code = 1

    def __init__(self, message: Bilingual, *, exit_code: int | None = None) -> None:
        super().__init__(message.en)
        self.message = message
        if exit_code is not None:
            self.exit_code = exit_code


# Errno values meaning "no room left": the disk or quota is full, or the file size limit is hit.
_FULL = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}
_DENIED = {errno.EACCES, errno.EPERM}


def file_problem(error: OSError, path: object = None) -> Bilingual:
    """One sentence naming the file ``error`` (an OSError) is about and the fix.

    ``path`` names the file when the error does not (a failed ``write`` carries no file name).
    """
    name = error.filename if path is None else path
    if error.errno in _FULL:
        return Bilingual(
            f"Could not write {name}: the disk is full. Free some disk space, then try again.",
            f"无法写入 {name}：磁盘已满。请释放磁盘空间后重试。",
        )
    if error.errno == errno.EROFS:
        return Bilingual(
            f"Could not write {name}: the disk or folder is read-only. Choose a folder you can write to.",
            f"无法写入 {name}：该磁盘或文件夹是只读的。请选择一个可以写入的文件夹。",
        )
    if error.errno in _DENIED:
        return Bilingual(
            f"No permission to use {name}. Give your user access to it, or choose another folder.",
            f"没有权限使用 {name}。请为当前用户开放其访问权限，或选择其他文件夹。",
        )
    if error.errno == errno.ENOENT:
        return Bilingual(
            f"{name} does not exist (moved or deleted). Check the path, or put the file back.",
            f"{name} 不存在（已被移动或删除）。请检查路径，或把文件放回原处。",
        )
    return Bilingual(
        f"Could not use {name}: {error.strerror or error}. Check the disk and the folder, then try again.",
        f"无法使用 {name}：{error.strerror or error}。请检查磁盘和文件夹后重试。",
    )


def file_error(error: OSError, path: object = None, *, exit_code: int = EXIT_FAILED) -> UserFacingError:
    """A :class:`UserFacingError` for ``error`` (see :func:`file_problem`)."""
    return UserFacingError(file_problem(error, path), exit_code=exit_code)


@contextlib.contextmanager
def naming_file_errors(path: object, *, exit_code: int = EXIT_FAILED) -> Iterator[None]:
    """Turn an OSError raised inside the block into a :func:`file_error` naming ``path``
    (rather than a temporary file the error may name)."""
    try:
        yield
    except OSError as error:
        raise file_error(error, path, exit_code=exit_code) from error


class SkipCheck(Exception):
    """Raised by a self-test probe that has nothing to test in this build; the message says why."""
