"""``voicerecorder takes DIR N [--json]`` and ``voicerecorder choose DIR N TAKE``: take history."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from voicerecorder.cli.check import LEVEL_NAMES
from voicerecorder.errors import EXIT_OK
from voicerecorder.session.history import TakeRow, read_manifest, sentence_index, take_file, take_rows
from voicerecorder.session.problems import sentence_label
from voicerecorder.text import Bilingual, current_language

_VERDICTS = {**LEVEL_NAMES, "unchecked": Bilingual("UNCHECKED", "未检查")}
_SOURCES = {
    "recorded": Bilingual("recorded", "录制"),
    "imported": Bilingual("imported", "导入"),
    "recovered": Bilingual("recovered after a crash", "崩溃后恢复"),
}


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``takes`` and ``choose``."""
    takes = subparsers.add_parser(
        "takes",
        help="list every take of a sentence",
        description="List every take of sentence N (1-based), oldest first: number, time, length, verdict, "
        "source and which one is chosen. Reads the session only, never writes.",
    )
    takes.add_argument("folder", type=Path, metavar="DIR", help="the session folder")
    takes.add_argument("sentence", type=int, metavar="N", help="the sentence number (1-based)")
    takes.add_argument("--json", action="store_true", help="print the takes as JSON (stable format)")
    takes.set_defaults(func=run_takes)
    choose = subparsers.add_parser(
        "choose",
        help="make one take of a sentence the chosen one",
        description="Make take TAKE (its number from 'voicerecorder takes', or its file name) the chosen "
        "take of sentence N (1-based); it is then the one that is checked and packed.",
    )
    choose.add_argument("folder", type=Path, metavar="DIR", help="the session folder")
    choose.add_argument("sentence", type=int, metavar="N", help="the sentence number (1-based)")
    choose.add_argument("take", metavar="TAKE", help="the take's number or file name")
    choose.set_defaults(func=run_choose)


def run_takes(args: argparse.Namespace) -> int:
    """Print the takes of one sentence."""
    manifest = read_manifest(args.folder)
    index = sentence_index(args.sentence, len(manifest.sentences))
    state = manifest.sentences[index]
    rows = take_rows(state.takes, state.chosen)
    if args.json:
        document = {
            "sentence": index + 1,
            "chosen_by_user": state.chosen_by_user,
            "takes": [row.to_dict() for row in rows],
        }
        print(json.dumps(document, ensure_ascii=False, indent=2))
        return EXIT_OK
    language = current_language()
    label = sentence_label(index)
    count = Bilingual(f"{len(rows)} take(s)", f"{len(rows)} 条录音").pick(language)
    print(f"{label.pick(language)}: {count}")
    for row in rows:
        print(_row_line(row, language))
    return EXIT_OK


def _row_line(row: TakeRow, language: str) -> str:
    """``* 2  2026-01-31T08:15:00Z   6.2 s  PASS      imported (a.wav)  take-2.wav``; ``*`` marks the
    chosen take."""
    mark = "*" if row.chosen else " "
    verdict = _VERDICTS[row.verdict].pick(language)
    kind, _, name = row.source.partition(":")
    source = _SOURCES.get(kind, Bilingual(kind, kind)).pick(language) + (f" ({name})" if name else "")
    length = f"{row.duration_s:5.1f} s"
    return f"{mark} {row.number:>2}  {row.created}  {length}  {verdict:<9} {source}  {row.file}"


def run_choose(args: argparse.Namespace) -> int:
    """Make one take the chosen one and say so."""
    # Imported here: the session store loads the take checker, which slows every command's start.
    from voicerecorder.session.store import Session

    with Session.open(args.folder, writer="voicerecorder choose") as session:
        index = sentence_index(args.sentence, session.sentence_count)
        takes = session.takes(index)
        file = take_file(takes, args.take)
        session.choose_take(index, file)
        session.log(f"sentence {index + 1}: {file} chosen by the user")
    [row] = [row for row in take_rows(takes, file) if row.chosen]
    label = sentence_label(index)
    print(
        Bilingual(
            f"{label.en}: take {row.number} ({row.file}) is now the chosen take.",
            f"{label.zh}：第 {row.number} 条录音（{row.file}）现在是所选录音。",
        ).pick(current_language())
    )
    return EXIT_OK
