"""A short fixed-length recording from the open input, analysed in a worker (room tone, loud line).

GUI thread: ``start`` and the signals. Worker thread: finishing the file, reading and analysing it.
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


class TimedRecording(QObject):
    """Records ``seconds`` to a temporary file, then emits ``finished(TakeReport)`` or ``failed(Exception)``.

    ``remaining(float)`` counts the seconds down while it records.
    """

    finished = Signal(object)
    failed = Signal(object)
    remaining = Signal(float)

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

    @property
    def running(self) -> bool:
        return self._engine is not None

    def start(self, engine: CaptureEngine, seconds: float, analyse: Analyse) -> None:
        """Begin recording now from ``engine`` (which must be open and not recording)."""
        self._folder = Path(tempfile.mkdtemp(prefix="voicerecorder-check-"))
        self._engine, self._analyse, self._left = engine, analyse, seconds
        try:
            engine.start_take(self._folder / "check.wav", duration_s=seconds)
        except Exception as error:
            self._cleanup()
            self.failed.emit(error)
            return
        self.remaining.emit(seconds)
        self._timer.start()

    def _tick(self) -> None:
        engine = self._engine
        if engine is None:
            return
        self._left -= TICK_MS / 1000
        self.remaining.emit(max(0.0, self._left))
        if not engine.take_done and self._left > -STALL_GRACE_S:
            return
        self._timer.stop()
        analyse, folder = self._analyse, self._folder

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

    def _cleanup(self) -> None:
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
        self._engine = None
