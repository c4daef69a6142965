"""Submitting a SEGMENT session: its job is created before the takes exist (or adopted after a
crash), each sentence is sent and confirmed through its queue, then the job is committed."""

from __future__ import annotations

import functools
import threading
import time
from typing import Any

from voicerecorder.cloud.client import MetaStudioClient
from voicerecorder.cloud.states import REPLACED_STATES
from voicerecorder.session.problems import sentence_label
from voicerecorder.session.store import Session
from voicerecorder.text import Bilingual
from voicerecorder.workflow import records
from voicerecorder.workflow.events import Reporter, check_cancel, ignore
from voicerecorder.workflow.preflight import PreflightError, preflight
from voicerecorder.workflow.recovery import find_created
from voicerecorder.workflow.segments import REJECTED, SegmentQueue, SegmentState
from voicerecorder.workflow.submission import (
    Submission,
    SubmitOutcome,
    letter_only,
    recorded_job,
    replacing,
    same_data,
    send_letter_again,
)
from voicerecorder.workflow.track import apply_job


def segment_job(flow: Submission, *, early: bool = False) -> tuple[dict[str, Any], str]:
    """The session's SEGMENT job record (created once, adopted after a crash) and ``created``,
    ``resumed`` (the job is CREATING) or the state of a job that is already further.

    ``early``: the job is wanted while the talent is still recording, so the takes are not
    checked (only the resource, before creating); the commit's own run checks them."""
    session, client = flow.session, flow.client
    check = functools.partial(preflight, session, client, needs_takes=not early)
    record = records.latest(session, records.TRAINING)
    job = recorded_job(flow, record)
    if job is not None:
        apply_job(session, client, record, job)
        if job.state in ("CREATING", "AUDIT_FAILED") and not early:
            check(needs_resource=False)
        if job.state not in REPLACED_STATES:
            return record, "resumed" if job.state == "CREATING" else job.state
        flow.say("replace", replacing(record, job.state), record)
    if record and record.get("step") == "intent":
        found = find_created(session, client, record["intent"])
        if found is not None:
            if not early:
                check(needs_resource=False)
            return flow.adopt(record, found), "resumed"
    check(needs_resource=True)
    return flow.create(record, None), "created"


def open_segment_queue(
    session: Session,
    client: MetaStudioClient,
    *,
    reporter: Reporter = ignore,
    cancel: threading.Event | None = None,
) -> SegmentQueue:
    """The SEGMENT session's job (created on the first call, before any take needs to exist;
    adopted after a crash) and its queue, synced with what the service holds. Meant for a job
    still CREATING (before ``submit`` commits it): the record's ``state`` tells. Blocks on the
    network (worker thread)."""
    flow = Submission(session, client, None, reporter, cancel, time.time)
    record, _ = segment_job(flow, early=True)
    return _queue(flow, record)


def _queue(flow: Submission, record: dict[str, Any]) -> SegmentQueue:
    queue = SegmentQueue(
        flow.session,
        flow.client,
        record,
        functools.partial(flow.renew, record),
        reporter=flow.reporter,
        cancel=flow.cancel,
    )
    queue.sync()
    return queue


def submit_segments(flow: Submission) -> SubmitOutcome:
    """Send and confirm every pending sentence, then commit the job (with the letter, if given)."""
    record, action = segment_job(flow)
    if action not in ("created", "resumed", "AUDIT_FAILED"):
        return SubmitOutcome(record["job_id"], action, "unchanged", record)
    if action == "AUDIT_FAILED" and flow.new_letter(record) and letter_only(record):
        return send_letter_again(flow, record)
    queue = _queue(flow, record)
    sent = queue.run()
    if action == "AUDIT_FAILED" and not sent and not flow.new_letter(record):
        raise same_data(record)
    rejected = [state for state in queue.states() if state.state == REJECTED]
    if rejected:
        raise PreflightError([_rejected_line(state) for state in rejected])
    check_cancel(flow.cancel)
    flow.upload_letter(record)
    job = flow.commit(record)
    return SubmitOutcome(job.job_id, job.state, "resubmitted" if action == "AUDIT_FAILED" else action, record)


def _rejected_line(state: SegmentState) -> Bilingual:
    label, reason = sentence_label(state.index), state.reason or Bilingual("", "")
    return Bilingual(f"{label.en}: {reason.en}", f"{label.zh}：{reason.zh}")
