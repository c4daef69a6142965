"""Every MetaStudio operation over real HTTP: method, path, query, exact signed body, typed result."""

import json

import pytest
from support.cloud_fake import PROJECT_ID, Reply

from voicerecorder.cloud.errors import ParameterError, ServerError
from voicerecorder.cloud.models import (
    CommitJobReq,
    CreateShortJobReq,
    CreateTrainingJobReq,
    ListJobsQuery,
)

JOB = "26f06524-4f75-4b3a-a853-b649a21aaf66"
ASSESS = {
    "speed": {
        "expected": "3~5",
        "actual": "4.1",
        "suggestion": "语速合适",
        "suggestion_en": "Good pace",
        "status": 0,
    },
    "snr": {
        "expected": ">30",
        "actual": "21",
        "suggestion": "噪声偏大",
        "suggestion_en": "Too noisy",
        "status": 1,
    },
    "suggestion": "请在安静环境录制",
}
TRAINING_JOB = {
    "job_id": JOB,
    "job_type": "BASIC",
    "voice_name": "小美",
    "sex": "FEMALE",
    "language": "CN",
    "state": "SUCCEED",
    "asset_id": "asset-1",
    "create_time": 1735689600000,
    "lastupdate_time": 1735693200000,
    "create_type": "PACKAGE",
    "tag": "ECOMMERCE",
    "reject_times": 0,
    "is_remake": False,
    "allocated_resource": {
        "resource_id": "r-1",
        "charge_mode": "ONE_TIME",
        "expire_time": "2026-01-01T00:00:00Z",
    },
    "assess_result": ASSESS,
    "a_future_field": 1,
}


def _only_call(fake, method, suffix):
    calls = fake.calls(method, fake.ms_path(suffix))
    assert len(calls) == 1
    call = calls[0]
    assert call.headers["Content-Type"] == "application/json"
    assert call.headers["X-Project-Id"] == PROJECT_ID
    assert call.headers["Authorization"].startswith("SDK-HMAC-SHA256 Access=")
    return call


def test_create_short_job(client, fake):
    fake.reply(
        "POST",
        fake.ms_path("user/short-jobs"),
        Reply(body={"job_id": JOB, "data_uploading_url": "https://b/o"}),
    )
    result = client.create_short_job(CreateShortJobReq(language="EN"))
    assert (result.job_id, result.data_uploading_url) == (JOB, "https://b/o")
    call = _only_call(fake, "POST", "user/short-jobs")
    assert call.body == b'{"job_type":"VOICE_ASSESS","language":"EN"}'


def test_commit_and_show_short_job(client, fake):
    fake.reply("POST", fake.ms_path(f"user/short-jobs/{JOB}"), Reply(body=None))
    fake.reply(
        "GET",
        fake.ms_path(f"user/short-jobs/{JOB}"),
        Reply(
            body={
                "job_id": JOB,
                "job_type": "VOICE_ASSESS",
                "state": "SUCCEED",
                "assess_result": ASSESS,
            }
        ),
    )
    assert client.commit_short_job(JOB) is None
    assert _only_call(fake, "POST", f"user/short-jobs/{JOB}").body == b""
    job = client.show_short_job(JOB)
    assert job.state == "SUCCEED"
    assert job.assess_result.snr.status == 1
    assert job.assess_result.speed.suggestion_en == "Good pace"
    assert job.assess_result.reverb is None
    assert job.assess_result.suggestion == "请在安静环境录制"


@pytest.mark.parametrize(
    ("edition", "path"), [("BASIC", "basic-jobs"), ("MIDDLE", "middle-jobs"), ("ADVANCE", "advance-jobs")]
)
def test_create_training_job_per_edition(client, fake, edition, path):
    fake.reply(
        "POST",
        fake.ms_path(f"user/{path}"),
        Reply(
            body={
                "job_id": JOB,
                "training_data_uploading_url": "https://b/zip",
                "authorization_letter_uploading_url": "https://b/letter",
                "segment_uploading_url": {
                    "audio_uploading_url": ["https://b/0.wav"],
                    "txt_uploading_url": ["https://b/0.txt"],
                },
            }
        ),
    )
    req = CreateTrainingJobReq(
        voice_name="小美",
        sex="FEMALE",
        language="CN",
        tag="ECOMMERCE",
        create_type="PACKAGE",
        is_ondemand_resource=False,
        supported_service=("VIDEO_2D",),
    )
    result = client.create_training_job(edition, req)
    assert result.segment_uploading_url.audio_uploading_url == ("https://b/0.wav",)
    assert result.training_data_uploading_url == "https://b/zip"
    body = _only_call(fake, "POST", f"user/{path}").body
    assert (
        body
        == (
            '{"create_type":"PACKAGE","is_ondemand_resource":false,"language":"CN","sex":"FEMALE",'
            '"supported_service":["VIDEO_2D"],"tag":"ECOMMERCE","voice_name":"小美"}'
        ).encode()
    )


