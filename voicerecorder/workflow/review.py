"""What the review said, in plain words: the algorithm's and the reviewer's reasons from the
job's operation log (ListJobOperationLog), for ``status``, ``jobs`` and the Track page."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from voicerecorder.cloud.client import MetaStudioClient
from voicerecorder.cloud.models import TrainingJob
from voicerecorder.cloud.oplog import OperationLogItem
from voicerecorder.session.store import Session
from voicerecorder.text import Bilingual
from voicerecorder.workflow.events import Reporter, ignore
from voicerecorder.workflow.polling import PollPolicy
from voicerecorder.workflow.track import track

PAGE = 100
# States whose reason only the operation log holds (FAILED jobs carry theirs in the job).
REASON_STATES = frozenset({"AUDIT_FAILED", "SPLIT_FAILED", "USER_REVIEW_REJECT"})


@dataclass(frozen=True)
class ReviewReason:
    """One reason the service gave: ``source`` is ``algorithm`` (the automatic check) or
    ``reviewer`` (a person at MetaStudio); ``time`` as the service sent it."""

    time: int | None
    source: str
    text: str

    def line(self) -> Bilingual:
        """The reason with who gave it."""
        if self.source == "reviewer":
            return Bilingual(f"MetaStudio's reviewer: {self.text}", f"MetaStudio 审核人员：{self.text}")
        return Bilingual(f"MetaStudio's automatic check: {self.text}", f"MetaStudio 自动检查：{self.text}")


def _reasons(item: OperationLogItem) -> list[ReviewReason]:
    info = item.external_info
    if info is None:
        return []
    found = []
    if info.algorithm_failure_reason and info.algorithm_failure_reason.strip():
        found.append(ReviewReason(item.time, "algorithm", info.algorithm_failure_reason.strip()))
    if info.admin_audit_failure_reason and info.admin_audit_failure_reason.strip():
        found.append(ReviewReason(item.time, "reviewer", info.admin_audit_failure_reason.strip()))
    return found


def review_reasons(client: MetaStudioClient, job_id: str) -> list[ReviewReason]:
    """Every reason in the job's operation log, oldest first (all pages). Blocks on the network:
    call it from a worker thread."""
    reasons: list[ReviewReason] = []
    offset = 0
    while True:
        page = client.list_job_operation_log(job_id, offset=offset, limit=PAGE)
        for item in page.operations:
            reasons.extend(_reasons(item))
        offset += len(page.operations)
        if not page.operations or offset >= page.count:
            return reasons


def latest_reasons(client: MetaStudioClient, job_id: str) -> list[ReviewReason]:
    """The reasons given at the newest moment any was given (the last rejection's). Worker thread."""
    reasons = review_reasons(client, job_id)
    if not reasons:
        return []
    newest = reasons[-1].time
    return [reason for reason in reasons if reason.time == newest]


def rejection_reasons(client: MetaStudioClient, job_id: str, state: str) -> list[ReviewReason]:
    """The last rejection's reasons of a training job in ``state`` (none for a state whose reason
    the operation log does not hold). Worker thread."""
    return latest_reasons(client, job_id) if state in REASON_STATES else []


@dataclass(frozen=True)
class Followed:
    """A training job where tracking stopped, with the reasons of its last rejection (if any)."""

    job: TrainingJob
    reasons: tuple[ReviewReason, ...]


def follow(
    session: Session,
    client: MetaStudioClient,
    *,
    reporter: Reporter = ignore,
    cancel: threading.Event | None = None,
    policy: PollPolicy | None = None,
) -> Followed:
    """Track the session's job (:func:`~voicerecorder.workflow.track.track`) until it finishes or
    waits for the person, then read the review's reasons. Worker thread (blocks on the network)."""
    job = track(session, client, reporter=reporter, cancel=cancel, policy=policy)
    return Followed(job, tuple(rejection_reasons(client, job.job_id, job.state)))
