"""The cloud quality check (VOICE_ASSESS short job): pack, create, upload, commit, poll, save.

Resumable: the short job's id and upload URL are saved before the upload, so after a crash
the same job is used again (its URL re-used while valid). Short jobs have no way to renew
an upload URL; once it has expired that job is abandoned (it was never committed, so it
never runs) and a new one is created. A finished check of the same package is not repeated.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from voicerecorder.cloud.client import MetaStudioClient
from voicerecorder.cloud.errors import UrlExpiredError
from voicerecorder.cloud.models import AssessResult, CreateShortJobReq, ShortJob
from voicerecorder.cloud.states import describe_state, is_terminal
from voicerecorder.errors import EXIT_REFUSED, UserFacingError
from voicerecorder.session.export import pack_assessment
from voicerecorder.session.store import Session
from voicerecorder.text import Bilingual
from voicerecorder.workflow import records
from voicerecorder.workflow.events import Reporter, WorkflowEvent, check_cancel, ignore, wait_listener
from voicerecorder.workflow.polling import PollPolicy, poll, retry_throttled
from voicerecorder.workflow.upload import ZIP_CONTENT_TYPE, put_file

METRICS = ("speed", "sound", "snr", "reverb", "dnsmos_ovrl", "dnsmos_bak")
DEFAULT_ASSESS_MAX_S = 300
DEFAULT_ASSESS_MIN_S = 3


@dataclass(frozen=True)
class AssessmentOutcome:
    """Where the quality check stands; ``record`` is what the session keeps (see records.py)."""

    job_id: str
    state: str
    record: dict[str, Any]
    reused: bool = False

    @property
    def finished(self) -> bool:
        return is_terminal(self.state)

    @property
    def out_of_range(self) -> list[str]:
        """The metrics MetaStudio marks as out of range."""
        result = self.record.get("result") or {}
        return [name for name in METRICS if (result.get(name) or {}).get("status")]


def result_dict(result: AssessResult | None) -> dict[str, Any] | None:
    """The six metrics and the overall suggestion as stored in the session."""
    if result is None:
        return None
    stored: dict[str, Any] = {"suggestion": result.suggestion}
    for name in METRICS:
        metric = getattr(result, name)
        stored[name] = (
            None
            if metric is None
            else {
                "expected": metric.expected,
                "actual": metric.actual,
                "advice_en": metric.suggestion_en,
                "advice_zh": metric.suggestion,
                "status": metric.status,
            }
        )
    return stored


class _Assessment:
    """The steps of one quality-check run; every method runs on the caller's (worker) thread."""

    def __init__(
        self,
        session: Session,
        client: MetaStudioClient,
        reporter: Reporter,
        cancel: threading.Event | None,
        clock: Callable[[], float],
    ) -> None:
        self.session = session
        self.client = client
        self.reporter = reporter
        self.cancel = cancel
        self.clock = clock

    def say(self, step: str, message: Bilingual, **extra: Any) -> None:
        self.reporter(WorkflowEvent(step, message, **extra))

    def pack(self) -> dict[str, Any]:
        self.say("pack", Bilingual("Packing the quality-check sample…", "正在打包质量检测样本……"))
        limits = self.client.show_tenant_duration_cfg()
        try:
            packed = pack_assessment(
                self.session,
                max_seconds=float(limits.short_assess_max or DEFAULT_ASSESS_MAX_S),
                min_seconds=float(limits.short_assess_min or DEFAULT_ASSESS_MIN_S),
            )
        except UserFacingError as error:
            raise UserFacingError(error.message, exit_code=EXIT_REFUSED) from None
        return records.package_info(self.session, packed)

    def start(self, package: dict[str, Any], record: dict[str, Any] | None) -> dict[str, Any]:
        """The record of the job to upload to: the unfinished one when usable, else a new job."""
        if record and record["step"] == "created" and records.url_usable(record.get("upload"), self.clock()):
            record["package"] = package
            self.say(
                "resume",
                Bilingual("Continuing the interrupted quality check.", "继续未完成的质量检测。"),
                job_id=record["job_id"],
            )
            return records.save(self.session, records.ASSESS, record)
        if record and record["step"] == "created":
            record["step"] = "abandoned"
            records.save(self.session, records.ASSESS, record)
        language = self.session.script.language
        self.say("create", Bilingual("Creating the quality-check job…", "正在创建质量检测任务……"))
        created = retry_throttled(
            lambda: self.client.create_short_job(CreateShortJobReq(language=language)),
            self.cancel,
            waiting=wait_listener(self.reporter),
        )
        fresh = {
            "job_id": created.job_id,
            "language": language,
            "step": "created",
            "state": "CREATING",
            "package": package,
            "upload": records.upload_info(created.data_uploading_url or ""),
            "result": None,
            "failure": None,
        }
        return records.save(self.session, records.ASSESS, fresh, new=True)

    def upload_and_commit(self, record: dict[str, Any]) -> dict[str, Any]:
        job_id = record["job_id"]
        what = Bilingual("Uploading the quality-check sample", "正在上传质量检测样本")
        try:
            result = put_file(
                record["upload"]["url"],
                records.package_path(self.session, record),
                ZIP_CONTENT_TYPE,
                what,
                self.reporter,
                self.cancel,
                job_id,
                self.client.config.first_notice_s,
            )
        except UrlExpiredError:
            record["step"] = "abandoned"
            records.save(self.session, records.ASSESS, record)
            raise
        record["upload"].update(md5=result.md5, etag=result.etag)
        record["step"] = "uploaded"
        records.save(self.session, records.ASSESS, record)
        check_cancel(self.cancel)
        self.commit(record)
        return record

    def commit(self, record: dict[str, Any]) -> None:
        if self.client.show_short_job(record["job_id"]).state == "CREATING":
            self.say(
                "commit",
                Bilingual("Starting the quality check…", "正在启动质量检测……"),
                job_id=record["job_id"],
            )
            commit = self.client.commit_short_job
            retry_throttled(
                lambda: commit(record["job_id"]), self.cancel, waiting=wait_listener(self.reporter)
            )
        record["step"] = "committed"
        records.save(self.session, records.ASSESS, record)

    def follow(self, record: dict[str, Any], policy: PollPolicy) -> ShortJob:
        def changed(job: ShortJob) -> None:
            self.say(
                "state", describe_state(job.state, quality_check=True), state=job.state, job_id=job.job_id
            )

        job = poll(
            lambda: self.client.show_short_job(record["job_id"]),
            lambda job: job.state,
            lambda job: is_terminal(job.state),
            changed,
            policy,
            self.cancel,
            waiting=wait_listener(self.reporter, record["job_id"]),
        )
        record.update(step="finished", state=job.state, result=result_dict(job.assess_result))
        if job.state == "FAILED":
            record["failure"] = {"code": job.job_failed_code, "reason": job.job_failed_reason}
        records.save(self.session, records.ASSESS, record)
        return job


