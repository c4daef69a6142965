"""One HTTP exchange with retries for idempotent calls, typed errors for every failure."""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from voicerecorder import __version__
from voicerecorder.cloud.error_map import error_for_exception, error_for_response
from voicerecorder.cloud.errors import CloudError, NetworkError, ServerError, ThrottledError
from voicerecorder.cloud.redact import host_of
from voicerecorder.cloud.waiting import FIRST_NOTICE_S, WaitListener, WaitWatch, retry_message

if TYPE_CHECKING:
    import requests

log = logging.getLogger("voicerecorder.cloud")

USER_AGENT = f"voicerecorder/{__version__}"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})

HeaderBuilder = Callable[[], dict[str, str]]


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how patiently idempotent calls are retried (exponential backoff with jitter)."""

    attempts: int = 4
    base_delay: float = 0.5
    max_delay: float = 30.0

    def delay(self, attempt: int, retry_after: float | None = None) -> float:
        """Seconds to wait before attempt ``attempt + 1``; a server's Retry-After wins when longer."""
        backoff = min(self.max_delay, self.base_delay * (2**attempt))
        backoff *= 0.5 + random.random() / 2
        return max(backoff, retry_after or 0.0)


class _OwnHeaders:
    """The session's "authentication": it leaves the request as the app built it.

    ``requests`` looks up ``~/.netrc`` (or ``$NETRC``) only for a session without ``auth``,
    and user:password in a URL only for a request without any, then replaces the
    ``Authorization`` header with Basic credentials. Set as the session's ``auth``, this keeps
    the AK/SK signature and the token headers, and sends no netrc or URL password anywhere,
    while ``trust_env`` stays on so HTTPS_PROXY, NO_PROXY and REQUESTS_CA_BUNDLE still apply.
    """

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        return request


def new_session() -> requests.Session:
    """A session with the app's User-Agent: proxies and CA bundle from the environment apply,
    ``~/.netrc`` and credentials in URLs never do (see :class:`_OwnHeaders`).

    ``requests`` is imported here and in :func:`exchange`, on first use: the wizard's start
    and the command line's ``--help`` do not load it."""
    import requests

    session = requests.Session()
    session.headers["User-Agent"] = USER_AGENT
    session.auth = _OwnHeaders()
    return session


def exchange(session: requests.Session, method: str, url: str, **options: Any) -> requests.Response:
    """``session.request(method, url, **options)``; a failure to get an answer (connection, TLS,
    timeout, a bad address) is raised as the typed :class:`NetworkError`. Any thread."""
    import requests

    try:
        return session.request(method, url, **options)
    except requests.RequestException as error:
        log.info("%s %s: %s", method, _path(url), type(error).__name__)
        raise error_for_exception(error, host_of(url)) from None


class Transport:
    """Sends signed requests; GETs are retried, everything else is sent exactly once.

    Called from worker threads; one instance may serve one thread at a time (``requests``
    sessions are not guaranteed thread-safe). While ``listener`` is set, a request silent for
    ``first_notice_s`` seconds and every retry are announced to it (see cloud/waiting.py).
    """

    def __init__(
        self,
        session: requests.Session,
        timeout: tuple[float, float],
        retry: RetryPolicy,
        sleep: Callable[[float], None] = time.sleep,
        first_notice_s: float = FIRST_NOTICE_S,
    ) -> None:
        self.session = session
        self.timeout = timeout
        self.retry = retry
        self.sleep = sleep
        self.first_notice_s = first_notice_s
        self.listener: WaitListener | None = None

    def send(
        self, method: str, url: str, build_headers: HeaderBuilder, body: bytes = b""
    ) -> requests.Response:
        """Send the request (headers rebuilt, i.e. re-signed, per attempt); raise a typed error on failure."""
        attempts = self.retry.attempts if method.upper() == "GET" else 1
        failures = 0
        while True:
            try:
                return self._attempt(method, url, build_headers(), body)
            except (NetworkError, ServerError, ThrottledError) as error:
                failures += 1
                if failures >= attempts or not _retryable(error):
                    raise
                delay = self.retry.delay(failures - 1, error.retry_after)
                log.info(
                    "%s %s failed (%s); retrying in %.1f s", method, _path(url), type(error).__name__, delay
                )
                self._announce_retry(url, error, delay, failures + 1, attempts)
                self.sleep(delay)

    def _announce_retry(self, url: str, error: CloudError, delay: float, attempt: int, attempts: int) -> None:
        if self.listener is not None:
            self.listener(retry_message(host_of(url), error.message, delay, attempt, attempts))

    def _attempt(self, method: str, url: str, headers: dict[str, str], body: bytes) -> requests.Response:
        started = time.monotonic()
        doing, retried = f"{method} {_operation(url)}", method.upper() == "GET"
        watch = WaitWatch(
            self.listener, host_of(url), doing, self.timeout[1], retried=retried, first_s=self.first_notice_s
        )
        with watch:
            response = exchange(
                self.session, method, url, headers=headers, data=body or None, timeout=self.timeout,
                allow_redirects=False,
            )  # fmt: skip
        log.debug(
            "%s %s -> %s in %.2f s", method, _path(url), response.status_code, time.monotonic() - started
        )
        if response.status_code < 300:
            return response
        error = error_for_response(response.status_code, response.content, response.headers, time.time())
        log.info("%s %s -> %s %s", method, _path(url), response.status_code, error.code or "")
        raise error


def _retryable(error: CloudError) -> bool:
    if isinstance(error, NetworkError):
        return error.transient
    return error.status in RETRY_STATUSES or isinstance(error, ThrottledError)


def _path(url: str) -> str:
    return urlsplit(url).path


def _operation(url: str) -> str:
    """The part of the path that names the operation (``user/jobs/ID``, ``/v3/auth/tokens``)."""
    return _path(url).partition("/voice-training-manage/")[2] or _path(url)
