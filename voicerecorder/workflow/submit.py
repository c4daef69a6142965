"""Submitting a session for voice training, resuming an interrupted submission, and sending
re-recorded data again after the audit rejected some sentences — always to one job.

The order of writes makes a crash harmless: an *intent* record (with its batch mark, see
:mod:`voicerecorder.workflow.recovery`) goes into the session before CreateTraining*Job is
sent; the job id (with its upload URL and the package's sha256) is written as soon as the
answer arrives, before anything is uploaded. A run that finds an intent without a job id
looks its job up by that mark before creating one, so there is never a second job.

A package is only *intended* (step ``created``) until its upload is verified (step
``uploaded``: the stored object's ETag equals the file's MD5); only a commit makes it the
data under review (``committed_sha256``). A rerun after an interruption continues from the
recorded step: before a verified upload it packs and uploads again, after one it only
commits.
"""

from __future__ import annotations

import functools
import logging
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from voicerecorder.cloud.client import MetaStudioClient
from voicerecorder.cloud.errors import ObsError, UrlExpiredError
from voicerecorder.cloud.models import CommitJobReq, CreateTrainingJobReq, SegmentUploadingUrls, TrainingJob
from voicerecorder.cloud.obs import UploadResult
from voicerecorder.cloud.states import REPLACED_STATES
from voicerecorder.session.export import pack
from voicerecorder.session.form import VoiceForm, voice_form_warnings
from voicerecorder.session.problems import sentence_label
from voicerecorder.session.store import Session
from voicerecorder.text import Bilingual
from voicerecorder.workflow import records
from voicerecorder.workflow.deleted import JobDeletedError, show_job
from voicerecorder.workflow.events import Reporter, WorkflowEvent, check_cancel, ignore, wait_listener
from voicerecorder.workflow.letter import SIGNATURE_MISMATCH, check_letter, letter_content_types
from voicerecorder.workflow.polling import retry_throttled
from voicerecorder.workflow.preflight import PreflightError, preflight
from voicerecorder.workflow.recovery import batch_mark, find_created
from voicerecorder.workflow.segments import REJECTED, SegmentQueue, SegmentState
from voicerecorder.workflow.track import apply_job
from voicerecorder.workflow.upload import ZIP_CONTENT_TYPE, put_file

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SubmitOutcome:
    """What ``submit`` did: ``action`` is ``created``, ``resumed``, ``resubmitted`` or
    ``unchanged`` (the job is already under review, training or finished)."""

    job_id: str
    state: str
    action: str
    record: dict[str, Any]


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class _Submission:
    """The steps of one submit run; every method runs on the caller's (worker) thread."""

    def __init__(
        self,
        session: Session,
        client: MetaStudioClient,
        letter: Path | None,
        reporter: Reporter,
        cancel: threading.Event | None,
        clock: Callable[[], float],
    ) -> None:
        self.session, self.client, self.letter = session, client, letter
        self.reporter, self.cancel, self.clock = reporter, cancel, clock
        self.letter_sha = check_letter(letter) if letter is not None else None
        self.waiting = wait_listener(reporter)

    def say(self, step: str, message: Bilingual, record: dict[str, Any] | None = None) -> None:
        self.reporter(WorkflowEvent(step, message, job_id=(record or {}).get("job_id")))

    def save(self, record: dict[str, Any], *, new: bool = False) -> dict[str, Any]:
        return records.save(self.session, records.TRAINING, record, new=new)

    # -- finding or creating the job ----------------------------------------------------------

    def create(self, record: dict[str, Any] | None, package: dict[str, Any]) -> dict[str, Any]:
        form, edition = self.session.form, self.session.edition
        token = uuid.uuid4().hex
        intent = {
            "token": token,
            "batch_name": batch_mark(token),
            "voice_name": form.voice_name,
            "edition": edition,
            "time": _iso(datetime.fromtimestamp(self.clock(), UTC)),
            "time_s": self.clock(),
        }
        fresh = record is None or record.get("job_id") is not None
        replaces = (record or {}).get("job_id" if fresh else "replaces")
        record = {
            "intent": intent,
            "job_id": None,
            "replaces": replaces,
            "edition": edition,
            "step": "intent",
            "state": None,
            "commits": 0,
            "audit": [],
            "asset_id": None,
            "failure": None,
            "letter": None,
            "package": package,
            "upload": None,
        }
        self.save(record, new=fresh)
        self.say("create", Bilingual("Creating the voice-training job…", "正在创建声音训练任务……"))
        request = CreateTrainingJobReq(
            **_shared_fields(form),
            create_type=self.session.create_type,
            batch_name=intent["batch_name"],
            is_ondemand_resource=form.is_ondemand_resource or None,
            supported_service=form.supported_service or None,
        )
        created = retry_throttled(
            lambda: self.client.create_training_job(edition, request), self.cancel, waiting=self.waiting
        )
        record.update(job_id=created.job_id, step="created", state="CREATING")
        record["upload"] = upload_links(
            created.training_data_uploading_url,
            created.segment_uploading_url,
            created.authorization_letter_uploading_url,
        )
        return self.save(record)

    def adopt(self, record: dict[str, Any], job: TrainingJob) -> dict[str, Any]:
        record.update(job_id=job.job_id, step="created", state=job.state, upload=None)
        self.say(
            "resume",
            Bilingual(
                "Found the job an interrupted run created; continuing with it.",
                "找到上次中断时创建的任务，继续使用它。",
            ),
            record,
        )
        return self.save(record)

    # -- data -----------------------------------------------------------------------------------

    def check(self, *, needs_resource: bool) -> None:
        """The pre-submit check; what it could not verify is reported as ``notice`` events."""
        for notice in preflight(self.session, self.client, needs_resource=needs_resource):
            self.say("notice", notice)

    def pack(self, record: dict[str, Any]) -> dict[str, Any]:
        self.say("pack", Bilingual("Packing the recordings…", "正在打包录音……"), record)
        packed = pack(self.session)
        return records.package_info(self.session, packed)

    def renew(self, record: dict[str, Any]) -> None:
        """Fresh upload links; what an earlier upload stored (MD5, ETag) stays recorded."""
        log.info("asking for fresh upload URLs of job %s", record["job_id"])
        address = self.client.show_job_uploading_address(record["job_id"])
        url = address.package_url.training_data_uploading_url if address.package_url else None
        stored = {key: (record.get("upload") or {}).get(key) for key in ("md5", "etag")}
        links = upload_links(url, address.segment_url, address.authorization_letter_uploading_url)
        record["upload"] = {**links, **stored}
        self.save(record)

    def put(
        self, record: dict[str, Any], url_key: str, path: Path, content_type: str, what: Bilingual
    ) -> UploadResult:
        """Upload ``path`` to the recorded URL ``url_key``; an expired URL is renewed once."""
        for attempt in range(2):
            try:
                url, job_id = record["upload"][url_key], record["job_id"]
                notice = self.client.config.first_notice_s
                return put_file(url, path, content_type, what, self.reporter, self.cancel, job_id, notice)
            except UrlExpiredError:
                if attempt:
                    raise
                self.renew(record)
        raise AssertionError("unreachable: the second attempt returns or raises")

    def upload(self, record: dict[str, Any], *, fresh_url: bool) -> None:
        if fresh_url or not records.url_usable(record.get("upload"), self.clock()):
            self.renew(record)
        what = Bilingual("Uploading the recordings", "正在上传录音")
        result = self.put(record, "url", records.package_path(self.session, record), ZIP_CONTENT_TYPE, what)
        record["upload"].update(md5=result.md5, etag=result.etag)
        record["step"] = "uploaded"
        self.save(record)

    def upload_letter(self, record: dict[str, Any]) -> None:
        if self.letter is None:
            return
        done = record.get("letter") or {}
        if done.get("uploaded") and done.get("sha256") == self.letter_sha:
            return
        if not (record.get("upload") or {}).get("letter_url"):
            self.renew(record)
        what = Bilingual("Uploading the authorization letter", "正在上传授权书")
        content_type = self.put_letter(record, self.letter, what)
        record["letter"] = {
            "file": self.letter.name,
            "sha256": self.letter_sha,
            "content_type": content_type,
            "uploaded": True,
        }
        self.save(record)

    def put_letter(self, record: dict[str, Any], letter: Path, what: Bilingual) -> str:
        """Upload the letter with the Content-Type its link was signed for: the file's own type
        first, then the other letter types (OBS refuses any other with SignatureDoesNotMatch and
        stores nothing). Returns the type that was accepted."""
        candidates = letter_content_types(letter)
        for content_type in candidates:
            try:
                self.put(record, "letter_url", letter, content_type, what)
                return content_type
            except ObsError as error:
                if error.code != SIGNATURE_MISMATCH or content_type == candidates[-1]:
                    raise
                log.info("the letter link was not signed for %s; trying the next type", content_type)
        raise AssertionError("unreachable: the last candidate returns or raises")

    def new_letter(self, record: dict[str, Any]) -> bool:
        """True when a letter was given that differs from the one last uploaded to the job."""
        return self.letter_sha is not None and (record.get("letter") or {}).get("sha256") != self.letter_sha

    def commit(self, record: dict[str, Any]) -> TrainingJob:
        form = self.session.form
        self.say("commit", Bilingual("Submitting the job for review…", "正在提交任务审核……"), record)
        request = CommitJobReq(**_shared_fields(form), app_user_id=self.client.config.app_user_id)
        commit = self.client.commit_voice_training_job
        retry_throttled(lambda: commit(record["job_id"], request), self.cancel, waiting=self.waiting)
        record.update(step="committed", commits=record.get("commits", 0) + 1, audit=[])
        record["committed_sha256"] = (record.get("package") or {}).get("sha256")
        self.save(record)
        job = self.client.show_voice_training_job(record["job_id"])
        apply_job(self.session, self.client, record, job)
        return job

    def send(self, record: dict[str, Any], *, fresh_url: bool) -> TrainingJob:
        """Upload the recorded package unless its upload is already verified, then commit."""
        check_cancel(self.cancel)
        if not upload_verified(record):
            self.upload(record, fresh_url=fresh_url)
        check_cancel(self.cancel)
        self.upload_letter(record)
        check_cancel(self.cancel)
        return self.commit(record)


