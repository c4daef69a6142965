"""The official MetaStudio SDK pointed at a sandbox, and small helpers for driving it."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import requests
from huaweicloudsdkcore.auth.credentials import BasicCredentials
from huaweicloudsdkcore.http.http_config import HttpConfig
from huaweicloudsdkmetastudio.v1 import MetaStudioClient

from voicerecorder.sandbox import DEFAULT_AK, DEFAULT_SK, SandboxServer

FINAL_STATES = frozenset({"SUCCEED", "FAILED", "AUDIT_FAILED"})


def sdk_client(
    server: SandboxServer,
    ak: str = DEFAULT_AK,
    sk: str = DEFAULT_SK,
    *,
    project_id: str | None = None,
    security_token: str | None = None,
) -> MetaStudioClient:
    """The official SDK client, unmodified, with the sandbox as its (plain http) endpoint."""
    credentials = BasicCredentials(ak, sk, project_id or server.project_id)
    if security_token:
        credentials = credentials.with_security_token(security_token)
    config = HttpConfig.get_default_config()
    config.ignore_ssl_verification = True
    config.timeout = (5, 30)
    return (
        MetaStudioClient.new_builder()
        .with_http_config(config)
        .with_credentials(credentials)
        .with_endpoints([server.base_url])
        .build()
    )


def wait_for(read: Callable[[], Any], done: Callable[[Any], bool], timeout: float = 20.0) -> Any:
    """Poll ``read`` until ``done`` says so; the last value, or AssertionError on timeout."""
    deadline = time.monotonic() + timeout
    while True:
        value = read()
        if done(value):
            return value
        assert time.monotonic() < deadline, f"timed out; last value {value}"
        time.sleep(0.02)


def put(url: str, data: bytes, content_type: str) -> requests.Response:
    """PUT ``data`` to a pre-signed URL the way OBS clients do."""
    return requests.put(url, data=data, headers={"Content-Type": content_type}, timeout=30)
