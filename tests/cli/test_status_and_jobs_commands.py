"""``voicerecorder status`` and ``voicerecorder jobs`` against the scripted server and the sandbox."""

import json

import pytest
from support.cloud_fake import AK, PROJECT_ID, SK, Reply

from voicerecorder.cli import main
from voicerecorder.cli.cloud_status import format_time, wait_for_job
from voicerecorder.cloud.client import MetaStudioClient
from voicerecorder.cloud.config import AkSkAuth, build_config
from voicerecorder.cloud.states import JOB_STATES, describe_state, is_terminal, needs_action

JOB = "26f06524-4f75-4b3a-a853-b649a21aaf66"


@pytest.fixture
def cloud_env(fake, monkeypatch, memory_keyring):
    monkeypatch.setenv("CLOUD_SDK_AK", AK)
    monkeypatch.setenv("CLOUD_SDK_SK", SK)
    monkeypatch.setenv("METASTUDIO_PROJECT_ID", PROJECT_ID)
    monkeypatch.setenv("METASTUDIO_ENDPOINT", fake.base_url)
    return fake


def _job(state, **extra):
    return {
        "job_id": JOB,
        "state": state,
        "job_type": "BASIC",
        "voice_name": "小美",
        "lastupdate_time": 1735689600000,
        **extra,
    }


def test_status_prints_state_and_meaning(cloud_env, capsys):
    cloud_env.reply(
        "GET", cloud_env.ms_path(f"user/jobs/{JOB}"), Reply(body=_job("SUCCEED", asset_id="asset-9"))
    )
    assert main(["status", JOB]) == 0
    out = capsys.readouterr().out
    assert "SUCCEED — Done" in out
    assert "asset-9" in out
    assert "2025-01-01 00:00 UTC" in out


def test_status_in_chinese(cloud_env, capsys, monkeypatch):
    monkeypatch.setenv("VOICERECORDER_LANG", "zh_CN")
    cloud_env.reply("GET", cloud_env.ms_path(f"user/jobs/{JOB}"), Reply(body=_job("PROCESSING")))
    assert main(["status", JOB]) == 0
    assert "正在训练声音模型" in capsys.readouterr().out


