"""MetaStudio job states (``JobState``) and what each one means for the person waiting."""

from __future__ import annotations

from voicerecorder.text import Bilingual

JOB_STATES = (
    "CREATING",
    "SYSTEM_AUDITING",
    "AUDITING",
    "WAITING_SPLIT",
    "SPLITTING",
    "SPLIT_FAILED",
    "ANNOTATING",
    "WAITING",
    "PROCESSING",
    "RESULT_REVIEW",
    "AUDIT_FAILED",
    "USER_RESULT_REVIEW",
    "USER_REVIEW_REJECT",
    "UPLOADING",
    "FAILED",
    "SUCCEED",
)

TERMINAL_STATES = frozenset({"SUCCEED", "FAILED"})
"""The job will not change any more."""

ACTION_STATES = frozenset(
    {"CREATING", "AUDIT_FAILED", "SPLIT_FAILED", "USER_RESULT_REVIEW", "USER_REVIEW_REJECT"}
)
"""The job waits for the person (upload and commit, fix data, or review in the console)."""

REPLACED_STATES = frozenset({"FAILED", "SPLIT_FAILED", "USER_REVIEW_REJECT"})
"""The job cannot go on: submitting the session again creates a new job."""

_DESCRIPTIONS = {
    "CREATING": Bilingual(
        "Created — waiting for the recordings to be uploaded and submitted.",
        "已创建——等待上传录音并提交。",
    ),
    "SYSTEM_AUDITING": Bilingual(
        "Automatic review of the recordings is in progress.",
        "正在自动审核录音。",
    ),
    "AUDITING": Bilingual(
        "A reviewer is checking the recordings (this can take a day or more).",
        "审核人员正在检查录音（可能需要一天或更久）。",
    ),
    "WAITING_SPLIT": Bilingual(
        "Waiting to be cut into sentences.",
        "等待切分为句子。",
    ),
    "SPLITTING": Bilingual(
        "The recording is being cut into sentences.",
        "正在将录音切分为句子。",
    ),
    "SPLIT_FAILED": Bilingual(
        "The recording could not be cut into sentences, and this job cannot be submitted again. "
        "Record again with clear 2–3 s pauses between sentences, then submit: a new job is created "
        "(delete this one with `voicerecorder delete JOB_ID`).",
        "录音无法切分为句子，且此任务无法再次提交。请重新录制，句与句之间留出 2–3 秒停顿，然后提交："
        "会创建新任务（可用 `voicerecorder delete JOB_ID` 删除此任务）。",
    ),
    "ANNOTATING": Bilingual(
        "The sentences are being labelled.",
        "正在标注句子。",
    ),
    "WAITING": Bilingual(
        "Queued for training.",
        "排队等待训练。",
    ),
    "PROCESSING": Bilingual(
        "The voice model is being trained (usually several days).",
        "正在训练声音模型（通常需要数天）。",
    ),
    "RESULT_REVIEW": Bilingual(
        "The trained voice is being reviewed.",
        "正在审核训练出的声音。",
    ),
    "AUDIT_FAILED": Bilingual(
        "The review rejected some recordings. See the audit result, re-record those sentences, "
        "upload again and submit again.",
        "审核未通过部分录音。请查看审核结果，重新录制这些句子，重新上传并再次提交。",
    ),
    "USER_RESULT_REVIEW": Bilingual(
        "The trained voice waits for your approval. Open the MetaStudio console (Voice training, "
        "this job), listen to it and accept or reject it there; this app cannot approve it for you.",
        "训练出的声音等待您确认。请打开 MetaStudio 控制台（声音训练，此任务），试听后在那里接受或驳回；"
        "本应用无法代您确认。",
    ),
    "USER_REVIEW_REJECT": Bilingual(
        "The trained voice was rejected in review, and this job cannot be trained again. Record "
        "again the sentences that sounded wrong, then submit: a new job is created (delete this "
        "one with `voicerecorder delete JOB_ID`).",
        "训练出的声音在确认中被驳回，此任务无法再次训练。请重新录制听起来有问题的句子，然后提交："
        "会创建新任务（可用 `voicerecorder delete JOB_ID` 删除此任务）。",
    ),
    "UPLOADING": Bilingual(
        "The finished voice model is being added to the asset library.",
        "正在将训练好的声音模型上传到资产库。",
    ),
    "FAILED": Bilingual(
        "The job failed. See the reason; a new job is needed.",
        "任务失败。请查看失败原因；需要重新创建任务。",
    ),
    "SUCCEED": Bilingual(
        "Done — the voice model is ready in the asset library.",
        "已完成——声音模型已在资产库中可用。",
    ),
}


def describe_state(state: str) -> Bilingual:
    """What ``state`` means and what to do, in English and Chinese."""
    known = _DESCRIPTIONS.get(state)
    if known:
        return known
    return Bilingual(
        f"Unknown state “{state}” (newer than this app). Check the MetaStudio console.",
        f"未知状态“{state}”（比本应用更新）。请查看 MetaStudio 控制台。",
    )


def is_terminal(state: str) -> bool:
    """True for SUCCEED and FAILED."""
    return state in TERMINAL_STATES


def needs_action(state: str) -> bool:
    """True when the job waits for the person rather than for the service."""
    return state in ACTION_STATES
