"""Everything a request handler needs, independent of HTTP: auth, routing, faults and the stores."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

from voicerecorder.sandbox.auth import Authenticator, Identity
from voicerecorder.sandbox.call import Call
from voicerecorder.sandbox.context import Sandbox
from voicerecorder.sandbox.credentials import is_project_id
from voicerecorder.sandbox.errors import (
    GATEWAY_THROTTLED,
    MSS_INTERNAL,
    MSS_INVALID_PARAMETER,
    MSS_PROJECT_MISMATCH,
    SandboxError,
)
from voicerecorder.sandbox.routes import find_route

RETRY_AFTER_S = 1


@dataclass(frozen=True)
class ApiRequest:
    """A MetaStudio request as received: raw path and query, headers by lower-case name, body."""

    method: str
    path: str
    query: str
    headers: dict[str, str]
    body: bytes
    base_url: str


class SandboxApp:
    """Answers MetaStudio requests. Called from the server's request threads."""

    def __init__(self, sandbox: Sandbox, auth: Authenticator) -> None:
        self.sandbox = sandbox
        self.auth = auth

    def check_faults(self, operation: str) -> None:
        """Raise the throttling or server error the fault plan has for this call, if any."""
        if self.sandbox.dice.throttle(operation):
            raise SandboxError(GATEWAY_THROTTLED)
        if self.sandbox.dice.error(operation):
            raise SandboxError(MSS_INTERNAL, detail="injected by the sandbox fault plan")

    @staticmethod
    def _check_project(identity: Identity, project_id: str, headers: dict[str, str]) -> None:
        if not is_project_id(project_id):
            raise SandboxError(MSS_INVALID_PARAMETER, detail="project_id must be 32 hexadecimal digits")
        own = identity.project_id or headers.get("x-project-id", project_id)
        if own != project_id:
            raise SandboxError(MSS_PROJECT_MISMATCH, url=project_id, own=own)

    def handle(self, request: ApiRequest) -> dict[str, Any] | None:
        """The JSON body of the answer (None for an empty 200); SandboxError for a refusal."""
        route, params = find_route(request.method, request.path)
        now = time.time()
        identity = self.auth.identify(
            request.method, request.path, request.query, request.headers, request.body, now
        )
        if not request.headers.get("x-app-userid", "").isascii():
            raise SandboxError(
                MSS_INVALID_PARAMETER, detail="X-App-UserId must not contain Chinese characters"
            )
        project_id = params.pop("project_id")
        self._check_project(identity, project_id, request.headers)
        self.check_faults(route.operation)
        query = dict(parse_qsl(request.query, keep_blank_values=True))
        call = Call(
            route.operation, project_id, params, query, request.headers, request.body, request.base_url, now
        )
        return route.handler(self.sandbox, call)
