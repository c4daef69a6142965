"""Painted verdict icons: pass (green check), warn (amber !), fail (red x), missing (grey ring)."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

COLORS = {
    "pass": QColor("#1e7d32"),
    "warn": QColor("#b25e00"),
    "fail": QColor("#c62828"),
    "missing": QColor("#707070"),
    "unchecked": QColor("#707070"),
}
SIZE = 32


@cache
def status_icon(status: str) -> QIcon:
    """The icon for ``status`` (pass, warn, fail, missing or unchecked)."""
    pixmap = QPixmap(SIZE, SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    color = COLORS.get(status, COLORS["missing"])
    box = QRectF(3, 3, SIZE - 6, SIZE - 6)
    if status in ("missing", "unchecked"):
        painter.setPen(QPen(color, 3))
        painter.drawEllipse(box)
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawEllipse(box)
        pen = QPen(QColor("white"), 3.5)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        _draw_symbol(painter, status)
    painter.end()
    return QIcon(pixmap)


def _draw_symbol(painter: QPainter, status: str) -> None:
    if status == "pass":
        painter.drawPolyline([QPointF(10, 16.5), QPointF(14.5, 21), QPointF(22.5, 11.5)])
    elif status == "warn":
        painter.drawLine(QPointF(16, 9), QPointF(16, 18))
        painter.drawPoint(QPointF(16, 23))
    else:
        painter.drawLine(QPointF(11, 11), QPointF(21, 21))
        painter.drawLine(QPointF(21, 11), QPointF(11, 21))
