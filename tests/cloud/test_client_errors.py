"""Error responses become typed, actionable errors; GETs are retried, POSTs never."""

import dataclasses
import socket

import pytest
from support.cloud_fake import AK, PROJECT_ID, SK, Reply

from voicerecorder.cloud.client import MetaStudioClient
from voicerecorder.cloud.config import AkSkAuth, build_config
from voicerecorder.cloud.errors import (
    AuthError,
    ClockSkewError,
    NetworkError,
    NotFoundError,
    ParameterError,
    QuotaError,
    RedirectError,
    ServerError,
    ThrottledError,
)
from voicerecorder.cloud.models import CreateTrainingJobReq
from voicerecorder.cloud.transport import RetryPolicy

JOB = "job-1"
FAST = RetryPolicy(attempts=4, base_delay=0.001, max_delay=0.01)


def _err(code, msg, status=400, **headers):
    return Reply(status=status, body={"error_code": code, "error_msg": msg}, headers=headers)


@pytest.mark.parametrize(
    ("reply", "kind", "words"),
    [
        (_err("MSS.00000003", "invalid parameter: voice_name too long"), ParameterError, "voice_name"),
        (
            _err("MSS.10000003", "Parameter validation failed: sex must be MALE or FEMALE"),
            ParameterError,
            "sex",
        ),
        (_err("MSS.10000002", "The request body is not JSON"), ParameterError, "parameters"),
        (_err("MSS.20020011", "audio format error"), ParameterError, "PCM WAV"),
        (_err("MSS.20020016", "file count"), ParameterError, "number of WAV"),
        (
            _err("MSS.20020002", "No BASIC voice-training resource is available; buy one"),
            QuotaError,
            "resource",
        ),
        (_err("MSS.10000004", "The job job-1 does not exist."), NotFoundError, "job id"),
        (_err("MSS.00010003", "API not found", 400), NotFoundError, "METASTUDIO_ENDPOINT"),
        (_err("MSS.00010009", "tenant mismatch"), AuthError, "project id"),
        (
            _err("APIGW.0301", "Incorrect IAM authentication information: verify aksk signature fail", 401),
            AuthError,
            "secret key",
        ),
        (_err("MSS.00021015", "internal", 500), ServerError, "internal problem"),
        (_err("MSS.00000001", "Unauthorized", 401), AuthError, "secret key"),
        (_err("MSS.00010008", "invalid token in header"), AuthError, "secret key"),
        (_err("APIG.0301", "The token must be updated", 401), AuthError, "token has expired"),
        (
            _err("APIGW.0101", "The API does not exist or has not been published", 404),
            NotFoundError,
            "ENDPOINT",
        ),
        (_err("MSS.00010004", "method not allowed"), NotFoundError, "ENDPOINT"),
        (_err("MSS.00000002", "invalid request body"), ParameterError, "parameters"),
        (_err("MSS.20020012", "file type mismatch"), ParameterError, "job type"),
        (_err("MSS.00021014", "call iam failed", 500), ServerError, "request id"),
        (
            _err("APIGW.0308", "The throttling threshold has been reached", 429, **{"Retry-After": "7"}),
            ThrottledError,
            "7 s",
        ),
    ],
)
def test_post_errors_are_mapped_and_never_retried(client, fake, sleeps, reply, kind, words):
    fake.reply("POST", fake.ms_path("user/short-jobs"), reply, Reply(body={"job_id": "second"}))
    with pytest.raises(kind) as caught:
        client.create_short_job()
    error = caught.value
    assert type(error) is kind
    assert words in error.message.en
    assert error.message.zh
    assert error.message.zh != error.message.en
    assert reply.body["error_code"] in str(error)
    assert len(fake.calls("POST")) == 1
    assert sleeps == []


