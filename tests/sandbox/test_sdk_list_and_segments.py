"""ListVoiceTrainingJob filters/paging/sorting, and the sentence-by-sentence (SEGMENT) upload."""

import time

import pytest
from huaweicloudsdkcore.exceptions.exceptions import ClientRequestException
from huaweicloudsdkmetastudio.v1 import (
    CommitVoiceTrainingJobRequest,
    ConfirmTrainingSegmentRequest,
    CreateTrainingBasicJobRequest,
    CreateTrainingJobReq,
    CreateTrainingMiddleJobRequest,
    ListVoiceTrainingJobRequest,
    ShowJobUploadingAddressRequest,
    ShowTrainingSegmentInfoRequest,
    ShowVoiceTrainingJobRequest,
)
from support.metastudio_zip import clip_bytes, sentence_text, speechlike, training_zip, wav_bytes
from support.sandbox_sdk import put, sdk_client, wait_for

from voicerecorder.sandbox import FaultPlan

pytestmark = pytest.mark.reference_sdk


def _basic(client, name, **fields):
    body = CreateTrainingJobReq(voice_name=name, create_type="PACKAGE", **fields)
    return client.create_training_basic_job(CreateTrainingBasicJobRequest(body=body)).job_id


def _ids(answer):
    return [job.job_id for job in answer.jobs]


def test_list_filters_paging_and_sorting(client, tmp_path):
    first = _basic(client, "Alice news", tag="NEWS", batch_name="b1")
    time.sleep(0.01)
    second = _basic(client, "Bob live", tag="LIVE", batch_name="b2")
    time.sleep(0.01)
    body = CreateTrainingJobReq(voice_name="Carol", is_ondemand_resource=True)
    third = client.create_training_middle_job(CreateTrainingMiddleJobRequest(body=body)).job_id
    put(
        client.show_job_uploading_address(
            ShowJobUploadingAddressRequest(job_id=first)
        ).package_url.training_data_uploading_url,
        training_zip(tmp_path / "t.zip").read_bytes(),
        "application/zip",
    )
    client.commit_voice_training_job(CommitVoiceTrainingJobRequest(job_id=first))
    wait_for(
        lambda: client.show_voice_training_job(ShowVoiceTrainingJobRequest(job_id=first)).state,
        lambda state: state == "SUCCEED",
    )

    def listed(**query):
        return client.list_voice_training_job(ListVoiceTrainingJobRequest(**query))

    everything = listed()
    assert everything.count == 3
    assert _ids(everything) == [third, second, first]
    assert _ids(listed(sort_dir="asc")) == [first, second, third]
    assert _ids(listed(sort_key="update_time", sort_dir="desc"))[0] == first
    assert _ids(listed(limit=1, offset=1)) == [second]
    assert listed(limit=1).count == 3
    assert _ids(listed(state="SUCCEED")) == [first]
    assert _ids(listed(state="CREATING,SUCCEED", sort_dir="asc")) == [first, second, third]
    assert _ids(listed(tag="LIVE")) == [second]
    assert _ids(listed(batch_name="b1")) == [first]
    assert _ids(listed(batch_name="b")) == []  # a batch name is matched whole (crash recovery relies on it)
    assert _ids(listed(job_type="MIDDLE")) == [third]
    assert _ids(listed(voice_name="Bob")) == [second]
    assert _ids(listed(job_id=third)) == [third]
    assert _ids(listed(is_ondemand_resource=True)) == [third]
    created = {job.job_id: job.create_time for job in everything.jobs}
    assert _ids(listed(create_since=str(created[second]), sort_dir="asc")) == [second, third]
    assert _ids(listed(create_until=str(created[second]))) == [second, first]
    assert listed(update_since="2999-01-01T00:00:00Z").count == 0
    assert listed(update_until="2999-01-01T00:00:00Z").count == 3


@pytest.mark.parametrize(
    "query",
    [
        {"limit": 0},
        {"limit": 101},
        {"offset": -1},
        {"sort_key": "name"},
        {"sort_dir": "up"},
        {"create_since": "x"},
    ],
)
def test_list_rejects_bad_parameters(client, query):
    with pytest.raises(ClientRequestException) as refused:
        client.list_voice_training_job(ListVoiceTrainingJobRequest(**query))
    assert (refused.value.status_code, refused.value.error_code) == (400, "MSS.10000003")


def test_segment_job_confirms_each_sentence_then_commits(start_sandbox):
    sandbox = start_sandbox(faults=FaultPlan(reject_indices=frozenset({1})))
    client = sdk_client(sandbox)
    body = CreateTrainingJobReq(voice_name="segments", language="CN", create_type="SEGMENT")
    created = client.create_training_basic_job(CreateTrainingBasicJobRequest(body=body))
    urls = created.segment_uploading_url
    assert created.training_data_uploading_url is None
    assert len(urls.audio_uploading_url) == len(urls.txt_uploading_url) == 20

    def confirm(index):
        request = ConfirmTrainingSegmentRequest(job_id=created.job_id, index=index)
        return client.confirm_training_segment(request)

    assert confirm(0).confirm_result is False  # nothing uploaded yet
    with pytest.raises(ClientRequestException) as early:
        client.commit_voice_training_job(CommitVoiceTrainingJobRequest(job_id=created.job_id))
    assert early.value.error_code == "MSS.20020003"
    for index in range(20):
        assert put(urls.audio_uploading_url[index], clip_bytes(3.0, index), "audio/wav").ok
        assert put(urls.txt_uploading_url[index], sentence_text(index, "CN", 3.0).encode(), "text/plain").ok
        answer = confirm(index)
        assert answer.confirm_result is (index != 1), index
    assert confirm(1).unmatched_index_hit == [1]
    put(urls.audio_uploading_url[1], wav_bytes(speechlike(3.0, seed=101)), "audio/wav")
    assert confirm(1).confirm_result is True
    put(urls.audio_uploading_url[2], wav_bytes(speechlike(16.0)), "audio/wav")
    assert confirm(2).confirm_result is False
    info = client.show_training_segment_info(ShowTrainingSegmentInfoRequest(job_id=created.job_id))
    assert info.confirmed_index == [i for i in range(20) if i != 2]
    put(urls.audio_uploading_url[2], clip_bytes(3.0, 2), "audio/wav")
    assert confirm(2).confirm_result is True
    client.commit_voice_training_job(CommitVoiceTrainingJobRequest(job_id=created.job_id))
    state = wait_for(
        lambda: client.show_voice_training_job(ShowVoiceTrainingJobRequest(job_id=created.job_id)).state,
        lambda state: state == "SUCCEED",
    )
    assert state == "SUCCEED"
    with pytest.raises(ClientRequestException) as out_of_range:
        confirm(20)
    assert out_of_range.value.error_code == "MSS.10000003"
