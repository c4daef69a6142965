"""Submitting, tracking and resubmitting against the sandbox over HTTP: one job, nothing lost."""

from __future__ import annotations

import json

import pytest
import soundfile
from support.metastudio_zip import RATE, speechlike
from support.workflow_rig import FAST_POLL, VOICE, client_of, training_jobs

from voicerecorder.cloud.states import describe_state
from voicerecorder.errors import EXIT_REFUSED
from voicerecorder.sandbox import quotas
from voicerecorder.session.store import Session
from voicerecorder.session.takes import fingerprint
from voicerecorder.workflow import records
from voicerecorder.workflow.preflight import PreflightError
from voicerecorder.workflow.submit import submit
from voicerecorder.workflow.track import refresh, rerecord_lines, track


def test_submit_and_track_to_succeed(sandbox, make_session):
    client = client_of(sandbox(speed=6))
    session = make_session()
    events = []
    outcome = submit(session, client, reporter=events.append)
    assert outcome.action == "created"
    record = records.latest(session, records.TRAINING)
    assert record["job_id"] == outcome.job_id
    assert record["step"] == "committed"
    assert record["commits"] == 1
    assert record["package"]["sha256"] == session.exports[-1].sha256
    assert record["upload"]["md5"] == record["upload"]["etag"]
    assert record["intent"]["voice_name"] == VOICE
    steps = [event.step for event in events]
    assert steps.index("pack") < steps.index("create") < steps.index("upload") < steps.index("commit")

    job = track(session, client, reporter=events.append, policy=FAST_POLL)
    assert job.state == "SUCCEED"
    record = records.latest(session, records.TRAINING)
    assert record["asset_id"] == job.asset_id
    assert record["asset_id"]
    state_events = [event for event in events if event.step == "state"]
    assert all(event.message == describe_state(event.state) for event in state_events)
    states = [event.state for event in state_events]
    assert states[-1] == "SUCCEED"
    assert "PROCESSING" in states
    assert len(states) >= 3
    [stored] = training_jobs(client)
    assert (stored.job_id, stored.sex, stored.tag, stored.language, stored.phone, stored.job_type) == (
        outcome.job_id,
        "FEMALE",
        "NEWS",
        "EN",
        "+86 10 1234 5678",
        "BASIC",
    )
    assert stored.create_type == "PACKAGE"


def test_submitting_again_while_in_review_changes_nothing(sandbox, make_session):
    client = client_of(sandbox(speed=0.01))
    session = make_session()
    first = submit(session, client)
    again = submit(session, client)
    assert again.action == "unchanged"
    assert again.job_id == first.job_id
    assert len(training_jobs(client)) == 1
    assert refresh(session, client).state == "SYSTEM_AUDITING"
    assert records.latest(session, records.TRAINING)["state"] == "SYSTEM_AUDITING"


def test_audit_rejection_marks_sentences_and_resubmits_the_same_job(sandbox, make_session, rerecord):
    client = client_of(sandbox("reject=7,12"))
    session = make_session()
    first = submit(session, client)
    job = track(session, client, policy=FAST_POLL)
    assert job.state == "AUDIT_FAILED"
    assert session.marked_for_rerecord == {7, 12}
    record = records.latest(session, records.TRAINING)
    by_index = {entry["index"]: entry for entry in record["audit"]}
    assert set(by_index) == {7, 12}
    assert by_index[7]["sentence_id"] == "008"
    assert by_index[7]["take"] == session.chosen_take(7).file
    assert by_index[7]["code"] == "MSS.20020018"
    assert "7.wav" in by_index[7]["message"]
    assert any(
        line.en.startswith(
            "Sentence 8 (file 7.wav), take take-1.wav: MetaStudio's audit rejected this recording."
        )
        and "(MetaStudio: MSS.20020018 " in line.en
        for line in rerecord_lines(record)
    )

    with pytest.raises(PreflightError) as refused:
        submit(session, client)
    assert refused.value.exit_code == EXIT_REFUSED
    assert "Sentence 8" in refused.value.message.en
    assert "Sentence 13" in refused.value.message.en

    rerecord(session, [7])
    with pytest.raises(PreflightError, match="Sentence 13"):
        submit(session, client)
    rerecord(session, [12])
    new_takes = {index: session.chosen_take(index).file for index in (7, 12)}
    for index in (7, 12):
        session.choose_take(index, "take-1.wav")
    with pytest.raises(PreflightError, match="Nothing was recorded again"):
        submit(session, client)
    for index, file in new_takes.items():
        session.choose_take(index, file)
    again = submit(session, client)
    assert again.action == "resubmitted"
    assert again.job_id == first.job_id
    assert track(session, client, policy=FAST_POLL).state == "SUCCEED"
    record = records.latest(session, records.TRAINING)
    assert record["commits"] == 2
    assert record["audit"] == []
    assert session.marked_for_rerecord == frozenset()
    assert [j.job_id for j in training_jobs(client)] == [first.job_id]


