"""Submit and assess judge the take files on disk, not the verdicts stored when they were checked."""

from __future__ import annotations

import pytest
import soundfile
from support.workflow_rig import FAST_POLL, client_of, training_jobs

from voicerecorder.workflow import records
from voicerecorder.workflow.assess import run_assessment
from voicerecorder.workflow.preflight import PreflightError
from voicerecorder.workflow.submit import submit


def truncate_chosen_take(session, index: int, seconds: float = 0.5) -> None:
    path = session.take_path(index, session.chosen_take(index))
    samples, rate = soundfile.read(path, dtype="int16")
    soundfile.write(path, samples[: round(seconds * rate)], rate, subtype="PCM_16")


def test_a_take_truncated_after_its_check_stops_submit_before_any_job(sandbox, make_session):
    client = client_of(sandbox())
    session = make_session()
    truncate_chosen_take(session, 4)
    with pytest.raises(PreflightError) as refused:
        submit(session, client)
    assert "Sentence 5 (file 4.wav)" in refused.value.message.en
    assert training_jobs(client) == []
    assert session.jobs(records.TRAINING) == []
    assert session.chosen_take(4).check["verdict"] == "fail"


def test_a_take_truncated_after_its_check_is_left_out_of_the_assessment(sandbox, make_session):
    client = client_of(sandbox())
    session = make_session()
    truncate_chosen_take(session, 0)
    run_assessment(session, client, policy=FAST_POLL)
    sent = records.latest(session, records.ASSESS)["package"]["sentences"]
    assert sent
    assert 0 not in sent
