"""Following a training job: its state, the audit's verdict mapped back to sentences, the asset id."""

from __future__ import annotations

import re
import threading
from typing import Any

from voicerecorder.cloud.client import MetaStudioClient
from voicerecorder.cloud.models import AuditResult, TrainingJob
from voicerecorder.cloud.states import describe_state, is_terminal, needs_action
from voicerecorder.session.store import Session
from voicerecorder.text import Bilingual
from voicerecorder.workflow import records
from voicerecorder.workflow.deleted import show_recorded_job
from voicerecorder.workflow.events import Reporter, WorkflowEvent, ignore, wait_listener
from voicerecorder.workflow.polling import PollPolicy, poll
from voicerecorder.workflow.records import ADMIN_AUDIT

# "7.wav", "7.txt" and the documentation's "audio_7.wav" / "text_7.txt".
_ZIP_FILE = re.compile(r"(?:^|[^0-9])([0-9]+)\.(?:wav|txt)$", re.IGNORECASE)


def _zip_number(*names: str | None) -> int | None:
    for name in names:
        match = _ZIP_FILE.search((name or "").strip())
        if match:
            return int(match.group(1))
    return None


def audit_entries(session: Session, package: dict[str, Any], audit: AuditResult) -> list[dict[str, Any]]:
    """Each audit error with the session sentence and take it concerns (through the package's
    numbering); ``index`` is None for errors about the package as a whole or the reviewer's note."""
    entries = []
    system = audit.system_audit_result
    for error in system.errors if system else ():
        number = _zip_number(error.audio_name, error.text_name)
        index = take = None
        if number is not None and number < len(package["sentences"]):
            index, take = package["sentences"][number], package["takes"][number]
        entries.append(
            {
                "index": index,
                "sentence_id": session.sentence(index).id if index is not None else None,
                "take": take,
                "file": error.audio_name or error.text_name or "",
                "code": error.error_code,
                "message": error.error_message,
            }
        )
    admin = audit.admin_audit_result
    if admin and admin.message and not entries:
        entries.append(
            {
                "index": None,
                "sentence_id": None,
                "take": None,
                "file": admin.attachment_name or "",
                "code": ADMIN_AUDIT,
                "message": admin.message,
            }
        )
    return entries


def apply_job(session: Session, client: MetaStudioClient, record: dict[str, Any], job: TrainingJob) -> None:
    """Save what ``job`` says into ``record``: its state, and on AUDIT_FAILED (once per commit)
    the audit errors with the sentences marked for re-recording; on SUCCEED the asset id; on
    FAILED the reason. Blocks on the network (worker thread)."""
    record["state"] = job.state
    if job.state == "AUDIT_FAILED" and record.get("audit_for_commit") != record.get("commits"):
        package = record.get("package") or _sentence_numbering(session)
        entries = audit_entries(session, package, client.show_job_audit_result(job.job_id))
        record["audit"] = entries
        record["audit_for_commit"] = record.get("commits")
        session.mark_for_rerecord(sorted({e["index"] for e in entries if e["index"] is not None}))
    if job.state == "SUCCEED":
        record["asset_id"] = job.asset_id
    if job.state == "FAILED":
        record["failure"] = {"code": job.job_failed_code, "reason": job.job_failed_reason}
    records.save(session, records.TRAINING, record)


def _sentence_numbering(session: Session) -> dict[str, Any]:
    """A SEGMENT job's numbering: file N is sentence N, with its chosen take."""
    takes = [session.chosen_take(index) for index in range(session.sentence_count)]
    return {"sentences": list(range(session.sentence_count)), "takes": [t.file if t else None for t in takes]}


def refresh(session: Session, client: MetaStudioClient) -> TrainingJob:
    """Ask once for the session's training job and save what it says (see :func:`apply_job`)."""
    record = _current(session)
    job = show_recorded_job(session, client, record)
    apply_job(session, client, record, job)
    return job


def _current(session: Session) -> dict[str, Any]:
    record = records.latest(session, records.TRAINING)
    if not record or not record.get("job_id"):
        raise records.nothing_submitted()
    return record


def track(
    session: Session,
    client: MetaStudioClient,
    *,
    reporter: Reporter = ignore,
    cancel: threading.Event | None = None,
    policy: PollPolicy | None = None,
) -> TrainingJob:
    """Poll the session's training job until it is SUCCEED or FAILED or waits for the person
    (AUDIT_FAILED …), reporting every state with its description and saving it. Blocks: call it
    from a worker thread; ``cancel`` stops it between polls. A slow service is reported as
    ``wait`` events."""
    record = _current(session)
    with client.reporting_waits(wait_listener(reporter, record["job_id"])):
        return _follow(session, client, record, reporter, cancel, policy)


def _follow(
    session: Session,
    client: MetaStudioClient,
    record: dict[str, Any],
    reporter: Reporter,
    cancel: threading.Event | None,
    policy: PollPolicy | None,
) -> TrainingJob:

    def changed(job: TrainingJob) -> None:
        apply_job(session, client, record, job)
        reporter(WorkflowEvent("state", describe_state(job.state), state=job.state, job_id=job.job_id))
        if job.state == "AUDIT_FAILED":
            reporter(WorkflowEvent("audit", describe_state(job.state), state=job.state, job_id=job.job_id))

    return poll(
        lambda: show_recorded_job(session, client, record),
        lambda job: job.state,
        lambda job: is_terminal(job.state) or needs_action(job.state),
        changed,
        policy or PollPolicy(),
        cancel,
        waiting=wait_listener(reporter, record["job_id"]),
    )


def rerecord_lines(record: dict[str, Any]) -> list[Bilingual]:
    """One line per audit error of ``record``: the sentence (1-based), its file and take, and why."""
    return [entry.line() for entry in records.TrainingView.of(record).audit]
