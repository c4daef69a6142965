"""Streaming PUT of a file to a pre-signed OBS URL: progress, cancel, retries, MD5 check."""

from __future__ import annotations

import hashlib
import logging
import os
import threading
import time
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, BinaryIO
from urllib.parse import urlsplit

from voicerecorder.cloud.error_map import redirect_message, retry_after_seconds
from voicerecorder.cloud.errors import NetworkError, ObsError, UploadCancelled, UrlExpiredError
from voicerecorder.cloud.redact import host_of, install_log_redaction
from voicerecorder.cloud.transport import RetryPolicy, exchange, new_session
from voicerecorder.cloud.waiting import FIRST_NOTICE_S, WaitListener, WaitWatch, retry_message
from voicerecorder.errors import UserFacingError
from voicerecorder.text import Bilingual

if TYPE_CHECKING:
    import requests

log = logging.getLogger("voicerecorder.cloud.obs")

MAX_SINGLE_PUT_BYTES = 5 * 1024**3
PROGRESS_INTERVAL_S = 0.1
DEFAULT_TIMEOUT = (10.0, 120.0)
_ERROR_BODY_LIMIT = 64 * 1024
# Headers a caller's session might carry that must never reach OBS.
_FORBIDDEN_HEADERS = ("Authorization", "X-Auth-Token", "X-Security-Token", "X-Sdk-Date", "X-Project-Id")

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class UploadResult:
    """What OBS stored: its ETag, the file's MD5, and whether the two agree."""

    etag: str | None
    md5: str
    md5_ok: bool
    size: int


