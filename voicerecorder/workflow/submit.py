"""Submitting a session for voice training, resuming an interrupted submission, and sending
re-recorded data again after the audit rejected some sentences — always to one job.

The order of writes makes a crash harmless: an *intent* record (with its batch mark, see
:mod:`voicerecorder.workflow.recovery`) goes into the session before CreateTraining*Job is
sent; the job id (with its upload URL and the package's sha256) is written as soon as the
answer arrives, before anything is uploaded. A run that finds an intent without a job id
looks its job up by that mark before creating one, so there is never a second job.

A package is only *intended* (step ``created``) until its upload is verified (step
``uploaded``: the stored object's ETag equals the file's MD5); only a commit makes it the
data under review (``committed_sha256``). A rerun after an interruption continues from the
recorded step: before a verified upload it packs and uploads again, after one it only
commits.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from voicerecorder.cloud.client import MetaStudioClient
from voicerecorder.cloud.states import REPLACED_STATES
from voicerecorder.session.form import voice_form_warnings
from voicerecorder.session.store import Session
from voicerecorder.text import Bilingual
from voicerecorder.workflow import records
from voicerecorder.workflow.events import Reporter, check_cancel, ignore, wait_listener
from voicerecorder.workflow.recovery import find_created
from voicerecorder.workflow.segment_submit import submit_segments
from voicerecorder.workflow.submission import (
    Submission,
    SubmitOutcome,
    letter_only,
    recorded_job,
    replacing,
    same_data,
    send_letter_again,
    upload_verified,
)
from voicerecorder.workflow.track import apply_job


def submit(
    session: Session,
    client: MetaStudioClient,
    *,
    letter: Path | None = None,
    reporter: Reporter = ignore,
    cancel: threading.Event | None = None,
    clock: Callable[[], float] = time.time,
) -> SubmitOutcome:
    """Submit ``session`` (or continue its submission) to one voice-training job.

    New session: pre-flight, pack, intent, CreateTraining<Edition>Job, upload, letter, commit.
    Job still CREATING (interrupted run): upload the current package and commit (only commit
    when an upload was already verified; the same for an interrupted resubmission).
    Job in AUDIT_FAILED: refuse until the rejected sentences have new passing takes, then
    repack, upload to a fresh URL and commit the same job again. Job FAILED (or ended otherwise,
    or deleted from this computer): say so and create a new job (its record names the old one in
    ``replaces``; the old record stays as it was). A SEGMENT session goes through
    :mod:`voicerecorder.workflow.segment_submit`.
    Blocks on packing and the network: call it from a worker thread; a slow service is
    reported as ``wait`` events.
    """
    with client.reporting_waits(wait_listener(reporter)):
        return _submit(Submission(session, client, letter, reporter, cancel, clock))


def _submit(flow: Submission) -> SubmitOutcome:
    session, client, cancel = flow.session, flow.client, flow.cancel
    if session.create_type == "SEGMENT":
        return submit_segments(flow)
    record = records.latest(session, records.TRAINING)
    job = recorded_job(flow, record)
    if job is not None:
        apply_job(session, client, record, job)
        if job.state not in ("CREATING", "AUDIT_FAILED", *REPLACED_STATES):
            return SubmitOutcome(job.job_id, job.state, "unchanged", record)
        if job.state == "AUDIT_FAILED" and flow.new_letter(record) and letter_only(record):
            return send_letter_again(flow, record)
        if job.state not in REPLACED_STATES:
            return _send_again(flow, record, resubmit=job.state == "AUDIT_FAILED")
        flow.say("replace", replacing(record, job.state), record)
    if record and record.get("step") == "intent":
        found = find_created(session, client, record["intent"])
        if found is not None:
            return _send_again(flow, flow.adopt(record, found), resubmit=False)
    for warning in voice_form_warnings(session.form, session.edition).values():
        flow.say("warning", warning)
    flow.check(needs_resource=True)
    package = flow.pack(record)
    check_cancel(cancel)
    record = flow.create(record, package)
    job = flow.send(record, fresh_url=False)
    return SubmitOutcome(job.job_id, job.state, "created", record)


def _send_again(flow: Submission, record: dict[str, Any], *, resubmit: bool) -> SubmitOutcome:
    """Continue the recorded job: commit a verified upload, else pack, upload and commit (again,
    when ``resubmit``: refused while the package equals the one the audit rejected)."""
    if upload_verified(record):
        flow.say("resume", _verified_upload(), record)
    else:
        _intend(flow, record, resubmit=resubmit)
    job = flow.send(record, fresh_url=resubmit)
    return SubmitOutcome(job.job_id, job.state, "resubmitted" if resubmit else "resumed", record)


def _intend(flow: Submission, record: dict[str, Any], *, resubmit: bool) -> None:
    """Pack the current takes and record the package as the one to upload (not yet sent)."""
    flow.check(needs_resource=False)
    package = flow.pack(record)
    if resubmit and package["sha256"] == record.get("committed_sha256"):
        raise same_data(record)
    record.update(package=package, step="created")
    record["upload"] = {**(record.get("upload") or {}), "md5": None, "etag": None}
    flow.save(record)


def _verified_upload() -> Bilingual:
    return Bilingual(
        "The recordings were already uploaded and verified; submitting them without uploading again.",
        "录音已上传并校验通过；直接提交，无需重新上传。",
    )