def test_clip_over_the_limit_is_a_real_audit_failure_fixed_by_re_recording(sandbox, make_session, rerecord):
    client = client_of(sandbox())
    session = make_session()
    # A take the local checker passed but the service's audit rejects: 16 s, over MetaStudio's
    # 15 s clip limit, with a stored report (and file fingerprint) that says it passed.
    take_path = session.take_path(4, session.chosen_take(4))
    soundfile.write(take_path, speechlike(16.0, seed=4), RATE, subtype="PCM_16")
    manifest = json.loads(session.manifest_path.read_text(encoding="utf-8"))
    manifest["sentences"][4]["takes"][0]["fingerprint"] = fingerprint(take_path)
    session.manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    session.close()
    session = Session.open(session.folder, writer="tests")
    first = submit(session, client)
    assert track(session, client, policy=FAST_POLL).state == "AUDIT_FAILED"
    [entry] = records.latest(session, records.TRAINING)["audit"]
    assert (entry["index"], entry["code"]) == (4, "MSS.20020014")
    assert session.marked_for_rerecord == {4}
    rerecord(session, [4])
    assert submit(session, client).job_id == first.job_id
    assert track(session, client, policy=FAST_POLL).state == "SUCCEED"
    assert len(training_jobs(client)) == 1


def test_preflight_lists_missing_and_failing_takes_and_sends_nothing(sandbox, make_session):
    client = client_of(sandbox())
    session = make_session(with_takes=range(19))
    silent = session.folder.parent / "silent.wav"
    soundfile.write(silent, speechlike(6.0, seed=3) * 0.0, RATE, subtype="PCM_16")
    session.add_take(3, silent)
    with pytest.raises(PreflightError) as refused:
        submit(session, client)
    message = refused.value.message
    assert "Sentence 20 (file 19.wav): has no take yet" in message.en
    assert "Sentence 4 (file 3.wav)" in message.en
    assert "第 20 句" in message.zh
    assert training_jobs(client) == []
    assert session.jobs(records.TRAINING) == []


@pytest.mark.parametrize(
    ("limit", "value", "words"),
    [("basic_min", 500, "needs at least 500 s"), ("basic_max", 100, "allows at most 100 s")],
)
def test_preflight_refuses_a_total_length_out_of_bounds(
    sandbox, make_session, monkeypatch, limit, value, words
):
    monkeypatch.setitem(quotas.DURATION_LIMITS, limit, value)
    client = client_of(sandbox())
    with pytest.raises(PreflightError, match=words):
        submit(make_session(), client)
    assert training_jobs(client) == []


def test_preflight_refuses_without_a_training_resource(sandbox, make_session, monkeypatch):
    monkeypatch.setitem(quotas.INITIAL_RESOURCES, "BASIC", 0)
    client = client_of(sandbox())
    session = make_session()
    with pytest.raises(PreflightError, match="No BASIC voice-training resource") as refused:
        submit(session, client)
    assert "资源" in refused.value.message.zh
    assert training_jobs(client) == []
    assert session.jobs(records.TRAINING) == []
