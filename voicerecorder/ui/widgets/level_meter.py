"""A live input meter: RMS bar, peak bar with a falling hold line, a clip light that stays on, dBFS ticks."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from voicerecorder.audio.capture import Level
from voicerecorder.ui.retranslating import Retranslating

FLOOR_DBFS = -60.0
TICKS = (-60, -48, -36, -24, -18, -12, -6, -3, 0)
POLL_MS = 33
HOLD_FALL_DB = 0.5
CLIP_BOX = 44


class LevelMeter(Retranslating, QWidget):
    """Polls ``source()`` (a Level, or None when no input is open) about 30 times a second.

    The clip light stays on after a clipped block until the user clicks it or :meth:`reset_clip`.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._source: Callable[[], Level | None] | None = None
        self._peak = FLOOR_DBFS
        self._rms = FLOOR_DBFS
        self._hold = FLOOR_DBFS
        self.clip_held = False
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.poll)
        self.setMinimumHeight(48)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.retranslate()

    def sizeHint(self) -> QSize:
        return QSize(420, 52)

    def set_source(self, source: Callable[[], Level | None] | None) -> None:
        """Start polling ``source`` (None stops the meter and shows silence)."""
        self._source = source
        if source is None:
            self._timer.stop()
            self.show_level(None)
        else:
            self._timer.start()

    @property
    def peak_dbfs(self) -> float:
        return self._peak

    @property
    def rms_dbfs(self) -> float:
        return self._rms

    def poll(self) -> None:
        """Read the source once and repaint (the timer calls this)."""
        self.show_level(self._source() if self._source else None)

    def show_level(self, level: Level | None) -> None:
        """Display ``level`` (None = silence)."""
        self._peak = max(FLOOR_DBFS, level.peak_dbfs) if level else FLOOR_DBFS
        self._rms = max(FLOOR_DBFS, level.rms_dbfs) if level else FLOOR_DBFS
        self._hold = max(self._peak, self._hold - HOLD_FALL_DB)
        if level is not None and level.clipped:
            self.clip_held = True
        self.setAccessibleDescription(
            self.tr("Peak %1 dBFS, average %2 dBFS")
            .replace("%1", f"{self._peak:.0f}")
            .replace("%2", f"{self._rms:.0f}")
            + (" — " + self.tr("clipping") if self.clip_held else "")
        )
        self.update()

    def reset_clip(self) -> None:
        """Turn the clip light off."""
        self.clip_held = False
        self.update()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Input level meter"))
        self.setToolTip(self.tr("Input level: keep the peaks between -12 and -3 dBFS. Click CLIP to reset."))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.position().x() >= self.width() - CLIP_BOX:
            self.reset_clip()
        super().mousePressEvent(event)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        bars = QRectF(0, 2, self.width() - CLIP_BOX - 6, 24)
        painter.fillRect(bars, QColor("#202124"))
        self._bar(painter, bars, self._peak, QColor("#7cb342"), 0.0)
        self._bar(painter, bars, self._rms, QColor("#2e7d32"), 0.3)
        painter.setPen(QColor("#fafafa"))
        x = bars.left() + bars.width() * self._fraction(self._hold)
        painter.drawLine(int(x), int(bars.top()), int(x), int(bars.bottom()))
        self._scale(painter, bars)
        self._clip_light(painter, QRectF(self.width() - CLIP_BOX, 2, CLIP_BOX, 24))
        painter.end()

    @staticmethod
    def _fraction(dbfs: float) -> float:
        return min(1.0, max(0.0, (dbfs - FLOOR_DBFS) / -FLOOR_DBFS))

    def _bar(self, painter: QPainter, box: QRectF, dbfs: float, color: QColor, inset: float) -> None:
        width = box.width() * self._fraction(dbfs)
        height = box.height() * (1 - inset)
        top = box.top() + (box.height() - height) / 2
        if dbfs > -3:
            color = QColor("#e53935")
        elif dbfs > -12:
            color = QColor("#fbc02d") if inset == 0 else QColor("#f9a825")
        painter.fillRect(QRectF(box.left(), top, width, height), color)

    def _scale(self, painter: QPainter, box: QRectF) -> None:
        painter.setPen(self.palette().color(self.foregroundRole()))
        font = painter.font()
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.8))
        painter.setFont(font)
        for tick in TICKS:
            x = box.left() + box.width() * self._fraction(tick)
            painter.drawLine(int(x), int(box.bottom()), int(x), int(box.bottom()) + 4)
            label = str(tick)
            width = painter.fontMetrics().horizontalAdvance(label)
            left = min(max(0.0, x - width / 2), box.right() - width)
            painter.drawText(int(left), int(box.bottom()) + 5 + painter.fontMetrics().ascent(), label)

    def _clip_light(self, painter: QPainter, box: QRectF) -> None:
        painter.fillRect(box, QColor("#c62828") if self.clip_held else QColor("#3c4043"))
        painter.setPen(QColor("white") if self.clip_held else QColor("#bdbdbd"))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, "CLIP")
