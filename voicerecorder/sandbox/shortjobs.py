"""Short jobs (VOICE_ASSESS): create, commit (starts the assessment), show."""

from __future__ import annotations

import uuid
from typing import Any

from voicerecorder.sandbox.call import Call, choice
from voicerecorder.sandbox.context import Sandbox, millis
from voicerecorder.sandbox.errors import (
    MSS_INVALID_PARAMETER,
    MSS_NO_DATA_UPLOADED,
    MSS_WRONG_JOB_STATE,
    SandboxError,
)
from voicerecorder.sandbox.obs import BUCKET, ZIP
from voicerecorder.sandbox.store import Job
from voicerecorder.sandbox.timeline import short_job_position
from voicerecorder.session.script import LANGUAGES

SHORT_JOB_TYPES = ("VOICE_ASSESS",)


def data_key(job_id: str) -> str:
    """Where the short job's zip is stored in the sandbox bucket."""
    return f"short-jobs/{job_id}/data.zip"


def create_short_job(sandbox: Sandbox, call: Call) -> dict[str, Any]:
    """CreateShortJob: a job in CREATING and the URL to PUT its zip to."""
    body = call.json_body(required=True)
    job_type = choice(body, "job_type", SHORT_JOB_TYPES)
    if job_type is None:
        raise SandboxError(MSS_INVALID_PARAMETER, detail="job_type is required (VOICE_ASSESS)")
    job: Job = {
        "kind": "short",
        "job_id": str(uuid.uuid4()),
        "project_id": call.project_id,
        "job_type": job_type,
        "language": choice(body, "language", LANGUAGES, "CN"),
        "create_time": call.now,
        "commits": [],
        "result": None,
        "failure": None,
    }
    sandbox.store.add(job)
    return {
        "job_id": job["job_id"],
        "data_uploading_url": sandbox.upload_url(call.base_url, data_key(job["job_id"]), ZIP),
    }


def commit_short_job(sandbox: Sandbox, call: Call) -> None:
    """CommitShortJob: needs the uploaded zip; the assessment then runs in the background."""
    job = sandbox.job(call, call.path_params["job_id"], "short")
    if job["commits"]:
        state = short_job_position(job, call.now, sandbox.speed).state
        raise SandboxError(MSS_WRONG_JOB_STATE, job_id=job["job_id"], state=state, action="commit")
    if not sandbox.objects.exists(BUCKET, data_key(job["job_id"])):
        raise SandboxError(MSS_NO_DATA_UPLOADED, job_id=job["job_id"])

    def record(stored: Job) -> None:
        if stored["commits"]:
            raise SandboxError(MSS_WRONG_JOB_STATE, job_id=job["job_id"], state="PROCESSING", action="commit")
        stored["commits"].append({"time": call.now})

    sandbox.store.update(job["job_id"], record)
    sandbox.start_assessment(job["job_id"])


def show_short_job(sandbox: Sandbox, call: Call) -> dict[str, Any]:
    """ShowShortJob: state from the timeline; the result once SUCCEED, the reason once FAILED."""
    job = sandbox.job(call, call.path_params["job_id"], "short")
    position = short_job_position(job, call.now, sandbox.speed)
    info: dict[str, Any] = {
        "job_type": job["job_type"],
        "job_id": job["job_id"],
        "state": position.state,
        "create_time": millis(job["create_time"]),
        "lastupdate_time": millis(position.since),
    }
    if position.state == "SUCCEED":
        info["assess_result"] = job["result"]
    elif position.state == "FAILED":
        info["job_failed_code"] = job["failure"]["code"]
        info["job_failed_reason"] = job["failure"]["reason"]
    return info
