"""``voicerecorder assess`` and ``voicerecorder submit`` end to end, through ``main`` and a real process."""

from __future__ import annotations

import datetime as dt
import json
import time
import types

import pytest
from support.killed_runs import restarted, submit_killed_when, training_records_on_disk
from support.workflow_fixtures import no_saved_cloud_settings, sandbox_factory  # noqa: F401 (fixtures)
from support.workflow_rig import FAST_RETRY, client_of, point_environment_at, training_jobs

from voicerecorder.cli import main
from voicerecorder.cloud import signer, transport
from voicerecorder.session.store import Session
from voicerecorder.workflow import records
from voicerecorder.workflow.assess import METRICS
from voicerecorder.workflow.target import sandbox_data_dir

WAIT = ["--wait", "--interval", "0.1"]


def test_assess_wait_prints_the_metrics(sandbox, make_session, monkeypatch, capsys):
    point_environment_at(monkeypatch, sandbox())
    session = make_session()
    code = main(["assess", str(session.folder), *WAIT])
    out, err = capsys.readouterr()
    job_id = out.splitlines()[0]
    record = records.latest(Session.open(session.folder), records.ASSESS)
    assert record["job_id"] == job_id
    assert code == (3 if any(record["result"][name]["status"] for name in METRICS) else 0)
    for name in METRICS:
        assert name in out
    assert "SUCCEED — Quality check done" in out
    assert "PROCESSING — The quality check is measuring the sample" in err
    assert "voice model" not in out + err
    assert "Sandbox" not in err


def test_assess_refuses_a_session_without_takes(sandbox, make_session, monkeypatch, capsys):
    point_environment_at(monkeypatch, sandbox())
    session = make_session(with_takes=())
    assert main(["assess", str(session.folder)]) == 4
    assert "quality check needs at least" in capsys.readouterr().err


def test_submit_wait_follows_the_job_to_succeed(sandbox, make_session, monkeypatch, capsys):
    server = sandbox()
    point_environment_at(monkeypatch, server)
    session = make_session()
    assert main(["submit", str(session.folder), *WAIT]) == 0
    out, err = capsys.readouterr()
    job_id = out.splitlines()[0]
    assert [job.job_id for job in training_jobs(client_of(server))] == [job_id]
    assert "SUCCEED" in out
    assert "Asset id" in out
    assert "Uploading the recordings: 100%" in err
    manifest = session.manifest_path.read_bytes()
    assert server.keys.sk.encode() not in manifest
    assert job_id.encode() in manifest


def test_sandbox_flag_wins_over_configured_credentials(sandbox, make_session, monkeypatch, capsys):
    configured = sandbox()
    point_environment_at(monkeypatch, configured)
    session = make_session()
    assert main(["submit", str(session.folder), "--sandbox"]) == 0
    out, err = capsys.readouterr()
    assert "Sandbox — nothing leaves this computer" in err
    assert training_jobs(client_of(configured)) == []
    assert (sandbox_data_dir() / "jobs" / f"{out.splitlines()[0]}.json").is_file()


