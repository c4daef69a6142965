"""The HTTP side: one handler for the MetaStudio API (/v1), IAM (/v3) and OBS (/obs).

Every response carries ``Date`` (clients compute their clock skew from it), ``X-Request-Id``
and a Content-Length, so HTTP/1.1 keep-alive works for the SDK's pooled connections.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import socket
import time
import uuid
from http.server import BaseHTTPRequestHandler
from typing import Any, Protocol
from urllib.parse import parse_qsl, unquote, urlsplit

from voicerecorder.sandbox import iam
from voicerecorder.sandbox.app import RETRY_AFTER_S, ApiRequest, SandboxApp
from voicerecorder.sandbox.errors import MSS_INTERNAL, MSS_NOT_JSON, SandboxError
from voicerecorder.sandbox.obs import MAX_OBJECT_BYTES, ObsError

log = logging.getLogger(__name__)
CHUNK = 64 * 1024
MAX_API_BODY = 1024 * 1024


class HandlerHost(Protocol):
    """What the handler needs of its HTTP server (``voicerecorder.sandbox.server.SandboxHttpServer``)."""

    app: SandboxApp
    base_url: str

    def track(self, connection: socket.socket) -> None: ...

    def untrack(self, connection: socket.socket) -> None: ...


class SandboxRequestHandler(BaseHTTPRequestHandler):
    """Handles one connection. Runs on a request thread of the ThreadingHTTPServer."""

    protocol_version = "HTTP/1.1"
    server_version = "MetaStudioSandbox/1"
    timeout = 120
    server: HandlerHost

    def setup(self) -> None:
        super().setup()
        self.server.track(self.connection)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.untrack(self.connection)

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("%s %s", self.address_string(), format % args)

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        log.debug("%s %s -> %s", self.command, urlsplit(self.path).path, code)

    def do_GET(self) -> None:
        self._dispatch()

    def do_POST(self) -> None:
        self._dispatch()

    def do_PUT(self) -> None:
        self._dispatch()

    def do_DELETE(self) -> None:
        self._dispatch()

    def do_HEAD(self) -> None:
        self._dispatch()

    def _dispatch(self) -> None:
        self.request_id = uuid.uuid4().hex
        latency = self.server.app.sandbox.dice.plan.latency_s
        if latency:
            time.sleep(latency)
        parts = urlsplit(self.path)
        try:
            if parts.path.startswith("/obs/"):
                self._obs(parts.path, parts.query)
            elif parts.path.startswith("/v3/"):
                self._iam(parts.path, parts.query)
            else:
                self._api(parts.path, parts.query)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        except Exception:
            log.exception("sandbox request failed: %s %s", self.command, parts.path)
            self._send_json(
                500, SandboxError(MSS_INTERNAL, detail="see the sandbox log").body(self.request_id)
            )

    # --- responses -------------------------------------------------------------------------
    def _send(
        self, status: int, body: bytes, content_type: str, headers: dict[str, str] | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Request-Id", self.request_id)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _send_json(
        self, status: int, body: dict[str, Any] | None, headers: dict[str, str] | None = None
    ) -> None:
        data = b"" if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8")
        self._send(status, data, "application/json", headers)

    def _send_error(self, error: SandboxError) -> None:
        headers = {"Retry-After": str(RETRY_AFTER_S)} if error.status == 429 else None
        self._send_json(error.status, error.body(self.request_id), headers)

    def _body(self) -> bytes:
        """The request body; a body over MAX_API_BODY is refused and the connection closed."""
        length = _content_length(self.headers.get("Content-Length"))
        if length is None:
            self.close_connection = True
            raise SandboxError(MSS_NOT_JSON, detail="Content-Length is not a number")
        if length > MAX_API_BODY:
            self.close_connection = True
            raise SandboxError(MSS_NOT_JSON, detail=f"the body is larger than {MAX_API_BODY} bytes")
        return self.rfile.read(length) if length > 0 else b""

    def _headers(self) -> dict[str, str]:
        """Headers by lower-case name; values sent as UTF-8 bytes are read back as UTF-8."""
        return {name.lower(): _utf8(value) for name, value in self.headers.items()}

    # --- MetaStudio -----------------------------------------------------------------------
    def _api(self, path: str, query: str) -> None:
        try:
            request = ApiRequest(
                self.command, path, query, self._headers(), self._body(), self.server.base_url
            )
            self._send_json(200, self.server.app.handle(request))
        except SandboxError as error:
            self._send_error(error)

    # --- IAM -------------------------------------------------------------------------------
    def _iam(self, path: str, query: str) -> None:
        app = self.server.app
        try:
            body = self._body()
            if (self.command, path.rstrip("/")) == ("POST", "/v3/auth/tokens"):
                app.check_faults("IamToken")
                answer = iam.create_token(app.auth, body, time.time())
            elif (self.command, path.rstrip("/")) == ("GET", "/v3/projects"):
                app.auth.identify(self.command, path, query, self._headers(), body, time.time())
                app.check_faults("KeystoneListProjects")
                answer = iam.list_projects(dict(parse_qsl(query)).get("name"))
            else:
                answer = iam.IamAnswer(
                    404, {"error_code": "APIGW.0101", "error_msg": "The API does not exist."}
                )
        except SandboxError as error:
            self._send_error(error)
            return
        self._send_json(answer.status, answer.body, answer.headers)

    # --- OBS -------------------------------------------------------------------------------
    def _obs(self, path: str, query: str) -> None:
        resource = unquote(path[len("/obs") :])
        try:
            self._obs_checked(resource, dict(parse_qsl(query, keep_blank_values=True)))
        except ObsError as error:
            self.close_connection = True
            self._send(error.status, error.xml(resource, self.request_id), "application/xml")

    def _obs_checked(self, resource: str, query: dict[str, str]) -> None:
        bucket, _, key = resource.lstrip("/").partition("/")
        if self.command not in ("PUT", "GET"):
            raise ObsError(
                405, "MethodNotAllowed", "The specified method is not allowed against this resource."
            )
        operation = "ObsPut" if self.command == "PUT" else "ObsGet"
        self.server.app.sandbox.served[operation] += 1
        if self.server.app.sandbox.dice.error(operation):
            raise ObsError(500, "InternalError", "We encountered an internal error. Please try again.")
        self.server.app.sandbox.signer.check(self.command, resource, query, self._headers())
        if self.command == "GET":
            self._obs_get(bucket, key)
        else:
            self._obs_put(bucket, key)

    def _obs_get(self, bucket: str, key: str) -> None:
        objects = self.server.app.sandbox.objects
        if not objects.exists(bucket, key):
            raise ObsError(404, "NoSuchKey", "The specified key does not exist.")
        self._send(200, objects.read(bucket, key), "application/octet-stream")

    def _obs_put(self, bucket: str, key: str) -> None:
        length_header = self.headers.get("Content-Length")
        if length_header is None or "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            raise ObsError(411, "MissingContentLength", "You must provide the Content-Length HTTP header.")
        length = _content_length(length_header)
        if length is None:
            raise ObsError(400, "InvalidArgument", "Content-Length is not a number.")
        if length > MAX_OBJECT_BYTES:
            raise ObsError(
                400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed object size."
            )
        drop = self.server.app.sandbox.dice.drop_upload()
        staging, final = self.server.app.sandbox.objects.staging(bucket, key)
        digest = hashlib.md5(usedforsecurity=False)
        received = 0
        limit = length // 2 if drop else length
        try:
            with open(staging, "wb") as stream:
                while received < limit:
                    chunk = self.rfile.read(min(CHUNK, limit - received))
                    if not chunk:
                        break
                    stream.write(chunk)
                    digest.update(chunk)
                    received += len(chunk)
                stream.flush()
                os.fsync(stream.fileno())
            if received < length:
                self.close_connection = True
                return
            os.replace(staging, final)
        finally:
            staging.unlink(missing_ok=True)
        etag = f'"{digest.hexdigest()}"'
        self._send(200, b"", "text/plain", {"ETag": etag, "x-obs-request-id": self.request_id})


def _utf8(value: str) -> str:
    """http.server reads header bytes as Latin-1; clients sign the UTF-8 text they sent."""
    try:
        return value.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return value


def _content_length(value: str | None) -> int | None:
    """A Content-Length header as a non-negative int (0 when absent), or None when malformed."""
    text = (value or "0").strip()
    return int(text) if text.isdigit() else None
