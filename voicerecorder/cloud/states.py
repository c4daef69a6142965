"""MetaStudio job states (``JobState``) and what each one means for the person waiting."""

from __future__ import annotations

import enum

from voicerecorder.text import Bilingual


class JobState(enum.StrEnum):
    """A MetaStudio training job's ``state`` (a ``str``: ``JobState.SUCCEED == "SUCCEED"``)."""

    CREATING = "CREATING"
    SYSTEM_AUDITING = "SYSTEM_AUDITING"
    AUDITING = "AUDITING"
    WAITING_SPLIT = "WAITING_SPLIT"
    SPLITTING = "SPLITTING"
    SPLIT_FAILED = "SPLIT_FAILED"
    ANNOTATING = "ANNOTATING"
    WAITING = "WAITING"
    PROCESSING = "PROCESSING"
    RESULT_REVIEW = "RESULT_REVIEW"
    AUDIT_FAILED = "AUDIT_FAILED"
    USER_RESULT_REVIEW = "USER_RESULT_REVIEW"
    USER_REVIEW_REJECT = "USER_REVIEW_REJECT"
    UPLOADING = "UPLOADING"
    FAILED = "FAILED"
    SUCCEED = "SUCCEED"


JOB_STATES = tuple(JobState)

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
        "(this one can be deleted in the Jobs window or with `voicerecorder delete JOB_ID`).",
        "录音无法切分为句子，且此任务无法再次提交。请重新录制，句与句之间留出 2–3 秒停顿，然后提交："
        "会创建新任务（此任务可在“任务”窗口中或用 `voicerecorder delete JOB_ID` 删除）。",
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
        "one in the Jobs window or with `voicerecorder delete JOB_ID`).",
        "训练出的声音在确认中被驳回，此任务无法再次训练。请重新录制听起来有问题的句子，然后提交："
        "会创建新任务（此任务可在“任务”窗口中或用 `voicerecorder delete JOB_ID` 删除）。",
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


_CHECK_WAITING = Bilingual(
    "The quality check is queued or under way; its result usually comes within minutes.",
    "质量检测正在排队或进行中，结果通常几分钟内给出。",
)
_CHECK_REVIEW = Bilingual(
    "The quality check is being reviewed by the service.",
    "服务正在复核质量检测。",
)
_CHECK_DESCRIPTIONS = {
    "CREATING": Bilingual(
        "Quality check created — waiting for the sample to be uploaded and the check started.",
        "质量检测已创建——等待上传样本并启动检测。",
    ),
    "SYSTEM_AUDITING": Bilingual("The quality check is reading the sample.", "质量检测正在读取样本。"),
    "AUDITING": _CHECK_REVIEW,
    "WAITING_SPLIT": _CHECK_WAITING,
    "SPLITTING": Bilingual(
        "The quality check is cutting the sample into sentences.", "质量检测正在切分样本。"
    ),
    "SPLIT_FAILED": Bilingual(
        "The quality check could not cut the sample into sentences. Check that the takes hold clear "
        "speech, then run the quality check again.",
        "质量检测无法切分样本。请确认录音是清晰的语音，然后重新运行质量检测。",
    ),
    "ANNOTATING": _CHECK_WAITING,
    "WAITING": _CHECK_WAITING,
    "PROCESSING": Bilingual(
        "The quality check is measuring the sample (usually a few minutes).",
        "质量检测正在分析样本（通常需要几分钟）。",
    ),
    "RESULT_REVIEW": _CHECK_REVIEW,
    "AUDIT_FAILED": Bilingual(
        "The quality check refused the sample. Run it again with other takes.",
        "质量检测拒绝了样本。请换用其他录音重新检测。",
    ),
    "USER_RESULT_REVIEW": _CHECK_REVIEW,
    "USER_REVIEW_REJECT": Bilingual(
        "The quality check's result was rejected. Run the quality check again.",
        "质量检测结果被驳回。请重新运行质量检测。",
    ),
    "UPLOADING": Bilingual("The quality check is saving its result.", "质量检测正在保存结果。"),
    "FAILED": Bilingual(
        "The quality check failed. See the reason, then run it again; nothing was trained.",
        "质量检测失败。请查看原因后重新检测；这不影响声音训练。",
    ),
    "SUCCEED": Bilingual(
        "Quality check done — see its measurements and advice.",
        "质量检测已完成——请查看测量结果和建议。",
    ),
}


def describe_state(state: str, *, quality_check: bool = False) -> Bilingual:
    """What ``state`` means and what to do, in English and Chinese: of a voice-training job,
    or (``quality_check``) of a quality check (a VOICE_ASSESS short job)."""
    known = (_CHECK_DESCRIPTIONS if quality_check else _DESCRIPTIONS).get(state)
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
