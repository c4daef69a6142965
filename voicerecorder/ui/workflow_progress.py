"""A workflow's progress: its step, a progress bar (bytes during uploads), speed, time left, Cancel."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from voicerecorder.ui.i18n import pick
from voicerecorder.ui.retranslating import Retranslating
from voicerecorder.workflow.events import EventStep, WorkflowEvent

PERCENT = 1000


def _size_text(count: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if count < 1024 or unit == "GB":
            return f"{count:.0f} {unit}" if unit == "B" else f"{count:.1f} {unit}"
        count /= 1024
    return f"{count:.1f} GB"


class UploadRate:
    """Average upload speed since the first byte, and the time left at that speed."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._start: float | None = None
        self._first = 0

    def reset(self) -> None:
        self._start = None

    def update(self, sent: int, total: int) -> tuple[float, float] | None:
        """(bytes per second, seconds left), or None until there is something to measure."""
        now = self._clock()
        if self._start is None or sent < self._first:
            self._start, self._first = now, sent
            return None
        elapsed = now - self._start
        if elapsed <= 0 or sent <= self._first:
            return None
        speed = (sent - self._first) / elapsed
        return speed, max(0.0, (total - sent) / speed)


class WorkflowProgress(Retranslating, QWidget):
    """Shows the events of a running workflow; ``cancel_requested`` when the person presses Cancel."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.step = QLabel()
        self.step.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, PERCENT)
        self.bar.setTextVisible(True)
        self.rate = QLabel()
        self.cancel = QPushButton()
        self.cancel.clicked.connect(self.cancel_requested)
        self.rate_meter = UploadRate()
        row = QHBoxLayout()
        row.addWidget(self.bar, 1)
        row.addWidget(self.cancel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.step)
        layout.addLayout(row)
        layout.addWidget(self.rate)
        self.set_running(False)
        self.retranslate()

    def retranslate(self) -> None:
        self.cancel.setText(self.tr("&Cancel"))
        self.cancel.setAccessibleName(self.tr("Cancel the running step"))
        self.bar.setAccessibleName(self.tr("Progress"))

    def set_running(self, running: bool) -> None:
        """Busy (Cancel enabled, bar moving) or idle."""
        self.cancel.setEnabled(running)
        if running:
            self.rate_meter.reset()
            self.rate.setText("")
            self.bar.setRange(0, 0)
        else:
            self.bar.setRange(0, PERCENT)

    def begin(self, start_button: QAbstractButton) -> None:
        """A run starts: the bar shows and moves; the button that starts a run waits for its end."""
        start_button.setEnabled(False)
        self.show()
        self.set_running(True)

    def finish(self, done: bool, start_button: QAbstractButton) -> None:
        """The run ended: full bar when ``done``, empty otherwise; the start button works again."""
        self.set_running(False)
        self.bar.setValue(PERCENT if done else 0)
        self.rate.setText("")
        start_button.setEnabled(True)

    def show_event(self, event: WorkflowEvent) -> None:
        """Show one event: its message; for an upload, the share sent, the speed and the time left."""
        self.step.setText(pick(event.message))
        if event.step is not EventStep.UPLOAD or not event.total:
            self.bar.setRange(0, 0)
            return
        sent = event.sent or 0
        self.bar.setRange(0, PERCENT)
        self.bar.setValue(int(PERCENT * sent / event.total))
        measured = self.rate_meter.update(sent, event.total)
        sizes = self.tr("%1 of %2").replace("%1", _size_text(sent)).replace("%2", _size_text(event.total))
        if measured is None:
            self.rate.setText(sizes)
            return
        speed, left = measured
        self.rate.setText(
            self.tr("%1 · %2/s · about %3 s left")
            .replace("%1", sizes).replace("%2", _size_text(speed)).replace("%3", f"{left:.0f}")
        )  # fmt: skip
