"""Python's cyclic garbage collector, run on the GUI thread only.

A collection runs on whichever thread happens to allocate when a threshold is crossed. If that
is a worker and the garbage holds Qt objects, they are destroyed on the wrong thread, which can
crash the app. So automatic collection is switched off and a GUI-thread timer collects instead,
generation by generation, using the collector's own thresholds.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    """Disables automatic collection and collects from a timer on the thread that creates it (GUI)."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start(interval_ms)

    def collect_due(self) -> None:
        """Collect the oldest generation whose count has passed its threshold (GUI thread)."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        for generation in (2, 1, 0):
            if thresholds[generation] and counts[generation] > thresholds[generation]:
                gc.collect(generation)
                return

    def stop(self) -> None:
        """Stop collecting from the timer and give collection back to Python as it was."""
        self._timer.stop()
        if self._was_enabled:
            gc.enable()
