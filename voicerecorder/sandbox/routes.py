"""Which operation a MetaStudio request is: the SDK's exact methods and resource paths."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from voicerecorder.sandbox import listing, quotas, segments, shortjobs, training
from voicerecorder.sandbox.call import Call
from voicerecorder.sandbox.context import Sandbox
from voicerecorder.sandbox.errors import GATEWAY_API_NOT_FOUND, MSS_METHOD_NOT_ALLOWED, SandboxError

Handler = Callable[[Sandbox, Call], "dict[str, Any] | None"]

_PREFIX = r"/v1/(?P<project_id>[^/]+)/voice-training-manage"
_JOB = r"/user/jobs/(?P<job_id>[^/]+)"


@dataclass(frozen=True)
class Route:
    """One operation: HTTP method, path pattern (after the project prefix), SDK name, handler."""

    method: str
    pattern: re.Pattern[str]
    operation: str
    handler: Handler


def _route(method: str, path: str, operation: str, handler: Handler) -> Route:
    return Route(method, re.compile(_PREFIX + path), operation, handler)


ROUTES: tuple[Route, ...] = (
    _route("POST", r"/user/short-jobs", "CreateShortJob", shortjobs.create_short_job),
    _route("POST", r"/user/short-jobs/(?P<job_id>[^/]+)", "CommitShortJob", shortjobs.commit_short_job),
    _route("GET", r"/user/short-jobs/(?P<job_id>[^/]+)", "ShowShortJob", shortjobs.show_short_job),
    _route("POST", r"/user/(?P<kind>basic-jobs)", "CreateTrainingBasicJob", training.create_job),
    _route("POST", r"/user/(?P<kind>middle-jobs)", "CreateTrainingMiddleJob", training.create_job),
    _route("POST", r"/user/(?P<kind>advance-jobs)", "CreateTrainingAdvanceJob", training.create_job),
    _route("POST", r"/user/(?P<kind>third-party-jobs)", "CreateTrainingThirdPartyJob", training.create_job),
    _route("GET", r"/user/jobs", "ListVoiceTrainingJob", listing.list_jobs),
    _route("POST", _JOB, "CommitVoiceTrainingJob", training.commit_job),
    _route("GET", _JOB, "ShowVoiceTrainingJob", training.show_job),
    _route("DELETE", _JOB, "DeleteVoiceTrainingJob", training.delete_job),
    _route("GET", _JOB + "/audit-result", "ShowJobAuditResult", training.audit_result),
    _route("GET", _JOB + "/uploading-address-url", "ShowJobUploadingAddress", training.uploading_address),
    _route("GET", _JOB + "/op-logs", "ListJobOperationLog", training.operation_log),
    _route("GET", r"/user/tenant-duration-cfg", "ShowTenantDurationCfg", quotas.tenant_duration),
    _route("GET", r"/quotas", "ShowVoiceTrainingQuotas", quotas.show_quotas),
    _route("POST", r"/user/training-segment", "ConfirmTrainingSegment", segments.confirm_segment),
    _route("GET", r"/user/training-segment", "ShowTrainingSegmentInfo", segments.segment_info),
)


def find_route(method: str, path: str) -> tuple[Route, dict[str, str]]:
    """The route for ``method`` and ``path`` with its path parameters; SandboxError otherwise."""
    path = path.rstrip("/") or "/"
    known_path = False
    for route in ROUTES:
        match = route.pattern.fullmatch(path)
        if match:
            if route.method == method:
                return route, match.groupdict()
            known_path = True
    if known_path:
        raise SandboxError(MSS_METHOD_NOT_ALLOWED, method=method, path=path)
    raise SandboxError(GATEWAY_API_NOT_FOUND)