def _shared_fields(form: VoiceForm) -> dict[str, str | None]:
    """The form's fields that CreateTrainingJobReq and CommitJobReq share (empty texts left out)."""
    return {
        "voice_name": form.voice_name,
        "sex": form.sex,
        "language": form.language,
        "tag": form.tag,
        "description": form.description or None,
        "phone": form.phone or None,
        "output_language": form.output_language or None,
        "custom_text": form.custom_text or None,
    }


def upload_links(
    package: str | None, segments: SegmentUploadingUrls | None, letter: str | None
) -> dict[str, Any]:
    """An UPLOAD object for freshly issued links: the zip's (PACKAGE) or the first sentence's
    (SEGMENT, whose ``audio`` and ``txt`` lists hold one link per sentence), and the letter's."""
    audio = list(segments.audio_uploading_url) if segments else []
    upload = records.upload_info(package or (audio[0] if audio else ""))
    upload.update(letter_url=letter, audio=audio, txt=list(segments.txt_uploading_url) if segments else [])
    return upload


def upload_verified(record: dict[str, Any]) -> bool:
    """True when the record's package was uploaded and the stored object's ETag matched its MD5."""
    upload = record.get("upload") or {}
    verified = bool(upload.get("md5")) and upload["md5"] == upload.get("etag")
    return record.get("step") == "uploaded" and verified


