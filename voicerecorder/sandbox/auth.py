"""Who is calling: AK/SK signatures (checked with the project's one signer) and IAM tokens.

Tokens are self-contained (project, user, expiry) and sealed with a key derived from the
sandbox SK, so they stay valid across restarts and need no token file.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import parse_qsl

from voicerecorder.cloud.signer import (
    canonical_query,
    canonical_request,
    compute_signature,
    parse_authorization,
    parse_sdk_date,
)
from voicerecorder.sandbox.credentials import SECURITY_TOKEN, TEMPORARY_AK, SandboxKeys
from voicerecorder.sandbox.errors import (
    GATEWAY_AUTH_FAILED,
    GATEWAY_SIGNATURE_EXPIRED,
    SandboxError,
)

MAX_SKEW_S = 15 * 60
TOKEN_VALIDITY_S = 24 * 3600
_TOKEN_PREFIX = "SBX1"


@dataclass(frozen=True)
class Identity:
    """An authenticated caller; ``project_id`` is set for tokens (bound to one project)."""

    project_id: str | None = None


def _refuse(detail: str) -> SandboxError:
    return SandboxError(GATEWAY_AUTH_FAILED, detail=detail)


class Authenticator:
    """Checks the credentials on a request. Called from the server's request threads."""

    def __init__(self, keys: SandboxKeys) -> None:
        self.keys = keys
        self._token_key = keys.derived("iam-token")

    def issue_token(self, project_id: str, user: str, now: float) -> tuple[str, float]:
        """A token for ``project_id`` and its expiry (epoch seconds)."""
        expires = now + TOKEN_VALIDITY_S
        claims = json.dumps({"p": project_id, "u": user, "e": expires}, separators=(",", ":")).encode()
        payload = base64.urlsafe_b64encode(claims).decode("ascii").rstrip("=")
        seal = hmac.new(self._token_key, payload.encode(), hashlib.sha256).hexdigest()
        return f"{_TOKEN_PREFIX}.{payload}.{seal}", expires

    def _check_token(self, token: str, now: float) -> Identity:
        prefix, _, rest = token.partition(".")
        payload, _, seal = rest.partition(".")
        expected = hmac.new(self._token_key, payload.encode(), hashlib.sha256).hexdigest()
        if prefix != _TOKEN_PREFIX or not hmac.compare_digest(expected, seal):
            raise _refuse("decrypt token fail")
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        if claims["e"] < now:
            raise _refuse("the token expires; the token must be updated")
        return Identity(claims["p"])

    def identify(
        self, method: str, path: str, query: str, headers: Mapping[str, str], body: bytes, now: float
    ) -> Identity:
        """The caller of a request, or SandboxError (401) explaining why it is refused.

        ``headers`` must map header names (any case) to the values as received.
        """
        lowered = {name.lower(): value for name, value in headers.items()}
        if "x-auth-token" in lowered:
            return self._check_token(lowered["x-auth-token"], now)
        if "authorization" not in lowered:
            raise _refuse("the request has neither an Authorization nor an X-Auth-Token header")
        try:
            ak, signed, signature = parse_authorization(lowered["authorization"])
        except ValueError as error:
            raise _refuse(f"malformed Authorization header ({error})") from None
        self._check_date(lowered, signed, now)
        secret = self.keys.secret_for(ak)
        if secret is None:
            raise _refuse(f"Get secretKey failed,ak:{ak[:4]}******,err:ak not exist")
        if ak == TEMPORARY_AK and (
            lowered.get("x-security-token") != SECURITY_TOKEN or "x-security-token" not in signed
        ):
            raise _refuse("the security token of these temporary credentials is missing or invalid")
        try:
            canonical = canonical_request(
                method, path, canonical_query(parse_qsl(query, keep_blank_values=True)), lowered, signed, body
            )
        except ValueError:
            raise _refuse("verify aksk signature fail (a signed header is missing)") from None
        expected = compute_signature(secret, lowered["x-sdk-date"], canonical)
        if not hmac.compare_digest(expected, signature):
            raise _refuse("verify aksk signature fail")
        return Identity()

    @staticmethod
    def _check_date(lowered: Mapping[str, str], signed: list[str], now: float) -> None:
        value = lowered.get("x-sdk-date", "")
        if "x-sdk-date" not in signed:
            raise _refuse("X-Sdk-Date must be a signed header")
        try:
            moment = parse_sdk_date(value)
        except ValueError:
            raise _refuse(f"X-Sdk-Date {value!r} is not in the format YYYYMMDDTHHMMSSZ") from None
        if abs(moment.timestamp() - now) > MAX_SKEW_S:
            raise SandboxError(GATEWAY_SIGNATURE_EXPIRED, detail=value)


def rfc3339(moment: float) -> str:
    """Epoch seconds as the IAM time format (``2025-01-01T00:00:00.000000Z``)."""
    return datetime.fromtimestamp(moment, UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
