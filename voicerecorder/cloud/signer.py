"""Huawei Cloud ``SDK-HMAC-SHA256`` request signing (AK/SK), standard library only.

The same functions serve both sides: the client signs with :func:`sign`, and the sandbox
verifies with :func:`parse_authorization`, :func:`canonical_request` and
:func:`compute_signature`. The algorithm is described in the API spec, section 2.1.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Iterable, Mapping, MutableMapping, Sequence
from datetime import UTC, datetime
from urllib.parse import parse_qsl, quote, unquote, urlsplit

ALGORITHM = "SDK-HMAC-SHA256"
DATE_HEADER = "X-Sdk-Date"
DATE_FORMAT = "%Y%m%dT%H%M%SZ"
CONTENT_SHA256_HEADER = "X-Sdk-Content-Sha256"
EMPTY_BODY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

_AUTHORIZATION_FIELDS = ("Access", "SignedHeaders", "Signature")
_SIGNATURE_PATTERN = re.compile(r"[0-9a-f]{64}")
_HEADER_NAME_PATTERN = re.compile(r"[!#$%&'*+.^`|~0-9a-z-]+")


def _encode(text: str) -> str:
    """RFC 3986 percent-encoding: only ``A-Z a-z 0-9 - _ . ~`` stay as they are."""
    return quote(text, safe="~")


def canonical_query(pairs: Iterable[tuple[str, str]]) -> str:
    """The canonical query string: pairs sorted by name then value, each side encoded, joined by ``&``.

    Repeated names give one pair each; an empty value still yields ``name=``. This is also
    exactly the query string a signed request must carry on the wire.
    """
    return "&".join(f"{_encode(name)}={_encode(value)}" for name, value in sorted(pairs))


def canonical_uri(path: str) -> str:
    """The path decoded, each segment re-encoded, always ending with ``/``."""
    encoded = "/".join(_encode(segment) for segment in unquote(path).split("/"))
    return encoded if encoded.endswith("/") else encoded + "/"


def _header(headers: Mapping[str, str], name: str) -> str | None:
    wanted = name.lower()
    for key, value in headers.items():
        if key.lower() == wanted:
            return value
    return None


def payload_hash(headers: Mapping[str, str], body: bytes) -> str:
    """SHA-256 of the body, the empty-body hash, or the value of ``X-Sdk-Content-Sha256``."""
    if not body:
        return EMPTY_BODY_SHA256
    declared = _header(headers, CONTENT_SHA256_HEADER)
    return declared if declared else hashlib.sha256(body).hexdigest()


def canonical_request(
    method: str,
    path: str,
    query: str,
    headers: Mapping[str, str],
    signed_headers: Sequence[str],
    body: bytes,
) -> str:
    """The canonical request text that gets hashed into the string to sign.

    ``query`` is the canonical query string (see :func:`canonical_query`) and is used as is.
    ``headers`` are looked up case-insensitively; a signed header that is missing raises
    ``ValueError``.
    """
    lines = []
    for name in signed_headers:
        value = _header(headers, name)
        if value is None:
            raise ValueError(f"signed header {name!r} is missing from the request")
        lines.append(f"{name.lower()}:{value.strip()}\n")
    return "\n".join(
        [
            method.upper(),
            canonical_uri(path),
            query,
            "".join(lines),
            ";".join(name.lower() for name in signed_headers),
            payload_hash(headers, body),
        ]
    )


def signed_header_names(headers: Mapping[str, str]) -> list[str]:
    """Every header name, lower-cased and sorted, except those containing ``_``."""
    return sorted({name.lower() for name in headers if "_" not in name})


def string_to_sign(sdk_date: str, canonical: str) -> str:
    """``SDK-HMAC-SHA256``, the ``X-Sdk-Date`` value and the hex SHA-256 of the canonical request."""
    digest = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    return f"{ALGORITHM}\n{sdk_date}\n{digest}"


def compute_signature(sk: str, sdk_date: str, canonical: str) -> str:
    """Lower-case hex HMAC-SHA256 of the string to sign, keyed with the secret key."""
    message = string_to_sign(sdk_date, canonical).encode("utf-8")
    return hmac.new(sk.encode("utf-8"), message, hashlib.sha256).hexdigest()


def format_sdk_date(moment: datetime) -> str:
    """``moment`` as an ``X-Sdk-Date`` value; a naive datetime is taken to be UTC."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.strftime(DATE_FORMAT)


def parse_sdk_date(value: str) -> datetime:
    """An ``X-Sdk-Date`` value as an aware UTC datetime; ``ValueError`` when malformed."""
    return datetime.strptime(value, DATE_FORMAT).replace(tzinfo=UTC)


def _drop(headers: MutableMapping[str, str], name: str) -> None:
    for key in [key for key in headers if key.lower() == name.lower()]:
        del headers[key]


def sign(
    method: str,
    url: str,
    headers: MutableMapping[str, str],
    body: bytes,
    ak: str,
    sk: str,
    now: datetime | None = None,
) -> None:
    """Add ``X-Sdk-Date`` (unless present), ``Host`` and ``Authorization`` to ``headers``.

    The query of ``url`` is signed in its canonical form, so the request must be sent with
    exactly ``canonical_query(...)`` of its parameters as the query string.
    """
    parts = urlsplit(url)
    _drop(headers, "Authorization")
    if _header(headers, DATE_HEADER) is None:
        headers[DATE_HEADER] = format_sdk_date(now or datetime.now(UTC))
    if _header(headers, "Host") is None:
        headers["Host"] = parts.netloc.rpartition("@")[2]
    query = canonical_query(parse_qsl(parts.query, keep_blank_values=True))
    names = signed_header_names(headers)
    canonical = canonical_request(method, parts.path or "/", query, headers, names, body)
    signature = compute_signature(sk, str(_header(headers, DATE_HEADER)), canonical)
    headers["Authorization"] = (
        f"{ALGORITHM} Access={ak}, SignedHeaders={';'.join(names)}, Signature={signature}"
    )


def parse_authorization(value: str) -> tuple[str, list[str], str]:
    """Split an ``Authorization`` value into (access key, signed header names, signature).

    Raises ``ValueError`` for anything that is not a well-formed ``SDK-HMAC-SHA256`` value.
    """
    algorithm, _, rest = value.strip().partition(" ")
    if algorithm != ALGORITHM:
        raise ValueError("not an SDK-HMAC-SHA256 authorization")
    fields: dict[str, str] = {}
    for item in rest.split(","):
        key, equals, field_value = item.strip().partition("=")
        if not equals or key not in _AUTHORIZATION_FIELDS or key in fields:
            raise ValueError("malformed authorization field")
        fields[key] = field_value.strip()
    if set(fields) != set(_AUTHORIZATION_FIELDS) or not fields["Access"]:
        raise ValueError("authorization lacks Access, SignedHeaders or Signature")
    names = fields["SignedHeaders"].split(";")
    if not all(_HEADER_NAME_PATTERN.fullmatch(name) for name in names):
        raise ValueError("authorization names an invalid signed header")
    if not _SIGNATURE_PATTERN.fullmatch(fields["Signature"]):
        raise ValueError("authorization signature is not 64 lower-case hex digits")
    return fields["Access"], names, fields["Signature"]