def test_commit_training_job_with_and_without_body(client, fake):
    path = fake.ms_path(f"user/jobs/{JOB}")
    fake.reply("POST", path, Reply(), Reply())
    client.commit_voice_training_job(JOB, CommitJobReq(voice_name="小美", tag="NEWS"))
    client.commit_voice_training_job(JOB)
    first, second = fake.calls("POST", path)
    assert json.loads(first.body) == {"tag": "NEWS", "voice_name": "小美"}
    assert second.body == b""


def test_show_training_job_decodes_every_field(client, fake):
    fake.reply("GET", fake.ms_path(f"user/jobs/{JOB}"), Reply(body=TRAINING_JOB))
    job = client.show_voice_training_job(JOB)
    assert (job.state, job.asset_id, job.voice_name) == ("SUCCEED", "asset-1", "小美")
    assert job.allocated_resource.charge_mode == "ONE_TIME"
    assert job.assess_result.speed.actual == "4.1"


def test_list_jobs_sends_every_filter_canonically(client, fake):
    fake.reply("GET", fake.ms_path("user/jobs"), Reply(body={"count": 1, "jobs": [TRAINING_JOB]}))
    query = ListJobsQuery(
        offset=0,
        limit=50,
        create_until="2025-02-01",
        create_since="2025-01-01",
        update_until="u1",
        update_since="u0",
        state=("WAITING", "FAILED"),
        job_id=JOB,
        voice_name="小 美",
        tag="NEWS",
        job_type="BASIC",
        batch_name="b/1",
        sort_key="update_time",
        sort_dir="asc",
        is_ondemand_resource=True,
    )
    jobs = client.list_voice_training_jobs(query)
    assert jobs.count == 1
    assert jobs.jobs[0].job_id == JOB
    call = _only_call(fake, "GET", "user/jobs")
    assert dict(call.query) == {
        "offset": "0",
        "limit": "50",
        "create_until": "2025-02-01",
        "create_since": "2025-01-01",
        "update_until": "u1",
        "update_since": "u0",
        "state": "WAITING,FAILED",
        "job_id": JOB,
        "voice_name": "小 美",
        "tag": "NEWS",
        "job_type": "BASIC",
        "batch_name": "b/1",
        "sort_key": "update_time",
        "sort_dir": "asc",
        "is_ondemand_resource": "true",
    }
    assert "state=WAITING%2CFAILED" in call.raw_query
    assert "voice_name=%E5%B0%8F%20%E7%BE%8E" in call.raw_query


def test_audit_result_and_uploading_address(client, fake):
    fake.reply(
        "GET",
        fake.ms_path(f"user/jobs/{JOB}/audit-result"),
        Reply(
            body={
                "system_audit_result": {
                    "audit_time": 5,
                    "errors": [
                        {
                            "audio_name": "7.wav",
                            "text_name": "7.txt",
                            "error_code": "MSS.20020011",
                            "error_message": "bad",
                        },
                    ],
                },
                "admin_audit_result": {"message": "noisy", "attachment_name": None},
            }
        ),
    )
    fake.reply(
        "GET",
        fake.ms_path(f"user/jobs/{JOB}/uploading-address-url"),
        Reply(
            body={
                "package_url": {"training_data_uploading_url": "https://b/new.zip"},
                "segment_url": {"audio_uploading_url": [], "txt_uploading_url": []},
                "authorization_letter_uploading_url": "https://b/letter",
            }
        ),
    )
    audit = client.show_job_audit_result(JOB)
    assert audit.system_audit_result.errors[0].audio_name == "7.wav"
    assert audit.admin_audit_result.message == "noisy"
    address = client.show_job_uploading_address(JOB)
    assert address.package_url.training_data_uploading_url == "https://b/new.zip"
    assert address.segment_url.audio_uploading_url == ()


