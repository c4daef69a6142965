"""The typed, read-only views of the workflow records: what the app's pages read instead of dicts."""

import pytest

from voicerecorder.cloud.states import JobState
from voicerecorder.text import Bilingual
from voicerecorder.workflow import records
from voicerecorder.workflow.events import EventStep, WorkflowEvent
from voicerecorder.workflow.track import rerecord_lines

METRIC = {"expected": ">=35", "actual": "41.2", "advice_en": "Fine.", "advice_zh": "良好。", "status": 0}


def test_a_finished_quality_check_reads_as_typed_metrics():
    record = {
        "job_id": "a1",
        "step": "finished",
        "state": "SUCCEED",
        "result": {
            "suggestion": "Quieter room.",
            "snr": METRIC,
            "reverb": {**METRIC, "status": 1},
            "speed": None,
        },
    }
    view = records.AssessView.of(record)
    assert view.finished
    assert view.step is records.Step.FINISHED
    assert view.suggestion == "Quieter room."
    assert set(view.metrics) == {"snr", "reverb"}
    assert not view.metrics["snr"].out_of_range
    assert view.metrics["reverb"].out_of_range
    assert view.metrics["snr"].advice(chinese=True) == "良好。"
    assert view.metrics["snr"].advice(chinese=False) == "Fine."


def test_an_unfinished_quality_check_shows_no_metrics():
    view = records.AssessView.of({"step": "committed", "result": {"snr": METRIC, "suggestion": "x"}})
    assert not view.finished
    assert view.metrics == {}
    assert view.suggestion is None


def test_advice_falls_back_to_english_and_then_to_nothing():
    assert records.MetricView.of({**METRIC, "advice_zh": None}).advice(chinese=True) == "Fine."
    assert records.MetricView.of({}).advice(chinese=False) == ""


def test_a_training_record_is_submitted_only_once_committed():
    created = records.TrainingView.of({"job_id": "j1", "step": "created", "state": "CREATING"})
    assert not created.submitted
    committed = records.TrainingView.of(
        {
            "job_id": "j1",
            "step": "committed",
            "state": "FAILED",
            "failure": {"code": "MSS.1", "reason": "bad"},
        }
    )
    assert committed.submitted
    assert committed.state == JobState.FAILED
    assert committed.failure_reason == "MSS.1 bad"
    assert not records.TrainingView.of({"job_id": None, "step": "intent"}).submitted


def test_an_unknown_step_reads_as_none():
    assert records.TrainingView.of({"job_id": "j1", "step": "someday"}).step is None


def test_audit_entries_name_the_sentence_and_take():
    record = {
        "audit": [
            {"index": 4, "take": "take-2.wav", "code": "MSS.9", "message": "noise"},
            {"index": None, "code": "MSS.2", "message": "count"},
        ]
    }
    view = records.TrainingView.of(record)
    assert [entry.index for entry in view.audit] == [4, None]
    whole, sentence = view.audit[1].line(), view.audit[0].line()
    assert whole.en.startswith("The whole package: ")
    assert "(MetaStudio: MSS.2 count)" in whole.en
    assert whole.zh.startswith("整个数据包：")
    assert sentence.en.startswith("Sentence 5 (file 4.wav), take take-2.wav: ")
    assert "MSS.9 noise" in sentence.en
    assert rerecord_lines(record) == [entry.line() for entry in view.audit]


def test_views_of_a_session_are_none_before_any_job(make_session):
    session = make_session(with_takes=())
    assert records.assess_view(session) is None
    assert records.training_view(session) is None
    assert records.training_view(None) is None


def test_workflow_event_steps_are_an_enum_and_a_misspelt_step_fails():
    event = WorkflowEvent("upload", Bilingual("Uploading", "上传"), sent=1, total=2)
    assert event.step is EventStep.UPLOAD
    assert event.step == "upload"
    with pytest.raises(ValueError, match="uplod"):
        WorkflowEvent("uplod", Bilingual("Uploading", "上传"))
