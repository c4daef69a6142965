"""SEGMENT sessions against the sandbox over HTTP: every sentence sent and confirmed in order,
rejections shown and fixed by re-recording, and a resumed queue that sends nothing twice."""

from __future__ import annotations

import json

import pytest
from support.killed_runs import restarted, submit_killed_when, training_records_on_disk
from support.workflow_rig import FAST_POLL, client_of, point_environment_at, training_jobs

from voicerecorder.cli import main
from voicerecorder.session.store import Session
from voicerecorder.workflow import records
from voicerecorder.workflow.preflight import PreflightError
from voicerecorder.workflow.segment_submit import open_segment_queue
from voicerecorder.workflow.segments import CONFIRMED, REJECTED, WAITING, segment_states
from voicerecorder.workflow.submit import submit
from voicerecorder.workflow.track import track


def _sent(events):
    """The 0-based sentence index of each "Sending Sentence N (I.wav)" event."""
    return [
        int(event.message.en.split("(file ")[1].split(".")[0]) for event in events if event.step == "segment"
    ]


def test_every_sentence_is_confirmed_then_the_job_is_committed(sandbox, segment_session):
    client = client_of(sandbox())
    session = segment_session()
    assert session.create_type == "SEGMENT"
    events = []
    outcome = submit(session, client, reporter=events.append)
    assert outcome.action == "created"
    assert _sent(events) == list(range(20))
    assert "pack" not in [event.step for event in events]
    record = records.latest(session, records.TRAINING)
    assert record["package"] is None
    assert {key: entry["state"] for key, entry in record["segments"].items()} == {
        str(i): CONFIRMED for i in range(20)
    }
    assert [state.state for state in segment_states(session, record)] == [CONFIRMED] * 20
    assert sorted(client.show_training_segment_info(outcome.job_id).confirmed_index) == list(range(20))
    assert track(session, client, policy=FAST_POLL).state == "SUCCEED"
    [job] = training_jobs(client)
    assert job.create_type == "SEGMENT"
    assert session.exports == ()


def test_rejected_sentences_are_shown_and_fixed_by_re_recording(sandbox, segment_session, rerecord):
    client = client_of(sandbox("segment_reject=3,11"))
    session = segment_session()
    with pytest.raises(PreflightError) as refused:
        submit(session, client)
    assert (
        "Sentence 4 (file 3.wav): MetaStudio heard something different from the text"
        in refused.value.message.en
    )
    assert "Sentence 12" in refused.value.message.en
    record = records.latest(session, records.TRAINING)
    states = segment_states(session, record)
    assert [s.index for s in states if s.state == REJECTED] == [3, 11]
    assert session.marked_for_rerecord == {3, 11}
    job_id = record["job_id"]
    assert client.show_voice_training_job(job_id).state == "CREATING"

    rerecord(session, [3])
    assert segment_states(session, records.latest(session, records.TRAINING))[3].state == WAITING
    with pytest.raises(PreflightError, match="Sentence 12"):
        submit(session, client)
    rerecord(session, [11])
    events = []
    outcome = submit(session, client, reporter=events.append)
    assert outcome.job_id == job_id
    assert _sent(events) == [3, 11]
    assert track(session, client, policy=FAST_POLL).state == "SUCCEED"
    assert [job.job_id for job in training_jobs(client)] == [job_id]


def test_the_job_is_created_before_the_first_take_and_only_once(sandbox, segment_session, rerecord):
    client = client_of(sandbox())
    session = segment_session("early", with_takes=[])
    queue = open_segment_queue(session, client)
    job_id = queue.record["job_id"]
    assert queue.record["state"] == "CREATING"
    assert queue.pending() == []
    assert queue.run() == []
    rerecord(session, [0])
    assert open_segment_queue(session, client).pending() == [0]
    assert [job.job_id for job in training_jobs(client)] == [job_id]
    with pytest.raises(PreflightError, match="Sentence 2"):
        submit(session, client)
    assert client.show_voice_training_job(job_id).state == "CREATING"


def test_a_resumed_queue_sends_only_what_the_service_does_not_hold(sandbox, segment_session):
    client = client_of(sandbox())
    session = segment_session()
    queue = open_segment_queue(session, client)
    for _ in range(5):
        queue.step()
    # A run killed after sentence 6 was uploaded, before it was confirmed; and one killed
    # after sentence 5 was confirmed, before that was saved.
    record = records.latest(session, records.TRAINING)
    record["segments"]["4"]["state"] = "uploading"
    record["segments"]["5"] = {**record["segments"]["4"], "state": "uploading"}
    record["segments"]["5"]["take"] = session.chosen_take(5).file
    record["segments"]["5"]["sha256"] = session.chosen_take(5).fingerprint["sha256"]
    records.save(session, records.TRAINING, record)
    session.close()
    reopened = Session.open(session.folder, writer="tests")
    events = []
    queue = open_segment_queue(reopened, client, reporter=events.append)
    assert queue.pending() == list(range(5, 20))
    assert queue.states()[4].state == CONFIRMED
    queue.run()
    assert _sent(events) == list(range(5, 20))
    assert len(training_jobs(client)) == 1
    outcome = submit(reopened, client)
    assert (outcome.action, outcome.job_id) == ("resumed", record["job_id"])


