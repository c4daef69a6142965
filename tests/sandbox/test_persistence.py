"""Jobs and uploads survive a restart; progress is computed from timestamps."""

import json
import time

import pytest
from huaweicloudsdkmetastudio.v1 import (
    CommitShortJobRequest,
    CommitVoiceTrainingJobRequest,
    CreateShortJobReq,
    CreateShortJobRequest,
    CreateTrainingBasicJobRequest,
    CreateTrainingJobReq,
    ListVoiceTrainingJobRequest,
    ShowShortJobRequest,
    ShowVoiceTrainingJobRequest,
)
from support.metastudio_zip import assess_zip, training_zip
from support.sandbox_sdk import put, sdk_client, wait_for

from voicerecorder.errors import UserFacingError
from voicerecorder.sandbox import SandboxServer

pytestmark = pytest.mark.reference_sdk


def test_training_job_resumes_after_a_restart(tmp_path):
    folder = tmp_path / "data"
    with SandboxServer(folder, speed=4.0) as first:
        client = sdk_client(first)
        created = client.create_training_basic_job(
            CreateTrainingBasicJobRequest(body=CreateTrainingJobReq(voice_name="kept", create_type="PACKAGE"))
        )
        put(
            created.training_data_uploading_url,
            training_zip(tmp_path / "t.zip").read_bytes(),
            "application/zip",
        )
        client.commit_voice_training_job(CommitVoiceTrainingJobRequest(job_id=created.job_id))
        before = client.show_voice_training_job(ShowVoiceTrainingJobRequest(job_id=created.job_id))
    assert before.state == "SYSTEM_AUDITING"
    assert not list(folder.rglob("*.partial"))
    stored = json.loads((folder / "jobs" / f"{created.job_id}.json").read_text(encoding="utf-8"))
    assert stored["voice_name"] == "kept"
    with SandboxServer(folder, speed=4.0) as second:
        client = sdk_client(second)
        listed = client.list_voice_training_job(ListVoiceTrainingJobRequest(job_id=created.job_id))
        assert listed.count == 1
        assert listed.jobs[0].create_time == before.create_time
        job = wait_for(
            lambda: client.show_voice_training_job(ShowVoiceTrainingJobRequest(job_id=created.job_id)),
            lambda job: job.state == "SUCCEED",
        )
        assert job.training_input_source_url.startswith(second.base_url)


def test_short_job_assessment_interrupted_by_a_crash_is_finished_on_restart(tmp_path):
    folder = tmp_path / "data"
    with SandboxServer(folder, speed=100.0) as first:
        client = sdk_client(first)
        created = client.create_short_job(
            CreateShortJobRequest(body=CreateShortJobReq(job_type="VOICE_ASSESS"))
        )
        put(created.data_uploading_url, assess_zip(tmp_path / "a.zip").read_bytes(), "application/zip")
        client.commit_short_job(CommitShortJobRequest(job_id=created.job_id))
    record = folder / "jobs" / f"{created.job_id}.json"
    job = json.loads(record.read_text(encoding="utf-8"))
    assert job["result"] is not None
    job["result"] = None  # as if the process died while measuring
    record.write_text(json.dumps(job), encoding="utf-8")
    with SandboxServer(folder, speed=100.0) as second:
        client = sdk_client(second)
        shown = client.show_short_job(ShowShortJobRequest(job_id=created.job_id))
        assert shown.state in ("PROCESSING", "SUCCEED")
        done = wait_for(
            lambda: client.show_short_job(ShowShortJobRequest(job_id=created.job_id)),
            lambda job: job.state == "SUCCEED",
        )
        assert done.assess_result.snr.status == 0


def test_upload_urls_stay_valid_across_a_restart(tmp_path):
    folder = tmp_path / "data"
    with SandboxServer(folder, port=0) as first:
        created = sdk_client(first).create_short_job(
            CreateShortJobRequest(body=CreateShortJobReq(job_type="VOICE_ASSESS"))
        )
        port = first.base_url.rsplit(":", 1)[1]
    time.sleep(0.05)
    with SandboxServer(folder, port=int(port)) as second:
        assert second.base_url.endswith(port)
        assert put(created.data_uploading_url, b"PK data", "application/zip").status_code == 200


def test_damaged_job_file_is_reported(tmp_path):
    (tmp_path / "jobs").mkdir()
    (tmp_path / "jobs" / "broken.json").write_text('{"job_id": ', encoding="utf-8")
    with pytest.raises(UserFacingError) as damaged:
        SandboxServer(tmp_path).start()
    assert "broken.json" in damaged.value.message.en
    assert "--data" in damaged.value.message.zh