def test_status_falls_back_to_short_jobs_and_shows_metrics(cloud_env, capsys):
    missing = Reply(
        status=400, body={"error_code": "MSS.10000004", "error_msg": f"The job {JOB} does not exist."}
    )
    cloud_env.reply("GET", cloud_env.ms_path(f"user/jobs/{JOB}"), missing)
    cloud_env.reply(
        "GET",
        cloud_env.ms_path(f"user/short-jobs/{JOB}"),
        Reply(
            body={
                "job_id": JOB,
                "state": "SUCCEED",
                "job_type": "VOICE_ASSESS",
                "assess_result": {
                    "snr": {"expected": ">30", "actual": "21", "suggestion_en": "Too noisy", "status": 1}
                },
            }
        ),
    )
    assert main(["status", JOB, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["kind"] == "short"
    assert data["job"]["assess_result"]["snr"]["actual"] == "21"
    assert data["description"] == {
        "en": describe_state("SUCCEED", quality_check=True).en,
        "zh": describe_state("SUCCEED", quality_check=True).zh,
    }
    assert "Quality check done" in data["description"]["en"]
    assert data["terminal"] is True


def test_status_of_an_unknown_job_fails_with_a_message(cloud_env, capsys):
    assert main(["status", "nope"]) == 1
    assert "not found" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("state", "code"), [("SUCCEED", 0), ("FAILED", 1), ("AUDIT_FAILED", 3), ("CREATING", 3)]
)
def test_status_wait_exit_codes(cloud_env, capsys, state, code):
    cloud_env.reply(
        "GET", cloud_env.ms_path(f"user/jobs/{JOB}"), Reply(body=_job(state, job_failed_reason="bad audio"))
    )
    cloud_env.reply("GET", cloud_env.ms_path(f"user/jobs/{JOB}/op-logs"), Reply(body=_log()))
    assert main(["status", JOB, "--wait", "--json"]) == code
    captured = capsys.readouterr()
    assert json.loads(captured.out)["job"]["state"] == state
    assert state in captured.err


REVIEWER = "The letter is not signed."
ALGORITHM = "7.wav does not match its text."


def _log(*entries):
    operations = [{"time": 1, "action": "CREATE_JOB", "operator": "USER"}, *entries]
    return {"count": len(operations), "operations": operations}


def _rejected(time, **info):
    return {"time": time, "action": "AUDIT_NOT_PASS", "operator": "ADMIN", "external_info": info}


def test_status_shows_the_last_rejections_reasons(cloud_env, capsys):
    cloud_env.reply("GET", cloud_env.ms_path(f"user/jobs/{JOB}"), Reply(body=_job("AUDIT_FAILED")))
    log = _log(
        _rejected(5, algorithm_failure_reason="old reason"), _rejected(9, admin_audit_failure_reason=REVIEWER)
    )
    cloud_env.reply("GET", cloud_env.ms_path(f"user/jobs/{JOB}/op-logs"), Reply(body=log))
    assert main(["status", JOB]) == 0
    out = capsys.readouterr().out
    assert f"MetaStudio's reviewer: {REVIEWER}" in out
    assert "old reason" not in out
    (call,) = cloud_env.calls("GET", cloud_env.ms_path(f"user/jobs/{JOB}/op-logs"))
    assert dict(call.query) == {"offset": "0", "limit": "100"}


def test_status_reads_every_page_of_the_log(cloud_env, capsys):
    cloud_env.reply("GET", cloud_env.ms_path(f"user/jobs/{JOB}"), Reply(body=_job("SPLIT_FAILED")))
    first = {"count": 101, "operations": [{"time": 1, "action": "CREATE_JOB", "operator": "USER"}] * 100}
    last = {"count": 101, "operations": [_rejected(3, algorithm_failure_reason=ALGORITHM)]}
    cloud_env.reply("GET", cloud_env.ms_path(f"user/jobs/{JOB}/op-logs"), Reply(body=first), Reply(body=last))
    assert main(["status", JOB, "--json"]) == 0
    reasons = json.loads(capsys.readouterr().out)["reasons"]
    assert reasons == [{"time": 3, "source": "algorithm", "text": ALGORITHM}]


def test_wait_reports_each_change_and_backs_off_when_throttled(client, fake):
    path = fake.ms_path(f"user/jobs/{JOB}")
    throttled = Reply(
        status=429, body={"error_code": "APIGW.0308", "error_msg": "throttled"}, headers={"Retry-After": "40"}
    )
    fake.reply(
        "GET",
        path,
        Reply(body=_job("WAITING")),
        Reply(body=_job("WAITING")),
        *[throttled] * 4,
        Reply(body=_job("PROCESSING")),
        Reply(body=_job("SUCCEED")),
    )
    changes, sleeps = [], []
    job = wait_for_job(client, JOB, 5.0, lambda j: changes.append(j.state), sleep=sleeps.append)
    assert job.state == "SUCCEED"
    assert changes == ["WAITING", "PROCESSING", "SUCCEED"]
    assert sleeps == [5.0, 5.0, 40.0, 5.0]


def test_jobs_lists_with_state_filter_and_pages(cloud_env, capsys):
    path = cloud_env.ms_path("user/jobs")
    cloud_env.reply(
        "GET",
        path,
        Reply(body={"count": 150, "jobs": [_job("WAITING")] * 100}),
        Reply(body={"count": 150, "jobs": [_job("FAILED")] * 50}),
    )
    assert main(["jobs", "--state", "waiting, FAILED", "--limit", "150"]) == 0
    out = capsys.readouterr().out
    assert "150 of 150 jobs" in out
    assert "WAITING: Queued for training." in out
    first, second = cloud_env.calls("GET", path)
    assert dict(first.query) == {"offset": "0", "limit": "100", "state": "WAITING,FAILED"}
    assert dict(second.query) == {"offset": "100", "limit": "50", "state": "WAITING,FAILED"}


def test_jobs_json(cloud_env, capsys):
    cloud_env.reply(
        "GET", cloud_env.ms_path("user/jobs"), Reply(body={"count": 1, "jobs": [_job("AUDIT_FAILED")]})
    )
    log = _log(_rejected(9, admin_audit_failure_reason=REVIEWER))
    cloud_env.reply("GET", cloud_env.ms_path(f"user/jobs/{JOB}/op-logs"), Reply(body=log))
    assert main(["jobs", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["count"] == 1
    assert data["jobs"][0]["needs_action"] is True
    assert data["jobs"][0]["reasons"] == [{"time": 9, "source": "reviewer", "text": REVIEWER}]


def test_jobs_shows_the_reasons_of_rejected_jobs_once_each(cloud_env, capsys, monkeypatch):
    monkeypatch.setenv("VOICERECORDER_LANG", "zh_CN")
    jobs = [_job("AUDIT_FAILED"), _job("AUDIT_FAILED"), _job("WAITING", job_id="other")]
    cloud_env.reply("GET", cloud_env.ms_path("user/jobs"), Reply(body={"count": 3, "jobs": jobs}))
    log = _log(_rejected(9, admin_audit_failure_reason=REVIEWER))
    cloud_env.reply("GET", cloud_env.ms_path(f"user/jobs/{JOB}/op-logs"), Reply(body=log))
    assert main(["jobs"]) == 0
    assert f"{JOB}: MetaStudio 审核人员：{REVIEWER}" in capsys.readouterr().out
    assert len(cloud_env.calls("GET", cloud_env.ms_path(f"user/jobs/{JOB}/op-logs"))) == 1


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["jobs", "--state", "DONE"], "not a valid state"),
        (["jobs", "--limit", "0"], "--limit"),
        (["status", JOB, "--wait", "--interval", "0.1"], "--interval"),
    ],
)
def test_usage_errors(cloud_env, capsys, argv, words):
    assert main(argv) == 2
    assert words in capsys.readouterr().err
    assert cloud_env.seen == []


