"""ListVoiceTrainingJob: every documented filter, offset/limit and sorting."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from voicerecorder.sandbox.call import Call
from voicerecorder.sandbox.context import Sandbox
from voicerecorder.sandbox.errors import MSS_INVALID_PARAMETER, SandboxError
from voicerecorder.sandbox.training import job_info

SORT_KEYS = {"create_time": "create_time", "ceate_time": "create_time", "update_time": "lastupdate_time"}
_TIME_FILTERS = (
    ("create_since", "create_time", 1),
    ("create_until", "create_time", -1),
    ("update_since", "lastupdate_time", 1),
    ("update_until", "lastupdate_time", -1),
)
_EXACT_FILTERS = ("job_id", "tag", "job_type", "batch_name")


def parse_time(name: str, value: str) -> int:
    """A time filter as epoch milliseconds: digits (seconds or milliseconds) or ISO 8601."""
    if value.isdigit():
        number = int(value)
        return number if number >= 10**11 else number * 1000
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise SandboxError(
            MSS_INVALID_PARAMETER,
            detail=f"{name} must be epoch seconds/milliseconds or ISO 8601 like 2025-01-01T00:00:00Z",
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return int(moment.timestamp() * 1000)


def _matches(
    info: dict[str, Any], call: Call, states: set[str] | None, times: list[tuple[str, int, int]]
) -> bool:
    if states is not None and info["state"] not in states:
        return False
    if any(name in call.query and info.get(name) != call.query[name] for name in _EXACT_FILTERS):
        return False
    if "voice_name" in call.query and call.query["voice_name"] not in (info.get("voice_name") or ""):
        return False
    ondemand = call.query.get("is_ondemand_resource")
    if ondemand is not None and bool(info.get("is_ondemand_resource")) != (ondemand.lower() == "true"):
        return False
    return all((info[field] - bound) * direction >= 0 for field, bound, direction in times)


def list_jobs(sandbox: Sandbox, call: Call) -> dict[str, Any]:
    """The caller's training jobs that pass every filter, sorted and paged."""
    offset = call.int_query("offset", 0, 0, 2147483647)
    limit = call.int_query("limit", 10, 1, 100)
    sort_key = SORT_KEYS.get(call.query.get("sort_key", "create_time"))
    sort_dir = call.query.get("sort_dir", "desc")
    if sort_key is None or sort_dir not in ("asc", "desc"):
        raise SandboxError(
            MSS_INVALID_PARAMETER, detail="sort_key must be create_time or update_time, sort_dir asc or desc"
        )
    states = set(call.query["state"].split(",")) if call.query.get("state") else None
    times = [
        (field, parse_time(name, call.query[name]), direction)
        for name, field, direction in _TIME_FILTERS
        if name in call.query
    ]
    jobs = [
        job_info(sandbox, call, job)
        for job in sandbox.store.all()
        if job["kind"] == "training" and job["project_id"] == call.project_id and not job.get("deleted")
    ]
    matching = [info for info in jobs if _matches(info, call, states, times)]
    matching.sort(key=lambda info: (info[sort_key], info["job_id"]), reverse=sort_dir == "desc")
    return {"count": len(matching), "jobs": matching[offset : offset + limit]}
