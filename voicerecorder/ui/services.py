"""What the wizard's pages work with, built once by the app (or by a test) and passed to each page."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from voicerecorder.audio.backend import AudioBackend
from voicerecorder.audio.playback import Player
from voicerecorder.paths import sessions_dir
from voicerecorder.session.store import Session
from voicerecorder.ui.settings import Settings

BREAK_AFTER_S = 30 * 60
# Who holds a session's lock while the wizard has it open (shown to a second writer).
WIZARD_WRITER = "voicerecorder (wizard)"


@dataclass
class Services:
    """The audio backend and player, the preferences, and where sessions live.

    ``break_after_s`` is how long continuous recording goes before the break reminder.
    """

    backend: AudioBackend
    player: Player
    settings: Settings
    sessions_root: Path = field(default_factory=sessions_dir)
    break_after_s: float = BREAK_AFTER_S


class SessionHolder(QObject):
    """The session the wizard works on; pages listen to ``changed`` (GUI thread only).

    The held session keeps its lock: replacing it, or :meth:`close`, closes the previous one.
    """

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session: Session | None = None

    @property
    def session(self) -> Session | None:
        return self._session

    def set(self, session: Session | None) -> None:
        """Make ``session`` the current one (closing the previous one) and tell the pages."""
        previous, self._session = self._session, session
        if previous is not None and previous is not session:
            previous.close()
        self.changed.emit()

    def close(self) -> None:
        """Close the current session (its lock goes) without telling the pages: the wizard is quitting."""
        previous, self._session = self._session, None
        if previous is not None:
            previous.close()

    def require(self) -> Session:
        """The current session; the pages after Voice details only run with one."""
        if self._session is None:
            raise RuntimeError("no session is open")
        return self._session
