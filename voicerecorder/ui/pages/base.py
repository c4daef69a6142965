"""What every wizard page has: :class:`WizardPage` (and :class:`CloudJobPage` for the cloud steps).

A page subclasses one of them, builds its widgets in ``__init__`` (calling ``super().__init__``
first and ``self.retranslate()`` last) and lays them out on ``self.body`` (inside a scroll area,
so a page taller than a laptop's screen scrolls inside itself and the wizard's buttons stay on
screen), sets every visible text in ``retranslate()`` (called again on a language change), runs
slow work with ``self.tasks.start(...)``, shows every error with ``self.show_error(error)`` and
moves the wizard through ``self.navigator()``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QFrame, QScrollArea, QVBoxLayout, QWidget, QWizardPage

from voicerecorder.ui.live_input import LiveInput
from voicerecorder.ui.navigation import Navigator
from voicerecorder.ui.retranslating import Retranslating
from voicerecorder.ui.services import Services, SessionHolder
from voicerecorder.ui.widgets.banner import Action, Banner
from voicerecorder.ui.workers import TaskRunner
from voicerecorder.ui.workflow_progress import WorkflowProgress
from voicerecorder.ui.workflow_runner import TargetInfo, WorkflowRunner, describe_target
from voicerecorder.workflow.events import WorkflowEvent


class WizardPage(Retranslating, QWizardPage):
    """A page with the shared services, the session holder, the microphone, a ``TaskRunner``
    (``tasks``), a ``banner`` the page places in its layout and the ``body`` that layout goes on (it
    scrolls when the window is smaller than the page). GUI thread only."""

    def __init__(self, services: Services, holder: SessionHolder, live: LiveInput) -> None:
        super().__init__()
        self.services, self.holder, self.live = services, holder, live
        self.tasks = TaskRunner(self)
        self.banner = Banner()
        self.body = QWidget()
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll.viewport().setAutoFillBackground(False)
        self.scroll.setWidget(self.body)
        self.body.setAutoFillBackground(False)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll)

    def show_error(self, error: BaseException, action: Action | None = None) -> None:
        """Show ``error`` on the page's banner (see ``Banner.show_error``), with an optional button."""
        self.banner.show_error(error, action)

    def navigator(self) -> Navigator | None:
        """The wizard showing this page, to move between pages; None before the page is added."""
        wizard = self.wizard()
        return wizard if isinstance(wizard, Navigator) else None


class CloudJobPage(WizardPage):
    """A page that runs a cloud workflow (``runner``) and says where it goes (``target``).

    Subclasses write ``show_target()`` (shows ``self.target``, None while it is looked up) and
    ``job_finished(result)`` (GUI thread, after the job succeeded); they start work with
    ``run_job(work, button)``. Progress (when ``shows_progress``), the button's state and
    failures are handled here; ``failure_action(error)`` may offer a button on the error banner.
    """

    shows_progress = True
    show_target: Callable[[], None]
    job_finished: Callable[[object], None]

    def __init__(self, services: Services, holder: SessionHolder, live: LiveInput) -> None:
        super().__init__(services, holder, live)
        self.runner = WorkflowRunner(services.settings, self)
        self.target: TargetInfo | None = None
        self.progress = WorkflowProgress() if self.shows_progress else None
        self._button: QAbstractButton | None = None
        self._was_complete = True
        if self.progress is not None:
            self.progress.cancel_requested.connect(self.runner.cancel)
        self.runner.event.connect(self.job_event)
        self.runner.finished.connect(self._job_done)
        self.runner.failed.connect(self._job_failed)

    def cleanupPage(self) -> None:
        self.runner.cancel()

    def refresh_target(self) -> None:
        """Look up (in a worker) where the job would go; then ``show_target()``."""
        settings = self.services.settings
        self.tasks.start(lambda: describe_target(settings), self._target_known, self.show_error)

    def _target_known(self, target: TargetInfo) -> None:
        self.target = target
        self.show_target()

    def run_job(self, work: Callable[..., Any], button: QAbstractButton) -> bool:
        """Run ``work(client, reporter, cancel)`` unless one runs already; ``button`` waits for it."""
        if self.holder.session is None or self.runner.busy:
            return False
        self.banner.hide()
        self._button = button
        if self.progress is not None:
            self.progress.begin(button)
        else:
            button.setEnabled(False)
        self._was_complete = self.isComplete()
        self.runner.start(work)
        self._complete_changed()
        return True

    def job_event(self, event: WorkflowEvent) -> None:
        """A progress event from the running job (GUI thread); shown on the progress bar."""
        if self.progress is not None:
            self.progress.show_event(event)

    def failure_action(self, error: Exception) -> Action | None:
        """A button offered with the failure ``error`` (label, callback), or None."""
        return None

    def _job_done(self, result: object) -> None:
        self._end(True)
        self.job_finished(result)
        self._complete_changed()

    def _job_failed(self, error: Exception) -> None:
        self._end(False)
        self.show_error(error, self.failure_action(error))
        self._complete_changed()

    def _complete_changed(self) -> None:
        # Only on a change: QWizard answers completeChanged by relaying out its buttons, which sends
        # hide events to the page while the wizard is not on screen (the Track page stops on those).
        complete = self.isComplete()
        if complete != self._was_complete:
            self._was_complete = complete
            self.completeChanged.emit()

    def _end(self, done: bool) -> None:
        button, self._button = self._button, None
        if button is None:
            return
        if self.progress is not None:
            self.progress.finish(done, button)
        else:
            button.setEnabled(True)
