"""``voicerecorder check PATH... [--json]``: check WAV files, or the chosen takes of a session folder.

Exit codes: 0 no take fails (warnings allowed), 1 at least one take fails, 2 a path is
unreadable or not a session folder. It reads only: a session is opened without its lock and
nothing is written; a take still being recorded (a live ``*.partial.wav``) is skipped.
The ``--json`` output is a stable contract (README, "voicerecorder check --json").
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from voicerecorder.errors import EXIT_FAILED, EXIT_OK, EXIT_USAGE, UserFacingError
from voicerecorder.quality.report import TakeReport
from voicerecorder.quality.triage import suppression_note
from voicerecorder.session.manifest import MANIFEST_NAME
from voicerecorder.session.problems import sentence_label
from voicerecorder.text import Bilingual, current_language

LEVEL_NAMES = {
    "pass": Bilingual("PASS", "通过"),
    "warn": Bilingual("WARN", "警告"),
    "fail": Bilingual("FAIL", "不合格"),
}


@dataclass(frozen=True)
class CheckedFile:
    """One checked take: the path as shown, and the report dict (``verdict``, ``checks``)."""

    path: str
    report: dict


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``check``."""
    parser = subparsers.add_parser(
        "check",
        help="check WAV files or a session folder's chosen takes",
        description="Check takes against the quality rules. A session folder checks the chosen take of "
        "every sentence with the session's context. Exit 0 when no take fails, 1 when one fails, "
        "2 when a path cannot be read.",
    )
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="WAV files or session folders")
    parser.add_argument("--json", action="store_true", help="print the results as JSON (stable format)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Check every path, print the results and return the exit code."""
    checked: list[CheckedFile] = []
    unreadable = False
    for path in args.paths:
        try:
            checked.extend(_check_path(path))
        except UserFacingError as error:
            print(f"voicerecorder: {error.message.pick(current_language())}", file=sys.stderr)
            unreadable = True
    if args.json:
        print(json.dumps(json_report(checked), ensure_ascii=False, indent=2))
    else:
        for item in checked:
            print("\n".join(verdict_lines(item.path, item.report)))
    if unreadable:
        return EXIT_USAGE
    return EXIT_FAILED if any(item.report["verdict"] == "fail" for item in checked) else EXIT_OK


_JSON_KEYS = ("id", "level", "value", "message_en", "message_zh", "suppressed_by")


def json_report(checked: list[CheckedFile]) -> dict:
    """The ``--json`` document: ``{"files": [{"path", "verdict", "checks": [...]}]}``; a check left
    unjudged because of another check's problem also carries ``suppressed_by``."""
    files = []
    for item in checked:
        checks = [{key: check[key] for key in _JSON_KEYS if key in check} for check in item.report["checks"]]
        files.append({"path": item.path, "verdict": item.report["verdict"], "checks": checks})
    return {"files": files}


def verdict_lines(label: str, report: dict) -> list[str]:
    """``label: VERDICT``, one indented line per warning or failure in the order to fix them, and
    which checks were not judged because of them; in the CLI language."""
    language = current_language()
    lines = [f"{label}: {LEVEL_NAMES[report['verdict']].pick(language)}"]
    parsed = TakeReport.from_dict(report)
    for finding in parsed.to_fix():
        level = LEVEL_NAMES[finding.level.value].pick(language)
        lines.append(f"  {level} {finding.id}: {finding.message.pick(language)}")
    note = suppression_note(parsed)
    if note is not None:
        lines.append(f"  {note.pick(language)}")
    return lines


def _check_path(path: Path) -> list[CheckedFile]:
    if path.is_dir():
        return _check_session(path)
    if not path.is_file():
        raise UserFacingError(
            Bilingual(
                f"{path} does not exist. Give WAV files or a session folder.",
                f"{path} 不存在。请指定 WAV 文件或会话文件夹。",
            ),
            exit_code=EXIT_USAGE,
        )
    if _being_recorded(path):
        print(
            Bilingual(
                f"{path} is still being recorded; skipped. Check it once the recording has stopped.",
                f"{path} 仍在录音中，已跳过。请在录音结束后再检查。",
            ).pick(current_language()),
            file=sys.stderr,
        )
        return []
    return [CheckedFile(str(path), _check_file(path, None))]


def _being_recorded(path: Path) -> bool:
    """Whether ``path`` is the partial file of a take another process is writing right now."""
    from voicerecorder.audio.takewriter import PARTIAL_SUFFIX, writer_alive

    return path.name.endswith(PARTIAL_SUFFIX) and writer_alive(path)


def _check_file(path: Path, inputs: object | None) -> dict:
    """Check one file with ``inputs`` (a session's ContextInputs), or on its own when None."""
    # Imported here: the take checker loads NumPy, soxr and webrtcvad; --help needs none of them.
    from voicerecorder.audio.wavfile import read_audio
    from voicerecorder.session.takes import run_check, standalone_inputs

    return run_check(read_audio(path), inputs or standalone_inputs())


def _check_session(folder: Path) -> list[CheckedFile]:
    if not (folder / MANIFEST_NAME).is_file():
        raise UserFacingError(
            Bilingual(
                f"{folder} is a folder but not a session (no {MANIFEST_NAME}). Give WAV files or a "
                "session folder.",
                f"{folder} 是文件夹，但不是会话文件夹（没有 {MANIFEST_NAME}）。请指定 WAV 文件或会话文件夹。",
            ),
            exit_code=EXIT_USAGE,
        )
    # Imported here: the take checker loads NumPy, soxr and webrtcvad; --help needs none of them.
    from voicerecorder.session.store import Session

    session = Session.open(folder)
    checked = []
    missing = []
    for index in range(session.sentence_count):
        take = session.chosen_take(index)
        if take is None:
            missing.append(index)
            continue
        path = session.take_path(index, take)
        checked.append(
            CheckedFile(str(path), _check_file(path, session.check_context_inputs(index, take.capture)))
        )
    language = current_language()
    for index in missing:
        label = sentence_label(index).pick(language)
        print(Bilingual(f"{label}: no take yet", f"{label}：还没有录音").pick(language), file=sys.stderr)
    return checked
