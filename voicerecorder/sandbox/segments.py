"""Sentence-by-sentence upload (create_type SEGMENT): ConfirmTrainingSegment and ShowTrainingSegmentInfo."""

from __future__ import annotations

import hashlib
from typing import Any

from voicerecorder.sandbox.audit import check_text, check_wav
from voicerecorder.sandbox.call import Call
from voicerecorder.sandbox.context import Sandbox
from voicerecorder.sandbox.errors import MSS_INVALID_PARAMETER, SandboxError
from voicerecorder.sandbox.obs import BUCKET
from voicerecorder.sandbox.store import Job
from voicerecorder.sandbox.training import segment_count, segment_key
from voicerecorder.session.lint import MAX_SECONDS


def _segment_job(sandbox: Sandbox, call: Call) -> Job:
    job_id = call.query.get("job_id")
    if not job_id:
        raise SandboxError(MSS_INVALID_PARAMETER, detail="job_id is required")
    job = sandbox.job(call, job_id, "training")
    if job["create_type"] != "SEGMENT":
        raise SandboxError(MSS_INVALID_PARAMETER, detail=f"job {job_id} was created for PACKAGE upload")
    return job


def _segment_passes(sandbox: Sandbox, job: Job, index: int) -> tuple[bool, str]:
    """(passes, wav fingerprint) for the uploaded pair at ``index``."""
    audio_key, text_key = segment_key(job["job_id"], index, "wav"), segment_key(job["job_id"], index, "txt")
    if not (sandbox.objects.exists(BUCKET, audio_key) and sandbox.objects.exists(BUCKET, text_key)):
        return False, ""
    audio = sandbox.objects.read(BUCKET, audio_key)
    problem = check_wav(audio, f"{index}.wav", MAX_SECONDS) or check_text(
        sandbox.objects.read(BUCKET, text_key), f"{index}.txt", job["language"]
    )
    return problem is None, hashlib.sha256(audio).hexdigest()


def confirm_segment(sandbox: Sandbox, call: Call) -> dict[str, Any]:
    """Check the sentence at ``index`` (audio and text uploaded, valid, not rejected)."""
    job = _segment_job(sandbox, call)
    index = call.int_query("index", -1, 0, segment_count(job) - 1)
    passes, digest = _segment_passes(sandbox, job, index)
    key = str(index)
    rejected = job["rejected_digests"]
    plan = sandbox.dice.plan
    if passes and index in plan.reject_indices | plan.segment_reject_indices and key not in rejected:
        rejected[key] = digest
    passes = passes and rejected.get(key) != digest

    def record(stored: Job) -> None:
        stored["rejected_digests"] = rejected
        confirmed = set(stored["confirmed_index"])
        if passes:
            confirmed.add(index)
        else:
            confirmed.discard(index)
        stored["confirmed_index"] = sorted(confirmed)

    sandbox.store.update(job["job_id"], record)
    return {"confirm_result": passes, "unmatched_index_hit": [] if passes else [index]}


def segment_info(sandbox: Sandbox, call: Call) -> dict[str, Any]:
    """The indices confirmed so far."""
    return {"confirmed_index": _segment_job(sandbox, call)["confirmed_index"]}
