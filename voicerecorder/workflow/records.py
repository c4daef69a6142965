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
     "asset_id", "failure", "created", "updated"}

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
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from voicerecorder.errors import UserFacingError
from voicerecorder.session.export import PackResult
from voicerecorder.session.manifest import utc_now
from voicerecorder.session.store import Session
from voicerecorder.text import Bilingual

ASSESS = "assess"
TRAINING = "training"

Record = dict[str, Any]


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
