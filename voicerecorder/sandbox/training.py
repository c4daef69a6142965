"""Voice-training job operations: create, upload addresses, commit (with the audit), show, delete."""

from __future__ import annotations

import hashlib
import uuid
from typing import Any

from voicerecorder.sandbox.audit import audit_package
from voicerecorder.sandbox.call import Call, boolean, choice, text
from voicerecorder.sandbox.context import Sandbox, millis
from voicerecorder.sandbox.errors import (
    MSS_INVALID_PARAMETER,
    MSS_NO_DATA_UPLOADED,
    MSS_NO_RESOURCE,
    MSS_SEGMENTS_MISSING,
    MSS_WRONG_JOB_STATE,
    SandboxError,
)
from voicerecorder.sandbox.obs import BUCKET, TEXT, WAV, ZIP
from voicerecorder.sandbox.quotas import available_resources
from voicerecorder.sandbox.store import Job
from voicerecorder.sandbox.timeline import (
    IN_PROGRESS,
    LONG_AUDIO_TYPES,
    PHASE_END_ACTIONS,
    training_position,
)
from voicerecorder.session.form import SERVICES, SEXES
from voicerecorder.session.script import EDITION_SIZES, LANGUAGES, TAGS

JOB_TYPES = {
    "basic-jobs": "BASIC",
    "middle-jobs": "MIDDLE",
    "advance-jobs": "ADVANCE",
    "third-party-jobs": "THIRD_PARTY",
}
CREATE_TYPES = ("PACKAGE", "SEGMENT")
ASSET_NAMESPACE = uuid.UUID("8d3b1f52-3c3e-4f0a-9d5e-6a1f0c2b7e41")
# A training failure the fault plan injects (sandbox code in the MSS.2002xxxx block).
TRAINING_FAILED = "MSS.20020020"
TRAINING_FAILED_REASON = "Model training failed (injected by the sandbox fault plan)."
ADMIN_REJECT_REASON = (
    "The authorization letter is not signed by the voice talent, or its name does not match "
    "the voice name. Upload a letter signed by the person whose voice is recorded."
)
_COMMIT_FIELDS = ("description", "phone", "app_user_id", "output_language", "custom_text")


def data_key(job_id: str) -> str:
    """Where a PACKAGE job's training zip is stored."""
    return f"voice-jobs/{job_id}/training-data.zip"


def letter_key(job_id: str) -> str:
    """Where the signed authorization letter is stored."""
    return f"voice-jobs/{job_id}/authorization-letter"


def segment_key(job_id: str, index: int, suffix: str) -> str:
    """Where sentence ``index``'s audio (``wav``) or text (``txt``) is stored."""
    return f"voice-jobs/{job_id}/segments/{index}.{suffix}"


def segment_count(job: Job) -> int:
    """How many sentences a SEGMENT job uploads one by one (0 for PACKAGE jobs)."""
    return EDITION_SIZES.get(job["job_type"], 0) if job["create_type"] == "SEGMENT" else 0


def _validated_request(body: dict[str, Any], job_type: str) -> dict[str, Any]:
    fields = {
        "voice_name": text(body, "voice_name", required=True, max_length=256),
        "sex": choice(body, "sex", SEXES, "FEMALE"),
        "language": choice(body, "language", LANGUAGES, "CN"),
        "tag": choice(body, "tag", TAGS),
        "create_type": choice(body, "create_type", CREATE_TYPES, "PACKAGE"),
        "is_ondemand_resource": boolean(body, "is_ondemand_resource") or False,
    }
    for name in ("description", "phone", "dhtms_job_id", "batch_name", "output_language", "custom_text"):
        fields[name] = text(body, name)
    services = body.get("supported_service") or []
    if not isinstance(services, list) or any(service not in SERVICES for service in services):
        raise SandboxError(
            MSS_INVALID_PARAMETER, detail=f"supported_service items must be {', '.join(SERVICES)}"
        )
    fields["supported_service"] = services
    if fields["create_type"] == "SEGMENT" and job_type not in EDITION_SIZES:
        raise SandboxError(
            MSS_INVALID_PARAMETER, detail=f"create_type SEGMENT is not available for {job_type}"
        )
    return fields


