"""Running a cloud workflow (assess, submit, track) off the GUI thread, with its progress as signals.

``WorkflowRunner.start(work)`` calls ``work(client, reporter, cancel)`` on a pool thread inside
the configured cloud target (the sandbox when it is switched on or no credentials are set).
Progress events, the result and the error all arrive on the GUI thread as signals;
``cancel()`` sets the event the workflow checks between requests and during uploads.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

from voicerecorder.cloud.client import MetaStudioClient
from voicerecorder.cloud.config import load_config
from voicerecorder.sandbox.credentials import SANDBOX_LABEL
from voicerecorder.text import Bilingual
from voicerecorder.ui.cloud_options import USE_SANDBOX, cloud_target
from voicerecorder.ui.settings import Settings
from voicerecorder.ui.workers import TaskRunner
from voicerecorder.workflow.events import Reporter, WorkflowEvent

Work = Callable[[MetaStudioClient, Reporter, threading.Event], Any]


@dataclass(frozen=True)
class TargetInfo:
    """Where the workflows would go, for the pages to show: a label and whether credentials are set."""

    label: Bilingual
    configured: bool
    sandbox: bool


def describe_target(settings: Settings) -> TargetInfo:
    """Sandbox, or Huawei Cloud with region and project. Worker thread (reads the keyring)."""
    config = load_config()
    if settings.get(USE_SANDBOX) or not config.is_configured():
        return TargetInfo(SANDBOX_LABEL, config.is_configured(), True)
    project = config.project_id or "-"
    return TargetInfo(
        Bilingual(
            f"Huawei Cloud — {config.region}, project {project} ({config.endpoint})",
            f"华为云——{config.region}，项目 {project}（{config.endpoint}）",
        ),
        True,
        False,
    )


class WorkflowRunner(QObject):
    """Signals (GUI thread): ``event(WorkflowEvent)``, ``finished(result)``, ``failed(Exception)``."""

    event = Signal(object)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self._tasks = TaskRunner(self)
        self._cancel = threading.Event()

    @property
    def busy(self) -> bool:
        """Whether a workflow started here is still running."""
        return self._tasks.busy

    def start(self, work: Work) -> None:
        """Run ``work(client, reporter, cancel)`` in a worker (ignored while one is running)."""
        if self.busy:
            return
        cancel = self._cancel = threading.Event()
        settings, report = self.settings, self._report

        def run() -> Any:
            with cloud_target(settings) as target:
                return work(target.client, report, cancel)

        self._tasks.start(run, self.finished.emit, self.failed.emit)

    def cancel(self) -> None:
        """Ask the running workflow to stop at its next check (any thread)."""
        self._cancel.set()

    def _report(self, event: WorkflowEvent) -> None:
        """The workflow's reporter: runs on the worker thread (``wait`` notices: the client's
        timer thread); the signal is queued to the GUI thread."""
        with contextlib.suppress(RuntimeError):
            self.event.emit(event)
