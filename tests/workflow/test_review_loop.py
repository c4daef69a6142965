"""The review loop against the sandbox over HTTP: a letter-only rejection fixed by a new letter
alone, the letter's Content-Type, jobs the review ended, and deleting a job (and submitting the
session again afterwards)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
import requests
from support.workflow_rig import FAST_POLL, client_of, point_environment_at, training_jobs

from voicerecorder.cli import main
from voicerecorder.cloud.errors import NotFoundError
from voicerecorder.errors import EXIT_FAILED, EXIT_REFUSED, UserFacingError
from voicerecorder.sandbox.training import ADMIN_REJECT_REASON
from voicerecorder.session.store import Session
from voicerecorder.workflow import records
from voicerecorder.workflow.delete import delete_job
from voicerecorder.workflow.deleted import JobDeletedError
from voicerecorder.workflow.letter import letter_content_types
from voicerecorder.workflow.preflight import PreflightError
from voicerecorder.workflow.submission import letter_only
from voicerecorder.workflow.submit import submit
from voicerecorder.workflow.track import refresh, track

PNG = b"\x89PNG\r\n\x1a\n"
JPEG = b"\xff\xd8\xff\xe0"


def _letter(tmp_path, name, head=b"%PDF-1.4\n", body=b"signed"):
    path = tmp_path / name
    path.write_bytes(head + body * 50)
    return path


def _stored_letter(client, job_id):
    url = client.show_voice_training_job(job_id).voice_authorization_url
    return requests.get(url, timeout=10).content


def test_letter_types_start_with_the_files_own():
    assert letter_content_types(Path("a.PDF")) == (
        "application/pdf",
        "image/jpeg",
        "image/png",
        "application/octet-stream",
    )
    assert letter_content_types(Path("scan.jpeg"))[0] == "image/jpeg"
    assert letter_content_types(Path("scan.png"))[:2] == ("image/png", "application/pdf")


@pytest.mark.parametrize(
    ("signed_for", "name", "head", "tried_first"),
    [
        ("application/pdf", "letter.pdf", b"%PDF-1.4\n", True),
        ("image/png", "letter.pdf", b"%PDF-1.4\n", False),
        ("image/jpeg", "photo.jpg", JPEG, True),
        ("application/octet-stream", "photo.png", PNG, False),
    ],
)
def test_letter_goes_with_the_type_its_link_was_signed_for(
    sandbox, make_session, tmp_path, signed_for, name, head, tried_first
):
    client = client_of(sandbox(f"letter_type={signed_for}"))
    session = make_session()
    letter = _letter(tmp_path, name, head)
    outcome = submit(session, client, letter=letter)
    record = records.latest(session, records.TRAINING)
    assert record["letter"]["content_type"] == signed_for
    assert (letter_content_types(letter)[0] == signed_for) is tried_first
    assert _stored_letter(client, outcome.job_id) == letter.read_bytes()


def test_letter_only_rejection_is_fixed_by_a_new_letter_alone(sandbox, make_session, tmp_path):
    client = client_of(sandbox("admin_reject=1x"))
    session = make_session()
    first = submit(session, client, letter=_letter(tmp_path, "unsigned.pdf"))
    assert track(session, client, policy=FAST_POLL).state == "AUDIT_FAILED"
    record = records.latest(session, records.TRAINING)
    assert letter_only(record)
    assert [entry["message"] for entry in record["audit"]] == [ADMIN_REJECT_REASON]
    assert session.marked_for_rerecord == frozenset()

    for again in (None, tmp_path / "unsigned.pdf"):
        with pytest.raises(PreflightError) as refused:
            submit(session, client, letter=again)
        assert "--letter NEW.pdf" in refused.value.message.en
        assert ADMIN_REJECT_REASON in refused.value.message.en

    exports = len(session.exports)
    events = []
    signed = _letter(tmp_path, "signed.pdf", body=b"signed by the talent")
    outcome = submit(session, client, letter=signed, reporter=events.append)
    assert (outcome.action, outcome.job_id) == ("resubmitted", first.job_id)
    steps = [event.step for event in events]
    assert "pack" not in steps
    assert {event.message.en for event in events if event.step == "upload"} == {
        "Uploading the authorization letter"
    }
    assert len(Session.open(session.folder).exports) == exports
    assert _stored_letter(client, first.job_id) == signed.read_bytes()
    assert track(session, client, policy=FAST_POLL).state == "SUCCEED"
    assert records.latest(session, records.TRAINING)["commits"] == 2
    assert [job.job_id for job in training_jobs(client)] == [first.job_id]


def test_a_sentence_rejection_is_not_letter_only(sandbox, make_session, tmp_path):
    client = client_of(sandbox("reject=3"))
    session = make_session()
    submit(session, client)
    assert track(session, client, policy=FAST_POLL).state == "AUDIT_FAILED"
    assert not letter_only(records.latest(session, records.TRAINING))
    with pytest.raises(PreflightError, match="Sentence 4"):
        submit(session, client, letter=_letter(tmp_path, "new.pdf"))


def test_a_job_the_user_review_rejected_is_replaced_by_a_new_one(sandbox, make_session):
    client = client_of(sandbox("user_reject=1x"))
    session = make_session()
    first = submit(session, client)
    assert track(session, client, policy=FAST_POLL).state in ("USER_RESULT_REVIEW", "USER_REVIEW_REJECT")
    for _ in range(1000):
        if refresh(session, client).state == "USER_REVIEW_REJECT":
            break
        time.sleep(0.02)
    assert records.latest(session, records.TRAINING)["state"] == "USER_REVIEW_REJECT"
    events = []
    second = submit(session, client, reporter=events.append)
    assert second.action == "created"
    assert second.job_id != first.job_id
    assert records.latest(session, records.TRAINING)["replaces"] == first.job_id
    assert any("ended USER_REVIEW_REJECT" in event.message.en for event in events if event.step == "replace")


def test_delete_refuses_a_job_in_review_then_deletes_it_when_it_waits(sandbox, make_session):
    client = client_of(sandbox("reject=1", speed=0.5))
    session = make_session()
    job_id = submit(session, client).job_id
    with pytest.raises(UserFacingError) as refused:
        delete_job(client, job_id)
    assert refused.value.exit_code == EXIT_REFUSED
    assert "SYSTEM_AUDITING" in refused.value.message.en
    assert "cannot be deleted now" in refused.value.message.en
    client.show_voice_training_job(job_id)


def test_cli_delete_asks_and_refuses(sandbox, make_session, monkeypatch, capsys):
    server = sandbox("reject=1")
    point_environment_at(monkeypatch, server)
    client = client_of(server)
    session = make_session()
    job_id = submit(session, client).job_id
    assert track(session, client, policy=FAST_POLL).state == "AUDIT_FAILED"

    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert main(["delete", job_id]) == 2
    assert "--yes" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    assert main(["delete", job_id]) == 0
    assert "Not deleted." in capsys.readouterr().out
    client.show_voice_training_job(job_id)
    monkeypatch.setattr("builtins.input", lambda prompt: "y")
    assert main(["delete", job_id]) == 0
    assert f"Deleted job {job_id}." in capsys.readouterr().out
    with pytest.raises(NotFoundError):
        client.show_voice_training_job(job_id)
    assert main(["status", job_id]) == EXIT_FAILED
    assert f"Job {job_id} was deleted" in capsys.readouterr().err


def test_cli_delete_yes_and_in_progress(sandbox, make_session, monkeypatch, capsys):
    server = sandbox(speed=0.5)
    point_environment_at(monkeypatch, server)
    job_id = submit(make_session(), client_of(server)).job_id
    assert main(["delete", job_id, "--yes"]) == EXIT_REFUSED
    assert "is SYSTEM_AUDITING" in capsys.readouterr().err
    client_of(server).show_voice_training_job(job_id)


def test_cli_letter_only_rejection_shows_the_reason_and_takes_a_new_letter(
    sandbox, make_session, monkeypatch, tmp_path, capsys
):
    server = sandbox("admin_reject=1x")
    point_environment_at(monkeypatch, server)
    session = make_session()
    folder = str(session.folder)
    assert (
        main(["submit", folder, "--letter", str(_letter(tmp_path, "a.pdf")), "--wait", "--interval", "0.1"])
        == 3
    )
    job_id = capsys.readouterr().out.splitlines()[0]
    assert main(["status", job_id]) == 0
    assert f"MetaStudio's reviewer: {ADMIN_REJECT_REASON}" in capsys.readouterr().out
    new = _letter(tmp_path, "b.pdf", body=b"signed again")
    assert main(["submit", folder, "--letter", str(new), "--wait", "--interval", "0.1"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == job_id


def test_a_session_whose_job_was_deleted_here_is_submitted_as_a_new_job(
    sandbox, make_session, isolated_data_dir
):
    client = client_of(sandbox("fail=1"))
    session = make_session()
    old = submit(session, client).job_id
    assert track(session, client, policy=FAST_POLL).state == "FAILED"
    delete_job(client, old)
    journal = json.loads((isolated_data_dir / "deleted-jobs.json").read_text())
    assert list(journal) == [old]

    with pytest.raises(JobDeletedError) as gone:
        refresh(session, client)
    assert f"Job {old} was deleted" in gone.value.message.en
    assert records.latest(session, records.TRAINING)["deleted"] == journal[old]
    assert "Submit the session again" in gone.value.message.en
    assert "再次提交" in gone.value.message.zh
    events = []
    outcome = submit(session, client, reporter=events.append)
    assert (outcome.action, outcome.record["replaces"]) == ("created", old)
    assert outcome.job_id != old
    assert client.show_voice_training_job(outcome.job_id).state != "CREATING"
    first, second = session.jobs(records.TRAINING)
    assert (first["job_id"], first["deleted"]) == (old, journal[old])
    assert second["job_id"] == outcome.job_id
    assert any(f"{old} was deleted" in event.message.en for event in events if event.step == "replace")


def test_a_job_gone_without_a_deletion_here_stays_an_error_and_creates_nothing(sandbox, make_session):
    # "Not found" is also what a wrong region or project gets: no new paid job on a guess.
    client = client_of(sandbox("reject=1"))
    session = make_session()
    old = submit(session, client).job_id
    assert track(session, client, policy=FAST_POLL).state == "AUDIT_FAILED"
    client.delete_voice_training_job(old)
    with pytest.raises(NotFoundError):
        submit(session, client)
    with pytest.raises(NotFoundError):
        refresh(session, client)
    assert [record["job_id"] for record in session.jobs(records.TRAINING)] == [old]
    assert training_jobs(client) == []
