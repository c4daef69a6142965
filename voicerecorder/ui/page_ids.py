"""The wizard's page ids, in page order (QWizard's ``nextId`` uses them)."""

from __future__ import annotations

import enum


class PageId(enum.IntEnum):
    """Ids of the wizard pages, numbered in page order."""

    START = 0
    VOICE = 1
    MICROPHONE = 2
    RECORD = 3
    REVIEW = 4
    QUALITY = 5
    SUBMIT = 6
    TRACK = 7
