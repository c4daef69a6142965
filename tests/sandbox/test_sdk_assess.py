"""The official SDK drives the quality-check (VOICE_ASSESS) flow against the sandbox."""

import zipfile

import pytest
from huaweicloudsdkcore.exceptions.exceptions import ClientRequestException
from huaweicloudsdkmetastudio.v1 import (
    CommitShortJobRequest,
    CreateShortJobReq,
    CreateShortJobRequest,
    ShowShortJobRequest,
)
from support.metastudio_zip import assess_zip
from support.sandbox_sdk import FINAL_STATES, put, wait_for

pytestmark = pytest.mark.reference_sdk

METRICS = ("speed", "sound", "snr", "reverb", "dnsmos_ovrl", "dnsmos_bak")


def _run(client, data: bytes, language: str = "CN"):
    created = client.create_short_job(
        CreateShortJobRequest(body=CreateShortJobReq(job_type="VOICE_ASSESS", language=language))
    )
    assert put(created.data_uploading_url, data, "application/zip").status_code == 200
    client.commit_short_job(CommitShortJobRequest(job_id=created.job_id))
    return wait_for(
        lambda: client.show_short_job(ShowShortJobRequest(job_id=created.job_id)),
        lambda job: job.state in FINAL_STATES,
    )


def test_clean_recording_passes_all_six_metrics(client, tmp_path):
    job = _run(client, assess_zip(tmp_path / "a.zip").read_bytes())
    assert job.state == "SUCCEED"
    assert job.job_type == "VOICE_ASSESS"
    assert job.create_time <= job.lastupdate_time
    result = job.assess_result
    for name in METRICS:
        metric = getattr(result, name)
        assert metric.status == 0, (name, metric)
        assert metric.expected
        assert metric.actual
    assert 3.2 <= float(result.speed.actual) <= 6.0
    assert -26 <= float(result.sound.actual) <= -15
    assert float(result.snr.actual) > 45
    assert float(result.reverb.actual) < 0.2
    assert result.suggestion == "录音质量良好，可以用于声音训练。"


def test_noisy_recording_flags_snr_and_background(client, tmp_path):
    job = _run(client, assess_zip(tmp_path / "a.zip", noise_dbfs=-45.0).read_bytes(), language="CN")
    result = job.assess_result
    assert result.snr.status == 1
    assert result.dnsmos_bak.status == 1
    assert float(result.dnsmos_bak.actual) < float(result.dnsmos_ovrl.actual) + 1.0
    assert "安静" in result.snr.suggestion
    assert "quieter" in result.snr.suggestion_en
    assert result.sound.status == 0


def test_echoing_room_flags_reverb_with_a_close_estimate(client, tmp_path):
    package = assess_zip(tmp_path / "a.zip", seconds=4.0, reverb_s=0.8, tail_s=1.5)
    job = _run(client, package.read_bytes(), language="EN")
    assert job.assess_result.reverb.status == 1
    assert 0.6 <= float(job.assess_result.reverb.actual) <= 1.0
    assert job.assess_result.suggestion.startswith("The room echoes")


def test_quiet_fast_recording_flags_sound(client, tmp_path):
    job = _run(client, assess_zip(tmp_path / "a.zip", level_dbfs=-34.0, noise_dbfs=-95.0).read_bytes())
    assert job.assess_result.sound.status == 1
    assert job.assess_result.snr.status == 0


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"this is not a zip file", "MSS.20020012"),
        ("empty", "MSS.20020016"),
        ("short", "MSS.20020019"),
    ],
)
def test_unusable_package_fails_with_a_reason(client, tmp_path, data, code):
    if data == "empty":
        with zipfile.ZipFile(tmp_path / "e.zip", "w") as archive:
            archive.writestr("readme.txt", "no audio")
        data = (tmp_path / "e.zip").read_bytes()
    elif data == "short":
        data = assess_zip(tmp_path / "s.zip", count=1, seconds=1.0).read_bytes()
    job = _run(client, data)
    assert job.state == "FAILED"
    assert job.job_failed_code == code
    assert job.job_failed_reason
    assert job.assess_result is None


def test_commit_without_upload_is_refused(client):
    created = client.create_short_job(CreateShortJobRequest(body=CreateShortJobReq(job_type="VOICE_ASSESS")))
    with pytest.raises(ClientRequestException) as refused:
        client.commit_short_job(CommitShortJobRequest(job_id=created.job_id))
    assert (refused.value.status_code, refused.value.error_code) == (400, "MSS.20020001")
    shown = client.show_short_job(ShowShortJobRequest(job_id=created.job_id))
    assert shown.state == "CREATING"


def test_second_commit_is_refused(client, tmp_path):
    job = _run(client, assess_zip(tmp_path / "a.zip").read_bytes())
    with pytest.raises(ClientRequestException) as refused:
        client.commit_short_job(CommitShortJobRequest(job_id=job.job_id))
    assert refused.value.error_code == "MSS.10000005"


def test_bad_job_type_and_unknown_job(client):
    with pytest.raises(ClientRequestException) as refused:
        client.create_short_job(CreateShortJobRequest(body=CreateShortJobReq(job_type="VOICE_CLONE")))
    assert refused.value.error_code == "MSS.10000003"
    assert "job_type" in refused.value.error_msg
    with pytest.raises(ClientRequestException) as missing:
        client.show_short_job(ShowShortJobRequest(job_id="0f0f0f0f-0000-4000-8000-000000000000"))
    assert (missing.value.status_code, missing.value.error_code) == (400, "MSS.10000004")
