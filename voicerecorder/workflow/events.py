"""How the workflows report progress and how they are cancelled (no Qt).

A workflow step calls its ``reporter`` with a :class:`WorkflowEvent` from the thread that
runs the step (a worker thread in the app, the main thread on the command line); ``wait``
notices about a slow service come from the client's timer thread. The GUI
turns events into signals; the command line prints them. Setting the ``cancel`` event from
any thread stops the step at its next check (between requests, during an upload, or while
waiting between polls) with :class:`WorkflowCancelled`.
"""

from __future__ import annotations

import enum
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from voicerecorder.cloud.waiting import WaitListener
from voicerecorder.errors import EXIT_INTERRUPTED, UserFacingError
from voicerecorder.text import Bilingual


class EventStep(enum.StrEnum):
    """What a :class:`WorkflowEvent` reports (a ``str``: ``EventStep.UPLOAD == "upload"``)."""

    PACK = "pack"
    REPLACE = "replace"
    """The job FAILED; a new one follows."""
    CREATE = "create"
    RESUME = "resume"
    UPLOAD = "upload"
    COMMIT = "commit"
    STATE = "state"
    AUDIT = "audit"
    WAIT = "wait"
    """The service is slow to answer: what the app waits for and since when."""
    LETTER = "letter"
    """The authorization letter is uploaded (again) to the job."""
    SEGMENT = "segment"
    """One sentence of a SEGMENT job sent or confirmed (or rejected) by MetaStudio."""
    NOTICE = "notice"
    """Something the pre-submit check could not verify; the service decides."""
    WARNING = "warning"
    """Allowed, but worth knowing (e.g. English training, which the service documents as Chinese only)."""
    DONE = "done"


@dataclass(frozen=True)
class WorkflowEvent:
    """One thing a workflow did or is doing.

    ``step`` is an :class:`EventStep` (a plain string given here is turned into one, so a
    misspelt step fails at once); ``sent``/``total`` are bytes during an upload; ``state`` is
    the job's state for ``state`` events.
    """

    step: EventStep
    message: Bilingual
    sent: int | None = None
    total: int | None = None
    state: str | None = None
    job_id: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "step", EventStep(self.step))


Reporter = Callable[[WorkflowEvent], None]


def ignore(event: WorkflowEvent) -> None:
    """A reporter that drops every event."""


def wait_listener(reporter: Reporter, job_id: str | None = None) -> WaitListener:
    """A listener for the client's wait notices that reports each as a ``wait`` event.

    The client calls it on its timer thread (or the calling thread for retries), so
    ``reporter`` receives these events from that thread.
    """
    return lambda message: reporter(WorkflowEvent("wait", message, job_id=job_id))


class WorkflowCancelled(UserFacingError):
    """The person cancelled the workflow; what was done so far is kept in the session."""

    def __init__(self) -> None:
        super().__init__(
            Bilingual(
                "Cancelled. Everything done so far is saved in the session; "
                "run the same step again to continue.",
                "已取消。已完成的部分已保存在会话中；再次执行同一步骤即可继续。",
            ),
            exit_code=EXIT_INTERRUPTED,
        )


def check_cancel(cancel: threading.Event | None) -> None:
    """Raise WorkflowCancelled when ``cancel`` is set."""
    if cancel is not None and cancel.is_set():
        raise WorkflowCancelled()


def pause(
    seconds: float, cancel: threading.Event | None, sleep: Callable[[float], None] = time.sleep
) -> None:
    """Wait ``seconds``; returns early with WorkflowCancelled when ``cancel`` is set meanwhile."""
    if cancel is None:
        sleep(seconds)
    elif cancel.wait(seconds):
        raise WorkflowCancelled()
