"""The official SDK drives training jobs: create, upload, audit, re-upload, commit, track."""

import hashlib
import zipfile

import pytest
from huaweicloudsdkcore.exceptions.exceptions import ClientRequestException
from huaweicloudsdkmetastudio.v1 import (
    CommitJobReq,
    CommitVoiceTrainingJobRequest,
    ConfirmTrainingSegmentRequest,
    CreateTrainingAdvanceJobRequest,
    CreateTrainingBasicJobRequest,
    CreateTrainingJobReq,
    CreateTrainingMiddleJobRequest,
    CreateTrainingThirdPartyJobRequest,
    DeleteVoiceTrainingJobRequest,
    ListJobOperationLogRequest,
    ShowJobAuditResultRequest,
    ShowJobUploadingAddressRequest,
    ShowTrainingSegmentInfoRequest,
    ShowVoiceTrainingJobRequest,
    ShowVoiceTrainingQuotasRequest,
)
from support.metastudio_zip import speechlike, training_zip, wav_bytes
from support.sandbox_sdk import FINAL_STATES, put, sdk_client, wait_for

from voicerecorder.sandbox import FaultPlan, parse_faults, quotas

pytestmark = pytest.mark.reference_sdk


def _create(client, language="CN", create_type="PACKAGE"):
    body = CreateTrainingJobReq(
        voice_name="Sandbox voice", sex="FEMALE", language=language, tag="ECOMMERCE", create_type=create_type
    )
    return client.create_training_basic_job(CreateTrainingBasicJobRequest(body=body))


def _commit_and_wait(client, job_id, body=None):
    client.commit_voice_training_job(CommitVoiceTrainingJobRequest(job_id=job_id, body=body))
    return wait_for(
        lambda: client.show_voice_training_job(ShowVoiceTrainingJobRequest(job_id=job_id)),
        lambda job: job.state in FINAL_STATES,
    )


def _errors(client, job_id):
    result = client.show_job_audit_result(ShowJobAuditResultRequest(job_id=job_id))
    return result.system_audit_result.errors


def test_package_job_walks_every_state_to_succeed(start_sandbox, tmp_path):
    sandbox = start_sandbox(speed=20.0)
    client = sdk_client(sandbox)
    created = _create(client)
    assert created.training_data_uploading_url.startswith(sandbox.base_url + "/obs/")
    assert created.authorization_letter_uploading_url
    package = training_zip(tmp_path / "t.zip").read_bytes()
    uploaded = put(created.training_data_uploading_url, package, "application/zip")
    assert uploaded.headers["ETag"] == f'"{hashlib.md5(package).hexdigest()}"'
    letter_url = created.authorization_letter_uploading_url
    assert put(letter_url, b"%PDF-1.4 letter", "application/octet-stream").status_code == 403
    assert put(letter_url, b"%PDF-1.4 letter", "application/pdf").ok
    client.commit_voice_training_job(
        CommitVoiceTrainingJobRequest(
            job_id=created.job_id, body=CommitJobReq(voice_name="Renamed", phone="123")
        )
    )
    seen = []

    def read():
        job = client.show_voice_training_job(ShowVoiceTrainingJobRequest(job_id=created.job_id))
        if not seen or seen[-1] != job.state:
            seen.append(job.state)
        return job

    job = wait_for(read, lambda job: job.state in FINAL_STATES)
    assert seen[-1] == "SUCCEED"
    expected = [
        "SYSTEM_AUDITING",
        "AUDITING",
        "WAITING",
        "PROCESSING",
        "RESULT_REVIEW",
        "UPLOADING",
        "SUCCEED",
    ]
    assert [state for state in expected if state in seen] == seen
    assert len(seen) >= 5
    assert job.asset_id
    assert job.reject_times == 0
    assert (job.voice_name, job.phone, job.job_type, job.create_type) == (
        "Renamed",
        "123",
        "BASIC",
        "PACKAGE",
    )
    assert job.allocated_resource.charge_mode == "ONE_TIME"
    downloaded = __import__("requests").get(job.training_input_source_url, timeout=10)
    assert downloaded.content == package
    assert __import__("requests").get(job.voice_authorization_url, timeout=10).content == b"%PDF-1.4 letter"
    actions = [
        op.action
        for op in client.list_job_operation_log(
            ListJobOperationLogRequest(job_id=created.job_id, limit=20)
        ).operations
    ]
    assert actions == [
        "CREATE_JOB", "COMMIT_JOB", "SYSTEM_AUDIT_PASS", "ADMIN_AUDIT_PASS", "TRAINING_FINISH",
        "UPLOADING_MODEL", "COMPLETE_JOB",
    ]  # fmt: skip


