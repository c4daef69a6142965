"""A short fixed-length recording from the open input, analysed in a worker (room tone, loud line).

GUI thread: ``start`` and the signals. Worker threads: creating the file, finishing it, reading and
analysing it.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal

from voicerecorder.audio.capture import CaptureEngine
from voicerecorder.audio.wavfile import read_audio
from voicerecorder.quality.report import TakeReport
from voicerecorder.ui.workers import TaskRunner

Analyse = Callable[[np.ndarray, int], TakeReport]
TICK_MS = 100
STALL_GRACE_S = 2.0


def start_check_take(engine: CaptureEngine, seconds: float) -> Path:
    """Start a ``seconds`` take into a new temporary folder and return the folder (worker thread)."""
    folder = Path(tempfile.mkdtemp(prefix="voicerecorder-check-"))
    try:
        engine.start_take(folder / "check.wav", duration_s=seconds)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return folder


class TimedRecording(QObject):
    """Records ``seconds`` to a temporary file, then emits ``finished(TakeReport)`` or ``failed(Exception)``.

    ``remaining(float)`` counts the seconds down while it records; ``stop()`` ends it early without
    a report (``stopped()`` follows once the file is gone).
    """

    finished = Signal(object)
    failed = Signal(object)
    remaining = Signal(float)
    stopped = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = TaskRunner(self)
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._engine: CaptureEngine | None = None
        self._analyse: Analyse | None = None
        self._folder: Path | None = None
        self._left = 0.0
        self.total_s = 0.0

    @property
    def running(self) -> bool:
        return self._engine is not None

    def start(self, engine: CaptureEngine, seconds: float, analyse: Analyse) -> None:
        """Begin recording from ``engine`` (open and not recording); the file is created in a worker."""
        self._engine, self._analyse, self._left = engine, analyse, seconds
        self.total_s = seconds
        self._runner.start(lambda: start_check_take(engine, seconds), self._started, self._start_failed)

    def stop(self) -> None:
        """End the recording now and throw it away (the take is cancelled in a worker)."""
        engine, folder = self._engine, self._folder
        if engine is None or folder is None:
            return
        self._timer.stop()
        self._engine, self._folder = None, None

        def work() -> None:
            try:
                engine.cancel_take()
            finally:
                shutil.rmtree(folder, ignore_errors=True)

        self._runner.start(work, lambda _: self.stopped.emit(), self._failed)

    def _started(self, folder: Path) -> None:
        self._folder = folder
        self.remaining.emit(self._left)
        self._timer.start()

    def _start_failed(self, error: Exception) -> None:
        self._engine = None
        self.failed.emit(error)

    def _tick(self) -> None:
        engine = self._engine
        if engine is None:
            return
        self._left -= TICK_MS / 1000
        self.remaining.emit(max(0.0, self._left))
        if not engine.take_done and self._left > -STALL_GRACE_S:
            return
        self._timer.stop()
        analyse, folder, self._folder = self._analyse, self._folder, None

        def work() -> TakeReport:
            try:
                result = engine.stop_take()
                audio = read_audio(result.path)
                return analyse(audio.samples, audio.samplerate)
            finally:
                shutil.rmtree(folder, ignore_errors=True)

        self._engine = None
        self._runner.start(work, self.finished.emit, self._failed)

    def _failed(self, error: Exception) -> None:
        self.failed.emit(error)
