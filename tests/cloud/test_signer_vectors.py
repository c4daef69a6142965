"""The signer reproduces the published SDK vectors and the MetaStudio-shaped vectors of the API spec."""

from datetime import UTC, datetime, timedelta, timezone

import pytest

from voicerecorder.cloud.signer import (
    EMPTY_BODY_SHA256,
    canonical_query,
    canonical_request,
    compute_signature,
    parse_authorization,
    sign,
    signed_header_names,
)

HOST = "service.endpoint.myhuaweicloud.com"
MS_HOST = "metastudio.cn-north-4.myhuaweicloud.com"
PROJECT = "0123456789abcdef0123456789abcdef"
PREFIX = f"/v1/{PROJECT}/voice-training-manage/user"


def _published_headers():
    return {"X-Sdk-Date": "20200608T023900Z", "TEST_UNDERSCORE": "TEST_VALUE"}


@pytest.mark.parametrize(
    ("method", "body", "signature"),
    [
        ("GET", b"", "cfb4171acec81de07d50e53d57eb77edd537414d66ddb1d7d780f128e12cd842"),
        (
            "POST",
            b'{"name":"test","id":1}',
            "436b1ac0a1ae03705934bb70ef2f2e09f7bfed2117d731a38235053199323a1f",
        ),
    ],
)
def test_published_vectors(method, body, signature):
    headers = _published_headers()
    sign(method, f"https://{HOST}/resources?size=1", headers, body, "AccessKey", "SecretKey")
    assert headers["Authorization"] == (
        f"SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, Signature={signature}"
    )
    assert headers["Host"] == HOST


def test_published_canonical_request_text():
    headers = {**_published_headers(), "Host": HOST}
    names = signed_header_names(headers)
    assert names == ["host", "x-sdk-date"]
    canonical = canonical_request("get", "/resources", "size=1", headers, names, b"")
    assert canonical == (
        f"GET\n/resources/\nsize=1\nhost:{HOST}\nx-sdk-date:20200608T023900Z\n\nhost;x-sdk-date\n"
        f"{EMPTY_BODY_SHA256}"
    )
    assert compute_signature("SecretKey", "20200608T023900Z", canonical) == (
        "cfb4171acec81de07d50e53d57eb77edd537414d66ddb1d7d780f128e12cd842"
    )


def test_published_query_vector():
    pairs = [
        ("limit", "1"),
        ("enable", "true"),
        ("test", "一 (&=?!#%.*)"),
        ("path", "/tmp/123"),
        ("multi", "3"),
        ("multi", "1"),
        ("multi", "2"),
    ]
    assert canonical_query(pairs) == (
        "enable=true&limit=1&multi=1&multi=2&multi=3&path=%2Ftmp%2F123"
        "&test=%E4%B8%80%20%28%26%3D%3F%21%23%25.%2A%29"
    )


def test_empty_query_and_empty_value():
    assert canonical_query([]) == ""
    assert canonical_query([("b", ""), ("a", "~x y")]) == "a=~x%20y&b="


def _metastudio_headers():
    return {"Content-Type": "application/json", "X-Sdk-Date": "20250101T000000Z", "X-Project-Id": PROJECT}


@pytest.mark.parametrize(
    ("method", "path", "query", "body", "signature"),
    [
        (
            "POST",
            f"{PREFIX}/short-jobs",
            [],
            b'{"job_type":"VOICE_ASSESS","language":"CN"}',
            "f47221d5d6aef160dfc780984cf09b2979be4ac3ae66b165e9acc926bcc19e53",
        ),
        (
            "GET",
            f"{PREFIX}/jobs",
            [("state", "FAILED,WAITING"), ("limit", "10"), ("offset", "0")],
            b"",
            "f962dd3148f34776873e35f0f7900309152debcd9c71fecdcd948ee0fe825028",
        ),
        (
            "POST",
            f"{PREFIX}/short-jobs/26f06524-4f75-4b3a-a853-b649a21aaf66",
            [],
            b"",
            "cc9a066d741e50e71c64e7986f3f8863e9061b64d63ad5c262f4937084756a53",
        ),
    ],
)
def test_metastudio_vectors(method, path, query, body, signature):
    headers = _metastudio_headers()
    encoded = canonical_query(query)
    url = f"https://{MS_HOST}{path}" + (f"?{encoded}" if encoded else "")
    sign(method, url, headers, body, "AccessKey", "SecretKey")
    ak, names, got = parse_authorization(headers["Authorization"])
    assert (ak, names, got) == (
        "AccessKey",
        ["content-type", "host", "x-project-id", "x-sdk-date"],
        signature,
    )


