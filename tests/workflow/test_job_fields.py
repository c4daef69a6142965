"""Every field of CreateTrainingJobReq and CommitJobReq, and the app user id, reach the job
(sandbox over HTTP; the official SDK reads the job back); X-App-UserId on every call that takes it."""

from __future__ import annotations

import contextlib
import dataclasses
import json

import huaweicloudsdkmetastudio.v1 as sdk
import pytest
import requests
from support.sandbox_sdk import sdk_client
from support.workflow_rig import FAST_RETRY, client_of, point_environment_at

from voicerecorder.cli import main
from voicerecorder.cloud.client import MetaStudioClient
from voicerecorder.cloud.errors import CloudError
from voicerecorder.cloud.models import CommitJobReq, CreateShortJobReq, CreateTrainingJobReq
from voicerecorder.session.store import Session
from voicerecorder.workflow.submit import submit
from voicerecorder.workflow.target import sandbox_config

pytestmark = pytest.mark.reference_sdk

USER = "talent-42"


def client_with_user(server, session: requests.Session | None = None) -> MetaStudioClient:
    config = sandbox_config(server.base_url, server.keys.ak, server.keys.sk, server.project_id, USER)
    return MetaStudioClient(config, session, retry=FAST_RETRY)


def stored_job(server, job_id: str) -> dict:
    return json.loads((server.data_dir / "jobs" / f"{job_id}.json").read_text("utf-8"))


def test_every_form_field_and_the_app_user_id_reach_the_job(sandbox, make_session):
    server = sandbox()
    session = make_session()
    session.update_form(
        dataclasses.replace(
            session.form,
            description="Warm newsreader voice",
            output_language="CN",
            custom_text="Hello from the new voice.",
            supported_service=("VIDEO_2D", "CHAT_2D"),
        )
    )
    outcome = submit(session, client_with_user(server))
    shown = sdk_client(server).show_voice_training_job(sdk.ShowVoiceTrainingJobRequest(job_id=outcome.job_id))
    assert (shown.app_user_id, shown.output_language, shown.phone, shown.job_type) == (
        USER,
        "CN",
        "+86 10 1234 5678",
        "BASIC",
    )
    stored = stored_job(server, outcome.job_id)
    assert stored["description"] == "Warm newsreader voice"
    assert stored["custom_text"] == "Hello from the new voice."
    assert stored["supported_service"] == ["VIDEO_2D", "CHAT_2D"]
    assert stored["is_ondemand_resource"] is False


def test_a_job_without_an_app_user_id_has_none(sandbox, make_session):
    server = sandbox()
    outcome = submit(make_session(), client_of(server))
    shown = sdk_client(server).show_voice_training_job(sdk.ShowVoiceTrainingJobRequest(job_id=outcome.job_id))
    assert shown.app_user_id is None
    assert "app_user_id" not in {k for k, v in stored_job(server, outcome.job_id).items() if v}


# Each client call, the SDK request model of its operation, and how to make it.
CALLS = {
    "create_short_job": (sdk.CreateShortJobRequest, lambda c, ids: c.create_short_job(CreateShortJobReq())),
    "show_short_job": (sdk.ShowShortJobRequest, lambda c, ids: c.show_short_job(ids["short"])),
    "commit_short_job": (sdk.CommitShortJobRequest, lambda c, ids: c.commit_short_job(ids["short"])),
    "create_training_job": (
        sdk.CreateTrainingBasicJobRequest,
        lambda c, ids: c.create_training_job("BASIC", CreateTrainingJobReq(voice_name="hdr")),
    ),
    "show_voice_training_job": (
        sdk.ShowVoiceTrainingJobRequest,
        lambda c, ids: c.show_voice_training_job(ids["training"]),
    ),
    "list_voice_training_jobs": (
        sdk.ListVoiceTrainingJobRequest,
        lambda c, ids: c.list_voice_training_jobs(),
    ),
    "show_job_audit_result": (
        sdk.ShowJobAuditResultRequest,
        lambda c, ids: c.show_job_audit_result(ids["training"]),
    ),
    "show_job_uploading_address": (
        sdk.ShowJobUploadingAddressRequest,
        lambda c, ids: c.show_job_uploading_address(ids["training"]),
    ),
    "commit_voice_training_job": (
        sdk.CommitVoiceTrainingJobRequest,
        lambda c, ids: c.commit_voice_training_job(ids["training"], CommitJobReq(app_user_id=USER)),
    ),
    "show_tenant_duration_cfg": (
        sdk.ShowTenantDurationCfgRequest,
        lambda c, ids: c.show_tenant_duration_cfg(),
    ),
    "show_voice_training_quotas": (
        sdk.ShowVoiceTrainingQuotasRequest,
        lambda c, ids: c.show_voice_training_quotas(),
    ),
    "show_training_segment_info": (
        sdk.ShowTrainingSegmentInfoRequest,
        lambda c, ids: c.show_training_segment_info(ids["training"]),
    ),
    "delete_voice_training_job": (
        sdk.DeleteVoiceTrainingJobRequest,
        lambda c, ids: c.delete_voice_training_job(ids["training"]),
    ),
}


def test_the_app_user_id_goes_with_every_call_whose_sdk_request_takes_it(sandbox):
    server = sandbox()
    sent: list[tuple[str, str | None]] = []
    http = requests.Session()
    http.hooks["response"].append(
        lambda response, *args, **kwargs: sent.append(
            (response.request.method, response.request.headers.get("X-App-UserId"))
        )
    )
    client = client_with_user(server, http)
    ids = {
        "short": client_of(server).create_short_job().job_id,
        "training": client_of(server)
        .create_training_job("BASIC", CreateTrainingJobReq(voice_name="h"))
        .job_id,
    }
    for name, (request_model, call) in CALLS.items():
        sent.clear()
        # Refusals (a commit without data, a PACKAGE job's segments) still carry the header.
        with contextlib.suppress(CloudError):
            call(client, ids)
        takes_it = "x_app_user_id" in request_model.openapi_types
        assert sent, name
        assert {header for _, header in sent} == {USER if takes_it else None}, name


def test_submit_options_update_the_form_and_send_the_app_user_id(sandbox, make_session, monkeypatch, capsys):
    server = sandbox()
    point_environment_at(monkeypatch, server)
    monkeypatch.setenv("METASTUDIO_APP_USER_ID", "from-env")
    session = make_session()
    options = ["--app-user-id", "talent-7", "--custom-text", "Hello there.", "--output-language", "EN"]
    assert main(["submit", str(session.folder), *options]) == 0
    out, err = capsys.readouterr()
    job_id = out.splitlines()[0]
    shown = sdk_client(server).show_voice_training_job(sdk.ShowVoiceTrainingJobRequest(job_id=job_id))
    assert (shown.app_user_id, shown.output_language) == ("talent-7", "EN")
    form = Session.open(session.folder).form
    assert (form.custom_text, form.output_language) == ("Hello there.", "EN")
    assert "Chinese only" in err


def test_status_and_jobs_take_the_app_user_id_option(sandbox, monkeypatch, capsys):
    server = sandbox()
    point_environment_at(monkeypatch, server)
    assert main(["jobs", "--json", "--app-user-id", "reseller-1"]) == 0
    assert main(["jobs", "--json", "--app-user-id", "用户"]) == 2
    assert "X-App-UserId" in capsys.readouterr().err