def test_parameter_error_names_the_field(client, fake):
    fake.reply(
        "POST",
        fake.ms_path("user/basic-jobs"),
        _err("MSS.10000003", "Parameter validation failed: tag is invalid"),
    )
    with pytest.raises(ParameterError) as caught:
        client.create_training_job("BASIC", CreateTrainingJobReq(voice_name="v"))
    assert caught.value.field == "tag"
    assert "“tag”" in caught.value.message.en


def test_throttled_post_keeps_retry_after(client, fake):
    fake.reply(
        "POST", fake.ms_path(f"user/jobs/{JOB}"), Reply(status=429, body=b"", headers={"Retry-After": "12"})
    )
    with pytest.raises(ThrottledError) as caught:
        client.commit_voice_training_job(JOB)
    assert caught.value.retry_after == 12.0


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_get_is_retried_on_5xx(client, fake, sleeps, status):
    path = fake.ms_path(f"user/jobs/{JOB}")
    fake.reply(
        "GET", path, Reply(status=status, body=b"oops"), Reply(body={"job_id": JOB, "state": "WAITING"})
    )
    assert client.show_voice_training_job(JOB).state == "WAITING"
    assert len(fake.calls("GET", path)) == 2
    assert len(sleeps) == 1


def test_get_respects_retry_after_then_gives_up(client, fake, sleeps):
    path = fake.ms_path(f"user/jobs/{JOB}")
    throttled = _err("APIGW.0308", "throttled", 429, **{"Retry-After": "3"})
    fake.reply("GET", path, *[throttled] * 4)
    with pytest.raises(ThrottledError):
        client.show_voice_training_job(JOB)
    assert len(fake.calls("GET", path)) == 4
    assert sleeps == [3.0, 3.0, 3.0]


def test_get_is_not_retried_on_4xx(client, fake, sleeps):
    fake.reply("GET", fake.ms_path(f"user/jobs/{JOB}"), _err("MSS.10000004", "The job job-1 does not exist."))
    with pytest.raises(NotFoundError):
        client.show_voice_training_job(JOB)
    assert sleeps == []


def test_get_is_retried_after_a_dropped_connection(client, fake, sleeps):
    path = fake.ms_path("user/tenant-duration-cfg")
    fake.reply("GET", path, Reply(drop=True), Reply(body={"basic_min": 1}))
    assert client.show_tenant_duration_cfg().basic_min == 1
    assert len(sleeps) == 1


def test_post_is_not_retried_after_a_dropped_connection(client, fake, sleeps):
    path = fake.ms_path("user/short-jobs")
    fake.reply("POST", path, Reply(drop=True), Reply(body={"job_id": "duplicate"}))
    with pytest.raises(NetworkError) as caught:
        client.create_short_job()
    assert "internet connection" in caught.value.message.en
    assert len(fake.calls("POST", path)) == 1
    assert sleeps == []


def test_unreachable_endpoint_is_a_network_error(sleeps):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = build_config(
        region=None, endpoint=f"http://127.0.0.1:{port}", project_id=PROJECT_ID, auth=AkSkAuth(AK, SK)
    )
    client = MetaStudioClient(config, retry=FAST, sleep=sleeps.append)
    with pytest.raises(NetworkError) as caught:
        client.show_tenant_duration_cfg()
    assert f"127.0.0.1:{port}" in caught.value.message.en
    assert "代理" in caught.value.message.zh
    assert len(sleeps) == FAST.attempts - 1


def test_read_timeout_is_a_network_error(fake, sleeps):
    config = build_config(region=None, endpoint=fake.base_url, project_id=PROJECT_ID, auth=AkSkAuth(AK, SK))
    config = dataclasses.replace(config, read_timeout=0.2)
    client = MetaStudioClient(config, retry=RetryPolicy(attempts=1), sleep=sleeps.append)
    fake.reply("POST", fake.ms_path("user/short-jobs"), Reply(body={"job_id": "x"}, delay=0.6))
    with pytest.raises(NetworkError, match="did not answer in time"):
        client.create_short_job()


