"""Mapping the audit back to sentences, and what tracking saves for each final state."""

from __future__ import annotations

from support.workflow_rig import FAST_POLL, client_of

from voicerecorder.cloud.models import (
    AdminAuditResult,
    AuditError,
    AuditResult,
    SystemAuditResult,
    TrainingJob,
)
from voicerecorder.workflow import records
from voicerecorder.workflow.submit import submit
from voicerecorder.workflow.track import apply_job, audit_entries, refresh, rerecord_lines, track

PACKAGE = {
    "path": "exports/x.zip",
    "sha256": "0" * 64,
    "sentences": [3, 5, 9],
    "takes": ["a.wav", "b.wav", "c.wav"],
}


def test_audit_names_map_through_the_package_numbering(make_session):
    session = make_session(with_takes=())
    audit = AuditResult(
        system_audit_result=SystemAuditResult(
            errors=(
                AuditError(
                    audio_name="audio_1.wav", text_name="text_1.txt", error_code="MSS.1", error_message="bad"
                ),
                AuditError(text_name="2.txt", error_code="MSS.2", error_message="wrong language"),
                AuditError(error_code="MSS.20020016", error_message="count"),
                AuditError(audio_name="7.wav", error_code="MSS.3", error_message="beyond the package"),
            )
        )
    )
    entries = audit_entries(session, PACKAGE, audit)
    assert [(e["index"], e["sentence_id"], e["take"]) for e in entries] == [
        (5, "006", "b.wav"),
        (9, "010", "c.wav"),
        (None, None, None),
        (None, None, None),
    ]
    lines = rerecord_lines({"audit": entries})
    assert lines[0].en.startswith(
        "Sentence 6 (file 5.wav), take b.wav: MetaStudio's audit rejected this recording."
    )
    assert lines[0].en.endswith(
        "reading exactly its text in a quiet room, then submit again. (MetaStudio: MSS.1 bad)"
    )
    assert lines[0].zh.startswith("第 6 句（文件 5.wav），录音 b.wav：MetaStudio 审核未通过这条录音。")
    assert lines[0].zh.endswith("（MetaStudio：MSS.1 bad）")
    assert lines[2].en.startswith(
        "The whole package: MetaStudio says the zip does not hold the required number"
    )
    assert lines[2].en.endswith("(MetaStudio: MSS.20020016 count)")


def test_a_reviewers_comment_is_kept_when_no_file_is_named(make_session):
    session = make_session(with_takes=())
    audit = AuditResult(admin_audit_result=AdminAuditResult(message="Background music in several takes."))
    [entry] = audit_entries(session, PACKAGE, audit)
    assert (entry["index"], entry["code"], entry["message"]) == (
        None,
        "ADMIN_AUDIT",
        "Background music in several takes.",
    )
    [line] = rerecord_lines({"audit": [entry]})
    assert line.en == "The whole package: the reviewer wrote: Background music in several takes."
    assert line.zh == "整个数据包：审核人员意见：Background music in several takes."


def test_a_failed_job_keeps_its_reason(sandbox, make_session):
    client = client_of(sandbox())
    session = make_session()
    submit(session, client)
    record = records.latest(session, records.TRAINING)
    failed = TrainingJob(
        job_id=record["job_id"],
        state="FAILED",
        job_failed_code="MSS.2",
        job_failed_reason="training diverged",
    )
    apply_job(session, client, record, failed)
    stored = records.latest(session, records.TRAINING)
    assert stored["state"] == "FAILED"
    assert stored["failure"] == {"code": "MSS.2", "reason": "training diverged"}


def test_the_audit_marks_sentences_once_per_submission(sandbox, make_session, rerecord):
    client = client_of(sandbox("reject=7"))
    session = make_session()
    submit(session, client)
    assert track(session, client, policy=FAST_POLL).state == "AUDIT_FAILED"
    assert session.marked_for_rerecord == {7}
    rerecord(session, [7])
    assert refresh(session, client).state == "AUDIT_FAILED"
    assert session.marked_for_rerecord == frozenset()
