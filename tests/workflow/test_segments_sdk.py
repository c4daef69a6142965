"""A SEGMENT session submitted with ``voicerecorder submit --wait``, checked with the official SDK."""

from __future__ import annotations

import pytest
from huaweicloudsdkmetastudio.v1 import ShowTrainingSegmentInfoRequest, ShowVoiceTrainingJobRequest
from support.sandbox_sdk import sdk_client
from support.workflow_rig import point_environment_at

from voicerecorder.cli import main

pytestmark = pytest.mark.reference_sdk


def test_submit_wait_confirms_every_segment_and_succeeds(sandbox, segment_session, monkeypatch, capsys):
    server = sandbox()
    point_environment_at(monkeypatch, server)
    session = segment_session()
    assert main(["submit", str(session.folder), "--wait", "--interval", "0.1"]) == 0
    job_id = capsys.readouterr().out.splitlines()[0]
    client = sdk_client(server)
    job = client.show_voice_training_job(ShowVoiceTrainingJobRequest(job_id=job_id))
    assert (job.create_type, job.state, job.job_type) == ("SEGMENT", "SUCCEED", "BASIC")
    info = client.show_training_segment_info(ShowTrainingSegmentInfoRequest(job_id=job_id))
    assert sorted(info.confirmed_index) == list(range(20))