def _same_data(record: dict[str, Any]) -> PreflightError:
    if letter_only(record):
        reasons = "; ".join(entry["message"] for entry in record["audit"])
        return PreflightError(
            [
                Bilingual(
                    f"The reviewer rejected the job without naming a sentence: {reasons}. If the "
                    "authorization letter is the problem, submit again with a new letter "
                    "(voicerecorder submit DIR --letter NEW.pdf); the recordings are not sent again.",
                    f"审核人员驳回了任务，但未指出具体句子：{reasons}。如果是授权书的问题，请附上新的授权书"
                    "再次提交（voicerecorder submit DIR --letter NEW.pdf）；录音不会重新上传。",
                )
            ]
        )
    return PreflightError(
        [
            Bilingual(
                "Nothing was recorded again since the audit rejected the data. Record the sentences it "
                "named again, then submit.",
                "自审核未通过以来没有重新录制任何内容。请重新录制审核指出的句子后再提交。",
            )
        ]
    )


def letter_only(record: dict[str, Any]) -> bool:
    """True when the last audit rejection came from the reviewer alone and named no sentence
    (so a new authorization letter, not new recordings, is what it asks for)."""
    return records.TrainingView.of(record).letter_only


def _replacing(record: dict[str, Any], state: str) -> Bilingual:
    reason = records.failure_reason(record)
    job_id = record["job_id"]
    ended = ("failed", "失败") if state == "FAILED" else (f"ended {state}", f"以 {state} 结束")
    return Bilingual(
        f"The training job {job_id} {ended[0]} ({reason}) and cannot be resumed, so creating a "
        "new job with the current recordings.",
        f"训练任务 {job_id} {ended[1]}（{reason}），无法继续，正在用当前的录音创建新任务。",
    )


