"""Authentication as the gateway does it: AK/SK signatures, the date window, tokens, projects."""

import json
import time
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

import pytest
import requests
from huaweicloudsdkcore.auth.credentials import BasicCredentials
from huaweicloudsdkcore.exceptions.exceptions import ClientRequestException
from huaweicloudsdkcore.region.region import Region
from huaweicloudsdkmetastudio.v1 import MetaStudioClient, ShowTenantDurationCfgRequest
from support.sandbox_sdk import sdk_client

from voicerecorder.cloud.signer import canonical_query, sign
from voicerecorder.sandbox import (
    DEFAULT_AK,
    DEFAULT_SK,
    DEMO_DOMAIN,
    DEMO_PASSWORD,
    DEMO_USER,
    SECURITY_TOKEN,
    TEMPORARY_AK,
    TEMPORARY_SK,
    project_id_for,
)
from voicerecorder.sandbox.auth import Authenticator
from voicerecorder.sandbox.credentials import SandboxKeys

pytestmark = pytest.mark.reference_sdk

OTHER_PROJECT = "0123456789abcdef0123456789abcdef"


def _signed(sandbox, method, path, *, body=b"", params=(), now=None, sk=DEFAULT_SK, project=None, **headers):
    query = canonical_query(list(params))
    url = f"{sandbox.base_url}{path}" + (f"?{query}" if query else "")
    all_headers = {
        "Content-Type": "application/json",
        "X-Project-Id": project or sandbox.project_id,
        **headers,
    }
    sign(method, url, all_headers, body, DEFAULT_AK, sk, now=now)
    return requests.request(method, url, headers=all_headers, data=body, timeout=10)


def _cfg_path(project):
    return f"/v1/{project}/voice-training-manage/user/tenant-duration-cfg"


def _token(sandbox, password=DEMO_PASSWORD, scope=None):
    body = {
        "auth": {
            "identity": {
                "methods": ["password"],
                "password": {
                    "user": {"name": DEMO_USER, "password": password, "domain": {"name": DEMO_DOMAIN}}
                },
            },
            "scope": scope or {"project": {"name": "cn-north-4"}},
        }
    }
    return requests.post(f"{sandbox.base_url}/v3/auth/tokens", json=body, timeout=10)


def test_wrong_secret_key_gives_apigw_0301(sandbox):
    with pytest.raises(ClientRequestException) as refused:
        sdk_client(sandbox, sk="wrong-secret").show_tenant_duration_cfg(ShowTenantDurationCfgRequest())
    error = refused.value
    assert (error.status_code, error.error_code) == (401, "APIGW.0301")
    assert "verify aksk signature fail" in error.error_msg
    assert error.request_id


def test_unknown_access_key_and_missing_auth(sandbox):
    with pytest.raises(ClientRequestException) as unknown:
        sdk_client(sandbox, ak="NOSUCHAK").show_tenant_duration_cfg(ShowTenantDurationCfgRequest())
    assert unknown.value.error_code == "APIGW.0301"
    assert unknown.value.error_msg.endswith("err:ak not exist")
    bare = requests.get(sandbox.base_url + _cfg_path(sandbox.project_id), timeout=10)
    assert bare.status_code == 401
    assert set(bare.json()) == {"error_code", "error_msg", "request_id"}


@pytest.mark.parametrize("minutes", [-16, 16])
def test_sdk_date_outside_15_minutes_gives_apigw_0303(sandbox, minutes):
    moment = datetime.now(UTC) + timedelta(minutes=minutes)
    answer = _signed(sandbox, "GET", _cfg_path(sandbox.project_id), now=moment)
    assert answer.status_code == 401
    assert answer.json()["error_code"] == "APIGW.0303"
    server_time = parsedate_to_datetime(answer.headers["Date"])
    assert abs((server_time - datetime.now(UTC)).total_seconds()) < 5


def test_date_within_window_and_date_header_everywhere(sandbox):
    answer = _signed(
        sandbox, "GET", _cfg_path(sandbox.project_id), now=datetime.now(UTC) - timedelta(minutes=14)
    )
    assert answer.status_code == 200
    assert answer.json()["short_assess_min"] == 3
    for response in (answer, requests.get(sandbox.base_url + "/nowhere", timeout=10)):
        assert parsedate_to_datetime(response.headers["Date"]).tzinfo is not None


def test_tampered_body_or_query_breaks_the_signature(sandbox):
    path = f"/v1/{sandbox.project_id}/voice-training-manage/user/short-jobs"
    headers = {"Content-Type": "application/json", "X-Project-Id": sandbox.project_id}
    url = sandbox.base_url + path
    sign("POST", url, headers, b'{"job_type":"VOICE_ASSESS"}', DEFAULT_AK, DEFAULT_SK)
    answer = requests.post(
        url, headers=headers, data=b'{"job_type":"VOICE_ASSESS","language":"EN"}', timeout=10
    )
    assert (answer.status_code, answer.json()["error_code"]) == (401, "APIGW.0301")
    list_url = f"{sandbox.base_url}/v1/{sandbox.project_id}/voice-training-manage/user/jobs?limit=5"
    headers = {"Content-Type": "application/json", "X-Project-Id": sandbox.project_id}
    sign("GET", list_url, headers, b"", DEFAULT_AK, DEFAULT_SK)
    assert requests.get(list_url, headers=headers, timeout=10).status_code == 200
    assert (
        requests.get(list_url.replace("limit=5", "limit=6"), headers=headers, timeout=10).status_code == 401
    )


