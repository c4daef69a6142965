"""The cloud workflows' records in ``session.json`` (its ``jobs`` area), newest last.

``jobs.assess`` — one object per quality-check (short) job::

    {"job_id", "language", "step": "created|uploaded|committed|finished|abandoned",
     "state", "package": PACKAGE, "upload": UPLOAD, "created", "updated",
     "result": {"speed": METRIC, …, "suggestion"} | null, "failure": {"code", "reason"} | null}

``jobs.training`` — one object per voice-training job::

    {"intent": {"token", "batch_name", "voice_name", "edition", "time", "time_s"},  written before
     the create ("batch_name": the mark sent with it, see workflow/recovery.py)
     "job_id" | null, "replaces": the id of the FAILED job this one replaces | null, "edition",
     "step": "intent|created|uploaded|committed", "state", "commits", "package": PACKAGE
     (the package to send; "uploaded" once its upload is verified), "committed_sha256": the
     sha256 of the package last committed (the data the audit judged),
     "upload": UPLOAD, "letter": {"file", "sha256", "uploaded"} | null,
     "audit": [{"index", "sentence_id", "take", "file", "code", "message"}], "audit_for_commit",
     "asset_id", "failure", "deleted": when this computer deleted the job (workflow/deleted.py;
     the next submission creates a new job) | absent, "created", "updated"}

PACKAGE is ``{"path" (relative to the session folder), "sha256", "sentences": [0-based
session index per zip number], "takes": [chosen take file per zip number]}``; UPLOAD is
``{"expires", "md5", "etag"}`` on disk. The pre-signed links themselves (``url``,
``letter_url``, a SEGMENT job's ``audio`` and ``txt`` lists) grant writing until ``expires``,
so like any token they stay in memory only: a resumed run asks for fresh links (training
jobs) or starts a new quality-check job. A SEGMENT job's record also holds ``segments``:
``{"<sentence index>": {"take", "sha256", "state": "uploading|confirmed|rejected",
"unmatched"}}`` (see workflow/segments.py); its ``package`` is null.
METRIC is ``{"expected", "actual", "advice_en", "advice_zh", "status"}``.

A session runs one workflow at a time (the app and the command line both do); every change
is written to ``session.json`` at once, before the next request is sent.

Readers outside the workflows (the app's pages) do not touch these dicts: :func:`assess_view`
and :func:`training_view` give frozen, typed views (:class:`AssessView`, :class:`TrainingView`)
with the step as a :class:`Step`; states compare with ``voicerecorder.cloud.states.JobState``.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from voicerecorder.cloud.error_map import audit_advice
from voicerecorder.errors import UserFacingError
from voicerecorder.session.export import PackResult
from voicerecorder.session.manifest import utc_now
from voicerecorder.session.problems import sentence_label
from voicerecorder.session.store import Session
from voicerecorder.text import Bilingual

ASSESS = "assess"
TRAINING = "training"
# The code an audit entry carries for a reviewer's comment (the service gives it none).
ADMIN_AUDIT = "ADMIN_AUDIT"

Record = dict[str, Any]


class Step(enum.StrEnum):
    """A record's ``step``: how far its workflow got (a ``str``: ``Step.COMMITTED == "committed"``)."""

    INTENT = "intent"
    CREATED = "created"
    UPLOADED = "uploaded"
    COMMITTED = "committed"
    FINISHED = "finished"
    ABANDONED = "abandoned"


def _step(record: Mapping[str, Any]) -> Step | None:
    value = record.get("step")
    return Step(value) if value in Step.__members__.values() else None


@dataclass(frozen=True)
class MetricView:
    """One quality metric of a finished quality check (a METRIC object)."""

    expected: Any
    actual: Any
    advice_en: str | None
    advice_zh: str | None
    out_of_range: bool

    @classmethod
    def of(cls, stored: Mapping[str, Any]) -> MetricView:
        return cls(
            expected=stored.get("expected"),
            actual=stored.get("actual"),
            advice_en=stored.get("advice_en"),
            advice_zh=stored.get("advice_zh"),
            out_of_range=bool(stored.get("status")),
        )

    def advice(self, chinese: bool) -> str:
        """The advice in Chinese when asked and given, else in English ("" without advice)."""
        return (self.advice_zh if chinese else None) or self.advice_en or ""


@dataclass(frozen=True)
class AssessView:
    """A quality-check record, read-only; ``metrics`` and ``suggestion`` only once it finished."""

    job_id: str | None
    step: Step | None
    state: str | None
    metrics: Mapping[str, MetricView]
    suggestion: str | None
    failure_reason: str

    @property
    def finished(self) -> bool:
        return self.step is Step.FINISHED

    @classmethod
    def of(cls, record: Record) -> AssessView:
        step = _step(record)
        result = (record.get("result") or {}) if step is Step.FINISHED else {}
        metrics = {
            name: MetricView.of(value)
            for name, value in result.items()
            if name != "suggestion" and isinstance(value, Mapping)
        }
        return cls(
            job_id=record.get("job_id"),
            step=step,
            state=record.get("state"),
            metrics=metrics,
            suggestion=result.get("suggestion"),
            failure_reason=failure_reason(record),
        )