def test_missing_credentials_suggest_the_sandbox(memory_keyring, capsys):
    assert main(["jobs"]) == 2
    assert "--sandbox" in capsys.readouterr().err


def test_sandbox_flag_talks_to_the_local_sandbox(memory_keyring, capsys):
    assert main(["jobs", "--sandbox", "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out) == {"count": 0, "jobs": []}
    assert "Sandbox" in captured.err


def test_every_state_of_a_quality_check_is_worded_as_a_quality_check():
    for state in JOB_STATES:
        text = describe_state(state, quality_check=True)
        assert "quality check" in text.en.lower(), state
        assert "质量检测" in text.zh, state
        assert "train" not in text.en.replace("nothing was trained", ""), state
        assert text.en != describe_state(state).en, state


def test_every_state_has_a_bilingual_description():
    for state in JOB_STATES:
        text = describe_state(state)
        assert text.en
        assert text.zh
        assert text.en != text.zh
    assert "NEW_STATE" in describe_state("NEW_STATE").en
    assert "NEW_STATE" in describe_state("NEW_STATE", quality_check=True).en
    assert is_terminal("FAILED")
    assert not is_terminal("AUDIT_FAILED")
    assert needs_action("AUDIT_FAILED")
    assert not needs_action("PROCESSING")


@pytest.mark.parametrize(
    ("value", "text"),
    [(None, "-"), (1735689600, "2025-01-01 00:00 UTC"), (1735689600000, "2025-01-01 00:00 UTC")],
)
def test_format_time(value, text):
    assert format_time(value) == text


def test_client_factory_refuses_missing_credentials():
    from voicerecorder.cloud.errors import CloudConfigError

    with pytest.raises(CloudConfigError, match="sandbox"):
        MetaStudioClient(build_config(region=None, endpoint=None, project_id=None, auth=None))
    assert MetaStudioClient(
        build_config(region=None, endpoint=None, project_id=PROJECT_ID, auth=AkSkAuth(AK, SK))
    )


def test_sandbox_status_sees_a_job_created_earlier(memory_keyring, capsys):
    from voicerecorder.cli.cloud_connect import sandbox_config, sandbox_data_dir
    from voicerecorder.cloud.models import CreateTrainingJobReq
    from voicerecorder.sandbox.server import in_process

    with in_process(sandbox_data_dir()) as server:
        config = sandbox_config(server.base_url, server.keys.ak, server.keys.sk, server.project_id)
        job_id = (
            MetaStudioClient(config).create_training_job("BASIC", CreateTrainingJobReq(voice_name="v")).job_id
        )
    assert main(["status", job_id, "--sandbox"]) == 0
    assert "CREATING — Created" in capsys.readouterr().out
    assert main(["status", job_id, "--sandbox", "--wait"]) == 3
