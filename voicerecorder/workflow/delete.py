"""Deleting a voice-training job (DeleteVoiceTrainingJob), refused while MetaStudio works on it."""

from __future__ import annotations

from voicerecorder.cloud.client import MetaStudioClient
from voicerecorder.cloud.models import TrainingJob
from voicerecorder.cloud.states import describe_state, is_terminal, needs_action
from voicerecorder.errors import EXIT_REFUSED, UserFacingError
from voicerecorder.text import Bilingual
from voicerecorder.workflow.deleted import remember_deleted


def deletion_refusal(job: TrainingJob) -> Bilingual | None:
    """Why ``job`` cannot be deleted now (the service is reviewing or training it), or None.

    MetaStudio does not document which states allow deletion; the app deletes only jobs that
    have finished or wait for the person, so it never pulls data out of a running review.
    """
    if is_terminal(job.state) or needs_action(job.state):
        return None
    meaning = describe_state(job.state)
    return Bilingual(
        f"Job {job.job_id} is {job.state} ({meaning.en}) MetaStudio is working on it, so it cannot "
        "be deleted now. Delete it once it has finished or waits for you.",
        f"任务 {job.job_id} 处于 {job.state}（{meaning.zh}）MetaStudio 正在处理，现在无法删除。"
        "请在任务完成或等待您处理时再删除。",
    )


def delete_job(client: MetaStudioClient, job_id: str) -> TrainingJob:
    """Delete the training job ``job_id`` after checking its state; returns the job as it was.

    Raises UserFacingError (exit 4) while the job is in progress. The deletion is remembered
    (workflow/deleted.py): a session whose job it was can then be submitted as a new job.
    Blocks on the network: call it from a worker thread.
    """
    job = client.show_voice_training_job(job_id)
    refusal = deletion_refusal(job)
    if refusal is not None:
        raise UserFacingError(refusal, exit_code=EXIT_REFUSED)
    client.delete_voice_training_job(job_id)
    remember_deleted(job_id)
    return job
