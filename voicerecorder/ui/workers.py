"""Running slow work (audio, disk, analysis) off the GUI thread, with the result delivered back to it.

``TaskRunner.start(work, on_result, on_error)`` runs ``work()`` on a QThreadPool thread; the
result or the exception comes back through a queued signal, so ``on_result`` / ``on_error`` run
on the GUI thread. Work functions never touch widgets. Every task is counted from its start until
its work has returned (:data:`IN_FLIGHT`); on quit the app waits for that count to reach zero, so
a take or a manifest being written is finished, not cut off.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

Callbacks = tuple[Callable[[Any], None] | None, Callable[[Exception], None] | None]


class TaskCounter:
    """How many tasks are running on pool threads; safe to use from any thread."""

    def __init__(self) -> None:
        self._count = 0
        self._changed = threading.Condition()

    @property
    def count(self) -> int:
        with self._changed:
            return self._count

    def add(self) -> None:
        with self._changed:
            self._count += 1

    def remove(self) -> None:
        with self._changed:
            self._count -= 1
            self._changed.notify_all()

    def wait(self, timeout_s: float) -> bool:
        """Block until no task runs (True) or ``timeout_s`` passed (False)."""
        with self._changed:
            return self._changed.wait_for(lambda: self._count == 0, timeout_s)


IN_FLIGHT = TaskCounter()
"""Every TaskRunner's tasks whose work has not returned yet."""


class _Task(QRunnable):
    """Runs on a pool thread: calls the work function and emits exactly one of the runner's signals."""

    def __init__(self, work: Callable[[], Any], runner: TaskRunner, key: int) -> None:
        super().__init__()
        self._work, self._runner, self._key = work, runner, key

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as error:  # handed to on_error on the GUI thread
            self._report(self._runner.task_failed, error)
        else:
            self._report(self._runner.task_succeeded, result)
        finally:
            IN_FLIGHT.remove()

    def _report(self, signal: Any, value: Any) -> None:
        try:
            signal.emit(self._key, value)
        except RuntimeError:
            log.debug("the widget that started a task was closed before it finished")


class TaskRunner(QObject):
    """Starts work on a thread pool and calls back on the GUI thread; tracks how many tasks run.

    ``task_succeeded`` / ``task_failed`` are emitted on pool threads and delivered (queued) here.
    """

    task_succeeded = Signal(int, object)
    task_failed = Signal(int, object)

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._waiting: dict[int, Callbacks] = {}
        self._keys = itertools.count()
        self.task_succeeded.connect(self._deliver_result)
        self.task_failed.connect(self._deliver_error)

    @property
    def busy(self) -> bool:
        """Whether a task started here has not reported back yet."""
        return bool(self._waiting)

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
        key = next(self._keys)
        self._waiting[key] = (on_result, on_error)
        IN_FLIGHT.add()
        self._pool.start(_Task(work, self, key))

    @Slot(int, object)
    def _deliver_result(self, key: int, value: Any) -> None:
        on_result, _ = self._waiting.pop(key)
        if on_result is not None:
            on_result(value)

    @Slot(int, object)
    def _deliver_error(self, key: int, error: Exception) -> None:
        _, on_error = self._waiting.pop(key)
        if on_error is None:
            log.error("background task failed", exc_info=error)
            raise error
        on_error(error)