def _addresses(sandbox: Sandbox, call: Call, job: Job) -> dict[str, Any]:
    job_id = job["job_id"]
    count = segment_count(job)
    return {
        "package": sandbox.upload_url(call.base_url, data_key(job_id), ZIP) if not count else None,
        "audio": [
            sandbox.upload_url(call.base_url, segment_key(job_id, i, "wav"), WAV) for i in range(count)
        ],
        "txt": [sandbox.upload_url(call.base_url, segment_key(job_id, i, "txt"), TEXT) for i in range(count)],
        "letter": sandbox.upload_url(call.base_url, letter_key(job_id), sandbox.dice.plan.letter_type),
    }


def create_job(sandbox: Sandbox, call: Call) -> dict[str, Any]:
    """CreateTrainingBasicJob / MiddleJob / AdvanceJob / ThirdPartyJob."""
    job_type = JOB_TYPES[call.path_params["kind"]]
    fields = _validated_request(call.json_body(required=True), job_type)
    resource = "MIDDLE_ON_DEMAND" if job_type == "MIDDLE" and fields["is_ondemand_resource"] else job_type
    if available_resources(sandbox, call.project_id).get(resource, 0) <= 0:
        raise SandboxError(MSS_NO_RESOURCE, resource_type=resource)
    job_id = str(uuid.uuid4())
    job: Job = {
        "kind": "training",
        "job_id": job_id,
        "project_id": call.project_id,
        "job_type": job_type,
        "resource": resource,
        "create_time": call.now,
        "commits": [],
        "confirmed_index": [],
        "rejected_digests": {},
        "app_user_id": call.headers.get("x-app-userid"),
        **fields,
    }
    sandbox.store.add(job)
    urls = _addresses(sandbox, call, job)
    response: dict[str, Any] = {"job_id": job_id, "authorization_letter_uploading_url": urls["letter"]}
    if urls["package"]:
        response["training_data_uploading_url"] = urls["package"]
    else:
        response["segment_uploading_url"] = {
            "audio_uploading_url": urls["audio"],
            "txt_uploading_url": urls["txt"],
        }
    return response


def uploading_address(sandbox: Sandbox, call: Call) -> dict[str, Any]:
    """ShowJobUploadingAddress: fresh URLs for the job's data and letter."""
    job = sandbox.job(call, call.path_params["job_id"], "training")
    urls = _addresses(sandbox, call, job)
    response: dict[str, Any] = {"authorization_letter_uploading_url": urls["letter"]}
    if urls["package"]:
        response["package_url"] = {"training_data_uploading_url": urls["package"]}
    else:
        response["segment_url"] = {"audio_uploading_url": urls["audio"], "txt_uploading_url": urls["txt"]}
    return response


def _commit_fields(call: Call) -> dict[str, Any]:
    body = call.json_body(required=False)
    fields = {
        "tag": choice(body, "tag", TAGS),
        "sex": choice(body, "sex", SEXES),
        "language": choice(body, "language", LANGUAGES),
        "voice_name": text(body, "voice_name", max_length=256),
    }
    fields.update({name: text(body, name) for name in _COMMIT_FIELDS})
    return {name: value for name, value in fields.items() if value is not None}


def _audit(sandbox: Sandbox, job: Job) -> tuple[list[dict[str, str]], dict[str, str]]:
    if job["create_type"] == "SEGMENT":
        missing = sorted(set(range(segment_count(job))) - set(job["confirmed_index"]))
        if missing:
            raise SandboxError(MSS_SEGMENTS_MISSING, indices=", ".join(map(str, missing[:20])))
        return [], job["rejected_digests"]
    if not sandbox.objects.exists(BUCKET, data_key(job["job_id"])):
        raise SandboxError(MSS_NO_DATA_UPLOADED, job_id=job["job_id"])
    outcome = audit_package(
        sandbox.objects.path(BUCKET, data_key(job["job_id"])), job, sandbox.dice.plan.reject_indices
    )
    return outcome.errors, outcome.rejected_digests


