"""Parity with the official ``huaweicloudsdkcore`` signer over randomised requests."""

from urllib.parse import parse_qsl, quote

import pytest
from huaweicloudsdkcore import sdk_request
from huaweicloudsdkcore.auth import credentials as sdk_credentials
from huaweicloudsdkcore.signer import signer as sdk_signer
from hypothesis import given, settings
from hypothesis import strategies as st

from voicerecorder.cloud.signer import canonical_query, sign

pytestmark = pytest.mark.reference_sdk

HOST = "metastudio.cn-north-4.myhuaweicloud.com"
RESERVED = " !\"#$%&'()*+,/:;<=>?@[\\]^`{|}~-._"
text = st.text(
    alphabet=st.one_of(
        st.characters(blacklist_categories=("Cs",)),
        st.sampled_from(RESERVED),
    ),
    max_size=12,
)
segments = st.lists(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="/%?#"), max_size=8),
    max_size=4,
)
header_names = st.from_regex(r"[A-Za-z][A-Za-z0-9_-]{0,15}", fullmatch=True).filter(
    lambda name: (
        name.lower() not in {"host", "authorization", "x-sdk-date", "content-type", "x-sdk-content-sha256"}
    )
)
header_values = st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=20)


@settings(max_examples=300, deadline=None)
@given(
    method=st.sampled_from(["GET", "POST", "PUT", "DELETE", "PATCH", "get"]),
    path_parts=segments,
    trailing_slash=st.booleans(),
    query=st.lists(st.tuples(st.one_of(st.sampled_from(["state", "a", "~k", "Ä"]), text), text), max_size=6),
    extra_headers=st.dictionaries(header_names, header_values, max_size=4),
    body=st.binary(max_size=64),
)
def test_authorization_matches_the_official_signer(
    method, path_parts, trailing_slash, query, extra_headers, body
):
    extra = {}
    for name, value in extra_headers.items():
        if name.lower() not in {key.lower() for key in extra}:
            extra[name] = value
    path = quote("/" + "/".join(path_parts) + ("/" if trailing_slash and path_parts else ""), safe="/")
    headers = {"Content-Type": "application/json", "X-Sdk-Date": "20250101T000000Z", **extra}

    request = sdk_request.SdkRequest(
        method=method,
        schema="https",
        host=HOST,
        resource_path=path,
        query_params=list(query),
        header_params=dict(headers),
        body=body,
    )
    credentials = sdk_credentials.BasicCredentials("AccessKey", "SecretKey")
    expected = sdk_signer.Signer(credentials).sign(request).header_params["Authorization"]

    encoded = canonical_query(query)
    url = f"https://{HOST}{path}" + (f"?{encoded}" if encoded else "")
    ours = dict(headers)
    sign(method, url, ours, body, "AccessKey", "SecretKey")
    assert ours["Authorization"] == expected
    assert request.uri == path + (f"?{encoded}" if encoded else "")


@settings(max_examples=200, deadline=None)
@given(query=st.lists(st.tuples(text, text), max_size=8))
def test_canonical_query_survives_the_round_trip_a_server_makes(query):
    encoded = canonical_query(query)
    assert canonical_query(parse_qsl(encoded, keep_blank_values=True)) == encoded
    assert sorted(parse_qsl(encoded, keep_blank_values=True)) == sorted(query)
