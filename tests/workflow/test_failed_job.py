"""A training job that ends FAILED, against the sandbox over HTTP: submitting again creates
exactly one new job, the session keeps both, and the person is told what happened."""

from __future__ import annotations

import pytest
from support.workflow_rig import FAST_POLL, client_of, point_environment_at, training_jobs

from voicerecorder.cli import main
from voicerecorder.errors import EXIT_FAILED, EXIT_OK
from voicerecorder.sandbox.training import TRAINING_FAILED, TRAINING_FAILED_REASON
from voicerecorder.session.store import Session
from voicerecorder.workflow import records
from voicerecorder.workflow.submit import submit
from voicerecorder.workflow.track import track

WAIT = ["--wait", "--interval", "0.1"]


def test_a_failed_job_is_replaced_by_exactly_one_new_job(sandbox, make_session):
    client = client_of(sandbox("fail=1x"))
    session = make_session()
    first = submit(session, client)
    assert track(session, client, policy=FAST_POLL).state == "FAILED"
    failed = records.latest(session, records.TRAINING)
    assert failed["failure"] == {"code": TRAINING_FAILED, "reason": TRAINING_FAILED_REASON}

    events = []
    second = submit(session, client, reporter=events.append)
    assert second.action == "created"
    assert second.job_id != first.job_id
    [notice] = [event for event in events if event.step == "replace"]
    assert notice.job_id == first.job_id
    assert f"training job {first.job_id} failed" in notice.message.en
    assert TRAINING_FAILED_REASON in notice.message.en
    assert "creating a new job" in notice.message.en
    assert first.job_id in notice.message.zh
    assert "新任务" in notice.message.zh
    steps = [event.step for event in events]
    assert steps.index("replace") < steps.index("create") < steps.index("commit")

    again = submit(session, client)
    assert (again.action, again.job_id) == ("unchanged", second.job_id)
    jobs = {job.job_id: job for job in training_jobs(client)}
    assert set(jobs) == {first.job_id, second.job_id}
    assert jobs[first.job_id].state == "FAILED"

    assert track(session, client, policy=FAST_POLL).state == "SUCCEED"
    old, new = Session.open(session.folder).jobs(records.TRAINING)
    assert (old["job_id"], old["state"], old["commits"]) == (first.job_id, "FAILED", 1)
    assert old["failure"]["code"] == TRAINING_FAILED
    assert (new["job_id"], new["state"], new["commits"]) == (second.job_id, "SUCCEED", 1)
    assert new["replaces"] == first.job_id
    assert new["failure"] is None
    assert new["asset_id"]


@pytest.mark.parametrize(
    ("reached", "action"), [(True, "resumed"), (False, "created")], ids=["lost", "unsent"]
)
def test_an_interrupted_replacement_ends_with_one_new_job_naming_the_failed_one(
    sandbox, make_session, monkeypatch, reached, action
):
    """The connection drops while the replacement is created: after the service made the job (the
    next run finds and adopts it) or before the request reached it (the next run creates it)."""
    client = client_of(sandbox("fail=1x"))
    session = make_session()
    first = submit(session, client)
    assert track(session, client, policy=FAST_POLL).state == "FAILED"
    create = client.create_training_job

    def dropped(*args, **kwargs):
        if reached:
            create(*args, **kwargs)
        raise ConnectionResetError("the connection dropped")

    monkeypatch.setattr(client, "create_training_job", dropped)
    with pytest.raises(ConnectionResetError):
        submit(session, client)
    intent = records.latest(session, records.TRAINING)
    assert (intent["step"], intent["job_id"], intent["replaces"]) == ("intent", None, first.job_id)

    monkeypatch.setattr(client, "create_training_job", create)
    resumed = submit(session, client)
    assert resumed.action == action
    jobs = training_jobs(client)
    assert sorted(job.job_id for job in jobs) == sorted([first.job_id, resumed.job_id])
    stored = Session.open(session.folder).jobs(records.TRAINING)
    assert [(r["job_id"], r.get("replaces")) for r in stored] == [
        (first.job_id, None),
        (resumed.job_id, first.job_id),
    ]


def test_the_command_line_explains_a_failed_job_and_submits_a_new_one(
    sandbox, make_session, monkeypatch, capsys
):
    server = sandbox("fail=1x")
    point_environment_at(monkeypatch, server)
    session = make_session()
    folder = str(session.folder)
    assert main(["submit", folder, *WAIT]) == EXIT_FAILED
    out = capsys.readouterr().out
    first = out.splitlines()[0]
    assert "FAILED" in out
    assert TRAINING_FAILED_REASON in out
    assert f"voicerecorder submit {folder}" in out.splitlines()[-1]
    assert "new job" in out.splitlines()[-1]

    assert main(["submit", folder, *WAIT]) == EXIT_OK
    out, err = capsys.readouterr()
    second = out.splitlines()[0]
    assert second != first
    assert f"training job {first} failed" in err
    assert "SUCCEED" in out
    assert sorted(job.job_id for job in training_jobs(client_of(server))) == sorted([first, second])
