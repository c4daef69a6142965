"""A scripted MetaStudio / IAM / OBS server on 127.0.0.1 for client tests.

It checks every MetaStudio and IAM request the way the gateway does (AK/SK signature with
the project's signer, the 15-minute X-Sdk-Date window, or an X-Auth-Token), then answers
with the next reply a test queued for that method and path. OBS PUTs under ``/obs/`` are
read in chunks, hashed, and answered with an ETag or a queued XML error.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import threading
import time
from collections import defaultdict, deque
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, unquote, urlsplit

from voicerecorder.cloud.signer import (
    canonical_query,
    canonical_request,
    compute_signature,
    parse_authorization,
    parse_sdk_date,
)

AK = "TESTAK0123456789ABCD"
SK = "TestSecretKey-0123456789-abcdefghij"
SECURITY_TOKEN = "temporary-security-token-value-0123"
PROJECT_ID = "0123456789abcdef0123456789abcdef"
USER, PASSWORD, DOMAIN = "iam-user", "iam-Passw0rd!", "my-account"
REGION = "cn-north-4"
GATEWAY_AUTH = {
    "error_code": "APIGW.0301",
    "error_msg": "Incorrect IAM authentication information: verify aksk signature fail",
}


@dataclass
class Reply:
    """A canned answer: status, JSON (or raw bytes) body and extra headers."""

    status: int = 200
    body: object = None
    headers: dict[str, str] = field(default_factory=dict)
    drop: bool = False
    delay: float = 0.0


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """Clients that hang up (timeouts, cancelled uploads) are expected here."""


@dataclass
class Seen:
    """One request as the server received it."""

    method: str
    path: str
    query: list[tuple[str, str]]
    raw_query: str
    headers: dict[str, str]
    body: bytes


class FakeCloud:
    """The scripted server; use as a context manager or call ``stop()``."""

    def __init__(self, *, security_token: str | None = None) -> None:
        self.security_token = security_token
        self.clock_offset = 0.0
        self.replies: dict[tuple[str, str], deque[Reply]] = defaultdict(deque)
        self.seen: list[Seen] = []
        self.tokens: dict[str, str] = {}
        self.token_lifetime = 24 * 3600.0
        self.obs_received: list[bytes] = []
        self.obs_lock = threading.Lock()
        self._server = _QuietServer(("127.0.0.1", 0), _make_handler(self))
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.02,), daemon=True)
        self._thread.start()
        self.base_url = f"http://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self) -> FakeCloud:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)

    def now(self) -> float:
        return time.time() + self.clock_offset

    def reply(self, method: str, path: str, *replies: Reply) -> None:
        """Queue answers for ``method path`` (the path as sent, see :meth:`ms_path`)."""
        self.replies[(method, path)].extend(replies)

    def ms_path(self, suffix: str) -> str:
        return f"/v1/{PROJECT_ID}/voice-training-manage/{suffix}"

    def obs_url(self, key: str = "data.zip") -> str:
        query = "AccessKeyId=OBSAK&Expires=1999999999&Signature=c2lnbmF0dXJl%2B%3D"
        return f"{self.base_url}/obs/bucket/{key}?{query}"

    def calls(self, method: str | None = None, path: str | None = None) -> list[Seen]:
        return [
            s
            for s in self.seen
            if (method is None or s.method == method) and (path is None or s.path == path)
        ]


def _make_handler(cloud: FakeCloud) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            return

        def date_time_string(self, timestamp: float | None = None) -> str:
            return formatdate(cloud.now(), usegmt=True)

        def _send(
            self,
            status: int,
            body: bytes,
            headers: dict[str, str] | None = None,
            ctype: str = "application/json",
        ) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def _json(self, status: int, data: object, headers: dict[str, str] | None = None) -> None:
            body = data if isinstance(data, bytes) else (b"" if data is None else json.dumps(data).encode())
            self._send(status, body, headers)

        def _read_body(self) -> bytes:
            length = int(self.headers.get("Content-Length") or 0)
            return self.rfile.read(length) if length else b""

        def do_GET(self) -> None:
            self._api()

        def do_POST(self) -> None:
            self._api()

        def do_DELETE(self) -> None:
            self._api()

        def do_PUT(self) -> None:
            if self.path.startswith("/obs/"):
                self._obs()
            else:
                self._api()

        def _record(self, body: bytes) -> Seen:
            parts = urlsplit(self.path)
            seen = Seen(
                self.command,
                parts.path,
                parse_qsl(parts.query, keep_blank_values=True),
                parts.query,
                {k: v for k, v in self.headers.items()},
                body,
            )
            cloud.seen.append(seen)
            return seen

        def _api(self) -> None:
            seen = self._record(self._read_body())
            problem = self._authenticate(seen)
            if problem is not None:
                self._json(*problem)
                return
            if (
                seen.path == "/v3/auth/tokens"
                and seen.method == "POST"
                and not cloud.replies.get(("POST", seen.path))
            ):
                self._issue_token(seen)
                return
            queue = cloud.replies.get((seen.method, seen.path))
            if not queue:
                self._json(
                    404,
                    {
                        "error_code": "APIGW.0101",
                        "error_msg": "The API does not exist or has not been published.",
                    },
                )
                return
            reply = queue.popleft()
            time.sleep(reply.delay)
            if reply.drop:
                self.close_connection = True
                self.connection.close()
                return
            self._json(reply.status, reply.body, reply.headers)

        def _authenticate(self, seen: Seen) -> tuple[int, object] | None:
            if seen.path == "/v3/auth/tokens":
                return None
            token = seen.headers.get("X-Auth-Token")
            if token is not None:
                if cloud.tokens.get(token, "") == "valid":
                    return None
                return 401, {
                    "error_code": "APIGW.0301",
                    "error_msg": "Incorrect IAM authentication information: token expires",
                }
            return self._check_signature(seen)

        def _check_signature(self, seen: Seen) -> tuple[int, object] | None:
            try:
                ak, names, signature = parse_authorization(seen.headers.get("Authorization", ""))
                sdk_date = seen.headers["X-Sdk-Date"]
                moment = parse_sdk_date(sdk_date)
            except (ValueError, KeyError):
                return 401, GATEWAY_AUTH
            if abs(moment.timestamp() - cloud.now()) > 15 * 60:
                return 401, {
                    "error_code": "APIGW.0303",
                    "error_msg": "Incorrect app authentication information: X-Sdk-Date expired",
                }
            if "host" not in names or "x-sdk-date" not in names or ak != AK:
                return 401, GATEWAY_AUTH
            if cloud.security_token and seen.headers.get("X-Security-Token") != cloud.security_token:
                return 401, GATEWAY_AUTH
            if cloud.security_token and "x-security-token" not in names:
                return 401, GATEWAY_AUTH
            if seen.raw_query != canonical_query(seen.query):
                return 401, GATEWAY_AUTH
            try:
                canonical = canonical_request(
                    seen.method, seen.path, seen.raw_query, seen.headers, names, seen.body
                )
            except ValueError:
                return 401, GATEWAY_AUTH
            if compute_signature(SK, sdk_date, canonical) != signature:
                return 401, GATEWAY_AUTH
            if seen.path.startswith("/v1/") and seen.headers.get("X-Project-Id") != seen.path.split("/")[2]:
                return 400, {
                    "error_code": "MSS.00010009",
                    "error_msg": "tenant id in url is not same as token",
                }
            return None

        def _issue_token(self, seen: Seen) -> None:
            try:
                auth = json.loads(seen.body)["auth"]
                user = auth["identity"]["password"]["user"]
                ok = (user["name"], user["password"], user["domain"]["name"]) == (USER, PASSWORD, DOMAIN)
            except (ValueError, KeyError, TypeError):
                ok = False
            if not ok:
                self._json(
                    401, {"error": {"code": "IAM.0002", "message": "The username or password is wrong."}}
                )
                return
            token = secrets.token_hex(16)
            cloud.tokens[token] = "valid"
            expires = time.strftime(
                "%Y-%m-%dT%H:%M:%S.000000Z", time.gmtime(cloud.now() + cloud.token_lifetime)
            )
            body = {"token": {"expires_at": expires, "project": {"id": PROJECT_ID, "name": REGION}}}
            self._json(201, body, {"X-Subject-Token": token})

        def _obs(self) -> None:
            seen = Seen(
                self.command,
                urlsplit(self.path).path,
                parse_qsl(urlsplit(self.path).query),
                urlsplit(self.path).query,
                dict(self.headers.items()),
                b"",
            )
            cloud.seen.append(seen)
            queue = cloud.replies.get(("PUT", seen.path))
            reply = queue.popleft() if queue else Reply()
            length = int(self.headers.get("Content-Length") or 0)
            time.sleep(reply.delay)
            if reply.drop:
                self.rfile.read(min(length, 64 * 1024))
                self.close_connection = True
                self.connection.shutdown(2)
                return
            md5, sha = hashlib.md5(), hashlib.sha256()
            remaining = length
            while remaining:
                chunk = self.rfile.read(min(remaining, 256 * 1024))
                if not chunk:
                    break
                md5.update(chunk)
                sha.update(chunk)
                remaining -= len(chunk)
            with cloud.obs_lock:
                cloud.obs_received.append(sha.hexdigest().encode())
            seen.body = sha.hexdigest().encode()
            if reply.status >= 300:
                body = reply.body if isinstance(reply.body, bytes) else str(reply.body).encode()
                self._send(reply.status, body, reply.headers, ctype="application/xml")
                return
            headers = {"ETag": f'"{md5.hexdigest()}"', "x-obs-request-id": "0000"}
            headers.update(reply.headers)
            self._send(200, b"", headers)

    return Handler


def obs_xml(code: str, message: str) -> bytes:
    """An OBS error body."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?><Error>'
        f"<Code>{code}</Code><Message>{message}</Message><Resource>/bucket/data.zip</Resource>"
        "<RequestId>00000187D5AB</RequestId><HostId>host-id</HostId></Error>"
    ).encode()


def path_of(url: str) -> str:
    return unquote(urlsplit(url).path)
