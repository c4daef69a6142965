"""The training jobs this computer deleted, so a session whose job is gone can be submitted again.

MetaStudio answers "not found" for a deleted job, the same as for a wrong region or project. The
app tells them apart only for deletions it made itself: ``deleted-jobs.json`` in the data folder
maps each job id it deleted to the time (ISO 8601, UTC). A session whose job appears there is
submitted as a new job; a job that is merely not found stays an error (creating a new paid job
because a region was mistyped would be the wrong guess).
"""

from __future__ import annotations

import json
from pathlib import Path

import filelock

from voicerecorder.cloud.client import MetaStudioClient
from voicerecorder.cloud.errors import NotFoundError
from voicerecorder.cloud.models import TrainingJob
from voicerecorder.errors import UserFacingError
from voicerecorder.paths import data_dir
from voicerecorder.private import make_private_dir
from voicerecorder.session.atomicfile import atomic_write_bytes
from voicerecorder.session.manifest import utc_now
from voicerecorder.session.store import Session
from voicerecorder.text import Bilingual
from voicerecorder.workflow import records

FILE_NAME = "deleted-jobs.json"


class JobDeletedError(UserFacingError):
    """The session's job was deleted from this computer (``when``): submitting again makes a new one."""

    def __init__(self, job_id: str, when: str) -> None:
        super().__init__(
            Bilingual(
                f"Job {job_id} was deleted ({when}) and no longer exists in MetaStudio. Submit the "
                "session again to create a new job with its current recordings.",
                f"任务 {job_id} 已被删除（{when}），MetaStudio 中已不存在。请再次提交此会话，"
                "用当前的录音创建新任务。",
            )
        )
        self.job_id = job_id
        self.when = when


def _journal() -> Path:
    return data_dir() / FILE_NAME


def _read(path: Path) -> dict[str, str]:
    try:
        stored = json.loads(path.read_bytes())
    except FileNotFoundError:
        return {}
    except ValueError:
        stored = None
    if not isinstance(stored, dict):
        return {}
    return {key: value for key, value in stored.items() if isinstance(value, str)}


def remember_deleted(job_id: str) -> None:
    """Note that ``job_id`` was deleted now (written atomically; one writer at a time)."""
    path = _journal()
    make_private_dir(path.parent)
    with filelock.FileLock(path.with_name(FILE_NAME + ".lock")):
        deleted = _read(path)
        deleted[job_id] = utc_now()
        atomic_write_bytes(path, json.dumps(deleted, indent=1, sort_keys=True).encode())


def deleted_on(job_id: str) -> str | None:
    """When this computer deleted ``job_id``, or None when it never did."""
    return _read(_journal()).get(job_id)


def show_job(client: MetaStudioClient, job_id: str) -> TrainingJob:
    """ShowVoiceTrainingJob; a job this computer deleted raises :class:`JobDeletedError` instead of
    "not found". Blocks on the network (worker thread)."""
    try:
        return client.show_voice_training_job(job_id)
    except NotFoundError:
        when = deleted_on(job_id)
        if when is None:
            raise
        raise JobDeletedError(job_id, when) from None


def show_recorded_job(session: Session, client: MetaStudioClient, record: records.Record) -> TrainingJob:
    """:func:`show_job` for the job of ``session``'s training ``record``; a deletion found is also
    noted in the record (``deleted``: when). Blocks on the network (worker thread)."""
    try:
        return show_job(client, record["job_id"])
    except JobDeletedError as deleted:
        if record.get("deleted") != deleted.when:
            record["deleted"] = deleted.when
            records.save(session, records.TRAINING, record)
        raise
