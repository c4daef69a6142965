"""Finding the training job an interrupted run created before it could record the job id.

Every intent carries a batch mark (``batch_name``) made from its own random token and sent
with CreateTraining*Job. The service keeps ``batch_name`` on the job, returns it in
ListVoiceTrainingJob and ShowVoiceTrainingJob, and ListVoiceTrainingJob filters on it; so the
job this session's intent created is the one that carries exactly that mark. Voice names and
creation times identify nothing: another session may use the same voice name at the same
moment.
"""

from __future__ import annotations

from typing import Any

from voicerecorder.cloud.client import MetaStudioClient
from voicerecorder.cloud.models import ListJobsQuery, TrainingJob
from voicerecorder.session.store import Session
from voicerecorder.workflow import records

MARK_PREFIX = "voicerecorder-"


def batch_mark(token: str) -> str:
    """The ``batch_name`` an intent with ``token`` sends with its create request."""
    return f"{MARK_PREFIX}{token}"


def _creation_order(job: TrainingJob) -> tuple[int, str]:
    return (job.create_time or 0, job.job_id or "")


def find_created(session: Session, client: MetaStudioClient, intent: dict[str, Any]) -> TrainingJob | None:
    """The job created for ``intent`` that the session does not know yet, or None.

    Only a job whose ``batch_name`` equals the intent's mark counts (checked here too, in
    case the service matched the filter loosely); jobs the session already recorded are
    skipped. Should two jobs carry the mark (a create request delivered twice), the first
    one created is taken, ties broken by job id, so every run picks the same one.
    Blocks on the network (worker thread).
    """
    mark = intent.get("batch_name")
    if not mark:
        return None
    page = client.list_voice_training_jobs(
        ListJobsQuery(
            batch_name=mark,
            state=("CREATING",),
            job_type=intent["edition"],
            limit=100,
            sort_key="create_time",
            sort_dir="asc",
        )
    )
    known = records.all_job_ids(session, records.TRAINING)
    found = [job for job in page.jobs if job.batch_name == mark and job.job_id not in known]
    return min(found, key=_creation_order) if found else None
