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
REVIEW_PHASES = TRAINING_PHASES[:2]
# Long audio (ADVANCE, THIRD_PARTY) is cut into sentences and labelled after the review.
SPLIT_PHASES: tuple[tuple[str, float], ...] = (
    ("WAITING_SPLIT", 2.0),
    ("SPLITTING", 3.0),
    ("ANNOTATING", 3.0),
)
LONG_AUDIO_TYPES = frozenset({"ADVANCE", "THIRD_PARTY"})
USER_REVIEW_PHASE = ("USER_RESULT_REVIEW", 3.0)
SHORT_JOB_PHASES: tuple[tuple[str, float], ...] = (("PROCESSING", 3.0),)

# Operation-log action recorded when a phase ends.
PHASE_END_ACTIONS = {
    "SYSTEM_AUDITING": ("SYSTEM_AUDIT_PASS", "SYSTEM"),
    "AUDITING": ("ADMIN_AUDIT_PASS", "ADMIN"),
    "PROCESSING": ("TRAINING_FINISH", "SYSTEM"),
    "RESULT_REVIEW": ("UPLOADING_MODEL", "SYSTEM"),
    "UPLOADING": ("COMPLETE_JOB", "SYSTEM"),
}
IN_PROGRESS = frozenset(name for name, _ in TRAINING_PHASES + SPLIT_PHASES)
"""States in which the service works on the job (so it cannot be committed or deleted)."""


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


def _training_phases(job: dict[str, Any]) -> tuple[tuple[str, float], ...]:
    if job["job_type"] not in LONG_AUDIO_TYPES:
        return TRAINING_PHASES
    return REVIEW_PHASES + SPLIT_PHASES + TRAINING_PHASES[2:]


def _until(phases: tuple[tuple[str, float], ...], last: str) -> tuple[tuple[str, float], ...]:
    names = [name for name, _ in phases]
    return phases[: names.index(last) + 1]


def commit_walk(job: dict[str, Any], commit: dict[str, Any]) -> tuple[tuple[tuple[str, float], ...], str]:
    """The phases a commit leads through, and the state it ends in."""
    phases = _training_phases(job)
    halt = commit.get("halt")
    if commit["errors"]:
        return AUDIT_PHASES, "AUDIT_FAILED"
    if commit.get("admin"):
        return REVIEW_PHASES, "AUDIT_FAILED"
    if commit.get("fails"):
        return _until(phases, "PROCESSING"), "FAILED"
    if halt == "SPLIT_FAILED":
        return _until(phases, "SPLITTING"), halt
    if halt == "USER_RESULT_REVIEW":
        return _until(phases, "RESULT_REVIEW"), halt
    if halt == "USER_REVIEW_REJECT":
        return (*_until(phases, "RESULT_REVIEW"), USER_REVIEW_PHASE), halt
    return phases, "SUCCEED"


def training_position(job: dict[str, Any], now: float, speed: float) -> Position:
    """The state of a training job at ``now``."""
    if not job["commits"]:
        return Position("CREATING", job["create_time"], ())
    commit = job["commits"][-1]
    phases, final = commit_walk(job, commit)
    return walk(commit["time"], phases, final, now, speed)


def short_job_position(job: dict[str, Any], now: float, speed: float) -> Position:
    """The state of a short (assessment) job: it stays PROCESSING until its result exists."""
    if not job["commits"]:
        return Position("CREATING", job["create_time"], ())
    final = "FAILED" if job.get("failure") else "SUCCEED"
    position = walk(job["commits"][-1]["time"], SHORT_JOB_PHASES, final, now, speed)
    if position.state == final and job.get("result") is None and not job.get("failure"):
        return Position("PROCESSING", job["commits"][-1]["time"], ())
    return position
