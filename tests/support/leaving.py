"""Helpers for the leaving tests: answer the wizard's question on the way out, check the saved take."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from voicerecorder.audio.wavfile import read_audio
from voicerecorder.session.store import TAKES_DIR, Session
from voicerecorder.ui.page_ids import PageId


class Answerer:
    """Clicks the button labelled ``label`` (mnemonic ``&`` ignored) on each question the wizard asks,
    and keeps the questions' texts in ``asked``."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.asked: list[str] = []

    def arm(self) -> None:
        """Answer the next question box that opens (polled on the GUI thread)."""
        QTimer.singleShot(20, self._answer)

    def _answer(self) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, self._answer)
            return
        self.asked.append(box.text())
        button = next(b for b in box.buttons() if b.text().replace("&", "") == self.label)
        button.click()


def assert_take_saved(session: Session, index: int = 0, takes: int = 1) -> Path:
    """The manifest lists ``takes`` takes of sentence ``index``; the newest is a finished WAV with
    audio, and no unfinished take file is left. Returns its path."""
    reopened = Session.open(session.folder)
    try:
        listed = reopened.takes(index)
        assert len(listed) == takes
        path = reopened.take_path(index, listed[-1])
    finally:
        reopened.close()
    assert path.is_file()
    assert read_audio(path).duration_s > 0.1
    assert not list((session.folder / TAKES_DIR).rglob("*.partial.wav"))
    return path


def recording(qtbot, wizard, open_page, session):
    """The wizard on the Record page with a take of sentence 1 running for a quarter of a second."""
    open_page(wizard, session, PageId.RECORD)
    page = wizard.page_of(PageId.RECORD)
    qtbot.waitUntil(lambda: wizard.live.engine is not None, timeout=5000)
    engine = wizard.live.engine
    qtbot.keyClick(page, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: engine.recording, timeout=5000)
    start = engine.frames_captured
    qtbot.waitUntil(lambda: engine.frames_captured >= start + engine.samplerate // 4, timeout=5000)
    return page
