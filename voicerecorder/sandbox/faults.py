"""Deterministic fault injection: which requests fail, how, and the ``--faults`` grammar.

SPEC is a ``;``-separated list of ``name=value`` items (spaces are ignored)::

    error=OP:WHEN[,OP:WHEN...]      answer OP with HTTP 500 (MSS.00000005)
    throttle=OP:WHEN[,...]          answer OP with HTTP 429 APIGW.0308 and ``Retry-After: 1``
    drop=WHEN                       close the connection after half of an OBS upload body
    expired=WHEN                    issue upload URLs that have already expired
    fail=WHEN                       a committed training job ends FAILED after PROCESSING
    latency=SECONDS                 wait this long before answering every request
    reject=I[,I...]                 the system audit rejects these sentence indices (see below)
    segment_reject=I[,I...]         ConfirmTrainingSegment rejects these sentence indices (not matching
                                    their text) until their audio changes
    admin_reject=WHEN               the reviewer rejects a committed job for its authorization
                                    letter (names no sentence); rejected again until the letter changes
    split_fail=WHEN                 a long-audio (ADVANCE, THIRD_PARTY) job ends SPLIT_FAILED
    user_review=WHEN                a trained job stops in USER_RESULT_REVIEW
    user_reject=WHEN                a trained job passes USER_RESULT_REVIEW into USER_REVIEW_REJECT
    letter_type=TYPE                letter upload URLs are signed for TYPE (default application/pdf)
    seed=N                          seed of the random draws (default 0)

OP is an operation name as in the SDK (``CreateShortJob``, ``ShowVoiceTrainingJob``,
``ObsPut``, ``IamToken`` …) or ``*`` for all. WHEN is a probability ``0.25`` (drawn from a
random generator seeded by seed, operation and call number, so runs repeat exactly) or
``Nx`` for "the first N calls" (``2x``).

``reject`` marks the files of those indices in the first upload a job's audit sees (or, for
sentence-by-sentence jobs, the first confirmed upload of that sentence) as not matching
their text (MSS.20020018); the same bytes are rejected again on every later audit, and a
re-recorded (changed) file passes.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field

from voicerecorder.errors import UserFacingError
from voicerecorder.text import Bilingual

ANY_OPERATION = "*"
DEFAULT_LETTER_TYPE = "application/pdf"
LETTER_TYPES = ("application/pdf", "image/jpeg", "image/png", "application/octet-stream")
# The sandbox's own fault names and the FaultPlan field each sets (a When).
_WHEN_ITEMS = {
    "drop": "drop_uploads",
    "expired": "expired_urls",
    "fail": "failed_trainings",
    "admin_reject": "admin_rejects",
    "split_fail": "split_failures",
    "user_review": "user_reviews",
    "user_reject": "user_rejects",
}


@dataclass(frozen=True)
class When:
    """How often a fault fires: the first ``first`` calls, else with ``probability``."""

    probability: float = 0.0
    first: int = 0

    def fires(self, seed: int, name: str, call: int) -> bool:
        """Whether call number ``call`` (0-based) of ``name`` is hit."""
        if call < self.first:
            return True
        if self.probability <= 0.0:
            return False
        return random.Random(f"{seed}:{name}:{call}").random() < self.probability


@dataclass(frozen=True)
class FaultPlan:
    """What to break. The default plan breaks nothing."""

    errors: Mapping[str, When] = field(default_factory=dict)
    throttles: Mapping[str, When] = field(default_factory=dict)
    drop_uploads: When = When()
    expired_urls: When = When()
    failed_trainings: When = When()
    latency_s: float = 0.0
    reject_indices: frozenset[int] = frozenset()
    segment_reject_indices: frozenset[int] = frozenset()
    admin_rejects: When = When()
    split_failures: When = When()
    user_reviews: When = When()
    user_rejects: When = When()
    letter_type: str = DEFAULT_LETTER_TYPE
    seed: int = 0


class FaultDice:
    """Counts calls per (fault, operation) and decides which ones fail; thread-safe.

    Called from the server's request threads.
    """

    def __init__(self, plan: FaultPlan) -> None:
        self.plan = plan
        self._calls: dict[str, int] = {}
        self._lock = threading.Lock()

    def _roll(self, kind: str, when: When | None, operation: str) -> bool:
        if when is None:
            return False
        key = f"{kind}:{operation}"
        with self._lock:
            call = self._calls.get(key, 0)
            self._calls[key] = call + 1
        return when.fires(self.plan.seed, key, call)

    @staticmethod
    def _for(table: Mapping[str, When], operation: str) -> When | None:
        return table.get(operation, table.get(ANY_OPERATION))

    def error(self, operation: str) -> bool:
        """Whether this call of ``operation`` answers HTTP 500."""
        return self._roll("error", self._for(self.plan.errors, operation), operation)

    def throttle(self, operation: str) -> bool:
        """Whether this call of ``operation`` answers HTTP 429."""
        return self._roll("throttle", self._for(self.plan.throttles, operation), operation)

    def drop_upload(self) -> bool:
        """Whether this OBS upload loses its connection halfway."""
        return self._roll("drop", self.plan.drop_uploads, "ObsPut")

    def expired_url(self) -> bool:
        """Whether the upload URL being issued is already expired."""
        return self._roll("expired", self.plan.expired_urls, "url")

    def training_fails(self) -> bool:
        """Whether the training job being committed will end FAILED."""
        return self._roll("fail", self.plan.failed_trainings, "training")

    def admin_rejects(self) -> bool:
        """Whether the reviewer rejects the job being committed (for its letter)."""
        return self._roll("admin_reject", self.plan.admin_rejects, "training")

    def halt(self, long_audio: bool) -> str | None:
        """The state a committed job stops in instead of SUCCEED, if the plan says so."""
        if long_audio and self._roll("split_fail", self.plan.split_failures, "training"):
            return "SPLIT_FAILED"
        if self._roll("user_review", self.plan.user_reviews, "training"):
            return "USER_RESULT_REVIEW"
        if self._roll("user_reject", self.plan.user_rejects, "training"):
            return "USER_REVIEW_REJECT"
        return None


def _bad_spec(item: str, why: str) -> UserFacingError:
    return UserFacingError(
        Bilingual(
            f"Invalid fault spec item {item!r}: {why}. Example: "
            "'error=CreateShortJob:0.5;throttle=*:2x;drop=1x;latency=0.2;reject=7,12;seed=3'.",
            f"故障设置项 {item!r} 无效：{why}。示例："
            "'error=CreateShortJob:0.5;throttle=*:2x;drop=1x;latency=0.2;reject=7,12;seed=3'。",
        ),
        exit_code=2,
    )


def _when(text: str, item: str) -> When:
    try:
        if text.endswith("x"):
            first = int(text[:-1])
            if first < 0:
                raise ValueError(text)
            return When(first=first)
        probability = float(text)
    except ValueError:
        raise _bad_spec(item, "WHEN must be a probability like 0.3 or a count like 2x") from None
    if not 0.0 <= probability <= 1.0:
        raise _bad_spec(item, "a probability must lie between 0 and 1")
    return When(probability=probability)


def _table(value: str, item: str) -> dict[str, When]:
    table = {}
    for entry in value.split(","):
        operation, colon, when = entry.partition(":")
        if not colon or not operation:
            raise _bad_spec(item, "expected OP:WHEN")
        table[operation] = _when(when, item)
    return table


def _number(value: str, item: str, convert: type[int] | type[float]) -> int | float:
    try:
        number = convert(value)
    except ValueError:
        raise _bad_spec(item, "expected a number") from None
    if number < 0:
        raise _bad_spec(item, "must not be negative")
    return number


_NAMES = ", ".join(
    ("error", "throttle", *_WHEN_ITEMS, "latency", "reject", "segment_reject", "letter_type", "seed")
)


def parse_faults(spec: str) -> FaultPlan:
    """Parse a ``--faults`` SPEC (grammar in this module's docstring); raises UserFacingError."""
    values: dict[str, object] = {}
    for raw in spec.replace(" ", "").split(";"):
        if not raw:
            continue
        name, equals, value = raw.partition("=")
        if not equals or not value:
            raise _bad_spec(raw, "expected name=value")
        if name == "error":
            values["errors"] = _table(value, raw)
        elif name == "throttle":
            values["throttles"] = _table(value, raw)
        elif name in _WHEN_ITEMS:
            values[_WHEN_ITEMS[name]] = _when(value, raw)
        elif name == "letter_type":
            if value not in LETTER_TYPES:
                raise _bad_spec(raw, f"TYPE must be one of {', '.join(LETTER_TYPES)}")
            values["letter_type"] = value
        elif name == "latency":
            values["latency_s"] = float(_number(value, raw, float))
        elif name == "seed":
            values["seed"] = int(_number(value, raw, int))
        elif name in ("reject", "segment_reject"):
            indices = frozenset(int(_number(part, raw, int)) for part in value.split(","))
            values["segment_reject_indices" if name == "segment_reject" else "reject_indices"] = indices
        else:
            raise _bad_spec(raw, f"unknown name (use {_NAMES})")
    return FaultPlan(**values)  # type: ignore[arg-type]
