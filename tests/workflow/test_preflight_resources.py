"""The pre-submit resource check against the sandbox over HTTP: on-demand (pay-per-use) MIDDLE
resources, and a quota answer without a figure (not blocking; said what was not verified)."""

from __future__ import annotations

import pytest
from support.metastudio_zip import sentence_text
from support.workflow_rig import client_of

from voicerecorder.cloud.errors import QuotaError
from voicerecorder.sandbox import quotas
from voicerecorder.session.form import VoiceForm
from voicerecorder.session.script import Script, Sentence
from voicerecorder.session.store import Session
from voicerecorder.workflow.preflight import PreflightError, preflight
from voicerecorder.workflow.submit import submit


def middle_session(folder, on_demand: bool) -> Session:
    """A MIDDLE session without takes (its take problems come with any resource problem)."""
    script = Script(
        "CN", tuple(Sentence(f"{i:03d}", sentence_text(i, "CN", 8.0)) for i in range(100)), "test"
    )
    form = VoiceForm("Ada", "FEMALE", "NEWS", "CN", is_ondemand_resource=on_demand)
    return Session.create(form, "MIDDLE", script, writer="tests", folder=folder)


def resource_problems(session: Session, client) -> list[str]:
    with pytest.raises(PreflightError) as refused:
        preflight(session, client, needs_resource=True)
    return [problem.en for problem in refused.value.problems if "resource" in problem.en]


def test_an_on_demand_middle_job_counts_pay_per_use_resources(sandbox, tmp_path, monkeypatch):
    monkeypatch.setitem(quotas.INITIAL_RESOURCES, "MIDDLE", 0)
    client = client_of(sandbox())
    assert resource_problems(middle_session(tmp_path / "on-demand", True), client) == []
    [problem] = resource_problems(middle_session(tmp_path / "bought", False), client)
    assert "No MIDDLE voice-training resource" in problem


def test_no_on_demand_resource_left_is_named_as_such(sandbox, tmp_path, monkeypatch):
    monkeypatch.setitem(quotas.INITIAL_RESOURCES, "MIDDLE_ON_DEMAND", 0)
    client = client_of(sandbox())
    [problem] = resource_problems(middle_session(tmp_path / "on-demand", True), client)
    assert "No on-demand (pay-per-use) MIDDLE voice-training resource" in problem
    assert resource_problems(middle_session(tmp_path / "bought", False), client) == []


def test_a_quota_answer_without_a_figure_does_not_block_and_says_so(sandbox, make_session, monkeypatch):
    monkeypatch.delitem(quotas.INITIAL_RESOURCES, "BASIC")
    client = client_of(sandbox())
    assert client.show_voice_training_quotas().resource_available_nums.basic is None
    session = make_session()
    [notice] = preflight(session, client, needs_resource=True)
    assert "Could not verify that a BASIC voice-training resource is left" in notice.en
    assert "无法确认" in notice.zh
    events = []
    with pytest.raises(QuotaError):  # the service (sandbox) has none: it refuses the create
        submit(session, client, reporter=events.append)
    assert [event.message for event in events if event.step == "notice"] == [notice]
    assert "create" in [event.step for event in events]


def test_the_form_warnings_are_reported_when_submitting(sandbox, make_session):
    session = make_session()
    events = []
    submit(session, client_of(sandbox()), reporter=events.append)
    [warning] = [event.message for event in events if event.step == "warning"]
    assert "Chinese only" in warning.en


def test_duration_settings_without_limits_do_not_block_and_say_so(sandbox, make_session, monkeypatch):
    monkeypatch.delitem(quotas.DURATION_LIMITS, "basic_min")
    monkeypatch.delitem(quotas.DURATION_LIMITS, "basic_max")
    [notice] = preflight(make_session(), client_of(sandbox()), needs_resource=True)
    assert "Could not verify the total length" in notice.en
    assert "无法确认总时长" in notice.zh
