"""Temporary credentials, IAM password tokens (cached, renewed) and project-id lookup over HTTP."""

import time

import pytest
from support.cloud_fake import (
    AK,
    DOMAIN,
    PASSWORD,
    PROJECT_ID,
    REGION,
    SECURITY_TOKEN,
    SK,
    USER,
    FakeCloud,
    Reply,
)

from voicerecorder.cloud.client import MetaStudioClient
from voicerecorder.cloud.config import AkSkAuth, PasswordAuth, build_config
from voicerecorder.cloud.errors import AuthError, CloudConfigError
from voicerecorder.cloud.iam import TOKEN_MARGIN_SECONDS
from voicerecorder.cloud.transport import RetryPolicy

FAST = RetryPolicy(attempts=2, base_delay=0.001)
CFG = {"basic_min": 180}


def _client(fake, auth, project_id=PROJECT_ID, clock=None):
    config = build_config(region=REGION, endpoint=fake.base_url, project_id=project_id, auth=auth)
    kwargs = {"clock": clock} if clock else {}
    return MetaStudioClient(config, retry=FAST, sleep=lambda s: None, **kwargs)


def test_temporary_credentials_send_and_sign_the_security_token():
    with FakeCloud(security_token=SECURITY_TOKEN) as fake:
        fake.reply("GET", fake.ms_path("user/tenant-duration-cfg"), Reply(body=CFG), Reply(body=CFG))
        assert _client(fake, AkSkAuth(AK, SK, SECURITY_TOKEN)).show_tenant_duration_cfg().basic_min == 180
        with pytest.raises(AuthError):
            _client(fake, AkSkAuth(AK, SK)).show_tenant_duration_cfg()
        assert "x-security-token" in fake.seen[0].headers["Authorization"]


def test_project_id_is_looked_up_once_with_a_signed_iam_call(fake):
    fake.reply("GET", "/v3/projects", Reply(body={"projects": [{"id": PROJECT_ID, "name": REGION}]}))
    fake.reply("GET", fake.ms_path("user/tenant-duration-cfg"), Reply(body=CFG), Reply(body=CFG))
    client = _client(fake, AkSkAuth(AK, SK), project_id=None)
    client.show_tenant_duration_cfg()
    client.show_tenant_duration_cfg()
    lookups = fake.calls("GET", "/v3/projects")
    assert len(lookups) == 1
    assert lookups[0].query == [("name", REGION)]
    assert "X-Project-Id" not in lookups[0].headers
    assert client.project_id == PROJECT_ID


def test_missing_project_for_region_is_explained(fake):
    fake.reply("GET", "/v3/projects", Reply(body={"projects": []}))
    client = _client(fake, AkSkAuth(AK, SK), project_id=None)
    with pytest.raises(CloudConfigError, match="no project for region cn-north-4"):
        client.show_tenant_duration_cfg()


def test_password_token_is_fetched_cached_and_used(fake):
    fake.reply("GET", fake.ms_path("user/tenant-duration-cfg"), Reply(body=CFG), Reply(body=CFG))
    client = _client(fake, PasswordAuth(USER, PASSWORD, DOMAIN), project_id=None)
    client.show_tenant_duration_cfg()
    client.show_tenant_duration_cfg()
    token_calls = fake.calls("POST", "/v3/auth/tokens")
    assert len(token_calls) == 1
    assert token_calls[0].query == [("nocatalog", "true")]
    assert token_calls[0].headers["Content-Type"] == "application/json;charset=utf8"
    api_calls = fake.calls("GET", fake.ms_path("user/tenant-duration-cfg"))
    assert all(call.headers["X-Auth-Token"] in fake.tokens for call in api_calls)
    assert all("Authorization" not in call.headers for call in api_calls)
    assert client.project_id == PROJECT_ID


def test_token_is_renewed_before_it_expires(fake):
    now = [time.time()]
    fake.token_lifetime = 3600
    fake.reply("GET", fake.ms_path("user/tenant-duration-cfg"), *[Reply(body=CFG)] * 3)
    client = _client(fake, PasswordAuth(USER, PASSWORD, DOMAIN), clock=lambda: now[0])
    client.show_tenant_duration_cfg()
    now[0] += 3600 - TOKEN_MARGIN_SECONDS - 60
    client.show_tenant_duration_cfg()
    assert len(fake.calls("POST", "/v3/auth/tokens")) == 1
    now[0] += 120
    client.show_tenant_duration_cfg()
    assert len(fake.calls("POST", "/v3/auth/tokens")) == 2


def test_token_expired_on_the_server_is_replaced_once(fake):
    fake.reply("POST", fake.ms_path("user/short-jobs"), Reply(body={"job_id": "j"}))
    client = _client(fake, PasswordAuth(USER, PASSWORD, DOMAIN))
    fake.reply("GET", fake.ms_path("user/tenant-duration-cfg"), Reply(body=CFG))
    client.show_tenant_duration_cfg()
    for token in fake.tokens:
        fake.tokens[token] = "revoked"
    assert client.create_short_job().job_id == "j"
    assert len(fake.calls("POST", "/v3/auth/tokens")) == 2
    assert len(fake.calls("POST", fake.ms_path("user/short-jobs"))) == 2


def test_wrong_password_is_an_auth_error(fake):
    client = _client(fake, PasswordAuth(USER, "wrong-password", DOMAIN))
    with pytest.raises(AuthError) as caught:
        client.show_tenant_duration_cfg()
    assert "IAM.0002" in str(caught.value)
    assert "wrong-password" not in str(caught.value)
