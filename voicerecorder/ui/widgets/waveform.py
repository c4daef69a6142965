"""The waveform of a take: min/max per pixel column, computed off the GUI thread, drawn with QPainter."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from voicerecorder.ui.retranslating import Retranslating

ENVELOPE_COLUMNS = 1200
LIVE_COLUMN_PX = 3


def envelope(samples: np.ndarray, columns: int = ENVELOPE_COLUMNS) -> tuple[np.ndarray, np.ndarray]:
    """(minimum, maximum) of each of ``columns`` equal slices of mono ``samples``.

    Pure numpy; called from a worker thread.
    """
    mono = np.asarray(samples, dtype=np.float32)
    if mono.ndim == 2:
        mono = mono.mean(axis=1)
    if mono.size == 0:
        return np.zeros(0, np.float32), np.zeros(0, np.float32)
    columns = max(1, min(columns, mono.size))
    edges = np.linspace(0, mono.size, columns + 1).astype(np.int64)
    return np.minimum.reduceat(mono, edges[:-1]), np.maximum.reduceat(mono, edges[:-1])


class WaveformView(Retranslating, QWidget):
    """Shows one take's envelope (or a hint when there is none) with a -6 dBFS guide; while a take
    is recorded, the live peaks scrolling in from the right and the time recorded so far."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._mins = np.zeros(0, np.float32)
        self._maxs = np.zeros(0, np.float32)
        self.duration_s = 0.0
        self._lines: list[QLineF] = []
        self._lines_for = (-1, -1)
        self.live = False
        self.elapsed_s = 0.0
        self._live_peaks: list[float] = []
        self.setMinimumHeight(90)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.retranslate()

    def sizeHint(self) -> QSize:
        return QSize(600, 110)

    @property
    def has_waveform(self) -> bool:
        return self._mins.size > 0

    def set_envelope(self, mins: np.ndarray, maxs: np.ndarray, duration_s: float) -> None:
        """Show an envelope made by :func:`envelope` for a take ``duration_s`` long."""
        self._mins, self._maxs, self.duration_s = mins, maxs, duration_s
        self.live = False
        self._lines_for = (-1, -1)
        self.retranslate()

    def clear(self) -> None:
        self.set_envelope(np.zeros(0, np.float32), np.zeros(0, np.float32), 0.0)

    def start_live(self) -> None:
        """Show the take being recorded: empty, at 0.0 s, until :meth:`add_live` brings peaks."""
        self.live, self.elapsed_s, self._live_peaks = True, 0.0, []
        self.retranslate()

    def live_peaks(self) -> list[float]:
        """The peaks (0..1) of the take being recorded, oldest first."""
        return list(self._live_peaks)

    def add_live(self, peak_dbfs: float, elapsed_s: float) -> None:
        """Add the peak of the audio read since the last call; ``elapsed_s`` recorded so far."""
        if self.live:
            self._live_peaks.append(float(np.clip(10 ** (peak_dbfs / 20), 0.0, 1.0)))
            del self._live_peaks[: -ENVELOPE_COLUMNS // LIVE_COLUMN_PX]
            self.elapsed_s = elapsed_s
            self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Waveform of the take"))
        if self.live:
            self.setAccessibleDescription(self.tr("Recording: %1 s").replace("%1", f"{self.elapsed_s:.1f}"))
        elif self.has_waveform:
            self.setAccessibleDescription(self.tr("%1 seconds").replace("%1", f"{self.duration_s:.1f}"))
        else:
            self.setAccessibleDescription(self.tr("No take recorded yet"))
        self.update()

    def _columns(self, width: int, height: int) -> list[QLineF]:
        """One vertical line per pixel column from the envelope, made once per envelope and size."""
        if self._lines_for != (width, height):
            middle = height / 2
            count = self._mins.size
            index = np.minimum(count - 1, np.arange(width) * count // max(1, width))
            tops = middle - np.clip(self._maxs[index], -1, 1) * middle
            bottoms = np.maximum(middle - np.clip(self._mins[index], -1, 1) * middle, tops + 1)
            self._lines = [
                QLineF(x, top, x, bottom)
                for x, top, bottom in zip(range(width), tops.tolist(), bottoms.tolist(), strict=True)
            ]
            self._lines_for = (width, height)
        return self._lines

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        width, height = self.width(), self.height()
        middle = height / 2
        painter.fillRect(self.rect(), QColor("#202124"))
        guide = middle * 10 ** (-6 / 20)
        painter.setPen(QPen(QColor("#5f6368"), 1, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(0, middle - guide), QPointF(width, middle - guide))
        painter.drawLine(QPointF(0, middle + guide), QPointF(width, middle + guide))
        if self.live:
            self._paint_live(painter, middle)
        elif not self.has_waveform:
            painter.setPen(QColor("#bdbdbd"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No take recorded yet"))
        else:
            painter.setPen(QPen(QColor("#4fc3f7"), 1))
            painter.drawLines(self._columns(width, height))
            painter.setPen(QColor("#e8eaed"))
            painter.drawText(6, height - 6, f"{self.duration_s:.1f} s")
        painter.end()

    def _paint_live(self, painter: QPainter, middle: float) -> None:
        """The newest peaks at the right edge, older ones to the left; the time in red at the corner."""
        painter.setPen(QPen(QColor("#81c995"), LIVE_COLUMN_PX - 1))
        count = self.width() // LIVE_COLUMN_PX
        for column, peak in enumerate(reversed(self._live_peaks[-count:])):
            x = self.width() - column * LIVE_COLUMN_PX - LIVE_COLUMN_PX / 2
            painter.drawLine(QPointF(x, middle - peak * middle), QPointF(x, middle + max(peak * middle, 0.5)))
        painter.setPen(QColor("#f28b82"))
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(6, self.height() - 6, self.tr("● REC %1 s").replace("%1", f"{self.elapsed_s:.1f}"))