def test_rejected_sentences_are_fixed_by_rerecording(start_sandbox, tmp_path):
    sandbox = start_sandbox(faults=FaultPlan(reject_indices=frozenset({7, 12})))
    client = sdk_client(sandbox)
    created = _create(client)
    put(created.training_data_uploading_url, training_zip(tmp_path / "1.zip").read_bytes(), "application/zip")
    job = _commit_and_wait(client, created.job_id)
    assert (job.state, job.reject_times) == ("AUDIT_FAILED", 1)
    errors = _errors(client, created.job_id)
    assert [(e.audio_name, e.text_name, e.error_code) for e in errors] == [
        ("7.wav", "7.txt", "MSS.20020018"),
        ("12.wav", "12.txt", "MSS.20020018"),
    ]
    # The same recordings again: still rejected.
    fresh = client.show_job_uploading_address(ShowJobUploadingAddressRequest(job_id=created.job_id))
    url = fresh.package_url.training_data_uploading_url
    put(url, training_zip(tmp_path / "2.zip").read_bytes(), "application/zip")
    job = _commit_and_wait(client, created.job_id)
    assert (job.state, job.reject_times) == ("AUDIT_FAILED", 2)
    # Only sentence 7 re-recorded: sentence 12 still fails.
    retake = {7: wav_bytes(speechlike(3.0, seed=707))}
    put(url, training_zip(tmp_path / "3.zip", audio=retake).read_bytes(), "application/zip")
    _commit_and_wait(client, created.job_id)
    assert [e.audio_name for e in _errors(client, created.job_id)] == ["12.wav"]
    retake[12] = wav_bytes(speechlike(3.0, seed=712))
    put(url, training_zip(tmp_path / "4.zip", audio=retake).read_bytes(), "application/zip")
    job = _commit_and_wait(client, created.job_id)
    assert (job.state, job.reject_times) == ("SUCCEED", 3)
    assert _errors(client, created.job_id) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"audio": {3: wav_bytes(speechlike(16.0, seed=3))}}, [("3.wav", "3.txt", "MSS.20020014")]),
        ({"skip": frozenset({19})}, [("", "", "MSS.20020016"), ("19.wav", "19.txt", "MSS.20020012")]),
        (
            {"audio": {5: wav_bytes(speechlike(3.0).repeat(2).reshape(-1, 2))}},
            [("5.wav", "5.txt", "MSS.20020011")],
        ),
        (
            {"audio": {6: wav_bytes(speechlike(3.0, samplerate=8000), 8000)}},
            [("6.wav", "6.txt", "MSS.20020011")],
        ),
        ({"audio": {8: b"RIFF....not audio"}}, [("8.wav", "8.txt", "MSS.20020011")]),
        ({"texts": {2: "This sentence is English."}}, [("2.wav", "2.txt", "MSS.20020013")]),
        ({"texts": {4: "   "}}, [("4.wav", "4.txt", "MSS.20020015")]),
    ],
    ids=["16-second clip", "19 pairs", "stereo", "8 kHz", "not audio", "wrong language", "empty text"],
)
def test_real_rules_make_the_audit_fail(client, tmp_path, change, expected):
    created = _create(client)
    put(
        created.training_data_uploading_url,
        training_zip(tmp_path / "t.zip", **change).read_bytes(),
        "application/zip",
    )
    job = _commit_and_wait(client, created.job_id)
    assert job.state == "AUDIT_FAILED"
    assert [(e.audio_name, e.text_name, e.error_code) for e in _errors(client, created.job_id)] == expected


def test_extra_files_and_english_jobs(client, tmp_path):
    created = _create(client, language="EN")
    package = training_zip(tmp_path / "t.zip", language="EN")
    with zipfile.ZipFile(package, "a") as archive:
        archive.writestr("notes.docx", b"x")
    put(created.training_data_uploading_url, package.read_bytes(), "application/zip")
    _commit_and_wait(client, created.job_id)
    errors = _errors(client, created.job_id)
    assert [(e.audio_name, e.error_code) for e in errors] == [("notes.docx", "MSS.20020012")]
    assert "notes.docx" in errors[0].error_message