def submit(
    session: Session,
    client: MetaStudioClient,
    *,
    letter: Path | None = None,
    reporter: Reporter = ignore,
    cancel: threading.Event | None = None,
    clock: Callable[[], float] = time.time,
) -> SubmitOutcome:
    """Submit ``session`` (or continue its submission) to one voice-training job.

    New session: pre-flight, pack, intent, CreateTraining<Edition>Job, upload, letter, commit.
    Job still CREATING (interrupted run): upload the current package and commit (only commit
    when an upload was already verified; the same for an interrupted resubmission).
    Job in AUDIT_FAILED: refuse until the rejected sentences have new passing takes, then
    repack, upload to a fresh URL and commit the same job again. Job FAILED: say so and create a
    new job (its record names the failed one in ``replaces``; the failed record stays as it was).
    Blocks on packing and the network: call it from a worker thread; a slow service is
    reported as ``wait`` events.
    """
    with client.reporting_waits(wait_listener(reporter)):
        return _submit(_Submission(session, client, letter, reporter, cancel, clock))


def _submit(flow: _Submission) -> SubmitOutcome:
    session, client, cancel = flow.session, flow.client, flow.cancel
    if session.create_type == "SEGMENT":
        return _submit_segments(flow)
    record = records.latest(session, records.TRAINING)
    job = _recorded_job(flow, record)
    if job is not None:
        apply_job(session, client, record, job)
        if job.state not in ("CREATING", "AUDIT_FAILED", *REPLACED_STATES):
            return SubmitOutcome(job.job_id, job.state, "unchanged", record)
        if job.state == "AUDIT_FAILED" and flow.new_letter(record) and letter_only(record):
            return _send_letter_again(flow, record)
        if job.state not in REPLACED_STATES:
            return _send_again(flow, record, resubmit=job.state == "AUDIT_FAILED")
        flow.say("replace", _replacing(record, job.state), record)
    if record and record.get("step") == "intent":
        found = find_created(session, client, record["intent"])
        if found is not None:
            return _send_again(flow, flow.adopt(record, found), resubmit=False)
    for warning in voice_form_warnings(session.form, session.edition).values():
        flow.say("warning", warning)
    flow.check(needs_resource=True)
    package = flow.pack(record)
    check_cancel(cancel)
    record = flow.create(record, package)
    job = flow.send(record, fresh_url=False)
    return SubmitOutcome(job.job_id, job.state, "created", record)


def _recorded_job(flow: _Submission, record: dict[str, Any] | None) -> TrainingJob | None:
    """The job ``record`` names as the service has it; None when there is none, or when this
    computer deleted it (then the record notes when, and a new job is created)."""
    if not record or not record.get("job_id"):
        return None
    try:
        return show_job(flow.client, record["job_id"])
    except JobDeletedError as deleted:
        record["deleted"] = deleted.when
        flow.save(record)
        flow.say(
            "replace",
            Bilingual(
                f"The training job {deleted.job_id} was deleted ({deleted.when}), so creating a new job "
                "with the current recordings.",
                f"训练任务 {deleted.job_id} 已被删除（{deleted.when}），正在用当前的录音创建新任务。",
            ),
            record,
        )
        return None


def _send_again(flow: _Submission, record: dict[str, Any], *, resubmit: bool) -> SubmitOutcome:
    """Continue the recorded job: commit a verified upload, else pack, upload and commit (again,
    when ``resubmit``: refused while the package equals the one the audit rejected)."""
    if upload_verified(record):
        flow.say("resume", _verified_upload(), record)
    else:
        _intend(flow, record, resubmit=resubmit)
    job = flow.send(record, fresh_url=resubmit)
    return SubmitOutcome(job.job_id, job.state, "resubmitted" if resubmit else "resumed", record)


def _intend(flow: _Submission, record: dict[str, Any], *, resubmit: bool) -> None:
    """Pack the current takes and record the package as the one to upload (not yet sent)."""
    flow.check(needs_resource=False)
    package = flow.pack(record)
    if resubmit and package["sha256"] == record.get("committed_sha256"):
        raise _same_data(record)
    record.update(package=package, step="created")
    record["upload"] = {**(record.get("upload") or {}), "md5": None, "etag": None}
    flow.save(record)


