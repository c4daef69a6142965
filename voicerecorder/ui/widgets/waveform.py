"""The waveform of a take: min/max per pixel column, computed off the GUI thread, drawn with QPainter."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from voicerecorder.ui.retranslating import Retranslating

ENVELOPE_COLUMNS = 1200


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
    """Shows one take's envelope (or a hint when there is none) with a -6 dBFS guide."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._mins = np.zeros(0, np.float32)
        self._maxs = np.zeros(0, np.float32)
        self.duration_s = 0.0
        self._lines: list[QLineF] = []
        self._lines_for = (-1, -1)
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
        self._lines_for = (-1, -1)
        self.retranslate()

    def clear(self) -> None:
        self.set_envelope(np.zeros(0, np.float32), np.zeros(0, np.float32), 0.0)

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Waveform of the take"))
        if self.has_waveform:
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
        if not self.has_waveform:
            painter.setPen(QColor("#bdbdbd"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No take recorded yet"))
            painter.end()
            return
        painter.setPen(QPen(QColor("#4fc3f7"), 1))
        painter.drawLines(self._columns(width, height))
        painter.setPen(QColor("#e8eaed"))
        painter.drawText(6, height - 6, f"{self.duration_s:.1f} s")
        painter.end()
