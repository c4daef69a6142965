"""A stalled service is visible: the workflows report ``wait`` events and the command line
prints what it waits for and since when (the sandbox's latency fault makes it slow)."""

from __future__ import annotations

import dataclasses

from support.workflow_rig import FAST_RETRY, client_of, point_environment_at

from voicerecorder.cli import main
from voicerecorder.cloud.client import MetaStudioClient
from voicerecorder.cloud.waiting import FIRST_NOTICE_S
from voicerecorder.workflow.submit import submit


def test_submit_reports_what_it_waits_for(sandbox, make_session):
    server = sandbox("latency=0.6")
    config = dataclasses.replace(client_of(server).config, first_notice_s=0.2)
    events = []
    outcome = submit(make_session(), MetaStudioClient(config, retry=FAST_RETRY), reporter=events.append)
    assert outcome.action == "created"
    waits = [event for event in events if event.step == "wait"]
    host = server.base_url.removeprefix("http://")
    assert any(
        event.message.en.startswith(f"Still waiting for {host} (POST user/basic-jobs) since")
        for event in waits
    )
    assert all(" since " in event.message.en and "gives up after" in event.message.en for event in waits)


def test_jobs_prints_what_it_waits_for_on_a_slow_service(sandbox, monkeypatch, capsys):
    server = sandbox(f"latency={FIRST_NOTICE_S + 1}")
    point_environment_at(monkeypatch, server)
    assert main(["jobs"]) == 0
    err = capsys.readouterr().err
    host = server.base_url.removeprefix("http://")
    assert f"Still waiting for {host} (GET user/jobs) since " in err
    assert "gives up after 60 s without an answer" in err