def test_wrong_secret_key_is_an_auth_error(fake, sleeps):
    config = build_config(
        region=None, endpoint=fake.base_url, project_id=PROJECT_ID, auth=AkSkAuth(AK, "wrong-secret")
    )
    client = MetaStudioClient(config, retry=FAST, sleep=sleeps.append)
    with pytest.raises(AuthError) as caught:
        client.show_tenant_duration_cfg()
    assert type(caught.value) is AuthError
    assert "APIGW.0301" in str(caught.value)
    assert sleeps == []


@pytest.mark.parametrize(("offset", "minutes", "words"), [(20 * 60, 20, "behind"), (-47 * 60, 47, "ahead")])
def test_clock_skew_reported_from_the_date_header(client, fake, offset, minutes, words):
    fake.clock_offset = offset
    with pytest.raises(ClockSkewError) as caught:
        client.show_tenant_duration_cfg()
    assert f"off by {minutes} minutes" in caught.value.message.en
    assert words in caught.value.message.en
    assert f"相差 {minutes} 分钟" in caught.value.message.zh
    assert caught.value.code == "APIGW.0303"


def test_clock_skew_of_one_minute_is_singular():
    assert "off by 1 minute (" in ClockSkewError(61).message.en


def test_auth_failure_with_a_skewed_date_header_is_a_clock_problem(client, fake):
    fake.clock_offset = 8 * 60  # inside the gateway's window, but the signature fails anyway
    fake.reply(
        "GET", fake.ms_path("user/tenant-duration-cfg"), _err("APIGW.0301", "verify aksk signature fail", 401)
    )
    with pytest.raises(ClockSkewError, match="off by 8 minutes"):
        client.show_tenant_duration_cfg()


def test_small_skew_with_auth_failure_stays_an_auth_error(client, fake):
    fake.clock_offset = 60
    fake.reply(
        "GET", fake.ms_path("user/tenant-duration-cfg"), _err("APIGW.0301", "verify aksk signature fail", 401)
    )
    with pytest.raises(AuthError) as caught:
        client.show_tenant_duration_cfg()
    assert type(caught.value) is AuthError


def test_time_rejection_without_a_date_header_still_points_at_the_clock():
    from voicerecorder.cloud.error_map import error_for_response

    body = b'{"error_code": "APIGW.0303", "error_msg": "X-Sdk-Date expired"}'
    error = error_for_response(401, body, {}, 0.0)
    assert isinstance(error, ClockSkewError)
    assert error.skew_seconds is None
    assert "clock, date and time zone" in error.message.en


def test_backoff_grows_is_capped_and_yields_to_retry_after():
    policy = RetryPolicy(attempts=6, base_delay=1.0, max_delay=8.0)
    for attempt, ceiling in enumerate([1, 2, 4, 8, 8]):
        delays = [policy.delay(attempt) for _ in range(50)]
        assert all(ceiling / 2 <= d <= ceiling for d in delays)
    assert policy.delay(0, retry_after=20.0) == 20.0


@pytest.mark.parametrize("status", [301, 302, 307])
def test_a_redirect_is_named_a_redirect_and_never_followed(client, fake, status):
    login = "http://portal:Passw0rd@wifi-login.example/?next=metastudio"
    path = fake.ms_path(f"user/jobs/{JOB}")
    fake.reply("GET", path, Reply(status=status, body=b"", headers={"Location": login}))
    with pytest.raises(RedirectError) as caught:
        client.show_voice_training_job(JOB)
    error = caught.value
    assert f"redirect (HTTP {status}) to wifi-login.example" in error.message.en
    assert f"HTTP {status}" in error.message.zh
    assert "METASTUDIO_ENDPOINT" in error.message.en
    assert "parameters" not in error.message.en
    assert "Passw0rd" not in str(error)
    assert [seen.path for seen in fake.seen] == [path]
