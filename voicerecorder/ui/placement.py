"""Where the wizard's window opens: inside the screen's available area, where it was last time."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize

DEFAULT_SIZE = QSize(1280, 800)
# Room kept above the window for the title bar the system adds (the window's rectangle excludes it).
TITLE_BAR = 40


def placement(saved: QRect | None, available: QRect) -> QRect:
    """The window's rectangle: ``saved`` (else ``DEFAULT_SIZE``, centred), shrunk and moved until it and
    its title bar lie inside ``available`` (the screen less its taskbar)."""
    room = available.adjusted(0, TITLE_BAR, 0, 0)
    known = saved is not None and saved.isValid()
    size = (saved.size() if known else DEFAULT_SIZE).boundedTo(room.size())
    wanted = saved.topLeft() if known else room.center() - QPoint(size.width() // 2, size.height() // 2)
    x = min(max(wanted.x(), room.left()), room.right() + 1 - size.width())
    y = min(max(wanted.y(), room.top()), room.bottom() + 1 - size.height())
    return QRect(QPoint(x, y), size)
