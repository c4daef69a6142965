"""Request rules beyond auth: header values, body size, and commits racing each other."""

import socket
import threading

import pytest
import requests
from huaweicloudsdkcore.exceptions.exceptions import ClientRequestException
from huaweicloudsdkmetastudio.v1 import (
    CommitVoiceTrainingJobRequest,
    CreateShortJobReq,
    CreateShortJobRequest,
    CreateTrainingBasicJobRequest,
    CreateTrainingJobReq,
    ListJobOperationLogRequest,
)
from support.metastudio_zip import training_zip
from support.sandbox_sdk import put

from voicerecorder.cloud.signer import sign
from voicerecorder.sandbox import DEFAULT_AK, DEFAULT_SK

pytestmark = pytest.mark.reference_sdk


def test_app_user_id_must_not_be_chinese(client):
    request = CreateShortJobRequest(x_app_user_id="用户", body=CreateShortJobReq(job_type="VOICE_ASSESS"))
    with pytest.raises(ClientRequestException) as refused:
        client.create_short_job(request)
    assert (refused.value.status_code, refused.value.error_code) == (400, "MSS.10000003")
    assert "X-App-UserId" in refused.value.error_msg
    request.x_app_user_id = "talent-42"
    assert client.create_short_job(request).job_id


def test_oversized_body_is_refused(sandbox):
    url = f"{sandbox.base_url}/v1/{sandbox.project_id}/voice-training-manage/user/short-jobs"
    body = b'{"job_type": "VOICE_ASSESS", "pad": "' + b"x" * (1024 * 1024) + b'"}'
    headers = {"Content-Type": "application/json"}
    sign("POST", url, headers, body, DEFAULT_AK, DEFAULT_SK)
    answer = requests.post(url, headers=headers, data=body, timeout=10)
    assert answer.status_code == 400
    assert answer.json()["error_code"] == "MSS.10000002"


def test_racing_commits_record_one_commit(client, tmp_path):
    body = CreateTrainingJobReq(voice_name="race", create_type="PACKAGE")
    created = client.create_training_basic_job(CreateTrainingBasicJobRequest(body=body))
    put(created.training_data_uploading_url, training_zip(tmp_path / "t.zip").read_bytes(), "application/zip")
    outcomes = []

    def commit():
        try:
            client.commit_voice_training_job(CommitVoiceTrainingJobRequest(job_id=created.job_id))
            outcomes.append("ok")
        except ClientRequestException as refused:
            outcomes.append(refused.error_code)

    threads = [threading.Thread(target=commit) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count("ok") == 1
    assert set(outcomes) == {"ok", "MSS.10000005"}
    log = client.list_job_operation_log(ListJobOperationLogRequest(job_id=created.job_id, limit=50))
    assert [op.action for op in log.operations].count("COMMIT_JOB") == 1


def test_malformed_content_length_on_the_api(sandbox):
    path = f"/v1/{sandbox.project_id}/voice-training-manage/user/short-jobs"
    with socket.create_connection(("127.0.0.1", int(sandbox.base_url.rsplit(":", 1)[1])), timeout=10) as raw:
        raw.sendall(f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Length: many\r\n\r\n".encode())
        answer = b""
        while chunk := raw.recv(65536):
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 400")
    assert b"MSS.10000002" in answer