def test_commit_rules(client, tmp_path):
    created = _create(client)
    with pytest.raises(ClientRequestException) as refused:
        client.commit_voice_training_job(CommitVoiceTrainingJobRequest(job_id=created.job_id))
    assert (refused.value.status_code, refused.value.error_code) == (400, "MSS.20020001")
    put(created.training_data_uploading_url, training_zip(tmp_path / "t.zip").read_bytes(), "application/zip")
    with pytest.raises(ClientRequestException) as invalid:
        client.commit_voice_training_job(
            CommitVoiceTrainingJobRequest(job_id=created.job_id, body=CommitJobReq(sex="OTHER"))
        )
    assert invalid.value.error_code == "MSS.10000003"
    assert "sex" in invalid.value.error_msg
    assert _commit_and_wait(client, created.job_id).state == "SUCCEED"
    with pytest.raises(ClientRequestException) as again:
        client.commit_voice_training_job(CommitVoiceTrainingJobRequest(job_id=created.job_id))
    assert again.value.error_code == "MSS.10000005"


def test_every_edition_can_be_created_and_quotas_go_down(client):
    before = client.show_voice_training_quotas(ShowVoiceTrainingQuotasRequest()).resource_available_nums
    body = CreateTrainingJobReq(voice_name="v", create_type="PACKAGE")
    client.create_training_middle_job(CreateTrainingMiddleJobRequest(body=body))
    client.create_training_advance_job(CreateTrainingAdvanceJobRequest(body=body))
    third = client.create_training_third_party_job(CreateTrainingThirdPartyJobRequest(body=body))
    basic = client.create_training_basic_job(CreateTrainingBasicJobRequest(body=body))
    after = client.show_voice_training_quotas(ShowVoiceTrainingQuotasRequest()).resource_available_nums
    assert (before.middle - after.middle, before.advance - after.advance) == (1, 1)
    assert (before.third_party_cmww - after.third_party_cmww, before.basic - after.basic) == (1, 1)
    assert (
        client.show_voice_training_job(ShowVoiceTrainingJobRequest(job_id=third.job_id)).job_type
        == "THIRD_PARTY"
    )
    client.delete_voice_training_job(DeleteVoiceTrainingJobRequest(job_id=basic.job_id))
    released = client.show_voice_training_quotas(ShowVoiceTrainingQuotasRequest()).resource_available_nums
    assert released.basic == before.basic
    with pytest.raises(ClientRequestException) as gone:
        client.show_voice_training_job(ShowVoiceTrainingJobRequest(job_id=basic.job_id))
    assert gone.value.error_code == "MSS.10000004"


def test_quota_runs_out(client):
    body = CreateTrainingJobReq(voice_name="v")
    for _ in range(2):
        client.create_training_advance_job(CreateTrainingAdvanceJobRequest(body=body))
    with pytest.raises(ClientRequestException) as refused:
        client.create_training_advance_job(CreateTrainingAdvanceJobRequest(body=body))
    assert refused.value.error_code == "MSS.20020002"


def _advance_job_with(client, tmp_path, wav: bytes):
    body = CreateTrainingJobReq(voice_name="v", create_type="PACKAGE")
    created = client.create_training_advance_job(CreateTrainingAdvanceJobRequest(body=body))
    with zipfile.ZipFile(tmp_path / "long.zip", "w") as archive:
        archive.writestr("all.wav", wav)
    put(created.training_data_uploading_url, (tmp_path / "long.zip").read_bytes(), "application/zip")
    return _commit_and_wait(client, created.job_id)


def test_long_audio_edition_audit(client, tmp_path, monkeypatch):
    monkeypatch.setitem(quotas.DURATION_LIMITS, "advance_min", 15)
    monkeypatch.setitem(quotas.DURATION_LIMITS, "advance_max", 30)
    assert _advance_job_with(client, tmp_path, wav_bytes(speechlike(20.0))).state == "SUCCEED"


