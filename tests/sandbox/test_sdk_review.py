"""The review loop against the sandbox, driven by the official SDK: the reviewer's and the
algorithm's reasons in the operation log, a letter-only rejection, and every job state."""

import dataclasses
import zipfile

import pytest
from huaweicloudsdkcore.exceptions.exceptions import ClientRequestException
from huaweicloudsdkmetastudio.v1 import (
    CommitVoiceTrainingJobRequest,
    CreateTrainingAdvanceJobRequest,
    CreateTrainingBasicJobRequest,
    CreateTrainingJobReq,
    DeleteVoiceTrainingJobRequest,
    ListJobOperationLogRequest,
    ShowJobAuditResultRequest,
    ShowVoiceTrainingJobRequest,
)
from huaweicloudsdkmetastudio.v1.model.op_external_info import OpExternalInfo as SdkExternalInfo
from huaweicloudsdkmetastudio.v1.model.operation_log_item import OperationLogItem as SdkLogItem
from support.metastudio_zip import speechlike, training_zip, wav_bytes
from support.sandbox_sdk import put, sdk_client, wait_for

from voicerecorder.cloud.client import MetaStudioClient
from voicerecorder.cloud.config import AkSkAuth, build_config
from voicerecorder.cloud.oplog import OperationLogItem, OpExternalInfo
from voicerecorder.sandbox import DEFAULT_AK, DEFAULT_SK, parse_faults, quotas
from voicerecorder.sandbox.training import ADMIN_REJECT_REASON

pytestmark = pytest.mark.reference_sdk

PDF = "application/pdf"
ENDS = frozenset(
    {"SUCCEED", "FAILED", "AUDIT_FAILED", "SPLIT_FAILED", "USER_RESULT_REVIEW", "USER_REVIEW_REJECT"}
)


def _basic(client):
    body = CreateTrainingJobReq(voice_name="Review voice", sex="FEMALE", language="CN", tag="ECOMMERCE")
    return client.create_training_basic_job(CreateTrainingBasicJobRequest(body=body))


@pytest.fixture
def short_advance(monkeypatch):
    """The tenant's ADVANCE bounds lowered so that a 20 s whole recording passes the audit."""
    monkeypatch.setitem(quotas.DURATION_LIMITS, "advance_min", 15)
    monkeypatch.setitem(quotas.DURATION_LIMITS, "advance_max", 30)


def _long(client, tmp_path):
    body = CreateTrainingJobReq(voice_name="Long voice", create_type="PACKAGE")
    created = client.create_training_advance_job(CreateTrainingAdvanceJobRequest(body=body))
    with zipfile.ZipFile(tmp_path / "long.zip", "w") as archive:
        archive.writestr("all.wav", wav_bytes(speechlike(20.0)))
    put(created.training_data_uploading_url, (tmp_path / "long.zip").read_bytes(), "application/zip")
    return created


def _walk(client, job_id, ends=ENDS):
    """Commit and follow the job; the states seen, in order."""
    client.commit_voice_training_job(CommitVoiceTrainingJobRequest(job_id=job_id))
    seen = []

    def read():
        state = client.show_voice_training_job(ShowVoiceTrainingJobRequest(job_id=job_id)).state
        if not seen or seen[-1] != state:
            seen.append(state)
        return state

    wait_for(read, lambda state: state in ends)
    return seen


def _log(client, job_id):
    return client.list_job_operation_log(ListJobOperationLogRequest(job_id=job_id, limit=50)).operations


def test_our_log_models_have_the_sdk_fields():
    for ours, theirs in ((OpExternalInfo, SdkExternalInfo), (OperationLogItem, SdkLogItem)):
        assert [f.name for f in dataclasses.fields(ours)] == list(theirs.openapi_types)


def test_reviewer_rejects_the_letter_until_a_new_one_is_uploaded(start_sandbox, tmp_path):
    sandbox = start_sandbox(faults=parse_faults("admin_reject=1x"), speed=20.0)
    client = sdk_client(sandbox)
    created = _basic(client)
    put(created.training_data_uploading_url, training_zip(tmp_path / "t.zip").read_bytes(), "application/zip")
    put(created.authorization_letter_uploading_url, b"%PDF-1.4 unsigned", PDF)
    assert _walk(client, created.job_id)[-2:] == ["AUDITING", "AUDIT_FAILED"]
    audit = client.show_job_audit_result(ShowJobAuditResultRequest(job_id=created.job_id))
    assert audit.system_audit_result.errors == []
    assert audit.admin_audit_result.message == ADMIN_REJECT_REASON
    last = _log(client, created.job_id)[-1]
    assert (last.action, last.operator) == ("AUDIT_NOT_PASS", "ADMIN")
    assert last.external_info.admin_audit_failure_reason == ADMIN_REJECT_REASON
    ours = _our_client(sandbox).list_job_operation_log(created.job_id, limit=50)
    assert [dataclasses.asdict(item) | {"external_info": None} for item in ours.operations] == [
        {"time": op.time, "action": op.action, "operator": op.operator, "external_info": None}
        for op in _log(client, created.job_id)
    ]
    assert ours.operations[-1].external_info.admin_audit_failure_reason == ADMIN_REJECT_REASON
    # The same letter again: rejected again; a new letter alone passes.
    assert _walk(client, created.job_id)[-1] == "AUDIT_FAILED"
    put(created.authorization_letter_uploading_url, b"%PDF-1.4 signed by the talent", PDF)
    assert _walk(client, created.job_id)[-1] == "SUCCEED"


