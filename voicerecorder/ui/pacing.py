"""Session pacing for the Record page: time worked, an estimate of what is left, and when to take a break."""

from __future__ import annotations

import time
from collections.abc import Callable

from voicerecorder.quality.textunits import estimated_reading_seconds
from voicerecorder.session.store import Session

IDLE_RESETS_AFTER_S = 5 * 60
OVERHEAD_PER_SENTENCE_S = 10.0


class Pacing:
    """Counts continuous work; activity after a pause longer than IDLE_RESETS_AFTER_S starts a new stretch."""

    def __init__(self, break_after_s: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.break_after_s = break_after_s
        self._clock = clock
        self._page_started = clock()
        self._stretch_started: float | None = None
        self._last_activity = 0.0
        self._reminded = False

    def restart(self) -> None:
        """The page was opened: elapsed time counts from now."""
        self._page_started = self._clock()

    def note_activity(self) -> None:
        """A take was started."""
        now = self._clock()
        if self._stretch_started is None or now - self._last_activity > IDLE_RESETS_AFTER_S:
            self._stretch_started, self._reminded = now, False
        self._last_activity = now

    def took_break(self) -> None:
        """The talent paused: the next take starts a new stretch."""
        self._stretch_started, self._reminded = None, False

    @property
    def elapsed_s(self) -> float:
        return self._clock() - self._page_started

    def break_due(self) -> bool:
        """True once per stretch, when it has lasted ``break_after_s``."""
        if self._stretch_started is None or self._reminded:
            return False
        if self._clock() - self._stretch_started >= self.break_after_s:
            self._reminded = True
            return True
        return False


def remaining_estimate(session: Session, done: Callable[[int], bool]) -> tuple[int, float]:
    """(sentences still to record, estimated seconds for them) for the sentences where ``done`` is False."""
    language = session.script.language
    left = [i for i in range(session.sentence_count) if not done(i)]
    seconds = sum(
        estimated_reading_seconds(session.sentence(i).text, language) + OVERHEAD_PER_SENTENCE_S for i in left
    )
    return len(left), seconds


def clock_text(seconds: float) -> str:
    """``m:ss`` (or ``h:mm:ss`` from an hour)."""
    total = int(max(0, seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