def test_delete_tenant_cfg_and_quotas(client, fake):
    fake.reply("DELETE", fake.ms_path(f"user/jobs/{JOB}"), Reply())
    fake.reply(
        "GET",
        fake.ms_path("user/tenant-duration-cfg"),
        Reply(
            body={
                "tenant_id": "t",
                "basic_min": 180,
                "basic_max": 600,
                "middle_min": 600,
                "middle_max": 1800,
                "short_assess_min": 10,
                "short_assess_max": 60,
            }
        ),
    )
    fake.reply(
        "GET",
        fake.ms_path("quotas"),
        Reply(
            body={
                "count": 1,
                "resource_available_nums": {"basic": 2, "middle": 0},
                "resources": [{"resource_type": "BASIC", "resource_available_nums": 2, "status": "NORMAL"}],
            }
        ),
    )
    client.delete_voice_training_job(JOB)
    assert len(fake.calls("DELETE")) == 1
    cfg = client.show_tenant_duration_cfg()
    assert cfg.bounds("BASIC") == (180, 600)
    assert cfg.bounds("MIDDLE") == (600, 1800)
    quotas = client.show_voice_training_quotas(offset=0, limit=10)
    assert quotas.resource_available_nums.for_edition("BASIC") == 2
    assert quotas.resource_available_nums.for_edition("ADVANCE") == 0
    assert quotas.resources[0].resource_type == "BASIC"
    assert dict(fake.calls("GET", fake.ms_path("quotas"))[0].query) == {"offset": "0", "limit": "10"}


def test_training_segments(client, fake):
    path = fake.ms_path("user/training-segment")
    fake.reply("POST", path, Reply(body={"confirm_result": False, "unmatched_index_hit": [4096]}))
    fake.reply("GET", path, Reply(body={"confirmed_index": [0, 1, 2]}))
    confirm = client.confirm_training_segment(JOB, 3)
    assert (confirm.confirm_result, confirm.unmatched_index_hit) == (False, (4096,))
    assert client.show_training_segment_info(JOB).confirmed_index == (0, 1, 2)
    post = fake.calls("POST", path)[0]
    assert dict(post.query) == {"job_id": JOB, "index": "3"}
    assert post.body == b""


def test_job_id_is_one_path_segment(client, fake):
    fake.reply("GET", fake.ms_path("user/jobs/a%2Fb"), Reply(body={"job_id": "a/b", "state": "WAITING"}))
    assert client.show_voice_training_job("a/b").state == "WAITING"


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda c: c.create_training_job("PREMIUM", CreateTrainingJobReq(voice_name="v")), "edition"),
        (lambda c: c.create_training_job("BASIC", CreateTrainingJobReq(voice_name=" ")), "voice_name"),
        (lambda c: c.create_training_job("BASIC", CreateTrainingJobReq(voice_name="v", sex="X")), "sex"),
        (lambda c: c.create_training_job("BASIC", CreateTrainingJobReq(voice_name="v", tag="POP")), "tag"),
        (lambda c: c.list_voice_training_jobs(ListJobsQuery(state=("DONE",))), "state"),
        (lambda c: c.list_voice_training_jobs(ListJobsQuery(limit=500)), "limit"),
        (lambda c: c.confirm_training_segment("j", 2000), "index"),
        (lambda c: c.show_voice_training_job(""), "job_id"),
        (lambda c: c.create_short_job(CreateShortJobReq(language="FR")), "language"),
    ],
)
def test_bad_input_is_refused_before_sending(client, fake, call, field):
    with pytest.raises(ParameterError) as caught:
        call(client)
    assert caught.value.field == field
    assert field in caught.value.message.en
    assert caught.value.message.zh
    assert fake.seen == []


@pytest.mark.parametrize("body", [b"[1, 2]", b"not json", b'{"data_uploading_url": "x"}'])
def test_unexpected_bodies_are_server_errors(client, fake, body):
    fake.reply("POST", fake.ms_path("user/short-jobs"), Reply(body=body))
    with pytest.raises(ServerError, match="unexpected"):
        client.create_short_job()


def test_scalar_spellings_are_normalised_and_wrong_types_refused(client, fake):
    path = fake.ms_path(f"user/jobs/{JOB}")
    fake.reply(
        "GET",
        path,
        Reply(
            body={
                "job_id": JOB,
                "state": "WAITING",
                "create_time": 1.7e12,
                "reject_times": "2",
                "is_remake": "false",
                "phone": 13800000000,
            }
        ),
    )
    job = client.show_voice_training_job(JOB)
    assert (job.create_time, job.reject_times, job.is_remake, job.phone) == (
        1700000000000,
        2,
        False,
        "13800000000",
    )
    fake.reply("GET", path, Reply(body={"job_id": JOB, "state": ["WAITING"]}))
    with pytest.raises(ServerError, match="list where str belongs"):
        client.show_voice_training_job(JOB)
    fake.reply("GET", path, Reply(body={"job_id": JOB, "state": "WAITING", "reject_times": True}))
    with pytest.raises(ServerError, match="bool where int belongs"):
        client.show_voice_training_job(JOB)
