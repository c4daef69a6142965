"""Recording takes of a session's sentences: start, stop, check and save, without blocking the GUI thread.

GUI thread: every public method and signal. Worker threads: creating the take file (start),
throwing a take away (cancel), finishing the WAV file (post-roll), adding the take to the session
(which checks it), computing its waveform envelope and saving the position. Start, stop, cancel
and the check of one take run in that order on one serial worker, so the state the page shows
(RECORDING at once on Space) never waits for the disk.
"""

from __future__ import annotations

import enum
import threading
import time
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from voicerecorder.audio.capture import CaptureEngine
from voicerecorder.audio.playback import Player
from voicerecorder.audio.wavfile import read_audio
from voicerecorder.session.manifest import TakeRecord
from voicerecorder.session.store import Session
from voicerecorder.ui.widgets.waveform import envelope
from voicerecorder.ui.workers import TaskRunner

STOP_POLL_MS = 30
PLAY_POLL_MS = 100
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


def start_take(engine: CaptureEngine, session: Session, index: int) -> None:
    """Create the next take file of sentence ``index`` and start recording into it (worker thread)."""
    engine.start_take(session.next_take_path(index))


def request_stop(engine: CaptureEngine) -> None:
    """Mark the stop point of the take, if its start succeeded (worker thread, after ``start_take``)."""
    if engine.recording:
        engine.request_stop()


def cancel_take(engine: CaptureEngine) -> None:
    """Stop the take and delete its file (worker thread)."""
    engine.cancel_take()


class TakeRecorder(QObject):
    """Signals: ``state_changed(State)``, ``take_ready(TakeView)``, ``failed(Exception)`` and
    ``playing_changed(str | None)`` (the file of the take being played, None when playback ends)."""

    state_changed = Signal(object)
    take_ready = Signal(object)
    failed = Signal(object)
    playing_changed = Signal(object)

    def __init__(self, player: Player, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._player = player
        self._runner = TaskRunner(self)
        self._serial_pool = QThreadPool(self)
        self._serial_pool.setMaxThreadCount(1)
        self._takes = TaskRunner(self, self._serial_pool)
        self._poll = QTimer(self)
        self._poll.setInterval(STOP_POLL_MS)
        self._poll.timeout.connect(self._check_stopped)
        self._play_poll = QTimer(self)
        self._play_poll.setInterval(PLAY_POLL_MS)
        self._play_poll.timeout.connect(self._check_playing)
        self.playing: str | None = None
        self.state = State.IDLE
        self._engine: CaptureEngine | None = None
        self._session: Session | None = None
        self._index = 0
        self._stop_deadline = 0.0
        self._position = 0
        self._take_serial = 0
        self._position_lock = threading.Lock()

    @property
    def index(self) -> int:
        """The sentence being recorded or checked."""
        return self._index

    def start(self, engine: CaptureEngine, session: Session, index: int) -> None:
        """Start a new take of sentence ``index``: RECORDING at once, the file is created in a worker.

        When the engine cannot start the take, ``failed`` follows and the state goes back to IDLE.
        """
        if self.state is not State.IDLE:
            return
        self._engine, self._session, self._index = engine, session, index
        self._take_serial += 1
        serial = self._take_serial
        self._set_state(State.RECORDING)
        self._takes.start(
            lambda: start_take(engine, session, index), None, lambda error: self._start_failed(error, serial)
        )

    def stop(self) -> None:
        """Stop the take (after the post-roll); the check follows and ends in ``take_ready``."""
        engine = self._engine
        if self.state is not State.RECORDING or engine is None:
            return
        self._takes.start(lambda: request_stop(engine), None, self.failed.emit)
        self._stop_deadline = time.monotonic() + STOP_WAIT_S
        self._set_state(State.CHECKING)
        self._poll.start()

    def cancel(self) -> None:
        """Throw the current take away (its file is deleted in a worker)."""
        engine = self._engine
        if self.state is State.RECORDING and engine is not None:
            self._takes.start(lambda: cancel_take(engine), None, self.failed.emit)
            self._set_state(State.IDLE)

    def settle(self) -> None:
        """Wait until the queued start, stop, cancel and check of takes are done (the window is closing)."""
        self._serial_pool.waitForDone()

    def finish_now(self) -> None:
        """Finish and save the current take on this thread (only when the window is closing)."""
        self.settle()
        engine, session = self._engine, self._session
        if self.state is not State.IDLE and engine is not None and engine.recording and session is not None:
            self._poll.stop()
            session.add_take(self._index, engine.stop_take())
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

    def play(self, session: Session, index: int, take: TakeRecord | None = None) -> None:
        """Play ``take`` of sentence ``index`` (default: its chosen take), read and started in a
        worker; ``playing_changed`` names it once it plays and says None when it ends or stops."""
        take = take or session.chosen_take(index)
        if take is None:
            return
        player = self._player

        def work() -> str:
            audio = read_audio(session.take_path(index, take))
            player.play(audio.samples, audio.samplerate)
            return take.file

        self._runner.start(work, self._playback_started, self.failed.emit)

    def stop_playback(self) -> None:
        """Stop what is playing (the output is closed in a worker)."""
        self._runner.start(self._player.stop, None, self.failed.emit)
        self._set_playing(None)

    def _playback_started(self, file: str) -> None:
        self._set_playing(file)
        self._play_poll.start()

    def _check_playing(self) -> None:
        if not self._player.playing:
            self._set_playing(None)

    def _set_playing(self, file: str | None) -> None:
        if file is None:
            self._play_poll.stop()
        if file != self.playing:
            self.playing = file
            self.playing_changed.emit(file)

    def _check_stopped(self) -> None:
        engine, session, index = self._engine, self._session, self._index
        if engine is None or session is None or self.state is not State.CHECKING:
            return
        if not engine.take_done and time.monotonic() < self._stop_deadline:
            return
        self._poll.stop()

        def work() -> TakeView:
            take = session.add_take(index, engine.stop_take())
            return load_take_view(session, index, take, fresh=True)

        self._takes.start(work, self._checked, self._check_failed)

    def _start_failed(self, error: Exception, serial: int) -> None:
        if serial == self._take_serial and self.state is not State.IDLE:
            self._poll.stop()
            self._set_state(State.IDLE)
        self.failed.emit(error)

    def _checked(self, view: TakeView) -> None:
        self._set_state(State.IDLE)
        self.take_ready.emit(view)

    def _check_failed(self, error: Exception) -> None:
        self._set_state(State.IDLE)
        self.failed.emit(error)

    def _set_state(self, state: State) -> None:
        self.state = state
        self.state_changed.emit(state)
