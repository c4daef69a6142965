"""The one way the app words an error: what dialogs, banners and the excepthook show.

A :class:`~voicerecorder.errors.UserFacingError` shows its actionable message in the UI
language, an OSError names its file and the fix; any other error shows a generic line naming
the log file. The exception's own text, with secrets masked, is only ever offered as the
details (:func:`error_details`).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from voicerecorder.cloud.redact import redact
from voicerecorder.errors import UserFacingError, file_problem
from voicerecorder.logfiles import LOG_NAME
from voicerecorder.paths import log_dir
from voicerecorder.ui.i18n import pick


def error_text(error: BaseException) -> str:
    """What the person is told: the actionable message, or a generic one pointing at the log."""
    if isinstance(error, UserFacingError):
        return pick(error.message)
    if isinstance(error, OSError) and error.filename:
        return pick(file_problem(error))
    where = log_dir() / LOG_NAME
    return (
        QCoreApplication.translate(
            "app", "Something went wrong (%1). Your recordings are saved. Details are in the log file %2."
        )
        .replace("%1", type(error).__name__)
        .replace("%2", str(where))
    )


def error_details(error: BaseException) -> str:
    """The exception's own text for a "details" part, secrets masked; empty for a UserFacingError."""
    if isinstance(error, UserFacingError):
        return ""
    return redact(str(error))
