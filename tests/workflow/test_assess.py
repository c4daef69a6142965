"""The cloud quality check against the sandbox over HTTP: results saved, resumed, never doubled."""

from __future__ import annotations

import pytest
from support.workflow_rig import FAST_POLL, client_of

from voicerecorder.cloud.errors import ServerError
from voicerecorder.cloud.states import describe_state
from voicerecorder.workflow import records
from voicerecorder.workflow.assess import METRICS, run_assessment
from voicerecorder.workflow.events import WorkflowCancelled


def test_assessment_saves_the_six_metrics_and_the_suggestion(sandbox, make_session):
    client = client_of(sandbox())
    session = make_session()
    events = []
    outcome = run_assessment(session, client, reporter=events.append, policy=FAST_POLL)
    assert outcome.state == "SUCCEED"
    stored = records.latest(session, records.ASSESS)
    assert stored["job_id"] == outcome.job_id
    assert stored["step"] == "finished"
    for name in METRICS:
        metric = stored["result"][name]
        assert metric["expected"]
        assert metric["actual"]
        assert metric["status"] in (0, 1)
        assert set(metric) == {"expected", "actual", "advice_en", "advice_zh", "status"}
    assert stored["result"]["suggestion"]
    package = stored["package"]
    assert package["sha256"] == session.exports[-1].sha256
    assert package["sentences"] == list(session.exports[-1].sentences)
    steps = [event.step for event in events]
    assert steps.index("create") < steps.index("upload") < steps.index("commit") < steps.index("state")
    assert client.show_short_job(outcome.job_id).state == "SUCCEED"
    states = [event for event in events if event.step == "state"]
    assert all(event.message == describe_state(event.state, quality_check=True) for event in states)
    assert "Quality check done" in states[-1].message.en


def test_the_same_sample_is_not_checked_twice(sandbox, make_session):
    client = client_of(sandbox())
    session = make_session()
    first = run_assessment(session, client, policy=FAST_POLL)
    again = run_assessment(session, client, policy=FAST_POLL)
    assert again.reused
    assert again.job_id == first.job_id
    assert len(session.jobs(records.ASSESS)) == 1


def test_crash_after_create_leaves_no_link_on_disk_and_starts_a_fresh_job(sandbox, make_session):
    client = client_of(sandbox())
    session = make_session()

    def crash_at_upload(event):
        if event.step == "upload":
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_assessment(session, client, reporter=crash_at_upload, policy=FAST_POLL)
    interrupted = records.latest(session, records.ASSESS)
    assert interrupted["step"] == "created"
    assert "url" not in interrupted["upload"]
    assert "Signature=" not in session.manifest_path.read_text(encoding="utf-8")
    outcome = run_assessment(session, client, policy=FAST_POLL)
    assert outcome.state == "SUCCEED"
    jobs = session.jobs(records.ASSESS)
    assert [job["step"] for job in jobs] == ["abandoned", "finished"]
    assert jobs[0]["job_id"] == interrupted["job_id"] != outcome.job_id


def test_expired_short_job_url_is_replaced_by_a_new_job(sandbox, make_session):
    client = client_of(sandbox("expired=1x"))
    session = make_session()
    outcome = run_assessment(session, client, policy=FAST_POLL)
    assert outcome.state == "SUCCEED"
    jobs = session.jobs(records.ASSESS)
    assert [job["step"] for job in jobs] == ["abandoned", "finished"]
    assert jobs[0]["job_id"] != outcome.job_id
    assert client.show_short_job(jobs[0]["job_id"]).state == "CREATING"


def test_cancel_while_polling_keeps_the_job_for_later(sandbox, make_session):
    import threading

    client = client_of(sandbox(speed=0.01))
    session = make_session()
    cancel = threading.Event()

    def cancel_on_commit(event):
        if event.step == "commit":
            cancel.set()

    with pytest.raises(WorkflowCancelled):
        run_assessment(session, client, reporter=cancel_on_commit, cancel=cancel, policy=FAST_POLL)
    assert records.latest(session, records.ASSESS)["step"] == "committed"


def test_server_errors_on_every_poll_end_with_the_error_and_the_job_kept(sandbox, make_session):
    client = client_of(sandbox("error=ShowShortJob:1.0"))
    session = make_session()
    with pytest.raises(ServerError):
        run_assessment(session, client, policy=FAST_POLL)
    kept = records.latest(session, records.ASSESS)
    assert kept["step"] in ("uploaded", "committed")


def test_a_failed_check_keeps_its_reason(sandbox, make_session):
    client = client_of(sandbox())
    session = make_session()

    def damage_the_zip(event):
        if event.step == "create":
            (session.folder / session.exports[-1].path).write_bytes(b"not a zip")

    outcome = run_assessment(session, client, reporter=damage_the_zip, policy=FAST_POLL)
    assert outcome.state == "FAILED"
    stored = records.latest(session, records.ASSESS)
    assert stored["failure"]["code"]
    assert "zip" in stored["failure"]["reason"]
    assert stored["result"] is None