@pytest.mark.parametrize(
    ("wav", "code", "words"),
    [
        (wav_bytes(speechlike(20.0, samplerate=44100), samplerate=44100), "MSS.20020011", "takes 48 kHz"),
        (wav_bytes(speechlike(10.0)), "MSS.20020017", "takes 15–30 s"),
        (wav_bytes(speechlike(40.0)), "MSS.20020017", "takes 15–30 s"),
    ],
)
def test_the_advance_audit_wants_one_48_khz_wav_within_the_tenant_bounds(
    client, tmp_path, monkeypatch, wav, code, words
):
    monkeypatch.setitem(quotas.DURATION_LIMITS, "advance_min", 15)
    monkeypatch.setitem(quotas.DURATION_LIMITS, "advance_max", 30)
    job = _advance_job_with(client, tmp_path, wav)
    assert job.state == "AUDIT_FAILED"
    [error] = _errors(client, job.job_id)
    assert (error.audio_name, error.error_code) == ("all.wav", code)
    assert words in error.error_message


def test_create_validation(client):
    with pytest.raises(ClientRequestException) as no_name:
        client.create_training_basic_job(
            CreateTrainingBasicJobRequest(body=CreateTrainingJobReq(sex="FEMALE"))
        )
    assert no_name.value.error_code == "MSS.10000003"
    assert "voice_name" in no_name.value.error_msg
    with pytest.raises(ClientRequestException) as segment:
        client.create_training_advance_job(
            CreateTrainingAdvanceJobRequest(body=CreateTrainingJobReq(voice_name="v", create_type="SEGMENT"))
        )
    assert "SEGMENT" in segment.value.error_msg


def test_delete_is_refused_while_the_job_is_in_review(start_sandbox, tmp_path):
    client = sdk_client(start_sandbox(speed=0.5))
    created = _create(client)
    put(created.training_data_uploading_url, training_zip(tmp_path / "t.zip").read_bytes(), "application/zip")
    client.commit_voice_training_job(CommitVoiceTrainingJobRequest(job_id=created.job_id))
    with pytest.raises(ClientRequestException) as refused:
        client.delete_voice_training_job(DeleteVoiceTrainingJobRequest(job_id=created.job_id))
    assert refused.value.error_code == "MSS.10000005"
    assert "SYSTEM_AUDITING" in refused.value.error_msg


def test_long_audio_edition_needs_exactly_one_wav(client, tmp_path):
    body = CreateTrainingJobReq(voice_name="v", create_type="PACKAGE")
    created = client.create_training_third_party_job(CreateTrainingThirdPartyJobRequest(body=body))
    with zipfile.ZipFile(tmp_path / "two.zip", "w") as archive:
        archive.writestr("a.wav", wav_bytes(speechlike(2.0)))
        archive.writestr("b.wav", wav_bytes(speechlike(2.0, seed=1)))
        archive.writestr("a.txt", "text")
    put(created.training_data_uploading_url, (tmp_path / "two.zip").read_bytes(), "application/zip")
    assert _commit_and_wait(client, created.job_id).state == "AUDIT_FAILED"
    codes = [(e.audio_name, e.error_code) for e in _errors(client, created.job_id)]
    assert codes == [("a.txt", "MSS.20020012"), ("", "MSS.20020016")]


def test_segment_calls_need_a_segment_job(client):
    job_id = _create(client).job_id
    with pytest.raises(ClientRequestException) as package_job:
        client.confirm_training_segment(ConfirmTrainingSegmentRequest(job_id=job_id, index=0))
    assert "PACKAGE" in package_job.value.error_msg
    with pytest.raises(ClientRequestException) as no_job:
        client.show_training_segment_info(ShowTrainingSegmentInfoRequest())
    assert no_job.value.error_code == "MSS.10000003"


def test_injected_training_failure_ends_failed_with_a_reason(start_sandbox, tmp_path):
    client = sdk_client(start_sandbox(faults=parse_faults("fail=1x")))
    created = _create(client)
    put(created.training_data_uploading_url, training_zip(tmp_path / "t.zip").read_bytes(), "application/zip")
    job = _commit_and_wait(client, created.job_id)
    assert (job.state, job.job_failed_code) == ("FAILED", "MSS.20020020")
    assert "training failed" in job.job_failed_reason
    assert job.asset_id is None
    log = client.list_job_operation_log(ListJobOperationLogRequest(job_id=created.job_id))
    assert [op.action for op in log.operations][-1] == "ADMIN_AUDIT_PASS"
    client.delete_voice_training_job(DeleteVoiceTrainingJobRequest(job_id=created.job_id))
    second = _create(client)
    put(second.training_data_uploading_url, training_zip(tmp_path / "t.zip").read_bytes(), "application/zip")
    assert _commit_and_wait(client, second.job_id).state == "SUCCEED"
