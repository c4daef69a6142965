"""IAM: password tokens (cached until shortly before they expire) and project-id lookup."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from voicerecorder.cloud.codec import to_json_bytes, unexpected_response
from voicerecorder.cloud.config import AkSkAuth, CloudConfig, PasswordAuth
from voicerecorder.cloud.errors import CloudConfigError
from voicerecorder.cloud.redact import register_secret
from voicerecorder.cloud.signer import canonical_query, sign
from voicerecorder.cloud.transport import Transport
from voicerecorder.text import Bilingual

TOKEN_MARGIN_SECONDS = 10 * 60
DEFAULT_TOKEN_LIFETIME = 24 * 3600


@dataclass(frozen=True)
class IamToken:
    """A project-scoped IAM token, its expiry (epoch seconds) and the project it is scoped to."""

    value: str = field(repr=False)
    expires_at: float
    project_id: str | None


def _parse_expiry(text: object, now: float) -> float:
    if not isinstance(text, str):
        return now + DEFAULT_TOKEN_LIFETIME
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()
    except ValueError:
        return now + DEFAULT_TOKEN_LIFETIME


def request_token(
    transport: Transport, config: CloudConfig, auth: PasswordAuth, clock: Callable[[], float]
) -> IamToken:
    """POST /v3/auth/tokens with the IAM user's password, scoped to the configured project or region."""
    scope = {"id": config.project_id} if config.project_id else {"name": config.region}
    body = to_json_bytes(
        {
            "auth": {
                "identity": {
                    "methods": ["password"],
                    "password": {
                        "user": {
                            "name": auth.user,
                            "password": auth.password,
                            "domain": {"name": auth.domain},
                        }
                    },
                },
                "scope": {"project": scope},
            }
        }
    )
    url = f"{config.iam_endpoint}/v3/auth/tokens?nocatalog=true"
    response = transport.send("POST", url, lambda: {"Content-Type": "application/json;charset=utf8"}, body)
    value = response.headers.get("X-Subject-Token")
    if not value:
        raise unexpected_response("IAM answer (no X-Subject-Token)")
    register_secret(value)
    try:
        token = response.json().get("token", {})
    except (ValueError, AttributeError):
        token = {}
    project = token.get("project") if isinstance(token, dict) else None
    project_id = project.get("id") if isinstance(project, dict) else None
    expires = _parse_expiry(token.get("expires_at") if isinstance(token, dict) else None, clock())
    return IamToken(value, expires, project_id if isinstance(project_id, str) else None)


class TokenCache:
    """Hands out a valid IAM token, fetching a new one when the cached one is about to expire.

    Safe to call from any worker thread.
    """

    def __init__(
        self,
        transport: Transport,
        config: CloudConfig,
        auth: PasswordAuth,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._transport = transport
        self._config = config
        self._auth = auth
        self._clock = clock
        self._lock = threading.Lock()
        self._token: IamToken | None = None

    def get(self) -> IamToken:
        """A token valid for at least the safety margin."""
        with self._lock:
            if self._token is None or self._token.expires_at - TOKEN_MARGIN_SECONDS <= self._clock():
                self._token = request_token(self._transport, self._config, self._auth, self._clock)
            return self._token

    def invalidate(self) -> None:
        """Forget the cached token (after the service reported it expired)."""
        with self._lock:
            self._token = None


def lookup_project_id(transport: Transport, config: CloudConfig, auth: AkSkAuth) -> str:
    """The id of the project named after the region, via a signed GET /v3/projects?name=<region>."""
    url = f"{config.iam_endpoint}/v3/projects?{canonical_query([('name', config.region)])}"

    def headers() -> dict[str, str]:
        result = {"Content-Type": "application/json"}
        if auth.security_token:
            result["X-Security-Token"] = auth.security_token
        sign("GET", url, result, b"", auth.ak, auth.sk)
        return result

    response = transport.send("GET", url, headers)
    try:
        projects = response.json().get("projects")
    except (ValueError, AttributeError):
        raise unexpected_response("IAM answer") from None
    if not isinstance(projects, list):
        raise unexpected_response("IAM answer")
    for project in projects:
        if (
            isinstance(project, dict)
            and project.get("name", config.region) == config.region
            and project.get("id")
        ):
            return str(project["id"])
    raise CloudConfigError(
        Bilingual(
            f"This account has no project for region {config.region}. Pick another region, or set "
            "METASTUDIO_PROJECT_ID (console: My Credentials > API Credentials).",
            f"此账号在区域 {config.region} 下没有项目。请换一个区域，或设置 METASTUDIO_PROJECT_ID"
            "（控制台：我的凭证 > API 凭证）。",
        )
    )
