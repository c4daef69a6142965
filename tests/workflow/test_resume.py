"""An interrupted submission or resubmission continues on the next run: the package is only
intended until its upload is verified, and a verified upload is committed without packing or
uploading again."""

from __future__ import annotations

import pytest
from support.killed_runs import restarted, submit_killed_when, training_records_on_disk
from support.workflow_rig import FAST_POLL, client_of, point_environment_at, training_jobs

from voicerecorder.cli import main
from voicerecorder.cloud.errors import NetworkError, ServerError
from voicerecorder.session.store import Session
from voicerecorder.workflow import records
from voicerecorder.workflow.submit import submit
from voicerecorder.workflow.track import track


def _rejected(sandbox, make_session, rerecord):
    """A session whose job the audit rejected (sentence 8), with sentence 8 recorded again."""
    server = sandbox("reject=7")
    client = client_of(server)
    session = make_session()
    job_id = submit(session, client).job_id
    assert track(session, client, policy=FAST_POLL).state == "AUDIT_FAILED"
    rerecord(session, [7])
    return server, session, job_id


def _ends_with_one_succeeded_job(session, client, job_id: str, commits: int) -> None:
    assert track(session, client, policy=FAST_POLL).state == "SUCCEED"
    record = records.latest(session, records.TRAINING)
    assert record["commits"] == commits
    assert record["committed_sha256"] == record["package"]["sha256"] == session.exports[-1].sha256
    assert [job.job_id for job in training_jobs(client)] == [job_id]


def test_resubmission_cut_by_dropped_connections_continues_on_the_next_run(sandbox, make_session, rerecord):
    server, session, job_id = _rejected(sandbox, make_session, rerecord)
    rejected_sha = records.latest(session, records.TRAINING)["committed_sha256"]
    dropping = restarted(sandbox, server, "drop=4x")
    client = client_of(dropping)
    with pytest.raises(NetworkError):
        submit(session, client)
    record = records.latest(session, records.TRAINING)
    assert record["step"] == "created"
    assert record["committed_sha256"] == rejected_sha != record["package"]["sha256"]
    assert record["upload"]["md5"] is None
    again = submit(session, client)
    assert (again.action, again.job_id) == ("resubmitted", job_id)
    _ends_with_one_succeeded_job(session, client, job_id, commits=2)


def test_resubmission_killed_during_its_upload_continues_on_the_next_run(
    sandbox, make_session, rerecord, monkeypatch
):
    server, session, job_id = _rejected(sandbox, make_session, rerecord)
    session.close()  # the command below takes the session's lock
    # The first PUT is cut halfway: the killed run is surely between that and its retry.
    slow = restarted(sandbox, server, "latency=0.3;drop=1x")
    point_environment_at(monkeypatch, slow)
    stderr = submit_killed_when(session.folder, lambda: slow.served("ObsPut") > 0)
    assert slow.served("ObsPut") == 1, stderr
    killed = training_records_on_disk(session)[-1]
    assert killed["step"] == "created"
    assert killed["package"]["sha256"] != killed["committed_sha256"]
    server = restarted(sandbox, slow)
    point_environment_at(monkeypatch, server)
    assert main(["submit", str(session.folder), "--wait", "--interval", "0.1"]) == 0
    _ends_with_one_succeeded_job(
        Session.open(session.folder, writer="tests"), client_of(server), job_id, commits=2
    )


def _commit_fails_then_rerun(server, session, action: str) -> None:
    client = client_of(server)
    with pytest.raises(ServerError):
        submit(session, client)
    record = records.latest(session, records.TRAINING)
    assert record["step"] == "uploaded"
    assert record["upload"]["md5"] == record["upload"]["etag"]
    exports = len(session.exports)
    assert server.served("ObsPut") == 1
    events = []
    outcome = submit(session, client, reporter=events.append)
    assert outcome.action == action
    assert server.served("ObsPut") == 1
    assert len(session.exports) == exports
    steps = [event.step for event in events]
    assert "pack" not in steps
    assert "upload" not in steps
    assert "without uploading again" in next(e.message.en for e in events if e.step == "resume")


def test_commit_answered_500_after_a_verified_upload_is_retried_without_uploading(sandbox, make_session):
    server = sandbox("error=CommitVoiceTrainingJob:1x")
    session = make_session()
    _commit_fails_then_rerun(server, session, "resumed")
    job_id = records.latest(session, records.TRAINING)["job_id"]
    _ends_with_one_succeeded_job(session, client_of(server), job_id, commits=1)


def test_resubmission_commit_answered_500_is_retried_without_uploading(sandbox, make_session, rerecord):
    server, session, job_id = _rejected(sandbox, make_session, rerecord)
    failing = restarted(sandbox, server, "error=CommitVoiceTrainingJob:1x")
    _commit_fails_then_rerun(failing, session, "resubmitted")
    _ends_with_one_succeeded_job(session, client_of(failing), job_id, commits=2)
