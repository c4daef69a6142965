"""Fault injection: the SPEC grammar, and each fault as a client sees it, reproducibly."""

import time

import pytest
import requests
from huaweicloudsdkcore.exceptions.exceptions import ClientRequestException, ServerResponseException
from huaweicloudsdkmetastudio.v1 import (
    CreateShortJobReq,
    CreateShortJobRequest,
    ShowTenantDurationCfgRequest,
    ShowVoiceTrainingQuotasRequest,
)
from support.sandbox_sdk import sdk_client

from voicerecorder.cloud.signer import sign
from voicerecorder.errors import UserFacingError
from voicerecorder.sandbox import DEFAULT_AK, DEFAULT_SK, FaultPlan, When, parse_faults

pytestmark = pytest.mark.reference_sdk


def test_spec_grammar():
    plan = parse_faults(
        "error=CreateShortJob:0.5,ObsPut:2x; throttle=*:1x; drop=0.25; expired=3x; "
        "latency=0.2; reject=7,12; seed=9; fail=0.1"
    )
    assert plan.errors == {"CreateShortJob": When(probability=0.5), "ObsPut": When(first=2)}
    assert plan.throttles == {"*": When(first=1)}
    assert (plan.drop_uploads, plan.expired_urls) == (When(probability=0.25), When(first=3))
    assert (plan.latency_s, plan.reject_indices, plan.seed) == (0.2, frozenset({7, 12}), 9)
    assert plan.failed_trainings == When(probability=0.1)
    assert parse_faults("") == FaultPlan()
    review = parse_faults(
        "segment_reject=3,11; admin_reject=1x; split_fail=2x; user_review=0.5; user_reject=1x; "
        "letter_type=image/png"
    )
    assert review.segment_reject_indices == frozenset({3, 11})
    assert review.reject_indices == frozenset()
    assert (review.admin_rejects, review.split_failures) == (When(first=1), When(first=2))
    assert (review.user_reviews, review.user_rejects) == (When(probability=0.5), When(first=1))
    assert review.letter_type == "image/png"


@pytest.mark.parametrize(
    "spec",
    [
        "error=CreateShortJob",
        "drop=1.5",
        "latency=-1",
        "reject=a",
        "colour=red",
        "drop",
        "throttle=*:zx",
        "letter_type=text/html",
        "segment_reject=x",
    ],
)
def test_bad_spec_is_explained_in_both_languages(spec):
    with pytest.raises(UserFacingError) as error:
        parse_faults(spec)
    assert error.value.exit_code == 2
    assert "Example" in error.value.message.en
    assert "示例" in error.value.message.zh


def _create(client):
    return client.create_short_job(CreateShortJobRequest(body=CreateShortJobReq(job_type="VOICE_ASSESS")))


def test_first_calls_fail_with_500_then_succeed(start_sandbox):
    client = sdk_client(start_sandbox(faults=parse_faults("error=CreateShortJob:2x")))
    for _ in range(2):
        with pytest.raises(ServerResponseException) as failed:
            _create(client)
        assert (failed.value.status_code, failed.value.error_code) == (500, "MSS.00000005")
    assert _create(client).job_id
    assert client.show_tenant_duration_cfg(ShowTenantDurationCfgRequest()).basic_min == 60


def test_throttling_answers_429_with_retry_after(start_sandbox):
    sandbox = start_sandbox(faults=parse_faults("throttle=ShowVoiceTrainingQuotas:2x"))
    client = sdk_client(sandbox)
    with pytest.raises(ClientRequestException) as throttled:
        client.show_voice_training_quotas(ShowVoiceTrainingQuotasRequest())
    assert throttled.value.status_code == 429
    url = f"{sandbox.base_url}/v1/{sandbox.project_id}/voice-training-manage/quotas"
    headers = {"Content-Type": "application/json"}
    sign("GET", url, headers, b"", DEFAULT_AK, DEFAULT_SK)
    answer = requests.get(url, headers=headers, timeout=10)
    assert (answer.status_code, answer.headers["Retry-After"]) == (429, "1")
    assert answer.json()["error_code"] == "APIGW.0308"
    assert answer.json()["request_id"]
    assert (
        client.show_voice_training_quotas(ShowVoiceTrainingQuotasRequest()).resource_available_nums.basic
        == 10
    )


def test_retry_after_header(start_sandbox):
    sandbox = start_sandbox(faults=parse_faults("throttle=IamToken:1x"))
    answer = requests.post(sandbox.base_url + "/v3/auth/tokens", json={}, timeout=10)
    assert answer.status_code == 429
    assert answer.headers["Retry-After"] == "1"
    assert answer.json()["error_code"] == "APIGW.0308"


def test_latency_is_added(start_sandbox):
    sandbox = start_sandbox(faults=FaultPlan(latency_s=0.3))
    started = time.monotonic()
    requests.get(sandbox.base_url + "/nowhere", timeout=10)
    assert time.monotonic() - started >= 0.3


def _outcomes(start_sandbox, spec, folder):
    client = sdk_client(start_sandbox(faults=parse_faults(spec), folder=folder))
    outcomes = []
    for _ in range(16):
        try:
            _create(client)
            outcomes.append(True)
        except ServerResponseException:
            outcomes.append(False)
    return outcomes


def test_random_faults_repeat_exactly_for_a_seed(start_sandbox):
    first = _outcomes(start_sandbox, "error=CreateShortJob:0.5;seed=4", "a")
    again = _outcomes(start_sandbox, "error=CreateShortJob:0.5;seed=4", "b")
    other = _outcomes(start_sandbox, "error=CreateShortJob:0.5;seed=5", "c")
    assert first == again
    assert first != other
    assert 3 <= first.count(False) <= 13
