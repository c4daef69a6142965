"""The error text dialogs and pages show, taken from the app module without importing it at load time.

``voicerecorder.ui.app`` imports the wizard and so every page; pages that import it at module
level would form an import cycle, so they call :func:`error_message` instead.
"""

from __future__ import annotations


def error_message(error: BaseException) -> str:
    """The actionable message of ``error`` in the UI language (see ``voicerecorder.ui.app.error_text``)."""
    from voicerecorder.ui.app import error_text

    return error_text(error)
