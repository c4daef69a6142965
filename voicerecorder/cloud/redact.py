"""Keep secrets out of logs, exception texts and files.

Two mechanisms work together: patterns that recognise secret-bearing headers, JSON fields
and URL parameters wherever they appear, and a registry of literal secret values (the SK,
passwords, tokens) that are masked wherever they show up verbatim.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterable
from urllib.parse import urlsplit

MASK = "***"

_SECRET_HEADERS = (
    "authorization",
    "x-auth-token",
    "x-security-token",
    "x-subject-token",
    "x-obs-security-token",
)
_HEADER_PATTERN = re.compile(
    r"(?P<name>\b(?:" + "|".join(re.escape(name) for name in _SECRET_HEADERS) + r")\b['\"]?\s*[:=]\s*['\"]?)"
    r"(?P<value>[^'\"\r\n,}&]+(?:,\s*(?:SignedHeaders|Signature)=[^'\"\r\n,}&]+)*)",
    re.IGNORECASE,
)
_SIGNATURE_PATTERN = re.compile(
    r"(?P<name>\b(?:Signature|x-obs-security-token)=)(?P<value>[^&\s'\",]+)", re.IGNORECASE
)
_JSON_FIELD_PATTERN = re.compile(
    r"(?P<name>['\"](?:password|sk|secret|secret_key|security_token|token)['\"]\s*:\s*['\"])(?P<value>[^'\"]*)",
    re.IGNORECASE,
)
# "scheme://user:password@host": everything between "//" and "@" is masked.
_URL_USERINFO_PATTERN = re.compile(
    r"(?P<name>\b[a-z][a-z0-9+.-]*://)(?P<value>[^\s/?#@'\"<>]+)@", re.IGNORECASE
)
_MIN_SECRET_LENGTH = 4

_lock = threading.Lock()
_secrets: set[str] = set()
_installed = False


def register_secret(value: str | None) -> None:
    """Remember a literal secret so :func:`redact` masks it wherever it appears. Any thread."""
    if value and len(value) >= _MIN_SECRET_LENGTH:
        with _lock:
            _secrets.add(value)


def redact(text: str, extra_secrets: Iterable[str] = ()) -> str:
    """``text`` with secret headers, JSON fields, URL signatures, credentials in URLs
    (``https://user:password@host``) and known secret values masked."""
    with _lock:
        literals = sorted({*_secrets, *(s for s in extra_secrets if s)}, key=len, reverse=True)
    for literal in literals:
        text = text.replace(literal, MASK)
    text = _HEADER_PATTERN.sub(lambda m: m.group("name") + MASK, text)
    text = _SIGNATURE_PATTERN.sub(lambda m: m.group("name") + MASK, text)
    text = _URL_USERINFO_PATTERN.sub(lambda m: m.group("name") + MASK + "@", text)
    return _JSON_FIELD_PATTERN.sub(lambda m: m.group("name") + MASK, text)


def host_of(url: str) -> str:
    """``url``'s host and port for messages: without the user name and password it may carry."""
    return urlsplit(url).netloc.rpartition("@")[2]


def _redacting_factory(original):  # type: ignore[no-untyped-def]
    formatter = logging.Formatter()

    def factory(*args, **kwargs):  # type: ignore[no-untyped-def]
        record = original(*args, **kwargs)
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            message = f"{record.msg!s} {record.args!r}"
        record.msg = redact(message)
        record.args = ()
        if record.exc_info and record.exc_info[0] is not None:
            record.exc_text = redact(formatter.formatException(record.exc_info))
        return record

    factory.voicerecorder_redacting = True  # type: ignore[attr-defined]
    return factory


def install_log_redaction() -> None:
    """Redact every log record of the process when it is created (idempotent; any thread).

    The log record factory is wrapped, so every logger and every handler, including ones
    added later, only ever sees the redacted message and traceback text.
    """
    global _installed
    with _lock:
        if _installed:
            return
        current = logging.getLogRecordFactory()
        if not getattr(current, "voicerecorder_redacting", False):
            logging.setLogRecordFactory(_redacting_factory(current))
        _installed = True
