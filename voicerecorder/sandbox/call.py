"""One parsed API request as the operation handlers see it, and its parameter checks."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from voicerecorder.sandbox.errors import MSS_INVALID_PARAMETER, MSS_NOT_JSON, SandboxError


@dataclass
class Call:
    """An authenticated MetaStudio call: who, which operation, its parameters and body."""

    operation: str
    project_id: str
    path_params: dict[str, str]
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes
    base_url: str
    now: float

    def json_body(self, required: bool) -> dict[str, Any]:
        """The body as a JSON object ({} when absent and not required)."""
        if not self.body.strip():
            if required:
                raise SandboxError(MSS_NOT_JSON, detail="a JSON body is required")
            return {}
        content_type = self.headers.get("content-type", "")
        if not content_type.lower().startswith("application/json"):
            raise SandboxError(MSS_NOT_JSON, detail=f"Content-Type is {content_type!r}, not application/json")
        try:
            value = json.loads(self.body)
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise SandboxError(MSS_NOT_JSON, detail=str(error)) from None
        if not isinstance(value, dict):
            raise SandboxError(MSS_NOT_JSON, detail="the body must be a JSON object")
        return value

    def int_query(self, name: str, default: int, low: int, high: int) -> int:
        """An integer query parameter within [low, high]."""
        raw = self.query.get(name)
        if raw is None:
            return default
        try:
            value = int(raw)
        except ValueError:
            raise SandboxError(MSS_INVALID_PARAMETER, detail=f"{name} must be an integer") from None
        if not low <= value <= high:
            raise SandboxError(MSS_INVALID_PARAMETER, detail=f"{name} must lie between {low} and {high}")
        return value


def choice(body: dict[str, Any], name: str, choices: Iterable[str], default: str | None = None) -> str | None:
    """An optional enum field of ``body``; raises MSS.10000003 naming the field when invalid."""
    value = body.get(name, default)
    if value is None:
        return None
    allowed = tuple(choices)
    if value not in allowed:
        raise SandboxError(MSS_INVALID_PARAMETER, detail=f"{name} must be one of {', '.join(allowed)}")
    return str(value)


def text(body: dict[str, Any], name: str, *, required: bool = False, max_length: int = 1024) -> str | None:
    """An optional (or required, non-empty) string field of ``body``."""
    value = body.get(name)
    if value is None or (isinstance(value, str) and not value.strip() and required):
        if required:
            raise SandboxError(MSS_INVALID_PARAMETER, detail=f"{name} is required")
        return None
    if not isinstance(value, str):
        raise SandboxError(MSS_INVALID_PARAMETER, detail=f"{name} must be a string")
    if len(value) > max_length:
        raise SandboxError(MSS_INVALID_PARAMETER, detail=f"{name} is longer than {max_length} characters")
    return value


def boolean(body: dict[str, Any], name: str) -> bool | None:
    """An optional boolean field of ``body``."""
    value = body.get(name)
    if value is not None and not isinstance(value, bool):
        raise SandboxError(MSS_INVALID_PARAMETER, detail=f"{name} must be true or false")
    return value
