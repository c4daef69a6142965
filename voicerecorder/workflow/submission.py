"""One voice-training submission's steps (create, upload, letter, commit) and what the
PACKAGE and SEGMENT flows share: the job a record names, a failed or deleted job replaced, a
rejection only a new letter fixes. The flows themselves are :mod:`voicerecorder.workflow.submit`
and :mod:`voicerecorder.workflow.segment_submit`.
"""

from __future__ import annotations

import logging
import threading
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
from voicerecorder.session.export import pack
from voicerecorder.session.form import VoiceForm
from voicerecorder.session.store import Session
from voicerecorder.text import Bilingual
from voicerecorder.workflow import records
from voicerecorder.workflow.deleted import JobDeletedError, show_recorded_job
from voicerecorder.workflow.events import Reporter, WorkflowEvent, check_cancel, wait_listener
from voicerecorder.workflow.letter import SIGNATURE_MISMATCH, check_letter, letter_content_types
from voicerecorder.workflow.polling import retry_throttled
from voicerecorder.workflow.preflight import PreflightError, preflight
from voicerecorder.workflow.recovery import batch_mark
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


class Submission:
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


def letter_only(record: dict[str, Any]) -> bool:
    """True when the last audit rejection came from the reviewer alone and named no sentence
    (so a new authorization letter, not new recordings, is what it asks for)."""
    return records.TrainingView.of(record).letter_only


def recorded_job(flow: Submission, record: dict[str, Any] | None) -> TrainingJob | None:
    """The job ``record`` names as the service has it; None when there is none, or when this
    computer deleted it (then the record notes when, and a new job is created)."""
    if not record or not record.get("job_id"):
        return None
    try:
        return show_recorded_job(flow.session, flow.client, record)
    except JobDeletedError as deleted:
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


def replacing(record: dict[str, Any], state: str) -> Bilingual:
    reason = records.failure_reason(record)
    job_id = record["job_id"]
    ended = ("failed", "失败") if state == "FAILED" else (f"ended {state}", f"以 {state} 结束")
    return Bilingual(
        f"The training job {job_id} {ended[0]} ({reason}) and cannot be resumed, so creating a "
        "new job with the current recordings.",
        f"训练任务 {job_id} {ended[1]}（{reason}），无法继续，正在用当前的录音创建新任务。",
    )


def same_data(record: dict[str, Any]) -> PreflightError:
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


def send_letter_again(flow: Submission, record: dict[str, Any]) -> SubmitOutcome:
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
