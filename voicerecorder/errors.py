"""The one exception type that carries an actionable, bilingual message to a person."""

from __future__ import annotations

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