@dataclass(frozen=True)
class AuditEntry:
    """One recording the training audit rejected; ``index`` (0-based) is None for the whole package."""

    index: int | None
    take: str | None
    code: str | None
    message: str | None

    @classmethod
    def of(cls, stored: Mapping[str, Any]) -> AuditEntry:
        return cls(stored.get("index"), stored.get("take"), stored.get("code"), stored.get("message"))

    def line(self) -> Bilingual:
        """The sentence (1-based), its take and what to do, as one line."""
        reason = self.reason()
        if self.index is None:
            return Bilingual(f"The whole package: {reason.en}", f"整个数据包：{reason.zh}")
        label, take = sentence_label(self.index), self.take or "-"
        return Bilingual(f"{label.en}, take {take}: {reason.en}", f"{label.zh}，录音 {take}：{reason.zh}")

    def reason(self) -> Bilingual:
        """A reviewer's comment as written; a service code translated, the code kept as a detail."""
        if self.code == ADMIN_AUDIT:
            comment = self.message or ""
            return Bilingual(f"the reviewer wrote: {comment}", f"审核人员意见：{comment}")
        return audit_advice(self.code, self.message, one_file=self.index is not None)


@dataclass(frozen=True)
class TrainingView:
    """A voice-training record, read-only."""

    job_id: str | None
    step: Step | None
    state: str | None
    asset_id: str | None
    audit: tuple[AuditEntry, ...]
    failure_reason: str
    deleted: str | None = None

    @property
    def letter_only(self) -> bool:
        """True when the last audit rejection came from the reviewer alone and named no sentence
        (so a new authorization letter, not new recordings, is what it asks for)."""
        return bool(self.audit) and all(entry.code == ADMIN_AUDIT for entry in self.audit)

    @property
    def submitted(self) -> bool:
        """The job exists and its recordings were committed for review."""
        return bool(self.job_id) and self.step is Step.COMMITTED

    @classmethod
    def of(cls, record: Record) -> TrainingView:
        return cls(
            job_id=record.get("job_id"),
            step=_step(record),
            state=record.get("state"),
            asset_id=record.get("asset_id"),
            audit=tuple(AuditEntry.of(entry) for entry in record.get("audit") or ()),
            failure_reason=failure_reason(record),
            deleted=record.get("deleted"),
        )


def assess_view(session: Session | None) -> AssessView | None:
    """The newest quality-check record as a typed view, or None."""
    record = latest(session, ASSESS) if session is not None else None
    return AssessView.of(record) if record is not None else None


def training_view(session: Session | None) -> TrainingView | None:
    """The newest training record as a typed view, or None."""
    record = latest(session, TRAINING) if session is not None else None
    return TrainingView.of(record) if record is not None else None


def latest(session: Session, kind: str) -> Record | None:
    """The newest record of ``kind``, or None."""
    records = session.jobs(kind)
    return records[-1] if records else None


def failure_reason(record: Record) -> str:
    """A FAILED job's error code and reason as one line ("-" when the service gave neither)."""
    failure = record.get("failure") or {}
    return " ".join(str(part) for part in (failure.get("code"), failure.get("reason")) if part) or "-"


def all_job_ids(session: Session, kind: str) -> set[str]:
    """Every job id the session has recorded for ``kind``."""
    return {record["job_id"] for record in session.jobs(kind) if record.get("job_id")}


UPLOAD_LINKS = ("url", "letter_url", "audio", "txt")


def save(session: Session, kind: str, record: Record, *, new: bool = False) -> Record:
    """Write ``record`` as the newest record (appended when ``new``) with ``updated`` set now.

    Returns ``record`` itself, upload links included; what is written leaves them out.
    """
    record["updated"] = utc_now()
    record.setdefault("created", record["updated"])
    records = session.jobs(kind)
    if new or not records:
        records.append(without_links(record))
    else:
        records[-1] = without_links(record)
    session.set_jobs(kind, records)
    return record


def without_links(record: Record) -> Record:
    """A copy of ``record`` for the manifest: no pre-signed upload links."""
    stored = dict(record)
    upload = record.get("upload")
    if isinstance(upload, dict):
        stored["upload"] = {key: value for key, value in upload.items() if key not in UPLOAD_LINKS}
    return stored


def package_info(session: Session, packed: PackResult) -> dict[str, Any]:
    """A PACKAGE object for a zip just written: its path, sha256 and the export's numbering."""
    takes = []
    for index in packed.record.sentences:
        take = session.chosen_take(index)
        takes.append(take.file if take else None)
    return {
        "path": packed.record.path,
        "sha256": packed.record.sha256,
        "sentences": list(packed.record.sentences),
        "takes": takes,
    }


def package_path(session: Session, record: Record) -> Path:
    """The zip a record's PACKAGE names (stored relative to the session folder when inside it)."""
    return session.folder / record["package"]["path"]


def url_expiry(url: str) -> int | None:
    """The ``Expires`` (unix seconds) of a pre-signed OBS URL, or None when it has none."""
    for name, value in parse_qsl(urlsplit(url).query):
        if name == "Expires" and value.isdigit():
            return int(value)
    return None


def upload_info(url: str) -> dict[str, Any]:
    """An UPLOAD object for a freshly issued URL."""
    return {"url": url, "expires": url_expiry(url), "md5": None, "etag": None}


def url_usable(upload: dict[str, Any] | None, now: float, margin_s: float = 120.0) -> bool:
    """True when the recorded URL exists and will not expire within ``margin_s``."""
    if not upload or not upload.get("url"):
        return False
    expires = upload.get("expires")
    return expires is None or expires > now + margin_s


def nothing_submitted() -> UserFacingError:
    """The error for following a training job before one was submitted."""
    return UserFacingError(
        Bilingual(
            "This session has no training job yet. Submit it first: voicerecorder submit DIR.",
            "此会话还没有训练任务。请先提交：voicerecorder submit DIR。",
        ),
        exit_code=2,
    )