class UploadBody:
    """A file as a request body: sized, rewindable, hashed and reported while it is read.

    ``read`` runs on the uploading (worker) thread; ``progress`` is called from there at most
    every ``interval`` seconds, and each read tells ``watch`` (when set) that the upload moves.
    Setting ``cancel`` (from any thread) makes the next ``read`` raise :class:`UploadCancelled`.
    """

    def __init__(
        self,
        stream: BinaryIO,
        size: int,
        progress: Progress | None,
        cancel: threading.Event | None,
        interval: float = PROGRESS_INTERVAL_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._stream = stream
        self._size = size
        self._progress = progress
        self._cancel = cancel
        self._interval = interval
        self._clock = clock
        self._last_report = float("-inf")
        self._md5 = hashlib.md5(usedforsecurity=False)
        self._hashed = 0
        self.watch: WaitWatch | None = None

    def __len__(self) -> int:
        return self._size

    def tell(self) -> int:
        """Current position in the file."""
        return self._stream.tell()

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        """Move in the file; going back to the start restarts the MD5 and the progress."""
        position = self._stream.seek(offset, whence)
        if position == 0:
            self._md5 = hashlib.md5(usedforsecurity=False)
            self._hashed = 0
            self._last_report = float("-inf")
        return position

    def read(self, size: int = -1) -> bytes:
        """The next chunk; raises UploadCancelled once ``cancel`` is set."""
        if self._cancel is not None and self._cancel.is_set():
            raise UploadCancelled()
        if self.watch is not None:
            self.watch.touch()
        position = self._stream.tell()
        data = self._stream.read(size)
        if position == self._hashed:
            self._md5.update(data)
            self._hashed += len(data)
        self._report(position + len(data))
        return data

    def _report(self, sent: int) -> None:
        if self._progress is None:
            return
        now = self._clock()
        if now - self._last_report >= self._interval:
            self._last_report = now
            self._progress(sent, self._size)

    def md5_hex(self) -> str:
        """MD5 of the whole file: from the stream when it was read through, else read again."""
        if self._hashed != self._size:
            self._stream.seek(0)
            digest = hashlib.md5(usedforsecurity=False)
            for chunk in iter(lambda: self._stream.read(1 << 20), b""):
                digest.update(chunk)
            return digest.hexdigest()
        return self._md5.hexdigest()


def parse_obs_error(
    status: int, body: bytes, retry_after: str | None = None, location: str | None = None
) -> ObsError:
    """The typed error for an OBS failure: XML ``<Code>``/``<Message>``; expired URLs and
    redirects (3xx, never followed) distinct."""
    if 300 <= status < 400:
        return ObsError(redirect_message(status, location), status=status, code=f"HTTP {status}")
    code = message = request_id = None
    try:
        root = ElementTree.fromstring(body[:_ERROR_BODY_LIMIT])
        code = (root.findtext("Code") or "").strip() or None
        message = (root.findtext("Message") or "").strip() or None
        request_id = (root.findtext("RequestId") or "").strip() or None
    except ElementTree.ParseError:
        message = body[:200].decode("utf-8", "replace").strip() or None
    context = {
        "status": status,
        "code": code or f"HTTP {status}",
        "detail": message,
        "request_id": request_id,
        "retry_after": retry_after_seconds(retry_after),
    }
    if status == 403 and "expired" in (message or "").lower():
        return UrlExpiredError(
            Bilingual(
                "The upload link has expired. Fetch a new upload link and upload again.",
                "上传链接已过期。请获取新的上传链接后重新上传。",
            ),
            **context,  # type: ignore[arg-type]
        )
    return ObsError(_obs_message(code), **context)  # type: ignore[arg-type]


def _obs_message(code: str | None) -> Bilingual:
    if code == "SignatureDoesNotMatch":
        return Bilingual(
            "The storage service refused the upload link's signature. Fetch a new upload link and try again.",
            "存储服务拒绝了上传链接的签名。请获取新的上传链接后重试。",
        )
    if code == "RequestTimeTooSkewed":
        return Bilingual(
            "Your computer's clock is too far off for the storage service. Turn on automatic date "
            "and time, then upload again.",
            "您的电脑时钟偏差过大，存储服务拒绝了上传。请开启“自动设置日期和时间”后重新上传。",
        )
    if code == "EntityTooLarge":
        return Bilingual(
            "The file is too large for one upload (5 GB at most). Record fewer or shorter sentences.",
            "文件过大，无法一次上传（最多 5 GB）。请减少或缩短录音。",
        )
    return Bilingual(
        "The storage service refused the upload. Try again; if it keeps failing, fetch a new upload link.",
        "存储服务拒绝了上传。请重试；如仍失败，请获取新的上传链接。",
    )


def _too_large(size: int) -> ObsError:
    return ObsError(
        _obs_message("EntityTooLarge"),
        code="EntityTooLarge",
        detail=f"{size} bytes",
    )


def _clean_etag(value: str | None) -> str | None:
    return value.strip().strip('"').lower() if value else None


def _wait(cancel: threading.Event | None, seconds: float, sleep: Callable[[float], None]) -> None:
    if cancel is None:
        sleep(seconds)
    elif cancel.wait(seconds):
        raise UploadCancelled()


def upload_file(
    url: str,
    path: Path | str,
    content_type: str,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    session: requests.Session | None = None,
    *,
    retry: RetryPolicy | None = None,
    timeout: tuple[float, float] = DEFAULT_TIMEOUT,
    sleep: Callable[[float], None] = time.sleep,
    waiting: WaitListener | None = None,
    first_notice_s: float = FIRST_NOTICE_S,
) -> UploadResult:
    """PUT ``path`` to the pre-signed ``url`` with exactly ``content_type``; blocks (worker thread).

    ``progress(sent, total)`` is called on this same worker thread (about 10 times a second, and
    once at 100 %); ``cancel`` may be set from any thread. 5xx answers and connection failures
    are retried with backoff, the file rewound each time. When neither a chunk goes out nor an
    answer comes for ``first_notice_s`` seconds, ``waiting`` is told so (from a timer thread;
    see cloud/waiting.py). Raises UploadCancelled,
    UrlExpiredError (fetch fresh URLs and call again), ObsError, NetworkError, or
    UserFacingError when the file cannot be read.
    """
    install_log_redaction()
    retry = retry or RetryPolicy()
    session = session or new_session()
    path = Path(path)
    try:
        stream = path.open("rb")
    except OSError as error:
        raise UserFacingError(
            Bilingual(
                f"Cannot read the file to upload, {path}: {error.strerror}. Pack the session again.",
                f"无法读取要上传的文件 {path}：{error.strerror}。请重新打包会话。",
            )
        ) from None
    size = os.fstat(stream.fileno()).st_size
    with stream:
        if size > MAX_SINGLE_PUT_BYTES:
            raise _too_large(size)
        headers: dict[str, str | None] = {"Content-Type": content_type, **dict.fromkeys(_FORBIDDEN_HEADERS)}
        body = UploadBody(stream, size, progress, cancel)
        doing = f"upload of {PurePosixPath(urlsplit(url).path).name}"
        failures = 0
        while True:
            body.seek(0)
            try:
                with WaitWatch(waiting, host_of(url), doing, timeout[1], first_s=first_notice_s) as watch:
                    body.watch = watch
                    return _put_once(session, url, body, headers, timeout, progress)
            except (ObsError, NetworkError) as failure:
                failures += 1
                if failures >= retry.attempts or not _transient(failure):
                    raise
                delay = retry.delay(failures - 1, failure.retry_after)
                log.info("upload to %s failed (%s); retrying in %.1f s", host_of(url), failure.code, delay)
                if waiting is not None:
                    waiting(retry_message(host_of(url), failure.message, delay, failures + 1, retry.attempts))
                _wait(cancel, delay, sleep)


def _transient(failure: ObsError | NetworkError) -> bool:
    if isinstance(failure, NetworkError):
        return failure.transient
    return (failure.status or 0) >= 500


def _put_once(
    session: requests.Session,
    url: str,
    body: UploadBody,
    headers: dict[str, str | None],
    timeout: tuple[float, float],
    progress: Progress | None,
) -> UploadResult:
    response = exchange(
        session, "PUT", url, data=body, headers=headers, timeout=timeout, allow_redirects=False
    )
    if response.status_code >= 300:
        answer = response.headers
        raise parse_obs_error(
            response.status_code, response.content, answer.get("Retry-After"), answer.get("Location")
        )
    return _finish(response, body, len(body), progress)


def _finish(
    response: requests.Response, body: UploadBody, size: int, progress: Progress | None
) -> UploadResult:
    md5 = body.md5_hex()
    etag = _clean_etag(response.headers.get("ETag"))
    if progress is not None:
        progress(size, size)
    if etag != md5:
        log.warning("upload ETag %s differs from the file's MD5 %s", etag, md5)
    return UploadResult(etag=etag, md5=md5, md5_ok=etag == md5, size=size)
