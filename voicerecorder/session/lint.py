"""Checks a script before anyone reads it aloud; every finding names the line and the fix.

Errors are problems that make a take unusable for training or its transcript ambiguous:
``duplicate``, ``too_long`` (over 15 s, MetaStudio's hard limit), ``digits``, ``symbols``,
``cjk_in_en``, ``not_chinese``, ``bidi_control`` (invisible direction controls that make the
shown text differ from the stored one) and ``sentence_count`` (the edition needs exactly 20 or 100).
Warnings are worth fixing but a take can still be used: ``too_short`` (under 5 s),
``end_punctuation``, ``abbreviation`` (English), ``latin_in_cn`` and ``emoji``.
A finding about the whole script has line 0 and no sentence id.
:func:`reading_seconds` estimates how long the whole script takes to read aloud.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from voicerecorder.quality.textunits import estimated_reading_seconds
from voicerecorder.session.script import Script, sentence_bounds
from voicerecorder.text import Bilingual

MIN_SECONDS = 5.0
MAX_SECONDS = 15.0

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*")
_DIGITS = re.compile(r"\d+")
_SYMBOLS = re.compile(r"[%‰&$¥￥€£@#+=/\\*<>^|~_°℃×÷§％＆＄＠＃＋＝／＼＊＜＞＾｜～＿]")
# Unicode's bidirectional formatting characters (UAX #9): embeddings, overrides, isolates, marks.
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
_EMOJI = re.compile("[\u2600-\u27bf\u2b00-\u2bff\ufe0f\U0001f000-\U0001faff]")
_CLOSERS = " \t\"'”’)）」』】》"
_ENDINGS = {"CN": "。！？…", "EN": ".!?…"}
_ABBREVIATIONS = re.compile(
    r"\b(?:(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|Co|Inc|Ltd|Corp|Ave|Mt|Dept|Vol|Jan|Feb|Aug|Sept|Oct|Nov|Dec)"
    r"\.(?=\s+\w)"
    r"|(?i:etc|e\.g|i\.e|vs|approx|incl|esp)\."
    r"|(?:[A-Za-z]\.){2,}"
    r"|(?:km|kg|cm|mm|ml|lb|lbs|oz|ft|mph|hr|hrs|min|mins|sec|secs)\b(?!['’])"
    r"|[A-Z]{2,}\b)"
)


@dataclass(frozen=True)
class LintFinding:
    """One problem in a script: where it is (file line, 0 for the whole script), how bad, and the fix."""

    line: int
    sentence_id: str | None
    level: str
    code: str
    message: Bilingual

    def to_dict(self) -> dict[str, Any]:
        """The JSON form used by ``voicerecorder script lint --json``."""
        return {
            "line": self.line,
            "sentence_id": self.sentence_id,
            "level": self.level,
            "code": self.code,
            "message_en": self.message.en,
            "message_zh": self.message.zh,
        }


def lint_script(script: Script, edition: str | None) -> list[LintFinding]:
    """Every finding for ``script``; the sentence count is checked only when ``edition`` is given."""
    findings = [] if edition is None else _count_findings(script, edition)
    seen: dict[str, int] = {}
    for index, sentence in enumerate(script.sentences):
        line = script.line_of(index)
        where = Bilingual(f"Line {line} (sentence {sentence.id})", f"第 {line} 行（句子 {sentence.id}）")
        for level, code, message in _sentence_problems(sentence.text, script.language):
            findings.append(LintFinding(line, sentence.id, level, code, _located(where, message)))
        key = _duplicate_key(sentence.text)
        if key in seen:
            message = Bilingual(
                f"repeats line {seen[key]}. Replace it with a different sentence.",
                f"与第 {seen[key]} 行重复。请换成另一个句子。",
            )
            findings.append(LintFinding(line, sentence.id, "error", "duplicate", _located(where, message)))
        else:
            seen[key] = line
    return findings


def reading_seconds(script: Script) -> float:
    """The estimated time to read every sentence of ``script`` aloud at a typical prompt-reading pace."""
    return sum(estimated_reading_seconds(sentence.text, script.language) for sentence in script.sentences)


def reading_time_text(seconds: float) -> Bilingual:
    """``seconds`` as minutes and seconds ("3 min 48 s", "3 分 48 秒"); under a minute, seconds only."""
    minutes, rest = divmod(round(seconds), 60)
    if minutes == 0:
        return Bilingual(f"{rest} s", f"{rest} 秒")
    return Bilingual(f"{minutes} min {rest} s", f"{minutes} 分 {rest} 秒")


def _located(where: Bilingual, message: Bilingual) -> Bilingual:
    return Bilingual(f"{where.en}: {message.en}", f"{where.zh}：{message.zh}")


def _count_findings(script: Script, edition: str) -> list[LintFinding]:
    fewest, most = sentence_bounds(edition)
    have = len(script.sentences)
    name = edition.upper()
    if fewest <= have <= (most or have):
        return []
    if most is None:
        message = Bilingual(
            f"Script: the {name} edition reads at least {fewest} sentences but there are only {have}. "
            f"Add {fewest - have} more.",
            f"文稿：{name} 版本至少需要 {fewest} 句，现在只有 {have} 句。请再补充 {fewest - have} 句。",
        )
        return [LintFinding(0, None, "error", "sentence_count", message)]
    wanted = most
    if have < wanted:
        message = Bilingual(
            f"Script: the {name} edition reads exactly {wanted} sentences but there are only {have}. "
            f"Add {wanted - have} more.",
            f"文稿：{name} 版本需要正好 {wanted} 句，现在只有 {have} 句。请再补充 {wanted - have} 句。",
        )
    else:
        message = Bilingual(
            f"Script: the {name} edition reads exactly {wanted} sentences but there are {have}. "
            f"Remove {have - wanted}, or choose the edition that matches.",
            f"文稿：{name} 版本需要正好 {wanted} 句，现在有 {have} 句。"
            f"请删去 {have - wanted} 句，或选择相符的版本。",
        )
    return [LintFinding(0, None, "error", "sentence_count", message)]


def _sentence_problems(text: str, language: str) -> Iterator[tuple[str, str, Bilingual]]:
    yield from _length_problems(text, language)
    if text.rstrip(_CLOSERS)[-1:] not in _ENDINGS[language]:
        marks = "。！ or ？" if language == "CN" else ". ! or ?"
        yield (
            "warning",
            "end_punctuation",
            Bilingual(
                f"no end punctuation. End the sentence with {marks} so it is read with the right intonation.",
                f"句末没有标点。请以 {marks.replace(' or ', '或')} 结尾，以便读出正确的语调。",
            ),
        )
    digits = _DIGITS.findall(text)
    if digits:
        shown = ", ".join(digits)
        yield (
            "error",
            "digits",
            Bilingual(
                f"contains the digits {shown}. Write numbers out as words exactly as they are to be read.",
                f"含有数字 {shown}。请把数字按实际读法写成文字。",
            ),
        )
    symbols = sorted(set(_SYMBOLS.findall(text)))
    if symbols:
        shown = " ".join(symbols)
        yield (
            "error",
            "symbols",
            Bilingual(
                f"contains {shown}. Write symbols out as the words that are read "
                '(for example "%" as "percent").',
                f"含有符号 {shown}。请把符号写成要读出的文字（例如“%”写作“百分之”）。",
            ),
        )
    yield from _invisible_problems(text)
    yield from (_cn_problems(text) if language == "CN" else _en_problems(text))


def _invisible_problems(text: str) -> Iterator[tuple[str, str, Bilingual]]:
    controls = sorted(set(_BIDI.findall(text)))
    if controls:
        shown = ", ".join(f"U+{ord(ch):04X}" for ch in controls)
        yield (
            "error",
            "bidi_control",
            Bilingual(
                f"contains the invisible direction controls {shown}, so the text shown differs from the "
                "text stored. Retype the sentence without them.",
                f"含有不可见的文字方向控制符 {shown}，显示的文字与保存的文字不同。"
                "请重新输入该句，不要包含它们。",
            ),
        )
    emoji = sorted(set(_EMOJI.findall(text)))
    if emoji:
        shown = " ".join(emoji)
        yield (
            "warning",
            "emoji",
            Bilingual(
                f"contains the emoji {shown}, which are not read aloud. Remove them or write what is read.",
                f"含有表情符号 {shown}，朗读时不会读出。请删除，或写成要读出的文字。",
            ),
        )


def _length_problems(text: str, language: str) -> Iterator[tuple[str, str, Bilingual]]:
    seconds = estimated_reading_seconds(text, language)
    if seconds > MAX_SECONDS:
        yield (
            "error",
            "too_long",
            Bilingual(
                f"reads in about {seconds:.0f} s, over the {MAX_SECONDS:.0f} s limit. "
                "Split it in two or shorten it.",
                f"朗读约需 {seconds:.0f} 秒，超过 {MAX_SECONDS:.0f} 秒上限。请拆成两句或删短。",
            ),
        )
    elif seconds < MIN_SECONDS:
        yield (
            "warning",
            "too_short",
            Bilingual(
                f"reads in about {seconds:.1f} s, under {MIN_SECONDS:.0f} s. Lengthen it or join it with "
                "another sentence.",
                f"朗读约需 {seconds:.1f} 秒，不足 {MIN_SECONDS:.0f} 秒。请加长，或与另一句合并。",
            ),
        )


def _cn_problems(text: str) -> Iterator[tuple[str, str, Bilingual]]:
    if not _CJK.search(text):
        yield (
            "error",
            "not_chinese",
            Bilingual(
                "has no Chinese characters but this is a Chinese (CN) script. "
                "Write it in Chinese or remove it.",
                "没有中文字符，但这是中文（CN）文稿。请改写成中文或删除。",
            ),
        )
        return
    words = _LATIN_WORD.findall(unicodedata.normalize("NFKC", text))
    if words:
        shown = ", ".join(words)
        yield (
            "warning",
            "latin_in_cn",
            Bilingual(
                f"contains Latin letters ({shown}). Write them in Chinese, or make sure the text spells "
                "exactly what is read.",
                f"含有拉丁字母（{shown}）。请改写成中文，或确保文本与实际读法完全一致。",
            ),
        )


def _en_problems(text: str) -> Iterator[tuple[str, str, Bilingual]]:
    cjk = _CJK.findall(text)
    if cjk:
        yield (
            "error",
            "cjk_in_en",
            Bilingual(
                f"contains Chinese characters ({''.join(cjk)}) but this is an English (EN) script. "
                "Write it in English.",
                f"含有中文字符（{''.join(cjk)}），但这是英文（EN）文稿。请改写成英文。",
            ),
        )
    found = [match.group(0) for match in _ABBREVIATIONS.finditer(text)]
    if found:
        shown = ", ".join(found)
        yield (
            "warning",
            "abbreviation",
            Bilingual(
                f"contains the abbreviation {shown}. Write the full words that are read "
                '(for example "Doctor", "and so on", "television").',
                f"含有缩写 {shown}。请写出实际要读的完整单词（例如 Doctor、and so on、television）。",
            ),
        )


def _duplicate_key(text: str) -> str:
    """Two sentences are duplicates when their letters match, whatever the case, spaces or punctuation."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text).casefold() if ch.isalnum())