def _letter_digest(sandbox: Sandbox, job: Job) -> str | None:
    key = letter_key(job["job_id"])
    if not sandbox.objects.exists(BUCKET, key):
        return None
    return hashlib.sha256(sandbox.objects.read(BUCKET, key)).hexdigest()


def _admin_verdict(sandbox: Sandbox, job: Job, letter: str | None) -> str | None:
    """The reviewer's rejection reason: drawn from the fault plan, and kept while the letter
    the rejected commit carried has not been replaced."""
    previous = job["commits"][-1] if job["commits"] else None
    if previous and previous.get("admin") and previous.get("letter") == letter:
        return previous["admin"]
    return ADMIN_REJECT_REASON if sandbox.dice.admin_rejects() else None


def commit_job(sandbox: Sandbox, call: Call) -> None:
    """CommitVoiceTrainingJob: apply the form, audit the upload, start the review walk."""
    job = sandbox.job(call, call.path_params["job_id"], "training")
    state = training_position(job, call.now, sandbox.speed).state
    if state not in ("CREATING", "AUDIT_FAILED"):
        raise SandboxError(MSS_WRONG_JOB_STATE, job_id=job["job_id"], state=state, action="commit")
    fields = _commit_fields(call)
    job.update(fields)
    errors, digests = _audit(sandbox, job)
    letter = _letter_digest(sandbox, job)
    admin = None if errors else _admin_verdict(sandbox, job, letter)
    fails = not (errors or admin) and sandbox.dice.training_fails()
    halt = None if errors or admin or fails else sandbox.dice.halt(job["job_type"] in LONG_AUDIO_TYPES)

    def record(stored: Job) -> None:
        if stored["commits"] != job["commits"]:
            raise SandboxError(
                MSS_WRONG_JOB_STATE, job_id=job["job_id"], state="SYSTEM_AUDITING", action="commit"
            )
        stored.update(fields)
        stored["rejected_digests"] = digests
        stored["commits"].append(
            {
                "time": call.now,
                "errors": errors,
                "fails": fails,
                "admin": admin,
                "halt": halt,
                "letter": letter,
            }
        )

    sandbox.store.update(job["job_id"], record)


def delete_job(sandbox: Sandbox, call: Call) -> None:
    """DeleteVoiceTrainingJob: allowed unless the job is being reviewed or trained."""
    job = sandbox.job(call, call.path_params["job_id"], "training")
    state = training_position(job, call.now, sandbox.speed).state
    if state in IN_PROGRESS:
        raise SandboxError(MSS_WRONG_JOB_STATE, job_id=job["job_id"], state=state, action="delete")

    def mark(stored: Job) -> None:
        stored["deleted"] = True

    sandbox.store.update(job["job_id"], mark)


def _reject_times(job: Job, state: str) -> int:
    earlier = sum(1 for commit in job["commits"][:-1] if commit["errors"])
    return earlier + (1 if state == "AUDIT_FAILED" else 0)


def job_info(sandbox: Sandbox, call: Call, job: Job) -> dict[str, Any]:
    """The job as a TrainingJobInfo (also ShowVoiceTrainingJob's body)."""
    position = training_position(job, call.now, sandbox.speed)
    info: dict[str, Any] = {
        name: job.get(name)
        for name in (
            "job_type",
            "job_id",
            "app_user_id",
            "voice_name",
            "sex",
            "language",
            "create_type",
            "tag",
            "phone",
            "dhtms_job_id",
            "batch_name",
            "output_language",
            "is_ondemand_resource",
        )
    }
    info.update(
        state=position.state,
        reject_times=_reject_times(job, position.state),
        create_time=millis(job["create_time"]),
        lastupdate_time=millis(position.since),
        voice_authorization_url=sandbox.download_url(call.base_url, letter_key(job["job_id"])),
        training_input_source_url=sandbox.download_url(call.base_url, data_key(job["job_id"])),
        is_remake=False,
        allocated_resource={
            "resource_id": str(uuid.uuid5(ASSET_NAMESPACE, f"{job['project_id']}:{job['resource']}")),
            "charge_mode": "ONE_TIME",
            "expire_time": "2099-12-31T23:59:59Z",
        },
    )
    if position.state == "FAILED":
        info["job_failed_code"] = TRAINING_FAILED
        info["job_failed_reason"] = TRAINING_FAILED_REASON
    if position.state == "SUCCEED":
        info["asset_id"] = str(uuid.uuid5(ASSET_NAMESPACE, f"{job['job_id']}:{len(job['commits'])}"))
    return {name: value for name, value in info.items() if value is not None}