def test_query_with_reserved_characters_verifies(sandbox):
    params = [("state", "FAILED,WAITING"), ("voice_name", "声音 a/b"), ("limit", "10")]
    answer = _signed(
        sandbox, "GET", f"/v1/{sandbox.project_id}/voice-training-manage/user/jobs", params=params
    )
    assert answer.status_code == 200
    assert answer.json() == {"count": 0, "jobs": []}


def test_project_rules(sandbox):
    mismatch = _signed(sandbox, "GET", _cfg_path(OTHER_PROJECT))
    assert (mismatch.status_code, mismatch.json()["error_code"]) == (400, "MSS.00010009")
    other = _signed(sandbox, "GET", _cfg_path(OTHER_PROJECT), project=OTHER_PROJECT)
    assert other.status_code == 200
    assert other.json()["tenant_id"] == OTHER_PROJECT
    bad = _signed(sandbox, "GET", _cfg_path("not-a-project"), project="not-a-project")
    assert (bad.status_code, bad.json()["error_code"]) == (400, "MSS.10000003")


def test_unknown_api_and_wrong_method(sandbox):
    missing = _signed(sandbox, "GET", f"/v1/{sandbox.project_id}/voice-training-manage/user/nothing")
    assert (missing.status_code, missing.json()["error_code"]) == (404, "APIGW.0101")
    wrong = _signed(sandbox, "DELETE", _cfg_path(sandbox.project_id))
    assert (wrong.status_code, wrong.json()["error_code"]) == (400, "MSS.00010004")


def test_body_must_be_json(sandbox):
    path = f"/v1/{sandbox.project_id}/voice-training-manage/user/short-jobs"
    answer = _signed(sandbox, "POST", path, body=b"job_type=VOICE_ASSESS", **{"Content-Type": "text/plain"})
    assert (answer.status_code, answer.json()["error_code"]) == (400, "MSS.10000002")
    broken = _signed(sandbox, "POST", path, body=b'{"job_type": ')
    assert broken.json()["error_code"] == "MSS.10000002"


def test_temporary_credentials_need_their_security_token(sandbox):
    request = ShowTenantDurationCfgRequest()
    client = sdk_client(sandbox, TEMPORARY_AK, TEMPORARY_SK, security_token=SECURITY_TOKEN)
    assert client.show_tenant_duration_cfg(request).basic_min == 60
    with pytest.raises(ClientRequestException) as refused:
        sdk_client(sandbox, TEMPORARY_AK, TEMPORARY_SK, security_token="stolen").show_tenant_duration_cfg(
            request
        )
    assert refused.value.error_code == "APIGW.0301"
    with pytest.raises(ClientRequestException):
        sdk_client(sandbox, TEMPORARY_AK, TEMPORARY_SK).show_tenant_duration_cfg(request)


def test_password_token_works_as_x_auth_token(sandbox):
    issued = _token(sandbox)
    assert issued.status_code == 201
    token = issued.headers["X-Subject-Token"]
    body = issued.json()["token"]
    assert body["project"]["id"] == project_id_for("cn-north-4") == sandbox.project_id
    assert body["expires_at"].endswith("Z")
    path = sandbox.base_url + _cfg_path(sandbox.project_id)
    answer = requests.get(
        path, headers={"X-Auth-Token": token, "Content-Type": "application/json"}, timeout=10
    )
    assert answer.status_code == 200
    other = requests.get(
        sandbox.base_url + _cfg_path(OTHER_PROJECT), headers={"X-Auth-Token": token}, timeout=10
    )
    assert other.json()["error_code"] == "MSS.00010009"
    last = "1" if token[-1] == "0" else "0"
    forged = requests.get(path, headers={"X-Auth-Token": token[:-1] + last}, timeout=10)
    assert (forged.status_code, forged.json()["error_code"]) == (401, "APIGW.0301")
    assert forged.json()["error_msg"].endswith("decrypt token fail")


def test_password_login_failures(sandbox):
    wrong = _token(sandbox, password="nope")
    assert (wrong.status_code, wrong.json()["error_code"]) == (401, "IAM.0005")
    unscoped = _token(sandbox, scope={"domain": {"name": DEMO_DOMAIN}})
    assert unscoped.status_code == 400
    by_id = _token(sandbox, scope={"project": {"id": OTHER_PROJECT}})
    assert by_id.status_code == 201
    assert by_id.json()["token"]["project"]["id"] == OTHER_PROJECT
    garbage = requests.post(f"{sandbox.base_url}/v3/auth/tokens", data=b"{", timeout=10)
    assert garbage.status_code == 400
    assert json.loads(garbage.content)["error_code"] == "IAM.0003"


def test_sdk_finds_the_project_id_through_iam(sandbox):
    credentials = BasicCredentials(DEFAULT_AK, DEFAULT_SK).with_iam_endpoint(sandbox.base_url)
    client = (
        MetaStudioClient.new_builder()
        .with_credentials(credentials)
        .with_region(Region("cn-east-3", sandbox.base_url))
        .build()
    )
    assert client.show_tenant_duration_cfg(ShowTenantDurationCfgRequest()).tenant_id == project_id_for(
        "cn-east-3"
    )


def test_expired_token_must_be_renewed(sandbox):
    token, _ = Authenticator(SandboxKeys()).issue_token(
        sandbox.project_id, DEMO_USER, time.time() - 2 * 86400
    )
    path = sandbox.base_url + _cfg_path(sandbox.project_id)
    answer = requests.get(path, headers={"X-Auth-Token": token}, timeout=10)
    assert answer.status_code == 401
    assert answer.json()["error_code"] == "APIGW.0301"
    assert "token must be updated" in answer.json()["error_msg"]
