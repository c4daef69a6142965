"""Polling a job until it reaches a state of interest: backoff, throttling and flaky networks."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from voicerecorder.cloud.errors import CloudError, NetworkError, ServerError, ThrottledError
from voicerecorder.cloud.waiting import WaitListener, retry_message
from voicerecorder.workflow.events import check_cancel, pause

T = TypeVar("T")
log = logging.getLogger(__name__)
SERVICE = "MetaStudio"


@dataclass(frozen=True)
class PollPolicy:
    """How patiently to poll: the first wait, its growth per unchanged answer, its ceiling, and
    how many polls in a row may fail (network, 5xx) before the error is shown."""

    first_s: float = 5.0
    factor: float = 1.5
    max_s: float = 300.0
    failures_allowed: int = 6

    def next_wait(self, current: float) -> float:
        """The wait after ``current`` when nothing changed."""
        return min(self.max_s, current * self.factor)


def poll(
    fetch: Callable[[], T],
    key: Callable[[T], str],
    done: Callable[[T], bool],
    on_change: Callable[[T], None],
    policy: PollPolicy,
    cancel: threading.Event | None = None,
    sleep: Callable[[float], None] = time.sleep,
    waiting: WaitListener | None = None,
) -> T:
    """Call ``fetch`` until ``done``; ``on_change`` sees every answer whose ``key`` changed.

    Waits grow from ``policy.first_s`` while nothing changes and start over after a change.
    A 429 waits at least its Retry-After; network and server failures are tolerated up to
    ``policy.failures_allowed`` times in a row; each such wait is told to ``waiting``. Runs
    on the caller's (worker) thread.
    """
    wait, last, failures = policy.first_s, None, 0
    while True:
        check_cancel(cancel)
        try:
            answer = fetch()
        except ThrottledError as error:
            log.info("polling throttled; waiting")
            _wait_after(error, max(wait, error.retry_after or 0.0), cancel, sleep, waiting)
            continue
        except (NetworkError, ServerError) as error:
            failures += 1
            if failures > policy.failures_allowed or (
                isinstance(error, NetworkError) and not error.transient
            ):
                raise
            _wait_after(error, wait, cancel, sleep, waiting, (failures + 1, policy.failures_allowed + 1))
            wait = policy.next_wait(wait)
            continue
        failures = 0
        if key(answer) != last:
            last = key(answer)
            on_change(answer)
            wait = policy.first_s
        else:
            wait = policy.next_wait(wait)
        if done(answer):
            return answer
        pause(wait, cancel, sleep)


def _wait_after(
    error: CloudError,
    seconds: float,
    cancel: threading.Event | None,
    sleep: Callable[[float], None],
    waiting: WaitListener | None,
    count: tuple[int, int] | None = None,
) -> None:
    if waiting is not None:
        waiting(retry_message(SERVICE, error.message, seconds, *(count or (None, None))))
    pause(seconds, cancel, sleep)


def retry_throttled(
    send: Callable[[], T],
    cancel: threading.Event | None = None,
    attempts: int = 4,
    sleep: Callable[[float], None] = time.sleep,
    waiting: WaitListener | None = None,
) -> T:
    """Send a create or commit again after a 429: the gateway refused it before it reached the
    service, so sending it again cannot make a second job. Other failures are raised at once.
    Each wait is told to ``waiting``."""
    for attempt in range(attempts):
        try:
            return send()
        except ThrottledError as error:
            if attempt + 1 >= attempts:
                raise
            log.info("request throttled (429); sending it again")
            delay = max(error.retry_after or 0.0, 2.0**attempt)
            _wait_after(error, delay, cancel, sleep, waiting, (attempt + 2, attempts))
    raise AssertionError("unreachable: the last attempt returns or raises")