def test_list_query_is_encoded_canonically():
    assert canonical_query([("state", "FAILED,WAITING"), ("limit", "10"), ("offset", "0")]) == (
        "limit=10&offset=0&state=FAILED%2CWAITING"
    )


def test_metastudio_payload_hash_in_canonical_request():
    headers = {**_metastudio_headers(), "Host": MS_HOST}
    canonical = canonical_request(
        "POST",
        f"{PREFIX}/short-jobs",
        "",
        headers,
        signed_header_names(headers),
        b'{"job_type":"VOICE_ASSESS","language":"CN"}',
    )
    assert canonical.endswith("\n222ff50778fd2aa694e2f646ade599c2cb1d4ac437d45ae411d44795c57a23d8")


def test_declared_content_hash_replaces_body_hash_but_not_for_empty_body():
    headers = {"Host": "h", "X-Sdk-Date": "20250101T000000Z", "x-sdk-content-sha256": "UNSIGNED-PAYLOAD"}
    names = signed_header_names(headers)
    assert canonical_request("PUT", "/o", "", headers, names, b"data").endswith("\nUNSIGNED-PAYLOAD")
    assert canonical_request("PUT", "/o", "", headers, names, b"").endswith(f"\n{EMPTY_BODY_SHA256}")


def test_headers_are_looked_up_case_insensitively_and_trimmed():
    headers = {"HOST": " h ", "x-SDK-date": "20250101T000000Z"}
    canonical = canonical_request("GET", "/a/b/", "", headers, ["host", "x-sdk-date"], b"")
    assert "\nhost:h\nx-sdk-date:20250101T000000Z\n\n" in canonical
    assert canonical.split("\n")[1] == "/a/b/"


def test_missing_signed_header_is_an_error():
    with pytest.raises(ValueError, match="x-project-id"):
        canonical_request("GET", "/", "", {"Host": "h"}, ["host", "x-project-id"], b"")


def test_path_segments_are_decoded_then_reencoded():
    headers = {"Host": "h", "X-Sdk-Date": "20250101T000000Z"}
    canonical = canonical_request("GET", "/a%20b/c d/é", "", headers, ["host"], b"")
    assert canonical.split("\n")[1] == "/a%20b/c%20d/%C3%A9/"


def test_sign_adds_date_from_now_in_utc_and_replaces_old_authorization():
    headers = {"authorization": "stale", "Content-Type": "application/json"}
    moment = datetime(2025, 1, 1, 8, 0, 0, tzinfo=timezone(timedelta(hours=8)))
    sign("GET", "http://127.0.0.1:8080/x", headers, b"", "ak", "sk", now=moment)
    assert headers["X-Sdk-Date"] == "20250101T000000Z"
    assert headers["Host"] == "127.0.0.1:8080"
    assert "authorization" not in headers
    assert parse_authorization(headers["Authorization"])[1] == ["content-type", "host", "x-sdk-date"]


def test_sign_keeps_an_existing_date():
    headers = {"X-Sdk-Date": "20200608T023900Z"}
    sign(
        "GET",
        f"https://{HOST}/resources?size=1",
        headers,
        b"",
        "AccessKey",
        "SecretKey",
        now=datetime(2030, 1, 1, tzinfo=UTC),
    )
    assert headers["X-Sdk-Date"] == "20200608T023900Z"


@pytest.mark.parametrize(
    "value",
    [
        "",
        "garbage",
        "AWS4-HMAC-SHA256 Access=a, SignedHeaders=host, Signature=" + "0" * 64,
        "SDK-HMAC-SHA256 Access=a, SignedHeaders=host",
        "SDK-HMAC-SHA256 Access=a, SignedHeaders=host, Signature=xyz",
        "SDK-HMAC-SHA256 Access=, SignedHeaders=host, Signature=" + "0" * 64,
        "SDK-HMAC-SHA256 Access=a, SignedHeaders=Host;x y, Signature=" + "0" * 64,
        "SDK-HMAC-SHA256 Access=a, Access=b, SignedHeaders=host, Signature=" + "0" * 64,
        "SDK-HMAC-SHA256 Access=a, Extra=1, SignedHeaders=host, Signature=" + "0" * 64,
        "SDK-HMAC-SHA256 Access=a SignedHeaders=host Signature=" + "0" * 64,
    ],
)
def test_parse_authorization_rejects_garbage(value):
    with pytest.raises(ValueError, match="authorization"):
        parse_authorization(value)


def test_parse_authorization_accepts_missing_spaces():
    value = "SDK-HMAC-SHA256 Access=AK,SignedHeaders=host;x-sdk-date,Signature=" + "a" * 64
    assert parse_authorization(value) == ("AK", ["host", "x-sdk-date"], "a" * 64)
