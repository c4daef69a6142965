"""The one exception type that carries an actionable, bilingual message to a person."""

from __future__ import annotations

from voicerecorder.text import Bilingual


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
