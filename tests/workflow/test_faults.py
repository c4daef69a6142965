"""Every injected fault ends with the job SUCCEEDed, its data uploaded, and exactly one job."""

from __future__ import annotations

import dataclasses
import logging

import pytest
from support.workflow_rig import FAST_POLL, FAST_RETRY, client_of, training_jobs

from voicerecorder.cloud.client import MetaStudioClient
from voicerecorder.cloud.errors import NetworkError
from voicerecorder.text import Bilingual
from voicerecorder.workflow import records
from voicerecorder.workflow.submit import submit
from voicerecorder.workflow.track import track


def _finish(session, client) -> None:
    assert track(session, client, policy=FAST_POLL).state == "SUCCEED"
    record = records.latest(session, records.TRAINING)
    assert record["upload"]["md5"] == record["upload"]["etag"]
    assert record["package"]["sha256"] == session.exports[-1].sha256
    assert [job.job_id for job in training_jobs(client)] == [record["job_id"]]


@pytest.mark.parametrize(
    ("faults", "evidence"),
    [
        (
            "error=ShowTenantDurationCfg:2x,ShowVoiceTrainingQuotas:1x,ShowVoiceTrainingJob:0.4",
            "failed (ServerError); retrying",
        ),
        (
            "throttle=CreateTrainingBasicJob:1x,CommitVoiceTrainingJob:1x,ShowVoiceTrainingJob:1x",
            "throttled (429); sending it again",
        ),
        ("drop=2x", "upload to 127.0.0.1"),
        ("expired=1x", "fresh upload URLs"),
        ("latency=0.05", None),
    ],
    ids=["5xx-on-gets", "429", "dropped-upload", "expired-url", "latency"],
)
def test_fault_ends_with_one_succeeded_job(sandbox, make_session, caplog, faults, evidence):
    caplog.set_level(logging.INFO, logger="voicerecorder")
    client = client_of(sandbox(faults))
    session = make_session()
    outcome = submit(session, client)
    assert outcome.action == "created"
    _finish(session, client)
    if evidence:
        assert evidence in caplog.text


def test_timeouts_fail_cleanly_and_a_later_run_submits_once(sandbox, make_session):
    server = sandbox("latency=0.4")
    config = dataclasses.replace(client_of(server).config, read_timeout=0.1)
    impatient = MetaStudioClient(config, retry=FAST_RETRY)
    session = make_session()
    with pytest.raises(NetworkError, match="did not answer in time"):
        submit(session, impatient)
    assert session.jobs(records.TRAINING) == []
    client = client_of(server)
    submit(session, client)
    _finish(session, client)


class _LostAnswer(MetaStudioClient):
    """The service creates the job, but the answer never reaches the app (crash, cut connection)."""

    def create_training_job(self, edition, req):
        super().create_training_job(edition, req)
        raise NetworkError(Bilingual("The connection was cut.", "连接中断。"))


def test_job_created_but_never_recorded_is_found_instead_of_created_again(sandbox, make_session):
    server = sandbox()
    client = client_of(server)
    session = make_session()
    with pytest.raises(NetworkError):
        submit(session, _LostAnswer(client.config, retry=FAST_RETRY))
    [intent] = session.jobs(records.TRAINING)
    assert intent["step"] == "intent"
    assert intent["job_id"] is None
    [created] = training_jobs(client)
    outcome = submit(session, client)
    assert outcome.action == "resumed"
    assert outcome.job_id == created.job_id
    _finish(session, client)


def test_crash_between_create_and_upload_resumes_the_same_job(sandbox, make_session):
    client = client_of(sandbox())
    session = make_session()

    def crash_at_upload(event):
        if event.step == "upload":
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        submit(session, client, reporter=crash_at_upload)
    record = records.latest(session, records.TRAINING)
    assert record["step"] == "created"
    assert "url" not in record["upload"]
    assert record["upload"]["expires"]
    assert "Signature=" not in session.manifest_path.read_text(encoding="utf-8")
    outcome = submit(session, client)
    assert outcome.action == "resumed"
    assert outcome.job_id == record["job_id"]
    _finish(session, client)


def test_tracking_waits_out_throttling_beyond_the_clients_retries(sandbox, make_session, caplog):
    caplog.set_level(logging.INFO, logger="voicerecorder")
    first = sandbox()
    session = make_session()
    submit(session, client_of(first))
    port = int(first.base_url.rsplit(":", 1)[1])
    first.stop()
    throttled = sandbox("throttle=ShowVoiceTrainingJob:5x", data=first.data_dir, port=port)
    client = client_of(throttled)
    _finish(session, client)
    assert "polling throttled" in caplog.text
