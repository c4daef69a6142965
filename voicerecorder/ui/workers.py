"""Running slow work (audio, disk, analysis) off the GUI thread, with the result delivered back to it.

``TaskRunner.start(work, on_result, on_error)`` runs ``work()`` on a QThreadPool thread; the
result or the exception comes back through a queued signal, so ``on_result`` / ``on_error`` run
on the GUI thread. Work functions never touch widgets.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives on the GUI thread; its signals are emitted from the pool thread (queued delivery)."""

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        runner: TaskRunner,
        on_result: Callable[[Any], None] | None,
        on_error: Callable[[Exception], None] | None,
    ) -> None:
        super().__init__(runner)
        self._runner = runner
        self._on_result = on_result
        self._on_error = on_error
        self.succeeded.connect(self._deliver_result)
        self.failed.connect(self._deliver_error)

    @Slot(object)
    def _deliver_result(self, value: Any) -> None:
        self._runner._finished(self)
        if self._on_result is not None:
            self._on_result(value)

    @Slot(object)
    def _deliver_error(self, error: Exception) -> None:
        self._runner._finished(self)
        if self._on_error is None:
            log.error("background task failed", exc_info=error)
            raise error
        self._on_error(error)


class _Task(QRunnable):
    """Runs on a pool thread: calls the work function and emits exactly one of the relay's signals."""

    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as error:  # handed to on_error on the GUI thread
            self._report(self._relay.failed, error)
        else:
            self._report(self._relay.succeeded, result)

    @staticmethod
    def _report(signal: Any, value: Any) -> None:
        try:
            signal.emit(value)
        except RuntimeError:
            log.debug("the widget that started a task was closed before it finished")


class TaskRunner(QObject):
    """Starts work on a thread pool and calls back on the GUI thread; tracks how many tasks run."""

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._relays: set[_Relay] = set()
        self._done: list[_Relay] = []

    @property
    def busy(self) -> bool:
        """Whether a task started here has not reported back yet."""
        return bool(self._relays)

    def start(
        self,
        work: Callable[[], Any],
        on_result: Callable[[Any], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        """Run ``work()`` on a pool thread; then ``on_result(value)`` or ``on_error(exc)`` on this thread.

        Without ``on_error`` an exception is logged and re-raised on the GUI thread, where the
        application's excepthook shows it.
        """
        relay = _Relay(self, on_result, on_error)
        self._relays.add(relay)
        self._pool.start(_Task(work, relay))

    def _finished(self, relay: _Relay) -> None:
        # The relay is kept (not deleteLater'd, not dropped): otherwise the pool thread, releasing
        # its finished _Task, can drop the last reference and PySide deletes the QObject on that
        # thread (a crash). Relays are small; they go with the runner.
        self._relays.discard(relay)
        self._done.append(relay)
