"""Job states computed from timestamps, so a restarted sandbox resumes where it was.

A committed job walks through phases of fixed length (seconds at ``speed`` 1.0, divided by
the speed) measured from its latest commit. Nothing runs in the background: every query
works out the state for "now".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# The documented happy path of a training job, with the sandbox's default lengths.
TRAINING_PHASES: tuple[tuple[str, float], ...] = (
    ("SYSTEM_AUDITING", 3.0),
    ("AUDITING", 3.0),
    ("WAITING", 3.0),
    ("PROCESSING", 6.0),
    ("RESULT_REVIEW", 3.0),
    ("UPLOADING", 2.0),
)
AUDIT_PHASES = TRAINING_PHASES[:1]
FAILING_PHASES = TRAINING_PHASES[:4]
SHORT_JOB_PHASES: tuple[tuple[str, float], ...] = (("PROCESSING", 3.0),)

# Operation-log action recorded when a phase ends.
PHASE_END_ACTIONS = {
    "SYSTEM_AUDITING": ("SYSTEM_AUDIT_PASS", "SYSTEM"),
    "AUDITING": ("ADMIN_AUDIT_PASS", "ADMIN"),
    "PROCESSING": ("TRAINING_FINISH", "SYSTEM"),
    "RESULT_REVIEW": ("UPLOADING_MODEL", "SYSTEM"),
    "UPLOADING": ("COMPLETE_JOB", "SYSTEM"),
}
IN_PROGRESS = frozenset(name for name, _ in TRAINING_PHASES)


@dataclass(frozen=True)
class Position:
    """Where a job stands: its state, when that state began, and the phases already finished."""

    state: str
    since: float
    finished: tuple[tuple[str, float], ...]


def walk(
    start: float, phases: tuple[tuple[str, float], ...], final: str, now: float, speed: float
) -> Position:
    """The state at ``now`` of a walk through ``phases`` that began at ``start``, then ``final``."""
    moment = start
    finished: list[tuple[str, float]] = []
    for name, length in phases:
        end = moment + length / speed
        if now < end:
            return Position(name, moment, tuple(finished))
        finished.append((name, end))
        moment = end
    return Position(final, moment, tuple(finished))


def training_position(job: dict[str, Any], now: float, speed: float) -> Position:
    """The state of a training job at ``now``."""
    if not job["commits"]:
        return Position("CREATING", job["create_time"], ())
    commit = job["commits"][-1]
    if commit["errors"]:
        return walk(commit["time"], AUDIT_PHASES, "AUDIT_FAILED", now, speed)
    if commit.get("fails"):
        return walk(commit["time"], FAILING_PHASES, "FAILED", now, speed)
    return walk(commit["time"], TRAINING_PHASES, "SUCCEED", now, speed)


def short_job_position(job: dict[str, Any], now: float, speed: float) -> Position:
    """The state of a short (assessment) job: it stays PROCESSING until its result exists."""
    if not job["commits"]:
        return Position("CREATING", job["create_time"], ())
    final = "FAILED" if job.get("failure") else "SUCCEED"
    position = walk(job["commits"][-1]["time"], SHORT_JOB_PHASES, final, now, speed)
    if position.state == final and job.get("result") is None and not job.get("failure"):
        return Position("PROCESSING", job["commits"][-1]["time"], ())
    return position
