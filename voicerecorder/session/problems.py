"""What blocks the export of a session, or deserves a warning, and how messages name a sentence."""

from __future__ import annotations

from dataclasses import dataclass

from voicerecorder.quality.report import Level, TakeReport
from voicerecorder.session.manifest import SentenceTakes
from voicerecorder.text import Bilingual


def verdict_of(check: dict | None) -> str:
    """``pass``, ``warn`` or ``fail`` for a stored report; ``unchecked`` when there is none."""
    return "unchecked" if check is None else TakeReport.from_dict(check).verdict.value


def messages_at(check: dict | None, level: str) -> list[Bilingual]:
    """The messages of the findings at ``level`` ("warn" or "fail") in a stored report."""
    if check is None:
        return []
    wanted = Level(level)
    return [finding.message for finding in TakeReport.from_dict(check).findings if finding.level == wanted]


@dataclass(frozen=True)
class Problem:
    """Something that blocks the export of sentence ``index`` (0-based), or a warning about it.

    ``kind`` is one of ``no_take``, ``failing``, ``unchecked``, ``rerecord`` (the cloud audit
    rejected it) or ``warning``.
    """

    index: int
    kind: str
    message: Bilingual


def sentence_label(index: int) -> Bilingual:
    """How messages name a sentence: its 1-based number, then its 0-based file in the package as
    "(file N.wav)" so the two numbers are never read as one."""
    return Bilingual(f"Sentence {index + 1} (file {index}.wav)", f"第 {index + 1} 句（文件 {index}.wav）")


_NO_TAKE = Bilingual("has no take yet. Record it or import a recording.", "还没有录音。请录制或导入录音。")
_UNCHECKED = Bilingual(
    "its chosen take has not been checked yet (a session from an older version); it is checked "
    "before the package is written.",
    "所选录音尚未检查（来自旧版本的会话）；生成数据包前会自动检查。",
)
_RERECORD = Bilingual(
    "was rejected by the MetaStudio audit. Record it again.",
    "未通过 MetaStudio 审核。请重新录制。",
)


def at_sentence(index: int, message: Bilingual) -> Bilingual:
    """``message`` prefixed with the sentence's label."""
    label = sentence_label(index)
    return Bilingual(f"{label.en}: {message.en}", f"{label.zh}：{message.zh}")


def blocking_problems(index: int, state: SentenceTakes) -> list[Problem]:
    """What keeps sentence ``index`` out of the package: a re-record mark, no chosen take, no
    report yet, or each failing finding of its chosen take."""
    if state.marked_for_rerecord:
        return [Problem(index, "rerecord", at_sentence(index, _RERECORD))]
    take = None if state.chosen is None else state.take(state.chosen)
    if take is None:
        return [Problem(index, "no_take", at_sentence(index, _NO_TAKE))]
    if take.check is None:
        return [Problem(index, "unchecked", at_sentence(index, _UNCHECKED))]
    return [Problem(index, "failing", at_sentence(index, m)) for m in messages_at(take.check, "fail")]


def take_warnings(index: int, state: SentenceTakes) -> list[Problem]:
    """The warning findings of sentence ``index``'s chosen take."""
    take = None if state.chosen is None else state.take(state.chosen)
    if take is None:
        return []
    return [Problem(index, "warning", at_sentence(index, m)) for m in messages_at(take.check, "warn")]