def run_assessment(
    session: Session,
    client: MetaStudioClient,
    *,
    wait: bool = True,
    reporter: Reporter = ignore,
    cancel: threading.Event | None = None,
    policy: PollPolicy | None = None,
    clock: Callable[[], float] = time.time,
) -> AssessmentOutcome:
    """Run (or continue) the cloud quality check of ``session``; blocks, so call it from a
    worker thread. With ``wait`` it polls until SUCCEED or FAILED and saves the metrics.

    Raises UserFacingError subclasses (cloud errors, too little audio, WorkflowCancelled).
    A slow service is reported as ``wait`` events.
    """
    with client.reporting_waits(wait_listener(reporter)):
        return _assess(_Assessment(session, client, reporter, cancel, clock), wait, policy)


def _assess(flow: _Assessment, wait: bool, policy: PollPolicy | None) -> AssessmentOutcome:
    session, client, cancel = flow.session, flow.client, flow.cancel
    record = records.latest(session, records.ASSESS)
    if record and record["step"] in ("uploaded", "committed"):
        if record["step"] == "uploaded":
            flow.commit(record)
    else:
        package = flow.pack()
        if record and record["step"] == "finished" and record["package"]["sha256"] == package["sha256"]:
            flow.say(
                "done",
                Bilingual(
                    "This sample was already checked; showing that result.",
                    "该样本已检测过，显示之前的结果。",
                ),
                job_id=record["job_id"],
            )
            return AssessmentOutcome(record["job_id"], record["state"], record, reused=True)
        check_cancel(cancel)
        record = flow.start(package, record)
        try:
            record = flow.upload_and_commit(record)
        except UrlExpiredError:
            record = flow.upload_and_commit(flow.start(package, record))
    if wait:
        job = flow.follow(record, policy or PollPolicy(first_s=2.0, max_s=30.0))
        return AssessmentOutcome(job.job_id, job.state, record)
    state = client.show_short_job(record["job_id"]).state
    return AssessmentOutcome(record["job_id"], state, record)