def test_a_re_recorded_sentence_replaces_its_confirmed_segment(sandbox, segment_session, rerecord):
    client = client_of(sandbox())
    session = segment_session()
    queue = open_segment_queue(session, client)
    queue.run()
    rerecord(session, [7])
    assert queue.pending() == [7]
    assert queue.states()[7].state == WAITING
    assert queue.step().state == CONFIRMED
    assert records.latest(session, records.TRAINING)["segments"]["7"]["take"] == session.chosen_take(7).file


def test_cli_new_segment_and_segments_listing(sandbox, segment_session, monkeypatch, tmp_path, capsys):
    assert main(["new", str(tmp_path / "fresh"), "--edition", "basic", "--language", "CN", "--tag", "NEWS",
                 "--create-type", "segment"]) == 0  # fmt: skip
    assert Session.open(tmp_path / "fresh").create_type == "SEGMENT"
    capsys.readouterr()
    point_environment_at(monkeypatch, sandbox("segment_reject=0"))
    session = segment_session()
    assert main(["submit", str(session.folder)]) == 4
    assert main(["segments", str(session.folder)]) == 0
    out = capsys.readouterr().out
    assert "Sentence 1 (file 0.wav): rejected — MetaStudio heard something different" in out
    assert "Sentence 2 (file 1.wav): confirmed by MetaStudio" in out
    assert main(["segments", str(session.folder), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [item["state"] for item in data["segments"]] == [REJECTED] + [CONFIRMED] * 19
    package = Session.open(tmp_path / "fresh")
    assert main(["segments", str(package.folder.parent / "missing")]) == 2


def test_a_killed_submit_resumes_without_a_second_job_or_a_second_upload(
    sandbox, segment_session, monkeypatch, capsys
):
    slow = sandbox("latency=0.1")
    point_environment_at(monkeypatch, slow)
    session = segment_session()
    session.close()  # the command below takes the session's lock

    def four_confirmed() -> bool:
        segments = (training_records_on_disk(session) or [{}])[-1].get("segments") or {}
        return sum(entry["state"] == CONFIRMED for entry in segments.values()) >= 4

    stderr = submit_killed_when(session.folder, four_confirmed)
    killed = records.latest(Session.open(session.folder), records.TRAINING)
    assert killed is not None, stderr
    confirmed = {int(key) for key, entry in killed["segments"].items() if entry["state"] == CONFIRMED}
    assert 4 <= len(confirmed) < 20
    server = restarted(sandbox, slow)
    point_environment_at(monkeypatch, server)
    capsys.readouterr()
    assert main(["submit", str(session.folder), "--wait", "--interval", "0.1"]) == 0
    err = capsys.readouterr().err
    resent = {index for index in range(20) if f"(file {index}.wav)" in err}
    assert resent
    assert not resent & confirmed
    client = client_of(server)
    assert [job.job_id for job in training_jobs(client)] == [killed["job_id"]]
    assert sorted(client.show_training_segment_info(killed["job_id"]).confirmed_index) == list(range(20))


def test_expired_links_are_renewed(sandbox, segment_session):
    client = client_of(sandbox("expired=3x"))
    session = segment_session()
    queue = open_segment_queue(session, client)
    assert [state.state for state in queue.run()] == [CONFIRMED] * 20
    held = client.show_training_segment_info(queue.record["job_id"]).confirmed_index
    assert sorted(held) == list(range(20))


def test_a_reviewer_rejection_of_a_segment_job_needs_a_new_letter(sandbox, segment_session, tmp_path):
    client = client_of(sandbox("admin_reject=1x"))
    session = segment_session()
    first = tmp_path / "first.pdf"
    first.write_bytes(b"%PDF-1.4 unsigned")
    job_id = submit(session, client, letter=first).job_id
    assert track(session, client, policy=FAST_POLL).state == "AUDIT_FAILED"
    with pytest.raises(PreflightError, match=r"--letter NEW\.pdf"):
        submit(session, client)
    second = tmp_path / "second.pdf"
    second.write_bytes(b"%PDF-1.4 signed by the talent")
    events = []
    outcome = submit(session, client, letter=second, reporter=events.append)
    assert (outcome.action, outcome.job_id) == ("resubmitted", job_id)
    assert _sent(events) == []
    assert track(session, client, policy=FAST_POLL).state == "SUCCEED"
