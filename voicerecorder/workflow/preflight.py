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


def _unverified_duration(edition: str) -> Bilingual:
    return Bilingual(
        f"Could not verify the total length: the tenant's duration settings have no limits for the "
        f"{edition} edition. Submitting anyway; MetaStudio's review checks it.",
        f"无法确认总时长：租户时长配置中没有 {edition} 版本的上下限。仍继续提交；MetaStudio 审核时会检查。",
    )


def _duration_problem(
    session: Session, client: MetaStudioClient, notices: list[Bilingual]
) -> Bilingual | None:
    low, high = client.show_tenant_duration_cfg().bounds(session.edition)
    if low is None and high is None:
        notices.append(_unverified_duration(session.edition))
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


def _resource_kind(edition: str, on_demand: bool) -> Bilingual:
    if on_demand and edition == "MIDDLE":
        return Bilingual("on-demand (pay-per-use) MIDDLE", "按需（按使用量计费）MIDDLE")
    return Bilingual(edition, edition)


def _quota_check(session: Session, client: MetaStudioClient) -> tuple[Bilingual | None, Bilingual | None]:
    """(problem, notice): a problem when the answer says no resource of the kind is left; a
    notice when it has no figure for that kind (the service decides when the job is created)."""
    on_demand = session.form.is_ondemand_resource
    kind = _resource_kind(session.edition, on_demand)
    available = client.show_voice_training_quotas().resource_available_nums
    left = available.figure(session.edition, on_demand) if available is not None else None
    if left is None:
        return None, Bilingual(
            f"Could not verify that a {kind.en} voice-training resource is left: the quota answer has no "
            "figure for it. Submitting anyway; MetaStudio refuses the job if none is left.",
            f"无法确认是否还有 {kind.zh} 声音制作资源：配额查询结果中没有该项数字。仍继续提交；"
            "如果没有剩余资源，MetaStudio 会拒绝创建任务。",
        )
    if left > 0:
        return None, None
    return (
        Bilingual(
            f"No {kind.en} voice-training resource is left in this account. Buy or allocate one in the "
            "MetaStudio console, then submit again.",
            f"此账号没有剩余的 {kind.zh} 声音制作资源。请在 MetaStudio 控制台购买或分配后再提交。",
        ),
        None,
    )


def preflight(
    session: Session, client: MetaStudioClient, *, needs_resource: bool, needs_takes: bool = True
) -> list[Bilingual]:
    """Raise PreflightError unless every sentence has a passing take, the total length fits the
    tenant's bounds for the edition (both only with ``needs_takes``: a SEGMENT job is created
    before the first take) and (``needs_resource``) a training resource of the form's kind
    (on-demand or not) is left; return what could not be verified (for the person to read).

    Checks unchecked chosen takes first, so it blocks for a while: call it from a worker thread.
    """
    problems: list[Bilingual] = []
    notices: list[Bilingual] = []
    if needs_takes:
        session.recheck_chosen()
        problems = [problem.message for problem in session.problems()]
    if needs_takes and not problems:
        duration = _duration_problem(session, client, notices)
        problems += [duration] if duration else []
    if needs_resource:
        quota, notice = _quota_check(session, client)
        problems += [quota] if quota else []
        notices += [notice] if notice else []
    if problems:
        raise PreflightError(problems)
    return notices