def _our_client(sandbox):
    config = build_config(
        region=None,
        endpoint=sandbox.base_url,
        project_id=sandbox.project_id,
        auth=AkSkAuth(DEFAULT_AK, DEFAULT_SK),
    )
    return MetaStudioClient(config)


def test_system_rejection_carries_the_algorithm_reason(start_sandbox, tmp_path):
    client = sdk_client(start_sandbox(faults=parse_faults("reject=7")))
    created = _basic(client)
    put(created.training_data_uploading_url, training_zip(tmp_path / "t.zip").read_bytes(), "application/zip")
    assert _walk(client, created.job_id)[-1] == "AUDIT_FAILED"
    last = _log(client, created.job_id)[-1]
    assert (last.action, last.operator) == ("AUDIT_NOT_PASS", "SYSTEM")
    assert "7.wav" in last.external_info.algorithm_failure_reason
    assert last.external_info.admin_audit_failure_reason is None


def test_long_audio_is_split_and_annotated(start_sandbox, tmp_path, short_advance):
    client = sdk_client(start_sandbox(speed=10.0))
    seen = _walk(client, _long(client, tmp_path).job_id)
    assert seen[-1] == "SUCCEED"
    order = ["AUDITING", "WAITING_SPLIT", "SPLITTING", "ANNOTATING", "WAITING", "PROCESSING"]
    assert [state for state in order if state in seen] == [state for state in seen if state in order]
    assert {"WAITING_SPLIT", "SPLITTING", "ANNOTATING"} <= set(seen)


def test_split_failure_ends_the_walk_and_allows_deletion(start_sandbox, tmp_path, short_advance):
    client = sdk_client(start_sandbox(faults=parse_faults("split_fail=1x"), speed=10.0))
    created = _long(client, tmp_path)
    seen = _walk(client, created.job_id)
    assert "SPLITTING" in seen
    assert seen[-1] == "SPLIT_FAILED"
    assert "ANNOTATING" not in seen
    client.delete_voice_training_job(DeleteVoiceTrainingJobRequest(job_id=created.job_id))


@pytest.mark.parametrize(
    ("fault", "last_two"),
    [
        ("user_review=1x", ["RESULT_REVIEW", "USER_RESULT_REVIEW"]),
        ("user_reject=1x", ["USER_RESULT_REVIEW", "USER_REVIEW_REJECT"]),
    ],
)
def test_user_review_states(start_sandbox, tmp_path, fault, last_two):
    client = sdk_client(start_sandbox(faults=parse_faults(fault), speed=15.0))
    created = _basic(client)
    put(created.training_data_uploading_url, training_zip(tmp_path / "t.zip").read_bytes(), "application/zip")
    ends = ENDS - {"USER_RESULT_REVIEW"} if fault.startswith("user_reject") else ENDS
    assert _walk(client, created.job_id, ends)[-2:] == last_two


def test_delete_is_refused_while_splitting(start_sandbox, tmp_path):
    client = sdk_client(start_sandbox(speed=1.0))
    created = _long(client, tmp_path)
    client.commit_voice_training_job(CommitVoiceTrainingJobRequest(job_id=created.job_id))
    with pytest.raises(ClientRequestException) as refused:
        client.delete_voice_training_job(DeleteVoiceTrainingJobRequest(job_id=created.job_id))
    assert "SYSTEM_AUDITING" in refused.value.error_msg


def test_letter_url_takes_only_the_type_it_was_signed_for(start_sandbox):
    client = sdk_client(start_sandbox(faults=parse_faults("letter_type=image/png")))
    url = _basic(client).authorization_letter_uploading_url
    assert put(url, b"\x89PNG\r\n\x1a\nletter", PDF).status_code == 403
    assert put(url, b"\x89PNG\r\n\x1a\nletter", "image/png").ok
