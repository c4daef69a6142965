"""Checks before a training job is created or data is sent again: takes, total length, quota."""

from __future__ import annotations

from voicerecorder.cloud.client import MetaStudioClient
from voicerecorder.errors import EXIT_REFUSED, UserFacingError
from voicerecorder.session.store import Session
from voicerecorder.text import Bilingual


class PreflightError(UserFacingError):
    """The session is not ready to submit; ``problems`` lists every reason (nothing was sent)."""

    def __init__(self, problems: list[Bilingual]) -> None:
        super().__init__(
            Bilingual(
                "Not submitted. Fix these first:\n" + "\n".join(f"  - {p.en}" for p in problems),
                "未提交。请先解决以下问题：\n" + "\n".join(f"  - {p.zh}" for p in problems),
            ),
            exit_code=EXIT_REFUSED,
        )
        self.problems = problems


def total_seconds(session: Session) -> float:
    """The length of every chosen take together."""
    takes = (session.chosen_take(index) for index in range(session.sentence_count))
    return sum(take.duration_s for take in takes if take is not None)


def _duration_problem(session: Session, client: MetaStudioClient) -> Bilingual | None:
    low, high = client.show_tenant_duration_cfg().bounds(session.edition)
    seconds = total_seconds(session)
    if low is not None and seconds < low:
        return Bilingual(
            f"The takes last {seconds:.0f} s together; the {session.edition} edition needs at least "
            f"{low} s. Record the sentences at a natural pace without cutting them short.",
            f"所有录音合计 {seconds:.0f} 秒；{session.edition} 版本至少需要 {low} 秒。"
            "请以自然语速完整录制每一句。",
        )
    if high is not None and seconds > high:
        return Bilingual(
            f"The takes last {seconds:.0f} s together; the {session.edition} edition allows at most "
            f"{high} s. Trim long pauses or record the longest sentences again, more briskly.",
            f"所有录音合计 {seconds:.0f} 秒；{session.edition} 版本最多允许 {high} 秒。"
            "请去掉过长的停顿，或更紧凑地重录最长的句子。",
        )
    return None


def _quota_problem(session: Session, client: MetaStudioClient) -> Bilingual | None:
    quotas = client.show_voice_training_quotas()
    available = quotas.resource_available_nums
    if available is not None and available.for_edition(session.edition) > 0:
        return None
    return Bilingual(
        f"No {session.edition} voice-training resource is left in this account. Buy or allocate one "
        "in the MetaStudio console, then submit again.",
        f"此账号没有剩余的 {session.edition} 声音制作资源。请在 MetaStudio 控制台购买或分配后再提交。",
    )


def preflight(session: Session, client: MetaStudioClient, *, needs_resource: bool) -> None:
    """Raise PreflightError unless every sentence has a passing take, the total length fits the
    tenant's bounds for the edition and (``needs_resource``) a training resource is left.

    Checks unchecked chosen takes first, so it blocks for a while: call it from a worker thread.
    """
    session.recheck_chosen()
    problems = [problem.message for problem in session.problems()]
    if not problems:
        duration = _duration_problem(session, client)
        problems += [duration] if duration else []
    if needs_resource:
        quota = _quota_problem(session, client)
        problems += [quota] if quota else []
    if problems:
        raise PreflightError(problems)
