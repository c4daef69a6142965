"""A stalled service is visible: the workflows report ``wait`` events and the command line
prints what it waits for and since when (the sandbox's latency fault makes it slow)."""

from __future__ import annotations

import dataclasses

from support.workflow_rig import FAST_RETRY, client_of, point_environment_at

from voicerecorder.cli import main
from voicerecorder.cloud.client import MetaStudioClient
from voicerecorder.cloud.errors import ServerError, ThrottledError
from voicerecorder.cloud.waiting import FIRST_NOTICE_S
from voicerecorder.text import Bilingual
from voicerecorder.workflow.polling import PollPolicy, poll
from voicerecorder.workflow.submit import submit


def test_submit_reports_what_it_waits_for(sandbox, make_session):
    server = sandbox("latency=0.6")
    config = dataclasses.replace(client_of(server).config, first_notice_s=0.2)
    events = []
    outcome = submit(make_session(), MetaStudioClient(config, retry=FAST_RETRY), reporter=events.append)
    assert outcome.action == "created"
    waits = [event for event in events if event.step == "wait"]
    host = server.base_url.removeprefix("http://")
    [create] = [event.message.en for event in waits if "(POST user/basic-jobs)" in event.message.en]
    assert create.startswith(f"Still waiting for {host} (POST user/basic-jobs) since")
    assert create.endswith("gives up after 60 s without an answer.")
    assert any(event.message.en.endswith("without an answer and tries again.") for event in waits)
    assert all(" since " in event.message.en and "gives up after" in event.message.en for event in waits)


def test_jobs_prints_what_it_waits_for_on_a_slow_service(sandbox, monkeypatch, capsys):
    server = sandbox(f"latency={FIRST_NOTICE_S + 1}")
    point_environment_at(monkeypatch, server)
    assert main(["jobs"]) == 0
    err = capsys.readouterr().err
    host = server.base_url.removeprefix("http://")
    assert f"Still waiting for {host} (GET user/jobs) since " in err
    assert "gives up after 60 s without an answer" in err


def test_a_throttled_create_says_when_it_is_sent_again(sandbox, make_session):
    events = []
    submit(make_session(), client_of(sandbox("throttle=CreateTrainingBasicJob:1x")), reporter=events.append)
    [notice] = [event.message for event in events if event.step == "wait"]
    assert notice.en.startswith("MetaStudio: ")
    assert notice.en.endswith("Trying again in 1 s (attempt 2 of 4).")
    assert notice.zh.endswith("1 秒后重试（第 2 次，共 4 次）。")


def test_polling_through_throttling_and_failures_says_each_wait():
    answers = iter(
        [
            ThrottledError(7.0, code="APIGW.0308"),
            ServerError(Bilingual("MetaStudio had an internal problem.", "MetaStudio 内部出错。")),
            "SUCCEED",
        ]
    )

    def fetch() -> str:
        answer = next(answers)
        if isinstance(answer, Exception):
            raise answer
        return answer

    notices = []
    policy = PollPolicy(first_s=2.0, failures_allowed=3)
    state = poll(
        fetch,
        str,
        lambda s: s == "SUCCEED",
        lambda s: None,
        policy,
        sleep=lambda s: None,
        waiting=notices.append,
    )
    assert state == "SUCCEED"
    throttled, failed = notices
    assert throttled.en.startswith("MetaStudio: ")
    assert throttled.en.endswith("Trying again in 7 s.")
    assert (
        failed.en == "MetaStudio: MetaStudio had an internal problem. Trying again in 2 s (attempt 2 of 4)."
    )