def show_job(sandbox: Sandbox, call: Call) -> dict[str, Any]:
    """ShowVoiceTrainingJob."""
    return job_info(sandbox, call, sandbox.job(call, call.path_params["job_id"], "training"))


def audit_result(sandbox: Sandbox, call: Call) -> dict[str, Any]:
    """ShowJobAuditResult: the system audit's per-file errors and the (simulated) reviewer's verdict."""
    job = sandbox.job(call, call.path_params["job_id"], "training")
    position = training_position(job, call.now, sandbox.speed)
    finished = dict(position.finished)
    result: dict[str, Any] = {}
    if "SYSTEM_AUDITING" in finished:
        result["system_audit_result"] = {
            "audit_time": millis(finished["SYSTEM_AUDITING"]),
            "errors": job["commits"][-1]["errors"],
        }
    if "AUDITING" in finished:
        verdict = job["commits"][-1].get("admin") or "Approved."
        result["admin_audit_result"] = {"message": verdict, "audit_time": millis(finished["AUDITING"])}
    return result


def _algorithm_reason(errors: list[dict[str, str]]) -> str:
    shown = "; ".join(f"{error['error_code']} {error['error_message']}" for error in errors[:5])
    more = f" (and {len(errors) - 5} more)" if len(errors) > 5 else ""
    return f"{len(errors)} problem(s) in the uploaded data: {shown}{more}"


def _rejection(commit: dict[str, Any]) -> tuple[str, str, dict[str, str]]:
    """The AUDIT_NOT_PASS entry of a rejected commit: operator and external_info."""
    if commit["errors"]:
        return "AUDIT_NOT_PASS", "SYSTEM", {"algorithm_failure_reason": _algorithm_reason(commit["errors"])}
    return "AUDIT_NOT_PASS", "ADMIN", {"admin_audit_failure_reason": commit["admin"]}


def operation_log(sandbox: Sandbox, call: Call) -> dict[str, Any]:
    """ListJobOperationLog: the job's history derived from its commits and timeline."""
    job = sandbox.job(call, call.path_params["job_id"], "training")
    entries: list[tuple[float, str, str, dict[str, str]]] = [(job["create_time"], "CREATE_JOB", "USER", {})]
    commits = job["commits"]
    for number, commit in enumerate(commits):
        entries.append((commit["time"], "COMMIT_JOB", "USER", {}))
        until = commits[number + 1]["time"] if number + 1 < len(commits) else call.now
        position = training_position({**job, "commits": commits[: number + 1]}, until, sandbox.speed)
        for phase, end in position.finished:
            if commit["errors"] or (commit.get("admin") and phase == "AUDITING"):
                entries.append((end, *_rejection(commit)))
            elif phase in PHASE_END_ACTIONS and not (commit.get("fails") and phase == "PROCESSING"):
                entries.append((end, *PHASE_END_ACTIONS[phase], {}))
    offset = call.int_query("offset", 0, 0, 2147483647)
    limit = call.int_query("limit", 10, 1, 100)
    operations = [
        {
            "time": millis(moment),
            "action": action,
            "operator": operator,
            **({"external_info": info} if info else {}),
        }
        for moment, action, operator, info in entries
    ]
    return {"count": len(operations), "operations": operations[offset : offset + limit]}
