"""The input the Microphone and Record pages share: one CaptureEngine, opened and closed off the GUI thread.

GUI thread: every public method and every signal. Worker threads: listing the devices, opening,
closing and rescanning (they may block on the audio system; the first listing loads PortAudio).
CaptureEvents are polled ten times a second and re-emitted.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QTimer, Signal

from voicerecorder.audio.backend import AudioBackend, DeviceInfo, DeviceRef
from voicerecorder.audio.capture import CaptureEngine, Level
from voicerecorder.audio.devices import device_label, pulse_source_description
from voicerecorder.ui.workers import TaskRunner

EVENT_POLL_MS = 100


def first_present(devices: list[DeviceInfo], candidates: tuple[DeviceRef | None, ...]) -> DeviceRef | None:
    """The first candidate among ``devices``; None (the system default) when none is there."""
    present = {device.ref for device in devices}
    return next((ref for ref in candidates if ref is not None and ref in present), None)


class LiveInput(QObject):
    """Owns the open input; ``opened``/``failed`` report the outcome of :meth:`open`.

    Signals: ``opened()``, ``failed(Exception)``, ``event(CaptureEvent)``,
    ``devices_changed(list[DeviceInfo])``.
    """

    opened = Signal()
    failed = Signal(object)
    event = Signal(object)
    devices_changed = Signal(list)

    def __init__(self, backend: AudioBackend, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._backend = backend
        self._runner = TaskRunner(self)
        self._engine: CaptureEngine | None = None
        self._opening = False
        self._serial = threading.Lock()
        self._listed: list[DeviceInfo] = []
        self._labels: dict[DeviceRef, str] = {}
        self._listed_lock = threading.Lock()
        self._generation = 0
        self._timer = QTimer(self)
        self._timer.setInterval(EVENT_POLL_MS)
        self._timer.timeout.connect(self._poll_events)

    @property
    def engine(self) -> CaptureEngine | None:
        """The open engine, or None while closed or opening."""
        return self._engine

    @property
    def opening(self) -> bool:
        return self._opening

    def devices(self) -> list[DeviceInfo]:
        """The input devices as a worker last listed them (empty before the first open or rescan)."""
        with self._listed_lock:
            return list(self._listed)

    def label(self, ref: DeviceRef) -> str:
        """The name the system gives the device ``ref`` at the last listing, else its PortAudio name."""
        with self._listed_lock:
            return self._labels.get(ref, ref.name)

    def preferred(self, *candidates: DeviceRef | None) -> DeviceRef | None:
        """The first candidate that was plugged in at the last listing; None (the system default) else."""
        return first_present(self.devices(), candidates)

    def level(self) -> Level | None:
        """The input level since the last call, None while no input is open (any rate, never blocks)."""
        engine = self._engine
        return engine.level() if engine is not None else None

    def open(self, device: DeviceRef | None) -> None:
        """Close the current input (finishing any take) and open ``device`` (None = system default)."""
        self.open_preferred(device)

    def open_preferred(self, *candidates: DeviceRef | None) -> None:
        """Like :meth:`open`, with the first candidate plugged in now (listed in the worker), else None."""
        old, self._engine = self._engine, None
        self._opening = True
        self._generation += 1
        generation = self._generation

        def work() -> CaptureEngine:
            with self._serial:
                if old is not None:
                    old.close()
                engine = CaptureEngine(self._backend, first_present(self._list(), candidates))
                engine.open()
                return engine

        self._runner.start(work, lambda engine: self._opened(engine, generation), self._failed_open)

    def rescan(self) -> None:
        """Close the input, re-read the device list (``devices_changed`` follows), and stay closed."""
        old, self._engine = self._engine, None
        self._generation += 1
        self._timer.stop()

        def work() -> list[DeviceInfo]:
            with self._serial:
                if old is not None:
                    old.close()
                self._backend.rescan()
                return self._list()

        self._runner.start(work, self.devices_changed.emit, self.failed.emit)

    def close(self) -> None:
        """Close the input now, finishing any take (blocks briefly; used when the window closes)."""
        engine, self._engine = self._engine, None
        self._generation += 1
        self._timer.stop()
        with self._serial:
            if engine is not None:
                engine.close()

    def _list(self) -> list[DeviceInfo]:
        """Worker thread: list the input devices and keep the list for :meth:`devices`, with the
        names the system gives them for :meth:`label` (the sound server is asked at most once)."""
        devices = self._backend.list_input_devices()
        described: list[str | None] = []

        def pulse_source() -> str | None:
            if not described:
                described.append(pulse_source_description())
            return described[0]

        labels = {device.ref: device_label(device, pulse_source) for device in devices}
        with self._listed_lock:
            self._listed, self._labels = list(devices), labels
        return devices

    def _opened(self, engine: CaptureEngine, generation: int) -> None:
        if generation != self._generation:
            self._runner.start(engine.close)
            return
        self._opening = False
        self._engine = engine
        self._timer.start()
        self.opened.emit()

    def _failed_open(self, error: Exception) -> None:
        self._opening = False
        self.failed.emit(error)

    def _poll_events(self) -> None:
        engine = self._engine
        if engine is None:
            return
        for item in engine.poll_events():
            self.event.emit(item)
