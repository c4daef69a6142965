"""The tenant's voice-training resources (used up as jobs are created) and duration limits."""

from __future__ import annotations

import uuid
from typing import Any

from voicerecorder.sandbox.call import Call
from voicerecorder.sandbox.context import Sandbox

# Resources every sandbox project starts with (resource_type -> count).
INITIAL_RESOURCES = {
    "BASIC": 10,
    "MIDDLE": 5,
    "MIDDLE_ON_DEMAND": 100,
    "ADVANCE": 2,
    "THIRD_PARTY": 2,
    "FLEXUS": 0,
}
# resource_available_nums field for each resource type.
AVAILABLE_FIELDS = {
    "FLEXUS": "flexus",
    "BASIC": "basic",
    "MIDDLE": "middle",
    "MIDDLE_ON_DEMAND": "middle_on_demand",
    "ADVANCE": "advance",
    "THIRD_PARTY": "third_party_cmww",
}
# ShowTenantDurationCfg (seconds of audio in total per edition; short_assess for one check).
DURATION_LIMITS = {
    "basic_min": 60, "basic_max": 600, "basic_advice_value": 200,
    "middle_min": 300, "middle_max": 3000, "middle_advice_value": 1000,
    "advance_min": 1800, "advance_max": 10800, "advance_advice_value": 3600,
    "flexus_min": 10, "flexus_max": 60, "flexus_advice_value": 30,
    "cmww_min": 60, "cmww_max": 600, "cmww_advice_value": 300,
    "ljzn_min": 60, "ljzn_max": 600, "ljzn_advice_value": 300,
    "short_assess_min": 3, "short_assess_max": 300,
}  # fmt: skip
_NAMESPACE = uuid.UUID("0f4a7c8e-52d1-4b8e-9a53-3d6b2e1c9f70")


def available_resources(sandbox: Sandbox, project_id: str) -> dict[str, int]:
    """Resources left per type: a job uses one unless it was deleted before it was committed."""
    used = dict.fromkeys(INITIAL_RESOURCES, 0)
    for job in sandbox.store.all():
        counts = not (job.get("deleted") and not job["commits"])
        if job["kind"] == "training" and job["project_id"] == project_id and counts:
            used[job["resource"]] += 1
    return {kind: INITIAL_RESOURCES[kind] - used[kind] for kind in INITIAL_RESOURCES}


def show_quotas(sandbox: Sandbox, call: Call) -> dict[str, Any]:
    """ShowVoiceTrainingQuotas."""
    available = available_resources(sandbox, call.project_id)
    resources = [
        {
            "operation_type": "ADD",
            "resource_source": "ADMIN_ALLOCATED",
            "resource_id": str(uuid.uuid5(_NAMESPACE, f"{call.project_id}:{kind}")),
            "resource_nums": total,
            "resource_available_nums": available[kind],
            "resource_type": "MIDDLE" if kind == "MIDDLE_ON_DEMAND" else kind,
            "charge_mode": "ON_DEMAND" if kind == "MIDDLE_ON_DEMAND" else "ONE_TIME",
            "expire_time": "2099-12-31T23:59:59Z",
            "status": 0,
        }
        for kind, total in INITIAL_RESOURCES.items()
    ]
    offset = call.int_query("offset", 0, 0, 2147483647)
    limit = call.int_query("limit", 10, 1, 100)
    return {
        "count": len(resources),
        "resource_available_nums": {AVAILABLE_FIELDS[kind]: count for kind, count in available.items()},
        "resources": resources[offset : offset + limit],
    }


def tenant_duration(sandbox: Sandbox, call: Call) -> dict[str, Any]:
    """ShowTenantDurationCfg."""
    return {"tenant_id": call.project_id, **DURATION_LIMITS}
