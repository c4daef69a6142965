"""The app's style: the platform's own, plus a high-contrast focus ring around the keyboard focus.

One ``QFocusFrame`` follows the application's focus widget, whatever its kind (buttons, check
boxes, radio buttons, combo boxes, text fields, lists, tables, sliders, the wizard's buttons and
the app's own widgets). It paints a ring ``FOCUS_RING_WIDTH`` pixels wide just outside the
widget, in :func:`focus_color`, which stands out from the window background by at least
``RING_CONTRAST`` (WCAG 2.2 asks 3:1 for non-text contrast; the ring keeps a margin above that).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QFocusFrame, QProxyStyle, QStyle, QStyleOption, QWidget

FOCUS_RING_WIDTH = 3
MIN_CONTRAST = 3.0
"""WCAG 2.2, success criterion 1.4.11 (non-text contrast): 3:1 against the adjacent colour."""
RING_CONTRAST = 4.5
"""What :func:`focus_color` aims for, so that the ring also stands out on slightly tinted panels."""
_STEP = 110


def relative_luminance(color: QColor) -> float:
    """The WCAG relative luminance of ``color`` (0 black .. 1 white)."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(color.redF()) + 0.7152 * linear(color.greenF()) + 0.0722 * linear(color.blueF())


def contrast_ratio(first: QColor, second: QColor) -> float:
    """The WCAG contrast ratio of two colours (1 .. 21)."""
    light, dark = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def focus_color(palette: QPalette) -> QColor:
    """The palette's highlight colour, darkened on a light window (lightened on a dark one) until it
    has ``RING_CONTRAST`` against the window background."""
    window = palette.color(QPalette.ColorRole.Window)
    color = QColor(palette.color(QPalette.ColorRole.Highlight))
    light_window = relative_luminance(window) > 0.18
    for _ in range(40):
        if contrast_ratio(color, window) >= RING_CONTRAST:
            break
        color = color.darker(_STEP) if light_window else color.lighter(_STEP)
    if contrast_ratio(color, window) < RING_CONTRAST:
        color = QColor("black") if light_window else QColor("white")
    return color


_RING_METRICS = (QStyle.PixelMetric.PM_FocusFrameHMargin, QStyle.PixelMetric.PM_FocusFrameVMargin)


def _asked_by_focus_frame(option: QStyleOption | None, widget: QWidget | None) -> bool:
    """Item views ask the same metric (with their own widget) for their text margins: keep theirs."""
    plain = option is None or option.type == QStyleOption.OptionType.SO_Default
    return plain and (widget is None or isinstance(widget, QFocusFrame))


class FocusRingStyle(QProxyStyle):
    """The base style with focus frames ``FOCUS_RING_WIDTH`` wide, filled with :func:`focus_color`."""

    def pixelMetric(
        self, metric: QStyle.PixelMetric, option: QStyleOption | None = None, widget: QWidget | None = None
    ) -> int:
        if metric in _RING_METRICS and _asked_by_focus_frame(option, widget):
            return FOCUS_RING_WIDTH
        return super().pixelMetric(metric, option, widget)

    def drawControl(
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element == QStyle.ControlElement.CE_FocusFrame:
            painter.fillRect(option.rect, focus_color(option.palette))  # the frame's mask leaves the ring
            return
        super().drawControl(element, option, painter, widget)


def ring_target(widget: QWidget | None) -> QWidget | None:
    """The widget the ring goes around: the focus widget, or ``None`` for no widget or a window."""
    return None if widget is None or widget.isWindow() else widget


class FocusRing(QObject):
    """Keeps one ``QFocusFrame`` around the application's focus widget (GUI thread)."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.frame: QFocusFrame | None = None
        app.focusChanged.connect(self.follow)
        self.follow(None, app.focusWidget())

    def follow(self, old: QWidget | None, new: QWidget | None) -> None:
        """Move the ring to ``new`` (hide it when nothing in the app has the focus)."""
        target = ring_target(new)
        if self.frame is not None and not shiboken6.isValid(self.frame):
            self.frame = None  # it was deleted together with the window it was in
        if target is None:
            if self.frame is not None:
                self.frame.setWidget(None)
            return
        if self.frame is None:
            self.frame = QFocusFrame(target)
        self.frame.setWidget(target)


def install_focus_ring(app: QApplication) -> None:
    """Wrap the application's style in :class:`FocusRingStyle` and start the ring (once)."""
    if isinstance(app.style(), FocusRingStyle):
        return
    app.setStyle(FocusRingStyle(app.style().name()))
    FocusRing(app)
