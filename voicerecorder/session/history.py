"""Every take of a sentence, read from session.json without writing anything (``voicerecorder takes``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from voicerecorder.errors import EXIT_USAGE, UserFacingError
from voicerecorder.session.manifest import MANIFEST_NAME, Manifest, TakeRecord, parse_manifest
from voicerecorder.session.problems import verdict_of
from voicerecorder.text import Bilingual


@dataclass(frozen=True)
class TakeRow:
    """One take as a person reads it: its 1-based number among the sentence's takes and its facts."""

    number: int
    file: str
    created: str
    duration_s: float
    verdict: str
    source: str
    chosen: bool

    def to_dict(self) -> dict:
        return {
            "number": self.number,
            "file": self.file,
            "created": self.created,
            "duration_s": self.duration_s,
            "verdict": self.verdict,
            "source": self.source,
            "chosen": self.chosen,
        }


def read_manifest(folder: Path) -> Manifest:
    """The session's manifest as it is on disk (an older format is migrated in memory only).

    Nothing is written: no migration, no recovery of partial takes, no log line.
    """
    path = folder / MANIFEST_NAME
    if not path.is_file():
        raise UserFacingError(
            Bilingual(
                f"{folder} is not a session folder (it has no {MANIFEST_NAME}). Give the folder that "
                "'voicerecorder new' or the wizard created.",
                f"{folder} 不是录音会话文件夹（其中没有 {MANIFEST_NAME}）。请指定由 “voicerecorder new” "
                "或向导创建的文件夹。",
            ),
            exit_code=EXIT_USAGE,
        )
    return parse_manifest(path.read_bytes(), path)[0]


def sentence_index(number: int, count: int) -> int:
    """The 0-based index of the 1-based sentence ``number``; refuses a number outside 1..count."""
    if not 1 <= number <= count:
        raise UserFacingError(
            Bilingual(
                f"There is no sentence {number}: give a sentence number from 1 to {count}.",
                f"没有第 {number} 句：请给出 1 到 {count} 之间的句子编号。",
            ),
            exit_code=EXIT_USAGE,
        )
    return number - 1


def take_rows(takes: Sequence[TakeRecord], chosen: str | None) -> list[TakeRow]:
    """The takes of one sentence (oldest first, numbered from 1); ``chosen`` is the chosen file."""
    return [
        TakeRow(
            number=number,
            file=take.file,
            created=take.created,
            duration_s=take.duration_s,
            verdict=verdict_of(take.check),
            source=take.source,
            chosen=take.file == chosen,
        )
        for number, take in enumerate(takes, 1)
    ]


def take_file(takes: Sequence[TakeRecord], number_or_file: str) -> str:
    """The file of the take given by its 1-based number or by its file name; refuses an unknown one."""
    if not takes:
        raise UserFacingError(
            Bilingual(
                "This sentence has no take yet: record or import one first.",
                "这一句还没有录音：请先录制或导入一条录音。",
            ),
            exit_code=EXIT_USAGE,
        )
    numbered = {str(number): take.file for number, take in enumerate(takes, 1)}
    wanted = numbered.get(number_or_file) or next((t.file for t in takes if t.file == number_or_file), None)
    if wanted is None:
        raise UserFacingError(
            Bilingual(
                f"This sentence has no take {number_or_file}: give a take number from 1 to {len(takes)} "
                "(see 'voicerecorder takes').",
                f"这一句没有录音 {number_or_file}：请给出 1 到 {len(takes)} 之间的录音编号"
                "（见 “voicerecorder takes”）。",
            ),
            exit_code=EXIT_USAGE,
        )
    return wanted
