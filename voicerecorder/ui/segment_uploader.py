"""A SEGMENT session's sentences go to MetaStudio while the talent records: the job is created
when recording starts and every passing chosen take is sent and confirmed, in order, on a
thread of its own, so recording, playback and moving between sentences never wait for the network.

Threads: :meth:`SegmentUploader.start`, :meth:`~SegmentUploader.wake` and the signals' receivers
are on the GUI thread; :meth:`~SegmentUploader.halt` may be called from any thread (the Submit
page calls it from its worker); everything named ``_run``/``_burst``/``_report`` runs on the
uploader's own thread and touches no Qt object except to emit signals (queued to the GUI thread).
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from voicerecorder.cloud.config import load_config
from voicerecorder.cloud.errors import NetworkError, ServerError, ThrottledError, UploadCancelled
from voicerecorder.errors import UserFacingError
from voicerecorder.session.store import Session
from voicerecorder.text import Bilingual
from voicerecorder.ui.cloud_options import USE_SANDBOX, cloud_target
from voicerecorder.ui.services import SessionHolder
from voicerecorder.ui.settings import Settings
from voicerecorder.workflow.events import WorkflowCancelled, WorkflowEvent, check_cancel
from voicerecorder.workflow.segment_submit import open_segment_queue
from voicerecorder.workflow.segments import SegmentQueue

log = logging.getLogger(__name__)

BACKOFF_S = (2.0, 4.0, 8.0, 16.0, 30.0, 60.0)
"""How long to wait before trying again after the n-th lost connection in a row."""
HALT_WAIT_S = 15.0
TRANSIENT = (NetworkError, ServerError, ThrottledError)


def offline_notice(seconds: float) -> Bilingual:
    """The calm line shown while MetaStudio cannot be reached."""
    return Bilingual(
        f"MetaStudio cannot be reached right now. Keep recording: every take is saved here and the "
        f"sentences are sent when the connection is back (trying again in {seconds:.0f} s).",
        f"暂时无法连接 MetaStudio。请继续录音：每条录音都已保存在本机，连接恢复后会自动发送这些句子"
        f"（{seconds:.0f} 秒后重试）。",
    )


NOT_CONFIGURED = Bilingual(
    "The cloud settings are not complete, so nothing is sent yet. Keep recording: once they are "
    "(Settings…), the job is created at the next take and the sentences recorded so far follow.",
    "云设置尚未完成，因此暂不发送。请继续录音：完成设置（“设置…”）后，下一次录音时会创建任务，"
    "之前录好的句子也会随后发送。",
)
"""Shown instead of sending to the local sandbox when no credentials are set and the sandbox is
not chosen: a job made there would not exist on Huawei Cloud."""


def _transient(error: Exception) -> bool:
    return isinstance(error, TRANSIENT) and getattr(error, "transient", True)


class SegmentUploader(QObject):
    """Drives a SEGMENT session's :class:`~voicerecorder.workflow.segments.SegmentQueue` on one
    thread of its own (see the module's thread rules).

    Signals (GUI thread; a halted run's late reports are dropped): ``states_changed(list[SegmentState])``,
    ``notice(Bilingual | None)`` (None: the connection is fine again) and ``failed(Exception)``
    for what trying again cannot fix (tried again at the next take).
    """

    states_changed = Signal(object)
    notice = Signal(object)
    failed = Signal(object)
    _reported = Signal(int, str, object)
    backoff_s: tuple[float, ...] = BACKOFF_S

    def __init__(self, settings: Settings, holder: SessionHolder) -> None:
        super().__init__(holder)
        self.settings = settings
        self.generation = 0
        self._thread: threading.Thread | None = None
        self._session: Session | None = None
        self._cancel = threading.Event()
        self._wake = threading.Event()
        holder.changed.connect(lambda: self._holder_changed(holder))
        self._reported.connect(self._relay)

    @property
    def running(self) -> bool:
        """Whether the uploader's thread is alive (GUI thread)."""
        return self._thread is not None and self._thread.is_alive()

    def start(self, session: Session) -> None:
        """Send ``session``'s passing takes from now on (creating its job first); when already
        running for it, look for new takes at once (GUI thread)."""
        if self.running and self._session is session:
            self._wake.set()
            return
        self.halt()
        self._session, self._cancel, self._wake = session, threading.Event(), threading.Event()
        self._thread = threading.Thread(
            target=self._run,
            args=(session, self.generation, self._cancel, self._wake),
            name="segment-uploader",
            daemon=True,
        )
        self._thread.start()

    def halt(self, timeout_s: float = HALT_WAIT_S) -> None:
        """Stop the thread at its next check (an upload in progress is cancelled, the queue's record
        stays whole) and wait for it. Any thread; on the GUI thread only when the window closes or
        the session changes."""
        thread = self._thread
        self.generation += 1
        self._cancel.set()
        self._wake.set()
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout_s)

    def _relay(self, generation: int, name: str, value: object) -> None:
        """GUI thread: pass on a report of the current run."""
        if generation == self.generation:
            getattr(self, name).emit(value)

    def _holder_changed(self, holder: SessionHolder) -> None:
        if self._session is not None and holder.session is not self._session:
            self.halt()
            self._session = None

    # -- the uploader's own thread -------------------------------------------------------------

    def _run(self, session: Session, generation: int, cancel: threading.Event, wake: threading.Event) -> None:
        """Uploader thread: bursts of sending until halted, or until the job is committed."""
        failures = 0
        while not cancel.is_set():
            wake.clear()
            try:
                if not self._burst(session, generation, cancel):
                    return
                failures = 0
            except (WorkflowCancelled, UploadCancelled):
                return
            except Exception as error:  # every failure is shown; the thread goes on
                if cancel.is_set():
                    return
                if _transient(error):
                    delay = self.backoff_s[min(failures, len(self.backoff_s) - 1)]
                    failures += 1
                    self._emit(generation, "notice", offline_notice(delay))
                    cancel.wait(delay)
                    continue
                if not isinstance(error, UserFacingError):
                    log.error("sending the sentences failed", exc_info=error)
                self._emit(generation, "failed", error)
            wake.wait()

    def _burst(self, session: Session, generation: int, cancel: threading.Event) -> bool:
        """Uploader thread: open the job's queue (creating the job once) and send everything
        pending; False when the job is no longer CREATING (the submission took over)."""
        if not self.settings.get(USE_SANDBOX) and not load_config().is_configured():
            self._emit(generation, "notice", NOT_CONFIGURED)
            return True
        with cloud_target(self.settings) as target:
            queue = open_segment_queue(session, target.client, cancel=cancel)
            self._emit(generation, "notice", None)
            self._emit(generation, "states_changed", queue.states())
            if queue.record.get("state") != "CREATING":
                return False
            queue.reporter = self._reporter(queue, generation)
            while queue.step() is not None:
                self._emit(generation, "states_changed", queue.states())
                check_cancel(cancel)
        return True

    def _reporter(self, queue: SegmentQueue, generation: int) -> Callable[[WorkflowEvent], None]:
        def report(event: WorkflowEvent) -> None:
            """Uploader thread: a sentence starts going up (its record says ``uploading``)."""
            if event.step == "segment":
                self._emit(generation, "states_changed", queue.states())

        return report

    def _emit(self, generation: int, name: str, value: object) -> None:
        """Uploader thread: queue a report to the GUI thread (nothing when the window is gone)."""
        with contextlib.suppress(RuntimeError):
            self._reported.emit(generation, name, value)


def uploader_of(holder: SessionHolder, settings: Settings) -> SegmentUploader:
    """The wizard's one uploader, a child of its session holder (made on first use). GUI thread."""
    found = holder.findChild(SegmentUploader)
    return found if found is not None else SegmentUploader(settings, holder)
