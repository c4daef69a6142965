"""Recording takes of a session's sentences: start, stop, check and save, without blocking the GUI thread.

GUI thread: every public method and signal. Worker threads: finishing the WAV file (post-roll),
adding the take to the session (which checks it) and computing its waveform envelope.
"""

from __future__ import annotations

import enum
import threading
import time
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal

from voicerecorder.audio.capture import CaptureEngine
from voicerecorder.audio.playback import Player
from voicerecorder.audio.wavfile import read_audio
from voicerecorder.session.manifest import TakeRecord
from voicerecorder.session.store import Session
from voicerecorder.ui.widgets.waveform import envelope
from voicerecorder.ui.workers import TaskRunner

STOP_POLL_MS = 30
STOP_WAIT_S = 2.0


class State(enum.Enum):
    """What the recorder is doing."""

    IDLE = "idle"
    RECORDING = "recording"
    CHECKING = "checking"


@dataclass(frozen=True)
class TakeView:
    """A take ready to show: which sentence, its record (with the check report) and its waveform."""

    index: int
    take: TakeRecord
    mins: np.ndarray
    maxs: np.ndarray
    fresh: bool = False
    """True for a take that was just recorded (not one loaded for display)."""


def load_take_view(session: Session, index: int, take: TakeRecord, fresh: bool = False) -> TakeView:
    """Read a take's audio and make its waveform envelope (worker thread)."""
    audio = read_audio(session.take_path(index, take))
    mins, maxs = envelope(audio.samples)
    return TakeView(index, take, mins, maxs, fresh)


class TakeRecorder(QObject):
    """Signals: ``state_changed(State)``, ``take_ready(TakeView)``, ``failed(Exception)``."""

    state_changed = Signal(object)
    take_ready = Signal(object)
    failed = Signal(object)

    def __init__(self, player: Player, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._player = player
        self._runner = TaskRunner(self)
        self._poll = QTimer(self)
        self._poll.setInterval(STOP_POLL_MS)
        self._poll.timeout.connect(self._check_stopped)
        self.state = State.IDLE
        self._engine: CaptureEngine | None = None
        self._session: Session | None = None
        self._index = 0
        self._stop_deadline = 0.0
        self._position = 0
        self._position_lock = threading.Lock()

    @property
    def index(self) -> int:
        """The sentence being recorded or checked."""
        return self._index

    def start(self, engine: CaptureEngine, session: Session, index: int) -> None:
        """Start a new take of sentence ``index`` (raises if the engine cannot start one)."""
        if self.state is not State.IDLE:
            return
        engine.start_take(session.next_take_path(index))
        self._engine, self._session, self._index = engine, session, index
        self._set_state(State.RECORDING)

    def stop(self) -> None:
        """Stop the take (after the post-roll); the check follows and ends in ``take_ready``."""
        if self.state is not State.RECORDING or self._engine is None:
            return
        self._engine.request_stop()
        self._stop_deadline = time.monotonic() + STOP_WAIT_S
        self._set_state(State.CHECKING)
        self._poll.start()

    def cancel(self) -> None:
        """Throw the current take away (its file is deleted)."""
        if self.state is State.RECORDING and self._engine is not None:
            self._engine.cancel_take()
            self._set_state(State.IDLE)

    def finish_now(self) -> None:
        """Finish and save the current take on this thread (only when the window is closing)."""
        if self.state is State.RECORDING and self._engine is not None and self._session is not None:
            self._poll.stop()
            self._session.add_take(self._index, self._engine.stop_take())
            self._set_state(State.IDLE)

    def show_take(self, session: Session, index: int) -> None:
        """Load sentence ``index``'s chosen take in a worker; ``take_ready`` follows (unless it has none)."""
        take = session.chosen_take(index)
        if take is not None:
            self._runner.start(
                lambda: load_take_view(session, index, take), self.take_ready.emit, self.failed.emit
            )

    def save_position(self, session: Session, index: int) -> None:
        """Remember sentence ``index`` as the session's current sentence (written in a worker).

        Each worker reads and writes the latest wanted position under one lock, so quick moves
        never leave an older one saved.
        """
        self._position = index
        self._runner.start(lambda: self._write_position(session), None, self.failed.emit)

    def _write_position(self, session: Session) -> None:
        """Worker thread: save the newest position (the read and the write as one step)."""
        with self._position_lock:
            session.set_current_index(self._position)

    def play(self, session: Session, index: int) -> None:
        """Play sentence ``index``'s chosen take (read and started in a worker)."""
        take = session.chosen_take(index)
        if take is None:
            return
        player = self._player

        def work() -> None:
            audio = read_audio(session.take_path(index, take))
            player.play(audio.samples, audio.samplerate)

        self._runner.start(work, None, self.failed.emit)

    def _check_stopped(self) -> None:
        engine, session, index = self._engine, self._session, self._index
        if engine is None or session is None:
            return
        if not engine.take_done and time.monotonic() < self._stop_deadline:
            return
        self._poll.stop()

        def work() -> TakeView:
            take = session.add_take(index, engine.stop_take())
            return load_take_view(session, index, take, fresh=True)

        self._runner.start(work, self._checked, self._check_failed)

    def _checked(self, view: TakeView) -> None:
        self._set_state(State.IDLE)
        self.take_ready.emit(view)

    def _check_failed(self, error: Exception) -> None:
        self._set_state(State.IDLE)
        self.failed.emit(error)

    def _set_state(self, state: State) -> None:
        self.state = state
        self.state_changed.emit(state)