def test_audit_failure_on_the_command_line_says_what_to_record_again(
    sandbox, make_session, rerecord, monkeypatch, capsys
):
    point_environment_at(monkeypatch, sandbox("reject=7"))
    session = make_session()
    folder = str(session.folder)
    assert main(["submit", folder, *WAIT]) == 3
    out = capsys.readouterr().out
    job_id = out.splitlines()[0]
    assert "AUDIT_FAILED" in out
    assert "Sentence 8 (file 7.wav), take take-1.wav: MetaStudio's audit rejected this recording." in out
    assert "(MetaStudio: MSS.20020018 " in out
    assert f"voicerecorder submit {folder}" in out
    assert job_id in out.splitlines()[-1]

    assert main(["submit", folder]) == 4
    assert "Sentence 8 (file 7.wav): was rejected by the MetaStudio audit" in capsys.readouterr().err

    rerecord(Session.open(session.folder, writer="tests"), [7])
    assert main(["submit", folder, *WAIT]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == job_id
    assert "SUCCEED" in out


def test_without_credentials_the_labelled_sandbox_keeps_the_job_for_later_commands(make_session, capsys):
    session = make_session()
    assert main(["submit", str(session.folder)]) == 0
    out, err = capsys.readouterr()
    job_id = out.splitlines()[0]
    assert "Sandbox — nothing leaves this computer" in err
    assert f"voicerecorder status {job_id} --wait --sandbox" in out
    assert main(["status", job_id, "--sandbox", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["job"]["job_id"] == job_id
    assert shown["job"]["voice_name"] == session.form.voice_name


def test_wrong_credentials_are_named_and_nothing_is_recorded(sandbox, make_session, monkeypatch, capsys):
    point_environment_at(monkeypatch, sandbox(), sk="NotTheSecretKeyOfThisAccount")
    session = make_session()
    assert main(["submit", str(session.folder)]) == 1
    err = capsys.readouterr().err
    assert "refused the credentials" in err
    assert "NotTheSecretKeyOfThisAccount" not in err
    assert Session.open(session.folder).jobs(records.TRAINING) == []


def test_a_skewed_clock_is_reported_in_minutes(sandbox, make_session, monkeypatch, capsys):
    point_environment_at(monkeypatch, sandbox())
    skew = dt.timedelta(minutes=-20)

    class SkewedDatetime(dt.datetime):
        @classmethod
        def now(cls, tz=None):
            return dt.datetime.now(tz) + skew

    monkeypatch.setattr(signer, "datetime", SkewedDatetime)
    monkeypatch.setattr(
        transport,
        "time",
        types.SimpleNamespace(time=lambda: time.time() + skew.total_seconds(), monotonic=time.monotonic),
    )
    session = make_session()
    assert main(["submit", str(session.folder)]) == 1
    err = capsys.readouterr().err
    assert "clock is off by 20 minutes" in err
    assert Session.open(session.folder).jobs(records.TRAINING) == []


def test_authorization_letter_is_uploaded_with_the_job(sandbox, make_session, monkeypatch, tmp_path, capsys):
    server = sandbox()
    point_environment_at(monkeypatch, server)
    letter = tmp_path / "letter.png"
    letter.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    session = make_session()
    assert main(["submit", str(session.folder), "--letter", str(letter)]) == 0
    job_id = capsys.readouterr().out.splitlines()[0]
    record = records.latest(Session.open(session.folder), records.TRAINING)
    assert record["letter"]["uploaded"] is True
    assert record["letter"]["file"] == "letter.png"
    assert client_of(server).show_voice_training_job(job_id).voice_authorization_url


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("letter.txt", b"signed", "must be a PDF, JPG or PNG"),
        ("letter.pdf", b"\x89PNG\r\n\x1a\n", "is not really a PDF file"),
        ("missing.pdf", None, "Cannot read the authorization letter"),
    ],
)
def test_a_wrong_letter_is_refused_before_anything_is_sent(
    sandbox, make_session, monkeypatch, tmp_path, capsys, name, content, words
):
    server = sandbox()
    point_environment_at(monkeypatch, server)
    letter = tmp_path / name
    if content is not None:
        letter.write_bytes(content)
    session = make_session()
    assert main(["submit", str(session.folder), "--letter", str(letter)]) == 2
    assert words in capsys.readouterr().err
    assert training_jobs(client_of(server)) == []


def test_interval_out_of_range_is_a_usage_error(make_session, capsys):
    session = make_session(with_takes=())
    assert main(["submit", str(session.folder), "--wait", "--interval", "0.01"]) == 2
    assert "--interval" in capsys.readouterr().err


def test_killed_between_create_and_upload_then_submitted_again(sandbox, make_session, monkeypatch, tmp_path):
    slow = sandbox("latency=0.3")
    point_environment_at(monkeypatch, slow)
    session = make_session()
    session.close()

    def created() -> bool:
        jobs = training_records_on_disk(session)
        return bool(jobs) and jobs[-1]["step"] == "created"

    stderr = submit_killed_when(session.folder, created)
    killed = records.latest(Session.open(session.folder), records.TRAINING)
    assert killed is not None, stderr
    assert killed["step"] == "created"
    server = restarted(sandbox, slow)
    point_environment_at(monkeypatch, server)
    assert main(["submit", str(session.folder), *WAIT]) == 0
    client = client_of(server, FAST_RETRY)
    assert [job.job_id for job in training_jobs(client)] == [killed["job_id"]]
    assert client.show_voice_training_job(killed["job_id"]).state == "SUCCEED"


def test_submit_refuses_a_non_ascii_app_user_id(sandbox, make_session, monkeypatch, capsys):
    server = sandbox()
    point_environment_at(monkeypatch, server)
    session = make_session()
    assert main(["submit", str(session.folder), "--app-user-id", "用户"]) == 2
    assert "X-App-UserId" in capsys.readouterr().err
    assert training_jobs(client_of(server)) == []
