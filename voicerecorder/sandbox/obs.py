"""OBS pre-signed URLs (V2 query-string authentication) and OBS-style XML errors.

A URL is ``<base>/obs/<bucket>/<key>?AccessKeyId=…&Expires=<unix seconds>&Signature=…`` where
Signature = base64(HMAC-SHA1(secret, VERB \\n Content-MD5 \\n Content-Type \\n Expires \\n
/bucket/key)), the same string OBS signs. So a PUT with any other Content-Type than the one
the URL was issued for fails with 403 SignatureDoesNotMatch, as it does on OBS.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
from dataclasses import dataclass
from urllib.parse import quote, urlencode
from xml.sax.saxutils import escape

OBS_ACCESS_KEY = "SANDBOXOBSACCESSKEY01"
BUCKET = "metastudio-sandbox"
URL_VALIDITY_S = 24 * 3600
MAX_OBJECT_BYTES = 5 * 1024**3

ZIP = "application/zip"
WAV = "audio/wav"
TEXT = "text/plain"


@dataclass(frozen=True)
class ObsError(Exception):
    """An OBS refusal, rendered as the XML error body."""

    status: int
    code: str
    message: str

    def xml(self, resource: str, request_id: str) -> bytes:
        """The OBS XML error body."""
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n<Error>'
            f"<Code>{escape(self.code)}</Code><Message>{escape(self.message)}</Message>"
            f"<Resource>{escape(resource)}</Resource><RequestId>{request_id}</RequestId>"
            f"<HostId>sandbox.obs.127.0.0.1</HostId></Error>"
        ).encode()


def string_to_sign(method: str, content_md5: str, content_type: str, expires: int, resource: str) -> str:
    """The OBS V2 string to sign of a query-authenticated request (no x-obs-* headers)."""
    return f"{method}\n{content_md5}\n{content_type}\n{expires}\n{resource}"


class UrlSigner:
    """Issues and checks pre-signed OBS URLs with one secret."""

    def __init__(self, secret: bytes) -> None:
        self._secret = secret

    def _signature(
        self, method: str, content_md5: str, content_type: str, expires: int, resource: str
    ) -> str:
        text = string_to_sign(method, content_md5, content_type, expires, resource)
        digest = hmac.new(self._secret, text.encode("utf-8"), hashlib.sha1).digest()
        return base64.b64encode(digest).decode("ascii")

    def url(self, base_url: str, method: str, key: str, content_type: str, expires: int | None = None) -> str:
        """A URL allowing ``method`` on ``key`` until ``expires`` (default: 24 hours from now)."""
        expires = int(time.time()) + URL_VALIDITY_S if expires is None else expires
        resource = f"/{BUCKET}/{key}"
        signature = self._signature(method, "", content_type, expires, resource)
        query = urlencode({"AccessKeyId": OBS_ACCESS_KEY, "Expires": expires, "Signature": signature})
        return f"{base_url}/obs/{BUCKET}/{quote(key)}?{query}"

    def check(self, method: str, resource: str, query: dict[str, str], headers: dict[str, str]) -> None:
        """Raise ObsError unless the request matches its URL's signature and has not expired.

        ``headers`` are lower-cased names.
        """
        try:
            expires = int(query["Expires"])
            signature = query["Signature"]
            access_key = query["AccessKeyId"]
        except (KeyError, ValueError):
            raise ObsError(403, "AccessDenied", "Anonymous access is not allowed for this object.") from None
        if access_key != OBS_ACCESS_KEY:
            raise ObsError(403, "InvalidAccessKeyId", "The access key id you provided does not exist.")
        if expires < time.time():
            raise ObsError(403, "AccessDenied", "Request has expired")
        expected = self._signature(
            method, headers.get("content-md5", ""), headers.get("content-type", ""), expires, resource
        )
        if not hmac.compare_digest(expected, signature):
            raise ObsError(
                403,
                "SignatureDoesNotMatch",
                "The request signature we calculated does not match the signature you provided. "
                "Check your key and signing method.",
            )