def _send_letter_again(flow: _Submission, record: dict[str, Any]) -> SubmitOutcome:
    """A rejection only the letter can fix: upload the new letter to a fresh link and commit the
    same job again, without packing or uploading the recordings."""
    flow.say(
        "letter",
        Bilingual(
            "The reviewer named no sentence: sending the new authorization letter and submitting "
            "the same recordings again.",
            "审核人员未指出具体句子：正在发送新的授权书，并再次提交同一批录音。",
        ),
        record,
    )
    check_cancel(flow.cancel)
    flow.renew(record)
    flow.upload_letter(record)
    check_cancel(flow.cancel)
    job = flow.commit(record)
    return SubmitOutcome(job.job_id, job.state, "resubmitted", record)


def _verified_upload() -> Bilingual:
    return Bilingual(
        "The recordings were already uploaded and verified; submitting them without uploading again.",
        "录音已上传并校验通过；直接提交，无需重新上传。",
    )


def _segment_job(flow: _Submission, *, early: bool = False) -> tuple[dict[str, Any], str]:
    """The session's SEGMENT job record (created once, adopted after a crash) and ``created``,
    ``resumed`` (the job is CREATING) or the state of a job that is already further.

    ``early``: the job is wanted while the talent is still recording, so the takes are not
    checked (only the resource, before creating); the commit's own run checks them."""
    session, client = flow.session, flow.client
    check = functools.partial(preflight, session, client, needs_takes=not early)
    record = records.latest(session, records.TRAINING)
    job = _recorded_job(flow, record)
    if job is not None:
        apply_job(session, client, record, job)
        if job.state in ("CREATING", "AUDIT_FAILED") and not early:
            check(needs_resource=False)
        if job.state not in REPLACED_STATES:
            return record, "resumed" if job.state == "CREATING" else job.state
        flow.say("replace", _replacing(record, job.state), record)
    if record and record.get("step") == "intent":
        found = find_created(session, client, record["intent"])
        if found is not None:
            if not early:
                check(needs_resource=False)
            return flow.adopt(record, found), "resumed"
    check(needs_resource=True)
    return flow.create(record, None), "created"


def open_segment_queue(
    session: Session,
    client: MetaStudioClient,
    *,
    reporter: Reporter = ignore,
    cancel: threading.Event | None = None,
) -> SegmentQueue:
    """The SEGMENT session's job (created on the first call, before any take needs to exist;
    adopted after a crash) and its queue, synced with what the service holds. Meant for a job
    still CREATING (before ``submit`` commits it): the record's ``state`` tells. Blocks on the
    network (worker thread)."""
    flow = _Submission(session, client, None, reporter, cancel, time.time)
    record, _ = _segment_job(flow, early=True)
    return _queue(flow, record)


def _queue(flow: _Submission, record: dict[str, Any]) -> SegmentQueue:
    queue = SegmentQueue(
        flow.session,
        flow.client,
        record,
        functools.partial(flow.renew, record),
        reporter=flow.reporter,
        cancel=flow.cancel,
    )
    queue.sync()
    return queue


def _submit_segments(flow: _Submission) -> SubmitOutcome:
    """Send and confirm every pending sentence, then commit the job (with the letter, if given)."""
    record, action = _segment_job(flow)
    if action not in ("created", "resumed", "AUDIT_FAILED"):
        return SubmitOutcome(record["job_id"], action, "unchanged", record)
    if action == "AUDIT_FAILED" and flow.new_letter(record) and letter_only(record):
        return _send_letter_again(flow, record)
    queue = _queue(flow, record)
    sent = queue.run()
    if action == "AUDIT_FAILED" and not sent and not flow.new_letter(record):
        raise _same_data(record)
    rejected = [state for state in queue.states() if state.state == REJECTED]
    if rejected:
        raise PreflightError([_rejected_line(state) for state in rejected])
    check_cancel(flow.cancel)
    flow.upload_letter(record)
    job = flow.commit(record)
    return SubmitOutcome(job.job_id, job.state, "resubmitted" if action == "AUDIT_FAILED" else action, record)


def _rejected_line(state: SegmentState) -> Bilingual:
    label, reason = sentence_label(state.index), state.reason or Bilingual("", "")
    return Bilingual(f"{label.en}: {reason.en}", f"{label.zh}：{reason.zh}")
