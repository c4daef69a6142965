"""Saying what a slow call waits for and since when, instead of staying silent.

A :class:`WaitWatch` runs a small timer thread while one request (or one upload) is under
way. When nothing has come back for ``first_s`` seconds it tells its listener — and again
every ``every_s`` seconds — which host it waits for, for what, since what time of day, when
the client gives up (the read timeout) and whether it then tries again. An upload counts
every chunk sent as a sign of life (:meth:`WaitWatch.touch`), so a long but moving upload
raises no notice.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import datetime
from types import TracebackType

from voicerecorder.text import Bilingual

WaitListener = Callable[[Bilingual], None]

FIRST_NOTICE_S = 5.0
NOTICE_EVERY_S = 15.0


def waiting_message(
    host: str, doing: str, since: float, now: float, gives_up_s: float, retried: bool = True
) -> Bilingual:
    """ "Still waiting for HOST (DOING) since HH:MM:SS, N s so far; gives up after T s"."""
    clock = datetime.fromtimestamp(since).strftime("%H:%M:%S")
    waited = now - since
    then_en, then_zh = (" and tries again", "并重试") if retried else ("", "")
    return Bilingual(
        f"Still waiting for {host} ({doing}) since {clock}, {waited:.0f} s so far; the app gives up "
        f"after {gives_up_s:.0f} s without an answer{then_en}.",
        f"仍在等待 {host}（{doing}），自 {clock} 起已 {waited:.0f} 秒；"
        f"超过 {gives_up_s:.0f} 秒无应答时应用会放弃本次请求{then_zh}。",
    )


def retry_message(
    host: str, reason: Bilingual, delay: float, attempt: int | None = None, attempts: int | None = None
) -> Bilingual:
    """ "HOST: REASON Trying again in N s (attempt A of B)" (the count only when given)."""
    count = attempt is not None and attempts is not None
    return Bilingual(
        f"{host}: {reason.en} Trying again in {delay:.0f} s"
        + (f" (attempt {attempt} of {attempts})." if count else "."),
        f"{host}：{reason.zh} {delay:.0f} 秒后重试"
        + (f"（第 {attempt} 次，共 {attempts} 次）。" if count else "。"),
    )


class WaitWatch:
    """Tells ``listener`` about a call that has been silent for a while (see the module doc).

    Use as a context manager around the call. ``listener`` is called on the watch's own timer
    thread; :meth:`touch` may be called from any thread.
    """

    def __init__(
        self,
        listener: WaitListener | None,
        host: str,
        doing: str,
        gives_up_s: float,
        *,
        retried: bool = True,
        first_s: float = FIRST_NOTICE_S,
        every_s: float = NOTICE_EVERY_S,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._listener = listener
        self._host, self._doing, self._gives_up_s, self._retried = host, doing, gives_up_s, retried
        self._first_s, self._every_s, self._clock = first_s, every_s, clock
        self._done = threading.Event()
        self._lock = threading.Lock()
        self._since = clock()
        self._thread: threading.Thread | None = None

    def touch(self) -> None:
        """Something moved (a chunk was sent): the silence starts again now. Any thread."""
        with self._lock:
            self._since = self._clock()

    def __enter__(self) -> WaitWatch:
        if self._listener is not None:
            self._thread = threading.Thread(
                target=self._run, args=(self._listener,), name="wait-watch", daemon=True
            )
            self._thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self._done.set()
        if self._thread is not None:
            self._thread.join()

    def _run(self, listener: WaitListener) -> None:
        """The timer thread: sleep until the silence is long enough, tell, repeat."""
        notice_at = self._since + self._first_s
        while not self._done.wait(max(0.0, notice_at - self._clock())):
            with self._lock:
                since = self._since
            now = self._clock()
            if now - since < self._first_s:
                notice_at = since + self._first_s
                continue
            listener(waiting_message(self._host, self._doing, since, now, self._gives_up_s, self._retried))
            notice_at = now + self._every_s
